using PdeKit.Geometry;
using PdeKit.Numerics;
using PdeKit.Numerics.NavierStokes;
using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Problems;

/// <summary>
/// Plane Poiseuille flow in the channel [0, L] x [0, 1] at Reynolds number Re = U_max H / nu: parabolic
/// inflow u = 4 y (1 - y) on x = 0, no slip on y = 0 and y = 1, and an open outlet on x = L with p = 0
/// (hard) and u_x = v_x = 0 (soft). The exact solution is the fully developed flow
/// (<see cref="PoiseuilleFlow"/>, p = 8 (L - x) / Re). Constraints: <see cref="ChannelAnsatz"/> with closed forms
/// (cheaper than distance functions): phi = 4 (x/L) y (1 - y) and the fade h = 1 - x/L, so the lift
/// 4 y (1 - y)(1 - x/L) carries the inflow profile to zero at the outlet and the network has to carry the flow
/// downstream. The pressure is pinned by the outlet condition, so it is compared as is.
/// </summary>
public sealed record NavierStokesChannel : IProblem
{
    private readonly ChannelAnsatz ansatz;

    /// <summary>Creates the problem; <paramref name="re"/> and <paramref name="length"/> must be positive finite numbers.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is not a positive finite number.</exception>
    public NavierStokesChannel(double re = 100, double length = 2)
    {
        Re = NavierStokes.CheckRe(re, "poiseuille");
        Length = double.IsFinite(length) && length > 0 ? length
            : throw new ArgumentOutOfRangeException(nameof(length), length, $"poiseuille: the channel length must be a positive finite number (got {length})");
        Flow = new PoiseuilleFlow(1 / Re, 1, Length, 1);
        Shape = new Rectangle((0, Length), (0, 1), bottom: "wall", right: "outlet", top: "wall", left: "inlet");
        Domain = Domain.FromRegion(Shape);
        double l = Length;
        ansatz = new ChannelAnsatz(y => 4 * y * (1 - y), c => 1 - c.X / l, c => 4 * c.X / l * c.Y * (1 - c.Y), 0, l);
    }

    /// <summary>Reynolds number U_max H / nu.</summary>
    public double Re { get; }

    /// <summary>Channel length L (height 1).</summary>
    public double Length { get; }

    /// <summary>The exact flow.</summary>
    public PoiseuilleFlow Flow { get; }

    /// <summary>The channel with parts inlet, wall, outlet.</summary>
    public Region2D Shape { get; }

    /// <inheritdoc />
    public string Name => "poiseuille";

    /// <inheritdoc />
    public Domain Domain { get; }

    /// <inheritdoc />
    public IReadOnlyList<Field> Outputs => NavierStokes.Fields;

    /// <summary>The velocity lift alone, [N, 2] (the ansatz with N = 0).</summary>
    public Tensor Lift(Coords c) => ansatz.Lift(c);

    /// <summary>See <see cref="ChannelAnsatz"/>: inflow, no slip and p = 0 on the outlet hold exactly.</summary>
    public Tensor Ansatz(Coords c, Tensor net) => ansatz.Apply(c, net);

    /// <inheritdoc />
    public Tensor Residual(Coords c, Solution s) => NavierStokes.Residual(s, 1 / Re);

    /// <summary>The soft outflow condition.</summary>
    public IReadOnlyList<Constraint> Constraints => [ChannelAnsatz.Outflow];

    /// <inheritdoc />
    public IReference Reference => NavierStokes.Reference($"exact Poiseuille flow, Re = {Re}", Flow.At);

    /// <summary>101 x 51 uniform grid on the channel.</summary>
    public IReadOnlyList<double[]> EvaluationAxes => [Grids.Linspace(0, Length, 101), Grids.Linspace(0, 1, 51)];
}
