using static TorchSharp.torch;

namespace PdeKit.Geometry;

/// <summary>A sphere of radius R around (Cx, Cy, Cz); the normal points away from the centre (Outward) or toward it (a cavity's wall).</summary>
public sealed class SphereSurface : Surface
{
    /// <summary>Creates the sphere.</summary>
    /// <param name="cx">Centre x.</param>
    /// <param name="cy">Centre y.</param>
    /// <param name="cz">Centre z.</param>
    /// <param name="radius">Radius, positive.</param>
    /// <param name="outward">True: the normal points away from the centre.</param>
    /// <param name="name">Part name, or null.</param>
    /// <exception cref="ArgumentException">A non-finite centre or a radius that is not a positive number.</exception>
    public SphereSurface(double cx, double cy, double cz, double radius, bool outward = true, string? name = null) : base(name)
    {
        Cx = Finite(cx, nameof(cx));
        Cy = Finite(cy, nameof(cy));
        Cz = Finite(cz, nameof(cz));
        if (!double.IsFinite(radius) || !(radius > 0)) throw new ArgumentException($"a sphere needs a positive finite radius (got {radius})", nameof(radius));
        Radius = radius;
        Outward = outward;
    }

    /// <summary>Centre x.</summary>
    public double Cx { get; }

    /// <summary>Centre y.</summary>
    public double Cy { get; }

    /// <summary>Centre z.</summary>
    public double Cz { get; }

    /// <summary>Radius.</summary>
    public double Radius { get; }

    /// <summary>True when the normal points away from the centre.</summary>
    public bool Outward { get; }

    /// <inheritdoc />
    public override double Area => 4 * Math.PI * Radius * Radius;

    /// <inheritdoc />
    public override BoundingBox3D Bounds => new(Cx - Radius, Cx + Radius, Cy - Radius, Cy + Radius, Cz - Radius, Cz + Radius);

    /// <summary>Archimedes' map: the height 1 - 2u and the angle 2 pi v, uniform by area.</summary>
    public override (double X, double Y, double Z) PointAt(double u, double v)
    {
        double h = 1 - 2 * u, s = Math.Sqrt(Math.Max(0, 1 - h * h)), angle = 2 * Math.PI * v;
        return (Cx + Radius * s * Math.Cos(angle), Cy + Radius * s * Math.Sin(angle), Cz + Radius * h);
    }

    /// <inheritdoc />
    public override (double X, double Y, double Z) NormalAt(double x, double y, double z)
    {
        double dx = x - Cx, dy = y - Cy, dz = z - Cz, r = Math.Sqrt(dx * dx + dy * dy + dz * dz), s = (Outward ? 1 : -1) / r;
        return (s * dx, s * dy, s * dz);
    }

    /// <inheritdoc />
    public override Surface Flipped() => new SphereSurface(Cx, Cy, Cz, Radius, !Outward, Name);

    /// <inheritdoc />
    public override Surface WithName(string? name) => new SphereSurface(Cx, Cy, Cz, Radius, Outward, name);

    internal override double PositionFlux => (Outward ? 1 : -1) * Radius * Area;

    internal override Tensor SignedDistance(Tensor x, Tensor y, Tensor z)
    {
        var f = (Radius * Radius - (x - Cx).square() - (y - Cy).square() - (z - Cz).square()) / (2 * Radius);
        return Outward ? f : -f;
    }

    internal override Tensor? Trimming(Tensor x, Tensor y, Tensor z) => null;

    /// <inheritdoc />
    public override string ToString() => $"sphere ({Cx}, {Cy}, {Cz}), radius {Radius}{(Outward ? "" : ", inward")}{(Name is null ? "" : $" '{Name}'")}";
}

