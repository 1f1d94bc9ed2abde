using PdeKit.Evaluation;
using PdeKit.Geometry;
using PdeKit.Numerics;
using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Problems;

/// <summary>The benchmark quantities of the flow past a cylinder.</summary>
/// <param name="DragCoefficient">c_D = 2 F_x / (rho U_mean^2 D).</param>
/// <param name="LiftCoefficient">c_L = 2 F_y / (rho U_mean^2 D).</param>
/// <param name="PressureDifference">delta-p = p(0.15, 0.2) - p(0.25, 0.2).</param>
public sealed record CylinderQuantities(double DragCoefficient, double LiftCoefficient, double PressureDifference);

/// <summary>
/// Steady flow past a cylinder, the benchmark 2D-1 of Schaefer and Turek ("Benchmark computations of laminar
/// flow around a cylinder", in Flow Simulation with High-Performance Computers II, Notes on Numerical Fluid
/// Mechanics 52, 547-566, Vieweg 1996): the channel [0, 2.2] x [0, 0.41] minus the disk of radius 0.05 around
/// (0.2, 0.2), parabolic inflow u = 4 U_max y (H - y) / H^2 with U_max = 0.3, no slip on the walls and the
/// cylinder, nu = 1e-3, so Re = U_mean D / nu = 20 with U_mean = 2 U_max / 3 = 0.2, D = 0.1 and rho = 1.
/// Constraints: <see cref="ChannelAnsatz"/> (hard inflow and no slip, hard p = 0 at the outlet, soft
/// u_x = v_x = 0 there; the benchmark's do-nothing outlet gives a pressure there that differs from a constant by
/// O(nu u_x), and drag, lift and delta-p do not depend on the pressure level).
/// The benchmark publishes no field, so this problem has no pointwise reference: it is validated by
/// <see cref="Quantities"/> against <see cref="Published"/>.
/// </summary>
public sealed record NavierStokesCylinder : IProblem, IBenchmarkQuantities
{
    /// <summary>Channel height H.</summary>
    public const double Height = 0.41;

    /// <summary>Channel length.</summary>
    public const double ChannelLength = 2.2;

    /// <summary>Cylinder centre x.</summary>
    public const double CenterX = 0.2;

    /// <summary>Cylinder centre y.</summary>
    public const double CenterY = 0.2;

    /// <summary>Cylinder radius (diameter D = 0.1).</summary>
    public const double Radius = 0.05;

    /// <summary>
    /// Reference values of benchmark 2D-1: c_D = 5.5795, c_L = 0.010618, delta-p = 0.11752 (Schaefer and Turek 1996
    /// give the intervals [5.57, 5.59], [0.0104, 0.0110], [0.1172, 0.1176]; the digits are the FeatFlow reference
    /// computations, featflow.de/en/benchmarks/cfdbenchmarking/flow/dfg_benchmark1_re20.html:
    /// 5.57953523384, 0.010618948146, 0.11752016697).
    /// </summary>
    public static CylinderQuantities Published { get; } = new(5.5795, 0.010618, 0.11752);

    private readonly ChannelAnsatz ansatz;

    /// <summary>Creates the benchmark; <paramref name="uMax"/> and <paramref name="nu"/> must be positive finite numbers (defaults: the benchmark's).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a positive finite number.</exception>
    public NavierStokesCylinder(double uMax = 0.3, double nu = 1e-3)
    {
        UMax = Guard.Positive(uMax, nameof(uMax));
        Nu = Guard.Positive(nu, nameof(nu));
        Domain = Domain.FromRegion(Shape);
        double scale = 4 * UMax / (Height * Height);
        ansatz = ChannelAnsatz.ForRegion(Shape, y => scale * y * (Height - y), "cylinder");
    }

    /// <summary>Centre-line inflow velocity.</summary>
    public double UMax { get; }

    /// <summary>Kinematic viscosity.</summary>
    public double Nu { get; }

    /// <summary>Mean inflow velocity 2 U_max / 3.</summary>
    public double UMean => 2 * UMax / 3;

    /// <summary>Reynolds number U_mean D / nu (20 for the benchmark).</summary>
    public double Re => UMean * 2 * Radius / Nu;

    /// <summary>The channel minus the cylinder, with parts inlet, wall, outlet and cylinder.</summary>
    public static Region2D Shape { get; } =
        new Rectangle((0, ChannelLength), (0, Height), bottom: "wall", right: "outlet", top: "wall", left: "inlet")
        - new Disk(CenterX, CenterY, Radius, "cylinder");

