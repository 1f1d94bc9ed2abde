using PdeKit.Numerics;
using PdeKit.Numerics.Reservoir;
using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Problems;

/// <summary>
/// A well of finite radius produced at constant surface rate in a closed circular reservoir, with skin
/// and wellbore storage (van Everdingen and Hurst 1949; Agarwal, Al-Hussainy and Ramey 1970), in the
/// dimensionless variables of well testing and log coordinates x = ln r_D, t = ln t_D:
/// dp/dt_D = (1/r_D) d/dr_D (r_D dp/dr_D) on r_D in [1, r_eD], with no flow at r_eD and at the well
/// C_D dp_wD/dt_D + q_sf = 1, q_sf = -r_D dp/dr_D, p_wD = p_D(1) + S q_sf (storage C_D and skin S;
/// without storage q_sf = 1). The state at t_min is the exact solution (Stehfest inversion of the
/// Laplace-domain solution, tabulated in ln r_D and carried by a C2 cubic spline), held exactly by the
/// ansatz; the two boundary conditions are soft constraints. Validated against the same exact solution.
/// </summary>
public sealed record RadialClosed : IProblem
{
    /// <summary>Dimensionless reservoir pressure p_D.</summary>
    public static readonly Field P = Field.Scalar("p");

    private readonly TensorSpline initial;

    /// <summary>Creates the problem.</summary>
    public RadialClosed(double reD = 10, double tMin = 0.1, double tMax = 100, double skin = 0, double storage = 0)
    {
        Guard.RadialWindow(reD, tMin, tMax);
        if (!double.IsFinite(skin)) throw new ArgumentOutOfRangeException(nameof(skin), skin, $"skin must be a finite number (got {skin})");
        if (!double.IsFinite(storage) || storage < 0) throw new ArgumentOutOfRangeException(nameof(storage), storage, $"storage must be a finite number >= 0 (got {storage})");
        (ReD, TMin, TMax, Skin, Storage) = (reD, tMin, tMax, skin, storage);
        Domain = new Domain([new Axis("x", 0, Math.Log(reD)), new Axis("t", Math.Log(tMin), Math.Log(tMax))]);
        initial = new TensorSpline(x => Exact(Math.Exp(x), tMin), 0, Math.Log(reD), 257);
    }

    /// <summary>Outer radius r_eD.</summary>
    public double ReD { get; }

    /// <summary>First time t_D.</summary>
    public double TMin { get; }

    /// <summary>Last time t_D.</summary>
    public double TMax { get; }

    /// <summary>Skin factor S.</summary>
    public double Skin { get; }

    /// <summary>Dimensionless wellbore storage C_D.</summary>
    public double Storage { get; }

    /// <inheritdoc />
    public string Name => "diffusivity-closed";

    /// <inheritdoc />
    public Domain Domain { get; }

    /// <inheritdoc />
    public IReadOnlyList<Field> Outputs => [P];

    /// <summary>The exact p_D(r_D, t_D) (reservoir pressure, outside the skin).</summary>
    public double Exact(double rD, double tD) => RadialFlow.Pressure(Math.Min(rD, ReD), tD, Skin, Storage, ReD);

    /// <summary>The exact wellbore pressure p_wD(t_D).</summary>
    public double ExactWellbore(double tD) => RadialFlow.WellborePressure(tD, Skin, Storage, ReD);

    /// <summary>p = A(x) + s_t N with A the exact state at t_min and s_t = (t - t_min) / span: the initial state holds exactly.</summary>
    public Tensor Ansatz(Coords c, Tensor net)
    {
        var tAxis = Domain.Axes[1];
        return initial.Evaluate(c.X) + (c.T - tAxis.Min) / tAxis.Length * net;
    }

    /// <summary>dp/dt - (t_D / r_D^2) d2p/dx2, divided by 1 + t_D / r_D^2 (as in <see cref="RadialDiffusivity"/>).</summary>
    public Tensor Residual(Coords c, Solution s)
    {
        var ratio = (c.T - 2 * c.X).exp();
        return (s.Dt(P) - ratio * s.Dxx(P)) / (1 + ratio);
    }

    /// <summary>
    /// At the well (x = 0): C_D dp_wD/dt_D + q_sf - 1 = 0 with q_sf = -dp/dx and p_wD = p + S q_sf, i.e.
    /// C_D (dp/dt - S d2p/dxdt) / t_D - dp/dx - 1; at r_eD: dp/dx = 0.
    /// </summary>
    public IReadOnlyList<Constraint> Constraints =>
    [
        new Constraint("well_rate", "x", Upper: false, 256, (c, s) =>
            Storage == 0 ? -s.Dx(P) - 1 : Storage * (s.Dt(P) - Skin * s.D(P, "x", "t")) / c.T.exp() - s.Dx(P) - 1),
        new Constraint("no_flow", "x", Upper: true, 256, (c, s) => s.Dx(P)),
    ];

    /// <inheritdoc />
    public IReference Reference => new PointwiseReference("van Everdingen-Hurst / Agarwal (Stehfest inversion)", pts =>
    {
        var u = new double[pts.Length, 1];
        for (int i = 0; i < pts.Length; i++) u[i, 0] = Exact(Math.Exp(pts[i][0]), Math.Exp(pts[i][1]));
        return u;
    });

    /// <summary>60 x 60 grid in ln r_D and ln t_D.</summary>
    public IReadOnlyList<double[]> EvaluationAxes => [Grids.Linspace(0, Math.Log(ReD), 60), Grids.Linspace(Math.Log(TMin), Math.Log(TMax), 60)];

    /// <summary>The wellbore pressure of a trained model: p_wD = p(1, t_D) + S q_sf (q_sf = -dp/dx at the well).</summary>
    /// <param name="pressureAtWell">p at x = 0, [N].</param>
    /// <param name="dpdxAtWell">dp/dx at x = 0, [N].</param>
    public Tensor Wellbore(Tensor pressureAtWell, Tensor dpdxAtWell) => pressureAtWell - Skin * dpdxAtWell;
}
