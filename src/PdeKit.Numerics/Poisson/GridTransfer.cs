using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PdeKit.Numerics.Poisson;

/// <summary>
/// Transfers between a level and the next coarser one (coarse node (I, J) = fine node (2I, 2J)): full-weighting
/// restriction of residuals, bilinear prolongation of corrections, and the injections and interpolation of the
/// full-multigrid start. Only active nodes are written; inactive fine nodes keep their Dirichlet values, inactive
/// coarse nodes read as zero corrections.
/// </summary>
internal static class GridTransfer
{
    /// <summary>
    /// <c>coarse.F = R fine.R</c> at the active coarse nodes, with the full-weighting stencil
    /// <c>[1 2 1; 2 4 2; 1 2 1] / 16</c> (fine residuals are zero at inactive nodes).
    /// </summary>
    public static void Restrict(PoissonLevel fine, PoissonLevel coarse, RowRunner runner) =>
        runner.For(1, coarse.Ny - 1, fine.Grid.NodeCount, (fine, coarse), static (s, j0, j1) => RestrictRows(s.fine, s.coarse, j0, j1));

    /// <summary>Adds the bilinear interpolant of <c>coarse.U</c> to <c>fine.U</c> at the active fine nodes.</summary>
    public static void ProlongAdd(PoissonLevel coarse, PoissonLevel fine, RowRunner runner) =>
        runner.For(1, fine.Ny - 1, fine.Grid.NodeCount, (coarse, fine), static (s, j0, j1) => InterpolateRows(s.coarse, s.fine, j0, j1, add: true));

    /// <summary>Sets <c>fine.U</c> at the active fine nodes to the bilinear interpolant of <c>coarse.U</c> (Dirichlet values included).</summary>
    public static void Interpolate(PoissonLevel coarse, PoissonLevel fine, RowRunner runner) =>
        runner.For(1, fine.Ny - 1, fine.Grid.NodeCount, (coarse, fine), static (s, j0, j1) => InterpolateRows(s.coarse, s.fine, j0, j1, add: false));

    /// <summary>The coarse problem of the full-multigrid start: <c>F</c> and <c>U</c> (Dirichlet values) injected from the fine level.</summary>
    public static void InjectProblem(PoissonLevel fine, PoissonLevel coarse)
    {
        for (int jc = 0; jc < coarse.Ny; jc++)
        {
            for (int ic = 0; ic < coarse.Nx; ic++)
            {
                int pc = (jc * coarse.Nx) + ic, pf = (2 * jc * fine.Nx) + (2 * ic);
                coarse.F[pc] = fine.F[pf];
                coarse.U[pc] = coarse.Mask.IsActive(ic, jc) ? 0.0 : fine.U[pf];
            }
        }
    }

    private static void RestrictRows(PoissonLevel fine, PoissonLevel coarse, int j0, int j1)
    {
        int nx = fine.Nx, cnx = coarse.Nx;
        ref double r = ref MemoryMarshal.GetArrayDataReference(fine.R);
        ref double fc = ref MemoryMarshal.GetArrayDataReference(coarse.F);
        int[] offsets = coarse.Mask.RunOffsets, starts = coarse.Mask.RunStarts, ends = coarse.Mask.RunEnds;
        for (int jc = j0; jc < j1; jc++)
        {
            for (int k = offsets[jc]; k < offsets[jc + 1]; k++)
            {
                for (int ic = starts[k]; ic <= ends[k]; ic++)
                {
                    int p = (2 * jc * nx) + (2 * ic);
                    double centre = Unsafe.Add(ref r, p);
                    double edges = Unsafe.Add(ref r, p - 1) + Unsafe.Add(ref r, p + 1) + Unsafe.Add(ref r, p - nx) + Unsafe.Add(ref r, p + nx);
                    double corners = Unsafe.Add(ref r, p - nx - 1) + Unsafe.Add(ref r, p - nx + 1)
                        + Unsafe.Add(ref r, p + nx - 1) + Unsafe.Add(ref r, p + nx + 1);
                    Unsafe.Add(ref fc, (jc * cnx) + ic) = (0.25 * centre) + (0.125 * edges) + (0.0625 * corners);
                }
            }
        }
    }

    private static void InterpolateRows(PoissonLevel coarse, PoissonLevel fine, int j0, int j1, bool add)
    {
        int nx = fine.Nx, cnx = coarse.Nx;
        ref double u = ref MemoryMarshal.GetArrayDataReference(fine.U);
        ref double e = ref MemoryMarshal.GetArrayDataReference(coarse.U);
        int[] offsets = fine.Mask.RunOffsets, starts = fine.Mask.RunStarts, ends = fine.Mask.RunEnds;
        for (int j = j0; j < j1; j++)
        {
            // Fine row j lies on coarse row j/2 (j even: both rows the same) or midway between coarse rows (j-1)/2
            // and (j+1)/2; averaging the two rows covers both cases.
            int lower = (j >> 1) * cnx;
            int upper = (j & 1) == 0 ? lower : lower + cnx;
            for (int k = offsets[j]; k < offsets[j + 1]; k++)
            {
                int a = starts[k], b = ends[k];

                // Even columns sit on a coarse column, odd ones midway between two.
                for (int i = a + (a & 1); i <= b; i += 2)
                {
                    int c = i >> 1;
                    double v = (Unsafe.Add(ref e, lower + c) + Unsafe.Add(ref e, upper + c));
                    Write(ref Unsafe.Add(ref u, (j * nx) + i), 0.5 * v, add);
                }

                for (int i = a + 1 - (a & 1); i <= b; i += 2)
                {
                    int c = i >> 1;
                    double v = (Unsafe.Add(ref e, lower + c) + Unsafe.Add(ref e, lower + c + 1)
                        + Unsafe.Add(ref e, upper + c) + Unsafe.Add(ref e, upper + c + 1));
                    Write(ref Unsafe.Add(ref u, (j * nx) + i), 0.25 * v, add);
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Write(ref double target, double value, bool add)
    {
        if (add)
        {
            target += value;
        }
        else
        {
            target = value;
        }
    }
}
