namespace PdeKit.Reporting;

/// <summary>
/// The flow part of <see cref="RunPlots"/>: for a 2-D incompressible flow (fields u, v and p on an (x, y) grid), maps of
/// the speed and the pressure with streamlines, and the centreline profiles of u, v and p.
/// </summary>
public static class FlowPlots
{
    /// <summary>Whether <paramref name="fields"/> hold a 2-D flow: fields named u, v and p on one (x, y) grid.</summary>
    public static bool IsFlow(IReadOnlyList<GridField> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var u = fields.FirstOrDefault(f => f.Name == "u");
        return u is not null && u.XName == "x" && u.TName == "y"
            && fields.FirstOrDefault(f => f.Name == "v") is { } v && v.SameGridAs(u)
            && fields.FirstOrDefault(f => f.Name == "p") is { } p && p.SameGridAs(u);
    }

    /// <summary>
    /// Writes <c>speed.png</c> (|u| with streamlines, the contours of the stream function integrated from the predicted
    /// velocity, see <see cref="StreamFunction"/>), <c>pressure.png</c> (p with streamlines; colour range clipped at the
    /// 2nd and 98th percentiles), <c>centreline_horizontal.png</c> (u, v, p along the grid row nearest mid-height) and
    /// <c>centreline_vertical.png</c> (along the grid column nearest mid-width). Masked (NaN) nodes stay blank in the maps and
    /// are left out of the profiles. With <paramref name="reference"/>, the profiles show the reference as markers beside.
    /// </summary>
    /// <param name="dir">Folder to write into.</param>
    /// <param name="prediction">Fields u, v, p on an (x, y) grid (<see cref="IsFlow"/>).</param>
    /// <param name="reference">Reference fields u, v, p on the same grid, or null.</param>
    /// <returns>Full paths of the PNG files written.</returns>
    /// <exception cref="ArgumentException">The fields are not a 2-D flow.</exception>
    public static IReadOnlyList<string> Draw(string dir, IReadOnlyList<GridField> prediction, IReadOnlyList<GridField>? reference = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dir);
        if (!IsFlow(prediction)) throw new ArgumentException("flow plots need fields u, v and p on one (x, y) grid", nameof(prediction));
        var u = prediction.First(f => f.Name == "u");
        var v = prediction.First(f => f.Name == "v");
        var p = prediction.First(f => f.Name == "p");
        double[] x = u.X, y = u.T;
        int nx = x.Length, ny = y.Length;
        var speed = new double[ny, nx];
        for (int j = 0; j < ny; j++)
            for (int i = 0; i < nx; i++) speed[j, i] = Math.Sqrt(u.Values[j, i] * u.Values[j, i] + v.Values[j, i] * v.Values[j, i]);

        var written = new List<string>();
        // Wide domains (a channel) get a wider image, up to three plot heights; the plot area keeps about the domain's aspect.
        double aspect = (x[^1] - x[0]) / (y[^1] - y[0]);
        int? width = aspect > 1.2 ? (int)Math.Min(3 * PlotKit.Height, PlotKit.Height * 0.8 * aspect + 200) : null;
        double[,]? psi = null;
        double[]? levels = null;
        if (nx >= 2 && ny >= 2)
        {
            var raw = StreamFunction.FromVelocity(x, y, u.Values, v.Values);
            if (raw.Cast<double>().Any(double.IsFinite))
            {
                levels = StreamFunction.Levels(raw, 16);
                psi = StreamFunction.FillMasked(raw);
            }

            var path = Path.Combine(dir, "speed.png");
            Plots.FlowMap(path, x, y, speed, "|u| and streamlines (prediction)", "|u|", psi, levels, width: width);
            written.Add(path);
            var sorted = p.Values.Cast<double>().Where(double.IsFinite).Order().ToArray();
            (double, double)? range = null;
            if (sorted.Length > 1)
            {
                var r = (sorted[(int)(0.02 * (sorted.Length - 1))], sorted[(int)(0.98 * (sorted.Length - 1))]);
                if (r.Item2 > r.Item1) range = r;
            }

            path = Path.Combine(dir, "pressure.png");
            Plots.FlowMap(path, x, y, p.Values, "pressure and streamlines (prediction; 2-98 % range)", "p", psi, levels, range, width);
            written.Add(path);
        }

        int row = Nearest(y, 0.5 * (y[0] + y[^1]));
        int column = Nearest(x, 0.5 * (x[0] + x[^1]));
        written.Add(Profile(dir, "centreline_horizontal.png", $"profiles along y = {y[row]:G4}", "x", x, prediction, reference, f => Row(f, row)));
        written.Add(Profile(dir, "centreline_vertical.png", $"profiles along x = {x[column]:G4}", "y", y, prediction, reference, f => Column(f, column)));
        return written;
    }

    private static string Profile(string dir, string file, string title, string axis, double[] coordinates,
        IReadOnlyList<GridField> prediction, IReadOnlyList<GridField>? reference, Func<double[,], double[]> cut)
    {
        var series = new List<ChartSeries>();
        foreach (var name in new[] { "u", "v", "p" })
        {
            series.Add(new ChartSeries(name, coordinates, cut(prediction.First(f => f.Name == name).Values)));
            if (reference?.FirstOrDefault(f => f.Name == name) is { } r && r.SameGridAs(prediction[0]))
                series.Add(new ChartSeries(name + " reference", coordinates, cut(r.Values), Markers: true));
        }

        var path = Path.Combine(dir, file);
        Plots.Draw(path, new ChartSpec(file, title, axis, "u, v, p", series));
        return path;
    }

    private static int Nearest(double[] a, double value) => Enumerable.Range(0, a.Length).MinBy(i => Math.Abs(a[i] - value));

    private static double[] Row(double[,] values, int j) => Enumerable.Range(0, values.GetLength(1)).Select(i => values[j, i]).ToArray();

    private static double[] Column(double[,] values, int i) => Enumerable.Range(0, values.GetLength(0)).Select(j => values[j, i]).ToArray();
}
