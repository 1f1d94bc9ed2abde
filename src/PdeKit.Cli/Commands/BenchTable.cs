using System.Globalization;
using System.Text;
using PdeKit.Models;
using PdeKit.Training;

namespace PdeKit.Cli.Commands;

/// <summary>The Markdown table of <c>pdekit bench --compare</c>: median steps/s per variant and its ratio to the first.</summary>
internal static class BenchTable
{
    internal static string Markdown(string problem, ModelOptions model, IReadOnlyList<(StepVariant Variant, IReadOnlyList<StepBenchmarkResult> Runs)> table)
    {
        var sb = new StringBuilder();
        var first = table[0].Runs[0];
        sb.Append(CultureInfo.InvariantCulture,
            $"{problem} step, {model.Kind} {model.Depth}x{model.Width} {model.Activation}, {first.Points} points, {first.Steps} timed steps per run, {table[0].Runs.Count} interleaved rounds, device {first.Device}, {DateTime.UtcNow:yyyy-MM-dd}\n\n");
        sb.Append("| variant | engine used | median steps/s (wall) | points/s (wall) | runs (steps/s) | ratio to first (wall) | median steps per CPU-second | ratio to first (CPU) | final loss |\n");
        sb.Append("|---|---|---:|---:|---|---:|---:|---:|---:|\n");
        double baseline = Median(table[0].Runs, r => r.StepsPerSecond);
        double baselineCpu = Median(table[0].Runs, r => r.StepsPerCpuSecond);
        foreach (var (variant, runs) in table)
        {
            double med = Median(runs, r => r.StepsPerSecond);
            double medCpu = Median(runs, r => r.StepsPerCpuSecond);
            sb.Append(CultureInfo.InvariantCulture,
                $"| {variant.Label} | {runs[0].Engine} + {runs[0].Optimizer} ({runs[0].Graph}) | {med:F1} | {med * runs[0].Points:E3} | {string.Join(", ", runs.Select(x => x.StepsPerSecond.ToString("F1", CultureInfo.InvariantCulture)))} | {med / baseline:F2} | {medCpu:F1} | {medCpu / baselineCpu:F2} | {runs[^1].FinalLoss:E4} |\n");
        }
        foreach (var notice in table.SelectMany(t => t.Runs).Select(x => x.Notice).OfType<string>().Distinct()) sb.Append(CultureInfo.InvariantCulture, $"\n{notice}\n");
        return sb.ToString();
    }

    private static double Median(IReadOnlyList<StepBenchmarkResult> runs, Func<StepBenchmarkResult, double> value)
    {
        var s = runs.Select(value).Order().ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }
}
