using ScottPlot;

namespace PdeKit.Reporting;

/// <summary>One series of a well-test plot.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="Time">Elapsed times.</param>
/// <param name="Values">Pressure change or derivative at those times.</param>
/// <param name="Markers">True for measured points (markers, no line), false for a model curve (line).</param>
public sealed record WellTestSeries(string Name, double[] Time, double[] Values, bool Markers);

public static partial class Plots
{
    /// <summary>
    /// The diagnostic log-log plot of well testing: pressure change and its Bourdet derivative against
    /// elapsed time, both axes log10 with decade labels; non-positive values are skipped.
    /// </summary>
    /// <exception cref="ArgumentException">No series, or a series with mismatched or empty arrays.</exception>
    public static void WellTestLogLog(string path, IReadOnlyList<WellTestSeries> series, string title, string timeLabel = "elapsed time (hr)", string valueLabel = "Δp, t dΔp/dt (psi)")
    {
        PlotKit.CheckPath(path);
        Check(series);
        using var plot = PlotKit.NewPlot();
        double minX = double.PositiveInfinity, maxX = double.NegativeInfinity, minY = double.PositiveInfinity, maxY = double.NegativeInfinity;
        foreach (var s in series)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            for (int i = 0; i < s.Time.Length; i++)
            {
                if (s.Time[i] > 0 && s.Values[i] > 0 && double.IsFinite(s.Time[i]) && double.IsFinite(s.Values[i]))
                {
                    xs.Add(Math.Log10(s.Time[i]));
                    ys.Add(Math.Log10(s.Values[i]));
                }
            }
            if (xs.Count == 0) continue;
            Add(plot, s, [.. xs], [.. ys]);
            minX = Math.Min(minX, xs.Min());
            maxX = Math.Max(maxX, xs.Max());
            minY = Math.Min(minY, ys.Min());
            maxY = Math.Max(maxY, ys.Max());
        }
        if (minX > maxX)
        {
            plot.Add.Annotation("no positive finite values to plot", Alignment.MiddleCenter);
            (minX, maxX, minY, maxY) = (0, 1, 0, 1);
        }
        else plot.ShowLegend(Alignment.LowerRight);
        PlotKit.LogYAxis(plot, minY, maxY);
        LogXAxis(plot, minX, maxX);
        plot.Title(title);
        plot.XLabel(timeLabel);
        plot.YLabel(valueLabel);
        PlotKit.SavePng(plot, path);
    }

    /// <summary>The semilog plot of well testing: pressure against log10 elapsed time.</summary>
    /// <exception cref="ArgumentException">No series, or a series with mismatched or empty arrays.</exception>
    public static void WellTestSemilog(string path, IReadOnlyList<WellTestSeries> series, string title, string timeLabel = "elapsed time (hr)", string valueLabel = "pressure (psia)")
    {
        PlotKit.CheckPath(path);
        Check(series);
        using var plot = PlotKit.NewPlot();
        double minX = double.PositiveInfinity, maxX = double.NegativeInfinity;
        foreach (var s in series)
        {
            var keep = Enumerable.Range(0, s.Time.Length).Where(i => s.Time[i] > 0 && double.IsFinite(s.Time[i]) && double.IsFinite(s.Values[i])).ToArray();
            if (keep.Length == 0) continue;
            var xs = keep.Select(i => Math.Log10(s.Time[i])).ToArray();
            Add(plot, s, xs, keep.Select(i => s.Values[i]).ToArray());
            minX = Math.Min(minX, xs.Min());
            maxX = Math.Max(maxX, xs.Max());
        }
        if (minX > maxX) (minX, maxX) = (0, 1);
        else plot.ShowLegend(Alignment.UpperRight);
        LogXAxis(plot, minX, maxX);
        plot.Title(title);
        plot.XLabel(timeLabel);
        plot.YLabel(valueLabel);
        PlotKit.SavePng(plot, path);
    }

    private static void Check(IReadOnlyList<WellTestSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0) throw new ArgumentException("series is empty; give at least one series.", nameof(series));
        foreach (var s in series)
        {
            PlotKit.CheckNotEmpty(s.Time, nameof(series));
            PlotKit.CheckLength(s.Values, s.Time.Length, $"Series '{s.Name}'", nameof(series));
        }
    }

    private static void Add(Plot plot, WellTestSeries s, double[] xs, double[] ys)
    {
        var line = plot.Add.ScatterLine(xs, ys);
        line.LegendText = s.Name;
        if (s.Markers)
        {
            line.LineWidth = 0;
            line.MarkerSize = 5;
        }
        else
        {
            line.LineWidth = 2;
            line.MarkerSize = 0;
        }
    }

    private static void LogXAxis(Plot plot, double minLog, double maxLog)
    {
        var low = Math.Floor(minLog);
        var high = Math.Ceiling(maxLog);
        if (high <= low) high = low + 1;
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true,
            LabelFormatter = PlotKit.DecadeLabel,
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        };
        plot.Axes.SetLimitsX(low - 0.02, high + 0.02);
    }
}
