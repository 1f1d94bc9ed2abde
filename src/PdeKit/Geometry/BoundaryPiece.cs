namespace PdeKit.Geometry;

/// <summary>
/// An oriented piece of a region's boundary (a line segment or a circular arc), parametrised by
/// s in [0, 1] at constant speed, so that uniform s is uniform by length. A region's boundary is
/// oriented with the region on the left of the direction of travel: counter-clockwise around an
/// outer boundary, clockwise around a hole. The outward unit normal is the tangent turned clockwise.
/// </summary>
public abstract class BoundaryPiece
{
    /// <summary>Sets the part name.</summary>
    /// <exception cref="ArgumentException">The name is empty or white space.</exception>
    protected BoundaryPiece(string? name)
    {
        if (name is not null && string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("a boundary part name must not be empty; pass null for an unnamed piece", nameof(name));
        Name = name;
    }

    /// <summary>Name of the boundary part this piece belongs to (e.g. "inlet"), or null.</summary>
    public string? Name { get; }

    /// <summary>Length of the piece.</summary>
    public abstract double Length { get; }

    /// <summary>The smallest axis-aligned box holding the piece.</summary>
    public abstract BoundingBox2D Bounds { get; }

    /// <summary>The point at parameter <paramref name="s"/> (0: start, 1: end).</summary>
    public abstract (double X, double Y) PointAt(double s);

    /// <summary>The unit normal at parameter <paramref name="s"/>, on the right of the direction of travel (outward for a region's boundary).</summary>
    public abstract (double X, double Y) NormalAt(double s);

    /// <summary>The same piece traversed the other way (its normal flips).</summary>
    public abstract BoundaryPiece Reversed();

    /// <summary>The sub-piece between parameters <paramref name="s0"/> &lt; <paramref name="s1"/>, with the same orientation and name.</summary>
    /// <exception cref="ArgumentException">The parameters are not increasing.</exception>
    public abstract BoundaryPiece Slice(double s0, double s1);

    /// <summary>The same piece under another part name.</summary>
    public abstract BoundaryPiece WithName(string? name);

    /// <summary>Euclidean distance from the point to the piece.</summary>
    public abstract double DistanceTo(double x, double y);

    /// <summary>Start point, <c>PointAt(0)</c>.</summary>
    public (double X, double Y) Start => PointAt(0);

    /// <summary>End point, <c>PointAt(1)</c>.</summary>
    public (double X, double Y) End => PointAt(1);

    /// <summary>The line integral of x dy - y dx along the piece (twice the signed area it sweeps from the origin).</summary>
    internal abstract double GreenIntegral();

    /// <summary>Parameter of the point of the piece (or of its supporting line or circle) nearest to (x, y); may lie outside [0, 1].</summary>
    internal abstract double ParameterOf(double x, double y);

    /// <summary>Throws unless the value is a finite number.</summary>
    internal static double Finite(double v, string name) =>
        double.IsFinite(v) ? v : throw new ArgumentException($"{name} must be a finite number (got {v})", name);

    /// <summary>Throws unless 0 &lt;= s0 &lt; s1 (s1 may exceed 1 only on a full circle).</summary>
    private protected static void CheckSlice(double s0, double s1)
    {
        if (!(s1 > s0) || !double.IsFinite(s0) || !double.IsFinite(s1))
            throw new ArgumentException($"a slice needs increasing finite parameters (got {s0}, {s1})", nameof(s1));
    }
}

/// <summary>A straight boundary piece from (X0, Y0) to (X1, Y1).</summary>
public sealed class LineSegment : BoundaryPiece
{
    /// <summary>Creates the segment.</summary>
    /// <exception cref="ArgumentException">A coordinate is not finite, or the end points coincide.</exception>
    public LineSegment(double x0, double y0, double x1, double y1, string? name = null) : base(name)
    {
        X0 = Finite(x0, nameof(x0));
        Y0 = Finite(y0, nameof(y0));
        X1 = Finite(x1, nameof(x1));
        Y1 = Finite(y1, nameof(y1));
        Length = Math.Sqrt((x1 - x0) * (x1 - x0) + (y1 - y0) * (y1 - y0));
        if (!(Length > 0)) throw new ArgumentException($"the segment from ({x0}, {y0}) to ({x1}, {y1}) has zero length", nameof(x1));
    }

    /// <summary>Start x.</summary>
    public double X0 { get; }

    /// <summary>Start y.</summary>
    public double Y0 { get; }

    /// <summary>End x.</summary>
    public double X1 { get; }

    /// <summary>End y.</summary>
    public double Y1 { get; }

    /// <inheritdoc />
    public override double Length { get; }

    /// <inheritdoc />
    public override BoundingBox2D Bounds => new(Math.Min(X0, X1), Math.Max(X0, X1), Math.Min(Y0, Y1), Math.Max(Y0, Y1));

    /// <inheritdoc />
    public override (double X, double Y) PointAt(double s) => (X0 + s * (X1 - X0), Y0 + s * (Y1 - Y0));

    /// <inheritdoc />
    public override (double X, double Y) NormalAt(double s) => ((Y1 - Y0) / Length, -(X1 - X0) / Length);

    /// <inheritdoc />
    public override BoundaryPiece Reversed() => new LineSegment(X1, Y1, X0, Y0, Name);

    /// <inheritdoc />
    public override BoundaryPiece Slice(double s0, double s1)
    {
        CheckSlice(s0, s1);
        var (ax, ay) = PointAt(s0);
        var (bx, by) = PointAt(s1);
        return new LineSegment(ax, ay, bx, by, Name);
    }

    /// <inheritdoc />
    public override BoundaryPiece WithName(string? name) => new LineSegment(X0, Y0, X1, Y1, name);

    /// <inheritdoc />
    public override double DistanceTo(double x, double y)
    {
        double s = Math.Clamp(ParameterOf(x, y), 0, 1);
        var (px, py) = PointAt(s);
        return Math.Sqrt((x - px) * (x - px) + (y - py) * (y - py));
    }

    internal override double GreenIntegral() => X0 * Y1 - X1 * Y0;

    internal override double ParameterOf(double x, double y) =>
        ((x - X0) * (X1 - X0) + (y - Y0) * (Y1 - Y0)) / (Length * Length);

    /// <inheritdoc />
    public override string ToString() => $"segment ({X0}, {Y0}) -> ({X1}, {Y1}){(Name is null ? "" : $" '{Name}'")}";
}
