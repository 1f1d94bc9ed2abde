using static TorchSharp.torch;

namespace PdeKit.Geometry;

/// <summary>An axis-aligned box (cuboid) [XMin, XMax] x [YMin, YMax] x [ZMin, ZMax]; each face can carry a part name.</summary>
public sealed class Box : Region3D
{
    private readonly SurfacePatch[] boundary;

    /// <summary>Creates the box.</summary>
    /// <param name="x">The x interval (Min &lt; Max).</param>
    /// <param name="y">The y interval (Min &lt; Max).</param>
    /// <param name="z">The z interval (Min &lt; Max).</param>
    /// <param name="xMin">Part name of the face x = XMin; null: <paramref name="faces"/>.</param>
    /// <param name="xMax">Part name of the face x = XMax; null: <paramref name="faces"/>.</param>
    /// <param name="yMin">Part name of the face y = YMin; null: <paramref name="faces"/>.</param>
    /// <param name="yMax">Part name of the face y = YMax; null: <paramref name="faces"/>.</param>
    /// <param name="zMin">Part name of the face z = ZMin; null: <paramref name="faces"/>.</param>
    /// <param name="zMax">Part name of the face z = ZMax; null: <paramref name="faces"/>.</param>
    /// <param name="faces">Part name of the faces not named otherwise, or null.</param>
    /// <exception cref="ArgumentException">A non-finite bound or an empty interval (a degenerate box).</exception>
    public Box((double Min, double Max) x, (double Min, double Max) y, (double Min, double Max) z,
        string? xMin = null, string? xMax = null, string? yMin = null, string? yMax = null, string? zMin = null, string? zMax = null, string? faces = null)
    {
        foreach (var (v, name) in new[] { (x.Min, "x.Min"), (x.Max, "x.Max"), (y.Min, "y.Min"), (y.Max, "y.Max"), (z.Min, "z.Min"), (z.Max, "z.Max") })
            if (!double.IsFinite(v)) throw new ArgumentException($"box bound {name} must be a finite number (got {v})", nameof(x));
        if (!(x.Max > x.Min) || !(y.Max > y.Min) || !(z.Max > z.Min))
            throw new ArgumentException($"a box needs Min < Max on every axis (got x [{x.Min}, {x.Max}], y [{y.Min}, {y.Max}], z [{z.Min}, {z.Max}]): it would have zero volume", nameof(x));
        Bounds = new BoundingBox3D(x.Min, x.Max, y.Min, y.Max, z.Min, z.Max);
        boundary =
        [
            new(new PlaneRectangle(Axis3D.X, x.Min, -1, y, z, xMin ?? faces)),
            new(new PlaneRectangle(Axis3D.X, x.Max, 1, y, z, xMax ?? faces)),
            new(new PlaneRectangle(Axis3D.Y, y.Min, -1, x, z, yMin ?? faces)),
            new(new PlaneRectangle(Axis3D.Y, y.Max, 1, x, z, yMax ?? faces)),
            new(new PlaneRectangle(Axis3D.Z, z.Min, -1, x, y, zMin ?? faces)),
            new(new PlaneRectangle(Axis3D.Z, z.Max, 1, x, y, zMax ?? faces)),
        ];
    }

    /// <summary>The unit cube [0, 1]^3 with faces named xmin, xmax, ymin, ymax, zmin, zmax.</summary>
    public static Box UnitCubeNamed() => new((0, 1), (0, 1), (0, 1), "xmin", "xmax", "ymin", "ymax", "zmin", "zmax");

    /// <inheritdoc />
    public override BoundingBox3D Bounds { get; }

    /// <summary>The faces: x = XMin, x = XMax, y = YMin, y = YMax, z = ZMin, z = ZMax.</summary>
    public override IReadOnlyList<SurfacePatch> Boundary => boundary;

    /// <summary>Exact: width times height times depth.</summary>
    public override double Volume => Bounds.Volume;

