using CsvHelper;

namespace PdeKit.Reporting;

/// <summary>
/// Grid fields as a long-format CSV: header <c>x,t,&lt;name1&gt;,&lt;name2&gt;,...</c>, one row per grid point,
/// t in the outer loop and x in the inner one; invariant culture, round-trip doubles (reading gives the
/// same bits back).
/// </summary>
public static class FieldCsv
{
    /// <summary>
    /// Writes <paramref name="fields"/>, which must share one grid, to <paramref name="path"/>. The parent
    /// folder is created; the file is replaced atomically, so no half-written file is ever left behind.
    /// </summary>
    /// <param name="path">Target file, e.g. <c>runs/burgers/prediction.csv</c>.</param>
    /// <param name="fields">At least one field; all with bitwise equal X and T and distinct names other than x and t.</param>
    /// <exception cref="ArgumentException">No fields, differing grids, or duplicate or reserved names.</exception>
    public static void Write(string path, IReadOnlyList<GridField> fields)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(fields);
        CheckFields(fields);
        var first = fields[0];
        var header = new string[fields.Count + 2];
        header[0] = first.XName;
        header[1] = first.TName;
        for (var f = 0; f < fields.Count; f++)
        {
            header[f + 2] = fields[f].Name;
        }

        AtomicFile.WriteStream(path, stream =>
        {
            using var writer = CsvWriter.Create(stream, new CsvWriterOptions { HasHeader = false, Separator = ',' }, true);
            writer.WriteHeader(header);
            var row = new string[header.Length];
            for (var it = 0; it < first.T.Length; it++)
            {
                row[1] = CsvNumbers.Format(first.T[it]);
                for (var ix = 0; ix < first.X.Length; ix++)
                {
                    row[0] = CsvNumbers.Format(first.X[ix]);
                    for (var f = 0; f < fields.Count; f++)
                    {
                        row[f + 2] = CsvNumbers.Format(fields[f].Values[it, ix]);
                    }

                    writer.WriteRecord(row);
                }
            }

            writer.Flush();
        });
    }

    /// <summary>
    /// Reads the fields of a file written by <see cref="Write"/> (rows may come in any order). The grid is
    /// rebuilt from the unique sorted x and t values; every (t, x) pair must appear exactly once.
    /// </summary>
    /// <returns>One field per column after x and t, in column order.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// Malformed CSV, a missing x or t column, a row with the wrong number of cells, a cell that is not a
    /// number, or a grid that is not rectangular; the message names the line.
    /// </exception>
    public static IReadOnlyList<GridField> Read(string path)
    {
        var (header, rows) = CsvReading.ReadAll(path);
        // The coordinate columns are x and t where present (files of space-time problems), else the first
        // two columns (e.g. x,y of a spatial problem).
        var xColumn = Array.IndexOf(header, "x");
        var tColumn = Array.IndexOf(header, "t");
        if (tColumn < 0 && xColumn == 0 && header.Length >= 3)
        {
            tColumn = 1;
        }

        if (xColumn < 0 || tColumn < 0)
        {
            throw CsvReading.Error(path, 1, $"the header '{string.Join(",", header)}' lacks the column '{(xColumn < 0 ? "x" : "t")}' (expected x,t,<field>,... or x,y,<field>,...)");
        }

        var fieldColumns = Enumerable.Range(0, header.Length).Where(c => c != xColumn && c != tColumn).ToArray();
        if (fieldColumns.Length == 0)
        {
            throw CsvReading.Error(path, 1, "the header has no field column after x and t");
        }

        var duplicate = header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1 || string.IsNullOrWhiteSpace(g.Key));
        if (duplicate is not null)
        {
            throw CsvReading.Error(path, 1, $"the header has an empty or repeated column name '{duplicate.Key}'");
        }

        if (rows.Count == 0)
        {
            throw CsvReading.Error(path, 2, "the file has a header but no data rows");
        }

        var xs = new double[rows.Count];
        var ts = new double[rows.Count];
        var data = new double[rows.Count, fieldColumns.Length];
        for (var r = 0; r < rows.Count; r++)
        {
            xs[r] = ParseCoordinate(path, rows[r], xColumn, "x");
            ts[r] = ParseCoordinate(path, rows[r], tColumn, "t");
            for (var f = 0; f < fieldColumns.Length; f++)
            {
                data[r, f] = CsvReading.ParseNumber(path, rows[r], fieldColumns[f], header[fieldColumns[f]], emptyIsNaN: false);
            }
        }

        return BuildGrid(path, header, fieldColumns, rows, xs, ts, data)
            .Select(f => f with { XName = header[xColumn], TName = header[tColumn] }).ToArray();
    }

    private static IReadOnlyList<GridField> BuildGrid(
        string path, string[] header, int[] fieldColumns, List<CsvReading.Row> rows, double[] xs, double[] ts, double[,] data)
    {
        var x = xs.Distinct().Order().ToArray();
        var t = ts.Distinct().Order().ToArray();
        var xIndex = IndexOf(x);
        var tIndex = IndexOf(t);
        var values = new double[fieldColumns.Length][,];
        for (var f = 0; f < values.Length; f++)
        {
            values[f] = new double[t.Length, x.Length];
        }

        var seen = new bool[t.Length, x.Length];
        for (var r = 0; r < rows.Count; r++)
        {
            int it = tIndex[ts[r]], ix = xIndex[xs[r]];
            if (seen[it, ix])
            {
                throw CsvReading.Error(path, rows[r].Line, $"the grid point (x={CsvNumbers.Format(xs[r])}, t={CsvNumbers.Format(ts[r])}) appears a second time");
            }

            seen[it, ix] = true;
            for (var f = 0; f < values.Length; f++)
            {
                values[f][it, ix] = data[r, f];
            }
        }

        if (rows.Count != t.Length * x.Length)
        {
            var (mt, mx) = FirstMissing(seen);
            throw CsvReading.Error(path, rows[^1].Line,
                $"the grid is not rectangular: {rows.Count} data rows (ending at this line) for {t.Length} t values x {x.Length} x values; "
                + $"no row for (x={CsvNumbers.Format(x[mx])}, t={CsvNumbers.Format(t[mt])})");
        }

        return fieldColumns.Select((c, f) => new GridField(header[c], x, t, values[f])).ToArray();
    }

    private static double ParseCoordinate(string path, CsvReading.Row row, int column, string name)
    {
        var value = CsvReading.ParseNumber(path, row, column, name, emptyIsNaN: false);
        if (!double.IsFinite(value))
        {
            throw CsvReading.Error(path, row.Line, $"coordinate '{name}' is {row.Cells[column]}; coordinates must be finite");
        }

        return value;
    }

    private static Dictionary<double, int> IndexOf(double[] sorted)
    {
        var index = new Dictionary<double, int>(sorted.Length);
        for (var i = 0; i < sorted.Length; i++)
        {
            index[sorted[i]] = i;
        }

        return index;
    }

    private static (int T, int X) FirstMissing(bool[,] seen)
    {
        for (var it = 0; it < seen.GetLength(0); it++)
        {
            for (var ix = 0; ix < seen.GetLength(1); ix++)
            {
                if (!seen[it, ix])
                {
                    return (it, ix);
                }
            }
        }

        return (0, 0);
    }

    private static void CheckFields(IReadOnlyList<GridField> fields)
    {
        if (fields.Count == 0)
        {
            throw new ArgumentException("At least one field is needed to write a field CSV.", nameof(fields));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var f = 0; f < fields.Count; f++)
        {
            var field = fields[f] ?? throw new ArgumentException($"fields[{f}] is null.", nameof(fields));
            if (field.Name == fields[0].XName || field.Name == fields[0].TName || field.Name is "x" or "t")
            {
                throw new ArgumentException($"A field may not be named '{field.Name}': {fields[0].XName} and {fields[0].TName} are the coordinate columns.", nameof(fields));
            }

            if (!names.Add(field.Name))
            {
                throw new ArgumentException($"Two fields are named '{field.Name}'; names become column headers and must differ.", nameof(fields));
            }

            if (!field.SameGridAs(fields[0]))
            {
                throw new ArgumentException(
                    $"Field '{field.Name}' (nt={field.T.Length}, nx={field.X.Length}) is on a different grid than field "
                    + $"'{fields[0].Name}' (nt={fields[0].T.Length}, nx={fields[0].X.Length}); one CSV holds fields on one grid.",
                    nameof(fields));
            }
        }
    }
}
