using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace PdeKit.Numerics.Meshes;

/// <summary>
/// An immutable 2D mesh of linear triangles: node coordinates, counter-clockwise triangles, triangle areas, the
/// boundary edges (oriented with the mesh on their left) with named parts, and the surface part of each
/// triangle. Everything is plain arrays (<see cref="ImmutableArray{T}"/>: <c>AsSpan()</c> reads them without a
/// copy). Build one with <see cref="GmshReader"/>, <see cref="StructuredMeshes"/> or <see cref="Create"/>.
/// </summary>
public sealed class TriangleMesh
{
    /// <summary>The part name of boundary edges and triangles that belong to no named (physical) group: the empty string.</summary>
    public const string UnnamedPart = "";

    private readonly double[] partLengths;

    internal TriangleMesh(
        double[] x, double[] y, int[] triangles, double[] areas, string[] surfaceParts, int[] triangleSurface,
        BoundaryEdge[] boundary, string[] boundaryParts, string sourceName)
    {
        X = ImmutableCollectionsMarshal.AsImmutableArray(x);
        Y = ImmutableCollectionsMarshal.AsImmutableArray(y);
        Triangles = ImmutableCollectionsMarshal.AsImmutableArray(triangles);
        TriangleAreas = ImmutableCollectionsMarshal.AsImmutableArray(areas);
        SurfaceParts = ImmutableCollectionsMarshal.AsImmutableArray(surfaceParts);
        TriangleSurface = ImmutableCollectionsMarshal.AsImmutableArray(triangleSurface);
        BoundaryEdges = ImmutableCollectionsMarshal.AsImmutableArray(boundary);
        BoundaryParts = ImmutableCollectionsMarshal.AsImmutableArray(boundaryParts);
        SourceName = sourceName;
        TotalArea = areas.Sum();
        partLengths = new double[boundaryParts.Length];
        foreach (var e in boundary)
        {
            partLengths[e.Part] += Math.Sqrt(((x[e.Node1] - x[e.Node0]) * (x[e.Node1] - x[e.Node0])) + ((y[e.Node1] - y[e.Node0]) * (y[e.Node1] - y[e.Node0])));
        }

        TotalBoundaryLength = partLengths.Sum();
        Bounds = new MeshBounds(x.Min(), y.Min(), x.Max(), y.Max());
    }

    /// <summary>Node x coordinates, length <see cref="NodeCount"/>.</summary>
    public ImmutableArray<double> X { get; }

    /// <summary>Node y coordinates, length <see cref="NodeCount"/>.</summary>
    public ImmutableArray<double> Y { get; }

    /// <summary>Triangles as node indices, flattened, counter-clockwise: triangle t is <c>[3t], [3t+1], [3t+2]</c>; length 3 <see cref="TriangleCount"/>.</summary>
    public ImmutableArray<int> Triangles { get; }

    /// <summary>The area of each triangle (positive), length <see cref="TriangleCount"/>.</summary>
    public ImmutableArray<double> TriangleAreas { get; }

    /// <summary>Names of the surface parts (Gmsh physical surfaces) that triangles belong to, in order of first use.</summary>
    public ImmutableArray<string> SurfaceParts { get; }

    /// <summary>For each triangle, its index into <see cref="SurfaceParts"/>.</summary>
    public ImmutableArray<int> TriangleSurface { get; }

    /// <summary>The boundary edges (edges of exactly one triangle), each oriented with the mesh on its left.</summary>
    public ImmutableArray<BoundaryEdge> BoundaryEdges { get; }

    /// <summary>
    /// Names of the boundary parts (Gmsh physical curves) used by boundary edges, in order of first appearance;
    /// <see cref="UnnamedPart"/> comes last when some boundary edges carry no name.
    /// </summary>
    public ImmutableArray<string> BoundaryParts { get; }

    /// <summary>The file name or description the mesh was built from.</summary>
    public string SourceName { get; }

    /// <summary>The number of nodes.</summary>
    public int NodeCount => X.Length;

    /// <summary>The number of triangles.</summary>
    public int TriangleCount => TriangleAreas.Length;

    /// <summary>The sum of the triangle areas.</summary>
    public double TotalArea { get; }

    /// <summary>The length of the whole boundary (all parts, holes included).</summary>
    public double TotalBoundaryLength { get; }

    /// <summary>The bounding box of the nodes.</summary>
    public MeshBounds Bounds { get; }

