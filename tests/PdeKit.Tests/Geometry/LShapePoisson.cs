using PdeKit.Geometry;
using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Tests.Geometry;

/// <summary>
/// Poisson on the L-shape with the manufactured solution u = x^2 y + sin(x + 2 y): Dirichlet data on the
/// outer walls held exactly by the ADF ansatz u = g + phi N, Neumann data on the notch as a soft term.
/// With <paramref name="IgnoreNetwork"/> the ansatz returns the exact solution plus <paramref name="Shift"/>.
/// </summary>
internal sealed record LShapePoisson(bool IgnoreNetwork = false, double Shift = 0) : IProblem
{
    public static readonly Field U = Field.Scalar("u");
    public static readonly Region2D L = new Rectangle((-1, 1), (-1, 1), bottom: "wall", right: "wall", top: "wall", left: "wall")
        - new Rectangle((0, 2), (0, 2), bottom: "notch", left: "notch");
    private static readonly DistanceFunction Walls = L.DistanceFunction(1, "wall");

    public static Tensor Exact(Coords c) => c.X.square() * c.Y + (c.X + 2 * c.Y).sin();

    public static double Exact(double x, double y) => x * x * y + Math.Sin(x + 2 * y);

    /// <summary>Outward normal derivative of the exact solution.</summary>
    public static Tensor Flux(Coords c)
    {
        var ux = 2 * c.X * c.Y + (c.X + 2 * c.Y).cos();
        var uy = c.X.square() + 2 * (c.X + 2 * c.Y).cos();
        return c.Normals![.., 0..1] * ux + c.Normals[.., 1..2] * uy;
    }

    public string Name => "l-poisson";
    public Domain Domain { get; } = Domain.FromRegion(L);
    public IReadOnlyList<Field> Outputs => [U];
    // g agrees with u* on the walls only (g = u* + phi (1 + x y)), so the network has to learn N = -(1 + x y).
    public Tensor Ansatz(Coords c, Tensor net) => IgnoreNetwork ? Exact(c) + Shift + 0 * net : Walls.Impose(c, net, Exact(c) + Walls.Evaluate(c) * (1 + c.X * c.Y));
    public Tensor Residual(Coords c, Solution s) => s.Laplacian(U) - (2 * c.Y - 5 * (c.X + 2 * c.Y).sin());

    public IReadOnlyList<Constraint> Constraints =>
    [
        Constraint.Neumann("notch_flux", U, Flux, 128, part: "notch"),
        Constraint.Dirichlet("wall_value", U, Exact, 128, part: "wall"),
        Constraint.Robin("notch_robin", U, 2, 0.5, c => 2 * Exact(c) + 0.5 * Flux(c), 64, part: "notch"),
    ];

    public IReference Reference => new PointwiseReference("exact", pts =>
    {
        var u = new double[pts.Length, 1];
        for (int i = 0; i < pts.Length; i++) u[i, 0] = Exact(pts[i][0], pts[i][1]);
        return u;
    });

    public IReadOnlyList<double[]> EvaluationAxes =>
        [Enumerable.Range(0, 41).Select(i => -1 + i / 20.0).ToArray(), Enumerable.Range(0, 41).Select(i => -1 + i / 20.0).ToArray()];
}
