using PdeKit.Geometry;
using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Problems;

/// <summary>
/// The hard constraints of an internal flow from an inlet on x = x_in to an outlet on x = x_out, between
/// no-slip walls (and around optional no-slip obstacles): boundary parts "inlet", "wall", "outlet" and
/// obstacle parts. Velocity (u, v) = (U(y) h, 0) + phi (N_u, N_v), where U(y) is the inflow profile (zero on
/// the walls), h a smooth function that is 1 on the inlet and 0 on the obstacles (on the outlet for a plain
/// channel), and phi a distance function of inlet, walls and obstacles; pressure p = (x_out - x) / (x_out - x_in) N_p,
/// so p = 0 on the outlet exactly. The velocity on the outlet is free; a soft "outflow" term asks for
/// u_x = v_x = 0 there (the do-nothing condition nu du/dn - p n = 0 with p = 0).
/// The lift U(y) h uses only the boundary data and is not a solution of the flow. <see cref="ForRegion"/> builds
/// phi and h for any region from its parts (approximate distance functions and a transfinite blend); a plain
/// channel can pass cheaper closed forms.
/// </summary>
internal sealed class ChannelAnsatz
{
    private readonly Func<Tensor, Tensor> profile;
    private readonly Func<Coords, Tensor> fade, distance;
    private readonly double xIn, xOut;

    /// <summary>Creates the constraints from their pieces.</summary>
    /// <param name="profile">The inflow velocity U(y), [N, 1] to [N, 1], zero at the walls.</param>
    /// <param name="fade">h, [N, 1]: 1 on the inlet, 0 on the obstacles (or the outlet).</param>
    /// <param name="distance">phi, [N, 1]: zero on the inlet, the walls and the obstacles, positive inside.</param>
    /// <param name="xIn">The inlet's x.</param>
    /// <param name="xOut">The outlet's x.</param>
    internal ChannelAnsatz(Func<Tensor, Tensor> profile, Func<Coords, Tensor> fade, Func<Coords, Tensor> distance, double xIn, double xOut)
    {
        (this.profile, this.fade, this.distance, this.xIn, this.xOut) = (profile, fade, distance, xIn, xOut);
    }

    /// <summary>The constraints for <paramref name="region"/>: phi its distance function of inlet, walls and obstacles, h the transfinite blend of 1 on the inlet and 0 on the obstacles (or the outlet when there are none).</summary>
    /// <param name="region">The flow region with parts inlet, wall, outlet and the obstacles.</param>
    /// <param name="profile">The inflow velocity U(y), zero at the walls.</param>
    /// <param name="obstacles">Part names of no-slip obstacles (e.g. "cylinder").</param>
    internal static ChannelAnsatz ForRegion(Region2D region, Func<Tensor, Tensor> profile, params string[] obstacles)
    {
        var stops = obstacles.Length > 0 ? obstacles : ["outlet"];
        var parts = new Dictionary<string, Func<Coords, Tensor>> { ["inlet"] = c => ones_like(c.X) };
        foreach (var o in stops) parts[o] = c => zeros_like(c.X);
        var blend = TransfiniteInterpolation.FromParts(region, parts);
        var phi = region.DistanceFunction(1, ["inlet", "wall", .. obstacles]);
        return new ChannelAnsatz(profile, blend.Evaluate, phi.Evaluate, region.Bounds.XMin, region.Bounds.XMax);
    }

    /// <summary>The velocity lift (U(y) h, 0), [N, 2]: the ansatz's velocity for N = 0.</summary>
    internal Tensor Lift(Coords c)
    {
        var u = profile(c.Y) * fade(c);
        return cat([u, zeros_like(u)], 1);
    }

    /// <summary>The constrained (u, v, p), [N, 3], from the network output [N, 3].</summary>
    internal Tensor Apply(Coords c, Tensor net)
    {
        var velocity = Lift(c) + distance(c) * net[.., ..2];
        var p = (xOut - c.X) / (xOut - xIn) * net[.., 2..3];
        return cat([velocity, p], 1);
    }

    /// <summary>The soft outflow condition u_x = v_x = 0 on the outlet, 128 points.</summary>
    internal static Constraint Outflow { get; } =
        Constraint.OnBoundary("outflow", 128, (c, s) => cat([s.Dx(NavierStokes.U), s.Dx(NavierStokes.V)], 1), "outlet");
}
