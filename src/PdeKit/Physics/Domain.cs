using PdeKit.Geometry;

namespace PdeKit.Physics;

/// <summary>One coordinate axis of a domain: a name and a closed interval.</summary>
/// <param name="Name">Axis name: "x", "y", "z" for space, "t" for time.</param>
/// <param name="Min">Lower bound.</param>
/// <param name="Max">Upper bound (greater than <paramref name="Min"/>).</param>
/// <param name="Periodic">
/// The solution is periodic along this axis with period Max - Min; the network sees the axis through
/// cos and sin of 2 pi (x - Min) / (Max - Min), so periodicity of the value and all its derivatives
/// holds exactly.
/// </param>
public sealed record Axis(string Name, double Min, double Max, bool Periodic = false)
{
    /// <summary>Max - Min.</summary>
    public double Length => Max - Min;

    /// <summary>True for the time axis "t".</summary>
    public bool IsTime => Name == "t";
}

/// <summary>
/// A domain in space or space-time: a box (a product of intervals), a 2D region in (x, y) or a 3D region
/// (a solid) in (x, y, z), optionally times a time interval, whose box is the region's bounding box.
/// </summary>
public sealed class Domain
{
    /// <summary>The axes, in the column order of coordinate tensors (for a region: its bounding box).</summary>
    public IReadOnlyList<Axis> Axes { get; }

    /// <summary>The 2D region in the axes x and y, or null for a box domain.</summary>
    public Region2D? Region { get; }

    /// <summary>The 3D region in the axes x, y and z, or null.</summary>
    public Region3D? Solid { get; }

    /// <summary>True when points are confined to a 2D region (<see cref="Region"/>) or a 3D one (<see cref="Solid"/>), not just the box.</summary>
    public bool HasRegion => Region is not null || Solid is not null;

    /// <summary>The axis names the region lives in: x, y for a 2D region, x, y, z for a solid; empty for a box domain.</summary>
    public IReadOnlyList<string> RegionAxes => Solid is not null ? ["x", "y", "z"] : Region is not null ? ["x", "y"] : [];

    /// <summary>Creates a box domain; every axis must be a finite, non-empty interval with a unique name.</summary>
    /// <exception cref="ArgumentException">An empty, reversed or non-finite interval, or duplicate names.</exception>
    public Domain(IReadOnlyList<Axis> axes) : this(axes, null, null)
    {
    }

    /// <summary>
    /// Creates a domain of points inside the 3D region <paramref name="solid"/> in the axes x, y and z, whose
    /// intervals must hold its bounding box (other axes, such as t, stay intervals).
    /// </summary>
    /// <exception cref="ArgumentException">A bad interval, duplicate names, or no x, y and z axes that hold the region, or a region with zero volume.</exception>
    public Domain(IReadOnlyList<Axis> axes, Region3D solid) : this(axes, null, solid ?? throw new ArgumentNullException(nameof(solid)))
    {
    }

    /// <summary>
    /// Creates a domain; with a <paramref name="region"/>, points lie inside it in the axes x and y, whose
    /// intervals must hold its bounding box (other axes, such as t, stay intervals).
    /// </summary>
    /// <exception cref="ArgumentException">A bad interval, duplicate names, or a region without x and y axes that hold it, or with zero area.</exception>
    public Domain(IReadOnlyList<Axis> axes, Region2D? region) : this(axes, region, null)
    {
    }

