namespace PdeKit.Geometry;

/// <summary>An axis-aligned box [XMin, XMax] x [YMin, YMax] in the plane.</summary>
/// <param name="XMin">Smallest x.</param>
/// <param name="XMax">Largest x.</param>
/// <param name="YMin">Smallest y.</param>
/// <param name="YMax">Largest y.</param>
public readonly record struct BoundingBox2D(double XMin, double XMax, double YMin, double YMax)
{
    /// <summary>XMax - XMin.</summary>
    public double Width => XMax - XMin;

    /// <summary>YMax - YMin.</summary>
    public double Height => YMax - YMin;

    /// <summary>Width times height.</summary>
    public double Area => Width * Height;

    /// <summary>The larger of width and height: the length scale tolerances are relative to.</summary>
    public double Scale => Math.Max(Width, Height);

    /// <summary>True when the point lies in the closed box.</summary>
    public bool Contains(double x, double y) => x >= XMin && x <= XMax && y >= YMin && y <= YMax;

    /// <summary>The smallest box holding both boxes.</summary>
    public BoundingBox2D Hull(BoundingBox2D other) =>
        new(Math.Min(XMin, other.XMin), Math.Max(XMax, other.XMax), Math.Min(YMin, other.YMin), Math.Max(YMax, other.YMax));

    /// <summary>The smallest box holding this box and the point.</summary>
    public BoundingBox2D Include(double x, double y) =>
        new(Math.Min(XMin, x), Math.Max(XMax, x), Math.Min(YMin, y), Math.Max(YMax, y));

    /// <inheritdoc />
    public override string ToString() => $"[{XMin}, {XMax}] x [{YMin}, {YMax}]";
}
