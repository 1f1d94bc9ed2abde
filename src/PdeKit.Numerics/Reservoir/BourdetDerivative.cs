namespace PdeKit.Numerics.Reservoir;

/// <summary>
/// The well-test pressure derivative <c>t d(dp)/dt = d(dp)/d(ln t)</c> by the weighted central difference of
/// Bourdet, Ayoub &amp; Pirard, "Use of pressure derivative in well-test interpretation", SPE Formation Evaluation
/// 4(2), 1989, 293-302 (also Bourdet, Whittle, Douglas &amp; Pirard, World Oil, May 1983).
/// </summary>
/// <remarks>
/// With <c>X = ln t</c>, a left point j and a right point k around point i,
/// <c>(d dp/dX)_i = [ (dp_i - dp_j)/(X_i - X_j) (X_k - X_i) + (dp_k - dp_i)/(X_k - X_i) (X_i - X_j) ] / (X_k - X_j)</c>:
/// the two one-sided slopes weighted by the opposite distance, which is exact for <c>dp = a ln t + b</c> and
/// second-order accurate in X for smooth data (it is the slope at the middle point of the parabola through the
/// three points, so exact for any quadratic in ln t). Smoothing (Bourdet et al. 1989): with the window L in
/// log cycles (decades of t), j is the nearest point at least L to the left (<c>log10 t_i - log10 t_j &gt;= L</c>)
/// and k the nearest at least L to the right (points exactly L apart, up to rounding, qualify); L = 0 takes the
/// immediate neighbours; 0.1 to 0.2 is usual. Where no point lies L away on one side (near the ends), the end point of the data on that side
/// is used; at the first and last points the one-sided slope to the other side is returned. For a buildup,
/// pass the superposition or equivalent time as t.
/// </remarks>
public static class BourdetDerivative
{
    /// <summary>The Bourdet derivative <c>d(dp)/d(ln t)</c> at every sample.</summary>
    /// <param name="t">Times, finite, positive and strictly increasing; at least 2.</param>
    /// <param name="dp">Pressure changes at those times, finite; same length as t.</param>
    /// <param name="smoothing">The smoothing window L in log cycles of t (decades; 0.1 to 0.2 is usual; 0, the default, uses adjacent points); finite and non-negative.</param>
    /// <returns>A new array of the derivative, same length as t.</returns>
    /// <exception cref="ArgumentNullException">t or dp is null.</exception>
    /// <exception cref="ArgumentException">The lengths differ, fewer than 2 points, t is not positive and strictly increasing, or a value is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">smoothing is negative or not finite.</exception>
    public static double[] Compute(double[] t, double[] dp, double smoothing = 0.0)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(dp);
        Guard.NonNegative(smoothing, nameof(smoothing));
        if (t.Length != dp.Length)
        {
            throw new ArgumentException($"t and dp must have the same length, got {t.Length} and {dp.Length}.", nameof(dp));
        }

        int n = t.Length;
        if (n < 2)
        {
            throw new ArgumentException($"At least 2 points are needed, got {n}.", nameof(t));
        }

        var x = new double[n];
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(t[i]) || t[i] <= 0 || (i > 0 && t[i] <= t[i - 1]))
            {
                throw new ArgumentException($"t must be finite, positive and strictly increasing; t[{i}] = {t[i]}.", nameof(t));
            }

            if (!double.IsFinite(dp[i]))
            {
                throw new ArgumentException($"dp must be finite; dp[{i}] = {dp[i]}.", nameof(dp));
            }

            x[i] = Math.Log(t[i]);
        }

        var derivative = new double[n];
        derivative[0] = (dp[1] - dp[0]) / (x[1] - x[0]);
        derivative[n - 1] = (dp[n - 1] - dp[n - 2]) / (x[n - 1] - x[n - 2]);
        // In ln t, less a relative 1e-9 so that points exactly L apart on a regular log grid qualify despite rounding.
        double window = smoothing * Math.Log(10.0) * (1 - 1e-9);
        int left = 0, right = 1;
        for (int i = 1; i < n - 1; i++)
        {
            // left: the largest j < i with x_i - x_j >= L (0 if none); right: the smallest k > i with x_k - x_i >= L (n - 1 if none).
            while (left + 1 < i && x[i] - x[left + 1] >= window)
            {
                left++;
            }

            if (right <= i)
            {
                right = i + 1;
            }

            while (right < n - 1 && x[right] - x[i] < window)
            {
                right++;
            }

            double dxLeft = x[i] - x[left], dxRight = x[right] - x[i];
            double slopeLeft = (dp[i] - dp[left]) / dxLeft, slopeRight = (dp[right] - dp[i]) / dxRight;
            derivative[i] = ((slopeLeft * dxRight) + (slopeRight * dxLeft)) / (dxLeft + dxRight);
        }

        return derivative;
    }
}
