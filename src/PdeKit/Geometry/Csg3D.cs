using static TorchSharp.torch;

namespace PdeKit.Geometry;

/// <summary>
/// A 3D constructive-solid-geometry node: two operand regions combined. Its boundary is made once from the
/// operands' patches: a patch whose bounding box meets none of the other operand's surfaces lies wholly on one
/// side of it, so it is kept whole (exactly) or dropped after one probe; an axis-aligned face that meets only
/// axis-aligned rectangles is split exactly into kept rectangles (box-only trees stay exact); any other patch is trimmed, i.e. kept
/// where the result lies on its inner side only (a probe along the normal both ways), and its area estimated
/// on a stratified sample. Patches of the subtracted operand of a difference are flipped (normals outward of
/// the result). Surface shared by both operands is counted once. Volume follows from the divergence theorem,
/// V = (1/3) sum of the integrals of x . n dA over the patches: exact when every patch is exact.
/// </summary>
public abstract class CsgRegion3D : Region3D
{
    private readonly SurfacePatch[] boundary;

    /// <summary>Combines <paramref name="first"/> and <paramref name="second"/>.</summary>
    /// <exception cref="ArgumentException">The result is empty (zero volume).</exception>
    private protected CsgRegion3D(Region3D first, Region3D second, BoundingBox3D bounds, int firstSign, int secondSign, bool flipSecond)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        First = first;
        Second = second;
        Bounds = bounds;
        boundary = Trim(first, second, firstSign, secondSign, flipSecond);
        if (boundary.Length == 0)
            throw new ArgumentException($"{this} is empty: it has no boundary (the operands do not overlap as the operation needs)");
        Volume = boundary.Sum(p => p.PositionFlux) / 3;
        EnsureVolume();
    }

    /// <summary>The first operand.</summary>
    public Region3D First { get; }

    /// <summary>The second operand.</summary>
    public Region3D Second { get; }

    /// <inheritdoc />
    public override BoundingBox3D Bounds { get; }

    /// <inheritdoc />
    public override IReadOnlyList<SurfacePatch> Boundary => boundary;

    /// <summary>(1/3) of the position flux through the boundary: exact when <see cref="Region3D.IsMeasureExact"/>.</summary>
    public override double Volume { get; }

    private SurfacePatch[] Trim(Region3D first, Region3D second, int firstSign, int secondSign, bool flipSecond)
    {
        double tol = 1e-9 * first.Bounds.Hull(second.Bounds).Scale;
        var output = new List<SurfacePatch>();
        foreach (var (patch, fromSecond) in first.Boundary.Select(p => (p, false)).Concat(second.Boundary.Select(p => (p, true))))
        {
            var other = fromSecond ? first : second;
            var oriented = fromSecond && flipSecond ? patch.Flipped() : patch;
            var box = oriented.Surface.Bounds;
            var touching = other.Boundary.Where(q => q.Surface.Bounds.Overlaps(box, tol)).ToArray();
            if (touching.Length > 0 && !oriented.IsTrimmed && oriented.Surface is PlaneRectangle rect && touching.All(q => !q.IsTrimmed && q.Surface is PlaneRectangle))
            {
                output.AddRange(SplitRectangle(rect, touching, fromSecond ? first : null, tol));
                continue;
            }
            if (touching.Length == 0)
            {
                var (x, y, z) = oriented.Representative;
                var (nx, ny, nz) = oriented.Surface.NormalAt(x, y, z);
                if (SurfacePatch.Classify(this, x, y, z, nx, ny, nz) == 1) output.Add(oriented);
                continue;
            }
            var trimmed = oriented.Trim(new PatchTrim(this, fromSecond ? first : null, other, fromSecond ? secondSign : firstSign, 1));
            if (trimmed is not null) output.Add(trimmed);
        }
        return [.. output];
    }

    /// <summary>
    /// An axis-aligned face cut only by axis-aligned rectangles, exactly: split into cells at the other rectangles'
    /// extents (their traces on the face's plane lie on those lines, so no cell is crossed), each cell classified at
    /// its centre, the kept cells merged into as few rectangles as rows allow. Box-only CSG trees stay exact this way.
    /// </summary>
    private IEnumerable<SurfacePatch> SplitRectangle(PlaneRectangle rect, SurfacePatch[] touching, Region3D? coincident, double tol)
    {
        var (ea, eb) = Surface.Others(rect.NormalAxis);
        var a = Cuts(rect.A, touching.SelectMany(q => Ends(q.Surface.Bounds.Along(ea))), tol);
        var b = Cuts(rect.B, touching.SelectMany(q => Ends(q.Surface.Bounds.Along(eb))), tol);
        var (nx, ny, nz) = rect.NormalAt(0, 0, 0);
        var active = new Dictionary<(int I0, int I1), int>();
        var result = new List<SurfacePatch>();
        void Close((int I0, int I1) run, int j0, int j1) =>
            result.Add(new SurfacePatch(new PlaneRectangle(rect.NormalAxis, rect.At, rect.Side, (a[run.I0], a[run.I1]), (b[j0], b[j1]), rect.Name)));
        for (int j = 0; j + 1 < b.Count; j++)
        {
            var runs = new List<(int, int)>();
            int start = -1;
            for (int i = 0; i + 1 < a.Count; i++)
            {
                var (x, y, z) = Surface.Assemble(rect.NormalAxis, rect.At, (a[i] + a[i + 1]) / 2, (b[j] + b[j + 1]) / 2);
                bool keep = SurfacePatch.Classify(this, x, y, z, nx, ny, nz) == 1
                    && (coincident is null || SurfacePatch.Classify(coincident, x, y, z, nx, ny, nz) == 0);
                if (keep && start < 0) start = i;
                if (!keep && start >= 0)
                {
                    runs.Add((start, i));
                    start = -1;
                }
            }
            if (start >= 0) runs.Add((start, a.Count - 1));
            foreach (var run in active.Keys.Where(k => !runs.Contains(k)).ToArray())
            {
                Close(run, active[run], j);
                active.Remove(run);
            }
            foreach (var run in runs) active.TryAdd(run, j);
        }
        foreach (var (run, j0) in active) Close(run, j0, b.Count - 1);
        return result;
    }

    private static double[] Ends((double Min, double Max) range) => [range.Min, range.Max];

    /// <summary>The interval's ends and the values strictly inside it (more than tol from the ends and from each other), sorted.</summary>
    private static List<double> Cuts((double Min, double Max) range, IEnumerable<double> values, double tol)
    {
        var cuts = new List<double> { range.Min };
        foreach (var v in values.Where(v => v > range.Min + tol && v < range.Max - tol).Order())
            if (v - cuts[^1] > tol) cuts.Add(v);
        cuts.Add(range.Max);
        return cuts;
    }

    /// <summary>True when a point within a tiny distance (in one of 26 directions) lies in the open set.</summary>
    private protected bool NearInterior(double x, double y, double z)
    {
        double h = 1e-9 * Bounds.Scale;
        for (int i = -1; i <= 1; i++)
            for (int j = -1; j <= 1; j++)
                for (int k = -1; k <= 1; k++)
                    if ((i != 0 || j != 0 || k != 0) && ContainsInterior(x + h * i, y + h * j, z + h * k)) return true;
        return false;
    }
}

