namespace PdeKit.Numerics.Poisson;

/// <summary>
/// The 5-point operator of <c>-div(a grad u)</c> on one grid level, with the level's work arrays: the iterate
/// <see cref="U"/> (Dirichlet values at the inactive nodes), the right-hand side <see cref="F"/> (read at the
/// active nodes only) and the residual <see cref="R"/> (written at the active nodes only, zero elsewhere).
/// </summary>
/// <remarks>
/// Row <c>p</c> of the operator at an active node: <c>D_p u_p - W_p u_{p-1} - E_p u_{p+1} - S_p u_{p-Nx} - N_p u_{p+Nx}</c>
/// with <c>W_p = Cx a_x[p-1]</c>, <c>E_p = Cx a_x[p]</c>, <c>S_p = Cy a_y[p-Nx]</c>, <c>N_p = Cy a_y[p]</c>, <c>Cx = 1/hx^2</c>,
/// <c>Cy = 1/hy^2</c> and <c>D_p</c> their sum; <c>a_x[p]</c> is the coefficient on the face between nodes p and p+1,
/// <c>a_y[p]</c> on the face between p and p+Nx. Without coefficient arrays a = 1.
/// </remarks>
internal sealed class PoissonLevel
{
    internal PoissonLevel(UniformGrid2D grid, NodeMask mask, double[]? ax, double[]? ay)
    {
        Grid = grid;
        Mask = mask;
        Nx = grid.Nx;
        Ny = grid.Ny;
        Cx = 1.0 / (grid.Hx * grid.Hx);
        Cy = 1.0 / (grid.Hy * grid.Hy);
        Ax = ax;
        Ay = ay;
        U = new double[grid.NodeCount];
        F = new double[grid.NodeCount];
        R = new double[grid.NodeCount];
        RowSums = new double[grid.Ny];
        InvDiagonal = 1.0 / (2 * (Cx + Cy));
        if (ax is not null && ay is not null)
        {
            InvDiagonals = new double[grid.NodeCount];
            for (int j = 1; j < Ny - 1; j++)
            {
                for (int i = 1; i < Nx - 1; i++)
                {
                    int p = (j * Nx) + i;
                    InvDiagonals[p] = 1.0 / ((Cx * (ax[p - 1] + ax[p])) + (Cy * (ay[p - Nx] + ay[p])));
                }
            }
        }
    }

    private PoissonLevel(PoissonLevel operatorOf)
    {
        Grid = operatorOf.Grid;
        Mask = operatorOf.Mask;
        Nx = operatorOf.Nx;
        Ny = operatorOf.Ny;
        Cx = operatorOf.Cx;
        Cy = operatorOf.Cy;
        Ax = operatorOf.Ax;
        Ay = operatorOf.Ay;
        InvDiagonal = operatorOf.InvDiagonal;
        InvDiagonals = operatorOf.InvDiagonals;
        U = new double[Grid.NodeCount];
        F = new double[Grid.NodeCount];
        R = new double[Grid.NodeCount];
        RowSums = new double[Ny];
    }

    public UniformGrid2D Grid { get; }

    public NodeMask Mask { get; }

    public int Nx { get; }

    public int Ny { get; }

    /// <summary><c>1 / hx^2</c>.</summary>
    public double Cx { get; }

    /// <summary><c>1 / hy^2</c>.</summary>
    public double Cy { get; }

    /// <summary>Coefficient on x-faces (null for a = 1).</summary>
    public double[]? Ax { get; }

    /// <summary>Coefficient on y-faces (null for a = 1).</summary>
    public double[]? Ay { get; }

    /// <summary>1 / diagonal for a = 1.</summary>
    public double InvDiagonal { get; }

    /// <summary>1 / diagonal per node with coefficients (null for a = 1).</summary>
    public double[]? InvDiagonals { get; }

    public bool HasCoefficient => Ax is not null;

    public double[] U { get; }

    public double[] F { get; }

    public double[] R { get; }

