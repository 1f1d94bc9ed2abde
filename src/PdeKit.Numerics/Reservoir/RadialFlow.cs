namespace PdeKit.Numerics.Reservoir;

/// <summary>
/// Solutions of the dimensionless radial diffusivity equation <c>d2p/dr^2 + (1/r) dp/dr = dp/dt</c> for a well
/// produced at constant rate in a homogeneous reservoir initially at uniform pressure, in the well-testing
/// variables of <see cref="WellTestUnits"/> (<c>p_D = k h (p_i - p)/(141.2 q B mu)</c>,
/// <c>t_D = 0.0002637 k t/(phi mu c_t r_w^2)</c>, <c>r_D = r/r_w</c>, <c>C_D = 0.8936 C/(phi c_t h r_w^2)</c>).
/// </summary>
/// <remarks>
/// <para>
/// The finite-radius ("cylindrical source") solutions are van Everdingen &amp; Hurst's, "The application of the
/// Laplace transformation to flow problems in reservoirs", Trans. AIME 186 (1949) 305-324, inverted numerically
/// with <see cref="Stehfest"/>. In the Laplace domain (variable s, <c>a = sqrt(s)</c>) the constant-rate
/// solution without storage and skin is, for an infinite reservoir,
/// <c>p0(r, s) = K0(r a) / (s a K1(a))</c>, and for a closed circular reservoir of radius r_eD
/// <c>p0(r, s) = [K0(r a) I1(r_eD a) + I0(r a) K1(r_eD a)] / (s a [I1(r_eD a) K1(a) - I1(a) K1(r_eD a)])</c>.
/// Skin S (an infinitesimally thin damaged zone, van Everdingen, Trans. AIME 198, 1953; Hurst, Petroleum
/// Engineer, 1953) and wellbore storage C_D enter as in Agarwal, Al-Hussainy &amp; Ramey, "An investigation of
/// wellbore storage and skin effect in unsteady liquid flow: I. Analytical treatment", SPE J. 10(3), 1970,
/// 279-290: <c>p_ws = p0(1, s) + S/s</c>, <c>p_wD(s) = p_ws / (1 + C_D s^2 p_ws)</c>, and in the reservoir
/// <c>p_D(r, s) = p0(r, s) / (1 + C_D s^2 p_ws)</c> (the sandface rate is <c>1/(1 + C_D s^2 p_ws)</c> times the
/// unit rate's transform). The Bessel functions are evaluated exponentially scaled (<see cref="ScaledBessel"/>),
/// so no argument overflows.
/// </para>
/// <para>
/// Accuracy, against 40-digit inversions of the same transforms by Talbot's method (mpmath) at 15 points
/// (t_D = 0.1 to 1e6, r_eD = 10 and 1000, S up to 5, C_D up to 1000, r_D up to 10): with the default
/// 16 Stehfest terms the relative error is at most 2.3e-6 (at r_eD = 10, t_D = 40, where the boundary is
/// arriving) and mostly below 3e-7; with 12 terms at most 5.1e-5, with 14 at most 1.4e-5; 18 and 20 terms
/// lose to rounding. The published van Everdingen-Hurst values 1.275 (infinite, t_D = 4) and 2.401
/// (r_eD = 10, t_D = 40) are reproduced to all their digits.
/// </para>
/// <para>
/// A negative skin is accepted without storage (the result is the zero-skin pressure plus S, negative at the
/// earliest times). With storage it is refused: then <c>1 + C_D s^2 p_ws</c> vanishes at some real s, the
/// transform has a pole and the infinitesimal-skin model has no bounded solution. Model a stimulated well by
/// its effective radius <c>r_wa = r_w exp(-S)</c> instead (Earlougher 1977, ch. 2): zero skin with
/// <c>t_D exp(2S)</c>, <c>C_D exp(2S)</c> and <c>r_eD exp(S)</c>.
/// </para>
/// </remarks>
public static class RadialFlow
{
    /// <summary>
    /// The default number of Stehfest terms of the finite-radius solutions, 16: the most accurate in double
    /// precision for them (see the class remarks).
    /// </summary>
    public const int DefaultStehfestTerms = 16;

