namespace PdeKit.Geometry;

/// <summary>
/// A bounded region of the plane: an inside test, a bounding box, and its boundary as oriented pieces
/// (region on the left, outward normals) that may carry part names. Primitives are
/// <see cref="Rectangle"/>, <see cref="Disk"/> and <see cref="Polygon"/>; <see cref="Union"/>,
/// <see cref="Difference"/> and <see cref="Intersection"/> compose them into trees (also written
/// a | b, a - b, a &amp; b). Sampling is uniform by area inside and uniform by length on the boundary.
/// </summary>
public abstract class Region2D
{
    private double? area;
    private string[]? partNames;

    /// <summary>The smallest axis-aligned box holding the region.</summary>
    public abstract BoundingBox2D Bounds { get; }

    /// <summary>The boundary: oriented pieces with the region on their left, so their normals point outward.</summary>
    public abstract IReadOnlyList<BoundaryPiece> Boundary { get; }

    /// <summary>True when (x, y) lies in the closed region (boundary points count as inside).</summary>
    public abstract bool Contains(double x, double y);

    /// <summary>True when (x, y) lies in the open region (boundary points do not count); by default the same as <see cref="Contains(double, double)"/>.</summary>
    /// <remarks>CSG differences use it so that the notch of an L-shape stays part of the closed result.</remarks>
    public virtual bool ContainsInterior(double x, double y) => Contains(x, y);

    /// <summary>The inside test for many points at once.</summary>
    /// <param name="x">x coordinates.</param>
    /// <param name="y">y coordinates, as many as <paramref name="x"/>.</param>
    /// <param name="inside">Receives the results, as many as <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public virtual void Contains(ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<bool> inside)
    {
        if (y.Length != x.Length || inside.Length != x.Length)
            throw new ArgumentException($"x, y and inside must have the same length (got {x.Length}, {y.Length}, {inside.Length})", nameof(inside));
        for (int i = 0; i < x.Length; i++) inside[i] = Contains(x[i], y[i]);
    }

    /// <summary>The area, exact: Green's theorem over the oriented boundary.</summary>
    public double Area => area ??= Boundary.Sum(p => p.GreenIntegral()) / 2;

    /// <summary>The total length of the boundary.</summary>
    public double Perimeter => Boundary.Sum(p => p.Length);

    /// <summary>The distinct part names on the boundary, in order of first appearance.</summary>
    public IReadOnlyList<string> PartNames => partNames ??= Boundary.Select(p => p.Name).OfType<string>().Distinct().ToArray();

    /// <summary>The boundary pieces of a part (the whole boundary for null).</summary>
    /// <exception cref="ArgumentException">No piece of the boundary carries that name.</exception>
    public IReadOnlyList<BoundaryPiece> Part(string? name)
    {
        if (name is null) return Boundary;
        var pieces = Boundary.Where(p => p.Name == name).ToArray();
        if (pieces.Length == 0)
            throw new ArgumentException($"the region's boundary has no part '{name}' (parts: {(PartNames.Count == 0 ? "none named" : string.Join(", ", PartNames))})", nameof(name));
        return pieces;
    }

    /// <summary>Length of a part (of the whole boundary for null).</summary>
    /// <exception cref="ArgumentException">No such part.</exception>
    public double PartLength(string? name) => Part(name).Sum(p => p.Length);

    /// <summary>Points on the boundary (or on one named part), uniform by length with outward unit normals.</summary>
    /// <param name="n">Number of points, positive.</param>
    /// <param name="rng">Random source.</param>
    /// <param name="part">Part name, or null for the whole boundary.</param>
    /// <exception cref="ArgumentException">No such part, or n is not positive.</exception>
    public BoundarySamples SampleBoundary(int n, Random rng, string? part = null) => RegionSampling.Boundary(this, n, rng, part);

    /// <summary>Points inside, independent and uniform by area (rejection in the bounding box).</summary>
    /// <param name="n">Number of points, positive.</param>
    /// <param name="rng">Random source.</param>
    /// <exception cref="ArgumentException">n is not positive, or the region has (next to) no area.</exception>
    public (double[] X, double[] Y) SampleInterior(int n, Random rng) => RegionSampling.Interior(this, n, rng);

    /// <summary>The approximate distance function of the whole boundary (or of the listed parts only, e.g. the Dirichlet parts).</summary>
    /// <param name="m">R-equivalence order, 1 or 2.</param>
    /// <param name="parts">Part names; none: the whole boundary.</param>
    /// <exception cref="ArgumentException">An unknown part, or m outside {1, 2}.</exception>
    public DistanceFunction DistanceFunction(int m = 1, params string[] parts) =>
        new(parts.Length == 0 ? Boundary : parts.SelectMany(Part).ToArray(), m);

    /// <summary>Throws unless the region's area exceeds 1e-12 times the square of its size (the larger side of its bounding box).</summary>
    /// <exception cref="ArgumentException">The region has (next to) no area.</exception>
    public void EnsureArea()
    {
        var box = Bounds;
        if (!(box.Width > 0) || !(box.Height > 0) || !(Area > 1e-12 * box.Scale * box.Scale))
            throw new ArgumentException($"the region {this} has zero area (area {Area}, bounding box {box}); check the shapes and the CSG operations");
    }

    /// <summary>The union of this region and <paramref name="other"/>.</summary>
    public Region2D Union(Region2D other) => new Union(this, other);

    /// <summary>This region with <paramref name="other"/> removed.</summary>
    public Region2D Subtract(Region2D other) => new Difference(this, other);

    /// <summary>The part of this region inside <paramref name="other"/>.</summary>
    public Region2D Intersect(Region2D other) => new Intersection(this, other);

    /// <summary>Union, a | b.</summary>
    public static Region2D operator |(Region2D a, Region2D b) => new Union(a, b);

    /// <summary>Difference, a - b.</summary>
    public static Region2D operator -(Region2D a, Region2D b) => new Difference(a, b);

    /// <summary>Intersection, a &amp; b.</summary>
    public static Region2D operator &(Region2D a, Region2D b) => new Intersection(a, b);

    /// <summary>Union, named alternative to the | operator.</summary>
    public static Region2D BitwiseOr(Region2D a, Region2D b) => new Union(a, b);

    /// <summary>Difference, named alternative to the - operator.</summary>
    public static Region2D Subtract(Region2D a, Region2D b) => new Difference(a, b);

    /// <summary>Intersection, named alternative to the &amp; operator.</summary>
    public static Region2D BitwiseAnd(Region2D a, Region2D b) => new Intersection(a, b);
}

/// <summary>Points on a boundary with their outward unit normals.</summary>
/// <param name="X">x coordinates.</param>
/// <param name="Y">y coordinates.</param>
/// <param name="Nx">Normal x components.</param>
/// <param name="Ny">Normal y components.</param>
public sealed record BoundarySamples(double[] X, double[] Y, double[] Nx, double[] Ny)
{
    /// <summary>Number of points.</summary>
    public int Count => X.Length;
}
