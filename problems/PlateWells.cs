using PdeKit.Geometry;
using PdeKit.Numerics;
using PdeKit.Numerics.Fem;
using PdeKit.Numerics.Meshes;
using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Problems;

/// <summary>
/// Steady pressure in a plate with two wells, on the Gmsh mesh meshes/plate-with-holes.msh: Laplace's
/// equation on [0, 2] x [0, 1] minus the holes hole1 (radius 0.2 at (0.5, 0.5), an injector held at u = 1)
/// and hole2 (radius 0.25 at (1.4, 0.5), a producer held at u = -1), constant pressure u = 0 on the
/// left and right edges (an aquifer) and no flow through the top and bottom (sealed). The four Dirichlet
/// parts hold exactly through u = g + phi N: phi is the distance function of the mesh's Dirichlet edges and
/// g = b1 - b2, with b_i a C2 radial plateau equal to 1 up to (and on) hole i's edge and falling to 0 within
/// 0.25 of it (a quintic smoothstep), so g is 1, -1 and 0 on the wells and the ends. (The transfinite blend
/// of the part values also holds the data, but costs four more distance functions of the mesh's edges per
/// point and its Laplacian is several times larger.) No flow is a soft Neumann term. Reference: PdeKit's P1
/// finite-element solution on the mesh refined twice (37824 triangles), interpolated to the grid.
/// </summary>
public sealed record PlateWells : IProblem
{
    /// <summary>The pressure field.</summary>
    public static readonly Field U = Field.Scalar("u");

    private static readonly Lazy<TriangleMesh> LazyMesh = new(() => LoadMesh("meshes/plate-with-holes.msh"));
    private static readonly Lazy<MeshRegion> LazyRegion = new(() => new MeshRegion(LazyMesh.Value));

    private static readonly IReadOnlyDictionary<string, double> Values = new Dictionary<string, double>
    {
        ["left"] = 0, ["right"] = 0, ["hole1"] = 1, ["hole2"] = -1,
    };

    private readonly DistanceFunction phi;

    /// <summary>Creates the problem (reads the embedded mesh once per process).</summary>
    public PlateWells()
    {
        var region = LazyRegion.Value;
        phi = new DistanceFunction(Values.Keys.SelectMany(region.Part));
        Domain = Domain.FromRegion(region);
    }

    /// <summary>The mesh the problem lives on.</summary>
    public static TriangleMesh Mesh => LazyMesh.Value;

    /// <inheritdoc />
    public string Name => "poisson-plate";

    /// <inheritdoc />
    public Domain Domain { get; }

    /// <inheritdoc />
    public IReadOnlyList<Field> Outputs => [U];

    /// <summary>u = g + phi N with g = b1 - b2.</summary>
    public Tensor Ansatz(Coords c, Tensor net) => Plateau(c, 0.5, 0.5, 0.2) - Plateau(c, 1.4, 0.5, 0.25) + phi.Evaluate(c) * net;

    /// <summary>1 for r &lt;= radius, 0 for r &gt;= radius + 0.25, the quintic smoothstep (C2) between.</summary>
    private static Tensor Plateau(Coords c, double cx, double cy, double radius)
    {
        var r = ((c.X - cx).square() + (c.Y - cy).square() + 1e-30).sqrt();
        var s = ((radius + 0.25 - r) / 0.25).clamp(0, 1);
        return s * s * s * (10 - 15 * s + 6 * s * s);
    }

    /// <inheritdoc />
    public Tensor Residual(Coords c, Solution s) => s.Laplacian(U);

    /// <summary>No flow through the top and bottom edges.</summary>
    public IReadOnlyList<Constraint> Constraints =>
    [
        Constraint.Neumann("no_flow_top", U, c => zeros_like(c.X), 128, "top"),
        Constraint.Neumann("no_flow_bottom", U, c => zeros_like(c.X), 128, "bottom"),
    ];

    /// <summary>The P1 finite-element solution on the mesh refined <paramref name="refinements"/> times (nodal values on that mesh).</summary>
    public static (TriangleMesh Mesh, P1Solution Solution) FiniteElementSolution(int refinements = 2)
    {
        var mesh = MeshRefinement.Refine(Mesh, refinements);
        var problem = new EllipticProblem
        {
            Source = static (_, _) => 0,
            Dirichlet = static (x, y) => Math.Abs(x - 0.5) < 0.3 && Math.Abs(y - 0.5) < 0.3 ? 1 : Math.Abs(x - 1.4) < 0.3 && Math.Abs(y - 0.5) < 0.3 ? -1 : 0,
            DirichletParts = [.. Values.Keys],
        };
        return (mesh, P1Solver.Solve(mesh, problem, new ConjugateGradientOptions { Tolerance = 1e-12 }));
    }

    /// <inheritdoc />
    public IReference Reference => new PointwiseReference("P1 finite elements (mesh refined twice)", pts =>
    {
        var (mesh, solution) = FiniteElementSolution();
        var locator = new MeshLocator(mesh);
        var u = new double[pts.Length, 1];
        for (int i = 0; i < pts.Length; i++) u[i, 0] = locator.Interpolate(solution.Values, pts[i][0], pts[i][1]);
        return u;
    });

    /// <summary>161 x 81 uniform grid on [0, 2] x [0, 1] (points in the holes are masked).</summary>
    public IReadOnlyList<double[]> EvaluationAxes => [Grids.Linspace(0, 2, 161), Grids.Linspace(0, 1, 81)];

    private static TriangleMesh LoadMesh(string name)
    {
        using var stream = typeof(PlateWells).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the mesh {name} is not embedded in {typeof(PlateWells).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return GmshReader.Read(reader, name);
    }
}
