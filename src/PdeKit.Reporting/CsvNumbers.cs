using System.Globalization;

namespace PdeKit.Reporting;

/// <summary>How PdeKit's CSV files spell numbers: invariant culture, shortest round-trip form.</summary>
internal static class CsvNumbers
{
    /// <summary>The round-trip text of <paramref name="value"/> ("R": parsing it gives the same bits back, -0 and NaN included).</summary>
    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Parses a number written by <see cref="Format"/> (or any invariant float text).</summary>
    public static bool TryParse(string text, out double value)
        => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
}