    /// <summary>
    /// <c>ln 4 - gamma = 0.8090787</c> (quoted in the texts truncated, as 0.80907): the constant of the semilog approximation
    /// <c>p_D = (ln t_D + 0.80907)/2</c> (Matthews &amp; Russell, Pressure Buildup and Flow Tests in Wells, SPE
    /// Monograph 1, 1967, ch. 2; Lee, Well Testing, SPE Textbook Series 1, 1982, ch. 1): the large-t_D form of
    /// <c>-Ei(-1/(4 t_D))/2</c> through <c>E1(x) = -gamma - ln x + O(x)</c> (DLMF 6.6.2).
    /// </summary>
    public const double SemilogConstant = 0.80907869621835774; // ln 4 - 0.57721566490153286

    /// <summary>
    /// The line-source (exponential-integral, Theis) solution <c>p_D = -Ei(-r_D^2/(4 t_D))/2</c> for an infinite
    /// reservoir (Theis, Trans. AGU 16, 1935, 519-524; Matthews &amp; Russell 1967, ch. 2; Lee 1982, ch. 1).
    /// </summary>
    /// <param name="rD">Dimensionless radius r/r_w, finite and positive.</param>
    /// <param name="tD">Dimensionless time, finite and positive.</param>
    /// <returns>p_D(r_D, t_D).</returns>
    /// <exception cref="ArgumentOutOfRangeException">rD or tD is not finite and positive.</exception>
    public static double LineSource(double rD, double tD)
    {
        Guard.Positive(rD, nameof(rD));
        Guard.Positive(tD, nameof(tD));
        return 0.5 * ExponentialIntegral.E1(rD * rD / (4.0 * tD));
    }

    /// <summary>
    /// The semilog (late-time infinite-acting) approximation <c>p_wD = (ln t_D + 0.80907)/2 + S</c>, the limit of
    /// both the line source at r_D = 1 and the cylindrical source for large t_D (Lee 1982, ch. 1, with skin;
    /// Earlougher, Advances in Well Test Analysis, SPE Monograph 5, 1977, ch. 2).
    /// </summary>
    /// <param name="tD">Dimensionless time, finite and positive.</param>
    /// <param name="skin">Skin factor S, finite.</param>
    /// <returns>The approximate wellbore p_wD.</returns>
    /// <exception cref="ArgumentOutOfRangeException">tD is not finite and positive, or skin is not finite.</exception>
    public static double SemilogApproximation(double tD, double skin = 0.0)
    {
        Guard.Positive(tD, nameof(tD));
        Guard.Finite(skin, nameof(skin));
        return (0.5 * (Math.Log(tD) + SemilogConstant)) + skin;
    }

