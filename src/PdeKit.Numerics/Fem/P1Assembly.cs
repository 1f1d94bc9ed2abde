using PdeKit.Numerics.Meshes;

namespace PdeKit.Numerics.Fem;

/// <summary>Assembles the P1 stiffness matrix and load vector on the free nodes, with Dirichlet values moved to the right-hand side.</summary>
internal static class P1Assembly
{
    /// <param name="mesh">The mesh.</param>
    /// <param name="problem">The problem.</param>
    /// <param name="free">Free index of each node, -1 for Dirichlet nodes.</param>
    /// <param name="nFree">Number of free nodes.</param>
    /// <param name="u">Nodal values holding the Dirichlet data at Dirichlet nodes.</param>
    public static (CsrMatrix Matrix, double[] Rhs) Assemble(TriangleMesh mesh, EllipticProblem problem, int[] free, int nFree, double[] u)
    {
        var (rowStart, columns) = Pattern(mesh, free, nFree);
        var values = new double[columns.Length];
        var rhs = new double[nFree];
        var tri = mesh.Triangles.AsSpan();
        var xs = mesh.X.AsSpan();
        var ys = mesh.Y.AsSpan();
        Span<int> v = stackalloc int[3];
        Span<double> b = stackalloc double[3];
        Span<double> c = stackalloc double[3];
        Span<double> load = stackalloc double[3];
        for (int k = 0; k < mesh.TriangleCount; k++)
        {
            tri.Slice(3 * k, 3).CopyTo(v);
            double area = mesh.TriangleAreas[k];
            for (int i = 0; i < 3; i++)
            {
                int j = v[(i + 1) % 3], l = v[(i + 2) % 3];
                b[i] = ys[j] - ys[l];
                c[i] = xs[l] - xs[j];
            }

            double cx = (xs[v[0]] + xs[v[1]] + xs[v[2]]) / 3, cy = (ys[v[0]] + ys[v[1]] + ys[v[2]]) / 3;
            double a = problem.Coefficient is null ? 1 : P1Solver.Checked(problem.Coefficient(cx, cy), "coefficient a", cx, cy);
            if (!(a > 0))
            {
                throw new ArgumentException($"The coefficient a is {a} at ({cx}, {cy}) (triangle {k}); it must be positive.", nameof(problem));
            }

            load.Clear();
            foreach (var (l0, l1, l2, w) in TriangleQuadrature.Degree2)
            {
                double qx = (l0 * xs[v[0]]) + (l1 * xs[v[1]]) + (l2 * xs[v[2]]);
                double qy = (l0 * ys[v[0]]) + (l1 * ys[v[1]]) + (l2 * ys[v[2]]);
                double f = P1Solver.Checked(problem.Source(qx, qy), "source f", qx, qy) * w * area;
                load[0] += f * l0;
                load[1] += f * l1;
                load[2] += f * l2;
            }

            for (int i = 0; i < 3; i++)
            {
                int row = free[v[i]];
                if (row < 0)
                {
                    continue;
                }

                rhs[row] += load[i];
                for (int j = 0; j < 3; j++)
                {
                    double kij = a * ((b[i] * b[j]) + (c[i] * c[j])) / (4 * area);
                    int col = free[v[j]];
                    if (col < 0)
                    {
                        rhs[row] -= kij * u[v[j]];
                    }
                    else
                    {
                        values[Array.BinarySearch(columns, rowStart[row], rowStart[row + 1] - rowStart[row], col)] += kij;
                    }
                }
            }
        }

        return (new CsrMatrix(rowStart, columns, values), rhs);
    }

    /// <summary>The sparsity pattern of the free-free block: node pairs that share a triangle.</summary>
    private static (int[] RowStart, int[] Columns) Pattern(TriangleMesh mesh, int[] free, int nFree)
    {
        var neighbours = new List<int>[nFree];
        for (int i = 0; i < nFree; i++)
        {
            neighbours[i] = new List<int>(8);
        }

        var tri = mesh.Triangles;
        for (int k = 0; k < mesh.TriangleCount; k++)
        {
            for (int i = 0; i < 3; i++)
            {
                int row = free[tri[(3 * k) + i]];
                if (row < 0)
                {
                    continue;
                }

                for (int j = 0; j < 3; j++)
                {
                    int col = free[tri[(3 * k) + j]];
                    if (col >= 0 && !neighbours[row].Contains(col))
                    {
                        neighbours[row].Add(col);
                    }
                }
            }
        }

        var rowStart = new int[nFree + 1];
        for (int i = 0; i < nFree; i++)
        {
            rowStart[i + 1] = rowStart[i] + neighbours[i].Count;
        }

        var columns = new int[rowStart[nFree]];
        for (int i = 0; i < nFree; i++)
        {
            neighbours[i].Sort();
            neighbours[i].CopyTo(columns, rowStart[i]);
        }

        return (rowStart, columns);
    }
}
