using PdeKit.Numerics.Meshes;

namespace PdeKit.Reporting;

/// <summary>
/// Writes VTK XML UnstructuredGrid files (.vtu) for ParaView: a triangle mesh with point fields, or a 2D
/// structured grid (optionally masked) as quadrilaterals. Inputs are checked before anything is written, and
/// the file is written atomically, so a bad call leaves no file behind.
/// </summary>
public static class Vtk
{
    /// <summary>Writes a triangle mesh with fields on its nodes (and optionally on its triangles).</summary>
    /// <param name="path">The .vtu file to write (its folder is created).</param>
    /// <param name="mesh">The mesh.</param>
    /// <param name="pointFields">Fields with one value per node, <see cref="TriangleMesh.NodeCount"/> each.</param>
    /// <param name="cellFields">Optional fields with one value per triangle.</param>
    /// <param name="options">Encoding and checks; null for the defaults.</param>
    /// <exception cref="ArgumentException">A field has the wrong length, a repeated name, or a value that is not finite.</exception>
    public static void WriteTriangleMesh(
        string path, TriangleMesh mesh, IReadOnlyList<VtkField> pointFields, IReadOnlyList<VtkField>? cellFields = null, VtkOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(mesh);
        ArgumentNullException.ThrowIfNull(pointFields);
        options ??= new VtkOptions();
        cellFields ??= [];
        CheckFields(pointFields, mesh.NodeCount, "point", $"{mesh.SourceName} has {mesh.NodeCount} nodes", null, options);
        CheckFields(cellFields, mesh.TriangleCount, "cell", $"{mesh.SourceName} has {mesh.TriangleCount} triangles", null, options);
        var connectivity = new long[mesh.Triangles.Length];
        for (int i = 0; i < connectivity.Length; i++)
        {
            connectivity[i] = mesh.Triangles[i];
        }

        var grid = new VtkGrid([.. mesh.X], [.. mesh.Y], connectivity, 3, VtkGrid.Triangle, pointFields, cellFields);
        AtomicFile.WriteStream(path, stream => VtkXmlWriter.Write(stream, grid, options.Encoding));
    }

    /// <summary>
    /// Writes a structured grid of nodes (x[i], y[j]) as quadrilateral cells. With a mask, only cells whose four
    /// corners are active are written; all points are kept, and inactive points may hold NaN.
    /// Point (i, j) is number <c>j nx + i</c>: build fields with <see cref="VtkField.FromGrid"/> from [ny, nx] arrays.
    /// </summary>
    /// <param name="path">The .vtu file to write (its folder is created).</param>
    /// <param name="x">Node x coordinates, at least 2, finite and strictly increasing.</param>
    /// <param name="y">Node y coordinates, at least 2, finite and strictly increasing.</param>
    /// <param name="pointFields">Fields with nx ny values each.</param>
    /// <param name="mask">Active nodes, shape [ny, nx]; null for all.</param>
    /// <param name="options">Encoding and checks; null for the defaults.</param>
    /// <exception cref="ArgumentException">An axis, the mask or a field is malformed; the message says which and how.</exception>
    public static void WriteGrid(string path, double[] x, double[] y, IReadOnlyList<VtkField> pointFields, bool[,]? mask = null, VtkOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(pointFields);
        options ??= new VtkOptions();
        CheckAxis(x, nameof(x));
        CheckAxis(y, nameof(y));
        int nx = x.Length, ny = y.Length;
        if (mask is not null && (mask.GetLength(0) != ny || mask.GetLength(1) != nx))
        {
            throw new ArgumentException($"The mask has shape [{mask.GetLength(0)}, {mask.GetLength(1)}] but must be [ny, nx] = [{ny}, {nx}].", nameof(mask));
        }

        bool Active(int i, int j) => mask is null || mask[j, i];
        var connectivity = new List<long>();
        var used = new bool[nx * ny];
        for (int j = 0; j + 1 < ny; j++)
        {
            for (int i = 0; i + 1 < nx; i++)
            {
                if (Active(i, j) && Active(i + 1, j) && Active(i + 1, j + 1) && Active(i, j + 1))
                {
                    long p = ((long)j * nx) + i;
                    connectivity.AddRange([p, p + 1, p + 1 + nx, p + nx]);
                    used[p] = used[p + 1] = used[p + 1 + nx] = used[p + nx] = true;
                }
            }
        }

        CheckFields(pointFields, nx * ny, "point", $"the grid has nx ny = {nx} x {ny} = {nx * ny} nodes", used, options);
        var px = new double[nx * ny];
        var py = new double[nx * ny];
        for (int j = 0; j < ny; j++)
        {
            for (int i = 0; i < nx; i++)
            {
                (px[(j * nx) + i], py[(j * nx) + i]) = (x[i], y[j]);
            }
        }

        var grid = new VtkGrid(px, py, [.. connectivity], 4, VtkGrid.Quad, pointFields, []);
        AtomicFile.WriteStream(path, stream => VtkXmlWriter.Write(stream, grid, options.Encoding));
    }