/// <summary>The points in either operand.</summary>
public sealed class Union3D : CsgRegion3D
{
    /// <summary>Creates the union of <paramref name="first"/> and <paramref name="second"/>.</summary>
    /// <exception cref="ArgumentException">The result has zero volume.</exception>
    public Union3D(Region3D first, Region3D second) : base(first, second, first.Bounds.Hull(second.Bounds), -1, -1, false)
    {
    }

    /// <inheritdoc />
    public override bool Contains(double x, double y, double z) => First.Contains(x, y, z) || Second.Contains(x, y, z);

    /// <inheritdoc />
    public override bool ContainsInterior(double x, double y, double z) => First.ContainsInterior(x, y, z) || Second.ContainsInterior(x, y, z);

    /// <summary>R0 disjunction of the operands' implicit functions.</summary>
    public override Tensor Implicit(Tensor x, Tensor y, Tensor z) => Surface.Disjunction(First.Implicit(x, y, z), Second.Implicit(x, y, z));

    /// <inheritdoc />
    public override string ToString() => $"Union3D({First}, {Second})";
}

/// <summary>The points in the first operand and not in the second (holes, cavities, notches).</summary>
public sealed class Difference3D : CsgRegion3D
{
    /// <summary>Creates <paramref name="first"/> minus <paramref name="second"/>.</summary>
    /// <exception cref="ArgumentException">Nothing is left (zero volume).</exception>
    public Difference3D(Region3D first, Region3D second) : base(first, second, first.Bounds, -1, 1, true)
    {
    }

