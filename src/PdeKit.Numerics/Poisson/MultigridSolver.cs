namespace PdeKit.Numerics.Poisson;

/// <summary>
/// Geometric multigrid for the 5-point operator: a full-multigrid start (nested iteration: solve on the coarsest
/// grid, interpolate bilinearly, one cycle per level), then F-, V- or W-cycles with red-black Gauss-Seidel,
/// full-weighting restriction, bilinear prolongation, rediscretised coarse operators (coefficients averaged, see
/// <see cref="PoissonLevel.Coarsen"/>) and a direct band-Cholesky solve on the coarsest grid; optionally as the
/// preconditioner of conjugate gradients (see MultigridSolver.Krylov.cs).
/// </summary>
/// <remarks>
/// Standard components, e.g. Briggs, Henson, McCormick, "A Multigrid Tutorial", 2nd ed., SIAM 2000, and
/// Trottenberg, Oosterlee, Schueller, "Multigrid", Academic Press 2001.
/// </remarks>
internal sealed partial class MultigridSolver
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

        int iterations = options.Acceleration == MultigridAcceleration.ConjugateGradient
            ? ConjugateGradient(reference, history)
            : PlainCycles(reference, history);
        return Result(iterations, history);
    }

    /// <summary>
    /// Whether to stop at the rounding floor: the last <paramref name="window"/> residuals are all above 90 % of the
    /// smallest before them. The residual of a double-precision iterate cannot fall much below <c>eps |u| / h^2</c>.
    /// </summary>
    private static bool Stagnates(List<double> history, int window)
    {
        if (history.Count <= window + 1)
        {
            return false;
        }

        double before = double.PositiveInfinity, recent = double.PositiveInfinity;
        for (int k = 0; k < history.Count; k++)
        {
            if (k < history.Count - window)
            {
                before = Math.Min(before, history[k]);
            }
            else
            {
                recent = Math.Min(recent, history[k]);
            }
        }

        return recent > 0.9 * before;
    }

    private static void CheckFinite(double relative, int iterations)
    {
        if (!double.IsFinite(relative))
        {
            throw new InvalidOperationException($"The multigrid iteration produced a non-finite residual after {iterations} iterations.");
        }
    }

    private int PlainCycles(double reference, List<double> history)
    {
        int cycles = 0;
        while (history[^1] > options.Tolerance && cycles < options.MaxCycles)
        {
            Cycle(levels, 0, options.Cycle, symmetric: false);
            cycles++;
            double relative = StencilKernels.Residual(levels[0], runner) / reference;
            CheckFinite(relative, cycles);
            history.Add(relative);
            if (Stagnates(history, 3))
            {
                break;
            }
        }

        return cycles;
    }

    private PoissonSolution Result(int iterations, List<double> history) =>
        new(levels[0].Grid, levels[0].U, PoissonMethod.Multigrid, iterations, [.. history], options.Tolerance);

    /// <summary>
    /// One cycle on level <paramref name="l"/> of <paramref name="lv"/> for the problem in its <c>F</c>, from the
    /// iterate in its <c>U</c>. A symmetric cycle (for conjugate gradients) smooths after the coarse-grid correction
    /// with the adjoint of the pre-smoother: black-red sweeps, and corner relaxation backwards before, forwards after.
    /// </summary>
    private void Cycle(PoissonLevel[] lv, int l, MultigridCycle type, bool symmetric)
    {
        PoissonLevel level = lv[l];
        if (l == lv.Length - 1)
        {
            CoarseSolve(level);
            return;
        }

        if (symmetric)
        {
            corners[l].Relax(level, backward: true);
        }

        for (int s = 0; s < options.PreSmoothing; s++)
        {
            StencilKernels.Sweep(level, runner);
        }

        PoissonLevel coarse = lv[l + 1];
        StencilKernels.Residual(level, runner);
        GridTransfer.Restrict(level, coarse, runner);
        Array.Clear(coarse.U);
        bool coarsest = l + 1 == lv.Length - 1;
        switch (type)
        {
            case MultigridCycle.V:
                Cycle(lv, l + 1, MultigridCycle.V, symmetric);
                break;
            case MultigridCycle.W:
                Cycle(lv, l + 1, MultigridCycle.W, symmetric);
                if (!coarsest)
                {
                    Cycle(lv, l + 1, MultigridCycle.W, symmetric);
                }

                break;
            default:
                // F: an F-cycle on the coarse level, then a V-cycle there.
                Cycle(lv, l + 1, MultigridCycle.F, symmetric);
                if (!coarsest)
                {
                    Cycle(lv, l + 1, MultigridCycle.V, symmetric);
                }

                break;
        }

        GridTransfer.ProlongAdd(coarse, level, runner);
        for (int s = 0; s < options.PostSmoothing; s++)
        {
            StencilKernels.Sweep(level, runner, first: symmetric ? 1 : 0);
        }

        corners[l].Relax(level, backward: false);
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
            Cycle(levels, l, options.Cycle, symmetric: false);
        }
    }
}
