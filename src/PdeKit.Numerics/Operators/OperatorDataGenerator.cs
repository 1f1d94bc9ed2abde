namespace PdeKit.Numerics.Operators;

/// <summary>Settings of an operator data set: sizes, seed and the physics (defaults: the FNO paper's setups).</summary>
public sealed record OperatorDataOptions
{
    /// <summary>Number of samples (default 1200: 1000 train + 200 test).</summary>
    public int Count { get; init; } = 1200;

    /// <summary>Resolutions to store (points per axis); each coarser one is a subsampling of the finest solve.</summary>
    public IReadOnlyList<int> Resolutions { get; init; } = [1024];

    /// <summary>Resolution of the solve; null: the largest of <see cref="Resolutions"/>.</summary>
    public int? FineResolution { get; init; }

    /// <summary>Data-set seed.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Burgers viscosity nu (default 0.1).</summary>
    public double Nu { get; init; } = 0.1;

    /// <summary>Burgers final time T (default 1).</summary>
    public double Time { get; init; } = 1.0;

    /// <summary>The random field (null: <see cref="GaussianRandomField.FnoBurgers"/> or <see cref="GaussianRandomField.FnoDarcy"/>).</summary>
    public GaussianRandomField? Field { get; init; }

    /// <summary>Darcy: cosine modes per direction of the permeability field (default 32, independent of the resolution).</summary>
    public int DarcyModes { get; init; } = 32;

    /// <summary>Darcy: permeability on the non-negative part of the field (default 12).</summary>
    public double DarcyHigh { get; init; } = 12;

    /// <summary>Darcy: permeability on the negative part of the field (default 3).</summary>
    public double DarcyLow { get; init; } = 3;

    /// <summary>Threads for the samples (-1: all cores); the data do not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}

/// <summary>
/// Generates operator-learning data sets with PdeKit's own solvers, reproducibly: sample i of a seed is a pure
/// function of (seed, i), whatever the thread count. Burgers: a GRF initial condition on the fine periodic grid,
/// solved by <see cref="PeriodicBurgersSolver"/>, subsampled (every (fine/R)-th point) to each resolution R.
/// Darcy: the thresholded GRF permeability on the fine node grid, solved by <see cref="DarcySolver"/>, subsampled
/// (every ((fine-1)/(R-1))-th node) to each resolution.
/// </summary>
public static class OperatorDataGenerator
{
    /// <summary>Generates the data set of <paramref name="problem"/> at every requested resolution.</summary>
    /// <param name="problem">Burgers or Darcy.</param>
    /// <param name="options">Sizes, seed and physics.</param>
    /// <param name="progress">Called with the number of finished samples (from worker threads), or null.</param>
    /// <returns>One data set per resolution, in the order requested.</returns>
    /// <exception cref="ArgumentException">Bad counts, resolutions that do not subsample the fine grid, or bad physics.</exception>
    public static IReadOnlyList<OperatorDataset> Generate(OperatorProblem problem, OperatorDataOptions options, Action<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Count, 1, nameof(options.Count));
        if (options.Resolutions is null || options.Resolutions.Count == 0) throw new ArgumentException("Give at least one resolution.", nameof(options));
        int fine = options.FineResolution ?? options.Resolutions.Max();
        foreach (int r in options.Resolutions)
        {
            bool ok = problem == OperatorProblem.Burgers ? r >= 4 && r <= fine && fine % r == 0 && (r & (r - 1)) == 0 : r >= 3 && r <= fine && (fine - 1) % (r - 1) == 0;
            if (!ok)
            {
                throw new ArgumentException(problem == OperatorProblem.Burgers
                    ? $"Burgers resolution {r} must be a power of two (at least 4) dividing the fine resolution {fine}."
                    : $"Darcy resolution {r} must be at least 3 with (fine - 1) = {fine - 1} divisible by (R - 1) = {r - 1} (e.g. 421 -> 211, 141, 106, 85, 71, 61, 43, 29).");
            }
        }

        var field = options.Field ?? (problem == OperatorProblem.Burgers ? GaussianRandomField.FnoBurgers : GaussianRandomField.FnoDarcy);
        var parameters = new Dictionary<string, double>
        {
            ["seed"] = options.Seed, ["count"] = options.Count, ["fine_resolution"] = fine,
            ["grf_sigma2"] = field.Sigma2, ["grf_tau"] = field.Tau, ["grf_alpha"] = field.Alpha,
        };
        if (problem == OperatorProblem.Burgers)
        {
            _ = new PeriodicBurgersSolver(fine, options.Nu); // validates nu and the fine grid up front
            parameters["nu"] = options.Nu;
            parameters["time"] = options.Time;
        }
        else
        {
            _ = new DarcySolver(fine);
            if (!(options.DarcyHigh > 0 && options.DarcyLow > 0 && double.IsFinite(options.DarcyHigh) && double.IsFinite(options.DarcyLow))) throw new ArgumentException("The Darcy permeability values must be positive and finite.", nameof(options));
            parameters["source"] = 1.0;
            parameters["permeability_high"] = options.DarcyHigh;
            parameters["permeability_low"] = options.DarcyLow;
            parameters["grf_modes"] = options.DarcyModes;
        }

        int d = problem == OperatorProblem.Burgers ? 1 : 2;
        var inputs = options.Resolutions.Select(r => new double[(long)options.Count * (long)Math.Pow(r, d)]).ToArray();
        var outputs = inputs.Select(x => new double[x.Length]).ToArray();
        int done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        try
        {
            Parallel.For(0, options.Count, parallel, i => Sample(i));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Report the first failing sample's own error (e.g. a solver that did not converge), not the wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }

        void Sample(int i)
        {
            double[] a, u;
            if (problem == OperatorProblem.Burgers)
            {
                a = field.SamplePeriodic1D(fine, options.Seed, i);
                u = new PeriodicBurgersSolver(fine, options.Nu).Solve(a, options.Time);
            }
            else
            {
                a = DarcySolver.Threshold(field.SampleNeumannSquare(fine, options.Seed, i, options.DarcyModes), options.DarcyHigh, options.DarcyLow);
                u = new DarcySolver(fine).Solve(a);
            }

            for (int r = 0; r < options.Resolutions.Count; r++)
            {
                Subsample(problem, a, fine, options.Resolutions[r], inputs[r], i);
                Subsample(problem, u, fine, options.Resolutions[r], outputs[r], i);
            }

            progress?.Invoke(Interlocked.Increment(ref done));
        }

        return options.Resolutions.Select((r, k) => new OperatorDataset(problem, r, options.Count, inputs[k], outputs[k], new Dictionary<string, double>(parameters) { ["resolution"] = r })).ToArray();
    }

    private static void Subsample(OperatorProblem problem, double[] fineValues, int fine, int r, double[] target, int sample)
    {
        if (problem == OperatorProblem.Burgers)
        {
            int stride = fine / r;
            for (int j = 0; j < r; j++) target[((long)sample * r) + j] = fineValues[j * stride];
        }
        else
        {
            int stride = (fine - 1) / (r - 1);
            long offset = (long)sample * r * r;
            for (int j = 0; j < r; j++)
            {
                for (int i = 0; i < r; i++) target[offset + (j * r) + i] = fineValues[(j * stride * fine) + (i * stride)];
            }
        }
    }
}
