namespace PdeKit.Numerics;

/// <summary>Error norms between a prediction and a reference sampled at the same points.</summary>
public static class ErrorMetrics
{
    /// <summary>
    /// Relative L2 error <c>||predicted - reference||_2 / ||reference||_2</c>. When the reference is all zero
    /// the absolute L2 error <c>||predicted - reference||_2</c> is returned instead.
    /// </summary>
    /// <param name="predicted">Predicted values.</param>
    /// <param name="reference">Reference values, same length as <paramref name="predicted"/>.</param>
    /// <returns>The relative (or, for a zero reference, absolute) L2 error; 0 for empty inputs.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static double RelativeL2(ReadOnlySpan<double> predicted, ReadOnlySpan<double> reference)
    {
        CheckLengths(predicted, reference);
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < predicted.Length; i++)
        {
            double d = predicted[i] - reference[i];
            diff += d * d;
            norm += reference[i] * reference[i];
        }

        return norm == 0 ? Math.Sqrt(diff) : Math.Sqrt(diff / norm);
    }

    /// <summary>Maximum absolute difference <c>max_i |predicted_i - reference_i|</c> (0 for empty inputs).</summary>
    /// <param name="predicted">Predicted values.</param>
    /// <param name="reference">Reference values, same length as <paramref name="predicted"/>.</param>
    /// <returns>The largest absolute difference; NaN if any difference is NaN.</returns>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static double MaxAbs(ReadOnlySpan<double> predicted, ReadOnlySpan<double> reference)
    {
        CheckLengths(predicted, reference);
        double max = 0;
        for (int i = 0; i < predicted.Length; i++)
        {
            double d = Math.Abs(predicted[i] - reference[i]);
            if (double.IsNaN(d))
            {
                return double.NaN;
            }

            max = Math.Max(max, d);
        }

        return max;
    }

    private static void CheckLengths(ReadOnlySpan<double> predicted, ReadOnlySpan<double> reference)
    {
        if (predicted.Length != reference.Length)
        {
            throw new ArgumentException(
                $"predicted has {predicted.Length} values but reference has {reference.Length}; they must be sampled at the same points.",
                nameof(reference));
        }
    }
}
