using static TorchSharp.torch;

namespace PdeKit.Geometry;

/// <summary>
/// A primitive surface of a 3D region's boundary (an axis-aligned rectangle, a disk, a sphere, the side
/// of an axis-aligned cylinder) with a unit normal that points out of the region. It is parametrised by
/// (u, v) in [0, 1]^2 so that uniform (u, v) is uniform by area, and carries what distance functions need:
/// the signed distance to its supporting plane, sphere or cylinder (first-order normalised) and a trimming
/// function that is non-negative exactly on the surface.
/// </summary>
public abstract class Surface
{
    /// <summary>Sets the part name.</summary>
    /// <exception cref="ArgumentException">The name is empty or white space.</exception>
    private protected Surface(string? name)
    {
        if (name is not null && string.IsNullOrWhiteSpace(name))
            throw new ArgumentException("a boundary part name must not be empty; pass null for an unnamed surface", nameof(name));
        Name = name;
    }

    /// <summary>Name of the boundary part this surface belongs to (e.g. "inlet"), or null.</summary>
    public string? Name { get; }

    /// <summary>Area of the surface (exact).</summary>
    public abstract double Area { get; }

    /// <summary>The smallest axis-aligned box holding the surface.</summary>
    public abstract BoundingBox3D Bounds { get; }

    /// <summary>The point at parameters (u, v) in [0, 1]^2; uniform (u, v) gives points uniform by area.</summary>
    public abstract (double X, double Y, double Z) PointAt(double u, double v);

    /// <summary>The oriented unit normal at a point of the surface (for a region's boundary: outward).</summary>
    public abstract (double X, double Y, double Z) NormalAt(double x, double y, double z);

    /// <summary>The same surface with the normal reversed.</summary>
    public abstract Surface Flipped();

    /// <summary>The same surface under another part name.</summary>
    public abstract Surface WithName(string? name);

    /// <summary>The flux of the position through the surface, the integral of x . n dA (exact); a third of the sum over a closed boundary is the enclosed volume.</summary>
    internal abstract double PositionFlux { get; }

    /// <summary>Signed distance to the supporting plane, sphere or cylinder, positive on the side the normal points away from; first-order normalised.</summary>
    internal abstract Tensor SignedDistance(Tensor x, Tensor y, Tensor z);

    /// <summary>A function non-negative exactly where the surface lies on its supporting plane, sphere or cylinder; null when the surface is all of it (a sphere).</summary>
    internal abstract Tensor? Trimming(Tensor x, Tensor y, Tensor z);

    /// <summary>Throws unless the value is a finite number.</summary>
    internal static double Finite(double v, string name) =>
        double.IsFinite(v) ? v : throw new ArgumentException($"{name} must be a finite number (got {v})", name);

    /// <summary>The two axes other than <paramref name="axis"/>, in increasing order.</summary>
    internal static (Axis3D A, Axis3D B) Others(Axis3D axis) => axis switch
    {
        Axis3D.X => (Axis3D.Y, Axis3D.Z),
        Axis3D.Y => (Axis3D.X, Axis3D.Z),
        _ => (Axis3D.X, Axis3D.Y),
    };

    /// <summary>The coordinate of (x, y, z) along <paramref name="axis"/>.</summary>
    internal static T Pick<T>(Axis3D axis, T x, T y, T z) => axis switch { Axis3D.X => x, Axis3D.Y => y, _ => z };

    /// <summary>The point with coordinate <paramref name="w"/> along <paramref name="axis"/> and a, b along the other two axes.</summary>
    internal static (double X, double Y, double Z) Assemble(Axis3D axis, double w, double a, double b) => axis switch
    {
        Axis3D.X => (w, a, b),
        Axis3D.Y => (a, w, b),
        _ => (a, b, w),
    };

    /// <summary>R-function conjunction (R0): a + b - sqrt(a^2 + b^2), non-negative exactly where both are.</summary>
    internal static Tensor Conjunction(Tensor a, Tensor b) => a + b - DistanceFunctions.GuardedSqrt(a.square() + b.square());

