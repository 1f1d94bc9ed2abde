using PdeKit.Numerics;
using PdeKit.Numerics.NavierStokes;
using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Problems;

/// <summary>
/// The decaying Taylor-Green vortex on the periodic square [0, 2 pi]^2 for t in [0, T] at Reynolds number
/// Re = 1 / nu (unit velocity and length scales; <see cref="TaylorGreenVortex"/>, Taylor and Green 1937).
/// Hard constraints: x and y are periodic axes (the network sees them through cos and sin, so periodicity
/// holds exactly), and the initial velocity holds exactly through (u, v) = (u0, v0) + t (N_u, N_v), with
/// u0 = cos x sin y, v0 = -sin x cos y (initial data only; the decay e^(-2 nu t) is left to the network).
/// The pressure, p = N_p, is fixed only up to a function of time: it is compared after removing its mean over
/// the square at each time (<see cref="IProblem.MeanFreeOutputs"/>).
/// <para>
/// Stream-function form (<see cref="FlowForm.StreamFunction"/>): outputs (psi, p) with u = psi_y, v = -psi_x
/// (<see cref="StreamFunction"/>), reported as (u, v, p); psi = psi0 + t N_psi with psi0 = -cos x cos y (so
/// psi0_y = u0 and -psi0_x = v0). psi is periodic like the velocity (the flow carries no mean velocity).
/// </para>
/// </summary>
public sealed record NavierStokesTaylorGreen : IProblem
{
    /// <summary>Creates the problem; <paramref name="re"/> and <paramref name="tMax"/> must be positive finite numbers.</summary>
    /// <param name="re">Reynolds number.</param>
    /// <param name="tMax">End time.</param>
    /// <param name="form">Velocity-pressure (default) or stream-function unknowns.</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a positive finite number, or an undefined form.</exception>
    public NavierStokesTaylorGreen(double re = 10, double tMax = 2, FlowForm form = FlowForm.VelocityPressure)
    {
        Form = StreamFunction.CheckForm(form, "taylor-green");
        Re = NavierStokes.CheckRe(re, "taylor-green");
        TMax = double.IsFinite(tMax) && tMax > 0 ? tMax
            : throw new ArgumentOutOfRangeException(nameof(tMax), tMax, $"taylor-green: tMax must be a positive finite number (got {tMax})");
        Flow = new TaylorGreenVortex(1 / Re);
        Domain = new Domain([new Axis("x", 0, 2 * Math.PI, Periodic: true), new Axis("y", 0, 2 * Math.PI, Periodic: true), new Axis("t", 0, TMax)]);
    }

    /// <summary>Reynolds number 1 / nu.</summary>
    public double Re { get; }

    /// <summary>End time T.</summary>
    public double TMax { get; }

    /// <summary>The exact flow.</summary>
    public TaylorGreenVortex Flow { get; }

    /// <summary>The unknowns trained for: (u, v, p) or (psi, p).</summary>
    public FlowForm Form { get; }

    /// <inheritdoc />
    public string Name => "taylor-green";

    /// <inheritdoc />
    public Domain Domain { get; }

    /// <inheritdoc />
    public IReadOnlyList<Field> Outputs => Form == FlowForm.StreamFunction ? StreamFunction.Fields : NavierStokes.Fields;

    /// <summary>Stream-function form: (u, v, p) from psi's derivatives (<see cref="StreamFunction.Velocity"/>); velocity form: none.</summary>
    public DerivedFields? Derived => Form == FlowForm.StreamFunction ? StreamFunction.Velocity : null;

    /// <summary>The pressure is fixed only up to a function of time.</summary>
    public IReadOnlyList<Field> MeanFreeOutputs => [NavierStokes.P];

    /// <summary>
    /// Velocity form: (u, v) = (u0, v0) + t (N_u, N_v), p = N_p; stream-function form: psi = -cos x cos y + t N_psi,
    /// p = N_p. The initial velocity holds exactly.
    /// </summary>
    public Tensor Ansatz(Coords c, Tensor net)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(net);
        var (x, y, t) = (c.X, c.Y, c.T);
        if (Form == FlowForm.StreamFunction) return cat([-x.cos() * y.cos() + t * net[.., ..1], net[.., 1..2]], 1);
        var initial = cat([x.cos() * y.sin(), -x.sin() * y.cos()], 1);
        return cat([initial + t * net[.., ..2], net[.., 2..3]], 1);
    }

    /// <summary>Velocity form: x, y momentum and continuity; stream-function form: the two momentum residuals (continuity holds identically).</summary>
    public Tensor Residual(Coords c, Solution s) => Form == FlowForm.StreamFunction ? StreamFunction.Residual(s, 1 / Re) : NavierStokes.Residual(s, 1 / Re);

    /// <inheritdoc />
    public IReference Reference => new PointwiseReference($"exact Taylor-Green vortex, Re = {Re}", pts =>
    {
        var r = new double[pts.Length, 3];
        for (int i = 0; i < pts.Length; i++) (r[i, 0], r[i, 1], r[i, 2]) = Flow.At(pts[i][0], pts[i][1], pts[i][2]);
        return r;
    });

    /// <summary>48 x 48 points per period (the periodic end point left out) at 11 times.</summary>
    public IReadOnlyList<double[]> EvaluationAxes => [Periodic(48), Periodic(48), Grids.Linspace(0, TMax, 11)];

    private static double[] Periodic(int n) => Enumerable.Range(0, n).Select(i => 2 * Math.PI * i / n).ToArray();
}
