using ScottPlot;

namespace PdeKit.Reporting;

/// <summary>
/// PNG figures of fields, slices and training curves (ScottPlot 5). Every method checks its inputs, creates
/// the parent folder and writes the file atomically (rendered in memory, written to a temporary file, moved).
/// </summary>
public static partial class Plots
{
    /// <summary>
    /// Draws <paramref name="field"/> as a heatmap in the style of PINN papers: t on the horizontal axis, x on
    /// the vertical axis, in real coordinates, with a colorbar. Each cell is centred on its grid point (the
    /// cells assume an evenly spaced grid). NaN values are left blank.
    /// </summary>
    /// <param name="path">PNG file to write.</param>
    /// <param name="field">The field; <c>Values[timeIndex, xIndex]</c>.</param>
    /// <param name="title">Figure title.</param>
    /// <param name="symmetricColorRange">Use a diverging colormap centred at 0, spanning [-m, m] with m = max |value|.</param>
    /// <param name="colorbarLabel">Label next to the colorbar.</param>
    /// <param name="colorRange">Fixed color range (e.g. shared by a prediction and its reference); by default the field's finite range.</param>
    /// <exception cref="ArgumentException">Empty path, or a color range that is not finite and increasing.</exception>
    public static void Heatmap(
        string path, GridField field, string title, bool symmetricColorRange = false, string colorbarLabel = "",
        (double Min, double Max)? colorRange = null)
    {
        PlotKit.CheckPath(path);
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(colorbarLabel);
        if (colorRange is { } r && !(double.IsFinite(r.Min) && double.IsFinite(r.Max) && r.Min < r.Max))
        {
            throw new ArgumentException($"colorRange ({r.Min}, {r.Max}) must be finite with Min < Max.", nameof(colorRange));
        }

        // Space-time fields: t across, x up (the PINN papers' style). Spatial (x, y) fields: x across, y up.
        int nt = field.T.Length, nx = field.X.Length;
        bool spaceTime = field.IsSpaceTime;
        var intensities = spaceTime ? new double[nx, nt] : new double[nt, nx];
        for (var it = 0; it < nt; it++)
        {
            for (var ix = 0; ix < nx; ix++)
            {
                if (spaceTime)
                {
                    intensities[ix, it] = field.Values[it, ix];
                }
                else
                {
                    intensities[it, ix] = field.Values[it, ix];
                }
            }
        }

        using var plot = PlotKit.NewPlot();
        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.FlipVertically = true; // row 0 (the smallest vertical coordinate) at the bottom
        var (tLow, tHigh) = CellEdges(field.T);
        var (xLow, xHigh) = CellEdges(field.X);
        var rectangle = spaceTime
            ? new CoordinateRect(left: tLow, right: tHigh, bottom: xLow, top: xHigh)
            : new CoordinateRect(left: xLow, right: xHigh, bottom: tLow, top: tHigh);
        heatmap.Rectangle = rectangle;
        heatmap.ManualRange = ColorRange(field, symmetricColorRange, colorRange);
        heatmap.Colormap = symmetricColorRange ? new ScottPlot.Colormaps.Balance() : new ScottPlot.Colormaps.Viridis();

        var colorbar = plot.Add.ColorBar(heatmap);
        colorbar.Label = colorbarLabel;
        plot.Title(title);
        plot.XLabel(spaceTime ? field.TName : field.XName);
        plot.YLabel(spaceTime ? field.XName : field.TName);
        plot.HideGrid();
        plot.Axes.SetLimits(rectangle);
        PlotKit.SavePng(plot, path);
    }

    /// <summary>The outer cell edges of an axis: half a spacing beyond the first and last point.</summary>
    private static (double Low, double High) CellEdges(double[] axis)
    {
        var half = axis.Length > 1 ? 0.5 * (axis[^1] - axis[0]) / (axis.Length - 1) : 0.5;
        return (axis[0] - half, axis[^1] + half);
    }

    private static ScottPlot.Range ColorRange(GridField field, bool symmetric, (double Min, double Max)? fixedRange)
    {
        var (min, max) = fixedRange ?? PlotKit.FiniteRange(field.Values.Cast<double>()) ?? (0.0, 1.0);
        if (symmetric)
        {
            var m = Math.Max(Math.Abs(min), Math.Abs(max));
            return m > 0 ? new ScottPlot.Range(-m, m) : new ScottPlot.Range(-1, 1);
        }

        if (max > min)
        {
            return new ScottPlot.Range(min, max);
        }

        var pad = min == 0 ? 1 : 0.5 * Math.Abs(min);
        return new ScottPlot.Range(min - pad, max + pad);
    }
}
