using System.Globalization;

namespace PdeKit.Numerics.Meshes;

/// <summary>
/// Reads a Gmsh ASCII file line by line, keeping the line number, and turns tokens into numbers or a
/// <see cref="MeshFormatException"/> that names the file, the line and what was expected.
/// </summary>
internal sealed class MshLineReader
{
    /// <summary>The most entries a declared count may pre-allocate; larger counts grow as lines really arrive.</summary>
    public const int MaxPreallocation = 1 << 16;

    private static readonly char[] Separators = [' ', '\t'];
    private readonly TextReader reader;

    public MshLineReader(TextReader reader, string source)
    {
        this.reader = reader;
        Source = source;
    }

    /// <summary>The file name or label used in messages.</summary>
    public string Source { get; }

    /// <summary>The 1-based number of the line read last (0 before the first).</summary>
    public int LineNumber { get; private set; }

    /// <summary>The text of the line read last, without the line break.</summary>
    public string CurrentLine { get; private set; } = "";

    /// <summary>The tokens of the next non-blank line, or null at the end of the file.</summary>
    public string[]? TryRead()
    {
        while (reader.ReadLine() is { } line)
        {
            LineNumber++;
            CurrentLine = line;
            var tokens = line.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (tokens.Length > 0)
            {
                return tokens;
            }
        }

        return null;
    }

    /// <summary>The tokens of the next non-blank line; at the end of the file, an error saying what was <paramref name="expected"/>.</summary>
    public string[] Read(string expected)
        => TryRead() ?? throw new MeshFormatException(Source, LineNumber + 1, $"unexpected end of file; expected {expected}");

    /// <summary>Reads the next line and checks that it has at least <paramref name="minTokens"/> tokens.</summary>
    public string[] Read(string expected, int minTokens)
    {
        var tokens = Read(expected);
        if (tokens.Length < minTokens)
        {
            throw Error($"expected {expected}, but the line has {tokens.Length} value(s), fewer than {minTokens}: '{Shorten(CurrentLine)}'");
        }

        return tokens;
    }

    /// <summary>Reads the next line and checks that it is the section marker <paramref name="marker"/>.</summary>
    public void ReadMarker(string marker)
    {
        var tokens = Read(marker);
        if (tokens.Length != 1 || tokens[0] != marker)
        {
            throw Error($"expected {marker}, found '{Shorten(CurrentLine)}'");
        }
    }

    /// <summary>An error at the current line.</summary>
    public MeshFormatException Error(string problem) => new(Source, LineNumber, problem);

    /// <summary>An integer (e.g. a tag) from a token.</summary>
    public long Long(string token, string what)
    {
        if (!long.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
        {
            throw Error($"expected an integer {what}, found '{Shorten(token)}'");
        }

        return value;
    }

    /// <summary>A small integer (e.g. an element type or a dimension) from a token.</summary>
    public int Int(string token, string what)
    {
        long value = Long(token, what);
        if (value is < int.MinValue or > int.MaxValue)
        {
            throw Error($"{what} {value} is out of range");
        }

        return (int)value;
    }

    /// <summary>A count: an integer from 0 to <paramref name="max"/>.</summary>
    public int Count(string token, string what, int max = int.MaxValue)
    {
        long value = Long(token, what);
        if (value < 0)
        {
            throw Error($"{what} must not be negative, found {value}");
        }

        if (value > max)
        {
            throw Error($"{what} {value} is too large (at most {max} is supported)");
        }

        return (int)value;
    }

    /// <summary>A finite floating-point number from a token.</summary>
    public double Double(string token, string what)
    {
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            throw Error($"expected a finite number for {what}, found '{Shorten(token)}'");
        }

        return value;
    }

    /// <summary>A capacity for a list whose final size is declared as <paramref name="count"/> but not yet seen.</summary>
    public static int Capacity(long count) => (int)Math.Clamp(count, 0, MaxPreallocation);

    /// <summary>Text cut to a readable length for messages.</summary>
    public static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
