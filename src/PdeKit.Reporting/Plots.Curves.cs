using ScottPlot;

namespace PdeKit.Reporting;

public static partial class Plots
{
    /// <summary>Series with at most this many plotted points get point markers.</summary>
    private const int SparseSeries = 60;

    /// <summary>
    /// Draws training-loss curves over steps on a log10 y axis (ticks labelled 10^k); values that are NaN,
    /// infinite, zero or negative are skipped. A series with no such value is left out of the plot.
    /// </summary>
    /// <param name="path">PNG file to write.</param>
    /// <param name="steps">Step numbers, at least one.</param>
    /// <param name="series">At least one named series, each as long as <paramref name="steps"/>.</param>
    /// <param name="title">Figure title.</param>
    /// <exception cref="ArgumentException">Empty inputs or a series whose length differs from <paramref name="steps"/>.</exception>
    public static void LossCurves(string path, double[] steps, IReadOnlyDictionary<string, double[]> series, string title = "loss")
    {
        PlotKit.CheckPath(path);
        PlotKit.CheckNotEmpty(steps, nameof(steps));
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(title);
        if (series.Count == 0)
        {
            throw new ArgumentException("series is empty; give at least one loss series.", nameof(series));
        }

        foreach (var (name, values) in series)
        {
            PlotKit.CheckLength(values, steps.Length, $"Series '{name}'", nameof(series));
        }

        LogCurves(path, series.Select(kv => (kv.Key, steps, kv.Value)).ToList(), title, "loss", showLegend: true);
    }

    /// <summary>
    /// Draws an error (e.g. the relative L2 error against the reference) over steps on a log10 y axis, in the
    /// style of <see cref="LossCurves"/>; NaN, infinite and non-positive values are skipped.
    /// </summary>
    /// <param name="path">PNG file to write.</param>
    /// <param name="steps">Step numbers, at least one.</param>
    /// <param name="errors">Errors, as many as <paramref name="steps"/>.</param>
    /// <param name="title">Figure title.</param>
    /// <param name="yLabel">Label of the vertical axis.</param>
    /// <exception cref="ArgumentException">Empty inputs or lengths that differ.</exception>
    public static void ErrorCurve(string path, double[] steps, double[] errors, string title, string yLabel = "error")
    {
        PlotKit.CheckPath(path);
        PlotKit.CheckNotEmpty(steps, nameof(steps));
        PlotKit.CheckLength(errors, steps.Length, nameof(errors), nameof(errors));
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(yLabel);
        LogCurves(path, [(title, steps, errors)], title, yLabel, showLegend: false);
    }

    /// <summary>
    /// Draws several named error curves, each with its own steps, on one log10 y axis with a legend (e.g.
    /// error against step for each variant of an ablation); NaN, infinite and non-positive values are skipped.
    /// </summary>
    /// <param name="path">PNG file to write.</param>
    /// <param name="series">At least one series; each has as many steps as values.</param>
    /// <param name="title">Figure title.</param>
    /// <param name="yLabel">Label of the vertical axis.</param>
    /// <exception cref="ArgumentException">No series, or a series with no steps or mismatched lengths.</exception>
    public static void ErrorCurves(string path, IReadOnlyList<(string Name, double[] Steps, double[] Values)> series, string title, string yLabel = "error")
    {
        PlotKit.CheckPath(path);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(yLabel);
        if (series.Count == 0) throw new ArgumentException("series is empty; give at least one error series.", nameof(series));
        foreach (var (name, steps, values) in series)
        {
            PlotKit.CheckNotEmpty(steps, nameof(series));
            PlotKit.CheckLength(values, steps.Length, $"Series '{name}'", nameof(series));
        }

        LogCurves(path, series, title, yLabel, showLegend: true);
    }

    /// <summary>Curves of positive values over steps on a log10 y axis; the shared body of the two public methods.</summary>
    internal static void LogCurves(
        string path, IReadOnlyList<(string Name, double[] Steps, double[] Values)> series, string title, string yLabel, bool showLegend)
    {
        using var plot = PlotKit.NewPlot();
        double minLog = double.PositiveInfinity, maxLog = double.NegativeInfinity;
        foreach (var (name, steps, values) in series)
        {
            var (xs, logs) = PlotKit.PositiveLog10(steps, values);
            if (xs.Length == 0)
            {
                continue;
            }

            var line = plot.Add.ScatterLine(xs, logs);
            line.LineWidth = 1.5f;
            line.MarkerSize = xs.Length <= SparseSeries ? 5 : 0; // sparse series (e.g. errors evaluated now and then) show their points
            line.LegendText = showLegend ? name : "";
            minLog = Math.Min(minLog, logs.Min());
            maxLog = Math.Max(maxLog, logs.Max());
        }

        var empty = minLog > maxLog;
        if (empty)
        {
            plot.Add.Annotation("no positive finite values to plot", Alignment.MiddleCenter);
            (minLog, maxLog) = (0, 1);
        }

        if (showLegend && !empty)
        {
            plot.ShowLegend(Alignment.UpperRight);
        }
        else
        {
            plot.HideLegend();
        }

        var (stepLow, stepHigh) = PlotKit.FiniteRange(series.SelectMany(s => s.Steps)) ?? (0.0, 1.0);
        if (stepHigh <= stepLow)
        {
            (stepLow, stepHigh) = (stepLow - 0.5, stepHigh + 0.5);
        }

        plot.Axes.SetLimitsX(stepLow, stepHigh);
        PlotKit.LogYAxis(plot, minLog, maxLog);
        plot.Title(title);
        plot.XLabel("step");
        plot.YLabel(yLabel);
        PlotKit.SavePng(plot, path);
    }
}
