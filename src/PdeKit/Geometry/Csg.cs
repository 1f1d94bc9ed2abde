namespace PdeKit.Geometry;

/// <summary>
/// A constructive-solid-geometry node: two operand regions combined. Its boundary is computed once,
/// exactly, from the operands' boundaries (pieces split where they cross, the parts on the result's
/// boundary kept and oriented outward, names carried over), so area, sampling and distance functions
/// work on it as on a primitive.
/// </summary>
public abstract class CsgRegion : Region2D
{
    private readonly BoundaryPiece[] boundary;

    /// <summary>Combines <paramref name="first"/> and <paramref name="second"/>.</summary>
    /// <exception cref="ArgumentException">The result is empty (zero area).</exception>
    private protected CsgRegion(Region2D first, Region2D second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        First = first;
        Second = second;
        boundary = BoundaryTrimmer.Trim(this, first, second);
        if (boundary.Length == 0)
            throw new ArgumentException($"{this} is empty: it has no boundary (the operands do not overlap as the operation needs)");
        Bounds = boundary.Select(p => p.Bounds).Aggregate((a, b) => a.Hull(b));
        EnsureArea();
    }

    /// <summary>The first operand.</summary>
    public Region2D First { get; }

    /// <summary>The second operand.</summary>
    public Region2D Second { get; }

    /// <inheritdoc />
    public override BoundingBox2D Bounds { get; }

    /// <inheritdoc />
    public override IReadOnlyList<BoundaryPiece> Boundary => boundary;
}

/// <summary>The points in either operand.</summary>
public sealed class Union : CsgRegion
{
    /// <summary>Creates the union of <paramref name="first"/> and <paramref name="second"/>.</summary>
    /// <exception cref="ArgumentException">The result has zero area.</exception>
    public Union(Region2D first, Region2D second) : base(first, second)
    {
    }

    /// <inheritdoc />
    public override bool Contains(double x, double y) => First.Contains(x, y) || Second.Contains(x, y);

    /// <inheritdoc />
    public override bool ContainsInterior(double x, double y) => First.ContainsInterior(x, y) || Second.ContainsInterior(x, y);

    /// <inheritdoc />
    public override string ToString() => $"Union({First}, {Second})";
}

/// <summary>The points in the first operand and not in the second (holes, notches, the L-shape).</summary>
public sealed class Difference : CsgRegion
{
    /// <summary>Creates <paramref name="first"/> minus <paramref name="second"/>.</summary>
    /// <exception cref="ArgumentException">Nothing is left (zero area).</exception>
    public Difference(Region2D first, Region2D second) : base(first, second)
    {
    }

    /// <summary>
    /// True on the closure of first minus second: its interior plus the boundary points next to it. A stretch of
    /// boundary the operands share flush (e.g. cutting [0,1) x (-1,0] out of [-1,1]^2 with a closed rectangle)
    /// has no interior of the difference beside it and is not contained, so no zero-width sliver remains.
    /// </summary>
    public override bool Contains(double x, double y)
    {
        if (!First.Contains(x, y) || Second.ContainsInterior(x, y)) return false;
        if (ContainsInterior(x, y)) return true;
        double h = 1e-9 * First.Bounds.Scale;
        for (int k = 0; k < 16; k++)
        {
            double angle = k * Math.PI / 8;
            if (ContainsInterior(x + h * Math.Cos(angle), y + h * Math.Sin(angle))) return true;
        }
        return false;
    }

    /// <inheritdoc />
    public override bool ContainsInterior(double x, double y) => First.ContainsInterior(x, y) && !Second.Contains(x, y);

    /// <inheritdoc />
    public override string ToString() => $"Difference({First}, {Second})";
}

/// <summary>The points in both operands.</summary>
public sealed class Intersection : CsgRegion
{
    /// <summary>Creates the intersection of <paramref name="first"/> and <paramref name="second"/>.</summary>
    /// <exception cref="ArgumentException">The operands do not overlap (zero area).</exception>
    public Intersection(Region2D first, Region2D second) : base(first, second)
    {
    }

    /// <inheritdoc />
    public override bool Contains(double x, double y) => First.Contains(x, y) && Second.Contains(x, y);

    /// <inheritdoc />
    public override bool ContainsInterior(double x, double y) => First.ContainsInterior(x, y) && Second.ContainsInterior(x, y);

    /// <inheritdoc />
    public override string ToString() => $"Intersection({First}, {Second})";
}
