namespace PdeKit.Reporting;

/// <summary>
/// A named scalar field sampled on a tensor grid in space and time: <c>Values[timeIndex, xIndex]</c> is the
/// value at (<c>X[xIndex]</c>, <c>T[timeIndex]</c>). The arrays are referenced, not copied; treat them as
/// read-only once the field is built.
/// </summary>
public sealed record GridField
{
    private readonly string name = "";

    /// <summary>Builds a field and checks that its arrays describe one grid.</summary>
    /// <param name="Name">Field name, e.g. <c>u</c>; becomes a CSV column header.</param>
    /// <param name="X">Spatial coordinates, length nx &gt;= 1, finite and strictly increasing.</param>
    /// <param name="T">Times, length nt &gt;= 1, finite and strictly increasing.</param>
    /// <param name="Values">Field values, shape [nt, nx]; NaN is allowed (a missing value).</param>
    /// <exception cref="ArgumentException">A name is empty, or shapes or coordinates are invalid; the message says which.</exception>
    public GridField(string Name, double[] X, double[] T, double[,] Values)
    {
        ArgumentNullException.ThrowIfNull(X);
        ArgumentNullException.ThrowIfNull(T);
        ArgumentNullException.ThrowIfNull(Values);
        this.Name = Name;
        CheckAxis(X, "X", nameof(X));
        CheckAxis(T, "T", nameof(T));
        if (Values.GetLength(0) != T.Length || Values.GetLength(1) != X.Length)
        {
            throw new ArgumentException(
                $"Field '{Name}': Values has shape [{Values.GetLength(0)}, {Values.GetLength(1)}] but must be "
                + $"[T.Length, X.Length] = [{T.Length}, {X.Length}] (Values[timeIndex, xIndex]).",
                nameof(Values));
        }

        this.X = X;
        this.T = T;
        this.Values = Values;
    }

    /// <summary>Field name, e.g. <c>u</c>; non-empty, without line breaks.</summary>
    public string Name
    {
        get => name;
        init
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(Name));
            if (value.AsSpan().IndexOfAny('\r', '\n') >= 0)
            {
                throw new ArgumentException($"Field name '{value}' contains a line break.", nameof(Name));
            }

            name = value;
        }
    }

    /// <summary>Spatial coordinates, length nx, strictly increasing.</summary>
    public double[] X { get; }

    /// <summary>Name of the first axis (default "x"); the CSV column and plot label.</summary>
    public string XName { get; init; } = "x";

    /// <summary>
    /// Name of the second axis (default "t"). A field whose second axis is not "t" is a spatial (x, y)
    /// field: plots then draw the first axis horizontally and slice along the second.
    /// </summary>
    public string TName { get; init; } = "t";

    /// <summary>True when the second axis is time.</summary>
    public bool IsSpaceTime => TName == "t";

    /// <summary>Times, length nt, strictly increasing.</summary>
    public double[] T { get; }

    /// <summary>Values, shape [nt, nx]: <c>Values[timeIndex, xIndex]</c>.</summary>
    public double[,] Values { get; }

    /// <summary>Deconstructs into name, coordinates and values.</summary>
    public void Deconstruct(out string name, out double[] x, out double[] t, out double[,] values)
        => (name, x, t, values) = (Name, X, T, Values);

    /// <summary>True when <paramref name="other"/> has bitwise the same X and T as this field.</summary>
    public bool SameGridAs(GridField other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return SameAxis(X, other.X) && SameAxis(T, other.T);
    }

    private static bool SameAxis(double[] a, double[] b)
        => ReferenceEquals(a, b) || (a.Length == b.Length && a.AsSpan().SequenceEqual(b));

    private static void CheckAxis(double[] axis, string label, string paramName)
    {
        if (axis.Length == 0)
        {
            throw new ArgumentException($"{label} is empty; a grid needs at least one {label} value.", paramName);
        }

        for (var i = 0; i < axis.Length; i++)
        {
            if (!double.IsFinite(axis[i]))
            {
                throw new ArgumentException($"{label}[{i}] is {axis[i]}; coordinates must be finite.", paramName);
            }

            if (i > 0 && axis[i] <= axis[i - 1])
            {
                throw new ArgumentException(
                    $"{label} must be strictly increasing, but {label}[{i}] = {axis[i]} follows {label}[{i - 1}] = {axis[i - 1]}.",
                    paramName);
            }
        }
    }
}