    /// <summary>R-function disjunction (R0): a + b + sqrt(a^2 + b^2), non-negative exactly where either is.</summary>
    internal static Tensor Disjunction(Tensor a, Tensor b) => a + b + DistanceFunctions.GuardedSqrt(a.square() + b.square());
}

/// <summary>An axis-aligned rectangle in a plane w = At normal to <see cref="NormalAxis"/>, normal pointing toward +axis (Side 1) or -axis (Side -1).</summary>
public sealed class PlaneRectangle : Surface
{
    /// <summary>Creates the rectangle.</summary>
    /// <param name="normalAxis">The axis the plane is normal to.</param>
    /// <param name="at">The plane's coordinate along that axis.</param>
    /// <param name="side">+1: the normal points toward +axis; -1: toward -axis.</param>
    /// <param name="a">Extent along the first other axis (x before y before z).</param>
    /// <param name="b">Extent along the second other axis.</param>
    /// <param name="name">Part name, or null.</param>
    /// <exception cref="ArgumentException">A non-finite value, an empty extent or a side other than +-1.</exception>
    public PlaneRectangle(Axis3D normalAxis, double at, int side, (double Min, double Max) a, (double Min, double Max) b, string? name = null) : base(name)
    {
        if (side != 1 && side != -1) throw new ArgumentException($"side must be +1 or -1 (got {side})", nameof(side));
        NormalAxis = normalAxis;
        At = Finite(at, nameof(at));
        Side = side;
        A = (Finite(a.Min, "a.Min"), Finite(a.Max, "a.Max"));
        B = (Finite(b.Min, "b.Min"), Finite(b.Max, "b.Max"));
        if (!(a.Max > a.Min) || !(b.Max > b.Min))
            throw new ArgumentException($"a plane rectangle needs non-empty extents (got [{a.Min}, {a.Max}] x [{b.Min}, {b.Max}])", nameof(a));
    }

    /// <summary>The axis the plane is normal to.</summary>
    public Axis3D NormalAxis { get; }

    /// <summary>The plane's coordinate.</summary>
    public double At { get; }

    /// <summary>Direction of the normal along the axis, +1 or -1.</summary>
    public int Side { get; }

    /// <summary>Extent along the first other axis.</summary>
    public (double Min, double Max) A { get; }

    /// <summary>Extent along the second other axis.</summary>
    public (double Min, double Max) B { get; }

    /// <inheritdoc />
    public override double Area => (A.Max - A.Min) * (B.Max - B.Min);

    /// <inheritdoc />
    public override BoundingBox3D Bounds
    {
        get
        {
            var (x0, y0, z0) = Assemble(NormalAxis, At, A.Min, B.Min);
            var (x1, y1, z1) = Assemble(NormalAxis, At, A.Max, B.Max);
            return new BoundingBox3D(x0, x1, y0, y1, z0, z1);
        }
    }

    /// <inheritdoc />
    public override (double X, double Y, double Z) PointAt(double u, double v) =>
        Assemble(NormalAxis, At, A.Min + u * (A.Max - A.Min), B.Min + v * (B.Max - B.Min));

    /// <inheritdoc />
    public override (double X, double Y, double Z) NormalAt(double x, double y, double z) => Assemble(NormalAxis, Side, 0, 0);

    /// <inheritdoc />
    public override Surface Flipped() => new PlaneRectangle(NormalAxis, At, -Side, A, B, Name);

    /// <inheritdoc />
    public override Surface WithName(string? name) => new PlaneRectangle(NormalAxis, At, Side, A, B, name);

    internal override double PositionFlux => Side * At * Area;

    internal override Tensor SignedDistance(Tensor x, Tensor y, Tensor z) => Side * (At - Pick(NormalAxis, x, y, z));

    internal override Tensor? Trimming(Tensor x, Tensor y, Tensor z)
    {
        var (ea, eb) = Others(NormalAxis);
        var a = Pick(ea, x, y, z);
        var b = Pick(eb, x, y, z);
        return Conjunction(Conjunction(a - A.Min, A.Max - a), Conjunction(b - B.Min, B.Max - b));
    }

    /// <inheritdoc />
    public override string ToString() => $"rectangle {NormalAxis} = {At} ({(Side > 0 ? "+" : "-")}), [{A.Min}, {A.Max}] x [{B.Min}, {B.Max}]{(Name is null ? "" : $" '{Name}'")}";
}

