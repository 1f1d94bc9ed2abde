using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PdeKit.Numerics.Poisson;

/// <summary>
/// Vector operations on node arrays of one level for the Krylov acceleration, row-parallel with per-row partial
/// sums (deterministic). Rows 0 and <c>Ny - 1</c> are boundary rows and skipped; the arrays hold zero at the other
/// inactive nodes, except the iterate, which keeps its Dirichlet values (the directions added to it are zero there).
/// </summary>
internal static class NodeVectors
{
    /// <summary><c>a . b</c>.</summary>
    public static double Dot(PoissonLevel level, RowRunner runner, double[] a, double[] b)
    {
        runner.For(1, level.Ny - 1, level.Grid.NodeCount, (level, a, b), static (s, j0, j1) =>
        {
            int nx = s.level.Nx;
            ref double x = ref MemoryMarshal.GetArrayDataReference(s.a);
            ref double y = ref MemoryMarshal.GetArrayDataReference(s.b);
            for (int j = j0; j < j1; j++)
            {
                double sum = 0;
                for (int p = j * nx; p < (j + 1) * nx; p++)
                {
                    sum += Unsafe.Add(ref x, p) * Unsafe.Add(ref y, p);
                }

                s.level.RowSums[j] = sum;
            }
        });
        return SumRows(level);
    }

    /// <summary><c>u += alpha d</c>.</summary>
    public static void Axpy(PoissonLevel level, RowRunner runner, double alpha, double[] d, double[] u) =>
        runner.For(1, level.Ny - 1, level.Grid.NodeCount, (level, alpha, d, u), static (s, j0, j1) =>
        {
            int nx = s.level.Nx;
            ref double dd = ref MemoryMarshal.GetArrayDataReference(s.d);
            ref double uu = ref MemoryMarshal.GetArrayDataReference(s.u);
            for (int p = j0 * nx; p < j1 * nx; p++)
            {
                Unsafe.Add(ref uu, p) += s.alpha * Unsafe.Add(ref dd, p);
            }
        });

    /// <summary><c>d = z + beta d</c>.</summary>
    public static void NewDirection(PoissonLevel level, RowRunner runner, double[] z, double beta, double[] d) =>
        runner.For(1, level.Ny - 1, level.Grid.NodeCount, (level, z, beta, d), static (s, j0, j1) =>
        {
            int nx = s.level.Nx;
            ref double zz = ref MemoryMarshal.GetArrayDataReference(s.z);
            ref double dd = ref MemoryMarshal.GetArrayDataReference(s.d);
            for (int p = j0 * nx; p < j1 * nx; p++)
            {
                Unsafe.Add(ref dd, p) = Unsafe.Add(ref zz, p) + (s.beta * Unsafe.Add(ref dd, p));
            }
        });

    private static double SumRows(PoissonLevel level)
    {
        double sum = 0;
        for (int j = 1; j < level.Ny - 1; j++)
        {
            sum += level.RowSums[j];
        }

        return sum;
    }
}