    /// <summary>Per-row partial sums for deterministic reductions.</summary>
    public double[] RowSums { get; }

    /// <summary>The same operator with its own, zeroed work arrays.</summary>
    public PoissonLevel WithOwnArrays() => new(this);

    public double West(int p) => Ax is null ? Cx : Cx * Ax[p - 1];

    public double East(int p) => Ax is null ? Cx : Cx * Ax[p];

    public double South(int p) => Ay is null ? Cy : Cy * Ay[p - Nx];

    public double North(int p) => Ay is null ? Cy : Cy * Ay[p];

    public double Diagonal(int p) => InvDiagonals is null ? 1.0 / InvDiagonal : 1.0 / InvDiagonals[p];

    /// <summary>
    /// The next coarser level (every other node; coarse node (I, J) active when fine node (2I, 2J) is), or null when
    /// <c>Nx - 1</c> or <c>Ny - 1</c> is odd, the coarse grid would have fewer than 3 nodes a side, or no active node.
    /// </summary>
    /// <remarks>
    /// Coefficients are averaged, not resampled: a coarse x-face spans two fine x-faces in series, combined by
    /// their harmonic mean (the exact conductance of two resistors in series), and three fine rows across, combined
    /// with the weights 1/4, 1/2, 1/4 of full weighting. For smooth a this is a second-order rediscretisation; a
    /// jump that a coarse face straddles is seen through the harmonic mean, as the flux across it is. Uses only the
    /// fine level's coefficients, never the user's function.
    /// </remarks>
    public PoissonLevel? Coarsen()
    {
        if ((Nx - 1) % 2 != 0 || (Ny - 1) % 2 != 0 || (Nx - 1) / 2 < 2 || (Ny - 1) / 2 < 2)
        {
            return null;
        }

        var coarse = new UniformGrid2D(Grid.X0, Grid.X1, Grid.Y0, Grid.Y1, ((Nx - 1) / 2) + 1, ((Ny - 1) / 2) + 1);
        NodeMask coarseMask = Mask.Coarsen(coarse);
        if (coarseMask.ActiveCount == 0)
        {
            return null;
        }

        if (Ax is null || Ay is null)
        {
            return new PoissonLevel(coarse, coarseMask, null, null);
        }

        int cnx = coarse.Nx, cny = coarse.Ny;
        var ax = new double[coarse.NodeCount];
        var ay = new double[coarse.NodeCount];
        for (int jc = 0; jc < cny; jc++)
        {
            int j = 2 * jc, below = Math.Max(j - 1, 0), above = Math.Min(j + 1, Ny - 1);
            for (int ic = 0; ic < cnx; ic++)
            {
                int pc = (jc * cnx) + ic, i = 2 * ic, left = Math.Max(i - 1, 0), right = Math.Min(i + 1, Nx - 1);
                if (ic < cnx - 1)
                {
                    ax[pc] = (0.25 * XSeries(below, i)) + (0.5 * XSeries(j, i)) + (0.25 * XSeries(above, i));
                }

                if (jc < cny - 1)
                {
                    ay[pc] = (0.25 * YSeries(j, left)) + (0.5 * YSeries(j, i)) + (0.25 * YSeries(j, right));
                }
            }
        }

        return new PoissonLevel(coarse, coarseMask, ax, ay);
    }

    /// <summary>The x-faces (i, j) and (i + 1, j) in series: their harmonic mean.</summary>
    private double XSeries(int j, int i)
    {
        double a1 = Ax![(j * Nx) + i], a2 = Ax[(j * Nx) + i + 1];
        return 2 * a1 * a2 / (a1 + a2);
    }

    /// <summary>The y-faces (i, j) and (i, j + 1) in series: their harmonic mean.</summary>
    private double YSeries(int j, int i)
    {
        double a1 = Ay![(j * Nx) + i], a2 = Ay[((j + 1) * Nx) + i];
        return 2 * a1 * a2 / (a1 + a2);
    }
}