    /// <inheritdoc />
    public override bool Contains(double x, double y, double z) => Bounds.Contains(x, y, z);

    /// <inheritdoc />
    public override bool ContainsInterior(double x, double y, double z) =>
        x > Bounds.XMin && x < Bounds.XMax && y > Bounds.YMin && y < Bounds.YMax && z > Bounds.ZMin && z < Bounds.ZMax;

    /// <summary>R0 conjunction of the six half-space distances.</summary>
    public override Tensor Implicit(Tensor x, Tensor y, Tensor z)
    {
        var b = Bounds;
        var sx = Surface.Conjunction(x - b.XMin, b.XMax - x);
        var sy = Surface.Conjunction(y - b.YMin, b.YMax - y);
        var sz = Surface.Conjunction(z - b.ZMin, b.ZMax - z);
        return Surface.Conjunction(Surface.Conjunction(sx, sy), sz);
    }

    /// <inheritdoc />
    public override string ToString() => $"Box{Bounds}";
}

/// <summary>A ball of radius R around (Cx, Cy, Cz); its sphere can carry a part name.</summary>
public sealed class Ball : Region3D
{
    private readonly SurfacePatch[] boundary;

    /// <summary>Creates the ball.</summary>
    /// <param name="cx">Centre x.</param>
    /// <param name="cy">Centre y.</param>
    /// <param name="cz">Centre z.</param>
    /// <param name="radius">Radius, positive.</param>
    /// <param name="name">Part name of the sphere, or null.</param>
    /// <exception cref="ArgumentException">A non-finite centre, or a radius that is not a positive number.</exception>
    public Ball(double cx, double cy, double cz, double radius, string? name = null)
    {
        if (!double.IsFinite(cx) || !double.IsFinite(cy) || !double.IsFinite(cz))
            throw new ArgumentException($"a ball needs a finite centre (got ({cx}, {cy}, {cz}))", nameof(cx));
        if (!double.IsFinite(radius) || !(radius > 0)) throw new ArgumentException($"a ball needs a positive finite radius (got {radius})", nameof(radius));
        (Cx, Cy, Cz, Radius) = (cx, cy, cz, radius);
        boundary = [new(new SphereSurface(cx, cy, cz, radius, true, name))];
    }

    /// <summary>Centre x.</summary>
    public double Cx { get; }

    /// <summary>Centre y.</summary>
    public double Cy { get; }

    /// <summary>Centre z.</summary>
    public double Cz { get; }

    /// <summary>Radius.</summary>
    public double Radius { get; }

    /// <inheritdoc />
    public override BoundingBox3D Bounds => new(Cx - Radius, Cx + Radius, Cy - Radius, Cy + Radius, Cz - Radius, Cz + Radius);

    /// <summary>The sphere, normal outward.</summary>
    public override IReadOnlyList<SurfacePatch> Boundary => boundary;

    /// <summary>Exact: 4/3 pi R^3.</summary>
    public override double Volume => 4.0 / 3 * Math.PI * Radius * Radius * Radius;

    private double Distance2(double x, double y, double z) => (x - Cx) * (x - Cx) + (y - Cy) * (y - Cy) + (z - Cz) * (z - Cz);

    /// <inheritdoc />
    public override bool Contains(double x, double y, double z) => Distance2(x, y, z) <= Radius * Radius;

    /// <inheritdoc />
    public override bool ContainsInterior(double x, double y, double z) => Distance2(x, y, z) < Radius * Radius;

    /// <summary>(R^2 - |x - c|^2) / (2 R).</summary>
    public override Tensor Implicit(Tensor x, Tensor y, Tensor z) =>
        (Radius * Radius - (x - Cx).square() - (y - Cy).square() - (z - Cz).square()) / (2 * Radius);

    /// <inheritdoc />
    public override string ToString() => $"Ball(({Cx}, {Cy}, {Cz}), {Radius})";
}

/// <summary>A finite circular cylinder parallel to a coordinate axis; its side and its two end caps can carry part names.</summary>
public sealed class Cylinder : Region3D
{
    private readonly SurfacePatch[] boundary;

