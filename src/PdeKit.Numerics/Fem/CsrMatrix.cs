namespace PdeKit.Numerics.Fem;

/// <summary>
/// A square sparse matrix in compressed sparse row form: row i's entries are
/// <c>Values[RowStart[i] .. RowStart[i+1]]</c> in the columns <c>Columns[...]</c>, ascending. Immutable once built.
/// </summary>
public sealed class CsrMatrix
{
    private readonly int[] rowStart;
    private readonly int[] columns;
    private readonly double[] values;

    /// <summary>Wraps CSR arrays (not copied): <paramref name="rowStart"/> of length n + 1, columns ascending within each row.</summary>
    /// <param name="rowStart">Start of each row in <paramref name="columns"/> and <paramref name="values"/>, plus the end.</param>
    /// <param name="columns">Column of each entry.</param>
    /// <param name="values">Value of each entry.</param>
    /// <exception cref="ArgumentException">The arrays do not describe a square CSR matrix with sorted columns.</exception>
    public CsrMatrix(int[] rowStart, int[] columns, double[] values)
    {
        ArgumentNullException.ThrowIfNull(rowStart);
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(values);
        if (rowStart.Length == 0 || rowStart[0] != 0 || rowStart[^1] != columns.Length || columns.Length != values.Length)
        {
            throw new ArgumentException(
                $"CSR arrays disagree: rowStart has {rowStart.Length} entries (must start at 0 and end at the entry count), "
                + $"columns {columns.Length}, values {values.Length}.", nameof(rowStart));
        }

        int n = rowStart.Length - 1;
        for (int i = 0; i < n; i++)
        {
            if (rowStart[i + 1] < rowStart[i])
            {
                throw new ArgumentException($"rowStart decreases at row {i}.", nameof(rowStart));
            }

            for (int p = rowStart[i]; p < rowStart[i + 1]; p++)
            {
                if ((uint)columns[p] >= (uint)n || (p > rowStart[i] && columns[p] <= columns[p - 1]))
                {
                    throw new ArgumentException($"Row {i}: columns must be in 0..{n - 1} and strictly ascending; entry {p} has column {columns[p]}.", nameof(columns));
                }
            }
        }

        this.rowStart = rowStart;
        this.columns = columns;
        this.values = values;
    }

    /// <summary>The number of rows (and columns).</summary>
    public int Size => rowStart.Length - 1;

    /// <summary>The number of stored entries.</summary>
    public int NonZeroCount => values.Length;

    /// <summary>Row starts, length <see cref="Size"/> + 1.</summary>
    public ReadOnlySpan<int> RowStart => rowStart;

    /// <summary>Column of each stored entry.</summary>
    public ReadOnlySpan<int> Columns => columns;

    /// <summary>Value of each stored entry.</summary>
    public ReadOnlySpan<double> Values => values;

    /// <summary>The entry at (row, column); 0 when not stored.</summary>
    /// <param name="row">Row index.</param>
    /// <param name="column">Column index.</param>
    public double this[int row, int column]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)Size, nameof(row));
            int p = Array.BinarySearch(columns, rowStart[row], rowStart[row + 1] - rowStart[row], column);
            return p >= 0 ? values[p] : 0;
        }
    }

    /// <summary>y = A x.</summary>
    /// <param name="x">Input, length <see cref="Size"/>.</param>
    /// <param name="y">Output, length <see cref="Size"/>; overwritten.</param>
    /// <exception cref="ArgumentException">A length is wrong.</exception>
    public void Multiply(ReadOnlySpan<double> x, Span<double> y)
    {
        if (x.Length != Size || y.Length != Size)
        {
            throw new ArgumentException($"Multiply needs vectors of length {Size}, got x {x.Length} and y {y.Length}.", nameof(x));
        }

        for (int i = 0; i < Size; i++)
        {
            double sum = 0;
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++)
            {
                sum += values[p] * x[columns[p]];
            }

            y[i] = sum;
        }
    }

    /// <summary>The diagonal entries (0 where none is stored).</summary>
    /// <returns>A new array of length <see cref="Size"/>.</returns>
    public double[] Diagonal()
    {
        var d = new double[Size];
        for (int i = 0; i < Size; i++)
        {
            d[i] = this[i, i];
        }

        return d;
    }

    /// <summary>True when the matrix equals its transpose within <paramref name="tolerance"/> times the largest entry.</summary>
    /// <param name="tolerance">Relative tolerance.</param>
    /// <returns>Whether the matrix is symmetric.</returns>
    public bool IsSymmetric(double tolerance = 1e-12)
    {
        double scale = values.Length == 0 ? 0 : values.Max(Math.Abs);
        for (int i = 0; i < Size; i++)
        {
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++)
            {
                if (Math.Abs(values[p] - this[columns[p], i]) > tolerance * scale)
                {
                    return false;
                }
            }
        }

        return true;
    }
}
