using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Problems;

/// <summary>
/// What the incompressible Navier-Stokes problems share: the fields u, v, p (velocity-pressure form, unit
/// density) and the residual of (u . grad) u + grad p - nu Laplace u (+ du/dt) = 0, div u = 0.
/// </summary>
public static class NavierStokes
{
    /// <summary>The x velocity.</summary>
    public static readonly Field U = Field.Scalar("u");

    /// <summary>The y velocity.</summary>
    public static readonly Field V = Field.Scalar("v");

    /// <summary>The kinematic pressure (pressure over density).</summary>
    public static readonly Field P = Field.Scalar("p");

    /// <summary>The outputs u, v, p in network-output order.</summary>
    public static IReadOnlyList<Field> Fields { get; } = [U, V, P];

    /// <summary>
    /// The residuals [N, 3]: x momentum, y momentum and continuity, u_t + u u_x + v u_y + p_x - nu (u_xx + u_yy)
    /// (the time derivative only on a space-time domain), the same for v with p_y, and u_x + v_y.
    /// </summary>
    /// <param name="s">The solution with outputs u, v, p.</param>
    /// <param name="nu">Kinematic viscosity (1/Re in dimensionless units).</param>
    public static Tensor Residual(Solution s, double nu)
    {
        ArgumentNullException.ThrowIfNull(s);
        var (u, v) = (s[U], s[V]);
        var (ux, uy, vx, vy) = (s.Dx(U), s.Dy(U), s.Dx(V), s.Dy(V));
        var mx = u * ux + v * uy + s.Dx(P) - nu * (s.Dxx(U) + s.Dyy(U));
        var my = u * vx + v * vy + s.Dy(P) - nu * (s.Dxx(V) + s.Dyy(V));
        if (s.Domain.IsTimeDependent)
        {
            mx = s.Dt(U) + mx;
            my = s.Dt(V) + my;
        }
        return cat([mx, my, ux + vy], 1);
    }

    /// <summary>A reference [N, 3] (u, v, p) from a pointwise flow (x, y) -> (U, V, P).</summary>
    public static IReference Reference(string name, Func<double, double, (double U, double V, double P)> flow)
    {
        ArgumentNullException.ThrowIfNull(flow);
        return new PointwiseReference(name, pts =>
        {
            var r = new double[pts.Length, 3];
            for (int i = 0; i < pts.Length; i++) (r[i, 0], r[i, 1], r[i, 2]) = flow(pts[i][0], pts[i][1]);
            return r;
        });
    }

    /// <summary>Checks a Reynolds number: positive and finite; the message names the problem.</summary>
    internal static double CheckRe(double re, string problem) =>
        double.IsFinite(re) && re > 0 ? re : throw new ArgumentOutOfRangeException(nameof(re), re, $"{problem}: the Reynolds number re must be a positive finite number (got {re})");
}
