using MathNet.Numerics;

namespace PdeKit.Numerics.Reservoir;

/// <summary>
/// The one-dimensional dimensionless diffusivity equation <c>dp/dt = d2p/dx^2</c> on <c>0 &lt;= x &lt;= 1</c> with
/// <c>p = 0</c> initially, <c>p = 1</c> held at x = 0 and no flow (<c>dp/dx = 0</c>) at x = 1: linear flow from a
/// constant-pressure boundary into a closed slab (a fracture face or aquifer edge). It is one half of the plane
/// sheet of half-thickness 1 with both faces held at p = 1 (Carslaw &amp; Jaeger, Conduction of Heat in Solids,
/// 2nd ed., 1959, ch. III; Crank, The Mathematics of Diffusion, 2nd ed., 1975, ch. 4, plane sheet with constant
/// surface concentration), with the sheet's mid-plane at x = 1.
/// </summary>
/// <remarks>
/// Two exact representations (both in Crank 1975, ch. 4, and Carslaw &amp; Jaeger 1959, ch. III):
/// the Fourier series <c>p = 1 - Sum_{n&gt;=0} 4/((2n+1) pi) sin((2n+1) pi x/2) exp(-(2n+1)^2 pi^2 t/4)</c>,
/// whose terms fall like <c>exp(-2.47 (2n+1)^2 t)</c>, and the image series
/// <c>p = Sum_{n&gt;=0} (-1)^n [erfc((2n + x)/(2 sqrt t)) + erfc((2n + 2 - x)/(2 sqrt t))]</c>, whose terms fall like
/// <c>exp(-n^2/t)</c>. <see cref="Pressure"/> uses the image series for <c>t &lt; 0.25</c> and the Fourier series
/// above, so neither needs more than about 7 terms for 1e-17. Both are summed until the neglected tail is below
/// 1e-17 (absolute; the image series also relative to its sum, so tiny pressures ahead of the front keep their
/// relative accuracy). erfc is MathNet.Numerics' <c>SpecialFunctions.Erfc</c>.
/// </remarks>
public static class LinearDiffusivity
{
    /// <summary>The time below which <see cref="Pressure"/> and <see cref="BoundaryFlux"/> use the image series.</summary>
    public const double SeriesCrossover = 0.25;

    private const double Tolerance = 1e-17;
    private const int MaxTerms = 100_000;

    /// <summary>The exact p_D(x_D, t_D) of the closed slab, by whichever series converges faster (see remarks).</summary>
    /// <param name="xD">Position, in [0, 1].</param>
    /// <param name="tD">Time, finite and non-negative; at t_D = 0 the initial value 0 (1 at x_D = 0, the boundary value).</param>
    /// <returns>p_D(x_D, t_D), in [0, 1].</returns>
    /// <exception cref="ArgumentOutOfRangeException">xD is outside [0, 1], or tD is negative or not finite.</exception>
    public static double Pressure(double xD, double tD)
    {
        Check(xD, tD);
        if (tD == 0)
        {
            return xD == 0 ? 1.0 : 0.0;
        }

        return tD < SeriesCrossover ? Images(xD, tD) : Fourier(xD, tD);
    }

    /// <summary>
    /// p_D(x_D, t_D) of the closed slab by the Fourier (eigenfunction) series (Crank 1975, ch. 4;
    /// Carslaw &amp; Jaeger 1959, ch. III): fast for large t_D, needs about <c>1.3/sqrt(t_D)</c> terms.
    /// </summary>
    /// <param name="xD">Position, in [0, 1].</param>
    /// <param name="tD">Time, finite and positive.</param>
    /// <returns>p_D(x_D, t_D).</returns>
    /// <exception cref="ArgumentOutOfRangeException">xD is outside [0, 1], or tD is not finite and positive.</exception>
    public static double FourierSeries(double xD, double tD)
    {
        Check(xD, tD);
        Guard.Positive(tD, nameof(tD));
        return Fourier(xD, tD);
    }

    /// <summary>
    /// p_D(x_D, t_D) of the closed slab by the method of images, a sum of complementary error functions
    /// (Crank 1975, ch. 4; Carslaw &amp; Jaeger 1959, ch. III): fast for small t_D, needs about
    /// <c>3.2 sqrt(t_D)</c> terms.
    /// </summary>
    /// <param name="xD">Position, in [0, 1].</param>
    /// <param name="tD">Time, finite and positive.</param>
    /// <returns>p_D(x_D, t_D).</returns>
    /// <exception cref="ArgumentOutOfRangeException">xD is outside [0, 1], or tD is not finite and positive.</exception>
    public static double ImageSeries(double xD, double tD)
    {
        Check(xD, tD);
        Guard.Positive(tD, nameof(tD));
        return Images(xD, tD);
    }

