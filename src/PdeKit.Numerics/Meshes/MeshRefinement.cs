using System.Globalization;
using System.Text.RegularExpressions;

namespace PdeKit.Numerics.Meshes;

/// <summary>
/// Uniform ("red") refinement: every triangle is split into four similar ones through its edge midpoints.
/// The new nodes are the old ones followed by one midpoint per edge; boundary edges keep their part names on
/// both halves and triangles keep their surface part. Curved boundaries stay polygonal: midpoints of boundary
/// edges lie on the chord, not on the original curve.
/// </summary>
public static partial class MeshRefinement
{
    /// <summary>Refines <paramref name="mesh"/> once.</summary>
    /// <param name="mesh">The mesh to refine.</param>
    /// <returns>A mesh with 4 times the triangles; the first <c>mesh.NodeCount</c> nodes are the old nodes in their old order.</returns>
    public static TriangleMesh Refine(TriangleMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        int n = mesh.NodeCount;
        var x = new List<double>(mesh.X);
        var y = new List<double>(mesh.Y);
        var midpoint = new Dictionary<long, int>(3 * mesh.TriangleCount);
        int Mid(int a, int b)
        {
            long key = TriangleMeshBuilder.EdgeKey(a, b, n);
            if (!midpoint.TryGetValue(key, out int m))
            {
                m = midpoint[key] = x.Count;
                x.Add(0.5 * (mesh.X[a] + mesh.X[b]));
                y.Add(0.5 * (mesh.Y[a] + mesh.Y[b]));
            }

            return m;
        }

        var tri = mesh.Triangles;
        var triangles = new int[12 * mesh.TriangleCount];
        var surfaces = new string[4 * mesh.TriangleCount];
        for (int k = 0; k < mesh.TriangleCount; k++)
        {
            int a = tri[3 * k], b = tri[(3 * k) + 1], c = tri[(3 * k) + 2];
            int ab = Mid(a, b), bc = Mid(b, c), ca = Mid(c, a);
            ReadOnlySpan<int> children = [a, ab, ca, ab, b, bc, ca, bc, c, ab, bc, ca];
            children.CopyTo(triangles.AsSpan(12 * k));
            surfaces.AsSpan(4 * k, 4).Fill(mesh.SurfaceParts[mesh.TriangleSurface[k]]);
        }

        // Named edges part by part, so that the refined mesh lists its parts in the same order.
        var named = new List<NamedEdge>(2 * mesh.BoundaryEdges.Length);
        foreach (var e in mesh.BoundaryEdges.OrderBy(e => e.Part))
        {
            string part = mesh.BoundaryParts[e.Part];
            if (part.Length > 0)
            {
                int m = midpoint[TriangleMeshBuilder.EdgeKey(e.Node0, e.Node1, n)];
                named.Add(new NamedEdge(e.Node0, m, part));
                named.Add(new NamedEdge(m, e.Node1, part));
            }
        }

        return TriangleMesh.Create(new TriangleMeshData
        {
            X = x,
            Y = y,
            Triangles = triangles,
            TriangleSurfaces = surfaces,
            NamedEdges = named,
            SourceName = RefinedName(mesh.SourceName),
        });
    }

    /// <summary>Refines <paramref name="mesh"/> <paramref name="times"/> times.</summary>
    /// <param name="mesh">The mesh to refine.</param>
    /// <param name="times">How often, 0 or more (each multiplies the triangle count by 4).</param>
    /// <returns>The refined mesh (the same mesh when <paramref name="times"/> is 0).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="times"/> is negative.</exception>
    public static TriangleMesh Refine(TriangleMesh mesh, int times)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentOutOfRangeException.ThrowIfNegative(times);
        for (int i = 0; i < times; i++)
        {
            mesh = Refine(mesh);
        }

        return mesh;
    }

    /// <summary>"m" becomes "m (refined 1x)", and "m (refined 1x)" becomes "m (refined 2x)".</summary>
    private static string RefinedName(string name)
    {
        var match = RefinedSuffix().Match(name);
        return match.Success
            ? $"{name[..match.Index]} (refined {int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) + 1}x)"
            : $"{name} (refined 1x)";
    }

    [GeneratedRegex(@" \(refined (\d{1,6})x\)$")]
    private static partial Regex RefinedSuffix();
}
