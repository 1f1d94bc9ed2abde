using System.Globalization;
using ScottPlot;

namespace PdeKit.Reporting;

/// <summary>Shared plumbing of the plot methods: figure setup, log axes, argument checks and atomic PNG output.</summary>
internal static class PlotKit
{
    /// <summary>Default figure width in pixels.</summary>
    public const int Width = 900;

    /// <summary>Default figure height in pixels.</summary>
    public const int Height = 600;

    private static readonly string[] PreferredFonts = ["DejaVu Sans", "Liberation Sans", "Arial", "Helvetica", "Noto Sans"];
    private static readonly Lazy<string?> SansFont = new(() => PreferredFonts.FirstOrDefault(FontExists));

    /// <summary>A new plot with a sans-serif font where the machine has one.</summary>
    public static Plot NewPlot()
    {
        var plot = new Plot();
        if (SansFont.Value is { } font)
        {
            plot.Font.Set(font);
        }

        return plot;
    }

    private static bool FontExists(string family)
    {
        var typeface = Fonts.GetTypeface(family, false, false); // cached by ScottPlot: not ours to dispose
        return typeface is not null && string.Equals(typeface.FamilyName, family, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Renders <paramref name="plot"/> to PNG at <paramref name="path"/> atomically (parent folder created).</summary>
    public static void SavePng(Plot plot, string path, int width = Width, int height = Height)
    {
        var bytes = plot.GetImageBytes(width, height, ImageFormat.Png);
        AtomicFile.WriteBytes(path, bytes);
    }

    /// <summary>Renders a multi-panel figure to PNG at <paramref name="path"/> atomically.</summary>
    public static void SavePng(Multiplot figure, string path, int width, int height)
    {
        using var image = figure.Render(width, height);
        AtomicFile.WriteBytes(path, image.GetImageBytes(ImageFormat.Png, 100));
    }

    /// <summary>Checks the output path (non-empty, not a folder).</summary>
    public static void CheckPath(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (Directory.Exists(path))
        {
            throw new ArgumentException($"'{path}' is a folder; give a PNG file path.", nameof(path));
        }
    }

    /// <summary>Checks that <paramref name="values"/> has <paramref name="expected"/> entries.</summary>
    public static void CheckLength(double[] values, int expected, string what, string paramName)
    {
        ArgumentNullException.ThrowIfNull(values, paramName);
        if (values.Length != expected)
        {
            throw new ArgumentException($"{what} has {values.Length} values but {expected} are expected.", paramName);
        }
    }

    /// <summary>Checks that <paramref name="values"/> has at least one entry.</summary>
    public static void CheckNotEmpty(double[] values, string paramName)
    {
        ArgumentNullException.ThrowIfNull(values, paramName);
        if (values.Length == 0)
        {
            throw new ArgumentException($"{paramName} is empty; a plot needs at least one point.", paramName);
        }
    }

    /// <summary>The points (x, log10 y) where x is finite and y is finite and positive.</summary>
    public static (double[] X, double[] LogY) PositiveLog10(double[] x, double[] y)
    {
        var xs = new List<double>(x.Length);
        var ys = new List<double>(x.Length);
        for (var i = 0; i < x.Length; i++)
        {
            if (double.IsFinite(x[i]) && double.IsFinite(y[i]) && y[i] > 0)
            {
                xs.Add(x[i]);
                ys.Add(Math.Log10(y[i]));
            }
        }

        return (xs.ToArray(), ys.ToArray());
    }

    /// <summary>
    /// Makes the left axis a log10 axis for data already plotted as log10 values: major ticks at whole decades
    /// labelled 10^k, minor ticks at 2..9 times a decade, limits widened to whole decades.
    /// </summary>
    public static void LogYAxis(Plot plot, double minLog, double maxLog)
    {
        var low = Math.Floor(minLog);
        var high = Math.Ceiling(maxLog);
        if (high <= low)
        {
            high = low + 1;
        }

        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true,
            LabelFormatter = DecadeLabel,
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        };
        plot.Axes.Left.TickGenerator = ticks;
        const double edge = 0.02; // a little room so the decade ticks at both ends are drawn and labelled
        plot.Axes.SetLimitsY(low - edge, high + edge);
        plot.Grid.MajorLineColor = Colors.Black.WithOpacity(0.15);
        plot.Grid.MinorLineColor = Colors.Black.WithOpacity(0.05);
    }

    /// <summary>Tick label for log10 value <paramref name="k"/>: 10 with a superscript exponent, e.g. 10⁻³.</summary>
    public static string DecadeLabel(double k)
    {
        var exponent = (int)Math.Round(k);
        var digits = exponent.ToString(CultureInfo.InvariantCulture);
        var superscript = new char[digits.Length];
        for (var i = 0; i < digits.Length; i++)
        {
            superscript[i] = digits[i] switch
            {
                '-' => '\u207B',
                '1' => '\u00B9',
                '2' => '\u00B2',
                '3' => '\u00B3',
                var d => (char)('\u2070' + (d - '0')),
            };
        }

        return "10" + new string(superscript);
    }

    /// <summary>The smallest and largest finite value, or null when there is none.</summary>
    public static (double Min, double Max)? FiniteRange(IEnumerable<double> values)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in values)
        {
            if (double.IsFinite(v))
            {
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }
        }

        return min <= max ? (min, max) : null;
    }
}