/// <summary>A disk of radius R in a plane w = At normal to <see cref="NormalAxis"/>, centred at (Ca, Cb) in the other two axes (a cylinder's end cap).</summary>
public sealed class PlaneDisk : Surface
{
    /// <summary>Creates the disk.</summary>
    /// <param name="normalAxis">The axis the plane is normal to.</param>
    /// <param name="at">The plane's coordinate along that axis.</param>
    /// <param name="side">+1: the normal points toward +axis; -1: toward -axis.</param>
    /// <param name="ca">Centre along the first other axis (x before y before z).</param>
    /// <param name="cb">Centre along the second other axis.</param>
    /// <param name="radius">Radius, positive.</param>
    /// <param name="name">Part name, or null.</param>
    /// <exception cref="ArgumentException">A non-finite value, a radius that is not positive or a side other than +-1.</exception>
    public PlaneDisk(Axis3D normalAxis, double at, int side, double ca, double cb, double radius, string? name = null) : base(name)
    {
        if (side != 1 && side != -1) throw new ArgumentException($"side must be +1 or -1 (got {side})", nameof(side));
        if (!double.IsFinite(radius) || !(radius > 0)) throw new ArgumentException($"a disk needs a positive finite radius (got {radius})", nameof(radius));
        NormalAxis = normalAxis;
        At = Finite(at, nameof(at));
        Side = side;
        Ca = Finite(ca, nameof(ca));
        Cb = Finite(cb, nameof(cb));
        Radius = radius;
    }

    /// <summary>The axis the plane is normal to.</summary>
    public Axis3D NormalAxis { get; }

    /// <summary>The plane's coordinate.</summary>
    public double At { get; }

    /// <summary>Direction of the normal along the axis, +1 or -1.</summary>
    public int Side { get; }

    /// <summary>Centre along the first other axis.</summary>
    public double Ca { get; }

    /// <summary>Centre along the second other axis.</summary>
    public double Cb { get; }

    /// <summary>Radius.</summary>
    public double Radius { get; }

    /// <inheritdoc />
    public override double Area => Math.PI * Radius * Radius;

    /// <inheritdoc />
    public override BoundingBox3D Bounds
    {
        get
        {
            var (x0, y0, z0) = Assemble(NormalAxis, At, Ca - Radius, Cb - Radius);
            var (x1, y1, z1) = Assemble(NormalAxis, At, Ca + Radius, Cb + Radius);
            return new BoundingBox3D(x0, x1, y0, y1, z0, z1);
        }
    }

    /// <inheritdoc />
    public override (double X, double Y, double Z) PointAt(double u, double v)
    {
        double r = Radius * Math.Sqrt(u), angle = 2 * Math.PI * v;
        return Assemble(NormalAxis, At, Ca + r * Math.Cos(angle), Cb + r * Math.Sin(angle));
    }

    /// <inheritdoc />
    public override (double X, double Y, double Z) NormalAt(double x, double y, double z) => Assemble(NormalAxis, Side, 0, 0);

    /// <inheritdoc />
    public override Surface Flipped() => new PlaneDisk(NormalAxis, At, -Side, Ca, Cb, Radius, Name);

    /// <inheritdoc />
    public override Surface WithName(string? name) => new PlaneDisk(NormalAxis, At, Side, Ca, Cb, Radius, name);

    internal override double PositionFlux => Side * At * Area;

    internal override Tensor SignedDistance(Tensor x, Tensor y, Tensor z) => Side * (At - Pick(NormalAxis, x, y, z));

    internal override Tensor? Trimming(Tensor x, Tensor y, Tensor z)
    {
        var (ea, eb) = Others(NormalAxis);
        var rho2 = (Pick(ea, x, y, z) - Ca).square() + (Pick(eb, x, y, z) - Cb).square();
        return (Radius * Radius - rho2) / (2 * Radius);
    }

    /// <inheritdoc />
    public override string ToString() => $"disk {NormalAxis} = {At} ({(Side > 0 ? "+" : "-")}), centre ({Ca}, {Cb}), radius {Radius}{(Name is null ? "" : $" '{Name}'")}";
}
