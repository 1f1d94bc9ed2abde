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

/// <summary>A box domain in space or space-time, as a product of intervals.</summary>
public sealed class Domain
{
    /// <summary>The axes, in the column order of coordinate tensors.</summary>
    public IReadOnlyList<Axis> Axes { get; }

    /// <summary>Creates a domain; every axis must be a finite, non-empty interval with a unique name.</summary>
    /// <exception cref="ArgumentException">An empty, reversed or non-finite interval, or duplicate names.</exception>
    public Domain(IReadOnlyList<Axis> axes)
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

    /// <summary>Space-time (x, y) by t.</summary>
    public static Domain SpaceTime((double Min, double Max) x, (double Min, double Max) y, (double Min, double Max) t) =>
        new([new Axis("x", x.Min, x.Max), new Axis("y", y.Min, y.Max), new Axis("t", t.Min, t.Max)]);

    /// <inheritdoc />
    public override string ToString() => string.Join(" x ", Axes.Select(a => $"{a.Name} in [{a.Min}, {a.Max}]"));
}
