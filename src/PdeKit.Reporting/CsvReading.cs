using CsvHelper;

namespace PdeKit.Reporting;

/// <summary>
/// Reads a headed CSV file row by row as strings, with line numbers, turning every format problem into an
/// <see cref="InvalidDataException"/> that names the file and the line.
/// </summary>
internal static class CsvReading
{
    /// <summary>One data row: its 1-based line number in the file and its cells.</summary>
    public readonly record struct Row(long Line, string[] Cells);

    /// <summary>Reads the header and all data rows of <paramref name="path"/>; every row must have as many cells as the header.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file has no header, a row has the wrong number of cells, or the CSV is malformed.</exception>
    public static (string[] Header, List<Row> Rows) ReadAll(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"CSV file '{path}' does not exist.", path);
        }

        var options = new CsvReaderOptions
        {
            HasHeader = true,
            Separator = ',',
            DetectSeparatorHint = false,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
        };

        // FileShare.ReadWrite: a history file may still be open for appending by a running training.
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = CsvReader.Create(stream, options, false);
        try
        {
            reader.ReadHeader();
            var header = reader.Headers.ToArray();
            if (header.Length == 0 || header.All(string.IsNullOrWhiteSpace))
            {
                throw Error(path, 1, "the header row is missing (the file is empty)");
            }

            var rows = new List<Row>();
            while (reader.Read())
            {
                var line = reader.LineNumber;
                if (reader.FieldCount != header.Length)
                {
                    throw Error(path, line,
                        $"expected {header.Length} cells ({string.Join(",", header)}) but found {reader.FieldCount}");
                }

                var cells = new string[header.Length];
                for (var i = 0; i < cells.Length; i++)
                {
                    cells[i] = reader.GetString(i);
                }

                rows.Add(new Row(line, cells));
            }

            return (header, rows);
        }
        catch (CsvFormatException e)
        {
            throw new InvalidDataException($"{path}, line {e.LineNumber}: malformed CSV: {e.Message}", e);
        }
    }

    /// <summary>An <see cref="InvalidDataException"/> that names the file and the line.</summary>
    public static InvalidDataException Error(string path, long line, string what)
        => new($"{path}, line {line}: {what}.");

    /// <summary>Parses cell <paramref name="column"/> of <paramref name="row"/> as a number, or throws naming the line and column.</summary>
    public static double ParseNumber(string path, Row row, int column, string columnName, bool emptyIsNaN)
    {
        var text = row.Cells[column];
        if (emptyIsNaN && string.IsNullOrWhiteSpace(text))
        {
            return double.NaN;
        }

        if (!CsvNumbers.TryParse(text, out var value))
        {
            throw Error(path, row.Line, $"column '{columnName}' holds '{text}', which is not a number");
        }

        return value;
    }
}
