using PdeKit.Numerics.Meshes;

namespace PdeKit.Numerics.Fem;

/// <summary>
/// Errors of a P1 function (nodal values on a <see cref="TriangleMesh"/>) against an exact solution, for
/// convergence studies: integrals use a degree-4 rule on every triangle.
/// </summary>
public static class FemNorms
{
    /// <summary>The L2 norm of <c>u_h - u</c> over the mesh.</summary>
    /// <param name="mesh">The mesh.</param>
    /// <param name="nodal">Nodal values of u_h, length <see cref="TriangleMesh.NodeCount"/>.</param>
    /// <param name="exact">The exact u(x, y).</param>
    /// <returns><c>sqrt(integral (u_h - u)^2)</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="nodal"/> has the wrong length.</exception>
    public static double L2Error(TriangleMesh mesh, ReadOnlySpan<double> nodal, Func<double, double, double> exact)
    {
        Check(mesh, nodal.Length);
        ArgumentNullException.ThrowIfNull(exact);
        double sum = 0;
        var tri = mesh.Triangles;
        for (int k = 0; k < mesh.TriangleCount; k++)
        {
            int a = tri[3 * k], b = tri[(3 * k) + 1], c = tri[(3 * k) + 2];
            double local = 0;
            foreach (var (l0, l1, l2, w) in TriangleQuadrature.Degree4)
            {
                double x = (l0 * mesh.X[a]) + (l1 * mesh.X[b]) + (l2 * mesh.X[c]);
                double y = (l0 * mesh.Y[a]) + (l1 * mesh.Y[b]) + (l2 * mesh.Y[c]);
                double e = (l0 * nodal[a]) + (l1 * nodal[b]) + (l2 * nodal[c]) - exact(x, y);
                local += w * e * e;
            }

            sum += local * mesh.TriangleAreas[k];
        }

        return Math.Sqrt(sum);
    }

    /// <summary>The H1 seminorm of <c>u_h - u</c>: the L2 norm of the gradient error.</summary>
    /// <param name="mesh">The mesh.</param>
    /// <param name="nodal">Nodal values of u_h, length <see cref="TriangleMesh.NodeCount"/>.</param>
    /// <param name="exactGradient">The exact gradient (du/dx, du/dy) at (x, y).</param>
    /// <returns><c>sqrt(integral |grad u_h - grad u|^2)</c>.</returns>
    /// <exception cref="ArgumentException"><paramref name="nodal"/> has the wrong length.</exception>
    public static double H1SeminormError(TriangleMesh mesh, ReadOnlySpan<double> nodal, Func<double, double, (double Dx, double Dy)> exactGradient)
    {
        Check(mesh, nodal.Length);
        ArgumentNullException.ThrowIfNull(exactGradient);
        double sum = 0;
        var tri = mesh.Triangles;
        for (int k = 0; k < mesh.TriangleCount; k++)
        {
            int a = tri[3 * k], b = tri[(3 * k) + 1], c = tri[(3 * k) + 2];
            double twice = 2 * mesh.TriangleAreas[k];
            // grad phi_i = (y_j - y_l, x_l - x_j) / (2 A), (i, j, l) cyclic.
            double gx = ((nodal[a] * (mesh.Y[b] - mesh.Y[c])) + (nodal[b] * (mesh.Y[c] - mesh.Y[a])) + (nodal[c] * (mesh.Y[a] - mesh.Y[b]))) / twice;
            double gy = ((nodal[a] * (mesh.X[c] - mesh.X[b])) + (nodal[b] * (mesh.X[a] - mesh.X[c])) + (nodal[c] * (mesh.X[b] - mesh.X[a]))) / twice;
            double local = 0;
            foreach (var (l0, l1, l2, w) in TriangleQuadrature.Degree4)
            {
                double x = (l0 * mesh.X[a]) + (l1 * mesh.X[b]) + (l2 * mesh.X[c]);
                double y = (l0 * mesh.Y[a]) + (l1 * mesh.Y[b]) + (l2 * mesh.Y[c]);
                var (ex, ey) = exactGradient(x, y);
                local += w * (((gx - ex) * (gx - ex)) + ((gy - ey) * (gy - ey)));
            }

            sum += local * mesh.TriangleAreas[k];
        }

        return Math.Sqrt(sum);
    }

    /// <summary>The largest error at the nodes, <c>max |u_h(node) - u(node)|</c>.</summary>
    /// <param name="mesh">The mesh.</param>
    /// <param name="nodal">Nodal values of u_h, length <see cref="TriangleMesh.NodeCount"/>.</param>
    /// <param name="exact">The exact u(x, y).</param>
    /// <returns>The maximum nodal error.</returns>
    /// <exception cref="ArgumentException"><paramref name="nodal"/> has the wrong length.</exception>
    public static double MaxNodalError(TriangleMesh mesh, ReadOnlySpan<double> nodal, Func<double, double, double> exact)
    {
        Check(mesh, nodal.Length);
        ArgumentNullException.ThrowIfNull(exact);
        double max = 0;
        for (int i = 0; i < mesh.NodeCount; i++)
        {
            max = Math.Max(max, Math.Abs(nodal[i] - exact(mesh.X[i], mesh.Y[i])));
        }

        return max;
    }

    private static void Check(TriangleMesh mesh, int length)
    {
        ArgumentNullException.ThrowIfNull(mesh);
        if (length != mesh.NodeCount)
        {
            throw new ArgumentException($"{mesh.SourceName} has {mesh.NodeCount} nodes but {length} nodal values were given.", "nodal");
        }
    }
}
