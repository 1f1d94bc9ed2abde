using System.Globalization;
using System.Text;

namespace PdeKit.Reporting.Validation;

/// <summary>A picture of a report section.</summary>
/// <param name="Path">PNG file: absolute, or relative to the report's folder.</param>
/// <param name="Caption">What it shows.</param>
public sealed record ReportImage(string Path, string Caption);

/// <summary>One case of a report: its rows and pictures.</summary>
/// <param name="Case">Case name (also the section's anchor).</param>
/// <param name="Title">Heading.</param>
/// <param name="Description">A sentence or two on what was computed and compared.</param>
/// <param name="Rows">Every row of the case, gated and informational.</param>
/// <param name="Images">Plots of the case.</param>
public sealed record ReportSection(string Case, string Title, string Description, IReadOnlyList<ValidationRow> Rows, IReadOnlyList<ReportImage> Images)
{
    /// <summary>Other case names whose rows the section holds (they link here too).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
}

/// <summary>Everything a validation report shows.</summary>
/// <param name="Title">Report title.</param>
/// <param name="Facts">Suite, date, commit, device, total time, command...</param>
/// <param name="Sections">The cases, in suite order.</param>
public sealed record ValidationReportData(string Title, IReadOnlyList<KeyValuePair<string, string>> Facts, IReadOnlyList<ReportSection> Sections)
{
    /// <summary>All rows of all sections.</summary>
    public IEnumerable<ValidationRow> Rows => Sections.SelectMany(s => s.Rows);

    /// <summary>Gated rows (pass, fail, error).</summary>
    public IReadOnlyList<ValidationRow> Gated => Rows.Where(r => r.Gated).ToList();

    /// <summary>Number of gated rows that failed or could not be computed.</summary>
    public int Failures => Gated.Count(r => r.Status != ValidationStatus.Pass);

    /// <summary>One line: how many gated rows pass.</summary>
    public string Verdict => Failures == 0
        ? $"all {Gated.Count} checks pass"
        : $"{Failures} of {Gated.Count} checks FAIL ({Gated.Count - Failures} pass)";
}

/// <summary>Writes report.md (images linked by relative path) for a <see cref="ValidationReportData"/>; see <see cref="HtmlReport"/> for report.html.</summary>
public static class ValidationReport
{
    /// <summary>Writes the Markdown report atomically; image paths are written relative to the report's folder.</summary>
    public static void WriteMarkdown(string path, ValidationReportData data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(data);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# {data.Title}\n\n");
        sb.Append("| | |\n|---|---|\n");
        foreach (var (k, v) in data.Facts) sb.Append(CultureInfo.InvariantCulture, $"| {Md(k)} | {Md(v)} |\n");
        sb.Append(CultureInfo.InvariantCulture, $"\n**Result: {data.Verdict}.**\n\n## Cases\n\n");
        sb.Append("| case | method | metric | value | reference | tolerance | status | time (s) |\n|---|---|---|---|---|---|---|---|\n");
        foreach (var r in data.Gated)
            sb.Append(CultureInfo.InvariantCulture, $"| [{Md(r.Case)}](#{Anchor(r.Case)}) | {Md(r.Method)} | {Md(r.Metric)} | {Number(r.Value)} | {Optional(r.Reference)} | {Tolerance(r)} | {StatusText(r.Status)} | {r.TimeSeconds:F1} |\n");
        foreach (var s in data.Sections)
        {
            sb.Append('\n');
            foreach (var name in s.Aliases.Prepend(s.Case)) sb.Append(CultureInfo.InvariantCulture, $"<a id=\"{Anchor(name)}\"></a>");
            sb.Append(CultureInfo.InvariantCulture, $"\n\n## {Md(s.Title)}\n\n");
            if (s.Description.Length > 0) sb.Append(Md(s.Description)).Append("\n\n");
            sb.Append("| method | metric | value | reference | tolerance | status | note |\n|---|---|---|---|---|---|---|\n");
            foreach (var r in s.Rows)
                sb.Append(CultureInfo.InvariantCulture, $"| {Md(r.Method)} | {Md(r.Metric)} | {Number(r.Value)} | {Optional(r.Reference)} | {Tolerance(r)} | {StatusText(r.Status)} | {Md(r.Note)} |\n");
            foreach (var image in s.Images)
            {
                var rel = Path.GetRelativePath(folder, Path.GetFullPath(image.Path, folder)).Replace('\\', '/');
                sb.Append(CultureInfo.InvariantCulture, $"\n![{Md(image.Caption)}]({Uri.EscapeDataString(rel).Replace("%2F", "/", StringComparison.Ordinal)})\n");
            }
        }

        AtomicFile.Write(path, temp => File.WriteAllText(temp, sb.ToString()));
    }

    /// <summary>A value for a table cell: eight significant digits (published values have up to eight), or "NaN".</summary>
    public static string Number(double v) => double.IsNaN(v) ? "NaN" : v.ToString("G8", CultureInfo.InvariantCulture);

    /// <summary>The tolerance as read: "&lt;= 1e-3", "± 0.3%", "± 0.01", or empty.</summary>
    public static string Tolerance(ValidationRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Tolerance is not { } t) return "";
        return row.Comparison switch
        {
            Comparison.AtMost => "<= " + Number(t),
            Comparison.Relative => "± " + (100 * t).ToString("G4", CultureInfo.InvariantCulture) + "%",
            _ => "± " + Number(t),
        };
    }

    /// <summary>PASS, FAIL, ERROR or info.</summary>
    public static string StatusText(ValidationStatus s) => s switch
    {
        ValidationStatus.Pass => "PASS",
        ValidationStatus.Fail => "FAIL",
        ValidationStatus.Error => "ERROR",
        _ => "info",
    };

    /// <summary>An HTML/Markdown anchor for a case name.</summary>
    public static string Anchor(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return "case-" + new string(name.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-').ToArray());
    }

    private static string Optional(double? v) => v is { } x ? Number(x) : "";

    private static string Md(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
