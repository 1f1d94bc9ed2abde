using System.Diagnostics;
using System.Text;
using PdeKit.Physics;
using PdeKit.Problems;
using PdeKit.Reporting;
using PdeKit.Reporting.Validation;

namespace PdeKit.Cli.Validation;

/// <summary>
/// Suite lines of kind <c>reference</c>: the problem's reference study (<see cref="ReferenceStudies.Compute"/>), its
/// figures as measurements (published values compared relatively, differences judged as errors) and its fields
/// plotted: the first reference, the difference of the second from it, and both on slices.
/// </summary>
internal static class ReferenceCase
{
    /// <summary>Checks a reference line: no preset, no settings, a problem with a study.</summary>
    /// <exception cref="ArgumentException">What is wrong.</exception>
    internal static void Check(SuiteCase line)
    {
        if (!string.IsNullOrEmpty(line.Preset) || line.Settings.Count > 0)
            throw new ArgumentException("a reference case takes no preset and no settings");
        if (!ReferenceStudies.Has(ProblemCatalog.Find(line.Problem).Build()))
            throw new ArgumentException($"{line.Problem} has no reference study (problems with one: {string.Join(", ", ProblemCatalog.Entries.Where(e => ReferenceStudies.Has(e.Build())).Select(e => e.Name))})");
    }

    /// <summary>Computes the study and draws its fields into <paramref name="folder"/>.</summary>
    internal static CaseOutcome Run(SuiteCase line, string folder)
    {
        var problem = ProblemCatalog.Find(line.Problem).Build();
        var clock = Stopwatch.StartNew();
        var study = ReferenceStudies.Compute(problem);
        clock.Stop();
        var measurements = study.Figures.Select(f => new Measurement(f.Name, f.Key ?? Slug(f.Name), f.Value, f.Published,
            f.Published is null ? Comparison.AtMost : Comparison.Relative, f.Source)).ToList();
        var images = new List<ReportImage>();
        var axes = problem.EvaluationAxes;
        if (axes.Count == 2 && study.Fields.Count > 0)
        {
            Directory.CreateDirectory(folder);
            var names = study.Fields.Keys.ToList();
            var first = Grid(names[0], axes, study.Fields[names[0]]);
            images.Add(Draw(folder, names[0] + ".png", p => Plots.Heatmap(p, first, $"{problem.Name}: {names[0]}", colorbarLabel: problem.Outputs[0].Name), $"{names[0]} on the evaluation grid"));
            if (names.Count > 1)
            {
                var second = Grid(names[1], axes, study.Fields[names[1]]);
                var diff = new double[first.T.Length, first.X.Length];
                for (int it = 0; it < first.T.Length; it++)
                    for (int ix = 0; ix < first.X.Length; ix++) diff[it, ix] = Math.Abs(second.Values[it, ix] - first.Values[it, ix]);
                var diffField = new GridField("difference", first.X, first.T, diff);
                images.Add(Draw(folder, "difference.png", p => Plots.Heatmap(p, diffField, $"{problem.Name}: |{names[1]} - {names[0]}|", colorbarLabel: "abs difference"), $"|{names[1]} - {names[0]}|"));
                var slices = RunPlots.SliceTimes(first.T).Select(it => (first.T[it], Row(second.Values, it), Row(first.Values, it))).ToList();
                images.Add(Draw(folder, "slices.png", p => Plots.Slices(p, first.X, slices, problem.Outputs[0].Name, names[0], names[1], axes.Count == 2 ? problem.Domain.Axes[0].Name : "x"),
                    $"{names[1]} (dashed) against {names[0]} (solid) at four times"));
            }
        }

        var description = $"Reference study of {problem.Name} (as `pdekit reference {problem.Name}`): {string.Join("; ", study.Figures.Select(f => f.Name))}. Computed in {clock.Elapsed.TotalSeconds:F1} s.";
        return new CaseOutcome(description, measurements, images, "cpu");
    }

    /// <summary>A lower-case metric name from a figure's name, for figures without a key.</summary>
    internal static string Slug(string name)
    {
        var sb = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '_' or '=' or '.') sb.Append(c);
            else if (sb.Length > 0 && sb[^1] != '-') sb.Append('-');
        }

        return sb.ToString().Trim('-');
    }

    private static ReportImage Draw(string folder, string file, Action<string> draw, string caption)
    {
        var path = Path.Combine(folder, file);
        draw(path);
        return new ReportImage(path, caption);
    }

    private static GridField Grid(string name, IReadOnlyList<double[]> axes, double[,] values)
    {
        int nx = axes[0].Length, nt = axes[1].Length;
        var grid = new double[nt, nx];
        for (int it = 0; it < nt; it++)
            for (int ix = 0; ix < nx; ix++) grid[it, ix] = values[it * nx + ix, 0];
        return new GridField(name, axes[0], axes[1], grid);
    }

    private static double[] Row(double[,] values, int it) => Enumerable.Range(0, values.GetLength(1)).Select(ix => values[it, ix]).ToArray();
}
