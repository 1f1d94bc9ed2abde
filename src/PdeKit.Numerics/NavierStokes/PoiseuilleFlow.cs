namespace PdeKit.Numerics.NavierStokes;

/// <summary>
/// Plane Poiseuille flow, the exact fully developed laminar flow in a channel 0 &lt; y &lt; H
/// (e.g. Batchelor, An Introduction to Fluid Dynamics, 1967, sec. 4.2):
/// u = 4 U_max y (H - y) / H^2, v = 0, p = G (L - x) with the pressure gradient -dp/dx = G = 8 nu U_max / H^2,
/// so that p = 0 on the outlet x = L. It solves the steady Navier-Stokes equations exactly (the convective
/// term vanishes).
/// </summary>
public sealed class PoiseuilleFlow
{
    /// <summary>Creates the flow; every argument must be a positive finite number.</summary>
    /// <param name="nu">Kinematic viscosity (1/Re in units of H and U_max).</param>
    /// <param name="height">Channel height H.</param>
    /// <param name="length">Channel length L (the outlet where p = 0).</param>
    /// <param name="uMax">Centre-line velocity.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is not a positive finite number.</exception>
    public PoiseuilleFlow(double nu, double height = 1, double length = 2, double uMax = 1)
    {
        Nu = ExactFlowChecks.Positive(nu, "Poiseuille flow", nameof(nu));
        Height = ExactFlowChecks.Positive(height, "Poiseuille flow", nameof(height));
        Length = ExactFlowChecks.Positive(length, "Poiseuille flow", nameof(length));
        UMax = ExactFlowChecks.Positive(uMax, "Poiseuille flow", nameof(uMax));
    }

    /// <summary>Kinematic viscosity.</summary>
    public double Nu { get; }

    /// <summary>Channel height H.</summary>
    public double Height { get; }

    /// <summary>Channel length L.</summary>
    public double Length { get; }

    /// <summary>Centre-line velocity.</summary>
    public double UMax { get; }

    /// <summary>-dp/dx = 8 nu U_max / H^2.</summary>
    public double PressureGradient => 8 * Nu * UMax / (Height * Height);

    /// <summary>The parabolic profile u(y) = 4 U_max y (H - y) / H^2.</summary>
    public double Profile(double y) => 4 * UMax * y * (Height - y) / (Height * Height);

    /// <summary>Velocity and pressure at (x, y).</summary>
    public (double U, double V, double P) At(double x, double y) => (Profile(y), 0, PressureGradient * (Length - x));
}
