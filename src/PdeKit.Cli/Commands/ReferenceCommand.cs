using System.CommandLine;
using System.Globalization;
using PdeKit.Problems;
using PdeKit.Reporting;

namespace PdeKit.Cli.Commands;

/// <summary><c>pdekit reference</c>: compute a problem's references side by side and check them against published values.</summary>
internal static class ReferenceCommand
{
    internal static Command Create()
    {
        var problem = new Argument<string>("problem") { Description = "problem name (see pdekit list)" };
        var outDir = new Option<string?>("--out") { Description = "folder for the reference fields (CSV) and plots" };
        var re = new Option<double?>("--re") { Description = "cavity only: Reynolds number (default 100)" };
        var n = new Option<int?>("--n") { Description = "cavity only: nodes per side (default 129)" };
        var lid = new Option<string?>("--lid") { Description = "cavity only: lid profile, uniform (default) or smoothed" };
        var cmd = new Command(
            "reference",
            "Compute a problem's references (exact and finite-difference), compare them, and check published values. "
            + "'cavity' (reference only, not a PINN problem) solves the lid-driven cavity and compares it with Ghia et al. (1982).")
        { problem, outDir, re, n, lid };
        cmd.SetAction(r => CliApp.Guard(() =>
        {
            string name = r.GetValue(problem)!;
            if (string.Equals(name, CavityReference.Name, StringComparison.OrdinalIgnoreCase))
            {
                return CavityReference.Run(r.GetValue(re) ?? 100, r.GetValue(n) ?? 129, r.GetValue(lid) ?? "uniform", r.GetValue(outDir), r.GetValue(CliApp.Json));
            }

            if (r.GetValue(re) is not null || r.GetValue(n) is not null || r.GetValue(lid) is not null)
            {
                throw new ArgumentException($"--re, --n and --lid apply to 'pdekit reference cavity' only, not to {name}");
            }

            return Run(name, r.GetValue(outDir), r.GetValue(CliApp.Json));
        }));
        return cmd;
    }

    private static int Run(string name, string? outDir, bool json)
    {
        var entry = ProblemCatalog.Find(name);
        var problem = entry.Build();
        var study = ReferenceStudies.Compute(problem);
        if (outDir is not null)
        {
            Directory.CreateDirectory(outDir);
            foreach (var (field, values) in study.Fields)
            {
                var fields = RunWriter.Fields(problem, problem.EvaluationAxes, values);
                FieldCsv.Write(Path.Combine(outDir, $"{field}.csv"), fields);
                Plots.Heatmap(Path.Combine(outDir, $"{field}.png"), fields[0], $"{entry.Name}: {field}");
            }
        }
        if (json) Output.WriteJson(new { problem = entry.Name, figures = study.Figures, outDir });
        else Output.Table($"{entry.Name} references", ["figure", "value", "published", "source"], study.Figures.Select(f => new[]
        {
            f.Name, f.Value.ToString("G8", CultureInfo.InvariantCulture),
            f.Published?.ToString("G8", CultureInfo.InvariantCulture) ?? "", f.Source,
        }));
        return 0;
    }
}
