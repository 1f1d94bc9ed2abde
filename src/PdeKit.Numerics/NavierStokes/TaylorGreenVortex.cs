namespace PdeKit.Numerics.NavierStokes;

/// <summary>
/// The decaying Taylor-Green vortex, an exact transient solution of the 2D incompressible Navier-Stokes
/// equations on the periodic square [0, 2 pi]^2 (G. I. Taylor and A. E. Green, Proc. R. Soc. Lond. A 158,
/// 499-521, 1937): u = cos x sin y F, v = -sin x cos y F, p = -(cos 2x + cos 2y) F^2 / 4, F = e^(-2 nu t).
/// The pressure has zero mean over the square at every time.
/// </summary>
public sealed class TaylorGreenVortex
{
    /// <summary>Creates the vortex with kinematic viscosity <paramref name="nu"/> (positive, finite).</summary>
    /// <exception cref="ArgumentOutOfRangeException">nu is not a positive finite number.</exception>
    public TaylorGreenVortex(double nu) => Nu = ExactFlowChecks.Positive(nu, "Taylor-Green vortex", nameof(nu));

    /// <summary>Kinematic viscosity.</summary>
    public double Nu { get; }

    /// <summary>Velocity and pressure at (x, y, t).</summary>
    public (double U, double V, double P) At(double x, double y, double t)
    {
        double f = Math.Exp(-2 * Nu * t);
        return (Math.Cos(x) * Math.Sin(y) * f, -Math.Sin(x) * Math.Cos(y) * f, -(Math.Cos(2 * x) + Math.Cos(2 * y)) * f * f / 4);
    }
}
