namespace PdeKit.Reporting;

/// <summary>Reads a training-history CSV written by <see cref="HistoryCsvWriter"/>.</summary>
public static class HistoryCsv
{
    /// <summary>
    /// Reads the column names and every row of <paramref name="path"/> as numbers; empty cells become NaN.
    /// A file still being written by a running training can be read.
    /// </summary>
    /// <returns>The column names and the rows, each with one value per column.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// Malformed CSV, an empty or repeated column name, a row with the wrong number of cells or a cell that is
    /// not a number; the message names the line.
    /// </exception>
    public static (IReadOnlyList<string> Columns, IReadOnlyList<double[]> Rows) Read(string path)
    {
        var (header, rows) = CsvReading.ReadAll(path);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in header)
        {
            if (string.IsNullOrWhiteSpace(name) || !names.Add(name))
            {
                throw CsvReading.Error(path, 1, $"the header has an empty or repeated column name '{name}'");
            }
        }

        var values = new double[rows.Count][];
        for (var r = 0; r < rows.Count; r++)
        {
            var row = new double[header.Length];
            for (var c = 0; c < header.Length; c++)
            {
                row[c] = CsvReading.ParseNumber(path, rows[r], c, header[c], emptyIsNaN: true);
            }

            values[r] = row;
        }

        return (header, values);
    }

    /// <summary>The values of column <paramref name="name"/> over all rows, or null when there is no such column.</summary>
    public static double[]? Column(IReadOnlyList<string> columns, IReadOnlyList<double[]> rows, string name)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var index = columns.ToList().IndexOf(name);
        return index < 0 ? null : rows.Select(r => r[index]).ToArray();
    }
}
