using CsvHelper;

namespace PdeKit.Reporting;

/// <summary>
/// Appends training-history rows (step, time, every loss term and weight, ...) to a CSV file as they come.
/// The header is written at once; rows are flushed every <c>flushEvery</c> rows and on
/// <see cref="Dispose"/>, so a crashed run keeps all but its last few rows. Not thread-safe.
/// </summary>
public sealed class HistoryCsvWriter : IDisposable
{
    private readonly CsvWriter writer;
    private readonly Dictionary<string, int> columnIndex;
    private readonly string[] cells;
    private readonly int flushEvery;
    private int unflushed;
    private bool disposed;

    /// <summary>Creates (or replaces) <paramref name="path"/>, creating its folder, and writes the header.</summary>
    /// <param name="path">Target file, e.g. <c>runs/burgers/history.csv</c>.</param>
    /// <param name="columns">Column names in order, e.g. step, time_s, lr, loss, loss_residual; non-empty and distinct.</param>
    /// <param name="flushEvery">Rows between flushes to disk; at least 1.</param>
    /// <exception cref="ArgumentException">No columns, an empty or repeated name, or <paramref name="flushEvery"/> below 1.</exception>
    public HistoryCsvWriter(string path, IReadOnlyList<string> columns, int flushEvery = 50)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentOutOfRangeException.ThrowIfLessThan(flushEvery, 1);
        if (columns.Count == 0)
        {
            throw new ArgumentException("A history needs at least one column.", nameof(columns));
        }

        columnIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Count; i++)
        {
            var name = columns[i];
            if (string.IsNullOrWhiteSpace(name) || name.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                throw new ArgumentException($"Column {i} has an empty name or one with a line break.", nameof(columns));
            }

            if (!columnIndex.TryAdd(name, i))
            {
                throw new ArgumentException($"Column '{name}' appears twice.", nameof(columns));
            }
        }

        Columns = columns.ToArray();
        cells = new string[Columns.Count];
        this.flushEvery = flushEvery;
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var stream = new FileStream(Path, FileMode.Create, FileAccess.Write, FileShare.Read | FileShare.Delete);
        try
        {
            writer = CsvWriter.Create(stream, new CsvWriterOptions { HasHeader = false, Separator = ',' }, false);
            writer.WriteHeader(columns.ToArray());
            writer.Flush();
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The full path of the file being written.</summary>
    public string Path { get; }

    /// <summary>The column names, in file order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Number of data rows appended so far.</summary>
    public long RowCount { get; private set; }

    /// <summary>
    /// Appends one row. Columns missing from <paramref name="row"/> get an empty cell (read back as NaN);
    /// NaN values are written as <c>NaN</c>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="row"/> has a key that is not a column.</exception>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public void Append(IReadOnlyDictionary<string, double> row)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        ArgumentNullException.ThrowIfNull(row);
        Array.Fill(cells, "");
        foreach (var (key, value) in row)
        {
            if (!columnIndex.TryGetValue(key, out var i))
            {
                throw new ArgumentException(
                    $"'{key}' is not a column of {Path}; the columns are {string.Join(", ", Columns)}.", nameof(row));
            }

            cells[i] = CsvNumbers.Format(value);
        }

        writer.WriteRecord(cells);
        RowCount++;
        if (++unflushed >= flushEvery)
        {
            Flush();
        }
    }

    /// <summary>Writes buffered rows through to the file.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        writer.Flush();
        unflushed = 0;
    }

    /// <summary>Flushes the remaining rows and closes the file.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        writer.Flush();
        writer.Dispose();
    }
}
