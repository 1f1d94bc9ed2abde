namespace PdeKit.Geometry;

/// <summary>A coordinate axis of space, for axis-aligned 3D shapes (a cylinder's axis, a box face's normal).</summary>
public enum Axis3D
{
    /// <summary>The x axis.</summary>
    X,

    /// <summary>The y axis.</summary>
    Y,

    /// <summary>The z axis.</summary>
    Z,
}

/// <summary>An axis-aligned box [XMin, XMax] x [YMin, YMax] x [ZMin, ZMax] in space.</summary>
/// <param name="XMin">Smallest x.</param>
/// <param name="XMax">Largest x.</param>
/// <param name="YMin">Smallest y.</param>
/// <param name="YMax">Largest y.</param>
/// <param name="ZMin">Smallest z.</param>
/// <param name="ZMax">Largest z.</param>
public readonly record struct BoundingBox3D(double XMin, double XMax, double YMin, double YMax, double ZMin, double ZMax)
{
    /// <summary>XMax - XMin.</summary>
    public double Width => XMax - XMin;

    /// <summary>YMax - YMin.</summary>
    public double Height => YMax - YMin;

    /// <summary>ZMax - ZMin.</summary>
    public double Depth => ZMax - ZMin;

    /// <summary>Width times height times depth.</summary>
    public double Volume => Width * Height * Depth;

    /// <summary>The largest side: the length scale tolerances are relative to.</summary>
    public double Scale => Math.Max(Width, Math.Max(Height, Depth));

    /// <summary>True when the point lies in the closed box.</summary>
    public bool Contains(double x, double y, double z) => x >= XMin && x <= XMax && y >= YMin && y <= YMax && z >= ZMin && z <= ZMax;

    /// <summary>True when the closed boxes, each grown by <paramref name="tolerance"/>, share a point.</summary>
    public bool Overlaps(BoundingBox3D other, double tolerance) =>
        XMin <= other.XMax + tolerance && other.XMin <= XMax + tolerance
        && YMin <= other.YMax + tolerance && other.YMin <= YMax + tolerance
        && ZMin <= other.ZMax + tolerance && other.ZMin <= ZMax + tolerance;

    /// <summary>The smallest box holding both boxes.</summary>
    public BoundingBox3D Hull(BoundingBox3D other) =>
        new(Math.Min(XMin, other.XMin), Math.Max(XMax, other.XMax), Math.Min(YMin, other.YMin), Math.Max(YMax, other.YMax),
            Math.Min(ZMin, other.ZMin), Math.Max(ZMax, other.ZMax));

    /// <summary>The interval of the box along <paramref name="axis"/>.</summary>
    public (double Min, double Max) Along(Axis3D axis) => axis switch
    {
        Axis3D.X => (XMin, XMax),
        Axis3D.Y => (YMin, YMax),
        _ => (ZMin, ZMax),
    };

    /// <inheritdoc />
    public override string ToString() => $"[{XMin}, {XMax}] x [{YMin}, {YMax}] x [{ZMin}, {ZMax}]";
}
