namespace PdeKit.Problems;

/// <summary>Argument checks for problem parameters, with messages that name the parameter.</summary>
internal static class Guard
{
    internal static double Positive(double value, string name) =>
        double.IsFinite(value) && value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive number (got {value})");

    /// <summary>Checks a radial well-test window: r_max &gt; 1 (the well radius) and 0 &lt; t_min &lt; t_max.</summary>
    internal static void RadialWindow(double rMax, double tMin, double tMax)
    {
        Positive(rMax, nameof(rMax));
        Positive(tMin, nameof(tMin));
        Positive(tMax, nameof(tMax));
        if (!(rMax > 1)) throw new ArgumentException($"rMax must exceed the well radius r_D = 1 (got {rMax})", nameof(rMax));
        if (!(tMax > tMin)) throw new ArgumentException($"tMax must exceed tMin (got [{tMin}, {tMax}])", nameof(tMax));
    }
}
