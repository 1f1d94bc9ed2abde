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
/// <remarks>
/// Why u = phi_notch N (<see cref="LShapeCorner.Plain"/>, the first version) is poor: near the re-entrant corner phi_notch
/// vanishes like r while u vanishes like r^(2/3), so N = u / phi_notch has to grow like r^(-1/3) there, which a smooth
/// network cannot, and the residual of what it makes instead grows like r^(-4/3) at the corner, where the L2 residual
/// loss then spends its effort. The default <see cref="LShapeCorner.Graded"/> uses only the corner's angle omega = 3 pi/2:
/// by the classical corner analysis (Grisvard, Elliptic Problems in Nonsmooth Domains, 1985) a harmonic function that is
/// zero on both sides of a corner of angle omega behaves like r^(pi/omega) = r^(2/3) times a function of the angle, so
/// the ansatz is u = phi_notch (r^2 + eps^2)^(-1/6) N (eps = 1e-3): the weight vanishes like r^(2/3) at the corner and
/// leaves N bounded, while the angular shape is left to the network (no sin(2 theta/3) enters the ansatz). The Laplacian
/// residual is scaled by (r^2 / (r^2 + a^2))^(2/3), a = 0.2 by default, which removes the r^(-4/3) growth of the residual of an
/// imperfect N near the corner without changing the solution (the scale is positive away from the corner point).
/// </remarks>
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

    /// <summary>Creates the problem.</summary>
    /// <param name="corner">How the ansatz and residual treat the re-entrant corner.</param>
    /// <param name="scaleRadius">The graded variant's residual scale radius a (0: no scaling).</param>
    /// <exception cref="ArgumentOutOfRangeException">An unknown corner treatment, or a negative or non-finite radius.</exception>
    public PoissonLShape(LShapeCorner corner = LShapeCorner.Graded, double scaleRadius = 0.2)
    {
        if (!Enum.IsDefined(corner)) throw new ArgumentOutOfRangeException(nameof(corner), corner, "corner must be Plain or Graded");
        if (!(scaleRadius >= 0 && double.IsFinite(scaleRadius)))
            throw new ArgumentOutOfRangeException(nameof(scaleRadius), scaleRadius, $"the residual scale radius must be a finite number >= 0 (got {scaleRadius})");
        Corner = corner;
        ScaleRadius = scaleRadius;
    }

    /// <summary>The graded variant's residual scale radius a: the Laplacian is multiplied by (r^2 / (r^2 + a^2))^(2/3); 0 leaves it unscaled.</summary>
    public double ScaleRadius { get; }

    /// <summary>How the ansatz and residual treat the re-entrant corner.</summary>
    public LShapeCorner Corner { get; }

    /// <summary>The corner's singular exponent pi / omega for the interior angle omega = 3 pi / 2.</summary>
    public const double CornerExponent = 2.0 / 3;

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

    /// <summary>u = w N: zero on the notch exactly (see <see cref="Weight"/>).</summary>
    public Tensor Ansatz(Coords c, Tensor net) => Weight(c) * net;

    /// <summary>The ansatz weight w, [N, 1]: phi_notch (plain) or phi_notch (r^2 + eps^2)^((lambda - 1)/2) with lambda = 2/3 (graded).</summary>
    public Tensor Weight(Coords c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var phi = Notch.Evaluate(c);
        if (Corner == LShapeCorner.Plain) return phi;
        return phi * (c.X.square() + c.Y.square() + 1e-6).pow((CornerExponent - 1) / 2);
    }

    /// <summary>The Laplacian; for the graded variant times (r^2 / (r^2 + a^2))^(2/3), a = <see cref="ScaleRadius"/>.</summary>
    public Tensor Residual(Coords c, Solution s)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(s);
        var laplacian = s.Laplacian(U);
        if (Corner == LShapeCorner.Plain || ScaleRadius == 0) return laplacian;
        var r2 = c.X.square() + c.Y.square();
        return laplacian * (r2 / (r2 + ScaleRadius * ScaleRadius)).pow((2 - CornerExponent) / 2);
    }

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

/// <summary>How <see cref="PoissonLShape"/> treats its re-entrant corner.</summary>
public enum LShapeCorner
{
    /// <summary>u = phi_notch N and the plain Laplacian residual (the first version).</summary>
    Plain,

    /// <summary>u = phi_notch r^(-1/3) N (the corner exponent from the angle) and a residual scaled down near the corner.</summary>
    Graded,
}
