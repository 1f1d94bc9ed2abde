namespace PdeKit.Numerics.Meshes;

/// <summary>Where a point lies in a mesh: its triangle and barycentric coordinates (L0 + L1 + L2 = 1) with respect to the triangle's nodes.</summary>
/// <param name="Triangle">The triangle index.</param>
/// <param name="L0">Weight of the triangle's first node.</param>
/// <param name="L1">Weight of the second node.</param>
/// <param name="L2">Weight of the third node.</param>
public readonly record struct MeshLocation(int Triangle, double L0, double L1, double L2);

/// <summary>
/// Finds the triangle containing a point, and interpolates nodal values (piecewise linear, P1) at any point,
/// NaN outside the mesh. A uniform grid of bins over the bounding box (about one bin per triangle) lists the
/// triangles whose bounding boxes meet each bin, so a query tests only a few triangles. Immutable after
/// construction and safe to query from several threads.
/// </summary>
public sealed class MeshLocator
{
    /// <summary>A point counts as inside a triangle when no barycentric coordinate is below minus this.</summary>
    public const double Tolerance = 1e-10;

    private readonly TriangleMesh mesh;
    private readonly double[] affine; // per triangle: x0, y0 and the inverse Jacobian (4 entries)
    private readonly int[] binStart;
    private readonly int[] binTriangles;
    private readonly int nbx;
    private readonly int nby;
    private readonly double minX;
    private readonly double minY;
    private readonly double binW;
    private readonly double binH;

    /// <summary>Builds the bins for <paramref name="mesh"/>.</summary>
    /// <param name="mesh">The mesh to search.</param>
    public MeshLocator(TriangleMesh mesh)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        this.mesh = mesh;
        int t = mesh.TriangleCount;
        var b = mesh.Bounds;
        double pad = 1e-9 * Math.Max(b.Width, b.Height);
        (minX, minY) = (b.MinX - pad, b.MinY - pad);
        double w = b.Width + (2 * pad), h = b.Height + (2 * pad);
        double side = Math.Sqrt(w * h / t);
        nbx = (int)Math.Clamp(Math.Ceiling(w / side), 1, 2048);
        nby = (int)Math.Clamp(Math.Ceiling(h / side), 1, 2048);
        (binW, binH) = (w / nbx, h / nby);
        affine = new double[6 * t];
        var tri = mesh.Triangles.AsSpan();
        var range = new (int I0, int I1, int J0, int J1)[t];
        binStart = new int[(nbx * nby) + 1];
        for (int k = 0; k < t; k++)
        {
            int a = tri[3 * k], bb = tri[(3 * k) + 1], c = tri[(3 * k) + 2];
            double x0 = mesh.X[a], y0 = mesh.Y[a];
            double j11 = mesh.X[bb] - x0, j12 = mesh.X[c] - x0, j21 = mesh.Y[bb] - y0, j22 = mesh.Y[c] - y0;
            double det = (j11 * j22) - (j12 * j21);
            ReadOnlySpan<double> map = [x0, y0, j22 / det, -j12 / det, -j21 / det, j11 / det];
            map.CopyTo(affine.AsSpan(6 * k));
            double lo = Math.Min(x0, Math.Min(mesh.X[bb], mesh.X[c])), hi = Math.Max(x0, Math.Max(mesh.X[bb], mesh.X[c]));
            double bot = Math.Min(y0, Math.Min(mesh.Y[bb], mesh.Y[c])), top = Math.Max(y0, Math.Max(mesh.Y[bb], mesh.Y[c]));
            range[k] = (BinX(lo - pad), BinX(hi + pad), BinY(bot - pad), BinY(top + pad));
            for (int j = range[k].J0; j <= range[k].J1; j++)
            {
                for (int i = range[k].I0; i <= range[k].I1; i++)
                {
                    binStart[(j * nbx) + i + 1]++;
                }
            }
        }

        for (int i = 0; i < nbx * nby; i++)
        {
            binStart[i + 1] += binStart[i];
        }

