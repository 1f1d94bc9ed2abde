using PdeKit.Physics;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Training;

/// <summary>
/// Causal weighting of time-dependent residuals (Wang, Sankaran and Perdikaris, "Respecting causality is
/// all you need for training physics-informed neural networks", arXiv 2203.07404). [t_min, t_max] is
/// split into N_t chunks; L_i is the mean squared residual of the points in chunk i (summed over the
/// time-dependent terms), w_i = exp(-eps sum_{k &lt; i} L_k) with no gradient through w, and each term
/// contributes mean_i(w_i L_i). Later times get weight only once earlier times are fitted. When
/// min_i w_i exceeds the threshold (0.99), eps moves to the next value of the schedule.
/// </summary>
/// <remarks>
/// Points may lie anywhere: each chunk's mean is taken over the points that fall in it (an empty chunk
/// counts 0), so uniform, Sobol and adaptive point sets all work; the time-stratified samplers give
/// every chunk the same count. The paper's authors state that the causal training algorithm is the
/// subject of a patent application by the University of Pennsylvania; users should judge whether
/// that matters for their use.
/// </remarks>
public sealed class CausalWeights
{
    private readonly CausalOptions options;
    private readonly double timeMin, timeSpan;
    private int epsIndex;
    private Tensor? lastWeights;

    /// <summary>Creates causal weighting over times [<paramref name="timeMin"/>, <paramref name="timeMax"/>].</summary>
    /// <exception cref="ArgumentException">Bad options or an empty time interval.</exception>
    public CausalWeights(CausalOptions options, double timeMin, double timeMax)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (!(timeMax > timeMin) || !double.IsFinite(timeMin) || !double.IsFinite(timeMax))
            throw new ArgumentException($"causal weighting needs a time interval with t_max > t_min (got [{timeMin}, {timeMax}])");
        this.options = options;
        this.timeMin = timeMin;
        timeSpan = timeMax - timeMin;
        MinWeight = double.NaN;
    }

    /// <summary>The paper's eps schedule: 1e-2, 1e-1, 1, 10, 100.</summary>
    public static IReadOnlyList<double> PaperScheduleValues { get; } = [1e-2, 1e-1, 1, 10, 100];

    /// <summary>The current causality parameter.</summary>
    public double Eps => options.Eps[epsIndex];

    /// <summary>min_i w_i at the last check (NaN before the first).</summary>
    public double MinWeight { get; private set; }

    /// <summary>True once the last eps of the schedule is reached and its weights all exceed the threshold.</summary>
    public bool Converged => epsIndex == options.Eps.Count - 1 && MinWeight > options.Threshold;

    /// <summary>Chunk weights of the last reduction, [N_t], copied to the CPU (for plots and tests).</summary>
    public double[] LastWeights() => lastWeights is null ? [] : lastWeights.cpu().to(ScalarType.Float64).data<double>().ToArray();

    /// <summary>Per-term scalar losses: causal means for time-dependent residual terms, plain means for the rest (constraints).</summary>
    internal IReadOnlyList<Tensor> Reduce(IReadOnlyList<LossTerm> terms, WeightingContext context)
    {
        var chunkMeans = new Tensor?[terms.Count];
        Tensor? total = null;
        for (int i = 0; i < terms.Count; i++)
        {
            var coords = terms[i].Coords;
            if (!terms[i].IsResidual || !coords.Domain.IsTimeDependent) continue;
            chunkMeans[i] = ChunkMeans(terms[i].Squared, coords);
            total = total is null ? chunkMeans[i]!.detach() : total + chunkMeans[i]!.detach();
        }
        if (total is null) return terms.Select(t => t.Mean).ToList();

        Tensor w;
        if (context.Frozen && lastWeights is not null)
        {
            w = lastWeights;
        }
        else
        {
            w = (-Eps * (total.cumsum(0) - total)).exp();
            var keep = w.detach().clone().DetachFromDisposeScope();
            lastWeights?.Dispose();
            lastWeights = keep;
            if (!context.Frozen && (double.IsNaN(MinWeight) || context.Step % options.CheckEvery == 0))
            {
                MinWeight = w.min().Value();
                if (MinWeight > options.Threshold && epsIndex < options.Eps.Count - 1)
                {
                    epsIndex++;
                    MinWeight = double.NaN; // measured afresh under the new eps on the next step, so Converged cannot fire early
                }
            }
        }
        return terms.Select((t, i) => chunkMeans[i] is { } m ? (w * m).mean() : t.Mean).ToList();
    }

    /// <summary>Adds "causal_eps" and "causal_min_w" to a weights dictionary for logging.</summary>
    internal void Report(Dictionary<string, double> weights)
    {
        weights["causal_eps"] = Eps;
        weights["causal_min_w"] = MinWeight;
    }

    private Tensor ChunkMeans(Tensor squared, Coords coords)
    {
        int n = options.Chunks;
        var t = coords.T.detach().reshape(-1);
        var index = ((t - timeMin) / timeSpan * n).floor().clamp(0, n - 1).to(ScalarType.Int64);
        var sums = zeros(n, squared.dtype, squared.device).index_add(0, index, squared, 1);
        var counts = zeros(n, squared.dtype, squared.device).index_add(0, index, ones_like(squared), 1);
        return sums / counts.clamp_min(1);
    }
}

/// <summary>Settings of <see cref="CausalWeights"/>.</summary>
/// <param name="Chunks">Number of time chunks N_t.</param>
/// <param name="Eps">The eps schedule, increasing; the paper uses 1e-2, 1e-1, 1, 10, 100.</param>
/// <param name="Threshold">Move to the next eps once min_i w_i exceeds this (0.99 in the paper).</param>
/// <param name="CheckEvery">Read min_i w_i back from the device every this many steps.</param>
public sealed record CausalOptions(int Chunks, IReadOnlyList<double> Eps, double Threshold = 0.99, int CheckEvery = 10)
{
    /// <summary>The paper's eps schedule.</summary>
    public static IReadOnlyList<double> PaperSchedule => CausalWeights.PaperScheduleValues;

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad setting.</summary>
    public void Validate()
    {
        if (Chunks < 1) throw new ArgumentException($"causalChunks must be at least 1 (got {Chunks})");
        if (Eps is null || Eps.Count == 0) throw new ArgumentException("causalEps needs at least one value");
        for (int i = 0; i < Eps.Count; i++)
        {
            if (!(Eps[i] >= 0) || !double.IsFinite(Eps[i])) throw new ArgumentException($"causalEps values must be finite and non-negative (got {Eps[i]})");
            if (i > 0 && Eps[i] < Eps[i - 1]) throw new ArgumentException($"causalEps must be non-decreasing (got {Eps[i - 1]} then {Eps[i]})");
        }
        if (!(Threshold > 0 && Threshold <= 1)) throw new ArgumentException($"causalThreshold must be in (0, 1] (got {Threshold})");
        if (CheckEvery < 1) throw new ArgumentException($"causalCheckEvery must be at least 1 (got {CheckEvery})");
    }
}
