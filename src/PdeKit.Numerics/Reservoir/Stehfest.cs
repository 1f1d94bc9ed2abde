using System.Collections.Concurrent;

namespace PdeKit.Numerics.Reservoir;

/// <summary>
/// Gaver-Stehfest numerical inversion of the Laplace transform (Stehfest, "Algorithm 368: Numerical inversion
/// of Laplace transforms", Comm. ACM 13(1), 1970, 47-49, and its remark, Comm. ACM 13(10), 624):
/// <c>f(t) ~ (ln 2 / t) Sum_{i=1}^{n} V_i F(i ln 2 / t)</c> with
/// <c>V_i = (-1)^(i + n/2) Sum_{k=floor((i+1)/2)}^{min(i, n/2)} k^(n/2) (2k)! / ((n/2 - k)! k! (k - 1)! (i - k)! (2k - i)!)</c>.
/// </summary>
/// <remarks>
/// The method samples F only on the positive real axis, so it suits smooth, non-oscillating f such as the
/// pressure responses of well testing (Stehfest's method is the standard there since Agarwal, Al-Hussainy &amp;
/// Ramey, SPE J. 10(3), 1970). The weights alternate in sign and grow with n (max |V_i| is 3.8e5 for n = 10,
/// 8.0e6 for n = 12, 3.6e9 for n = 16, 1.7e12 for n = 20), so in double precision the truncation error falls
/// with n while the rounding error, about <c>max |V_i| * 1e-16</c> relative, grows: n = 10 to 16 is the useful
/// range, 12 the usual default (for the radial well-test solutions 16 is best, see <see cref="RadialFlow"/>).
/// Only even n from 2 to 20 are accepted. The weights are sums of positive terms, computed to about 1e-15
/// relative.
/// </remarks>
public static class Stehfest
{
    /// <summary>The largest accepted number of terms; beyond it double-precision cancellation dominates.</summary>
    public const int MaxTerms = 20;

    private static readonly ConcurrentDictionary<int, double[]> Cache = new();

    /// <summary>Inverts a Laplace transform at one time: <c>f(t) ~ (ln 2 / t) Sum_i V_i F(i ln 2 / t)</c>.</summary>
    /// <param name="laplace">The transform F(s), called at the n real points <c>s = i ln 2 / t</c>, i = 1..n.</param>
    /// <param name="t">Time, finite and positive.</param>
    /// <param name="n">Number of terms, even, 2 to <see cref="MaxTerms"/> (default 12).</param>
    /// <returns>The approximation to f(t).</returns>
    /// <exception cref="ArgumentNullException">laplace is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">t is not finite and positive, or n is odd or outside [2, 20].</exception>
    public static double Invert(Func<double, double> laplace, double t, int n = 12)
    {
        ArgumentNullException.ThrowIfNull(laplace);
        Guard.Positive(t, nameof(t));
        double[] v = WeightsFor(n);
        double step = Math.Log(2.0) / t;
        double sum = 0.0;
        for (int i = 1; i <= n; i++)
        {
            sum += v[i - 1] * laplace(i * step);
        }

        return step * sum;
    }

    /// <summary>The Stehfest weights V_1..V_n (they sum to 0 for n &gt;= 2: the inverse of 1/s is 1 for every t).</summary>
    /// <param name="n">Number of terms, even, 2 to <see cref="MaxTerms"/>.</param>
    /// <returns>A new array of the n weights.</returns>
    /// <exception cref="ArgumentOutOfRangeException">n is odd or outside [2, 20].</exception>
    public static double[] Weights(int n) => (double[])WeightsFor(n).Clone();

    private static double[] WeightsFor(int n)
    {
        if (n < 2 || n > MaxTerms || n % 2 != 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(n), n, $"The Stehfest number of terms n must be even and between 2 and {MaxTerms}, got n = {n}.");
        }

        return Cache.GetOrAdd(n, Compute);
    }

    private static double[] Compute(int n)
    {
        int half = n / 2;
        var factorial = new double[n + 1];
        factorial[0] = 1.0;
        for (int i = 1; i <= n; i++)
        {
            factorial[i] = factorial[i - 1] * i;
        }

        var v = new double[n];
        for (int i = 1; i <= n; i++)
        {
            double sum = 0.0;
            for (int k = (i + 1) / 2; k <= Math.Min(i, half); k++)
            {
                sum += Math.Pow(k, half) * factorial[2 * k]
                    / (factorial[half - k] * factorial[k] * factorial[k - 1] * factorial[i - k] * factorial[(2 * k) - i]);
            }

            v[i - 1] = ((i + half) % 2 == 0 ? 1.0 : -1.0) * sum;
        }

        return v;
    }
}
