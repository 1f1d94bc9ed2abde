using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Evaluation;

/// <summary>
/// Forces of an incompressible flow on a circular body, from the surface integral of the stress:
/// F = closed integral over the circle of (-p n + nu (grad u + grad u^T) n) ds, with n the unit normal
/// pointing out of the body into the fluid and unit density (p the kinematic pressure). This is the
/// force the fluid exerts on the body; on a no-slip wall it equals Schaefer and Turek's (1996)
/// F_D = integral (nu dv_t/dn n_y - p n_x) ds and F_L = -integral (nu dv_t/dn n_x + p n_y) ds.
/// The integral uses the trapezoidal rule at equally spaced angles, which converges spectrally for
/// smooth periodic integrands.
/// </summary>
public static class SurfaceForces
{
    /// <summary>The force (F_x, F_y) on the circle of centre (cx, cy) and radius r.</summary>
    /// <param name="flow">Maps points [N, 2] (x, y) to (u, v, p), [N, 3], differentiably (e.g. a trained network's forward).</param>
    /// <param name="cx">Centre x.</param>
    /// <param name="cy">Centre y.</param>
    /// <param name="radius">Radius, positive.</param>
    /// <param name="nu">Kinematic viscosity, non-negative.</param>
    /// <param name="points">Quadrature points, at least 8.</param>
    /// <param name="dtype">Floating-point type of the points (that of the flow's parameters).</param>
    /// <param name="device">Device of the points, or null for the CPU.</param>
    /// <exception cref="ArgumentException">A bad radius, viscosity or point count, or a flow that does not return [N, 3].</exception>
    public static (double Fx, double Fy) OnCircle(Func<Tensor, Tensor> flow, double cx, double cy, double radius, double nu,
        int points = 512, ScalarType dtype = ScalarType.Float64, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(flow);
        if (!double.IsFinite(cx) || !double.IsFinite(cy)) throw new ArgumentException($"surface forces: the centre ({cx}, {cy}) must be finite", nameof(cx));
        if (!(radius > 0) || !double.IsFinite(radius)) throw new ArgumentException($"surface forces: the radius must be a positive finite number (got {radius})", nameof(radius));
        if (!(nu >= 0) || !double.IsFinite(nu)) throw new ArgumentException($"surface forces: nu must be a non-negative finite number (got {nu})", nameof(nu));
        if (points < 8) throw new ArgumentException($"surface forces: use at least 8 quadrature points (got {points})", nameof(points));
        using var scope = NewDisposeScope();
        var theta = arange(points, dtype: ScalarType.Float64) * (2 * Math.PI / points);
        var nx = theta.cos().reshape(-1, 1);
        var ny = theta.sin().reshape(-1, 1);
        var xy = cat([cx + radius * nx, cy + radius * ny], 1).to(dtype).to(device ?? CPU).requires_grad_(true);
        var fields = flow(xy);
        if (fields.dim() != 2 || fields.shape[0] != points || fields.shape[1] != 3)
            throw new ArgumentException($"surface forces: the flow must return (u, v, p) as [{points}, 3]; got [{string.Join(", ", fields.shape)}]", nameof(flow));
        var gu = torch.autograd.grad([fields[.., 0].sum()], [xy], retain_graph: true)[0].to(ScalarType.Float64).cpu();
        var gv = torch.autograd.grad([fields[.., 1].sum()], [xy])[0].to(ScalarType.Float64).cpu();
        var p = fields[.., 2..3].detach().to(ScalarType.Float64).cpu();
        var (ux, uy, vx, vy) = (gu[.., 0..1], gu[.., 1..2], gv[.., 0..1], gv[.., 1..2]);
        var tx = -p * nx + nu * (2 * ux * nx + (uy + vx) * ny);
        var ty = -p * ny + nu * ((uy + vx) * nx + 2 * vy * ny);
        double ds = 2 * Math.PI * radius / points;
        return (tx.sum().item<double>() * ds, ty.sum().item<double>() * ds);
    }
}
