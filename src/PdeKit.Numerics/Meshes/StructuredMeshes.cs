namespace PdeKit.Numerics.Meshes;

/// <summary>Meshes built in code, for tests and quick studies without Gmsh.</summary>
public static class StructuredMeshes
{
    /// <summary>
    /// The rectangle [x0, x1] x [y0, y1] cut into <paramref name="nx"/> x <paramref name="ny"/> cells, each split
    /// into two triangles along its diagonal from lower-left to upper-right. Boundary parts <c>bottom</c>,
    /// <c>right</c>, <c>top</c>, <c>left</c>; surface part <c>rectangle</c>. Node (i, j) has index
    /// <c>j (nx + 1) + i</c>, at <c>(x0 + i (x1 - x0) / nx, y0 + j (y1 - y0) / ny)</c>.
    /// </summary>
    /// <param name="x0">Left edge.</param>
    /// <param name="x1">Right edge, greater than <paramref name="x0"/>.</param>
    /// <param name="y0">Bottom edge.</param>
    /// <param name="y1">Top edge, greater than <paramref name="y0"/>.</param>
    /// <param name="nx">Cells along x, at least 1.</param>
    /// <param name="ny">Cells along y, at least 1.</param>
    /// <returns>The mesh, with 2 nx ny triangles.</returns>
    /// <exception cref="ArgumentOutOfRangeException">An edge is not finite, the rectangle is empty, or a cell count is below 1 or too large.</exception>
    public static TriangleMesh Rectangle(double x0, double x1, double y0, double y1, int nx, int ny)
    {
        if (!double.IsFinite(x0) || !double.IsFinite(x1) || !(x1 > x0))
        {
            throw new ArgumentOutOfRangeException(nameof(x1), $"The rectangle needs finite x0 < x1, got x0 = {x0}, x1 = {x1}.");
        }

        if (!double.IsFinite(y0) || !double.IsFinite(y1) || !(y1 > y0))
        {
            throw new ArgumentOutOfRangeException(nameof(y1), $"The rectangle needs finite y0 < y1, got y0 = {y0}, y1 = {y1}.");
        }

        const int MaxCells = 4096;
        ArgumentOutOfRangeException.ThrowIfLessThan(nx, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(ny, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nx, MaxCells);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ny, MaxCells);
        int Node(int i, int j) => (j * (nx + 1)) + i;
        var x = new double[(nx + 1) * (ny + 1)];
        var y = new double[x.Length];
        for (int j = 0; j <= ny; j++)
        {
            for (int i = 0; i <= nx; i++)
            {
                x[Node(i, j)] = i == nx ? x1 : x0 + (i * (x1 - x0) / nx);
                y[Node(i, j)] = j == ny ? y1 : y0 + (j * (y1 - y0) / ny);
            }
        }

        var triangles = new List<int>(6 * nx * ny);
        for (int j = 0; j < ny; j++)
        {
            for (int i = 0; i < nx; i++)
            {
                triangles.AddRange([Node(i, j), Node(i + 1, j), Node(i + 1, j + 1)]);
                triangles.AddRange([Node(i, j), Node(i + 1, j + 1), Node(i, j + 1)]);
            }
        }

        var named = new List<NamedEdge>(2 * (nx + ny));
        for (int i = 0; i < nx; i++)
        {
            named.Add(new NamedEdge(Node(i, 0), Node(i + 1, 0), "bottom"));
        }

        for (int j = 0; j < ny; j++)
        {
            named.Add(new NamedEdge(Node(nx, j), Node(nx, j + 1), "right"));
        }

        for (int i = 0; i < nx; i++)
        {
            named.Add(new NamedEdge(Node(i, ny), Node(i + 1, ny), "top"));
        }

        for (int j = 0; j < ny; j++)
        {
            named.Add(new NamedEdge(Node(0, j), Node(0, j + 1), "left"));
        }

        return TriangleMesh.Create(new TriangleMeshData
        {
            X = x,
            Y = y,
            Triangles = triangles,
            TriangleSurfaces = Enumerable.Repeat("rectangle", 2 * nx * ny).ToArray(),
            NamedEdges = named,
            SourceName = $"rectangle [{x0}, {x1}] x [{y0}, {y1}], {nx} x {ny} cells",
        });
    }
}
