using PdeKit.Geometry;
using PdeKit.Numerics;
using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Problems;

/// <summary>
/// -Laplace(u) = f in the unit cube with a spherical hole (centre (1/2, 1/2, 1/2), radius <see cref="HoleRadius"/>),
/// manufactured solution u = sin(pi x) sin(pi y) sin(pi z) + (x + 2 y + 3 z) / 6, so f = 3 pi^2 sin(pi x) sin(pi y) sin(pi z).
/// Dirichlet data on the whole boundary, held exactly by the ansatz u = g + phi N. phi is, by default
/// (<see cref="CubeHoleAdf.SmoothBox"/>), the smooth 16 x (1 - x) y (1 - y) z (1 - z), not normalised at the cube's
/// edges, R-joined (m = 1) with the sphere's distance function; <see cref="CubeHoleAdf.Region"/> uses the region's
/// normalised R-function distance function instead (<see cref="DistanceFunction3D"/> of the six faces and the sphere).
/// Any normalised distance function has second derivatives that grow like 1/r at the edges where two faces meet, and
/// the residual sees them through phi N: on the CPU quick preset the smooth product trained to a relative L2 error of
/// 1.4e-3 (3.8e-3 after the Adam phase), the normalised one to 2.2e-3 (2.9e-2 after Adam) at twice the CPU time per step. The lift g is built from the boundary data only (a test checks that it differs from the solution
/// inside): g = L + (h - L) w, with L = (x + 2 y + 3 z) / 6 the faces' data (the linear function it is there), h the
/// hole's data carried along rays from the centre, u*(c + R (x - c) / |x - c|), and w = s^3, s = max(0, (1/2 - rho) / (1/2 - R)),
/// rho = |x - c|: one on the sphere, zero from rho = 1/2 on (so on every face), twice continuously differentiable.
/// (The transfinite blend of the two parts' data with their distance functions, tried first, has a Laplacian about
/// four times larger, RMS 48 against 12, and trained more slowly.)
/// </summary>
public sealed record PoissonCubeHole : IProblem
{
    /// <summary>The solution field.</summary>
    public static readonly Field U = Field.Scalar("u");

    private readonly DistanceFunction3D phi, holePhi;

    /// <summary>Creates the problem with a hole of radius <paramref name="holeRadius"/>.</summary>
    /// <param name="holeRadius">Radius of the hole, in (0, 0.5).</param>
    /// <param name="adf">Which distance function phi the ansatz uses.</param>
    /// <exception cref="ArgumentOutOfRangeException">The radius is not a number in (0, 0.5) (the hole must lie inside the cube), or an unknown adf.</exception>
    public PoissonCubeHole(double holeRadius = 0.25, CubeHoleAdf adf = CubeHoleAdf.SmoothBox)
    {
        if (!(holeRadius > 0 && holeRadius < 0.5))
            throw new ArgumentOutOfRangeException(nameof(holeRadius), holeRadius, $"the hole radius must lie in (0, 0.5) so that the hole is inside the unit cube (got {holeRadius})");
        if (!Enum.IsDefined(adf)) throw new ArgumentOutOfRangeException(nameof(adf), adf, "adf must be Region or SmoothBox");
        HoleRadius = holeRadius;
        Adf = adf;
        Shape = new Box((0, 1), (0, 1), (0, 1), faces: "outer") - new Ball(0.5, 0.5, 0.5, holeRadius, "hole");
        Domain = Domain.FromRegion(Shape);
        phi = Shape.DistanceFunction();
        holePhi = Shape.DistanceFunction(1, "hole");
    }

    /// <summary>Radius of the hole.</summary>
    public double HoleRadius { get; }

    /// <summary>Which distance function the ansatz uses.</summary>
    public CubeHoleAdf Adf { get; }

    /// <summary>The unit cube (faces "outer") minus the ball (sphere "hole").</summary>
    public Region3D Shape { get; }

