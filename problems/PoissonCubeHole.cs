using PdeKit.Geometry;
using PdeKit.Numerics;
using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Problems;

/// <summary>
/// -Laplace(u) = f in the unit cube with a spherical hole (centre (1/2, 1/2, 1/2), radius <see cref="HoleRadius"/>),
/// manufactured solution u = sin(pi x) sin(pi y) sin(pi z) + (x + 2 y + 3 z) / 6, so f = 3 pi^2 sin(pi x) sin(pi y) sin(pi z).
/// Dirichlet data on the whole boundary, held exactly by the ansatz u = g + phi N (<see cref="DistanceFunction3D"/>
/// of the six faces and the sphere). The lift g is built from the boundary data only (a test checks that it differs
/// from the solution inside): the transfinite blend (Sukumar and Srivastava 2022, sec. 4) of the cube faces' data,
/// the linear function (x + 2 y + 3 z) / 6 that it is there, and the hole's data carried inward and outward along
/// rays from the centre, u*(c + R (x - c) / |x - c|).
/// </summary>
public sealed record PoissonCubeHole : IProblem
{
    /// <summary>The solution field.</summary>
    public static readonly Field U = Field.Scalar("u");

    private readonly DistanceFunction3D phi;
    private readonly TransfiniteInterpolation lift;

    /// <summary>Creates the problem with a hole of radius <paramref name="holeRadius"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The radius is not a number in (0, 0.5) (the hole must lie inside the cube).</exception>
    public PoissonCubeHole(double holeRadius = 0.25)
    {
        if (!(holeRadius > 0 && holeRadius < 0.5))
            throw new ArgumentOutOfRangeException(nameof(holeRadius), holeRadius, $"the hole radius must lie in (0, 0.5) so that the hole is inside the unit cube (got {holeRadius})");
        HoleRadius = holeRadius;
        Shape = new Box((0, 1), (0, 1), (0, 1), faces: "outer") - new Ball(0.5, 0.5, 0.5, holeRadius, "hole");
        Domain = Domain.FromRegion(Shape);
        phi = Shape.DistanceFunction();
        lift = TransfiniteInterpolation.FromParts(Shape, new Dictionary<string, Func<Coords, Tensor>>
        {
            ["outer"] = c => (c.X + 2 * c.Y + 3 * c.Z) / 6,
            ["hole"] = HoleData,
        });
    }

    /// <summary>Radius of the hole.</summary>
    public double HoleRadius { get; }

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

    /// <summary>The lift g (equal to the data on the boundary), [N, 1].</summary>
    public Tensor Lift(Coords c) => lift.Evaluate(c);

    /// <summary>u = g + phi N: the Dirichlet data hold exactly on the faces and the sphere.</summary>
    public Tensor Ansatz(Coords c, Tensor net) => phi.Impose(c, net, lift.Evaluate(c));

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
