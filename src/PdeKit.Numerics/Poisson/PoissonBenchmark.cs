using System.Diagnostics;

namespace PdeKit.Numerics.Poisson;

/// <summary>Settings of <see cref="PoissonBenchmark.Run"/>.</summary>
public sealed record PoissonBenchmarkOptions
{
    /// <summary>Nodes per side of the unit-square grids, each <c>2^k + 1</c>; 129 to 2049 by default.</summary>
    public IReadOnlyList<int> Sizes { get; init; } = [129, 257, 513, 1025, 2049];

    /// <summary>Relative residual every solver must reach; 1e-10 by default.</summary>
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>Timed multigrid runs per size (the fastest is reported); 3 by default.</summary>
    public int Repeats { get; init; } = 3;

    /// <summary>
    /// A MathNet solver is skipped at a size when its time, extrapolated from the previous size as
    /// <c>t (N / N_prev)^1.5</c> (iterations grow as <c>N^0.5</c>), exceeds this many seconds; 60 by default.
    /// </summary>
    public double MathNetTimeLimitSeconds { get; init; } = 60;
}

/// <summary>One solver's time on one grid of <see cref="PoissonBenchmark"/>.</summary>
/// <param name="Solver">What ran.</param>
/// <param name="Seconds">Wall time of <see cref="PoissonSolver.Solve"/>, end to end (sampling, setup, solve); NaN when skipped.</param>
/// <param name="Iterations">Multigrid cycles or BiCgStab iterations.</param>
/// <param name="RelativeResidual">Achieved relative residual.</param>
/// <param name="PredictedSeconds">For a skipped run, the extrapolated time that made it skip; otherwise null.</param>
public sealed record PoissonTiming(string Solver, double Seconds, int Iterations, double RelativeResidual, double? PredictedSeconds)
{
    /// <summary>Whether the run was skipped as too slow.</summary>
    public bool Skipped => PredictedSeconds is not null;
}

/// <summary>The timings on one grid.</summary>
/// <param name="N">Nodes per side.</param>
/// <param name="Unknowns">Interior nodes, <c>(N - 2)^2</c>.</param>
/// <param name="Multigrid">Multigrid on all cores.</param>
/// <param name="MultigridSerial">Multigrid on one thread.</param>
/// <param name="MathNetIlu0">MathNet BiCgStab with ILU(0).</param>
/// <param name="MathNetDiagonal">MathNet BiCgStab with the diagonal preconditioner.</param>
public sealed record PoissonBenchmarkRow(
    int N, int Unknowns, PoissonTiming Multigrid, PoissonTiming MultigridSerial, PoissonTiming MathNetIlu0, PoissonTiming MathNetDiagonal)
{
    /// <summary>Multigrid (all cores) nanoseconds per unknown.</summary>
    public double MultigridNanosecondsPerUnknown => Multigrid.Seconds * 1e9 / Unknowns;
}

