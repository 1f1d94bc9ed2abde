using PdeKit.Numerics;
using PdeKit.Numerics.Reservoir;
using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Problems;

/// <summary>
/// Radial flow to a well produced at constant rate in an infinite reservoir, in the dimensionless
/// variables of well testing: dp_D/dt_D = (1/r_D) d/dr_D (r_D dp_D/dr_D) for r_D in [1, r_max],
/// t_D in [t_min, t_max], validated against the line-source solution p_D = E1(r_D^2 / (4 t_D)) / 2
/// (Theis 1935; Matthews and Russell 1967). The data that make the problem well posed come from that
/// solution: p_D at t_min (initial state) and at r_max (outer boundary) hold exactly through the ansatz;
/// the well's flux -r_D dp_D/dr_D = exp(-1 / (4 t_D)) at r_D = 1 (the line source's flux there, 1 to within
/// 0.25% for t_D &gt;= 100) is a soft constraint.
/// </summary>
/// <remarks>
/// In log coordinates (the default) the axes are x = ln r_D and t = ln t_D, where the solution is a
/// function of 2x - t and the residual dp/dt - (t_D / r_D^2) d2p/dx2 is divided by 1 + t_D / r_D^2 so that
/// both regimes (pressure not yet arrived, quasi-steady near the well) weigh alike. In plain coordinates
/// the axes are r_D and t_D themselves and the residual is the equation as written: the single plain
/// network the well-testing literature starts from, kept for comparison.
/// </remarks>
public sealed record RadialDiffusivity : IProblem
{
    /// <summary>Dimensionless pressure p_D.</summary>
    public static readonly Field P = Field.Scalar("p");

    /// <summary>Creates the problem.</summary>
    public RadialDiffusivity(double rMax = 1e3, double tMin = 1e2, double tMax = 1e6, bool logCoordinates = true)
    {
        Guard.RadialWindow(rMax, tMin, tMax);
        (RMax, TMin, TMax) = (rMax, tMin, tMax);
        LogCoordinates = logCoordinates;
        Domain = logCoordinates
            ? new Domain([new Axis("x", 0, Math.Log(RMax)), new Axis("t", Math.Log(TMin), Math.Log(TMax))])
            : new Domain([new Axis("x", 1, RMax), new Axis("t", TMin, TMax)]);
    }

    /// <summary>Outer radius r_D.</summary>
    public double RMax { get; }

    /// <summary>First time t_D (initial state from the line source).</summary>
    public double TMin { get; }

    /// <summary>Last time t_D.</summary>
    public double TMax { get; }

    /// <summary>True: axes ln r_D, ln t_D; false: r_D, t_D.</summary>
    public bool LogCoordinates { get; }

    /// <inheritdoc />
    public string Name => LogCoordinates ? "diffusivity-radial" : "diffusivity-radial-plain";

    /// <inheritdoc />
    public Domain Domain { get; }

    /// <inheritdoc />
    public IReadOnlyList<Field> Outputs => [P];

    private Tensor R(Coords c) => LogCoordinates ? c.X.exp() : c.X;

    private Tensor TD(Coords c) => LogCoordinates ? c.T.exp() : c.T;

    /// <summary>
    /// p = G + s_t s_r N with G = A(r) + B(t) - A(r_max), A(r) = p_line(r, t_min), B(t) = p_line(r_max, t),
    /// s_t = (t - t_min) / span and s_r = (r_max - r) / span in the problem's coordinates: the initial
    /// state and the outer boundary hold exactly.
    /// </summary>
    public Tensor Ansatz(Coords c, Tensor net)
    {
        var a = TorchSpecial.E1(R(c).square() / (4 * TMin)) / 2;
        var b = TorchSpecial.E1(RMax * RMax / (4 * TD(c))) / 2;
        double aMax = ExponentialIntegral.E1(RMax * RMax / (4 * TMin)) / 2;
        var tAxis = Domain.Axes[1];
        var xAxis = Domain.Axes[0];
        var st = (c.T - tAxis.Min) / tAxis.Length;
        var sr = (xAxis.Max - c.X) / xAxis.Length;
        return a + b - aMax + st * sr * net;
    }

    /// <inheritdoc />
    public Tensor Residual(Coords c, Solution s)
    {
        if (!LogCoordinates) return s.Dt(P) - s.Dxx(P) - s.Dx(P) / c.X;
        var ratio = (c.T - 2 * c.X).exp(); // t_D / r_D^2
        return (s.Dt(P) - ratio * s.Dxx(P)) / (1 + ratio);
    }

    /// <summary>The well's flux at r_D = 1: -r_D dp/dr_D = exp(-1 / (4 t_D)) (in log coordinates -dp/dx).</summary>
    public IReadOnlyList<Constraint> Constraints =>
    [
        new Constraint("well_flux", "x", Upper: false, 256, (c, s) => s.Dx(P) + (-1.0 / (4 * TD(c))).exp()),
    ];

    /// <inheritdoc />
    public IReference Reference => new PointwiseReference("line source -Ei(-r^2/4t)/2", pts =>
    {
        var u = new double[pts.Length, 1];
        for (int i = 0; i < pts.Length; i++)
        {
            double r = LogCoordinates ? Math.Exp(pts[i][0]) : pts[i][0];
            double t = LogCoordinates ? Math.Exp(pts[i][1]) : pts[i][1];
            u[i, 0] = RadialFlow.LineSource(r, t);
        }
        return u;
    });

    /// <summary>100 x 100 grid, log-spaced in r_D over [1, r_max] and in t_D over [t_min, t_max] (the same physical points in both coordinate choices).</summary>
    public IReadOnlyList<double[]> EvaluationAxes
    {
        get
        {
            var lr = Grids.Linspace(0, Math.Log(RMax), 100);
            var lt = Grids.Linspace(Math.Log(TMin), Math.Log(TMax), 100);
            return LogCoordinates ? [lr, lt] : [lr.Select(Math.Exp).ToArray(), lt.Select(Math.Exp).ToArray()];
        }
    }
}

/// <summary>Special functions as differentiable tensor expressions (for ansatz terms).</summary>
public static class TorchSpecial
{
    private const double EulerGamma = 0.57721566490153286061;

    /// <summary>
    /// The exponential integral E1(z) for z &gt; 0, elementwise, built from differentiable operations: the
    /// power series -gamma - ln z - sum (-z)^k / (k k!) (30 terms) for z &lt;= 2 and the continued fraction
    /// e^-z / (z + 1 - 1/(z + 3 - 4/(z + 5 - ...))) (40 levels) for z &gt; 2 (Abramowitz and Stegun 5.1.11 and 5.1.22),
    /// each branch on clamped inputs so neither overflows.
    /// </summary>
    public static Tensor E1(Tensor z)
    {
        ArgumentNullException.ThrowIfNull(z);
        var small = z.clamp(max: 2.0);
        Tensor series = -EulerGamma - small.log();
        var term = small.clone();
        for (int k = 1; k <= 30; k++)
        {
            if (k > 1) term = term * (-small) / k;
            series = series + term / k;
        }
        var large = z.clamp(min: 2.0);
        Tensor f = large + (2 * 40 + 1);
        for (int n = 40; n >= 1; n--) f = large + (2 * n - 1) - (double)n * n / f;
        var cf = (-large).exp() / f;
        return where(z <= 2.0, series, cf);
    }
}
