namespace PdeKit.Numerics.NavierStokes;

/// <summary>
/// Kovasznay's exact steady solution of the 2D incompressible Navier-Stokes equations
/// (u . grad) u + grad p = (1/Re) Laplace u, div u = 0 (L. I. G. Kovasznay, "Laminar flow behind a
/// two-dimensional grid", Proc. Cambridge Philos. Soc. 44, 58-62, 1948):
/// u = 1 - e^(lambda x) cos(2 pi y), v = lambda / (2 pi) e^(lambda x) sin(2 pi y),
/// p = (1 - e^(2 lambda x)) / 2, with lambda = Re/2 - sqrt(Re^2/4 + 4 pi^2).
/// The usual PINN test box (e.g. Jin et al. 2021, NSFnets) is [-0.5, 1] x [-0.5, 1.5].
/// </summary>
public sealed class KovasznayFlow
{
    /// <summary>Creates the flow at Reynolds number <paramref name="re"/> (positive, finite).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Re is not a positive finite number.</exception>
    public KovasznayFlow(double re)
    {
        Re = ExactFlowChecks.Positive(re, "Kovasznay flow", nameof(re));
        Lambda = re / 2 - Math.Sqrt(re * re / 4 + 4 * Math.PI * Math.PI);
    }

    /// <summary>Reynolds number.</summary>
    public double Re { get; }

    /// <summary>lambda = Re/2 - sqrt(Re^2/4 + 4 pi^2) (negative).</summary>
    public double Lambda { get; }

    /// <summary>Velocity and pressure at (x, y).</summary>
    public (double U, double V, double P) At(double x, double y)
    {
        double e = Math.Exp(Lambda * x);
        return (1 - e * Math.Cos(2 * Math.PI * y), Lambda / (2 * Math.PI) * e * Math.Sin(2 * Math.PI * y), 0.5 * (1 - e * e));
    }
}