/// <summary>
/// Times the Poisson solvers on <c>-Laplace(u) = 1</c>, <c>u = 0</c> on the boundary of the unit square, to a
/// common relative residual: multigrid (F(2,2) cycles after a full-multigrid start) on all cores and on one, and
/// MathNet's BiCgStab with ILU(0) and with diagonal preconditioning. Measures only; asserts nothing.
/// </summary>
public static class PoissonBenchmark
{
    /// <summary>Runs the benchmark.</summary>
    /// <param name="options">Sizes, tolerance, repeats and the MathNet time limit; null for the defaults.</param>
    /// <param name="progress">Called with each row as it completes (optional).</param>
    /// <returns>One row per size.</returns>
    /// <exception cref="ArgumentException">A size is not of the form <c>2^k + 1</c> with k &gt;= 2, or a setting is out of range.</exception>
    public static IReadOnlyList<PoissonBenchmarkRow> Run(PoissonBenchmarkOptions? options = null, Action<PoissonBenchmarkRow>? progress = null)
    {
        options ??= new PoissonBenchmarkOptions();
        Validate(options);
        var solve = new PoissonSolverOptions { Tolerance = options.Tolerance, Method = PoissonMethod.Multigrid };
        var ilu = solve with { Method = PoissonMethod.MathNet, Preconditioner = MathNetPreconditioner.Ilu0 };
        var jacobi = ilu with { Preconditioner = MathNetPreconditioner.Diagonal };

        // Warm-up (JIT) on a small grid.
        PoissonSolver.Solve(Problem(65), solve);
        PoissonSolver.Solve(Problem(65), ilu);
        PoissonSolver.Solve(Problem(65), jacobi);

        var rows = new List<PoissonBenchmarkRow>();
        PoissonTiming? lastIlu = null, lastJacobi = null;
        int lastUnknowns = 0;
        foreach (int n in options.Sizes)
        {
            PoissonProblem problem = Problem(n);
            int unknowns = (n - 2) * (n - 2);
            PoissonTiming mg = Best("multigrid", problem, solve, options.Repeats);
            PoissonTiming serial = Best("multigrid 1 thread", problem, solve with { MaxDegreeOfParallelism = 1 }, options.Repeats);
            PoissonTiming iluTiming = MaybeTime("MathNet BiCgStab ILU(0)", problem, ilu, lastIlu, lastUnknowns, unknowns, options);
            PoissonTiming jacobiTiming = MaybeTime("MathNet BiCgStab diagonal", problem, jacobi, lastJacobi, lastUnknowns, unknowns, options);
            var row = new PoissonBenchmarkRow(n, unknowns, mg, serial, iluTiming, jacobiTiming);
            rows.Add(row);
            progress?.Invoke(row);
            lastIlu = iluTiming;
            lastJacobi = jacobiTiming;
            lastUnknowns = unknowns;
        }

        return rows;
    }

    private static PoissonProblem Problem(int n) => PoissonProblem.UnitSquare(n, static (_, _) => 1.0, static (_, _) => 0.0);

    private static PoissonTiming Best(string name, PoissonProblem problem, PoissonSolverOptions options, int repeats)
    {
        PoissonTiming? best = null;
        for (int r = 0; r < repeats; r++)
        {
            PoissonTiming t = Time(name, problem, options);
            if (best is null || t.Seconds < best.Seconds)
            {
                best = t;
            }
        }

        return best!;
    }

    private static PoissonTiming MaybeTime(
        string name, PoissonProblem problem, PoissonSolverOptions options, PoissonTiming? previous, int previousUnknowns, int unknowns,
        PoissonBenchmarkOptions settings)
    {
        if (previous is not null)
        {
            double basis = previous.Skipped ? previous.PredictedSeconds!.Value : previous.Seconds;
            double predicted = basis * Math.Pow((double)unknowns / previousUnknowns, 1.5);
            if (predicted > settings.MathNetTimeLimitSeconds)
            {
                return new PoissonTiming(name, double.NaN, 0, double.NaN, predicted);
            }
        }

        return Time(name, problem, options);
    }

    private static PoissonTiming Time(string name, PoissonProblem problem, PoissonSolverOptions options)
    {
        // Start each run from a collected heap so that one solver's garbage does not bill the next.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        PoissonSolution solution = PoissonSolver.Solve(problem, options);
        double seconds = watch.Elapsed.TotalSeconds;
        return new PoissonTiming(name, seconds, solution.Iterations, solution.RelativeResidual, null);
    }

    private static void Validate(PoissonBenchmarkOptions options)
    {
        if (options.Sizes is null || options.Sizes.Count == 0)
        {
            throw new ArgumentException("The benchmark needs at least one grid size.", nameof(options));
        }

        foreach (int n in options.Sizes)
        {
            if (n < 5 || ((n - 1) & (n - 2)) != 0)
            {
                throw new ArgumentException($"Benchmark sizes must be 2^k + 1 with k >= 2 (5, 9, ..., 1025, 2049), got {n}.", nameof(options));
            }
        }

        if (options.Repeats < 1)
        {
            throw new ArgumentException($"Repeats must be at least 1, got {options.Repeats}.", nameof(options));
        }

        if (!(options.MathNetTimeLimitSeconds > 0))
        {
            throw new ArgumentException($"MathNetTimeLimitSeconds must be positive, got {options.MathNetTimeLimitSeconds}.", nameof(options));
        }

        new PoissonSolverOptions { Tolerance = options.Tolerance }.Validate();
    }
}
