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
/// </summary>
public sealed record NavierStokesKovasznay : IProblem
{
    private static readonly (double Min, double Max) XRange = (-0.5, 1.0), YRange = (-0.5, 1.5);
    private readonly CoonsPatch lift;

    /// <summary>Creates the problem at Reynolds number <paramref name="re"/> (positive, finite).</summary>
    /// <exception cref="ArgumentOutOfRangeException">re is not a positive finite number.</exception>
    public NavierStokesKovasznay(double re = 20)
    {
        Re = NavierStokes.CheckRe(re, "kovasznay");
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
    }

    /// <summary>Reynolds number.</summary>
    public double Re { get; }

    /// <summary>The exact flow.</summary>
    public KovasznayFlow Flow { get; }

    /// <inheritdoc />
    public string Name => "kovasznay";

    /// <inheritdoc />
    public Domain Domain { get; } = Domain.Box(XRange, YRange);

    /// <inheritdoc />
    public IReadOnlyList<Field> Outputs => NavierStokes.Fields;

    /// <summary>The pressure is fixed only up to a constant.</summary>
    public IReadOnlyList<Field> MeanFreeOutputs => [NavierStokes.P];

    /// <summary>The velocity lift g alone (the Coons patch of the boundary data), [N, 2]: the ansatz with N = 0.</summary>
    public Tensor Lift(Coords c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return lift.Evaluate(c.X, c.Y);
    }

    /// <summary>(u, v) = g + b (N_u, N_v), p = N_p: the velocity data hold exactly on the boundary.</summary>
    public Tensor Ansatz(Coords c, Tensor net)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(net);
        var velocity = lift.Evaluate(c.X, c.Y) + lift.Bubble(c.X, c.Y) * net[.., ..2];
        return cat([velocity, net[.., 2..3]], 1);
    }

    /// <inheritdoc />
    public Tensor Residual(Coords c, Solution s) => NavierStokes.Residual(s, 1 / Re);

    /// <inheritdoc />
    public IReference Reference => NavierStokes.Reference($"exact Kovasznay flow, Re = {Re}", Flow.At);

    /// <summary>101 x 101 uniform grid on the box.</summary>
    public IReadOnlyList<double[]> EvaluationAxes => [Grids.Linspace(XRange.Min, XRange.Max, 101), Grids.Linspace(YRange.Min, YRange.Max, 101)];
}