    /// <summary>
    /// Builds a mesh from plain arrays: checks them (finite coordinates, node indices in range, no degenerate or
    /// overlapping triangles, every node used), makes triangles counter-clockwise, and finds the boundary.
    /// </summary>
    /// <param name="data">Nodes, triangles and optional part names.</param>
    /// <returns>The mesh.</returns>
    /// <exception cref="ArgumentException">The data is inconsistent; the message names the node, triangle or edge.</exception>
    public static TriangleMesh Create(TriangleMeshData data)
        => TriangleMeshBuilder.Build(data, (item, index, problem) => new ArgumentException(
            $"{data.SourceName}: {problem}.", item switch
            {
                MeshItem.Node => nameof(data.X),
                MeshItem.Triangle => nameof(data.Triangles),
                MeshItem.NamedEdge => nameof(data.NamedEdges),
                _ => nameof(data),
            }));

    /// <summary>The index of boundary part <paramref name="part"/> in <see cref="BoundaryParts"/>.</summary>
    /// <param name="part">A boundary part name.</param>
    /// <returns>Its index.</returns>
    /// <exception cref="ArgumentException">No boundary edge has that part; the message lists the parts there are.</exception>
    public int BoundaryPartIndex(string part)
    {
        ArgumentNullException.ThrowIfNull(part);
        int i = BoundaryParts.IndexOf(part, StringComparer.Ordinal);
        return i >= 0 ? i : throw new ArgumentException(
            $"{SourceName} has no boundary part '{part}'; its parts are {DescribeParts()}.", nameof(part));
    }

    /// <summary>The length of boundary part <paramref name="part"/>.</summary>
    /// <param name="part">A boundary part name.</param>
    /// <returns>The summed length of its edges.</returns>
    /// <exception cref="ArgumentException">No boundary edge has that part.</exception>
    public double BoundaryLength(string part) => partLengths[BoundaryPartIndex(part)];

    /// <summary>
    /// A mask over <see cref="BoundaryParts"/>: true for the named parts, or for every part when
    /// <paramref name="parts"/> is null or empty.
    /// </summary>
    /// <param name="parts">Part names, or null for all.</param>
    /// <returns>One flag per boundary part.</returns>
    /// <exception cref="ArgumentException">A name is not a boundary part of this mesh.</exception>
    public bool[] PartMask(IEnumerable<string>? parts)
    {
        var mask = new bool[BoundaryParts.Length];
        var list = parts?.ToList();
        if (list is null || list.Count == 0)
        {
            Array.Fill(mask, true);
            return mask;
        }

        foreach (var part in list)
        {
            mask[BoundaryPartIndex(part)] = true;
        }

        return mask;
    }

    /// <summary>The boundary as segments (the mesh on each segment's left), for distance functions.</summary>
    /// <param name="parts">Only these boundary parts; null or empty for the whole boundary.</param>
    /// <returns>One segment per boundary edge, in the order of <see cref="BoundaryEdges"/>.</returns>
    /// <exception cref="ArgumentException">A name is not a boundary part of this mesh.</exception>
    public BoundarySegment[] BoundarySegments(IEnumerable<string>? parts = null)
    {
        var mask = PartMask(parts);
        var segments = new List<BoundarySegment>(BoundaryEdges.Length);
        foreach (var e in BoundaryEdges)
        {
            if (mask[e.Part])
            {
                segments.Add(new BoundarySegment(X[e.Node0], Y[e.Node0], X[e.Node1], Y[e.Node1], BoundaryParts[e.Part]));
            }
        }

        return segments.ToArray();
    }

    /// <summary>The nodes on the boundary (of the given parts), ascending.</summary>
    /// <param name="parts">Only these boundary parts; null or empty for the whole boundary.</param>
    /// <returns>Node indices, each once.</returns>
    /// <exception cref="ArgumentException">A name is not a boundary part of this mesh.</exception>
    public int[] BoundaryNodes(IEnumerable<string>? parts = null)
    {
        var mask = PartMask(parts);
        var on = new bool[NodeCount];
        foreach (var e in BoundaryEdges)
        {
            if (mask[e.Part])
            {
                on[e.Node0] = on[e.Node1] = true;
            }
        }

        return Enumerable.Range(0, NodeCount).Where(i => on[i]).ToArray();
    }

    /// <summary>The mesh refined uniformly: every triangle split into four at its edge midpoints (see <see cref="MeshRefinement"/>).</summary>
    /// <returns>A new mesh with about four times as many triangles.</returns>
    public TriangleMesh Refine() => MeshRefinement.Refine(this);

    /// <summary>A one-line summary: source, node, triangle and boundary edge counts.</summary>
    /// <returns>The summary.</returns>
    public override string ToString()
        => $"{SourceName}: {NodeCount} nodes, {TriangleCount} triangles, {BoundaryEdges.Length} boundary edges, parts {DescribeParts()}";

    private string DescribeParts()
        => BoundaryParts.Length == 0 ? "(none)" : string.Join(", ", BoundaryParts.Select(p => p.Length == 0 ? "'' (unnamed)" : $"'{p}'"));
}
