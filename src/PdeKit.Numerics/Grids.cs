namespace PdeKit.Numerics;

/// <summary>Uniform one-dimensional grids.</summary>
public static class Grids
{
    /// <summary>
    /// <paramref name="n"/> equally spaced points from <paramref name="a"/> to <paramref name="b"/>, both
    /// included (point i is <c>a + i (b - a) / (n - 1)</c>, the last one exactly <paramref name="b"/>), as
    /// numpy's <c>linspace</c>.
    /// </summary>
    /// <param name="a">First point (finite).</param>
    /// <param name="b">Last point (finite).</param>
    /// <param name="n">Number of points, at least 2.</param>
    /// <returns>The points, ascending when <c>a &lt; b</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is below 2, or an end is not finite.</exception>
    public static double[] Linspace(double a, double b, int n)
    {
        if (n < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"Linspace needs at least 2 points, got n = {n}.");
        }

        if (!double.IsFinite(a))
        {
            throw new ArgumentOutOfRangeException(nameof(a), a, "The first point must be finite.");
        }

        if (!double.IsFinite(b))
        {
            throw new ArgumentOutOfRangeException(nameof(b), b, "The last point must be finite.");
        }

        var points = new double[n];
        double step = (b - a) / (n - 1);
        for (int i = 0; i < n - 1; i++)
        {
            points[i] = a + (i * step);
        }

        points[n - 1] = b;
        return points;
    }

    /// <summary>Checks solver output times: at least one, finite, non-negative and strictly ascending.</summary>
    /// <exception cref="ArgumentException">The first bad time, by index.</exception>
    internal static void ValidateOutputTimes(ReadOnlySpan<double> times, string paramName = "times")
    {
        if (times.IsEmpty)
        {
            throw new ArgumentException("At least one output time is needed.", paramName);
        }

        for (int i = 0; i < times.Length; i++)
        {
            if (!double.IsFinite(times[i]) || times[i] < 0)
            {
                throw new ArgumentException($"Output times must be finite and non-negative; times[{i}] = {times[i]}.", paramName);
            }

            if (i > 0 && times[i] <= times[i - 1])
            {
                throw new ArgumentException(
                    $"Output times must be strictly ascending; times[{i - 1}] = {times[i - 1]}, times[{i}] = {times[i]}.", paramName);
            }
        }
    }
}
