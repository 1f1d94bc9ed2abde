namespace PdeKit.Reporting;

/// <summary>Pressure-test data read from a CSV: elapsed times and pressures.</summary>
/// <param name="Path">The file read.</param>
/// <param name="Time">Elapsed times, strictly increasing and positive.</param>
/// <param name="Pressure">Pressures at those times.</param>
public sealed record WellTestData(string Path, double[] Time, double[] Pressure);

/// <summary>
/// Reads well-test data: a headed CSV (comma-separated; lines starting with '#' are comments) with a time
/// column and a pressure column chosen by name. Every problem (missing file or column, a non-numeric
/// cell, a time that does not increase) is an <see cref="InvalidDataException"/> naming the file and line.
/// </summary>
public static class WellTestCsv
{
    /// <summary>Loads the two columns.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">A missing column, a bad cell, non-increasing or non-positive times, or fewer than 3 rows.</exception>
    public static WellTestData Load(string path, string timeColumn = "t_hr", string pressureColumn = "p_psia")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(timeColumn);
        ArgumentException.ThrowIfNullOrWhiteSpace(pressureColumn);
        if (!File.Exists(path)) throw new FileNotFoundException($"well-test file '{path}' does not exist", path);
        var lines = File.ReadAllLines(path);
        string[]? header = null;
        int ti = -1, pi = -1;
        var t = new List<double>();
        var p = new List<double>();
        for (int n = 0; n < lines.Length; n++)
        {
            string line = lines[n].Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var cells = line.Split(',').Select(c => c.Trim().Trim('"')).ToArray();
            long lineNo = n + 1;
            if (header is null)
            {
                header = cells;
                ti = Array.FindIndex(header, h => string.Equals(h, timeColumn, StringComparison.OrdinalIgnoreCase));
                pi = Array.FindIndex(header, h => string.Equals(h, pressureColumn, StringComparison.OrdinalIgnoreCase));
                if (ti < 0 || pi < 0)
                {
                    string missing = ti < 0 ? timeColumn : pressureColumn;
                    throw CsvReading.Error(path, lineNo, $"no column named '{missing}' (columns: {string.Join(", ", header)}); choose the columns with --time and --pressure");
                }
                continue;
            }
            if (cells.Length != header.Length)
                throw CsvReading.Error(path, lineNo, $"expected {header.Length} cells ({string.Join(",", header)}) but found {cells.Length}");
            double tv = Number(path, lineNo, cells[ti], header[ti]);
            double pv = Number(path, lineNo, cells[pi], header[pi]);
            if (!(tv > 0)) throw CsvReading.Error(path, lineNo, $"time {tv} in column '{header[ti]}' must be positive (elapsed time since the rate change)");
            if (t.Count > 0 && !(tv > t[^1])) throw CsvReading.Error(path, lineNo, $"time {tv} does not increase (previous row: {t[^1]}); sort the rows by time and drop duplicates");
            t.Add(tv);
            p.Add(pv);
        }
        if (header is null) throw CsvReading.Error(path, 1, "the header row is missing (the file is empty)");
        if (t.Count < 3) throw CsvReading.Error(path, lines.Length, $"only {t.Count} data rows; a well test needs at least 3");
        return new WellTestData(path, [.. t], [.. p]);
    }

    private static double Number(string path, long line, string text, string column)
    {
        if (!CsvNumbers.TryParse(text, out var v) || !double.IsFinite(v))
            throw CsvReading.Error(path, line, $"column '{column}' holds '{text}', which is not a finite number");
        return v;
    }
}
