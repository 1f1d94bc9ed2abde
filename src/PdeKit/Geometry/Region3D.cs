using static TorchSharp.torch;

namespace PdeKit.Geometry;

/// <summary>
/// A bounded region of space: inside tests (closed and open), a bounding box, its boundary as patches of
/// primitive surfaces with outward normals and optional part names, its volume and surface area, and an
/// implicit function (non-negative exactly inside, R-function composition). Primitives are <see cref="Box"/>,
/// <see cref="Ball"/> and <see cref="Cylinder"/>; <see cref="Union3D"/>, <see cref="Difference3D"/> and
/// <see cref="Intersection3D"/> compose them (also written a | b, a - b, a &amp; b). Sampling is uniform by volume
/// inside and uniform by area on the boundary.
/// </summary>
public abstract class Region3D
{
    private string[]? partNames;

    /// <summary>The smallest axis-aligned box holding the region (for CSG results: a box holding it).</summary>
    public abstract BoundingBox3D Bounds { get; }

    /// <summary>The boundary: patches with outward normals.</summary>
    public abstract IReadOnlyList<SurfacePatch> Boundary { get; }

    /// <summary>The volume: exact for primitives and for CSG results whose patches are all exact (<see cref="IsMeasureExact"/>), else estimated.</summary>
    public abstract double Volume { get; }

    /// <summary>True when <see cref="Volume"/> and <see cref="SurfaceArea"/> are exact; false when a CSG operation trimmed a surface, so they are estimates.</summary>
    public bool IsMeasureExact => Boundary.All(p => p.IsExact);

    /// <summary>The total area of the boundary (see <see cref="IsMeasureExact"/>).</summary>
    public double SurfaceArea => Boundary.Sum(p => p.Area);

    /// <summary>True when (x, y, z) lies in the closed region (boundary points count as inside).</summary>
    public abstract bool Contains(double x, double y, double z);

    /// <summary>True when (x, y, z) lies in the open region (boundary points do not count).</summary>
    public abstract bool ContainsInterior(double x, double y, double z);

    /// <summary>The inside test for many points at once.</summary>
    /// <param name="x">x coordinates.</param>
    /// <param name="y">y coordinates, as many as <paramref name="x"/>.</param>
    /// <param name="z">z coordinates, as many as <paramref name="x"/>.</param>
    /// <param name="inside">Receives the results, as many as <paramref name="x"/>.</param>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public void Contains(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, Span<bool> inside)
    {
        if (y.Length != x.Length || z.Length != x.Length || inside.Length != x.Length)
            throw new ArgumentException($"x, y, z and inside must have the same length (got {x.Length}, {y.Length}, {z.Length}, {inside.Length})", nameof(inside));
        for (int i = 0; i < x.Length; i++) inside[i] = Contains(x[i], y[i], z[i]);
    }

    /// <summary>The inside test for one point given as an array.</summary>
    /// <param name="point">(x, y, z).</param>
    /// <exception cref="ArgumentException">The point does not have 3 coordinates.</exception>
    public bool Contains(IReadOnlyList<double> point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (point.Count != 3) throw new ArgumentException($"a point in space has 3 coordinates (x, y, z); got {point.Count}", nameof(point));
        return Contains(point[0], point[1], point[2]);
    }

    /// <summary>
    /// An implicit function of the region, non-negative exactly in the closed region, composed of the primitives'
    /// normalised functions by R-functions (R0 conjunction and disjunction); it trims CSG patches in distance functions.
    /// </summary>
    /// <param name="x">x coordinates, [N, 1].</param>
    /// <param name="y">y coordinates, [N, 1].</param>
    /// <param name="z">z coordinates, [N, 1].</param>
    /// <returns>[N, 1].</returns>
    public abstract Tensor Implicit(Tensor x, Tensor y, Tensor z);

    /// <summary>The distinct part names on the boundary, in order of first appearance.</summary>
    public IReadOnlyList<string> PartNames => partNames ??= Boundary.Select(p => p.Name).OfType<string>().Distinct().ToArray();

    /// <summary>The patches of a part (the whole boundary for null).</summary>
    /// <exception cref="ArgumentException">No patch of the boundary carries that name.</exception>
    public IReadOnlyList<SurfacePatch> Part(string? name)
    {
        if (name is null) return Boundary;
        var patches = Boundary.Where(p => p.Name == name).ToArray();
        if (patches.Length == 0)
            throw new ArgumentException($"the region's boundary has no part '{name}' (parts: {(PartNames.Count == 0 ? "none named" : string.Join(", ", PartNames))})", nameof(name));
        return patches;
    }

