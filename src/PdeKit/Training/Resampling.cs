using PdeKit.Physics;
using PdeKit.Sampling;
using static TorchSharp.torch;

namespace PdeKit.Training;

/// <summary>What a resampler may use to choose new collocation points.</summary>
/// <param name="Step">Current step.</param>
/// <param name="Current">Current points [N, d].</param>
/// <param name="Problem">The problem.</param>
/// <param name="ResidualMagnitude">|residual| per point for a batch [M, d] -> [M] (evaluated without building a training graph).</param>
/// <param name="Rng">The run's random source.</param>
/// <param name="Device">Device of the points.</param>
/// <param name="DType">Floating type of the points.</param>
public sealed record ResampleContext(int Step, Tensor Current, IProblem Problem, Func<Tensor, Tensor> ResidualMagnitude, Random Rng, Device Device, ScalarType DType);

/// <summary>Chooses collocation points during training. Residual-adaptive schemes (RAR, RAD, RAR-D) come with their own issue.</summary>
public interface IResampler
{
    /// <summary>New points [N', d], or null to keep the current ones.</summary>
    Tensor? Resample(ResampleContext context);
}

/// <summary>Keeps the initial points for the whole run.</summary>
public sealed class FixedPoints : IResampler
{
    /// <inheritdoc />
    public Tensor? Resample(ResampleContext context) => null;
}

/// <summary>Draws a fresh set of the same size every <c>every</c> steps.</summary>
public sealed class PeriodicResampling(SamplerKind sampler, int every) : IResampler
{
    /// <inheritdoc />
    public Tensor? Resample(ResampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (every <= 0 || context.Step % every != 0) return null;
        return Sampler.Draw(sampler, context.Problem.Domain, (int)context.Current.shape[0], context.Rng, context.Device, context.DType);
    }
}

/// <summary>
/// Residual-based adaptive sampling every <c>every</c> steps: a candidate pool is drawn with the
/// sampler, |r| is evaluated on it in batches (no training graph is kept), and then
/// <list type="bullet">
/// <item>RAR (Lu, Meng, Mao and Karniadakis, "DeepXDE", SIAM Review 63, 2021): the pool points with the
/// largest |r| are added to the set;</item>
/// <item>RAD (Wu, Zhu, Tan, Kartha and Lu, "A comprehensive study of non-adaptive and residual-based adaptive
/// sampling for physics-informed neural networks", arXiv 2207.10289): the whole set is redrawn from the pool
/// with probability p(x) ~ |r|^k / mean(|r|^k) + c, without replacement;</item>
/// <item>RAR-D (same paper): points drawn from that density are added to the set.</item>
/// </list>
/// RAR and RAR-D stop growing the set at <see cref="SamplingOptions.MaxGrowth"/> times its initial size.
/// </summary>
public sealed class ResidualAdaptiveResampling : IResampler
{
    private readonly SamplingOptions options;
    private readonly SamplerKind sampler;
    private readonly int every;
    private readonly int initialPoints;

    /// <summary>Creates the resampler.</summary>
    /// <param name="options">Method and density settings.</param>
    /// <param name="sampler">How the candidate pool is drawn.</param>
    /// <param name="every">Adapt every this many steps.</param>
    /// <param name="initialPoints">Size of the initial point set (pool and growth are relative to it).</param>
    /// <exception cref="ArgumentException">Bad settings.</exception>
    public ResidualAdaptiveResampling(SamplingOptions options, SamplerKind sampler, int every, int initialPoints)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Method == AdaptiveSampling.None) throw new ArgumentException("ResidualAdaptiveResampling needs a method (rar, rad or rar-d)", nameof(options));
        if (every < 1) throw new ArgumentException($"adaptive sampling needs a period of at least 1 step (got {every})", nameof(every));
        if (initialPoints < 1) throw new ArgumentException($"initialPoints must be at least 1 (got {initialPoints})", nameof(initialPoints));
        this.options = options;
        this.sampler = sampler;
        this.every = every;
        this.initialPoints = initialPoints;
    }

    /// <summary>Size of the candidate pool.</summary>
    public int PoolSize => (int)Math.Ceiling(options.PoolFactor * initialPoints);

    /// <summary>Points added per RAR / RAR-D round.</summary>
    public int AddPerRound => Math.Max(1, (int)Math.Round(options.AddFraction * initialPoints));

    /// <inheritdoc />
    public Tensor? Resample(ResampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Step % every != 0) return null;
        int n = (int)context.Current.shape[0];
        bool grows = options.Method != AdaptiveSampling.Rad;
        if (grows && n + AddPerRound > options.MaxGrowth * initialPoints) return null;

        using var scope = NewDisposeScope();
        var pool = Sampler.Draw(sampler, context.Problem.Domain, PoolSize, context.Rng, context.Device, context.DType);
        var r = PoolResiduals(context, pool, options.BatchSize);
        Tensor chosen = options.Method switch
        {
            AdaptiveSampling.Rad => pool.index_select(0, Draw(r, Math.Min(n, PoolSize))),
            AdaptiveSampling.Rar => cat([context.Current, pool.index_select(0, r.topk(AddPerRound).indexes)], 0),
            AdaptiveSampling.RarD => cat([context.Current, pool.index_select(0, Draw(r, AddPerRound))], 0),
            _ => throw new InvalidOperationException($"unknown adaptive sampling method {options.Method}"),
        };
        return chosen.detach().MoveToOuterDisposeScope();
    }

    /// <summary>The RAD density p ~ |r|^k / mean(|r|^k) + c over the pool (uniform when all residuals vanish).</summary>
    public Tensor Density(Tensor residualMagnitude)
    {
        ArgumentNullException.ThrowIfNull(residualMagnitude);
        var rk = options.K == 1 ? residualMagnitude : residualMagnitude.pow(options.K);
        double mean = rk.mean().Value();
        if (!(mean > 0) || !double.IsFinite(mean))
        {
            if (!double.IsFinite(mean)) throw new InvalidOperationException($"the residual on the candidate pool is {mean}; the model has diverged");
            return ones_like(rk);
        }
        return rk / mean + options.C;
    }

    private Tensor Draw(Tensor r, int count) => multinomial(Density(r), count, replacement: false);

    /// <summary>|r| on <paramref name="pool"/> evaluated batch by batch without keeping any graph, [P].</summary>
    public static Tensor PoolResiduals(ResampleContext context, Tensor pool, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(pool);
        long p = pool.shape[0];
        var parts = new List<Tensor>();
        for (long i = 0; i < p; i += batchSize)
            parts.Add(context.ResidualMagnitude(pool[TensorIndex.Slice(i, Math.Min(p, i + batchSize))]).detach());
        return parts.Count == 1 ? parts[0] : cat(parts, 0);
    }
}
