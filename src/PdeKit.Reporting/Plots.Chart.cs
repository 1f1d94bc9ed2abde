using ScottPlot;

namespace PdeKit.Reporting;

/// <summary>One named series of a <see cref="ChartSpec"/>.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="X">Horizontal coordinates.</param>
/// <param name="Y">Values, as many as <paramref name="X"/>.</param>
/// <param name="Markers">True for points (e.g. published values; markers, no line), false for a curve (line).</param>
public sealed record ChartSeries(string Name, double[] X, double[] Y, bool Markers = false);

/// <summary>A line-and-marker chart described as data, drawn by <see cref="Plots.Draw"/>.</summary>
/// <param name="FileName">PNG file name (no folder), e.g. <c>veh_loglog.png</c>.</param>
/// <param name="Title">Figure title.</param>
/// <param name="XLabel">Horizontal axis label.</param>
/// <param name="YLabel">Vertical axis label.</param>
/// <param name="Series">At least one series.</param>
public sealed record ChartSpec(string FileName, string Title, string XLabel, string YLabel, IReadOnlyList<ChartSeries> Series)
{
    /// <summary>Log10 horizontal axis (non-positive x are skipped).</summary>
    public bool LogX { get; init; }

    /// <summary>Log10 vertical axis (non-positive values are skipped).</summary>
    public bool LogY { get; init; }
}

public static partial class Plots
{
    /// <summary>
    /// Draws <paramref name="chart"/>: curves as lines and point series as markers, on linear or log10 axes
    /// (decade labels); NaN and infinite values, and non-positive ones on a log axis, are skipped.
    /// </summary>
    /// <param name="path">PNG file to write.</param>
    /// <param name="chart">What to draw.</param>
    /// <exception cref="ArgumentException">No series, or a series with mismatched or empty arrays.</exception>
    public static void Draw(string path, ChartSpec chart)
    {
        PlotKit.CheckPath(path);
        ArgumentNullException.ThrowIfNull(chart);
        if (chart.Series.Count == 0) throw new ArgumentException("the chart has no series; give at least one.", nameof(chart));
        foreach (var s in chart.Series)
        {
            PlotKit.CheckNotEmpty(s.X, nameof(chart));
            PlotKit.CheckLength(s.Y, s.X.Length, $"Series '{s.Name}'", nameof(chart));
        }

        using var plot = PlotKit.NewPlot();
        double minX = double.PositiveInfinity, maxX = double.NegativeInfinity, minY = double.PositiveInfinity, maxY = double.NegativeInfinity;
        MarkerShape[] shapes = [MarkerShape.OpenCircle, MarkerShape.Eks, MarkerShape.OpenSquare, MarkerShape.OpenDiamond, MarkerShape.OpenTriangleUp];
        int markerSeries = 0;
        var drawn = new List<(double X, double Y)>();
        foreach (var s in chart.Series)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            for (int i = 0; i < s.X.Length; i++)
            {
                double x = s.X[i], y = s.Y[i];
                if (!double.IsFinite(x) || !double.IsFinite(y) || (chart.LogX && x <= 0) || (chart.LogY && y <= 0)) continue;
                xs.Add(chart.LogX ? Math.Log10(x) : x);
                ys.Add(chart.LogY ? Math.Log10(y) : y);
            }

            if (xs.Count == 0) continue;
            drawn.AddRange(xs.Zip(ys));
            var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray());
            line.LegendText = s.Name;
            line.LineWidth = s.Markers ? 0 : 2;
            line.MarkerSize = s.Markers ? 10 : 0;
            if (s.Markers) line.MarkerShape = shapes[markerSeries++ % shapes.Length];
            minX = Math.Min(minX, xs.Min());
            maxX = Math.Max(maxX, xs.Max());
            minY = Math.Min(minY, ys.Min());
            maxY = Math.Max(maxY, ys.Max());
        }

        if (minX > maxX)
        {
            plot.Add.Annotation("no finite values to plot", Alignment.MiddleCenter);
            (minX, maxX, minY, maxY) = (0, 1, 0, 1);
        }
        else
        {
            plot.ShowLegend(EmptiestCorner(drawn, minX, maxX, minY, maxY));
        }

        if (chart.LogY) PlotKit.LogYAxis(plot, minY, maxY);
        if (chart.LogX) LogXAxis(plot, minX, maxX);
        if (!chart.LogX && !chart.LogY && maxX > minX) plot.Axes.AutoScale();
        plot.Title(chart.Title);
        plot.XLabel(chart.XLabel);
        plot.YLabel(chart.YLabel);
        PlotKit.SavePng(plot, path);
    }

    /// <summary>The corner of the plot area with the fewest points in its outer third, for the legend.</summary>
    private static Alignment EmptiestCorner(List<(double X, double Y)> points, double minX, double maxX, double minY, double maxY)
    {
        double sx = Math.Max(maxX - minX, 1e-300), sy = Math.Max(maxY - minY, 1e-300);
        (Alignment Corner, bool Right, bool Top)[] corners =
            [(Alignment.LowerRight, true, false), (Alignment.UpperRight, true, true), (Alignment.UpperLeft, false, true), (Alignment.LowerLeft, false, false)];
        return corners.MinBy(c => points.Count(p =>
            (c.Right ? (p.X - minX) / sx > 0.55 : (p.X - minX) / sx < 0.45) && (c.Top ? (p.Y - minY) / sy > 0.67 : (p.Y - minY) / sy < 0.33))).Corner;
    }
}
