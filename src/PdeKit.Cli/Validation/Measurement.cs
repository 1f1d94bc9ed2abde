using PdeKit.Reporting.Validation;

namespace PdeKit.Cli.Validation;

/// <summary>One value a case computed, with what it should be compared with.</summary>
/// <param name="Method">What produced it, e.g. "finite difference", "PINN (quick)".</param>
/// <param name="Metric">Name a suite line selects it by; ':' separates general from specific ("p_wD:fd:t_D=40").</param>
/// <param name="Value">The value.</param>
/// <param name="Reference">The value it should equal (published, exact), or null for errors judged on their own.</param>
/// <param name="Comparison">How a tolerance applies: <see cref="Comparison.AtMost"/> without a reference.</param>
/// <param name="Note">Where the reference comes from.</param>
internal sealed record Measurement(string Method, string Metric, double Value, double? Reference, Comparison Comparison, string Note = "")
{
    /// <summary>An error or cost judged by "value &lt;= tolerance".</summary>
    public static Measurement AtMost(string method, string metric, double value, string note = "") => new(method, metric, value, null, Comparison.AtMost, note);

    /// <summary>A value judged by its relative deviation from <paramref name="reference"/>.</summary>
    public static Measurement Relative(string method, string metric, double value, double reference, string note) => new(method, metric, value, reference, Comparison.Relative, note);
}

/// <summary>What one computation of a suite produced.</summary>
/// <param name="Description">What was computed and compared, for the report.</param>
/// <param name="Measurements">Every value, selected by suite lines or kept for information.</param>
/// <param name="Images">PNG files (absolute paths) with captions.</param>
/// <param name="Device">Where it ran.</param>
internal sealed record CaseOutcome(string Description, IReadOnlyList<Measurement> Measurements, IReadOnlyList<ReportImage> Images, string Device);