    /// <inheritdoc />
    public string Name => "poisson-cube-hole";

    /// <inheritdoc />
    public Domain Domain { get; }

    /// <inheritdoc />
    public IReadOnlyList<Field> Outputs => [U];

    /// <summary>The exact solution.</summary>
    public static double Exact(double x, double y, double z) =>
        Math.Sin(Math.PI * x) * Math.Sin(Math.PI * y) * Math.Sin(Math.PI * z) + (x + 2 * y + 3 * z) / 6;

    private static Tensor Exact(Tensor x, Tensor y, Tensor z) =>
        (Math.PI * x).sin() * (Math.PI * y).sin() * (Math.PI * z).sin() + (x + 2 * y + 3 * z) / 6;

    /// <summary>The hole's data at the radial projection of the point onto the sphere.</summary>
    private Tensor HoleData(Coords c)
    {
        var (dx, dy, dz) = (c.X - 0.5, c.Y - 0.5, c.Z - 0.5);
        var scale = HoleRadius * (dx.square() + dy.square() + dz.square()).rsqrt();
        return Exact(0.5 + scale * dx, 0.5 + scale * dy, 0.5 + scale * dz);
    }

    /// <summary>The lift g = L + (h - L) w (equal to the data on the boundary), [N, 1].</summary>
    public Tensor Lift(Coords c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var linear = (c.X + 2 * c.Y + 3 * c.Z) / 6;
        var rho = ((c.X - 0.5).square() + (c.Y - 0.5).square() + (c.Z - 0.5).square()).sqrt();
        var w = ((0.5 - rho) / (0.5 - HoleRadius)).clamp_min(0).pow(3);
        return linear + (HoleData(c) - linear) * w;
    }

    /// <summary>The distance function phi of the ansatz, [N, 1].</summary>
    public Tensor Phi(Coords c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (Adf == CubeHoleAdf.Region) return phi.Evaluate(c);
        var box = 16 * c.X * (1 - c.X) * c.Y * (1 - c.Y) * c.Z * (1 - c.Z);
        return DistanceFunctions.REquivalence(box, holePhi.Evaluate(c));
    }

    /// <summary>u = g + phi N: the Dirichlet data hold exactly on the faces and the sphere.</summary>
    public Tensor Ansatz(Coords c, Tensor net) => Lift(c) + Phi(c) * net;

    /// <summary>(-Laplace(u) - f) / pi^2.</summary>
    public Tensor Residual(Coords c, Solution s)
    {
        var f = 3 * Math.PI * Math.PI * (Math.PI * c.X).sin() * (Math.PI * c.Y).sin() * (Math.PI * c.Z).sin();
        return (-s.Laplacian(U) - f) / (Math.PI * Math.PI);
    }

    /// <inheritdoc />
    public IReference Reference => new PointwiseReference("exact sin(pi x) sin(pi y) sin(pi z) + (x + 2y + 3z)/6", pts =>
    {
        var u = new double[pts.Length, 1];
        for (int i = 0; i < pts.Length; i++) u[i, 0] = Exact(pts[i][0], pts[i][1], pts[i][2]);
        return u;
    });

    /// <summary>41 x 41 x 41 uniform grid on the cube (points in the hole are masked); the mid-plane z = 1/2 is one of its planes.</summary>
    public IReadOnlyList<double[]> EvaluationAxes => [Grids.Linspace(0, 1, 41), Grids.Linspace(0, 1, 41), Grids.Linspace(0, 1, 41)];
}

/// <summary>The distance function of <see cref="PoissonCubeHole"/>'s ansatz.</summary>
public enum CubeHoleAdf
{
    /// <summary>16 x (1 - x) y (1 - y) z (1 - z) R-joined with the sphere's distance: smooth at the cube's edges, not normalised there.</summary>
    SmoothBox,

    /// <summary>The region's normalised R-function distance function (six trimmed faces and the sphere).</summary>
    Region,
}
