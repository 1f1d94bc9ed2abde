using ScottPlot;

namespace PdeKit.Reporting;

public static partial class Plots
{
    /// <summary>Width in pixels of one slice panel.</summary>
    private const int SlicePanelWidth = 360;

    /// <summary>Height in pixels of one row of slice panels.</summary>
    private const int SlicePanelHeight = 420;

    /// <summary>
    /// Draws one panel per slice time, side by side (four per row), each with the reference as a solid blue
    /// line and the prediction as a dashed red line over x, on a shared y range, with a legend; one PNG.
    /// </summary>
    /// <param name="path">PNG file to write.</param>
    /// <param name="x">Spatial coordinates, at least one.</param>
    /// <param name="slices">At least one slice: its time and the predicted and reference values at <paramref name="x"/>.</param>
    /// <param name="yLabel">Label of the vertical axis (the field name).</param>
    /// <param name="referenceLabel">Legend text of the solid line.</param>
    /// <param name="predictionLabel">Legend text of the dashed line.</param>
    /// <param name="xLabel">Label of the horizontal axis.</param>
    /// <param name="sliceAxis">Name of the axis the slices are taken at (panel titles "t = ...").</param>
    /// <exception cref="ArgumentException">Empty inputs or a slice whose lengths differ from <paramref name="x"/>.</exception>
    public static void Slices(
        string path, double[] x, IReadOnlyList<(double T, double[] Predicted, double[] Reference)> slices, string yLabel = "u",
        string referenceLabel = "reference", string predictionLabel = "prediction", string xLabel = "x", string sliceAxis = "t")
    {
        PlotKit.CheckPath(path);
        PlotKit.CheckNotEmpty(x, nameof(x));
        ArgumentNullException.ThrowIfNull(slices);
        ArgumentNullException.ThrowIfNull(yLabel);
        ArgumentNullException.ThrowIfNull(referenceLabel);
        ArgumentNullException.ThrowIfNull(predictionLabel);
        ArgumentNullException.ThrowIfNull(xLabel);
        if (slices.Count == 0)
        {
            throw new ArgumentException("slices is empty; give at least one slice time.", nameof(slices));
        }

        for (var s = 0; s < slices.Count; s++)
        {
            PlotKit.CheckLength(slices[s].Predicted, x.Length, $"slices[{s}].Predicted", nameof(slices));
            PlotKit.CheckLength(slices[s].Reference, x.Length, $"slices[{s}].Reference", nameof(slices));
        }

        var (yLow, yHigh) = PlotKit.FiniteRange(slices.SelectMany(s => s.Predicted.Concat(s.Reference))) ?? (-1.0, 1.0);
        var pad = yHigh > yLow ? 0.05 * (yHigh - yLow) : Math.Max(0.5 * Math.Abs(yLow), 0.5);
        var (xLow, xHigh) = PlotKit.FiniteRange(x) ?? (0.0, 1.0);
        if (xHigh <= xLow)
        {
            (xLow, xHigh) = (xLow - 0.5, xHigh + 0.5);
        }

        ArgumentNullException.ThrowIfNull(sliceAxis);
        var labels = new SliceLabels(xLabel, yLabel, referenceLabel, predictionLabel, sliceAxis);
        var panels = slices.Select(s => SlicePanel(x, s, labels, (xLow, xHigh), (yLow - pad, yHigh + pad))).ToList();
        try
        {
            var figure = new Multiplot(panels[0]);
            foreach (var panel in panels.Skip(1))
            {
                figure.AddPlot(panel);
            }

            var columns = Math.Min(panels.Count, 4);
            var rows = (panels.Count + columns - 1) / columns;
            figure.Layout = new ScottPlot.MultiplotLayouts.Grid(rows, columns);
            PlotKit.SavePng(figure, path, Math.Max(SlicePanelWidth * columns, 600), SlicePanelHeight * rows);
        }
        finally
        {
            panels.ForEach(p => p.Dispose());
        }
    }

    private sealed record SliceLabels(string X, string Y, string Reference, string Prediction, string SliceAxis);

    private static Plot SlicePanel(
        double[] x, (double T, double[] Predicted, double[] Reference) slice, SliceLabels labels,
        (double Low, double High) xLimits, (double Low, double High) yLimits)
    {
        var plot = PlotKit.NewPlot();
        var (rx, ry) = FinitePoints(x, slice.Reference);
        var reference = plot.Add.ScatterLine(rx, ry, Colors.Blue);
        reference.LineWidth = 2.5f;
        reference.LegendText = labels.Reference;
        var (px, py) = FinitePoints(x, slice.Predicted);
        var predicted = plot.Add.ScatterLine(px, py, Colors.Red);
        predicted.LineWidth = 2.5f;
        predicted.LinePattern = LinePattern.Dashed;
        predicted.LegendText = labels.Prediction;
        plot.Title($"{labels.SliceAxis} = {slice.T:G4}");
        plot.XLabel(labels.X);
        plot.YLabel(labels.Y);
        plot.ShowLegend(Edge.Bottom); // below the panel, never over the curves
        plot.Axes.SetLimits(xLimits.Low, xLimits.High, yLimits.Low, yLimits.High);
        return plot;
    }

    /// <summary>The points of (x, y) where both are finite (a line skips the rest).</summary>
    private static (double[] X, double[] Y) FinitePoints(double[] x, double[] y)
    {
        var keep = Enumerable.Range(0, x.Length).Where(i => double.IsFinite(x[i]) && double.IsFinite(y[i])).ToArray();
        return (keep.Select(i => x[i]).ToArray(), keep.Select(i => y[i]).ToArray());
    }
}