/// <summary>The side of a finite cylinder with an axis parallel to <see cref="Axis"/> through (Ca, Cb) in the other two axes, from Min to Max along it.</summary>
public sealed class CylinderSurface : Surface
{
    /// <summary>Creates the cylinder side.</summary>
    /// <param name="axis">The axis the cylinder is parallel to.</param>
    /// <param name="ca">Axis position along the first other axis (x before y before z).</param>
    /// <param name="cb">Axis position along the second other axis.</param>
    /// <param name="radius">Radius, positive.</param>
    /// <param name="extent">Extent along the axis (Min &lt; Max).</param>
    /// <param name="outward">True: the normal points away from the axis.</param>
    /// <param name="name">Part name, or null.</param>
    /// <exception cref="ArgumentException">A non-finite value, a radius that is not positive or an empty extent.</exception>
    public CylinderSurface(Axis3D axis, double ca, double cb, double radius, (double Min, double Max) extent, bool outward = true, string? name = null) : base(name)
    {
        Axis = axis;
        Ca = Finite(ca, nameof(ca));
        Cb = Finite(cb, nameof(cb));
        if (!double.IsFinite(radius) || !(radius > 0)) throw new ArgumentException($"a cylinder needs a positive finite radius (got {radius})", nameof(radius));
        Radius = radius;
        Extent = (Finite(extent.Min, "extent.Min"), Finite(extent.Max, "extent.Max"));
        if (!(extent.Max > extent.Min)) throw new ArgumentException($"a cylinder needs extent Min < Max (got [{extent.Min}, {extent.Max}])", nameof(extent));
        Outward = outward;
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

    /// <summary>True when the normal points away from the axis.</summary>
    public bool Outward { get; }

    /// <inheritdoc />
    public override double Area => 2 * Math.PI * Radius * (Extent.Max - Extent.Min);

    /// <inheritdoc />
    public override BoundingBox3D Bounds
    {
        get
        {
            var (x0, y0, z0) = Assemble(Axis, Extent.Min, Ca - Radius, Cb - Radius);
            var (x1, y1, z1) = Assemble(Axis, Extent.Max, Ca + Radius, Cb + Radius);
            return new BoundingBox3D(x0, x1, y0, y1, z0, z1);
        }
    }

    /// <summary>The angle 2 pi u around the axis and the height v along it, uniform by area.</summary>
    public override (double X, double Y, double Z) PointAt(double u, double v)
    {
        double angle = 2 * Math.PI * u;
        return Assemble(Axis, Extent.Min + v * (Extent.Max - Extent.Min), Ca + Radius * Math.Cos(angle), Cb + Radius * Math.Sin(angle));
    }

    /// <inheritdoc />
    public override (double X, double Y, double Z) NormalAt(double x, double y, double z)
    {
        var (ea, eb) = Others(Axis);
        double da = Pick(ea, x, y, z) - Ca, db = Pick(eb, x, y, z) - Cb, r = Math.Sqrt(da * da + db * db), s = (Outward ? 1 : -1) / r;
        return Assemble(Axis, 0, s * da, s * db);
    }

    /// <inheritdoc />
    public override Surface Flipped() => new CylinderSurface(Axis, Ca, Cb, Radius, Extent, !Outward, Name);

    /// <inheritdoc />
    public override Surface WithName(string? name) => new CylinderSurface(Axis, Ca, Cb, Radius, Extent, Outward, name);

    internal override double PositionFlux => (Outward ? 1 : -1) * Radius * Area;

    internal override Tensor SignedDistance(Tensor x, Tensor y, Tensor z)
    {
        var (ea, eb) = Others(Axis);
        var f = (Radius * Radius - (Pick(ea, x, y, z) - Ca).square() - (Pick(eb, x, y, z) - Cb).square()) / (2 * Radius);
        return Outward ? f : -f;
    }

    internal override Tensor? Trimming(Tensor x, Tensor y, Tensor z)
    {
        var w = Pick(Axis, x, y, z);
        return Conjunction(w - Extent.Min, Extent.Max - w);
    }

    /// <inheritdoc />
    public override string ToString() => $"cylinder side along {Axis} at ({Ca}, {Cb}), radius {Radius}, [{Extent.Min}, {Extent.Max}]{(Outward ? "" : ", inward")}{(Name is null ? "" : $" '{Name}'")}";
}