    /// <summary>
    /// The wellbore pressure p_wD(t_D) of a finite-radius well at constant surface rate, with skin and wellbore
    /// storage, in an infinite reservoir or a closed circular one (van Everdingen &amp; Hurst 1949; Agarwal et al.
    /// 1970; see the class remarks), by Stehfest inversion of <see cref="WellborePressureLaplace"/>.
    /// </summary>
    /// <param name="tD">Dimensionless time, finite and positive.</param>
    /// <param name="skin">Skin factor S, finite (default 0).</param>
    /// <param name="storage">Dimensionless wellbore storage C_D, finite and non-negative (default 0).</param>
    /// <param name="reD">Dimensionless radius of the closed outer boundary, above 1; positive infinity (the default) for an infinite reservoir.</param>
    /// <param name="stehfestTerms">Stehfest terms, even, 2 to 20 (default 16, see the class remarks).</param>
    /// <returns>p_wD(t_D).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double WellborePressure(
        double tD, double skin = 0.0, double storage = 0.0, double reD = double.PositiveInfinity, int stehfestTerms = DefaultStehfestTerms)
    {
        Guard.Positive(tD, nameof(tD));
        CheckWell(skin, storage, reD);
        return Stehfest.Invert(s => Laplace(1.0, s, skin, storage, reD, wellbore: true), tD, stehfestTerms);
    }

    /// <summary>
    /// The reservoir pressure p_D(r_D, t_D) around a finite-radius well at constant surface rate, with skin and
    /// wellbore storage, in an infinite or closed circular reservoir (van Everdingen &amp; Hurst 1949; Agarwal et al.
    /// 1970), by Stehfest inversion of <see cref="PressureLaplace"/>. At r_D = 1 this is the sandface pressure
    /// outside the skin: the wellbore pressure less the skin drop S q_sfD.
    /// </summary>
    /// <param name="rD">Dimensionless radius, at least 1 and at most reD.</param>
    /// <param name="tD">Dimensionless time, finite and positive.</param>
    /// <param name="skin">Skin factor S, finite (default 0); it changes the reservoir pressure only through the sandface rate when C_D &gt; 0.</param>
    /// <param name="storage">Dimensionless wellbore storage C_D, finite and non-negative (default 0).</param>
    /// <param name="reD">Dimensionless radius of the closed outer boundary, above 1; positive infinity (the default) for an infinite reservoir.</param>
    /// <param name="stehfestTerms">Stehfest terms, even, 2 to 20 (default 16, see the class remarks).</param>
    /// <returns>p_D(r_D, t_D).</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double Pressure(
        double rD, double tD, double skin = 0.0, double storage = 0.0, double reD = double.PositiveInfinity, int stehfestTerms = DefaultStehfestTerms)
    {
        Guard.Positive(tD, nameof(tD));
        CheckWell(skin, storage, reD);
        CheckRadius(rD, reD);
        return Stehfest.Invert(s => Laplace(rD, s, skin, storage, reD, wellbore: false), tD, stehfestTerms);
    }

    /// <summary>
    /// The Laplace transform of <see cref="WellborePressure"/>:
    /// <c>p_wD(s) = p_ws / (1 + C_D s^2 p_ws)</c> with <c>p_ws = p0(1, s) + S/s</c> (Agarwal et al. 1970, with
    /// van Everdingen &amp; Hurst's p0; see the class remarks).
    /// </summary>
    /// <param name="s">Laplace variable, finite and positive.</param>
    /// <param name="skin">Skin factor S, finite.</param>
    /// <param name="storage">Dimensionless wellbore storage C_D, finite and non-negative.</param>
    /// <param name="reD">Closed outer radius above 1, or positive infinity for an infinite reservoir.</param>
    /// <returns>The transform at s.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double WellborePressureLaplace(double s, double skin = 0.0, double storage = 0.0, double reD = double.PositiveInfinity)
    {
        Guard.Positive(s, nameof(s));
        CheckWell(skin, storage, reD);
        return Laplace(1.0, s, skin, storage, reD, wellbore: true);
    }

    /// <summary>
    /// The Laplace transform of <see cref="Pressure"/>: <c>p_D(r, s) = p0(r, s) / (1 + C_D s^2 p_ws)</c>
    /// (Agarwal et al. 1970, with van Everdingen &amp; Hurst's p0; see the class remarks).
    /// </summary>
    /// <param name="rD">Dimensionless radius, at least 1 and at most reD.</param>
    /// <param name="s">Laplace variable, finite and positive.</param>
    /// <param name="skin">Skin factor S, finite.</param>
    /// <param name="storage">Dimensionless wellbore storage C_D, finite and non-negative.</param>
    /// <param name="reD">Closed outer radius above 1, or positive infinity for an infinite reservoir.</param>
    /// <returns>The transform at s.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside its range.</exception>
    public static double PressureLaplace(
        double rD, double s, double skin = 0.0, double storage = 0.0, double reD = double.PositiveInfinity)
    {
        Guard.Positive(s, nameof(s));
        CheckWell(skin, storage, reD);
        CheckRadius(rD, reD);
        return Laplace(rD, s, skin, storage, reD, wellbore: false);
    }

    /// <summary>
    /// The long-time (pseudo-steady-state) wellbore pressure of a well at constant rate in a closed circular
    /// reservoir, with all the r_eD terms kept:
    /// <c>p_D = 2 (t_D + 1/4)/(r_eD^2 - 1) - (3 r_eD^4 - 4 r_eD^4 ln r_eD - 2 r_eD^2 - 1) / (4 (r_eD^2 - 1)^2)</c>
    /// (van Everdingen &amp; Hurst 1949, their closed-reservoir solution without its exponentially decaying Bessel
    /// series; for large r_eD it tends to <c>2 t_D/r_eD^2 + ln r_eD - 3/4</c>, Matthews &amp; Russell 1967).
    /// </summary>
    /// <param name="tD">Dimensionless time, finite and positive (the formula holds once the boundary is felt
    /// everywhere, about <c>t_D &gt; 0.3 r_eD^2</c>).</param>
    /// <param name="reD">Dimensionless outer radius, finite and above 1.</param>
    /// <returns>p_wD at pseudo-steady state.</returns>
    /// <exception cref="ArgumentOutOfRangeException">tD is not finite and positive, or reD is not finite and above 1.</exception>
    public static double PseudoSteadyClosed(double tD, double reD)
    {
        Guard.Positive(tD, nameof(tD));
        if (!double.IsFinite(reD) || reD <= 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(reD), reD, $"reD must be finite and above 1, got reD = {reD}.");
        }

        double r2 = reD * reD, r4 = r2 * r2, m = r2 - 1.0;
        return (2.0 * (tD + 0.25) / m) - (((3.0 * r4) - (4.0 * r4 * Math.Log(reD)) - (2.0 * r2) - 1.0) / (4.0 * m * m));
    }

    private static double Laplace(double rD, double s, double skin, double storage, double reD, bool wellbore)
    {
        double a = Math.Sqrt(s);
        double sandface; // p0(1, s)
        double atRadius; // p0(rD, s)
        if (double.IsPositiveInfinity(reD))
        {
            double denominator = s * a * ScaledBessel.K1e(a);
            sandface = ScaledBessel.K0e(a) / denominator;
            atRadius = rD == 1.0 ? sandface : ScaledBessel.K0e(rD * a) * Math.Exp(-(rD - 1.0) * a) / denominator;
        }
        else
        {
            // Numerator and denominator of van Everdingen-Hurst's closed solution divided by exp((reD - 1) a);
            // every remaining exponential has a non-positive exponent.
            double b = reD * a;
            double i1b = ScaledBessel.I1e(b), k1b = ScaledBessel.K1e(b);
            double reflected = Math.Exp(-2.0 * (b - a));
            double denominator = s * a * ((i1b * ScaledBessel.K1e(a)) - (ScaledBessel.I1e(a) * k1b * reflected));
            sandface = ((ScaledBessel.K0e(a) * i1b) + (ScaledBessel.I0e(a) * k1b * reflected)) / denominator;
            if (rD == 1.0)
            {
                atRadius = sandface;
            }
            else
            {
                double ra = rD * a;
                atRadius = ((ScaledBessel.K0e(ra) * i1b * Math.Exp(a - ra))
                    + (ScaledBessel.I0e(ra) * k1b * Math.Exp(ra + a - (2.0 * b)))) / denominator;
            }
        }

        double withSkin = sandface + (skin / s);
        double storageFactor = 1.0 + (storage * s * s * withSkin);
        return (wellbore ? withSkin : atRadius) / storageFactor;
    }

    private static void CheckWell(double skin, double storage, double reD)
    {
        Guard.Finite(skin, nameof(skin));
        Guard.NonNegative(storage, nameof(storage));
        if (skin < 0 && storage > 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(skin),
                skin,
                $"A negative skin with wellbore storage has no bounded solution in the infinitesimal-skin model (got skin = {skin}, "
                + $"storage = {storage}); use the effective wellbore radius r_wa = r_w exp(-S): zero skin, tD exp(2S), storage exp(2S), reD exp(S).");
        }

        if (double.IsNaN(reD) || reD <= 1.0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(reD), reD, $"reD must be above 1 (positive infinity for an infinite reservoir), got reD = {reD}.");
        }
    }

    private static void CheckRadius(double rD, double reD)
    {
        if (double.IsNaN(rD) || rD < 1.0 || rD > reD || double.IsInfinity(rD))
        {
            throw new ArgumentOutOfRangeException(
                nameof(rD), rD, $"rD must be finite, at least 1 (the wellbore) and at most reD = {reD}, got rD = {rD}.");
        }
    }
}
