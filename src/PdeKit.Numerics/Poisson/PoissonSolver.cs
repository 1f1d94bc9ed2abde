namespace PdeKit.Numerics.Poisson;

/// <summary>
/// Finite-difference reference solver for <c>-div(a grad u) = f</c> with Dirichlet data on a rectangle or a masked
/// (embedded) domain: the conservative 5-point scheme of <see cref="PoissonProblem"/>, second order for smooth
/// data, solved by geometric multigrid or, for small problems, by MathNet.Numerics.
/// </summary>
/// <remarks>
/// <para>
/// Grid sizes: <see cref="PoissonMethod.MathNet"/> takes any grid. <see cref="PoissonMethod.Multigrid"/> halves
/// <c>nx - 1</c> and <c>ny - 1</c> while both are even and a side has more than 33 nodes, and solves the coarsest
/// grid directly; that grid may have at most 129 x 129 nodes, so the sizes accepted are
/// <c>nx = m 2^k + 1</c>, <c>ny = m' 2^k + 1</c> with a coarsest grid <c>(m + 1) x (m' + 1)</c> of at most 16641
/// nodes; <c>2^k + 1</c> is the main path. Other sizes fail with an <see cref="ArgumentException"/> saying so.
/// </para>
/// <para>
/// Robustness of multigrid (measured, residual reduction per iteration): smooth coefficients and masks converge as
/// fast as the Poisson equation (about 0.02 to 0.04 per F-cycle, independent of the grid; see
/// <see cref="PoissonSolverOptions.Cycle"/>). The point smoother wants <c>hx</c> and <c>hy</c> within a factor of
/// about 2 (hx = 2 hy: 0.12 per cycle; hx = 4 hy: 0.56). Coefficients that jump by orders of magnitude across lines
/// of the coarse grids defeat the rediscretised coarse operators (a jump of 1000 across x = 0.3: the cycles
/// diverge, and the solver stops with <see cref="PoissonSolution.Converged"/> false); set
/// <see cref="PoissonSolverOptions.Acceleration"/> to <see cref="MultigridAcceleration.ConjugateGradient"/> there
/// (that case: 20 to 36 iterations up to 1025^2 nodes; hx = 4 hy: 19). Larger contrasts slow CG down as well
/// (1e4: 32 iterations on 257^2 nodes, not converged after 60 on 1025^2); there MathNet is the fallback.
/// </para>
/// <para>
/// Cost: linear in the number of nodes for multigrid, about 100 to 130 ns per node on one core for the Poisson
/// equation to a relative residual of 1e-10 (1025 x 1025 nodes: 0.07 to 0.13 s on the project's shared 2-core
/// VM, hundreds of times faster than MathNet's BiCgStab; tests/benchmarks/results/2026-11-23-multigrid-cpu). The
/// kernels run over row blocks on the thread pool, with the same result for any number of threads.
/// </para>
/// </remarks>
public static class PoissonSolver
{
    /// <summary>Solves a problem.</summary>
    /// <param name="problem">The problem.</param>
    /// <param name="options">Settings; null for the defaults (Auto, relative residual 1e-10).</param>
    /// <returns>The solution with its iteration count and residual history. A run that stops at the iteration
    /// limit returns with <see cref="PoissonSolution.Converged"/> false.</returns>
    /// <exception cref="ArgumentException">Bad options, a mask of another grid, non-finite data or coefficient, a coefficient
    /// &lt;= 0, or (multigrid) a grid size it does not take; the message names the problem.</exception>
    public static PoissonSolution Solve(PoissonProblem problem, PoissonSolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= new PoissonSolverOptions();
        options.Validate();
        PoissonLevel finest = PoissonDiscretisation.Build(problem);
        return ChooseMethod(finest.Mask.ActiveCount, options) == PoissonMethod.MathNet
            ? MathNetPoissonSolver.Solve(finest, options)
            : MultigridSolver.Create(finest, options).Solve();
    }

    /// <summary>
    /// Sets up the multigrid solver of <paramref name="problem"/> once (levels and coarse factorisation) for repeated solves
    /// with other sources (<see cref="PreparedPoissonSolver.Solve"/>); the problem's source is not used, its grid, mask,
    /// coefficient and boundary values are.
    /// </summary>
    /// <exception cref="ArgumentException">Bad options, a method other than multigrid or auto, or anything <see cref="Solve"/> refuses.</exception>
    public static PreparedPoissonSolver Prepare(PoissonProblem problem, PoissonSolverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(problem);
        options ??= new PoissonSolverOptions();
        options.Validate();
        if (options.Method == PoissonMethod.MathNet)
            throw new ArgumentException("Prepare sets up the multigrid solver; use Solve for PoissonMethod.MathNet.", nameof(options));
        return new PreparedPoissonSolver(PoissonDiscretisation.Build(problem), options);
    }

    /// <summary>The method <paramref name="options"/> selects for a problem with <paramref name="unknowns"/> active nodes.</summary>
    /// <param name="unknowns">Number of active nodes.</param>
    /// <param name="options">Settings.</param>
    /// <returns><see cref="PoissonMethod.Multigrid"/> or <see cref="PoissonMethod.MathNet"/>.</returns>
    public static PoissonMethod ChooseMethod(int unknowns, PoissonSolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Method switch
        {
            PoissonMethod.Auto => unknowns <= options.AutoMathNetMaxUnknowns ? PoissonMethod.MathNet : PoissonMethod.Multigrid,
            _ => options.Method,
        };
    }
}
