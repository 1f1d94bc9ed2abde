namespace PdeKit.Geometry;

/// <summary>
/// A circular boundary piece: the points (Cx + R cos a, Cy + R sin a) for a from <see cref="StartAngle"/> to
/// Start + <see cref="Sweep"/>. A positive sweep runs counter-clockwise (the normal points away from the
/// centre: the disk is on the left); a negative sweep runs clockwise (the normal points to the centre:
/// the region lies outside the circle, as around a hole). A sweep of +-2 pi is the full circle.
/// </summary>
public sealed class CircularArc : BoundaryPiece
{
    private const double FullTolerance = 1e-12;

    /// <summary>Creates the arc.</summary>
    /// <param name="cx">Centre x.</param>
    /// <param name="cy">Centre y.</param>
    /// <param name="radius">Radius, positive.</param>
    /// <param name="start">Start angle in radians.</param>
    /// <param name="sweep">Signed angle swept, 0 &lt; |sweep| &lt;= 2 pi.</param>
    /// <param name="name">Part name, or null.</param>
    /// <exception cref="ArgumentException">A non-finite value, a radius that is not positive, or a sweep outside 0 &lt; |sweep| &lt;= 2 pi.</exception>
    public CircularArc(double cx, double cy, double radius, double start, double sweep, string? name = null) : base(name)
    {
        Cx = Finite(cx, nameof(cx));
        Cy = Finite(cy, nameof(cy));
        Radius = Finite(radius, nameof(radius));
        if (!(radius > 0)) throw new ArgumentException($"an arc needs a positive radius (got {radius})", nameof(radius));
        StartAngle = Finite(start, nameof(start));
        Sweep = Finite(sweep, nameof(sweep));
        if (sweep == 0 || Math.Abs(sweep) > 2 * Math.PI * (1 + FullTolerance))
            throw new ArgumentException($"an arc's sweep must satisfy 0 < |sweep| <= 2 pi (got {sweep})", nameof(sweep));
        if (Math.Abs(Math.Abs(sweep) - 2 * Math.PI) <= 2 * Math.PI * FullTolerance) Sweep = Math.CopySign(2 * Math.PI, sweep);
    }

    /// <summary>A full circle, counter-clockwise (the disk on the left) or clockwise (a hole).</summary>
    public static CircularArc Circle(double cx, double cy, double radius, bool clockwise = false, string? name = null) =>
        new(cx, cy, radius, 0, clockwise ? -2 * Math.PI : 2 * Math.PI, name);

    /// <summary>Centre x.</summary>
    public double Cx { get; }

    /// <summary>Centre y.</summary>
    public double Cy { get; }

    /// <summary>Radius.</summary>
    public double Radius { get; }

    /// <summary>Start angle (radians).</summary>
    public double StartAngle { get; }

    /// <summary>Signed swept angle (radians): positive counter-clockwise.</summary>
    public double Sweep { get; }

    /// <summary>True when the arc is the whole circle.</summary>
    public bool IsFullCircle => Math.Abs(Sweep) == 2 * Math.PI;

    /// <inheritdoc />
    public override double Length => Radius * Math.Abs(Sweep);

    /// <inheritdoc />
    public override BoundingBox2D Bounds
    {
        get
        {
            var (x0, y0) = PointAt(0);
            var (x1, y1) = PointAt(1);
            var box = new BoundingBox2D(Math.Min(x0, x1), Math.Max(x0, x1), Math.Min(y0, y1), Math.Max(y0, y1));
            for (int k = 0; k < 4; k++)
            {
                double a = k * Math.PI / 2;
                double s = ParameterOf(Cx + Math.Cos(a), Cy + Math.Sin(a));
                if (IsFullCircle || (s >= 0 && s <= 1)) box = box.Include(Cx + Radius * Math.Cos(a), Cy + Radius * Math.Sin(a));
            }
            return box;
        }
    }

    /// <inheritdoc />
    public override (double X, double Y) PointAt(double s)
    {
        double a = StartAngle + s * Sweep;
        return (Cx + Radius * Math.Cos(a), Cy + Radius * Math.Sin(a));
    }

    /// <inheritdoc />
    public override (double X, double Y) NormalAt(double s)
    {
        double a = StartAngle + s * Sweep, sign = Math.Sign(Sweep);
        return (sign * Math.Cos(a), sign * Math.Sin(a));
    }

    /// <inheritdoc />
    public override BoundaryPiece Reversed() => new CircularArc(Cx, Cy, Radius, StartAngle + Sweep, -Sweep, Name);

    /// <inheritdoc />
    public override BoundaryPiece Slice(double s0, double s1)
    {
        CheckSlice(s0, s1);
        return new CircularArc(Cx, Cy, Radius, StartAngle + s0 * Sweep, (s1 - s0) * Sweep, Name);
    }

    /// <inheritdoc />
    public override BoundaryPiece WithName(string? name) => new CircularArc(Cx, Cy, Radius, StartAngle, Sweep, name);

    /// <inheritdoc />
    public override double DistanceTo(double x, double y)
    {
        double s = ParameterOf(x, y);
        if (IsFullCircle || (s >= 0 && s <= 1)) return Math.Abs(Math.Sqrt((x - Cx) * (x - Cx) + (y - Cy) * (y - Cy)) - Radius);
        var (ax, ay) = PointAt(0);
        var (bx, by) = PointAt(1);
        return Math.Min(Math.Sqrt((x - ax) * (x - ax) + (y - ay) * (y - ay)), Math.Sqrt((x - bx) * (x - bx) + (y - by) * (y - by)));
    }

    internal override double GreenIntegral()
    {
        double a0 = StartAngle, a1 = StartAngle + Sweep;
        return Radius * Radius * Sweep + Radius * (Cx * (Math.Sin(a1) - Math.Sin(a0)) - Cy * (Math.Cos(a1) - Math.Cos(a0)));
    }

    internal override double ParameterOf(double x, double y)
    {
        double angle = Math.Atan2(y - Cy, x - Cx);
        double sweep = Math.Abs(Sweep);
        double rel = Math.Sign(Sweep) * (angle - StartAngle) % (2 * Math.PI);
        if (rel < 0) rel += 2 * Math.PI;
        if (rel > sweep && 2 * Math.PI - rel < rel - sweep) rel -= 2 * Math.PI;
        return rel / sweep;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"arc centre ({Cx}, {Cy}) radius {Radius} from {StartAngle} sweeping {Sweep}{(Name is null ? "" : $" '{Name}'")}";
}