        binTriangles = new int[binStart[^1]];
        var fill = binStart[..^1].ToArray();
        for (int k = 0; k < t; k++)
        {
            for (int j = range[k].J0; j <= range[k].J1; j++)
            {
                for (int i = range[k].I0; i <= range[k].I1; i++)
                {
                    binTriangles[fill[(j * nbx) + i]++] = k;
                }
            }
        }
    }

    /// <summary>The mesh being searched.</summary>
    public TriangleMesh Mesh => mesh;

    /// <summary>Finds the triangle containing (x, y), on its edges included (within <see cref="Tolerance"/>).</summary>
    /// <param name="x">The point's x.</param>
    /// <param name="y">The point's y.</param>
    /// <param name="location">The triangle and barycentric coordinates; default when outside.</param>
    /// <returns>True when the point lies in the mesh.</returns>
    public bool TryLocate(double x, double y, out MeshLocation location)
    {
        location = default;
        if (!(x >= minX && y >= minY && x <= minX + (nbx * binW) && y <= minY + (nby * binH)))
        {
            return false; // outside the box, or NaN
        }

        int bin = (BinY(y) * nbx) + BinX(x);
        double best = double.NegativeInfinity;
        for (int p = binStart[bin]; p < binStart[bin + 1]; p++)
        {
            int k = binTriangles[p];
            var m = affine.AsSpan(6 * k, 6);
            double dx = x - m[0], dy = y - m[1];
            double l1 = (m[2] * dx) + (m[3] * dy), l2 = (m[4] * dx) + (m[5] * dy), l0 = 1 - l1 - l2;
            double least = Math.Min(l0, Math.Min(l1, l2));
            if (least >= -Tolerance && least > best)
            {
                best = least;
                location = new MeshLocation(k, l0, l1, l2);
                if (least >= 0)
                {
                    break; // strictly inside (or exactly on an edge): no better triangle
                }
            }
        }

        return best > double.NegativeInfinity;
    }

    /// <summary>The triangle containing (x, y), or -1 outside the mesh.</summary>
    /// <param name="x">The point's x.</param>
    /// <param name="y">The point's y.</param>
    /// <returns>A triangle index, or -1.</returns>
    public int FindTriangle(double x, double y) => TryLocate(x, y, out var at) ? at.Triangle : -1;

    /// <summary>The piecewise linear interpolant of nodal values at (x, y); NaN outside the mesh.</summary>
    /// <param name="nodalValues">One value per node, length <see cref="TriangleMesh.NodeCount"/>.</param>
    /// <param name="x">The point's x.</param>
    /// <param name="y">The point's y.</param>
    /// <returns>The interpolated value.</returns>
    /// <exception cref="ArgumentException"><paramref name="nodalValues"/> has the wrong length.</exception>
    public double Interpolate(ReadOnlySpan<double> nodalValues, double x, double y)
    {
        CheckNodal(nodalValues.Length);
        return At(nodalValues, x, y);
    }

    /// <summary>The piecewise linear interpolant of nodal values at many points; NaN for points outside the mesh.</summary>
    /// <param name="nodalValues">One value per node, length <see cref="TriangleMesh.NodeCount"/>.</param>
    /// <param name="x">The points' x coordinates.</param>
    /// <param name="y">The points' y coordinates, as many as <paramref name="x"/>.</param>
    /// <returns>One value per point.</returns>
    /// <exception cref="ArgumentException">A length is wrong.</exception>
    public double[] Interpolate(ReadOnlySpan<double> nodalValues, ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        CheckNodal(nodalValues.Length);
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"x has {x.Length} points but y has {y.Length}; they must match.", nameof(y));
        }

        var result = new double[x.Length];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = At(nodalValues, x[i], y[i]);
        }

        return result;
    }

    private double At(ReadOnlySpan<double> nodal, double x, double y)
    {
        if (!TryLocate(x, y, out var at))
        {
            return double.NaN;
        }

        int k = 3 * at.Triangle;
        var tri = mesh.Triangles;
        return (at.L0 * nodal[tri[k]]) + (at.L1 * nodal[tri[k + 1]]) + (at.L2 * nodal[tri[k + 2]]);
    }

    private void CheckNodal(int length)
    {
        if (length != mesh.NodeCount)
        {
            throw new ArgumentException($"{mesh.SourceName} has {mesh.NodeCount} nodes but {length} nodal values were given.", "nodalValues");
        }
    }

    private int BinX(double x) => Math.Clamp((int)((x - minX) / binW), 0, nbx - 1);

    private int BinY(double y) => Math.Clamp((int)((y - minY) / binH), 0, nby - 1);
}