    /// <summary>
    /// The semi-infinite solution <c>p_D = erfc(x_D / (2 sqrt t_D))</c> for <c>x_D &gt;= 0</c> (Carslaw &amp; Jaeger
    /// 1959, ch. II; Crank 1975, ch. 3): the closed slab's limit while the front has not reached
    /// x_D = 1.
    /// </summary>
    /// <param name="xD">Position, finite and non-negative.</param>
    /// <param name="tD">Time, finite and non-negative; at t_D = 0 the initial value 0 (1 at x_D = 0).</param>
    /// <returns>p_D(x_D, t_D).</returns>
    /// <exception cref="ArgumentOutOfRangeException">xD or tD is negative or not finite.</exception>
    public static double SemiInfinite(double xD, double tD)
    {
        Guard.NonNegative(xD, nameof(xD));
        Guard.NonNegative(tD, nameof(tD));
        if (tD == 0)
        {
            return xD == 0 ? 1.0 : 0.0;
        }

        return SpecialFunctions.Erfc(xD / (2.0 * Math.Sqrt(tD)));
    }

    /// <summary>
    /// The dimensionless flux into the slab at the constant-pressure face, <c>q_D = -dp_D/dx_D</c> at x_D = 0:
    /// <c>2 Sum_{n&gt;=0} exp(-(2n+1)^2 pi^2 t_D/4)</c> (Fourier) or
    /// <c>(1 + 2 Sum_{n&gt;=1} (-1)^n exp(-n^2/t_D)) / sqrt(pi t_D)</c> (images), differentiated from the series of
    /// <see cref="Pressure"/>; the constant-pressure linear-flow rate of well testing.
    /// </summary>
    /// <param name="tD">Time, finite and positive.</param>
    /// <returns>q_D(t_D), which behaves like <c>1/sqrt(pi t_D)</c> early and decays exponentially late.</returns>
    /// <exception cref="ArgumentOutOfRangeException">tD is not finite and positive.</exception>
    public static double BoundaryFlux(double tD)
    {
        Guard.Positive(tD, nameof(tD));
        double sum;
        if (tD < SeriesCrossover)
        {
            sum = 1.0;
            for (int n = 1; n < MaxTerms; n++)
            {
                double term = 2.0 * Math.Exp(-(double)n * n / tD);
                sum += (n % 2 == 0 ? term : -term);
                if (term < Tolerance)
                {
                    break;
                }
            }

            return sum / Math.Sqrt(Math.PI * tD);
        }

        sum = 0.0;
        for (int n = 0; n < MaxTerms; n++)
        {
            double m = (2.0 * n) + 1.0;
            double term = 2.0 * Math.Exp(-m * m * Math.PI * Math.PI * tD / 4.0);
            sum += term;
            if (term < Tolerance * sum)
            {
                break;
            }
        }

        return sum;
    }

    private static double Fourier(double xD, double tD)
    {
        double sum = 0.0;
        double decay = Math.PI * Math.PI * tD / 4.0;
        for (int n = 0; n < MaxTerms; n++)
        {
            double m = (2.0 * n) + 1.0;
            double envelope = 4.0 / (m * Math.PI) * Math.Exp(-m * m * decay);
            sum += envelope * Math.Sin(m * Math.PI * xD / 2.0);
            if (envelope < Tolerance)
            {
                break;
            }
        }

        return 1.0 - sum;
    }

    private static double Images(double xD, double tD)
    {
        double scale = 1.0 / (2.0 * Math.Sqrt(tD));
        double sum = 0.0;
        for (int n = 0; n < MaxTerms; n++)
        {
            // Both erfc arguments are at least 2n/(2 sqrt t); the pair bounds the rest of the alternating tail.
            double term = SpecialFunctions.Erfc(((2.0 * n) + xD) * scale) + SpecialFunctions.Erfc(((2.0 * n) + 2.0 - xD) * scale);
            sum += n % 2 == 0 ? term : -term;
            if (term <= Tolerance * Math.Abs(sum))
            {
                break;
            }
        }

        return sum;
    }

    private static void Check(double xD, double tD)
    {
        if (double.IsNaN(xD) || xD < 0 || xD > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(xD), xD, $"xD must lie in [0, 1], got xD = {xD}.");
        }

        Guard.NonNegative(tD, nameof(tD));
    }
}
