namespace PdeKit.Numerics.Meshes;

/// <summary>Points sampled inside a mesh: <c>(X[i], Y[i])</c> lies in triangle <c>Triangle[i]</c>.</summary>
/// <param name="X">x coordinates.</param>
/// <param name="Y">y coordinates.</param>
/// <param name="Triangle">The triangle each point was drawn in.</param>
public sealed record MeshPoints(double[] X, double[] Y, int[] Triangle)
{
    /// <summary>The number of points.</summary>
    public int Count => X.Length;
}

/// <summary>Points sampled on a mesh boundary, with the outward unit normal at each.</summary>
/// <param name="X">x coordinates.</param>
/// <param name="Y">y coordinates.</param>
/// <param name="NormalX">x component of the outward unit normal.</param>
/// <param name="NormalY">y component of the outward unit normal.</param>
/// <param name="Edge">Index into <see cref="TriangleMesh.BoundaryEdges"/> of the edge each point lies on.</param>
/// <param name="Part">Index into <see cref="TriangleMesh.BoundaryParts"/> of the part each point lies on.</param>
public sealed record BoundaryPoints(double[] X, double[] Y, double[] NormalX, double[] NormalY, int[] Edge, int[] Part)
{
    /// <summary>The number of points.</summary>
    public int Count => X.Length;
}

/// <summary>
/// Random points on a <see cref="TriangleMesh"/>, reproducible with a seeded <see cref="Random"/>: inside,
/// uniform by area (a triangle drawn by area from a cumulative table, then a uniform point in it), and on the
/// boundary, uniform by length (optionally on named parts only) with outward unit normals.
/// </summary>
public sealed class MeshSampler
{
    private readonly TriangleMesh mesh;
    private readonly double[] cumulativeArea;
    private readonly double[] edgeLength;

    /// <summary>Prepares the cumulative area and edge length tables of <paramref name="mesh"/>.</summary>
    /// <param name="mesh">The mesh to sample.</param>
    public MeshSampler(TriangleMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        this.mesh = mesh;
        cumulativeArea = new double[mesh.TriangleCount];
        double sum = 0;
        for (int k = 0; k < cumulativeArea.Length; k++)
        {
            sum += mesh.TriangleAreas[k];
            cumulativeArea[k] = sum;
        }

        edgeLength = new double[mesh.BoundaryEdges.Length];
        for (int e = 0; e < edgeLength.Length; e++)
        {
            var edge = mesh.BoundaryEdges[e];
            edgeLength[e] = Math.Sqrt(Sq(mesh.X[edge.Node1] - mesh.X[edge.Node0]) + Sq(mesh.Y[edge.Node1] - mesh.Y[edge.Node0]));
        }
    }

    /// <summary>The mesh being sampled.</summary>
    public TriangleMesh Mesh => mesh;

    /// <summary>Points uniformly distributed over the mesh's area.</summary>
    /// <param name="count">How many, 0 or more.</param>
    /// <param name="random">The random source (seed it for reproducible points).</param>
    /// <returns>The points and the triangle of each.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public MeshPoints Interior(int count, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(random);
        var x = new double[count];
        var y = new double[count];
        var triangle = new int[count];
        double total = cumulativeArea[^1];
        var tri = mesh.Triangles.AsSpan();
        for (int i = 0; i < count; i++)
        {
            int k = Pick(cumulativeArea, random.NextDouble() * total);
            double r1 = random.NextDouble(), r2 = random.NextDouble();
            if (r1 + r2 > 1)
            {
                (r1, r2) = (1 - r1, 1 - r2);
            }

            int a = tri[3 * k], b = tri[(3 * k) + 1], c = tri[(3 * k) + 2];
            x[i] = mesh.X[a] + (r1 * (mesh.X[b] - mesh.X[a])) + (r2 * (mesh.X[c] - mesh.X[a]));
            y[i] = mesh.Y[a] + (r1 * (mesh.Y[b] - mesh.Y[a])) + (r2 * (mesh.Y[c] - mesh.Y[a]));
            triangle[i] = k;
        }

        return new MeshPoints(x, y, triangle);
    }

    /// <summary>Points uniformly distributed by length over the boundary (or over the named parts of it), with outward unit normals.</summary>
    /// <param name="count">How many, 0 or more.</param>
    /// <param name="random">The random source (seed it for reproducible points).</param>
    /// <param name="parts">Boundary part names to sample; null or empty for the whole boundary.</param>
    /// <returns>The points, normals, edges and parts.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    /// <exception cref="ArgumentException">A part name is not a boundary part of the mesh.</exception>
    public BoundaryPoints Boundary(int count, Random random, IEnumerable<string>? parts = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentNullException.ThrowIfNull(random);
        var mask = mesh.PartMask(parts);
        var edges = new List<int>();
        var cumulative = new List<double>();
        double total = 0;
        for (int e = 0; e < edgeLength.Length; e++)
        {
            if (mask[mesh.BoundaryEdges[e].Part])
            {
                total += edgeLength[e];
                edges.Add(e);
                cumulative.Add(total);
            }
        }

        var result = new BoundaryPoints(new double[count], new double[count], new double[count], new double[count], new int[count], new int[count]);
        if (count > 0 && edges.Count == 0)
        {
            throw new ArgumentException($"{mesh.SourceName}: the chosen boundary parts have no edges.", nameof(parts));
        }

        var table = cumulative.ToArray();
        for (int i = 0; i < count; i++)
        {
            int e = edges[Pick(table, random.NextDouble() * total)];
            var edge = mesh.BoundaryEdges[e];
            double s = random.NextDouble();
            double dx = mesh.X[edge.Node1] - mesh.X[edge.Node0], dy = mesh.Y[edge.Node1] - mesh.Y[edge.Node0];
            result.X[i] = mesh.X[edge.Node0] + (s * dx);
            result.Y[i] = mesh.Y[edge.Node0] + (s * dy);
            result.NormalX[i] = dy / edgeLength[e];
            result.NormalY[i] = -dx / edgeLength[e];
            result.Edge[i] = e;
            result.Part[i] = edge.Part;
        }

        return result;
    }

    /// <summary>The first index whose cumulative value exceeds <paramref name="u"/> (clamped to the table).</summary>
    private static int Pick(double[] cumulative, double u)
    {
        int lo = 0, hi = cumulative.Length - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > u)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private static double Sq(double v) => v * v;
}
