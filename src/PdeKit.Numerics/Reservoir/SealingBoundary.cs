using MathNet.Numerics;

namespace PdeKit.Numerics.Reservoir;

/// <summary>
/// Linear flow at constant rate from a producing face toward a sealing (no-flow) boundary at distance L:
/// <c>dp/dt = d2p/dx^2</c> on <c>0 &lt;= x &lt;= L</c>, <c>p = 0</c> initially, <c>-dp/dx = 1</c> at the face x = 0 and
/// <c>dp/dx = 0</c> at the sealing boundary x = L (dimensionless: x and L in a reference length l,
/// t = 0.0002637 k t_hr / (phi mu c_t l^2), p scaled so that the face flux is 1). With xi = x / L and tau = t / L^2
/// every case is one scaled solution, <c>p(x, t) = L P(x / L, t / L^2)</c>, where P solves the same problem on
/// [0, 1]; the face pressure is <c>p_w(t) = L P(0, t / L^2)</c>. Early on the face does not feel the boundary and
/// <c>p_w = 2 sqrt(t / pi)</c> whatever L is (the half-slope of linear flow); once the pressure reaches the boundary
/// the face pressure turns to pseudo-steady state, <c>p_w = t / L + L / 3</c> (Carslaw and Jaeger, Conduction of
/// Heat in Solids, 2nd ed., 1959, section 3.3, the slab with constant flux at one face and the other insulated).
/// </summary>
/// <remarks>
/// Two exact representations of P, both from the same source: the Fourier series
/// <c>P = tau + (1 - xi)^2/2 - 1/6 - (2/pi^2) Sum_{n&gt;=1} cos(n pi xi) exp(-n^2 pi^2 tau) / n^2</c> (used for
/// <c>tau &gt;= 0.25</c>), and the image series <c>P = 2 sqrt(tau) Sum_{m&gt;=0} [ierfc((2m + xi)/(2 sqrt tau)) +
/// ierfc((2m + 2 - xi)/(2 sqrt tau))]</c> with <c>ierfc(u) = exp(-u^2)/sqrt(pi) - u erfc(u)</c> (used below), each summed
/// until the neglected terms are below 1e-17 relative to the sum.
/// </remarks>
public static class SealingBoundary
{
    /// <summary>The scaled time below which <see cref="ScaledPressure"/> uses the image series.</summary>
    public const double SeriesCrossover = 0.25;

    private const double Tolerance = 1e-17;
    private const int MaxTerms = 100_000;

    /// <summary>The scaled pressure P(xi, tau) on [0, 1], by whichever series converges faster.</summary>
    /// <param name="xi">Scaled position x / L, in [0, 1].</param>
    /// <param name="tau">Scaled time t / L^2, finite and non-negative (P = 0 at tau = 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">xi outside [0, 1], or tau negative or not finite.</exception>
    public static double ScaledPressure(double xi, double tau)
    {
        Check(xi, tau);
        if (tau == 0) return 0;
        return tau < SeriesCrossover ? Images(xi, tau) : Fourier(xi, tau);
    }

    /// <summary>P(xi, tau) by the Fourier series (fast for large tau).</summary>
    /// <exception cref="ArgumentOutOfRangeException">xi outside [0, 1], or tau not finite and positive.</exception>
    public static double FourierSeries(double xi, double tau)
    {
        Check(xi, tau);
        Guard.Positive(tau, nameof(tau));
        return Fourier(xi, tau);
    }

    /// <summary>P(xi, tau) by the image series (fast for small tau).</summary>
    /// <exception cref="ArgumentOutOfRangeException">xi outside [0, 1], or tau not finite and positive.</exception>
    public static double ImageSeries(double xi, double tau)
    {
        Check(xi, tau);
        Guard.Positive(tau, nameof(tau));
        return Images(xi, tau);
    }

    /// <summary>
    /// The face pressure <c>p_w(t) = L P(0, t / L^2)</c> for a sealing boundary at distance <paramref name="distance"/>.
    /// </summary>
    /// <param name="time">Dimensionless time, finite and non-negative.</param>
    /// <param name="distance">Distance L to the sealing boundary, finite and positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">A negative or non-finite time, or a distance that is not finite and positive.</exception>
    public static double FacePressure(double time, double distance)
    {
        Guard.NonNegative(time, nameof(time));
        Guard.Positive(distance, nameof(distance));
        return distance * ScaledPressure(0, time / (distance * distance));
    }

