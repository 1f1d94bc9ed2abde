namespace PdeKit.Numerics.Poisson;

/// <summary>
/// Geometric multigrid for the 5-point operator: a full-multigrid start (nested iteration: solve on the coarsest
/// grid, interpolate bilinearly, one V-cycle per level), then V(pre, post)-cycles with red-black Gauss-Seidel,
/// full-weighting restriction, bilinear prolongation, rediscretised coarse operators (coefficients averaged, see
/// <see cref="PoissonLevel.Coarsen"/>) and a direct band-Cholesky solve on the coarsest grid.
/// </summary>
/// <remarks>
/// Standard textbook components (e.g. Briggs, Henson, McCormick, "A Multigrid Tutorial", 2nd ed., SIAM 2000;
/// Trottenberg, Oosterlee, Schueller, "Multigrid", 2001, where V(2,2) with red-black Gauss-Seidel and full
/// weighting is given a two-grid factor of about 0.03 for the Poisson equation).
/// </remarks>
internal sealed class MultigridSolver
{
    /// <summary>Coarsening stops once neither side of the grid has more nodes than this.</summary>
    internal const int CoarsestSide = 33;

    /// <summary>The largest coarsest grid the direct solver takes (129 x 129 nodes).</summary>
    internal const int MaxCoarsestNodes = 129 * 129;

    private readonly PoissonLevel[] levels;
    private readonly BandedCholesky coarseSolver;
    private readonly CornerRelaxation[] corners;
    private readonly RowRunner runner;
    private readonly PoissonSolverOptions options;

    private MultigridSolver(PoissonLevel[] levels, RowRunner runner, PoissonSolverOptions options)
    {
        this.levels = levels;
        this.runner = runner;
        this.options = options;
        coarseSolver = new BandedCholesky(levels[^1]);
        corners = [.. levels.Select(l => new CornerRelaxation(l))];
    }

    /// <summary>Number of grid levels, finest included.</summary>
    public int LevelCount => levels.Length;

    /// <summary>Builds the hierarchy below <paramref name="finest"/>.</summary>
    /// <exception cref="ArgumentException">The grid cannot be coarsened to a size the direct solver takes.</exception>
    public static MultigridSolver Create(PoissonLevel finest, PoissonSolverOptions options)
    {
        var levels = new List<PoissonLevel> { finest };
        while (Math.Max(levels[^1].Nx, levels[^1].Ny) > CoarsestSide && levels[^1].Coarsen() is { } coarse)
        {
            levels.Add(coarse);
        }

        PoissonLevel last = levels[^1];
        if (last.Grid.NodeCount > MaxCoarsestNodes)
        {
            throw new ArgumentException(
                $"The multigrid solver cannot coarsen {finest.Grid} far enough: it halves nx - 1 and ny - 1 while both are even " +
                $"(and while the coarse grid keeps an active node), and stops here at {last.Nx} x {last.Ny} nodes, more than the " +
                $"{MaxCoarsestNodes} its direct coarse solver takes. Use nx = m 2^k + 1 and ny = m' 2^k + 1 with small m, m' " +
                "(2^k + 1 is best), or PoissonMethod.MathNet for other sizes.");
        }

        return new MultigridSolver([.. levels], new RowRunner(options.MaxDegreeOfParallelism), options);
    }

    /// <summary>Solves on the finest level in place (its <c>U</c> becomes the solution).</summary>
    public PoissonSolution Solve()
    {
        PoissonLevel finest = levels[0];

        // U holds zero at the active nodes here, so this is the norm of the system's right-hand side.
        double reference = StencilKernels.Residual(finest, runner);
        var history = new List<double>();
        if (reference == 0)
        {
            history.Add(0);
            return Result(0, history);
        }

        if (options.FullMultigridStart)
        {
            FullMultigrid();
            history.Add(StencilKernels.Residual(finest, runner) / reference);
        }
        else
        {
            history.Add(1.0);
        }

        int cycles = 0;
        while (history[^1] > options.Tolerance && cycles < options.MaxCycles)
        {
            Cycle(0, options.Cycle);
            cycles++;
            double relative = StencilKernels.Residual(finest, runner) / reference;
            if (!double.IsFinite(relative))
            {
                throw new InvalidOperationException($"The multigrid iteration produced a non-finite residual after {cycles} cycles.");
            }

            history.Add(relative);

            // Rounding floor: the residual of a double-precision iterate cannot fall below about
            // eps |u| / h^2; stop when three cycles have not reduced it by 10 %.
            if (cycles >= 3 && relative > 0.9 * history[^4])
            {
                break;
            }
        }

        return Result(cycles, history);
    }

    private PoissonSolution Result(int cycles, List<double> history) =>
        new(levels[0].Grid, levels[0].U, PoissonMethod.Multigrid, cycles, [.. history], options.Tolerance);

    /// <summary>One cycle on level <paramref name="l"/> for the problem in its <c>F</c>, from the iterate in its <c>U</c>.</summary>
    private void Cycle(int l, MultigridCycle type)
    {
        PoissonLevel level = levels[l];
        if (l == levels.Length - 1)
        {
            CoarseSolve(level);
            return;
        }

        for (int s = 0; s < options.PreSmoothing; s++)
        {
            StencilKernels.Sweep(level, runner);
        }

        PoissonLevel coarse = levels[l + 1];
        StencilKernels.Residual(level, runner);
        GridTransfer.Restrict(level, coarse, runner);
        Array.Clear(coarse.U);
        bool coarsest = l + 1 == levels.Length - 1;
        switch (type)
        {
            case MultigridCycle.V:
                Cycle(l + 1, MultigridCycle.V);
                break;
            case MultigridCycle.W:
                Cycle(l + 1, MultigridCycle.W);
                if (!coarsest)
                {
                    Cycle(l + 1, MultigridCycle.W);
                }

                break;
            default:
                // F: an F-cycle on the coarse level, then a V-cycle there.
                Cycle(l + 1, MultigridCycle.F);
                if (!coarsest)
                {
                    Cycle(l + 1, MultigridCycle.V);
                }

                break;
        }

        GridTransfer.ProlongAdd(coarse, level, runner);
        for (int s = 0; s < options.PostSmoothing; s++)
        {
            StencilKernels.Sweep(level, runner);
        }

        corners[l].Relax(level);
    }

    private void CoarseSolve(PoissonLevel level)
    {
        // U carries the Dirichlet values (zero for a correction); solve for the change at the active nodes.
        StencilKernels.Residual(level, runner);
        coarseSolver.Solve(level.R, level.R, level.Mask);
        double[] u = level.U, e = level.R;
        for (int p = 0; p < u.Length; p++)
        {
            u[p] += e[p];
        }

        // R must stay zero at the inactive nodes (the restriction reads it there).
        Array.Clear(level.R);
    }

    private void FullMultigrid()
    {
        for (int l = 1; l < levels.Length; l++)
        {
            GridTransfer.InjectProblem(levels[l - 1], levels[l]);
        }

        CoarseSolve(levels[^1]);
        for (int l = levels.Length - 2; l >= 0; l--)
        {
            GridTransfer.Interpolate(levels[l + 1], levels[l], runner);
            Cycle(l, options.Cycle);
        }
    }
}
