using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using PdeKit.Reporting;
using PdeKit.Reporting.Validation;
using PdeKit.Runtime;

namespace PdeKit.Cli.Validation;

/// <summary>What to validate and where the results go.</summary>
/// <param name="Lines">Suite lines, in order.</param>
/// <param name="Label">The suite names, for the report title.</param>
/// <param name="Out">Output folder: results.csv, report.md, report.html, suite.csv and cases/CASE/.</param>
/// <param name="Device">Device for PINN cases, or null for each preset's.</param>
/// <param name="Reuse">Load identical earlier PINN runs from the output folder instead of training again.</param>
/// <param name="Command">The command line, for the report.</param>
internal sealed record ValidationRequest(IReadOnlyList<SuiteCase> Lines, string Label, string Out, DeviceChoice? Device, bool Reuse, string Command);

/// <summary>
/// Runs suite lines: lines with the same problem, kind, preset and settings share one computation; the cheap ones
/// (references, checks) run first, then the PINNs. Each line's metric is judged against its tolerance; values no line
/// selects are kept for information. results.csv and the reports are rewritten after every computation, so an
/// interrupted run leaves a consistent report of what finished. A computation that throws marks its lines as errors.
/// </summary>
internal sealed class ValidationRunner(ValidationRequest request, Action<string> log)
{
    private readonly string commit = GitCommit.Describe();
    private readonly Dictionary<string, ReportSection> sections = [];
    private readonly Stopwatch clock = new();

    /// <summary>Runs everything and returns the final report data.</summary>
    internal ValidationReportData Run()
    {
        clock.Start();
        Directory.CreateDirectory(request.Out);
        SuiteCopy.Write(Path.Combine(request.Out, "suite.csv"), request.Lines);
        var groups = request.Lines.GroupBy(l => l.ComputationKey).Select(g => g.ToList()).ToList();
        var order = groups.Where(g => g[0].Cheap).Concat(groups.Where(g => !g[0].Cheap)).ToList();
        int done = 0;
        foreach (var group in order)
        {
            var first = group[0];
            log($"[{++done}/{order.Count}] {string.Join(", ", group.Select(l => l.Case))}: {first.KindText} {first.Problem}");
            sections[first.ComputationKey] = Compute(group);
            foreach (var r in sections[first.ComputationKey].Rows.Where(r => r.Gated))
                log($"    {ValidationReport.StatusText(r.Status),-5} {r.Metric} = {ValidationReport.Number(r.Value)} ({ValidationReport.Tolerance(r)}{(r.Reference is { } x ? " of " + ValidationReport.Number(x) : "")}){(r.Status == ValidationStatus.Error ? ": " + r.Note : "")}");
            Write(Data(groups, done == order.Count));
        }

        return Data(groups, true);
    }