    /// <summary>
    /// The classical estimate of L from the pseudo-steady-state (Cartesian) plot: late in the test
    /// <c>dp_w/dt = 1/L</c>, so L = 1 / slope of the straight line fitted (least squares) to the last quarter of the
    /// samples (at least two). Before pseudo-steady state the slope is steeper (<c>dP/dtau(0, tau) = 1 + 2 Sum
    /// exp(-n^2 pi^2 tau) &gt; 1</c>), so this underestimates L when the data stop early; it is the start value of the
    /// fits, as a well-test analyst would take it.
    /// </summary>
    /// <param name="times">Increasing times, at least two.</param>
    /// <param name="pressures">Face pressures (rising in a drawdown), as many as the times.</param>
    /// <exception cref="ArgumentException">Fewer than two samples, lengths that differ, non-increasing times, or a late slope that is not positive.</exception>
    public static double CartesianEstimate(IReadOnlyList<double> times, IReadOnlyList<double> pressures)
    {
        CheckSamples(times, pressures, 2);
        int n = times.Count, m = Math.Max(2, n / 4);
        var t = times.Skip(n - m).ToArray();
        var p = pressures.Skip(n - m).ToArray();
        double tm = t.Average(), pm = p.Average();
        double slope = t.Select((ti, i) => (ti - tm) * (p[i] - pm)).Sum() / t.Sum(ti => (ti - tm) * (ti - tm));
        if (!(slope > 0))
            throw new ArgumentException($"the last {m} samples give a pressure slope of {slope}: a drawdown face pressure must rise, so the boundary distance cannot be estimated");
        return 1 / slope;
    }

    /// <summary>
    /// The classical least-squares fit of L to face pressures: Levenberg-Marquardt on ln L of the residuals
    /// <c>L P(0, t_i / L^2) - p_i</c>, started from <see cref="CartesianEstimate"/> (or <paramref name="start"/>).
    /// </summary>
    /// <param name="times">Increasing, positive times, at least three.</param>
    /// <param name="pressures">Measured face pressures.</param>
    /// <param name="start">Start value of L, or null for the Cartesian estimate.</param>
    /// <returns>L, its standard error (from the Jacobian and the residual variance) and the rms misfit.</returns>
    /// <exception cref="ArgumentException">Fewer than three samples, lengths that differ, non-increasing or non-positive times, or a bad start.</exception>
    public static (double Distance, double StandardError, double Rms) Fit(IReadOnlyList<double> times, IReadOnlyList<double> pressures, double? start = null)
    {
        CheckSamples(times, pressures, 3);
        if (!(times[0] > 0)) throw new ArgumentException($"times must be positive (the first is {times[0]})", nameof(times));
        double l0 = start ?? CartesianEstimate(times, pressures);
        Guard.Positive(l0, nameof(start));
        var fit = LevenbergMarquardt.Minimize(x =>
        {
            double l = Math.Exp(x[0]);
            return times.Select((t, i) => FacePressure(t, l) - pressures[i]).ToArray();
        }, [Math.Log(l0)], new LmOptions(MaxIterations: 100, Tolerance: 1e-10, JacobianStep: 1e-6));
        double distance = Math.Exp(fit.X[0]);
        double rms = Math.Sqrt(fit.Residuals.Select(r => r * r).Average());
        return (distance, distance * fit.StandardErrors[0], rms);
    }

    private static void CheckSamples(IReadOnlyList<double> times, IReadOnlyList<double> pressures, int least)
    {
        ArgumentNullException.ThrowIfNull(times);
        ArgumentNullException.ThrowIfNull(pressures);
        if (times.Count != pressures.Count) throw new ArgumentException($"times and pressures differ in length ({times.Count} and {pressures.Count})");
        if (times.Count < least) throw new ArgumentException($"at least {least} samples are needed (got {times.Count})");
        for (int i = 0; i < times.Count; i++)
        {
            if (!double.IsFinite(times[i]) || !double.IsFinite(pressures[i])) throw new ArgumentException($"sample {i} is not finite (t = {times[i]}, p = {pressures[i]})");
            if (i > 0 && !(times[i] > times[i - 1])) throw new ArgumentException($"times must increase: sample {i} (t = {times[i]}) does not follow {times[i - 1]}");
        }
    }

    private static double Fourier(double xi, double tau)
    {
        double sum = 0;
        for (int n = 1; n < MaxTerms; n++)
        {
            double term = Math.Exp(-(double)n * n * Math.PI * Math.PI * tau) / ((double)n * n);
            sum += Math.Cos(n * Math.PI * xi) * term;
            if (term < Tolerance) break;
        }

        double s = 1 - xi;
        return tau + s * s / 2 - 1.0 / 6 - 2 / (Math.PI * Math.PI) * sum;
    }

    private static double Images(double xi, double tau)
    {
        double w = 2 * Math.Sqrt(tau);
        double sum = 0;
        for (int m = 0; m < MaxTerms; m++)
        {
            double term = Ierfc((2.0 * m + xi) / w) + Ierfc((2.0 * m + 2 - xi) / w);
            sum += term;
            if (term <= Tolerance * sum) break;
        }

        return w * sum;
    }

    /// <summary>The integrated complementary error function exp(-u^2)/sqrt(pi) - u erfc(u).</summary>
    internal static double Ierfc(double u) => Math.Exp(-u * u) / Math.Sqrt(Math.PI) - u * SpecialFunctions.Erfc(u);

    private static void Check(double xi, double tau)
    {
        if (double.IsNaN(xi) || xi < 0 || xi > 1) throw new ArgumentOutOfRangeException(nameof(xi), xi, $"xi must lie in [0, 1], got xi = {xi}.");
        Guard.NonNegative(tau, nameof(tau));
    }
}
