using System.Globalization;
using CsvHelper;

namespace PdeKit.Reporting.Validation;

/// <summary>
/// results.csv of a validation: one row per measured value with its reference, tolerance and verdict;
/// invariant culture, round-trip numbers, empty cells for absent references and tolerances.
/// </summary>
public static class ValidationCsv
{
    /// <summary>The header, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["case", "method", "metric", "value", "reference", "tolerance", "comparison", "status", "time_s", "device", "commit", "note"];

    /// <summary>Writes <paramref name="rows"/> to <paramref name="path"/> atomically (the folder is created).</summary>
    public static void Write(string path, IEnumerable<ValidationRow> rows)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows.ToList();
        AtomicFile.WriteStream(path, stream =>
        {
            using var writer = CsvWriter.Create(stream, new CsvWriterOptions { HasHeader = false, Separator = ',' }, true);
            writer.WriteHeader([.. Columns]);
            foreach (var r in list)
            {
                writer.WriteRecord(
                [
                    r.Case, r.Method, r.Metric, CsvNumbers.Format(r.Value), Optional(r.Reference), Optional(r.Tolerance),
                    Name(r.Comparison), Name(r.Status), r.TimeSeconds.ToString("F3", CultureInfo.InvariantCulture), r.Device, r.Commit, r.Note,
                ]);
            }

            writer.Flush();
        });
    }

    /// <summary>Reads a file written by <see cref="Write"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">A missing column, or a cell that is not what its column holds; the message names the line.</exception>
    public static IReadOnlyList<ValidationRow> Read(string path)
    {
        var (header, rows) = CsvReading.ReadAll(path);
        var index = new int[Columns.Count];
        for (int c = 0; c < Columns.Count; c++)
        {
            index[c] = Array.IndexOf(header, Columns[c]);
            if (index[c] < 0) throw CsvReading.Error(path, 1, $"no column '{Columns[c]}' (a results.csv has {string.Join(",", Columns)})");
        }

        return rows.Select(row =>
        {
            string Cell(int c) => row.Cells[index[c]];
            double? Maybe(int c) => string.IsNullOrWhiteSpace(Cell(c)) ? null : CsvReading.ParseNumber(path, row, index[c], Columns[c], false);
            return new ValidationRow(
                Cell(0), Cell(1), Cell(2), CsvReading.ParseNumber(path, row, index[3], "value", true), Maybe(4), Maybe(5),
                Parse<Comparison>(path, row.Line, Cell(6), "comparison"), Parse<ValidationStatus>(path, row.Line, Cell(7), "status"),
                CsvReading.ParseNumber(path, row, index[8], "time_s", true), Cell(9), Cell(10)) { Note = Cell(11) };
        }).ToList();
    }

    /// <summary>The lower-case name of an enum value as it appears in the file ("pass", "at-most", ...).</summary>
    public static string Name<T>(T value) where T : struct, Enum
    {
        var text = value.ToString();
        var chars = new List<char>(text.Length + 4);
        for (int i = 0; i < text.Length; i++)
        {
            if (i > 0 && char.IsUpper(text[i])) chars.Add('-');
            chars.Add(char.ToLowerInvariant(text[i]));
        }

        return new string([.. chars]);
    }

    private static string Optional(double? v) => v is { } x ? CsvNumbers.Format(x) : "";

    private static T Parse<T>(string path, long line, string text, string column) where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => Name(v!.Value) == text.Trim())
        ?? throw CsvReading.Error(path, line, $"column '{column}' holds '{text}' (expected {string.Join(", ", Enum.GetValues<T>().Select(v => Name(v)))})");
}
