using PdeKit.Geometry;

namespace PdeKit.Tests.Geometry;

/// <summary>The shapes the geometry tests share.</summary>
internal static class Shapes
{
    /// <summary>[-1, 1]^2 minus the quadrant [0, 1]^2: area 3, perimeter 8, re-entrant corner at the origin.</summary>
    public static Region2D LShape() =>
        new Rectangle((-1, 1), (-1, 1), bottom: "bottom", right: "right", top: "top", left: "left")
        - new Rectangle((0, 2), (0, 2), bottom: "notch", left: "notch");

    /// <summary>The same L-shape as a polygon, clockwise on purpose, with every edge named.</summary>
    public static Polygon LPolygon() => new(
        [(-1, -1), (-1, 1), (0, 1), (0, 0), (1, 0), (1, -1)],
        ["left", "top", "notch_x0", "notch_y0", "right", "bottom"]);

    /// <summary>[0, 2] x [0, 1] minus disks of radius 0.2 at (0.5, 0.5) and 0.3 at (1.4, 0.5).</summary>
    public static Region2D Plate() =>
        new Rectangle((0, 2), (0, 1), bottom: "outer", right: "outer", top: "outer", left: "outer")
        - new Disk(0.5, 0.5, 0.2, "hole_a")
        - new Disk(1.4, 0.5, 0.3, "hole_b");

    public static double PlateArea => 2 - Math.PI * (0.04 + 0.09);

    public static Disk UnitDisk() => new(0.5, -0.25, 1.5, "circle");

    /// <summary>The corners (vertices) of a region's boundary pieces.</summary>
    public static (double X, double Y)[] Vertices(Region2D r) =>
        r.Boundary.Where(p => p is not CircularArc { IsFullCircle: true }).SelectMany(p => new[] { p.Start, p.End }).Distinct().ToArray();

    /// <summary>Distance from (x, y) to the nearest vertex (infinity when there is none).</summary>
    public static double ToNearestVertex(Region2D r, double x, double y) =>
        Vertices(r).Select(v => Math.Sqrt((v.X - x) * (v.X - x) + (v.Y - y) * (v.Y - y))).DefaultIfEmpty(double.PositiveInfinity).Min();
}