    private ReportSection Compute(List<SuiteCase> group)
    {
        var first = group[0];
        var folder = Path.Combine(request.Out, "cases", first.Case);
        var timer = Stopwatch.StartNew();
        CaseOutcome? outcome = null;
        string? error = null;
        try
        {
            outcome = first.Kind switch
            {
                CaseKind.Pinn => PinnCase.Run(first, folder, request.Device, request.Reuse, log),
                CaseKind.Reference => ReferenceCase.Run(first, folder),
                _ => RunCheck(first, folder),
            };
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("PDEKIT_TRACE") is null)
        {
            error = $"{e.GetType().Name}: {e.Message}";
        }

        double seconds = timer.Elapsed.TotalSeconds;
        if (outcome?.Measurements.FirstOrDefault(m => m.Metric == "time_s") is { } trained) seconds = trained.Value;
        var device = outcome?.Device ?? (first.Kind == CaseKind.Pinn ? "?" : "cpu");
        var rows = new List<ValidationRow>();
        foreach (var line in group)
        {
            ValidationRow Row(string method, string metric, double value, double? reference, Comparison comparison, ValidationStatus status, string note) =>
                new(line.Case, method, metric, value, reference, line.Tolerance, comparison, status, seconds, device, commit) { Note = note };
            if (outcome is null)
            {
                rows.Add(Row(first.KindText, line.Metric, double.NaN, null, Comparison.AtMost, ValidationStatus.Error, error ?? "not computed"));
                continue;
            }

            var selected = outcome.Measurements.Where(m => line.Selects(m.Metric)).ToList();
            if (selected.Count == 0)
                rows.Add(Row(first.KindText, line.Metric, double.NaN, null, Comparison.AtMost, ValidationStatus.Error,
                    $"no metric '{line.Metric}' (metrics: {string.Join(", ", outcome.Measurements.Select(m => m.Metric))})"));
            foreach (var m in selected)
            {
                bool missing = m.Comparison != Comparison.AtMost && m.Reference is null;
                var status = missing ? ValidationStatus.Error : ValidationRow.Judge(m.Value, m.Reference, line.Tolerance, m.Comparison);
                rows.Add(Row(m.Method, m.Metric, m.Value, m.Reference, m.Comparison, status, missing ? "no reference value to compare with" : m.Note));
            }
        }

        if (outcome is not null)
        {
            foreach (var m in outcome.Measurements.Where(m => !group.Any(l => l.Selects(m.Metric))))
                rows.Add(new ValidationRow(first.Case, m.Method, m.Metric, m.Value, m.Reference, null, m.Comparison, ValidationStatus.Info, seconds, device, commit) { Note = m.Note });
        }

        var notes = group.Where(l => l.Notes.Length > 0).Select(l => $"{l.Case}: {l.Notes}");
        var description = string.Join(" ", new[] { outcome?.Description ?? $"Failed: {error}" }.Concat(notes.Any() ? ["Notes: " + string.Join("; ", notes) + "."] : []));
        var title = $"{string.Join(", ", group.Select(l => l.Case))} ({first.KindText}, {first.Problem})";
        return new ReportSection(first.Case, title, description, rows, outcome?.Images ?? []) { Aliases = [.. group.Skip(1).Select(l => l.Case)] };
    }

    private static CaseOutcome RunCheck(SuiteCase line, string folder)
    {
        var check = CheckRegistry.Find(line.CheckName!);
        var context = new CheckContext(Problems.ProblemCatalog.Find(line.Problem), line.Settings.ToDictionary(kv => kv.Key, kv => kv.Value),
            Path.GetDirectoryName(Path.GetFullPath(line.Source))!);
        var result = check.Run(context);
        Directory.CreateDirectory(folder);
        var images = new List<ReportImage>();
        foreach (var chart in result.Charts)
        {
            var path = Path.Combine(folder, chart.FileName);
            Plots.Draw(path, chart);
            images.Add(new ReportImage(path, chart.Title));
        }

        return new CaseOutcome(check.Description, result.Measurements, images, "cpu");
    }

    private ValidationReportData Data(List<List<SuiteCase>> groups, bool finished)
    {
        var present = groups.Where(g => sections.ContainsKey(g[0].ComputationKey)).Select(g => sections[g[0].ComputationKey]).ToList();
        var devices = present.SelectMany(s => s.Rows).Select(r => r.Device).Distinct();
        var omp = Environment.GetEnvironmentVariable("OMP_NUM_THREADS");
        var facts = new List<KeyValuePair<string, string>>
        {
            new("suite", request.Label),
            new("command", request.Command),
            new("status", finished ? "finished" : $"running: {present.Count} of {groups.Count} computations done"),
            new("date (UTC)", DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)),
            new("commit", commit),
            new("devices", string.Join(", ", devices)),
            new("machine", $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}{(omp is null ? "" : ", OMP_NUM_THREADS=" + omp)}"),
            new("total time", $"{clock.Elapsed.TotalSeconds:F0} s"),
            new("PdeKit", typeof(ValidationRunner).Assembly.GetName().Version?.ToString() ?? "?"),
        };
        return new ValidationReportData($"PdeKit validation: {request.Label}", facts, present);
    }

    private void Write(ValidationReportData data)
    {
        ValidationCsv.Write(Path.Combine(request.Out, "results.csv"), data.Rows);
        ValidationReport.WriteMarkdown(Path.Combine(request.Out, "report.md"), data);
        HtmlReport.Write(Path.Combine(request.Out, "report.html"), data);
    }
}