    /// <summary>Area of a part (of the whole boundary for null).</summary>
    /// <exception cref="ArgumentException">No such part.</exception>
    public double PartArea(string? name) => Part(name).Sum(p => p.Area);

    /// <summary>Points on the boundary (or on one named part), uniform by area, with outward unit normals.</summary>
    /// <param name="n">Number of points, positive.</param>
    /// <param name="rng">Random source.</param>
    /// <param name="part">Part name, or null for the whole boundary.</param>
    /// <exception cref="ArgumentException">No such part, or n is not positive.</exception>
    public BoundarySamples3D SampleBoundary(int n, Random rng, string? part = null) => RegionSampling3D.Boundary(this, n, rng, part);

    /// <summary>Points inside, independent and uniform by volume (rejection in the bounding box).</summary>
    /// <param name="n">Number of points, positive.</param>
    /// <param name="rng">Random source.</param>
    /// <exception cref="ArgumentException">n is not positive, or the region has (next to) no volume.</exception>
    public (double[] X, double[] Y, double[] Z) SampleInterior(int n, Random rng) => RegionSampling3D.Interior(this, n, rng);

    /// <summary>The approximate distance function of the whole boundary (or of the listed parts only, e.g. the Dirichlet parts).</summary>
    /// <param name="m">R-equivalence order, 1 or 2.</param>
    /// <param name="parts">Part names; none: the whole boundary.</param>
    /// <exception cref="ArgumentException">An unknown part, or m outside {1, 2}.</exception>
    public DistanceFunction3D DistanceFunction(int m = 1, params string[] parts) =>
        new(parts.Length == 0 ? Boundary : parts.SelectMany(Part).ToArray(), m);

    /// <summary>Throws unless the region's volume exceeds 1e-12 times the cube of its size.</summary>
    /// <exception cref="ArgumentException">The region has (next to) no volume.</exception>
    public void EnsureVolume()
    {
        var box = Bounds;
        if (!(box.Width > 0) || !(box.Height > 0) || !(box.Depth > 0) || !(Volume > 1e-12 * box.Scale * box.Scale * box.Scale))
            throw new ArgumentException($"the region {this} has zero volume (volume {Volume}, bounding box {box}); check the shapes and the CSG operations");
    }

    /// <summary>The union of this region and <paramref name="other"/>.</summary>
    public Region3D Union(Region3D other) => new Union3D(this, other);

    /// <summary>This region with <paramref name="other"/> removed.</summary>
    public Region3D Subtract(Region3D other) => new Difference3D(this, other);

    /// <summary>The part of this region inside <paramref name="other"/>.</summary>
    public Region3D Intersect(Region3D other) => new Intersection3D(this, other);

    /// <summary>Union, a | b.</summary>
    public static Region3D operator |(Region3D a, Region3D b) => new Union3D(a, b);

    /// <summary>Difference, a - b.</summary>
    public static Region3D operator -(Region3D a, Region3D b) => new Difference3D(a, b);

    /// <summary>Intersection, a &amp; b.</summary>
    public static Region3D operator &(Region3D a, Region3D b) => new Intersection3D(a, b);

    /// <summary>Union, named alternative to the | operator.</summary>
    public static Region3D BitwiseOr(Region3D a, Region3D b) => new Union3D(a, b);

    /// <summary>Difference, named alternative to the - operator.</summary>
    public static Region3D Subtract(Region3D a, Region3D b) => new Difference3D(a, b);

    /// <summary>Intersection, named alternative to the &amp; operator.</summary>
    public static Region3D BitwiseAnd(Region3D a, Region3D b) => new Intersection3D(a, b);
}

/// <summary>Points on a 3D boundary with their outward unit normals.</summary>
/// <param name="X">x coordinates.</param>
/// <param name="Y">y coordinates.</param>
/// <param name="Z">z coordinates.</param>
/// <param name="Nx">Normal x components.</param>
/// <param name="Ny">Normal y components.</param>
/// <param name="Nz">Normal z components.</param>
public sealed record BoundarySamples3D(double[] X, double[] Y, double[] Z, double[] Nx, double[] Ny, double[] Nz)
{
    /// <summary>Number of points.</summary>
    public int Count => X.Length;
}
