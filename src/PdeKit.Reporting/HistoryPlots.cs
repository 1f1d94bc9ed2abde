namespace PdeKit.Reporting;

/// <summary>The history part of <see cref="RunPlots"/>: loss curves and the error curve of a run.</summary>
internal static class HistoryPlots
{
    /// <summary>
    /// Writes <c>loss.png</c> and <c>error.png</c> into <paramref name="dir"/> where the history has the columns, and
    /// <c>quantity_NAME.png</c> for each benchmark-quantity column <c>q_NAME</c> with values (with its published value from
    /// <paramref name="published"/> as a line); returns the paths written.
    /// </summary>
    public static List<string> Draw(string dir, IReadOnlyList<string> columns, IReadOnlyList<double[]> rows, IReadOnlyDictionary<string, double>? published = null)
    {
        var written = new List<string>();
        if (rows.Count == 0)
        {
            return written;
        }

        var steps = HistoryCsv.Column(columns, rows, "step") ?? Enumerable.Range(0, rows.Count).Select(i => (double)i).ToArray();

        var losses = columns
            .Where(c => c.StartsWith("loss", StringComparison.Ordinal))
            .ToDictionary(c => c, c => HistoryCsv.Column(columns, rows, c)!, StringComparer.Ordinal);
        if (losses.Count > 0)
        {
            var path = Path.Combine(dir, "loss.png");
            Plots.LossCurves(path, steps, losses, "training loss");
            written.Add(path);
        }

        var relL2 = HistoryCsv.Column(columns, rows, "rel_l2");
        if (relL2 is not null && HasPositive(relL2))
        {
            var path = Path.Combine(dir, "error.png");
            Plots.ErrorCurve(path, steps, relL2, "relative L2 error", "rel_l2");
            written.Add(path);
        }
        else if (relL2 is null)
        {
            var perField = columns
                .Where(c => c.StartsWith("rel_l2_", StringComparison.Ordinal))
                .ToDictionary(c => c, c => HistoryCsv.Column(columns, rows, c)!, StringComparer.Ordinal);
            if (perField.Values.Any(HasPositive))
            {
                var path = Path.Combine(dir, "error.png");
                Plots.LogCurves(path, perField.Select(kv => (kv.Key, steps, kv.Value)).ToList(), "relative L2 error", "rel_l2", showLegend: true);
                written.Add(path);
            }
        }

        foreach (var column in columns.Where(c => c.StartsWith("q_", StringComparison.Ordinal)))
        {
            var values = HistoryCsv.Column(columns, rows, column)!;
            var evaluated = Enumerable.Range(0, rows.Count).Where(i => double.IsFinite(values[i])).ToArray();
            if (evaluated.Length == 0) continue;
            var name = column[2..];
            var series = new List<ChartSeries> { new(name, evaluated.Select(i => steps[i]).ToArray(), evaluated.Select(i => values[i]).ToArray(), Markers: evaluated.Length == 1) };
            if (published is not null && published.TryGetValue(name, out var target) && double.IsFinite(target))
                series.Add(new ChartSeries($"published {target:G6}", [steps[0], steps[^1]], [target, target]));
            var path = Path.Combine(dir, $"quantity_{name}.png");
            Plots.Draw(path, new ChartSpec(Path.GetFileName(path), $"{name} during training", "step", name, series));
            written.Add(path);
        }

        return written;
    }

    private static bool HasPositive(double[] values) => values.Any(v => double.IsFinite(v) && v > 0);
}