    /// <summary>
    /// True on the closure of first minus second: its interior plus the boundary points next to it (so surface the
    /// operands share flush leaves no zero-thickness sheet).
    /// </summary>
    public override bool Contains(double x, double y, double z)
    {
        if (!First.Contains(x, y, z) || Second.ContainsInterior(x, y, z)) return false;
        return ContainsInterior(x, y, z) || NearInterior(x, y, z);
    }

    /// <inheritdoc />
    public override bool ContainsInterior(double x, double y, double z) => First.ContainsInterior(x, y, z) && !Second.Contains(x, y, z);

    /// <summary>R0 conjunction of the first operand's implicit function and the negated second's.</summary>
    public override Tensor Implicit(Tensor x, Tensor y, Tensor z) => Surface.Conjunction(First.Implicit(x, y, z), -Second.Implicit(x, y, z));

    /// <inheritdoc />
    public override string ToString() => $"Difference3D({First}, {Second})";
}

/// <summary>The points in both operands.</summary>
public sealed class Intersection3D : CsgRegion3D
{
    /// <summary>Creates the intersection of <paramref name="first"/> and <paramref name="second"/>.</summary>
    /// <exception cref="ArgumentException">The operands do not overlap (zero volume).</exception>
    public Intersection3D(Region3D first, Region3D second) : base(first, second, Overlap(first, second), 1, 1, false)
    {
    }

    private static BoundingBox3D Overlap(Region3D first, Region3D second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        BoundingBox3D a = first.Bounds, b = second.Bounds;
        var box = new BoundingBox3D(Math.Max(a.XMin, b.XMin), Math.Min(a.XMax, b.XMax), Math.Max(a.YMin, b.YMin), Math.Min(a.YMax, b.YMax),
            Math.Max(a.ZMin, b.ZMin), Math.Min(a.ZMax, b.ZMax));
        if (!(box.Width > 0) || !(box.Height > 0) || !(box.Depth > 0))
            throw new ArgumentException($"the intersection of {first} and {second} is empty: their bounding boxes do not overlap");
        return box;
    }

    /// <inheritdoc />
    public override bool Contains(double x, double y, double z) => First.Contains(x, y, z) && Second.Contains(x, y, z);

    /// <inheritdoc />
    public override bool ContainsInterior(double x, double y, double z) => First.ContainsInterior(x, y, z) && Second.ContainsInterior(x, y, z);

    /// <summary>R0 conjunction of the operands' implicit functions.</summary>
    public override Tensor Implicit(Tensor x, Tensor y, Tensor z) => Surface.Conjunction(First.Implicit(x, y, z), Second.Implicit(x, y, z));

    /// <inheritdoc />
    public override string ToString() => $"Intersection3D({First}, {Second})";
}
