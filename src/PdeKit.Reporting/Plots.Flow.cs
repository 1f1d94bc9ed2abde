using ScottPlot;

namespace PdeKit.Reporting;

public static partial class Plots
{
    /// <summary>
    /// Draws a 2-D field on a node grid as a heatmap (x across, y up, a colorbar) with, optionally, contour lines of a
    /// second field over it: for a steady 2-D incompressible flow the contours of the stream function are its streamlines.
    /// </summary>
    /// <param name="path">PNG file to write.</param>
    /// <param name="x">Node abscissae, evenly spaced and increasing.</param>
    /// <param name="y">Node ordinates, evenly spaced and increasing.</param>
    /// <param name="values">The heatmap's values, shape [y.Length, x.Length]; NaN is left blank.</param>
    /// <param name="title">Figure title.</param>
    /// <param name="colorbarLabel">Label next to the colorbar.</param>
    /// <param name="contourField">Field whose contours are drawn (e.g. the stream function), same shape; null for none.</param>
    /// <param name="contourLevels">The contour levels (at least one when <paramref name="contourField"/> is given).</param>
    /// <param name="colorRange">Fixed color range (values outside are clipped to the end colors); by default the finite range.</param>
    /// <param name="width">Image width in pixels, or null for the default (square plot area plus the colorbar); wide domains such as a channel want more.</param>
    /// <exception cref="ArgumentException">Empty path, mismatched shapes, no levels, a bad color range or a width below 200.</exception>
    public static void FlowMap(
        string path, double[] x, double[] y, double[,] values, string title, string colorbarLabel,
        double[,]? contourField = null, IReadOnlyList<double>? contourLevels = null, (double Min, double Max)? colorRange = null, int? width = null)
    {
        if (width is < 200) throw new ArgumentException($"A flow map needs a width of at least 200 pixels, got {width}.", nameof(width));
        PlotKit.CheckPath(path);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(colorbarLabel);
        if (x.Length < 2 || y.Length < 2)
        {
            throw new ArgumentException($"A flow map needs at least 2 x 2 nodes, got {x.Length} x {y.Length}.", nameof(x));
        }

        if (values.GetLength(0) != y.Length || values.GetLength(1) != x.Length)
        {
            throw new ArgumentException(
                $"values has shape [{values.GetLength(0)}, {values.GetLength(1)}] but must be [y.Length, x.Length] = [{y.Length}, {x.Length}].", nameof(values));
        }

        if (contourField is not null)
        {
            if (contourField.GetLength(0) != y.Length || contourField.GetLength(1) != x.Length)
            {
                throw new ArgumentException(
                    $"contourField has shape [{contourField.GetLength(0)}, {contourField.GetLength(1)}] but must be [{y.Length}, {x.Length}].", nameof(contourField));
            }

            if (contourLevels is null || contourLevels.Count == 0 || contourLevels.Any(l => !double.IsFinite(l)))
            {
                throw new ArgumentException("Give at least one finite contour level with a contour field.", nameof(contourLevels));
            }
        }

        if (colorRange is { } r && !(double.IsFinite(r.Min) && double.IsFinite(r.Max) && r.Min < r.Max))
        {
            throw new ArgumentException($"colorRange ({r.Min}, {r.Max}) must be finite with Min < Max.", nameof(colorRange));
        }

        using var plot = PlotKit.NewPlot();
        var clipped = (double[,])values.Clone();
        var (min, max) = colorRange ?? PlotKit.FiniteRange(values.Cast<double>()) ?? (0.0, 1.0);
        if (!(max > min))
        {
            (min, max) = (min - 0.5, max + 0.5);
        }

        for (int j = 0; j < y.Length; j++)
        {
            for (int i = 0; i < x.Length; i++)
            {
                if (double.IsFinite(clipped[j, i]))
                {
                    clipped[j, i] = Math.Clamp(clipped[j, i], min, max);
                }
            }
        }

        var heatmap = plot.Add.Heatmap(clipped);
        heatmap.FlipVertically = true;
        var (xLow, xHigh) = CellEdges(x);
        var (yLow, yHigh) = CellEdges(y);
        var rectangle = new CoordinateRect(left: xLow, right: xHigh, bottom: yLow, top: yHigh);
        heatmap.Rectangle = rectangle;
        heatmap.ManualRange = new ScottPlot.Range(min, max);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        var colorbar = plot.Add.ColorBar(heatmap);
        colorbar.Label = colorbarLabel;

        if (contourField is not null)
        {
            var coordinates = new Coordinates3d[y.Length, x.Length];
            for (int j = 0; j < y.Length; j++)
            {
                for (int i = 0; i < x.Length; i++)
                {
                    coordinates[j, i] = new Coordinates3d(x[i], y[j], contourField[j, i]);
                }
            }

            var contours = plot.Add.ContourLines(coordinates);
            contours.ContourLineLevels = [.. contourLevels!];
            contours.LineColor = Colors.White;
            contours.LineWidth = 1;
            contours.LabelStyle.IsVisible = false;
        }

        plot.Title(title);
        plot.XLabel("x");
        plot.YLabel("y");
        plot.HideGrid();
        plot.Axes.SetLimits(rectangle);
        PlotKit.SavePng(plot, path, width ?? PlotKit.Height + 80, PlotKit.Height);
    }
}
