namespace PdeKit.Numerics;

/// <summary>Seeded Gaussian measurement noise for synthetic data: each value times (1 + fraction * z), z standard normal.</summary>
public static class RelativeNoise
{
    /// <summary>
    /// <paramref name="values"/> each multiplied by (1 + <paramref name="fraction"/> z), with z drawn in order from a
    /// <see cref="Random"/> seeded with <paramref name="seed"/> (Box-Muller, two uniforms per draw), so a seed gives the
    /// same data on every machine.
    /// </summary>
    /// <exception cref="ArgumentException">A fraction that is negative or not finite.</exception>
    public static double[] Apply(IEnumerable<double> values, double fraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!(fraction >= 0) || !double.IsFinite(fraction)) throw new ArgumentException($"noise must be a finite non-negative fraction (got {fraction})", nameof(fraction));
        var rng = new Random(seed);
        return values.Select(v => v * (1 + fraction * Normal(rng))).ToArray();
    }

    /// <summary>One standard normal number from <paramref name="rng"/> (Box-Muller).</summary>
    public static double Normal(Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        return Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
    }
}