    /// <inheritdoc />
    public string Name => "cylinder-2d1";

    /// <inheritdoc />
    public Domain Domain { get; }

    /// <inheritdoc />
    public IReadOnlyList<Field> Outputs => NavierStokes.Fields;

    /// <summary>The velocity lift alone, [N, 2] (the ansatz with N = 0).</summary>
    public Tensor Lift(Coords c) => ansatz.Lift(c);

    /// <summary>See <see cref="ChannelAnsatz"/>: inflow, no slip on walls and cylinder, and p = 0 on the outlet hold exactly.</summary>
    public Tensor Ansatz(Coords c, Tensor net) => ansatz.Apply(c, net);

    /// <inheritdoc />
    public Tensor Residual(Coords c, Solution s) => NavierStokes.Residual(s, Nu);

    /// <summary>The soft outflow condition.</summary>
    public IReadOnlyList<Constraint> Constraints => [ChannelAnsatz.Outflow];

    /// <summary>No pointwise reference exists (the benchmark publishes scalar quantities): a <see cref="NoFieldReference"/>; validated by <see cref="BenchmarkQuantities"/>.</summary>
    public IReference Reference { get; } = new NoFieldReference("Schaefer-Turek 2D-1 publishes c_D, c_L and delta-p, not fields");

    /// <summary>
    /// cD, cL and dp (c_D, c_L, delta-p) with the <see cref="Published"/> values. The published values are for the
    /// benchmark's U_max = 0.3 and nu = 1e-3 (Re = 20); with other parameters they are not the answer, and the relative
    /// errors say how far the flow is from the benchmark's, not how wrong it is.
    /// </summary>
    public IReadOnlyList<BenchmarkQuantity> BenchmarkQuantities { get; } =
    [
        new("cD", "drag coefficient c_D = 2 F_x / (U_mean^2 D)", Published.DragCoefficient, PublishedSource),
        new("cL", "lift coefficient c_L = 2 F_y / (U_mean^2 D)", Published.LiftCoefficient, PublishedSource),
        new("dp", "pressure difference p(0.15, 0.2) - p(0.25, 0.2)", Published.PressureDifference, PublishedSource),
    ];

    /// <summary>Where <see cref="Published"/> comes from, as reports show it.</summary>
    public const string PublishedSource = "Schaefer and Turek (1996) benchmark 2D-1; digits of the FeatFlow reference computations";

    /// <inheritdoc />
    public IReadOnlyList<double> ComputeQuantities(Func<Tensor, Tensor> solution, ScalarType dtype, Device device)
    {
        var q = Quantities(solution, dtype: dtype, device: device);
        return [q.DragCoefficient, q.LiftCoefficient, q.PressureDifference];
    }

    /// <summary>221 x 42 uniform grid on the channel (points in the cylinder are masked).</summary>
    public IReadOnlyList<double[]> EvaluationAxes => [Grids.Linspace(0, ChannelLength, 221), Grids.Linspace(0, Height, 42)];

    /// <summary>c_D and c_L from the stress integral over the cylinder, and delta-p between the front and back points.</summary>
    /// <param name="flow">Maps points [N, 2] to (u, v, p), [N, 3], differentiably (a trained network's forward).</param>
    /// <param name="points">Quadrature points on the cylinder.</param>
    /// <param name="dtype">The flow's floating-point type.</param>
    /// <param name="device">The flow's device, or null for the CPU.</param>
    public CylinderQuantities Quantities(Func<Tensor, Tensor> flow, int points = 512, ScalarType dtype = ScalarType.Float64, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(flow);
        var (fx, fy) = SurfaceForces.OnCircle(flow, CenterX, CenterY, Radius, Nu, points, dtype, device);
        double scale = 2 / (UMean * UMean * 2 * Radius);
        double dp;
        using (var scope = NewDisposeScope())
        using (no_grad())
        {
            var front = tensor(new[] { CenterX - Radius, CenterY, CenterX + Radius, CenterY }, [2, 2]).to(dtype).to(device ?? CPU);
            var p = flow(front)[.., 2].to(ScalarType.Float64).cpu().data<double>().ToArray();
            dp = p[0] - p[1];
        }
        return new CylinderQuantities(fx * scale, fy * scale, dp);
    }
}
