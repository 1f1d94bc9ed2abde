namespace PdeKit.Geometry;

/// <summary>An axis-aligned rectangle [XMin, XMax] x [YMin, YMax]; each side can carry a part name.</summary>
public sealed class Rectangle : Region2D
{
    private readonly BoundaryPiece[] boundary;

    /// <summary>Creates the rectangle.</summary>
    /// <param name="x">The x interval (Min &lt; Max).</param>
    /// <param name="y">The y interval (Min &lt; Max).</param>
    /// <param name="bottom">Part name of the side y = YMin, or null.</param>
    /// <param name="right">Part name of the side x = XMax, or null.</param>
    /// <param name="top">Part name of the side y = YMax, or null.</param>
    /// <param name="left">Part name of the side x = XMin, or null.</param>
    /// <exception cref="ArgumentException">A non-finite bound or an empty interval.</exception>
    public Rectangle((double Min, double Max) x, (double Min, double Max) y,
        string? bottom = null, string? right = null, string? top = null, string? left = null)
    {
        foreach (var (v, name) in new[] { (x.Min, "x.Min"), (x.Max, "x.Max"), (y.Min, "y.Min"), (y.Max, "y.Max") })
            if (!double.IsFinite(v)) throw new ArgumentException($"rectangle bound {name} must be a finite number (got {v})", nameof(x));
        if (!(x.Max > x.Min) || !(y.Max > y.Min))
            throw new ArgumentException($"a rectangle needs x.Min < x.Max and y.Min < y.Max (got x [{x.Min}, {x.Max}], y [{y.Min}, {y.Max}]): it would have zero area", nameof(x));
        Bounds = new BoundingBox2D(x.Min, x.Max, y.Min, y.Max);
        boundary =
        [
            new LineSegment(x.Min, y.Min, x.Max, y.Min, bottom),
            new LineSegment(x.Max, y.Min, x.Max, y.Max, right),
            new LineSegment(x.Max, y.Max, x.Min, y.Max, top),
            new LineSegment(x.Min, y.Max, x.Min, y.Min, left),
        ];
    }

    /// <inheritdoc />
    public override BoundingBox2D Bounds { get; }

    /// <summary>The sides, counter-clockwise: bottom, right, top, left.</summary>
    public override IReadOnlyList<BoundaryPiece> Boundary => boundary;

    /// <inheritdoc />
    public override bool Contains(double x, double y) => Bounds.Contains(x, y);

    /// <inheritdoc />
    public override bool ContainsInterior(double x, double y) => x > Bounds.XMin && x < Bounds.XMax && y > Bounds.YMin && y < Bounds.YMax;

    /// <inheritdoc />
    public override string ToString() => $"Rectangle{Bounds}";
}

/// <summary>A disk of radius R around (Cx, Cy); its circle can carry a part name.</summary>
public sealed class Disk : Region2D
{
    private readonly BoundaryPiece[] boundary;

    /// <summary>Creates the disk.</summary>
    /// <param name="cx">Centre x.</param>
    /// <param name="cy">Centre y.</param>
    /// <param name="radius">Radius, positive.</param>
    /// <param name="name">Part name of the circle, or null.</param>
    /// <exception cref="ArgumentException">A non-finite centre, or a radius that is not a positive number.</exception>
    public Disk(double cx, double cy, double radius, string? name = null)
    {
        if (!double.IsFinite(cx) || !double.IsFinite(cy)) throw new ArgumentException($"a disk needs a finite centre (got ({cx}, {cy}))", nameof(cx));
        if (!double.IsFinite(radius) || !(radius > 0)) throw new ArgumentException($"a disk needs a positive finite radius (got {radius})", nameof(radius));
        Cx = cx;
        Cy = cy;
        Radius = radius;
        boundary = [CircularArc.Circle(cx, cy, radius, clockwise: false, name)];
    }

    /// <summary>Centre x.</summary>
    public double Cx { get; }

    /// <summary>Centre y.</summary>
    public double Cy { get; }

    /// <summary>Radius.</summary>
    public double Radius { get; }

    /// <inheritdoc />
    public override BoundingBox2D Bounds => new(Cx - Radius, Cx + Radius, Cy - Radius, Cy + Radius);

    /// <summary>The circle, counter-clockwise.</summary>
    public override IReadOnlyList<BoundaryPiece> Boundary => boundary;

    /// <inheritdoc />
    public override bool Contains(double x, double y) => (x - Cx) * (x - Cx) + (y - Cy) * (y - Cy) <= Radius * Radius;

    /// <inheritdoc />
    public override bool ContainsInterior(double x, double y) => (x - Cx) * (x - Cx) + (y - Cy) * (y - Cy) < Radius * Radius;

    /// <inheritdoc />
    public override string ToString() => $"Disk(({Cx}, {Cy}), {Radius})";
}
