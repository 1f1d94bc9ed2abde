namespace PdeKit.Numerics.Meshes;

/// <summary>The kind of input item a mesh-building problem is about.</summary>
internal enum MeshItem
{
    /// <summary>The input as a whole (index unused).</summary>
    Whole,

    /// <summary>A node, by index.</summary>
    Node,

    /// <summary>A triangle, by index.</summary>
    Triangle,

    /// <summary>A named edge, by index into <see cref="TriangleMeshData.NamedEdges"/>.</summary>
    NamedEdge,
}

/// <summary>Makes the exception for a problem with one input item (a file reader maps the index to a line number).</summary>
internal delegate Exception MeshFailure(MeshItem item, int index, string problem);

/// <summary>How messages name nodes, triangles and named edges: by index for meshes built in code, by tag for files.</summary>
/// <param name="NodeNoun">"node", or "node tag".</param>
/// <param name="NodeId">The number shown for a node index.</param>
/// <param name="Triangle">The name of a triangle by index, e.g. "triangle 3".</param>
/// <param name="NamedEdge">The name of a named edge by index, e.g. "named edge 2".</param>
internal sealed record MeshLabels(string NodeNoun, Func<int, long> NodeId, Func<int, string> Triangle, Func<int, string> NamedEdge)
{
    /// <summary>Labels by index.</summary>
    public static readonly MeshLabels ByIndex = new("node", i => i, k => $"triangle {k}", j => $"named edge {j}");
}

/// <summary>
/// Checks <see cref="TriangleMeshData"/> and derives the topology: counter-clockwise triangles, areas, the
/// boundary edges (edges of exactly one triangle, oriented with the mesh on their left) and their part names.
/// </summary>
internal static class TriangleMeshBuilder
{
    /// <summary>A triangle whose doubled area is below this times its longest edge squared counts as degenerate.</summary>
    private const double DegenerateRatio = 1e-12;

