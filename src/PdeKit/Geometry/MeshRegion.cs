using PdeKit.Numerics.Meshes;

namespace PdeKit.Geometry;

/// <summary>
/// The region covered by a triangle mesh (e.g. read from a Gmsh file): inside test by point location,
/// boundary as the mesh's boundary edges with their physical-group names, so distance functions, soft
/// conditions and boundary sampling work on it as on any other <see cref="Region2D"/>.
/// </summary>
public sealed class MeshRegion : Region2D
{
    private readonly MeshLocator locator;
    private readonly BoundaryPiece[] boundary;

    /// <summary>Wraps <paramref name="mesh"/>.</summary>
    public MeshRegion(TriangleMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        Mesh = mesh;
        locator = new MeshLocator(mesh);
        // Boundary edges run with the mesh on their left, as Region2D expects.
        boundary = mesh.BoundarySegments().Select(s => (BoundaryPiece)new LineSegment(s.X0, s.Y0, s.X1, s.Y1, string.IsNullOrEmpty(s.Part) ? null : s.Part)).ToArray();
        var b = mesh.Bounds;
        Bounds = new BoundingBox2D(b.MinX, b.MaxX, b.MinY, b.MaxY);
    }

    /// <summary>The mesh.</summary>
    public TriangleMesh Mesh { get; }

    /// <inheritdoc />
    public override BoundingBox2D Bounds { get; }

    /// <inheritdoc />
    public override IReadOnlyList<BoundaryPiece> Boundary => boundary;

    /// <inheritdoc />
    public override bool Contains(double x, double y) => locator.FindTriangle(x, y) >= 0;

    /// <inheritdoc />
    public override string ToString() => $"mesh {Mesh.SourceName} ({Mesh.TriangleCount} triangles)";
}
