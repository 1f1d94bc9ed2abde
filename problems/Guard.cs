namespace PdeKit.Problems;

/// <summary>Argument checks for problem parameters, with messages that name the parameter.</summary>
internal static class Guard
{
    internal static double Positive(double value, string name) =>
        double.IsFinite(value) && value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be a positive number (got {value})");
}