    public static TriangleMesh Build(TriangleMeshData data, MeshFailure fail, MeshLabels? labels = null)
    {
        var l = labels ?? MeshLabels.ByIndex;
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(data.X, nameof(data.X));
        ArgumentNullException.ThrowIfNull(data.Y, nameof(data.Y));
        ArgumentNullException.ThrowIfNull(data.Triangles, nameof(data.Triangles));
        ArgumentNullException.ThrowIfNull(data.NamedEdges, nameof(data.NamedEdges));
        int n = data.X.Count;
        if (data.Y.Count != n)
        {
            throw fail(MeshItem.Whole, 0, $"X has {n} entries but Y has {data.Y.Count}; both need one per node");
        }

        if (data.Triangles.Count % 3 != 0 || data.Triangles.Count == 0)
        {
            throw fail(MeshItem.Whole, 0, $"Triangles has {data.Triangles.Count} entries; it needs 3 node indices per triangle and at least one triangle");
        }

        int t = data.Triangles.Count / 3;
        if (data.TriangleSurfaces is { } s && s.Count != t)
        {
            throw fail(MeshItem.Whole, 0, $"TriangleSurfaces has {s.Count} entries but there are {t} triangles");
        }

        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            (x[i], y[i]) = (data.X[i], data.Y[i]);
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]))
            {
                throw fail(MeshItem.Node, i, $"node {i} has a coordinate that is not finite: ({x[i]}, {y[i]})");
            }
        }

        var tri = new int[3 * t];
        var areas = new double[t];
        var used = new bool[n];
        for (int k = 0; k < t; k++)
        {
            areas[k] = OrientTriangle(data.Triangles, k, x, y, tri, fail, l);
            used[tri[3 * k]] = used[tri[(3 * k) + 1]] = used[tri[(3 * k) + 2]] = true;
        }

        int unused = Array.IndexOf(used, false);
        if (unused >= 0)
        {
            throw fail(MeshItem.Node, unused, $"node {unused} is used by no triangle; remove unused nodes");
        }

        var edges = EdgeUses(tri, n, fail, l);
        var (partOfEdge, partOrder) = NamePartsOfEdges(data.NamedEdges, n, edges, fail, l);
        var (boundary, parts) = CollectBoundary(tri, n, edges, partOfEdge, partOrder);
        var (surfaceOf, surfaces) = Index(t, k => data.TriangleSurfaces?[k] ?? TriangleMesh.UnnamedPart);
        return new TriangleMesh(x, y, tri, areas, surfaces, surfaceOf, boundary, parts, data.SourceName ?? "mesh");
    }

    private static double OrientTriangle(IReadOnlyList<int> input, int k, double[] x, double[] y, int[] tri, MeshFailure fail, MeshLabels l)
    {
        int a = input[3 * k], b = input[(3 * k) + 1], c = input[(3 * k) + 2];
        foreach (int v in (ReadOnlySpan<int>)[a, b, c])
        {
            if ((uint)v >= (uint)x.Length)
            {
                throw fail(MeshItem.Triangle, k, $"{l.Triangle(k)} refers to node {v}, outside 0..{x.Length - 1}");
            }
        }

        if (a == b || b == c || a == c)
        {
            throw fail(MeshItem.Triangle, k, $"{l.Triangle(k)} repeats a node: {l.NodeNoun}s {l.NodeId(a)}, {l.NodeId(b)}, {l.NodeId(c)}");
        }

        double twice = ((x[b] - x[a]) * (y[c] - y[a])) - ((x[c] - x[a]) * (y[b] - y[a]));
        double longest = Math.Max(Dist2(x, y, a, b), Math.Max(Dist2(x, y, b, c), Dist2(x, y, c, a)));
        if (!(Math.Abs(twice) > DegenerateRatio * longest))
        {
            throw fail(MeshItem.Triangle, k, $"{l.Triangle(k)} ({l.NodeNoun}s {l.NodeId(a)}, {l.NodeId(b)}, {l.NodeId(c)}) is degenerate: its area is {Math.Abs(twice) / 2}");
        }

        (tri[3 * k], tri[(3 * k) + 1], tri[(3 * k) + 2]) = twice > 0 ? (a, b, c) : (a, c, b);
        return Math.Abs(twice) / 2;
    }

    private static double Dist2(double[] x, double[] y, int i, int j)
        => ((x[i] - x[j]) * (x[i] - x[j])) + ((y[i] - y[j]) * (y[i] - y[j]));

    /// <summary>Key of the undirected edge {i, j}.</summary>
    internal static long EdgeKey(int i, int j, int nodeCount)
        => i < j ? ((long)i * nodeCount) + j : ((long)j * nodeCount) + i;

    /// <summary>For every undirected edge: how many triangles use it (1 or 2).</summary>
    private static Dictionary<long, int> EdgeUses(int[] tri, int n, MeshFailure fail, MeshLabels l)
    {
        var first = new Dictionary<long, int>(tri.Length);
        var uses = new Dictionary<long, int>(tri.Length);
        for (int k = 0; k < tri.Length / 3; k++)
        {
            for (int e = 0; e < 3; e++)
            {
                int a = tri[(3 * k) + e], b = tri[(3 * k) + ((e + 1) % 3)];
                long key = EdgeKey(a, b, n);
                if (!first.TryGetValue(key, out int other))
                {
                    first[key] = k;
                    uses[key] = 1;
                    continue;
                }

                if (uses[key] >= 2)
                {
                    throw fail(MeshItem.Triangle, k, $"{l.Triangle(k)} is a third triangle on the edge between {l.NodeNoun}s {l.NodeId(a)} and {l.NodeId(b)} (a non-manifold mesh)");
                }

                if (Traverses(tri, other, a, b))
                {
                    throw fail(MeshItem.Triangle, k, $"{l.Triangle(other)} and {l.Triangle(k)} overlap: both lie on the same side of the edge between {l.NodeNoun}s {l.NodeId(a)} and {l.NodeId(b)}");
                }

                uses[key] = 2;
            }
        }

        return uses;
    }

    /// <summary>True when counter-clockwise triangle k walks the edge from a to b.</summary>
    private static bool Traverses(int[] tri, int k, int a, int b)
    {
        for (int e = 0; e < 3; e++)
        {
            if (tri[(3 * k) + e] == a && tri[(3 * k) + ((e + 1) % 3)] == b)
            {
                return true;
            }
        }

        return false;
    }

    private static (Dictionary<long, string> Parts, List<string> Order) NamePartsOfEdges(
        IReadOnlyList<NamedEdge> named, int n, Dictionary<long, int> edges, MeshFailure fail, MeshLabels l)
    {
        var part = new Dictionary<long, string>();
        var order = new List<string>();
        for (int j = 0; j < named.Count; j++)
        {
            var (a, b, name) = named[j];
            if ((uint)a >= (uint)n || (uint)b >= (uint)n || a == b)
            {
                throw fail(MeshItem.NamedEdge, j, $"{l.NamedEdge(j)} joins nodes {a} and {b}; it needs two different nodes in 0..{n - 1}");
            }

            if (name is null)
            {
                throw fail(MeshItem.NamedEdge, j, $"{l.NamedEdge(j)} has no part name");
            }

            long key = EdgeKey(a, b, n);
            if (!edges.TryGetValue(key, out int uses))
            {
                throw fail(MeshItem.NamedEdge, j, $"{l.NamedEdge(j)} joins {l.NodeNoun}s {l.NodeId(a)} and {l.NodeId(b)}, which are not joined by an edge of any triangle");
            }

            if (uses == 1 && part.TryAdd(key, name) && !order.Contains(name))
            {
                order.Add(name);
            }
        }

        return (part, order);
    }

    private static (BoundaryEdge[] Edges, string[] Parts) CollectBoundary(
        int[] tri, int n, Dictionary<long, int> edges, Dictionary<long, string> partOfEdge, List<string> order)
    {
        var raw = new List<(int A, int B, string Part, int Triangle)>();
        for (int k = 0; k < tri.Length / 3; k++)
        {
            for (int e = 0; e < 3; e++)
            {
                int a = tri[(3 * k) + e], b = tri[(3 * k) + ((e + 1) % 3)];
                long key = EdgeKey(a, b, n);
                if (edges[key] == 1)
                {
                    raw.Add((a, b, partOfEdge.GetValueOrDefault(key, TriangleMesh.UnnamedPart), k));
                }
            }
        }

        // Part order: as the names first appear among the named edges, the unnamed part last.
        if (raw.Exists(r => r.Part.Length == 0))
        {
            order.Remove(TriangleMesh.UnnamedPart);
            order.Add(TriangleMesh.UnnamedPart);
        }

        var index = order.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var result = raw.ConvertAll(r => new BoundaryEdge(r.A, r.B, index[r.Part], r.Triangle)).ToArray();
        return (result, order.ToArray());
    }

    private static (int[] IndexOf, string[] Names) Index(int count, Func<int, string> nameOf)
    {
        var names = new List<string>();
        var lookup = new Dictionary<string, int>(StringComparer.Ordinal);
        var indexOf = new int[count];
        for (int k = 0; k < count; k++)
        {
            string name = nameOf(k) ?? TriangleMesh.UnnamedPart;
            if (!lookup.TryGetValue(name, out int i))
            {
                i = lookup[name] = names.Count;
                names.Add(name);
            }

            indexOf[k] = i;
        }

        return (indexOf, names.ToArray());
    }
}
