using System.Globalization;

namespace PdeKit.Cli.Validation;

/// <summary>What a suite line computes.</summary>
internal enum CaseKind
{
    /// <summary>Train a PINN (preset and overrides) and compare it with the problem's reference.</summary>
    Pinn,

    /// <summary>The problem's reference study: finite-difference, spectral and exact references compared with each other.</summary>
    Reference,

    /// <summary>A named published check from <see cref="CheckRegistry"/>.</summary>
    Check,
}

/// <summary>One line of a suite file: a case, what it computes, and the metric and tolerance it is judged by.</summary>
/// <param name="Source">The suite file.</param>
/// <param name="Line">Line number in that file.</param>
/// <param name="Case">Unique case name (also its output folder).</param>
/// <param name="Problem">Catalogue name of the problem.</param>
/// <param name="Kind">What the line computes.</param>
/// <param name="CheckName">For <see cref="CaseKind.Check"/>, the registered check; otherwise null.</param>
/// <param name="Preset">Training preset of a PINN case (empty otherwise).</param>
/// <param name="Settings">Overrides: training settings (PINN, as --set) or check parameters.</param>
/// <param name="Metric">The metric the tolerance applies to; "m" also selects every "m:..." metric.</param>
/// <param name="Tolerance">The tolerance, applied as the metric's comparison says (at most, relative or absolute).</param>
/// <param name="Notes">Free text: why this tolerance, what was measured.</param>
internal sealed record SuiteCase(
    string Source, int Line, string Case, string Problem, CaseKind Kind, string? CheckName, string Preset,
    IReadOnlyList<KeyValuePair<string, string>> Settings, string Metric, double Tolerance, string Notes)
{
    /// <summary>"file, line N" for messages.</summary>
    public string Where => $"{Source}, line {Line.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The kind as written in a suite file: pinn, reference or check:NAME.</summary>
    public string KindText => Kind switch
    {
        CaseKind.Pinn => "pinn",
        CaseKind.Reference => "reference",
        _ => "check:" + CheckName,
    };

    /// <summary>Lines with the same key share one computation (trained or computed once).</summary>
    public string ComputationKey => string.Join("|", Problem, KindText, Preset, string.Join(";", Settings.Select(kv => kv.Key + "=" + kv.Value)));

    /// <summary>True for lines that finish in seconds on a CPU (references and checks).</summary>
    public bool Cheap => Kind != CaseKind.Pinn;

    /// <summary>Whether <paramref name="metric"/> is selected by this line's <see cref="Metric"/>.</summary>
    public bool Selects(string metric) => Matches(Metric, metric);

    /// <summary>A selector picks a metric equal to it or one that continues it after a ':' ("rel_l2" picks "rel_l2:u").</summary>
    public static bool Matches(string selector, string metric)
    {
        ArgumentNullException.ThrowIfNull(selector);
        ArgumentNullException.ThrowIfNull(metric);
        return string.Equals(metric, selector, StringComparison.OrdinalIgnoreCase)
            || metric.StartsWith(selector + ":", StringComparison.OrdinalIgnoreCase);
    }
}
