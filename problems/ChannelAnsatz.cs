using PdeKit.Geometry;
using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Problems;

/// <summary>
/// The hard constraints of an internal flow from an inlet on x = x_in to an outlet on x = x_out, between
/// no-slip walls (and around optional no-slip obstacles): boundary parts "inlet", "wall", "outlet" and
/// obstacle parts. Velocity (u, v) = (U(y) h, 0) + phi (N_u, N_v), where U(y) is the inflow profile (zero on
/// the walls), h the transfinite blend (mu = 2) that is 1 on the inlet and 0 on the outlet and the obstacles,
/// and phi the distance function of inlet, walls and obstacles; pressure p = (x_out - x) / (x_out - x_in) N_p,
/// so p = 0 on the outlet exactly. The velocity on the outlet is free; a soft "outflow" term asks for
/// u_x = v_x = 0 there (the do-nothing condition nu du/dn - p n = 0 with p = 0).
/// The lift U(y) h uses only the boundary data and is not a solution of the flow.
/// </summary>
internal sealed class ChannelAnsatz
{
    private readonly Func<Tensor, Tensor> profile;
    private readonly TransfiniteInterpolation fade;
    private readonly DistanceFunction noSlipAndInlet;
    private readonly double xIn, xOut;

    /// <summary>Creates the constraints for <paramref name="region"/> with the inflow <paramref name="profile"/> U(y), [N, 1] to [N, 1].</summary>
    /// <param name="region">The flow region with parts inlet, wall, outlet and the obstacles.</param>
    /// <param name="profile">The inflow velocity U(y), zero at the walls.</param>
    /// <param name="obstacles">Part names of no-slip obstacles (e.g. "cylinder").</param>
    internal ChannelAnsatz(Region2D region, Func<Tensor, Tensor> profile, params string[] obstacles)
    {
        this.profile = profile;
        var stops = obstacles.Length > 0 ? obstacles : ["outlet"];
        var parts = new Dictionary<string, Func<Coords, Tensor>> { ["inlet"] = c => ones_like(c.X) };
        foreach (var o in stops) parts[o] = c => zeros_like(c.X);
        fade = TransfiniteInterpolation.FromParts(region, parts);
        noSlipAndInlet = region.DistanceFunction(1, ["inlet", "wall", .. obstacles]);
        (xIn, xOut) = (region.Bounds.XMin, region.Bounds.XMax);
    }

    /// <summary>The velocity lift (U(y) h, 0), [N, 2]: the ansatz's velocity for N = 0.</summary>
    internal Tensor Lift(Coords c)
    {
        var u = profile(c.Y) * fade.Evaluate(c);
        return cat([u, zeros_like(u)], 1);
    }

    /// <summary>The constrained (u, v, p), [N, 3], from the network output [N, 3].</summary>
    internal Tensor Apply(Coords c, Tensor net)
    {
        var velocity = Lift(c) + noSlipAndInlet.Evaluate(c) * net[.., ..2];
        var p = (xOut - c.X) / (xOut - xIn) * net[.., 2..3];
        return cat([velocity, p], 1);
    }

    /// <summary>The soft outflow condition u_x = v_x = 0 on the outlet, 128 points.</summary>
    internal static Constraint Outflow { get; } =
        Constraint.OnBoundary("outflow", 128, (c, s) => cat([s.Dx(NavierStokes.U), s.Dx(NavierStokes.V)], 1), "outlet");
}
