using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Problems;

/// <summary>The unknowns a two-dimensional incompressible flow problem is trained for.</summary>
public enum FlowForm
{
    /// <summary>Velocity-pressure: the network outputs (u, v, p); continuity is a residual (catalogue value "uvp" or 0).</summary>
    VelocityPressure,

    /// <summary>
    /// Stream function-pressure: the network outputs (psi, p) and the velocity is u = psi_y, v = -psi_x, so
    /// continuity u_x + v_y = 0 holds identically (catalogue value "psi" or 1). See <see cref="StreamFunction"/>.
    /// </summary>
    StreamFunction,
}

/// <summary>
/// The stream-function form of the incompressible Navier-Stokes equations in two dimensions: outputs psi and p,
/// velocity (u, v) = (psi_y, -psi_x), which is divergence-free for any psi. The momentum residuals then need
/// third derivatives of psi (the viscous term); the jet derivative engine carries orders up to 2 and takes the
/// third ones from its autograd fallback (see <see cref="Training.JetSolution"/>), so both engines give the same
/// residual. The problems keep their physical fields for evaluation: <see cref="Velocity"/> is their
/// <see cref="IProblem.Derived"/> hook, which reports (u, v, p) from psi's derivatives, so errors, run files
/// and plots compare the same (u, v, p) with the same references as the velocity form.
/// </summary>
public static class StreamFunction
{
    /// <summary>The stream function psi (u = psi_y, v = -psi_x).</summary>
    public static readonly Field Psi = Field.Scalar("psi");

    /// <summary>The outputs psi, p in network-output order.</summary>
    public static IReadOnlyList<Field> Fields { get; } = [Psi, NavierStokes.P];

    /// <summary>The reported fields (u, v, p) = (psi_y, -psi_x, p), [N, 3].</summary>
    public static DerivedFields Velocity { get; } = new(NavierStokes.Fields, (c, s) =>
    {
        ArgumentNullException.ThrowIfNull(s);
        return cat([s.Dy(Psi), 0.0 - s.Dx(Psi), s[NavierStokes.P]], 1); // 0 - psi_x, not -psi_x: no -0 in the run's files
    });

    /// <summary>
    /// The momentum residuals [N, 2] with u = psi_y, v = -psi_x:
    /// u psi_xy + v psi_yy + p_x - nu (psi_xxy + psi_yyy) (+ psi_yt) and
    /// -u psi_xx - v psi_xy + p_y + nu (psi_xxx + psi_xyy) (- psi_xt), the time derivatives only on a space-time
    /// domain. There is no continuity residual: it vanishes identically.
    /// </summary>
    /// <param name="s">The solution with outputs psi, p.</param>
    /// <param name="nu">Kinematic viscosity (1/Re in dimensionless units).</param>
    public static Tensor Residual(Solution s, double nu)
    {
        ArgumentNullException.ThrowIfNull(s);
        var (u, v) = (s.Dy(Psi), -s.Dx(Psi));
        var (pxx, pxy, pyy) = (s.Dxx(Psi), s.D(Psi, "x", "y"), s.Dyy(Psi));
        var mx = u * pxy + v * pyy + s.Dx(NavierStokes.P) - nu * (s.D(Psi, "x", "x", "y") + s.D(Psi, "y", "y", "y"));
        var my = -u * pxx - v * pxy + s.Dy(NavierStokes.P) + nu * (s.D(Psi, "x", "x", "x") + s.D(Psi, "x", "y", "y"));
        if (s.Domain.IsTimeDependent)
        {
            mx = s.D(Psi, "y", "t") + mx;
            my = my - s.D(Psi, "x", "t");
        }
        return cat([mx, my], 1);
    }

    /// <summary>Checks a form: a defined <see cref="FlowForm"/>; the message names the problem.</summary>
    internal static FlowForm CheckForm(FlowForm form, string problem) => Enum.IsDefined(form) ? form
        : throw new ArgumentOutOfRangeException(nameof(form), form, $"{problem}: unknown flow form {form} (VelocityPressure or StreamFunction)");

    /// <summary>The form from its catalogue parameter: 0 (uvp) velocity-pressure, 1 (psi) stream function.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Any other value.</exception>
    internal static FlowForm FromParameter(double value, string problem) => value switch
    {
        0 => FlowForm.VelocityPressure,
        1 => FlowForm.StreamFunction,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, $"{problem}: form must be uvp (0, velocity-pressure) or psi (1, stream function) (got {value})"),
    };
}
