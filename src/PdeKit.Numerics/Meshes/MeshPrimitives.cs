namespace PdeKit.Numerics.Meshes;

/// <summary>
/// A boundary edge of a <see cref="TriangleMesh"/>, oriented so that the mesh lies on its left: walking from
/// <see cref="Node0"/> to <see cref="Node1"/>, the outward unit normal is <c>(dy, -dx) / length</c>.
/// </summary>
/// <param name="Node0">Index of the first node.</param>
/// <param name="Node1">Index of the second node.</param>
/// <param name="Part">Index into <see cref="TriangleMesh.BoundaryParts"/>: the named boundary part (Gmsh physical curve) of this edge.</param>
/// <param name="Triangle">Index of the one triangle that has this edge.</param>
public readonly record struct BoundaryEdge(int Node0, int Node1, int Part, int Triangle);

/// <summary>A boundary edge as coordinates, for distance functions: from (X0, Y0) to (X1, Y1), the mesh on its left.</summary>
/// <param name="X0">x of the first end.</param>
/// <param name="Y0">y of the first end.</param>
/// <param name="X1">x of the second end.</param>
/// <param name="Y1">y of the second end.</param>
/// <param name="Part">The boundary part's name (<see cref="TriangleMesh.UnnamedPart"/> when the edge has none).</param>
public readonly record struct BoundarySegment(double X0, double Y0, double X1, double Y1, string Part)
{
    /// <summary>The segment's length.</summary>
    public double Length => Math.Sqrt(((X1 - X0) * (X1 - X0)) + ((Y1 - Y0) * (Y1 - Y0)));
}

/// <summary>An edge given by its two node indices with the name of the boundary part it belongs to; input to <see cref="TriangleMesh.Create"/>.</summary>
/// <param name="Node0">Index of one node.</param>
/// <param name="Node1">Index of the other node (the order does not matter).</param>
/// <param name="Part">The boundary part's name, e.g. <c>left</c>.</param>
public readonly record struct NamedEdge(int Node0, int Node1, string Part);

/// <summary>An axis-aligned bounding box.</summary>
/// <param name="MinX">Smallest x.</param>
/// <param name="MinY">Smallest y.</param>
/// <param name="MaxX">Largest x.</param>
/// <param name="MaxY">Largest y.</param>
public readonly record struct MeshBounds(double MinX, double MinY, double MaxX, double MaxY)
{
    /// <summary>The box's width, <c>MaxX - MinX</c>.</summary>
    public double Width => MaxX - MinX;

    /// <summary>The box's height, <c>MaxY - MinY</c>.</summary>
    public double Height => MaxY - MinY;
}

/// <summary>
/// What <see cref="TriangleMesh.Create"/> builds a mesh from: plain arrays as a program or a file reader has them.
/// Node indices are 0-based; triangle orientation may be either way (it is made counter-clockwise).
/// </summary>
public sealed record TriangleMeshData
{
    /// <summary>Node x coordinates, one per node; finite.</summary>
    public required IReadOnlyList<double> X { get; init; }

    /// <summary>Node y coordinates, one per node; finite.</summary>
    public required IReadOnlyList<double> Y { get; init; }

    /// <summary>Triangles as node index triples, flattened: triangle t has nodes <c>[3t]</c>, <c>[3t+1]</c>, <c>[3t+2]</c>. Every node must be used.</summary>
    public required IReadOnlyList<int> Triangles { get; init; }

    /// <summary>Optional surface part name (Gmsh physical surface) per triangle; null gives every triangle <see cref="TriangleMesh.UnnamedPart"/>.</summary>
    public IReadOnlyList<string>? TriangleSurfaces { get; init; }

    /// <summary>Edges with boundary part names. Edges on the boundary take the name (the first one when named twice); named interior edges are ignored.</summary>
    public IReadOnlyList<NamedEdge> NamedEdges { get; init; } = [];

    /// <summary>Where the mesh came from (a file name, or a short description), for messages.</summary>
    public string SourceName { get; init; } = "mesh";
}
