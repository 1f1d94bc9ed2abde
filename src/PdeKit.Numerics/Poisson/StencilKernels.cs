using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PdeKit.Numerics.Poisson;

/// <summary>
/// The 5-point kernels on one level: red-black Gauss-Seidel half sweeps and the residual. A node (i, j) is red
/// when <c>i + j</c> is even; a half sweep updates one colour from the other only, so rows may run in any order
/// and in parallel with the same result.
/// </summary>
internal static class StencilKernels
{
    /// <summary>One red-black Gauss-Seidel sweep: red nodes, then black nodes.</summary>
    /// <remarks>
    /// <para>Red first also after the coarse-grid correction: measured, black first there roughly doubled the V(2,2) factor.</para>
    /// <para>
    /// One pass over memory instead of two: within a block of rows, row j is made red and then row j - 1 black (its
    /// red neighbours are final by then, and no red node reads it any more); the black nodes of a block's first and
    /// last rows, which neighbour other blocks' red rows, are done after all blocks. The result is exactly that of
    /// the two half sweeps.
    /// </para>
    /// </remarks>
    /// <param name="level">The level (its U is updated for its F).</param>
    /// <param name="runner">Row scheduler.</param>
    /// <param name="first">The colour updated first: 0 red (the default), 1 black (the adjoint sweep, for symmetric cycles).</param>
    public static void Sweep(PoissonLevel level, RowRunner runner, int first = 0) =>
        runner.ForWithSeams(1, level.Ny - 1, level.Grid.NodeCount, (level, first), static (s, j0, j1) =>
        {
            for (int j = j0; j < j1; j++)
            {
                HalfSweepRows(s.level, s.first, j, j + 1);
                if (j - 1 > j0)
                {
                    HalfSweepRows(s.level, 1 - s.first, j - 1, j);
                }
            }
        }, static (s, j0, j1) =>
        {
            HalfSweepRows(s.level, 1 - s.first, j0, j0 + 1);
            if (j1 - 1 > j0)
            {
                HalfSweepRows(s.level, 1 - s.first, j1 - 1, j1);
            }
        });

    /// <summary>Writes <c>R = F - A U</c> at the active nodes and returns <c>||R||_2</c> (summed row by row, deterministic).</summary>
    public static double Residual(PoissonLevel level, RowRunner runner) => Residual(level, runner, level.U, level.F, level.R);

    /// <summary>Writes <c>r = f - A u</c> at the active nodes of <paramref name="level"/> and returns <c>||r||_2</c>.</summary>
    public static double Residual(PoissonLevel level, RowRunner runner, double[] u, double[] f, double[] r)
    {
        runner.For(1, level.Ny - 1, level.Grid.NodeCount, (level, u, f, r), static (s, j0, j1) => ResidualRows(s.level, s.u, s.f, s.r, j0, j1));
        double sum = 0;
        for (int j = 1; j < level.Ny - 1; j++)
        {
            sum += level.RowSums[j];
        }

        return Math.Sqrt(sum);
    }

