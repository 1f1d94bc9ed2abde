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
/// parts hold exactly through u = g + phi N; no flow is a soft Neumann term. Reference: PdeKit's P1
/// finite-element solution on the mesh refined twice (37824 triangles), interpolated to the grid.
/// </summary>
/// <remarks>
/// Three ansatz variants (<see cref="PlateAnsatz"/>); measured over 3000 points of the mesh, the lift's Laplacian has RMS
/// 1.3 (harmonic), 21 (log profile) and 54 (plateaus), phi's 3.9 (analytic) and 27 (mesh polygon, max 1081):
/// <list type="bullet">
/// <item><see cref="PlateAnsatz.Analytic"/>: phi is the R-equivalence (m = 1) of three smooth analytic
/// functions, x (2 - x) / 2 for the two ends and R_i ln(r_i / R_i) for the two well circles (harmonic, zero on the
/// circle, unit normal slope), and g = b1 - b2 with b_i = S(t_i), t_i = ln(rho_i / r_i) / ln(rho_i / R_i) the
/// harmonic radial log profile of well i (1 on its circle, 0 at r_i = rho_i; rho_1 = 0.5, rho_2 = 0.6 reach the ends
/// but not the other well) and S a C2 map that is the identity for t &gt;= 1/2 and 6 tau^3 - 8 tau^4 + 3 tau^5
/// (tau = 2 t) below, so g is harmonic within sqrt(rho_i R_i) of each well, where the flow concentrates, and looks like
/// the radial flow there. The data hold exactly on the circles of the Gmsh geometry; the mesh's hole edges are
/// chords of those circles (sagitta about 6e-4 for the 0.03 mesh size), so on the mesh's polygon, which the FEM
/// reference uses, u differs from the well pressure by O(sagitta |grad u|).</item>
/// <item><see cref="PlateAnsatz.Mesh"/> (the first version): phi is the distance function of the mesh's Dirichlet
/// edges (exactly zero on the polygon) and b_i a C2 quintic plateau, 1 up to the well's edge and 0 from 0.25 beyond.
/// Measured over the domain, its lift has a Laplacian RMS several times larger than the log profile's (the net has to
/// cancel it), the plateaus leave the whole well flux to phi N, and the polygon's distance function costs one segment
/// kernel per mesh edge and has second derivatives that grow near every polygon vertex.</item>
/// <item><see cref="PlateAnsatz.Harmonic"/> (default): the analytic phi and a lift that is harmonic up to a small correction
/// (see <see cref="PlateHarmonicLift"/>): the strip's Green's functions of the two wells, fitted to the well pressures,
/// with their mismatch on the circles (at most 0.085 on hole1 and 0.12 on hole2) carried in by the log-profile cutoffs.</item>
/// </list>
/// </remarks>
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

    /// <summary>The wells: centre, radius (of the Gmsh circles) and the radius rho where the analytic lift's log profile reaches zero.</summary>
    private static readonly (double Cx, double Cy, double Radius, double Rho)[] Wells = [(0.5, 0.5, 0.2, 0.5), (1.4, 0.5, 0.25, 0.6)];

    private static readonly PlateHarmonicLift HarmonicLift = new([(0.5, 0.5, 0.2, 0.5, 1.0), (1.4, 0.5, 0.25, 0.6, -1.0)]);

    private readonly DistanceFunction? meshPhi;

    /// <summary>Creates the problem (reads the embedded mesh once per process).</summary>
    /// <param name="ansatz">Which phi and g the ansatz uses.</param>
    /// <exception cref="ArgumentOutOfRangeException">An unknown ansatz.</exception>
    public PlateWells(PlateAnsatz ansatz = PlateAnsatz.Harmonic)
    {
        if (!Enum.IsDefined(ansatz)) throw new ArgumentOutOfRangeException(nameof(ansatz), ansatz, "ansatz must be Analytic, Mesh or Harmonic");
        Variant = ansatz;
        var region = LazyRegion.Value;
        if (ansatz == PlateAnsatz.Mesh) meshPhi = new DistanceFunction(Values.Keys.SelectMany(region.Part));
        Domain = Domain.FromRegion(region);
    }

    /// <summary>Which phi and g the ansatz uses.</summary>
    public PlateAnsatz Variant { get; }

    /// <summary>The mesh the problem lives on.</summary>
    public static TriangleMesh Mesh => LazyMesh.Value;

    /// <inheritdoc />
    public string Name => "poisson-plate";

    /// <inheritdoc />
    public Domain Domain { get; }

    /// <inheritdoc />
    public IReadOnlyList<Field> Outputs => [U];

    /// <summary>u = g + phi N with g = b1 - b2: 1 on hole1, -1 on hole2, 0 on the left and right edges.</summary>
    Tensor IProblem.Ansatz(Coords c, Tensor net) => Lift(c) + Phi(c) * net;

    /// <summary>The lift g = b1 - b2 of the variant, [N, 1].</summary>
    public Tensor Lift(Coords c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return Variant switch
        {
            PlateAnsatz.Mesh => Plateau(c, 0.5, 0.5, 0.2) - Plateau(c, 1.4, 0.5, 0.25),
            PlateAnsatz.Harmonic => HarmonicLift.Evaluate(c.X, c.Y, i => LogProfile(c, Wells[i])),
            _ => LogProfile(c, Wells[0]) - LogProfile(c, Wells[1]),
        };
    }

    /// <summary>The distance function phi of the variant (zero on the Dirichlet parts, positive inside), [N, 1].</summary>
    public Tensor Phi(Coords c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (meshPhi is not null) return meshPhi.Evaluate(c);
        var ends = c.X * (2 - c.X) / 2;
        var wells = Wells.Select(w => w.Radius * (0.5 * ((c.X - w.Cx).square() + (c.Y - w.Cy).square() + 1e-300).log() - Math.Log(w.Radius))).ToList();
        return DistanceFunctions.REquivalence([ends, .. wells]);
    }

    /// <summary>
    /// S(t), t = ln(rho / r) / ln(rho / R) clamped at 0: 1 on the circle, 0 from r = rho on, the identity (so harmonic) for
    /// t &gt;= 1/2 and 6 tau^3 - 8 tau^4 + 3 tau^5 with tau = 2 t below (C2 at both joins, increasing).
    /// </summary>
    private static Tensor LogProfile(Coords c, (double Cx, double Cy, double Radius, double Rho) w)
    {
        var r2 = (c.X - w.Cx).square() + (c.Y - w.Cy).square() + 1e-300;
        var t = ((Math.Log(w.Rho * w.Rho) - r2.log()) / (2 * Math.Log(w.Rho / w.Radius))).clamp_min(0);
        var tau = (2 * t).clamp_max(1);
        var ramp = 0.5 * tau.pow(3) * (6 - 8 * tau + 3 * tau.square());
        return where(t >= 0.5, t, ramp);
    }

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

    /// <summary>The mesh-polygon distance function of the Dirichlet parts (the <see cref="PlateAnsatz.Mesh"/> phi), for comparison.</summary>
    public static DistanceFunction MeshDistanceFunction() => new(Values.Keys.SelectMany(LazyRegion.Value.Part));

    private static TriangleMesh LoadMesh(string name)
    {
        using var stream = typeof(PlateWells).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"the mesh {name} is not embedded in {typeof(PlateWells).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return GmshReader.Read(reader, name);
    }
}

/// <summary>The ansatz variants of <see cref="PlateWells"/>.</summary>
public enum PlateAnsatz
{
    /// <summary>Analytic phi (R-equivalence of x (2 - x) / 2 and R ln(r / R) per well) and harmonic log-profile lift.</summary>
    Analytic,

    /// <summary>The mesh polygon's distance function and C2 quintic plateaus (the first version).</summary>
    Mesh,

    /// <summary>The analytic phi and a harmonic lift: the strip's Green's functions of the two wells plus a small cutoff correction (<see cref="PlateHarmonicLift"/>).</summary>
    Harmonic,
}