    /// <summary>
    /// Writes points in space, each its own vertex cell, with fields on them: a point cloud for ParaView (e.g. the
    /// evaluation grid points inside a 3D region; show it with the Points representation or Glyphs).
    /// </summary>
    /// <param name="path">The .vtu file to write (its folder is created).</param>
    /// <param name="x">x coordinates, finite.</param>
    /// <param name="y">y coordinates, as many as <paramref name="x"/>, finite.</param>
    /// <param name="z">z coordinates, as many as <paramref name="x"/>, finite.</param>
    /// <param name="pointFields">Fields with one value per point.</param>
    /// <param name="options">Encoding and checks; null for the defaults.</param>
    /// <exception cref="ArgumentException">The coordinate arrays differ in length or hold a non-finite value, or a field is malformed.</exception>
    public static void WritePoints(string path, double[] x, double[] y, double[] z, IReadOnlyList<VtkField> pointFields, VtkOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(pointFields);
        options ??= new VtkOptions();
        if (y.Length != x.Length || z.Length != x.Length)
        {
            throw new ArgumentException($"x, y and z must have the same length (got {x.Length}, {y.Length}, {z.Length}).", nameof(z));
        }

        for (int i = 0; i < x.Length; i++)
        {
            if (!double.IsFinite(x[i]) || !double.IsFinite(y[i]) || !double.IsFinite(z[i]))
            {
                throw new ArgumentException($"Point {i} ({x[i]}, {y[i]}, {z[i]}) is not finite.", nameof(x));
            }
        }

        CheckFields(pointFields, x.Length, "point", $"there are {x.Length} points", null, options);
        var connectivity = new long[x.Length];
        for (int i = 0; i < connectivity.Length; i++)
        {
            connectivity[i] = i;
        }

        var grid = new VtkGrid([.. x], [.. y], connectivity, 1, VtkGrid.Vertex, pointFields, [], [.. z]);
        AtomicFile.WriteStream(path, stream => VtkXmlWriter.Write(stream, grid, options.Encoding));
    }

    private static void CheckFields(IReadOnlyList<VtkField> fields, int count, string kind, string what, bool[]? checkedPoints, VtkOptions options)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            ArgumentNullException.ThrowIfNull(field, nameof(fields));
            if (!names.Add(field.Name))
            {
                throw new ArgumentException($"Two {kind} fields are named '{field.Name}'; VTK field names must differ.", nameof(fields));
            }

            if (field.Values.Length != count)
            {
                throw new ArgumentException($"{kind} field '{field.Name}' has {field.Values.Length} values but {what}; it needs {count}.", nameof(fields));
            }

            for (int i = 0; i < count && !options.AllowNonFinite; i++)
            {
                if (!double.IsFinite(field.Values[i]) && (checkedPoints is null || checkedPoints[i]))
                {
                    throw new ArgumentException(
                        $"{kind} field '{field.Name}' has the value {field.Values[i]} at index {i}, which belongs to a written cell; "
                        + "mask the point out, or set VtkOptions.AllowNonFinite.", nameof(fields));
                }
            }
        }
    }

    private static void CheckAxis(double[] axis, string name)
    {
        ArgumentNullException.ThrowIfNull(axis, name);
        if (axis.Length < 2)
        {
            throw new ArgumentException($"The {name} axis needs at least 2 nodes, got {axis.Length}.", name);
        }

        for (int i = 0; i < axis.Length; i++)
        {
            if (!double.IsFinite(axis[i]) || (i > 0 && !(axis[i] > axis[i - 1])))
            {
                throw new ArgumentException($"The {name} axis must be finite and strictly increasing; {name}[{i}] = {axis[i]}.", name);
            }
        }
    }
}
