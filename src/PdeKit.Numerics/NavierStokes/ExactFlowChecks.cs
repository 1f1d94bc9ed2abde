namespace PdeKit.Numerics.NavierStokes;

/// <summary>Argument checks shared by the exact Navier-Stokes solutions.</summary>
internal static class ExactFlowChecks
{
    /// <summary>Returns <paramref name="value"/> when it is a positive finite number; otherwise throws naming the flow and parameter.</summary>
    internal static double Positive(double value, string flow, string name) =>
        double.IsFinite(value) && value > 0 ? value
        : throw new ArgumentOutOfRangeException(name, value, $"{flow}: {name} must be a positive finite number (got {value})");
}
