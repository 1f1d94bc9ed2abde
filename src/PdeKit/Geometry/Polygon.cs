namespace PdeKit.Geometry;

/// <summary>
/// A simple polygon (no self-intersections, no holes; subtract regions for holes). Vertices may be
/// given clockwise or counter-clockwise; they are stored counter-clockwise. Edge i runs from vertex i
/// to vertex i + 1 (the last edge closes the polygon) and can carry a part name.
/// </summary>
public sealed class Polygon : Region2D
{
    private readonly double[] xs, ys;
    private readonly BoundaryPiece[] boundary;

    /// <summary>Creates the polygon.</summary>
    /// <param name="vertices">At least three vertices in order around the polygon; a repeated closing vertex is dropped.</param>
    /// <param name="edgeNames">Optional part name per edge, in the order of <paramref name="vertices"/> (edge i from vertex i to i + 1); null entries leave an edge unnamed.</param>
    /// <exception cref="ArgumentException">Fewer than three vertices, a non-finite coordinate, repeated consecutive vertices, a self-intersection, zero area, or a name list of the wrong length.</exception>
    public Polygon(IReadOnlyList<(double X, double Y)> vertices, IReadOnlyList<string?>? edgeNames = null)
    {
        ArgumentNullException.ThrowIfNull(vertices);
        var v = vertices.ToList();
        if (v.Count > 1 && v[0] == v[^1]) v.RemoveAt(v.Count - 1);
        int n = v.Count;
        if (n < 3) throw new ArgumentException($"a polygon needs at least three distinct vertices (got {n})", nameof(vertices));
        if (edgeNames is not null && edgeNames.Count != n)
            throw new ArgumentException($"the polygon has {n} edges but {edgeNames.Count} edge names were given", nameof(edgeNames));
        for (int i = 0; i < n; i++)
        {
            if (!double.IsFinite(v[i].X) || !double.IsFinite(v[i].Y)) throw new ArgumentException($"polygon vertex {i} ({v[i].X}, {v[i].Y}) is not finite", nameof(vertices));
            if (v[i] == v[(i + 1) % n]) throw new ArgumentException($"polygon vertices {i} and {(i + 1) % n} coincide at ({v[i].X}, {v[i].Y})", nameof(vertices));
        }
        CheckSimple(v);
        double twiceArea = 0;
        for (int i = 0; i < n; i++) twiceArea += v[i].X * v[(i + 1) % n].Y - v[(i + 1) % n].X * v[i].Y;
        var box = new BoundingBox2D(v.Min(p => p.X), v.Max(p => p.X), v.Min(p => p.Y), v.Max(p => p.Y));
        if (!(Math.Abs(twiceArea) / 2 > 1e-12 * box.Scale * box.Scale))
            throw new ArgumentException($"the polygon has zero area (its {n} vertices are collinear or degenerate)", nameof(vertices));
        bool clockwise = twiceArea < 0;
        xs = new double[n];
        ys = new double[n];
        boundary = new BoundaryPiece[n];
        for (int k = 0; k < n; k++)
        {
            var p = v[clockwise ? n - 1 - k : k];
            xs[k] = p.X;
            ys[k] = p.Y;
        }
        for (int k = 0; k < n; k++)
        {
            int original = clockwise ? ((n - 2 - k) % n + n) % n : k;
            boundary[k] = new LineSegment(xs[k], ys[k], xs[(k + 1) % n], ys[(k + 1) % n], edgeNames?[original]);
        }
        Bounds = box;
    }

    /// <summary>The vertices, counter-clockwise.</summary>
    public IReadOnlyList<(double X, double Y)> Vertices => xs.Zip(ys).ToArray();

    /// <inheritdoc />
    public override BoundingBox2D Bounds { get; }

    /// <summary>The edges, counter-clockwise.</summary>
    public override IReadOnlyList<BoundaryPiece> Boundary => boundary;

    /// <summary>Even-odd (crossing number) test; points on an edge (within 1e-12 of the polygon's size) count as inside.</summary>
    public override bool Contains(double x, double y) => Bounds.Contains(x, y) && (Crossings(x, y) || OnEdge(x, y));

    /// <inheritdoc />
    public override bool ContainsInterior(double x, double y) => Bounds.Contains(x, y) && Crossings(x, y) && !OnEdge(x, y);

    private bool OnEdge(double x, double y)
    {
        double tol = 1e-12 * Bounds.Scale;
        foreach (var edge in boundary)
            if (edge.DistanceTo(x, y) <= tol) return true;
        return false;
    }

    private bool Crossings(double x, double y)
    {
        bool inside = false;
        int n = xs.Length;
        for (int i = 0, j = n - 1; i < n; j = i++)
        {
            if ((ys[i] > y) != (ys[j] > y) && x < xs[j] + (y - ys[j]) * (xs[i] - xs[j]) / (ys[i] - ys[j]))
                inside = !inside;
        }
        return inside;
    }

    /// <inheritdoc />
    public override string ToString() => $"Polygon({xs.Length} vertices, {Bounds})";

    private static void CheckSimple(List<(double X, double Y)> v)
    {
        int n = v.Count;
        for (int i = 0; i < n; i++)
        {
            var (a, b) = (v[i], v[(i + 1) % n]);
            for (int j = i + 1; j < n; j++)
            {
                var (c, d) = (v[j], v[(j + 1) % n]);
                bool adjacent = j == i + 1 || (i == 0 && j == n - 1);
                if (adjacent)
                {
                    // Adjacent edges share a vertex; they may not fold back onto each other.
                    var shared = j == i + 1 ? b : a;
                    var (p, q) = j == i + 1 ? (a, d) : (b, c);
                    if (Cross(shared, p, q) == 0 && Dot(shared, p, q) > 0)
                        throw new ArgumentException($"polygon edges {i} and {j} fold back onto each other at ({shared.X}, {shared.Y})", nameof(v));
                    continue;
                }
                if (SegmentsTouch(a, b, c, d))
                    throw new ArgumentException($"the polygon is not simple: edge {i} ({a.X}, {a.Y})-({b.X}, {b.Y}) meets edge {j} ({c.X}, {c.Y})-({d.X}, {d.Y})", nameof(v));
            }
        }
    }

    private static double Cross((double X, double Y) o, (double X, double Y) p, (double X, double Y) q) =>
        (p.X - o.X) * (q.Y - o.Y) - (p.Y - o.Y) * (q.X - o.X);

    private static double Dot((double X, double Y) o, (double X, double Y) p, (double X, double Y) q) =>
        (p.X - o.X) * (q.X - o.X) + (p.Y - o.Y) * (q.Y - o.Y);

    private static bool SegmentsTouch((double X, double Y) a, (double X, double Y) b, (double X, double Y) c, (double X, double Y) d)
    {
        double d1 = Cross(c, d, a), d2 = Cross(c, d, b), d3 = Cross(a, b, c), d4 = Cross(a, b, d);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
        return (d1 == 0 && OnSegment(c, d, a)) || (d2 == 0 && OnSegment(c, d, b)) || (d3 == 0 && OnSegment(a, b, c)) || (d4 == 0 && OnSegment(a, b, d));
    }

    private static bool OnSegment((double X, double Y) p, (double X, double Y) q, (double X, double Y) r) =>
        r.X >= Math.Min(p.X, q.X) && r.X <= Math.Max(p.X, q.X) && r.Y >= Math.Min(p.Y, q.Y) && r.Y <= Math.Max(p.Y, q.Y);
}
