using PdeKit.Geometry;
using PdeKit.Numerics;
using PdeKit.Numerics.NavierStokes;
using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Problems;

/// <summary>
/// Kovasznay flow: the steady incompressible Navier-Stokes equations at Reynolds number Re (20 or 40) on
/// [-0.5, 1] x [-0.5, 1.5], with the exact solution's velocity as Dirichlet data on the whole boundary
/// (the laminar wake behind a grid; Kovasznay 1948, see <see cref="KovasznayFlow"/>).
/// Hard constraints: (u, v) = g + b (N_u, N_v), where g is the Coons patch of the four sides' velocity data
/// (each side's data a function of its own coordinate, so g is not the exact solution inside) and b the
/// bubble 16 s (1 - s) r (1 - r). The pressure, p = N_p, is fixed only up to a constant: it is compared with
/// the exact pressure after removing the mean of both (<see cref="IProblem.MeanFreeOutputs"/>).
/// <para>
/// Stream-function form (<see cref="FlowForm.StreamFunction"/>): outputs (psi, p) with u = psi_y, v = -psi_x
/// (<see cref="StreamFunction"/>), reported as (u, v, p). The exact stream function is
/// psi = y - exp(lambda x) sin(2 pi y) / (2 pi) (psi_y = u and -psi_x = v of <see cref="KovasznayFlow"/>). Velocity
/// data on the boundary fix psi and its normal derivative there, so the ansatz is psi = G + b^2 N_psi with G the
/// Hermite (bicubically blended) Coons patch of psi, psi_x on the left and right sides and psi_y on the bottom and
/// top (<see cref="HermiteCoonsPatch"/>), and b^2 the squared bubble, which vanishes with its gradient on the
/// sides: the velocity data then hold exactly, and G is not the exact psi inside.
/// </para>
/// </summary>
public sealed record NavierStokesKovasznay : IProblem
{
    private static readonly (double Min, double Max) XRange = (-0.5, 1.0), YRange = (-0.5, 1.5);
    private readonly CoonsPatch lift;
    private readonly HermiteCoonsPatch streamLift;

    /// <summary>Creates the problem at Reynolds number <paramref name="re"/> (positive, finite).</summary>
    /// <param name="re">Reynolds number.</param>
    /// <param name="form">Velocity-pressure (default) or stream-function unknowns.</param>
    /// <exception cref="ArgumentOutOfRangeException">re is not a positive finite number, or an undefined form.</exception>
    public NavierStokesKovasznay(double re = 20, FlowForm form = FlowForm.VelocityPressure)
    {
        Re = NavierStokes.CheckRe(re, "kovasznay");
        Form = StreamFunction.CheckForm(form, "kovasznay");
        Flow = new KovasznayFlow(Re);
        double lambda = Flow.Lambda;
        Tensor Velocity(Tensor x, Tensor y)
        {
            var e = (lambda * x).exp();
            return cat([1 - e * (2 * Math.PI * y).cos(), lambda / (2 * Math.PI) * e * (2 * Math.PI * y).sin()], 1);
        }
        lift = new CoonsPatch(XRange, YRange,
            bottom: x => Velocity(x, full_like(x, YRange.Min)), right: y => Velocity(full_like(y, XRange.Max), y),
            top: x => Velocity(x, full_like(x, YRange.Max)), left: y => Velocity(full_like(y, XRange.Min), y));
        // The exact psi and its derivatives, used on the sides only: psi_x = -v, psi_y = u, psi_xy = u_x.
        double k = 2 * Math.PI;
        streamLift = new HermiteCoonsPatch(XRange, YRange,
            f: (x, y) => y - (lambda * x).exp() * (k * y).sin() / k,
            fx: (x, y) => -lambda * (lambda * x).exp() * (k * y).sin() / k,
            fy: (x, y) => 1 - (lambda * x).exp() * (k * y).cos(),
            fxy: (x, y) => -lambda * (lambda * x).exp() * (k * y).cos());
    }

    /// <summary>Reynolds number.</summary>
    public double Re { get; }

    /// <summary>The exact flow.</summary>
    public KovasznayFlow Flow { get; }

    /// <summary>The unknowns trained for: (u, v, p) or (psi, p).</summary>
    public FlowForm Form { get; }

    /// <inheritdoc />
    public string Name => "kovasznay";

    /// <inheritdoc />
    public Domain Domain { get; } = Domain.Box(XRange, YRange);

    /// <inheritdoc />
    public IReadOnlyList<Field> Outputs => Form == FlowForm.StreamFunction ? StreamFunction.Fields : NavierStokes.Fields;

    /// <summary>Stream-function form: (u, v, p) from psi's derivatives (<see cref="StreamFunction.Velocity"/>); velocity form: none.</summary>
    public DerivedFields? Derived => Form == FlowForm.StreamFunction ? StreamFunction.Velocity : null;

    /// <summary>The pressure is fixed only up to a constant.</summary>
    public IReadOnlyList<Field> MeanFreeOutputs => [NavierStokes.P];

    /// <summary>The velocity form's lift g alone (the Coons patch of the boundary data), [N, 2]: its ansatz with N = 0.</summary>
    public Tensor Lift(Coords c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return lift.Evaluate(c.X, c.Y);
    }

    /// <summary>The stream-function form's lift G alone (the Hermite Coons patch of psi's boundary data), [N, 1]: its psi with N = 0.</summary>
    public Tensor StreamLift(Coords c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return streamLift.Evaluate(c.X, c.Y);
    }

    /// <summary>
    /// Velocity form: (u, v) = g + b (N_u, N_v), p = N_p. Stream-function form: psi = G + b^2 N_psi, p = N_p.
    /// Either way the velocity data hold exactly on the boundary.
    /// </summary>
    public Tensor Ansatz(Coords c, Tensor net)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(net);
        if (Form == FlowForm.StreamFunction)
            return cat([streamLift.Evaluate(c.X, c.Y) + streamLift.SquaredBubble(c.X, c.Y) * net[.., ..1], net[.., 1..2]], 1);
        var velocity = lift.Evaluate(c.X, c.Y) + lift.Bubble(c.X, c.Y) * net[.., ..2];
        return cat([velocity, net[.., 2..3]], 1);
    }

    /// <summary>Velocity form: x, y momentum and continuity; stream-function form: the two momentum residuals (continuity holds identically).</summary>
    public Tensor Residual(Coords c, Solution s) => Form == FlowForm.StreamFunction ? StreamFunction.Residual(s, 1 / Re) : NavierStokes.Residual(s, 1 / Re);

    /// <inheritdoc />
    public IReference Reference => NavierStokes.Reference($"exact Kovasznay flow, Re = {Re}", Flow.At);

    /// <summary>101 x 101 uniform grid on the box.</summary>
    public IReadOnlyList<double[]> EvaluationAxes => [Grids.Linspace(XRange.Min, XRange.Max, 101), Grids.Linspace(YRange.Min, YRange.Max, 101)];
}