    private Domain(IReadOnlyList<Axis> axes, Region2D? region, Region3D? solid)
    {
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Count == 0) throw new ArgumentException("a domain needs at least one axis", nameof(axes));
        foreach (var a in axes)
        {
            if (!double.IsFinite(a.Min) || !double.IsFinite(a.Max))
                throw new ArgumentException($"axis {a.Name}: bounds ({a.Min}, {a.Max}) must be finite numbers", nameof(axes));
            if (!(a.Max > a.Min))
                throw new ArgumentException($"axis {a.Name}: the interval ({a.Min}, {a.Max}) is empty; the upper bound must exceed the lower", nameof(axes));
            if (a.Periodic && a.IsTime)
                throw new ArgumentException("the time axis t cannot be periodic", nameof(axes));
        }
        var dup = axes.GroupBy(a => a.Name).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new ArgumentException($"axis name {dup.Key} appears twice", nameof(axes));
        Axes = axes;
        if (region is not null) CheckRegion(region);
        if (solid is not null) CheckSolid(solid);
        Region = region;
        Solid = solid;
    }

    private void CheckSolid(Region3D solid)
    {
        var axes = new[] { "x", "y", "z" }.Select(n => Axes.FirstOrDefault(a => a.Name == n)).ToArray();
        if (axes.Any(a => a is null))
            throw new ArgumentException($"a 3D region needs axes x, y and z (axes: {string.Join(", ", Axes.Select(a => a.Name))})", nameof(solid));
        if (axes.Any(a => a!.Periodic)) throw new ArgumentException("the axes x, y and z of a 3D region cannot be periodic", nameof(solid));
        var box = solid.Bounds;
        double tol = 1e-9 * box.Scale;
        var (x, y, z) = (axes[0]!, axes[1]!, axes[2]!);
        if (box.XMin < x.Min - tol || box.XMax > x.Max + tol || box.YMin < y.Min - tol || box.YMax > y.Max + tol || box.ZMin < z.Min - tol || box.ZMax > z.Max + tol)
            throw new ArgumentException($"the region's bounding box {box} does not fit in x [{x.Min}, {x.Max}], y [{y.Min}, {y.Max}], z [{z.Min}, {z.Max}]", nameof(solid));
        solid.EnsureVolume();
    }

    private void CheckRegion(Region2D region)
    {
        var x = Axes.FirstOrDefault(a => a.Name == "x");
        var y = Axes.FirstOrDefault(a => a.Name == "y");
        if (x is null || y is null)
            throw new ArgumentException($"a 2D region needs axes x and y (axes: {string.Join(", ", Axes.Select(a => a.Name))})", nameof(region));
        if (x.Periodic || y.Periodic) throw new ArgumentException("the axes x and y of a region cannot be periodic", nameof(region));
        var box = region.Bounds;
        double tol = 1e-9 * box.Scale;
        if (box.XMin < x.Min - tol || box.XMax > x.Max + tol || box.YMin < y.Min - tol || box.YMax > y.Max + tol)
            throw new ArgumentException($"the region's bounding box {box} does not fit in x [{x.Min}, {x.Max}], y [{y.Min}, {y.Max}]", nameof(region));
        region.EnsureArea();
    }

    /// <summary>True when the point (d coordinates in axis order) lies in the domain: within every axis interval (to rounding) and, for a region domain, inside the region.</summary>
    /// <exception cref="ArgumentException">The point does not have d coordinates.</exception>
    public bool Contains(IReadOnlyList<double> point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (point.Count != Dimension) throw new ArgumentException($"a point of this domain has {Dimension} coordinates (got {point.Count})", nameof(point));
        for (int i = 0; i < Dimension; i++)
        {
            double slack = 1e-12 * Math.Max(1, Math.Max(Math.Abs(Axes[i].Min), Math.Abs(Axes[i].Max)));
            if (!(point[i] >= Axes[i].Min - slack && point[i] <= Axes[i].Max + slack)) return false;
        }
        if (Solid is not null) return Solid.Contains(point[IndexOf("x")], point[IndexOf("y")], point[IndexOf("z")]);
        return Region is null || Region.Contains(point[IndexOf("x")], point[IndexOf("y")]);
    }

    /// <summary>Number of coordinates (columns of a coordinate tensor).</summary>
    public int Dimension => Axes.Count;

    /// <summary>Column index of the named axis.</summary>
    /// <exception cref="ArgumentException">No such axis.</exception>
    public int IndexOf(string axis)
    {
        for (int i = 0; i < Axes.Count; i++) if (Axes[i].Name == axis) return i;
        throw new ArgumentException($"the domain has no axis '{axis}' (axes: {string.Join(", ", Axes.Select(a => a.Name))})", nameof(axis));
    }

    /// <summary>True when the domain has a time axis "t".</summary>
    public bool IsTimeDependent => Axes.Any(a => a.IsTime);

    /// <summary>A 1D interval in x.</summary>
    public static Domain Interval(double min, double max) => new([new Axis("x", min, max)]);

    /// <summary>A box in space with axes x, y (and z when given).</summary>
    public static Domain Box((double Min, double Max) x, (double Min, double Max) y, (double Min, double Max)? z = null) =>
        new(z is { } zz ? [new("x", x.Min, x.Max), new("y", y.Min, y.Max), new("z", zz.Min, zz.Max)] : [new("x", x.Min, x.Max), new("y", y.Min, y.Max)]);

    /// <summary>Space-time x by t.</summary>
    public static Domain SpaceTime((double Min, double Max) x, (double Min, double Max) t) =>
        new([new Axis("x", x.Min, x.Max), new Axis("t", t.Min, t.Max)]);

    /// <summary>A 2D region in (x, y); the axes are its bounding box.</summary>
    /// <exception cref="ArgumentException">The region has zero area.</exception>
    public static Domain FromRegion(Region2D region)
    {
        ArgumentNullException.ThrowIfNull(region);
        var b = region.Bounds;
        return new([new Axis("x", b.XMin, b.XMax), new Axis("y", b.YMin, b.YMax)], region);
    }

    /// <summary>Space-time: a 2D region in (x, y) by the time interval t.</summary>
    /// <exception cref="ArgumentException">The region has zero area, or the time interval is empty.</exception>
    public static Domain SpaceTime(Region2D region, (double Min, double Max) t)
    {
        ArgumentNullException.ThrowIfNull(region);
        var b = region.Bounds;
        return new([new Axis("x", b.XMin, b.XMax), new Axis("y", b.YMin, b.YMax), new Axis("t", t.Min, t.Max)], region);
    }

    /// <summary>A 3D region in (x, y, z); the axes are its bounding box.</summary>
    /// <exception cref="ArgumentException">The region has zero volume.</exception>
    public static Domain FromRegion(Region3D solid)
    {
        ArgumentNullException.ThrowIfNull(solid);
        var b = solid.Bounds;
        return new([new Axis("x", b.XMin, b.XMax), new Axis("y", b.YMin, b.YMax), new Axis("z", b.ZMin, b.ZMax)], solid);
    }

    /// <summary>Space-time: a 3D region in (x, y, z) by the time interval t.</summary>
    /// <exception cref="ArgumentException">The region has zero volume, or the time interval is empty.</exception>
    public static Domain SpaceTime(Region3D solid, (double Min, double Max) t)
    {
        ArgumentNullException.ThrowIfNull(solid);
        var b = solid.Bounds;
        return new([new Axis("x", b.XMin, b.XMax), new Axis("y", b.YMin, b.YMax), new Axis("z", b.ZMin, b.ZMax), new Axis("t", t.Min, t.Max)], solid);
    }

    /// <summary>Space-time (x, y) by t.</summary>
    public static Domain SpaceTime((double Min, double Max) x, (double Min, double Max) y, (double Min, double Max) t) =>
        new([new Axis("x", x.Min, x.Max), new Axis("y", y.Min, y.Max), new Axis("t", t.Min, t.Max)]);

    /// <inheritdoc />
    public override string ToString() => (Solid is not null ? $"{Solid} in " : Region is null ? "" : $"{Region} in ")
        + string.Join(" x ", Axes.Select(a => $"{a.Name} in [{a.Min}, {a.Max}]"));
}
