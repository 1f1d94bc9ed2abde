namespace PdeKit.Numerics.Poisson;

/// <summary>
/// Direct solver of the coarsest multigrid level: the level's operator as a symmetric positive definite band
/// matrix over all its nodes (inactive nodes as identity rows), factored once by band Cholesky
/// (<c>A = L L^T</c>, cost <c>n m^2</c> for n nodes and half-bandwidth m, the shorter side of the grid).
/// </summary>
internal sealed class BandedCholesky
{
    private readonly int n;
    private readonly int m;
    private readonly bool alongX;
    private readonly int nx;
    private readonly int ny;

    /// <summary>Lower band, row-major: entry (k, k - s) at <c>k (m + 1) + m - s</c>, s = 0..m.</summary>
    private readonly double[] band;
    private readonly double[] work;

    public BandedCholesky(PoissonLevel level)
    {
        nx = level.Nx;
        ny = level.Ny;
        n = nx * ny;

        // Number the nodes along the shorter side first: the band half-width is that side's length.
        alongX = nx <= ny;
        m = alongX ? nx : ny;
        band = new double[n * (m + 1)];
        work = new double[n];
        for (int j = 0; j < ny; j++)
        {
            for (int i = 0; i < nx; i++)
            {
                int k = Order(i, j);
                if (!level.Mask.IsActive(i, j))
                {
                    band[At(k, k)] = 1.0;
                    continue;
                }

                int p = (j * nx) + i;
                band[At(k, k)] = level.Diagonal(p);

                // Only the couplings to earlier-numbered active nodes: the lower triangle.
                Couple(level, k, i - 1, j, -level.West(p));
                Couple(level, k, i + 1, j, -level.East(p));
                Couple(level, k, i, j - 1, -level.South(p));
                Couple(level, k, i, j + 1, -level.North(p));
            }
        }

        Factor();
    }

    /// <summary>Solves <c>A e = rhs</c> for the level's active nodes; <paramref name="rhs"/> and the result are node arrays.</summary>
    public void Solve(double[] rhs, double[] result, NodeMask mask)
    {
        for (int j = 0; j < ny; j++)
        {
            for (int i = 0; i < nx; i++)
            {
                work[Order(i, j)] = mask.IsActive(i, j) ? rhs[(j * nx) + i] : 0.0;
            }
        }

        // L y = b, then L^T x = y.
        for (int k = 0; k < n; k++)
        {
            double sum = work[k];
            int baseK = k * (m + 1);
            for (int c = Math.Max(0, k - m); c < k; c++)
            {
                sum -= band[baseK + m - (k - c)] * work[c];
            }

            work[k] = sum / band[baseK + m];
        }

        for (int k = n - 1; k >= 0; k--)
        {
            double sum = work[k];
            for (int r = k + 1; r <= Math.Min(n - 1, k + m); r++)
            {
                sum -= band[At(r, k)] * work[r];
            }

            work[k] = sum / band[At(k, k)];
        }

        for (int j = 0; j < ny; j++)
        {
            for (int i = 0; i < nx; i++)
            {
                result[(j * nx) + i] = work[Order(i, j)];
            }
        }
    }

    private int Order(int i, int j) => alongX ? (j * nx) + i : (i * ny) + j;

    private int At(int row, int col) => (row * (m + 1)) + m - (row - col);

    private void Couple(PoissonLevel level, int k, int i, int j, double value)
    {
        if (level.Mask.IsActive(i, j) && Order(i, j) < k)
        {
            band[At(k, Order(i, j))] = value;
        }
    }

    private void Factor()
    {
        for (int k = 0; k < n; k++)
        {
            int first = Math.Max(0, k - m);
            for (int c = first; c <= k; c++)
            {
                // A[k, c] - sum_t L[k, t] L[c, t] over the columns t both rows share.
                double sum = band[At(k, c)];
                for (int t = Math.Max(first, c - m); t < c; t++)
                {
                    sum -= band[At(k, t)] * band[At(c, t)];
                }

                if (c < k)
                {
                    band[At(k, c)] = sum / band[At(c, c)];
                }
                else if (sum > 0)
                {
                    band[At(k, k)] = Math.Sqrt(sum);
                }
                else
                {
                    throw new InvalidOperationException("The coarsest multigrid operator is not positive definite; this is a bug.");
                }
            }
        }
    }
}