    private static void HalfSweepRows(PoissonLevel level, int color, int j0, int j1)
    {
        int nx = level.Nx;
        ref double u = ref MemoryMarshal.GetArrayDataReference(level.U);
        ref double f = ref MemoryMarshal.GetArrayDataReference(level.F);
        int[] offsets = level.Mask.RunOffsets, starts = level.Mask.RunStarts, ends = level.Mask.RunEnds;
        if (level.InvDiagonals is null)
        {
            double inv = level.InvDiagonal, wx = level.Cx * inv, wy = level.Cy * inv;
            for (int j = j0; j < j1; j++)
            {
                int row = j * nx;
                for (int r = offsets[j]; r < offsets[j + 1]; r++)
                {
                    int a = starts[r];
                    int end = row + ends[r];
                    for (int p = row + a + ((a + j + color) & 1); p <= end; p += 2)
                    {
                        Unsafe.Add(ref u, p) = (Unsafe.Add(ref f, p) * inv)
                            + (wx * (Unsafe.Add(ref u, p - 1) + Unsafe.Add(ref u, p + 1)))
                            + (wy * (Unsafe.Add(ref u, p - nx) + Unsafe.Add(ref u, p + nx)));
                    }
                }
            }

            return;
        }

        ref double ax = ref MemoryMarshal.GetArrayDataReference(level.Ax!);
        ref double ay = ref MemoryMarshal.GetArrayDataReference(level.Ay!);
        ref double invd = ref MemoryMarshal.GetArrayDataReference(level.InvDiagonals);
        double cx = level.Cx, cy = level.Cy;
        for (int j = j0; j < j1; j++)
        {
            int row = j * nx;
            for (int r = offsets[j]; r < offsets[j + 1]; r++)
            {
                int a = starts[r];
                int end = row + ends[r];
                for (int p = row + a + ((a + j + color) & 1); p <= end; p += 2)
                {
                    double sx = (Unsafe.Add(ref ax, p - 1) * Unsafe.Add(ref u, p - 1)) + (Unsafe.Add(ref ax, p) * Unsafe.Add(ref u, p + 1));
                    double sy = (Unsafe.Add(ref ay, p - nx) * Unsafe.Add(ref u, p - nx)) + (Unsafe.Add(ref ay, p) * Unsafe.Add(ref u, p + nx));
                    Unsafe.Add(ref u, p) = (Unsafe.Add(ref f, p) + (cx * sx) + (cy * sy)) * Unsafe.Add(ref invd, p);
                }
            }
        }
    }

    private static void ResidualRows(PoissonLevel level, double[] uArray, double[] fArray, double[] rArray, int j0, int j1)
    {
        int nx = level.Nx;
        ref double u = ref MemoryMarshal.GetArrayDataReference(uArray);
        ref double f = ref MemoryMarshal.GetArrayDataReference(fArray);
        ref double res = ref MemoryMarshal.GetArrayDataReference(rArray);
        int[] offsets = level.Mask.RunOffsets, starts = level.Mask.RunStarts, ends = level.Mask.RunEnds;
        bool constant = level.InvDiagonals is null;
        ref double ax = ref constant ? ref u : ref MemoryMarshal.GetArrayDataReference(level.Ax!);
        ref double ay = ref constant ? ref u : ref MemoryMarshal.GetArrayDataReference(level.Ay!);
        double cx = level.Cx, cy = level.Cy, diag = 2 * (cx + cy);
        for (int j = j0; j < j1; j++)
        {
            int row = j * nx;
            double sum = 0;
            for (int r = offsets[j]; r < offsets[j + 1]; r++)
            {
                int end = row + ends[r];
                if (constant)
                {
                    for (int p = row + starts[r]; p <= end; p++)
                    {
                        double v = Unsafe.Add(ref f, p) - (diag * Unsafe.Add(ref u, p))
                            + (cx * (Unsafe.Add(ref u, p - 1) + Unsafe.Add(ref u, p + 1)))
                            + (cy * (Unsafe.Add(ref u, p - nx) + Unsafe.Add(ref u, p + nx)));
                        Unsafe.Add(ref res, p) = v;
                        sum += v * v;
                    }
                }
                else
                {
                    for (int p = row + starts[r]; p <= end; p++)
                    {
                        double up = Unsafe.Add(ref u, p);
                        double fx = (Unsafe.Add(ref ax, p - 1) * (up - Unsafe.Add(ref u, p - 1))) + (Unsafe.Add(ref ax, p) * (up - Unsafe.Add(ref u, p + 1)));
                        double fy = (Unsafe.Add(ref ay, p - nx) * (up - Unsafe.Add(ref u, p - nx))) + (Unsafe.Add(ref ay, p) * (up - Unsafe.Add(ref u, p + nx)));
                        double v = Unsafe.Add(ref f, p) - (cx * fx) - (cy * fy);
                        Unsafe.Add(ref res, p) = v;
                        sum += v * v;
                    }
                }
            }

            level.RowSums[j] = sum;
        }
    }
}
