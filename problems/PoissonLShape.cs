using PdeKit.Geometry;
using PdeKit.Numerics;
using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Problems;

/// <summary>
/// Laplace's equation on the L-shaped domain (-1, 1)^2 minus [0, 1) x (-1, 0] with the harmonic corner
/// singularity u = r^(2/3) sin(2 theta / 3) (theta in [0, 3 pi/2] from the positive x axis) as Dirichlet
/// data: zero on the two edges of the notch, the formula on the outer edges. Its gradient is infinite at
/// the re-entrant corner, the classic test of how a method copes with a singularity.
/// The ansatz u = phi_notch N holds the zero data on the notch exactly (phi_notch the distance function of
/// the notch's two edges); the outer edges carry soft Dirichlet terms, one per edge, with the formula along
/// that edge. (A fully hard ansatz, u = g + phi N with g the transfinite blend of the edge data, was tried:
/// where two edges with different data meet, the blend's Laplacian grows like 1/distance, and the quick
/// preset stalled at a relative L2 error of 0.16.)
/// </summary>
public sealed record PoissonLShape : IProblem
{
    /// <summary>The solution field.</summary>
    public static readonly Field U = Field.Scalar("u");

    /// <summary>The L-shape with edges named bottom, right, top, left (outer) and notch.</summary>
    /// <remarks>
    /// The cut-out reaches past the square so that no edge is shared: the closed difference of flush
    /// rectangles would keep the shared edges x = 1, y &lt; 0 and y = -1, x &gt; 0 as a zero-width sliver.
    /// </remarks>
    public static Region2D Shape { get; } =
        new Rectangle((-1, 1), (-1, 1), bottom: "bottom", right: "right", top: "top", left: "left")
        - new Rectangle((0, 2), (-2, 0), left: "notch", top: "notch");

    private static readonly DistanceFunction Notch = Shape.DistanceFunction(1, "notch");

    private static readonly string[] OuterParts = ["bottom", "right", "top", "left"];

    // The data along each outer edge, with theta a smooth function of the edge's own coordinate.
    private static readonly Dictionary<string, Func<Coords, Tensor>> EdgeData = new()
    {
        ["bottom"] = c => Singular(c.X.square() + 1, 1.5 * Math.PI + c.X.atan()),
        ["right"] = c => Singular(c.Y.square() + 1, c.Y.atan()),
        ["top"] = c => Singular(c.X.square() + 1, 0.5 * Math.PI - c.X.atan()),
        ["left"] = c => Singular(c.Y.square() + 1, Math.PI - c.Y.atan()),
    };

    private static Tensor Singular(Tensor r2, Tensor theta) => r2.pow(1.0 / 3) * (2.0 / 3 * theta).sin();

    /// <inheritdoc />
    public string Name => "poisson-lshape";

    /// <inheritdoc />
    public Domain Domain { get; } = Domain.FromRegion(Shape);

    /// <inheritdoc />
    public IReadOnlyList<Field> Outputs => [U];

    /// <summary>The exact solution r^(2/3) sin(2 theta/3), theta = atan2(y, x) taken in [0, 2 pi).</summary>
    public static double Exact(double x, double y)
    {
        double theta = Math.Atan2(y, x);
        if (theta < 0) theta += 2 * Math.PI;
        return Math.Pow(x * x + y * y, 1.0 / 3) * Math.Sin(2 * theta / 3);
    }

    /// <summary>u = phi_notch N: zero on the notch exactly.</summary>
    public Tensor Ansatz(Coords c, Tensor net) => Notch.Evaluate(c) * net;

    /// <inheritdoc />
    public Tensor Residual(Coords c, Solution s) => s.Laplacian(U);

    /// <summary>u = r^(2/3) sin(2 theta/3) on each outer edge (soft, 128 points per edge).</summary>
    public IReadOnlyList<Constraint> Constraints => OuterParts.Select(p => Constraint.Dirichlet($"edge_{p}", U, EdgeData[p], 128, p)).ToList();

    /// <inheritdoc />
    public IReference Reference => new PointwiseReference("exact r^(2/3) sin(2 theta/3)", pts =>
    {
        var u = new double[pts.Length, 1];
        for (int i = 0; i < pts.Length; i++) u[i, 0] = Exact(pts[i][0], pts[i][1]);
        return u;
    });

    /// <summary>129 x 129 uniform grid on [-1, 1]^2 (points of the missing quadrant are masked).</summary>
    public IReadOnlyList<double[]> EvaluationAxes => [Grids.Linspace(-1, 1, 129), Grids.Linspace(-1, 1, 129)];
}