    /// <summary>Creates the cylinder.</summary>
    /// <param name="axis">The axis it is parallel to.</param>
    /// <param name="ca">Axis position along the first other axis (x before y before z; for a z cylinder: x).</param>
    /// <param name="cb">Axis position along the second other axis (for a z cylinder: y).</param>
    /// <param name="radius">Radius, positive.</param>
    /// <param name="extent">Extent along the axis (Min &lt; Max).</param>
    /// <param name="side">Part name of the side, or null.</param>
    /// <param name="bottom">Part name of the cap at extent.Min, or null.</param>
    /// <param name="top">Part name of the cap at extent.Max, or null.</param>
    /// <exception cref="ArgumentException">A non-finite value, a radius that is not positive, or an empty extent.</exception>
    public Cylinder(Axis3D axis, double ca, double cb, double radius, (double Min, double Max) extent, string? side = null, string? bottom = null, string? top = null)
    {
        var lateral = new CylinderSurface(axis, ca, cb, radius, extent, true, side);
        (Axis, Ca, Cb, Radius, Extent) = (axis, ca, cb, radius, extent);
        boundary =
        [
            new(lateral),
            new(new PlaneDisk(axis, extent.Min, -1, ca, cb, radius, bottom)),
            new(new PlaneDisk(axis, extent.Max, 1, ca, cb, radius, top)),
        ];
        Bounds = lateral.Bounds;
    }

    /// <summary>The axis the cylinder is parallel to.</summary>
    public Axis3D Axis { get; }

    /// <summary>Axis position along the first other axis.</summary>
    public double Ca { get; }

    /// <summary>Axis position along the second other axis.</summary>
    public double Cb { get; }

    /// <summary>Radius.</summary>
    public double Radius { get; }

    /// <summary>Extent along the axis.</summary>
    public (double Min, double Max) Extent { get; }

    /// <inheritdoc />
    public override BoundingBox3D Bounds { get; }

    /// <summary>The side, the cap at extent.Min, the cap at extent.Max.</summary>
    public override IReadOnlyList<SurfacePatch> Boundary => boundary;

    /// <summary>Exact: pi R^2 times the length.</summary>
    public override double Volume => Math.PI * Radius * Radius * (Extent.Max - Extent.Min);

    private (double Rho2, double W) Local(double x, double y, double z)
    {
        var (ea, eb) = Surface.Others(Axis);
        double da = Surface.Pick(ea, x, y, z) - Ca, db = Surface.Pick(eb, x, y, z) - Cb;
        return (da * da + db * db, Surface.Pick(Axis, x, y, z));
    }

    /// <inheritdoc />
    public override bool Contains(double x, double y, double z)
    {
        var (rho2, w) = Local(x, y, z);
        return rho2 <= Radius * Radius && w >= Extent.Min && w <= Extent.Max;
    }

    /// <inheritdoc />
    public override bool ContainsInterior(double x, double y, double z)
    {
        var (rho2, w) = Local(x, y, z);
        return rho2 < Radius * Radius && w > Extent.Min && w < Extent.Max;
    }

    /// <summary>R0 conjunction of (R^2 - rho^2) / (2 R) and the two half-space distances along the axis.</summary>
    public override Tensor Implicit(Tensor x, Tensor y, Tensor z)
    {
        var (ea, eb) = Surface.Others(Axis);
        var radial = (Radius * Radius - (Surface.Pick(ea, x, y, z) - Ca).square() - (Surface.Pick(eb, x, y, z) - Cb).square()) / (2 * Radius);
        var w = Surface.Pick(Axis, x, y, z);
        return Surface.Conjunction(radial, Surface.Conjunction(w - Extent.Min, Extent.Max - w));
    }

    /// <inheritdoc />
    public override string ToString() => $"Cylinder({Axis} axis at ({Ca}, {Cb}), radius {Radius}, [{Extent.Min}, {Extent.Max}])";
}
