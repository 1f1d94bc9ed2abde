namespace PdeKit.Training;

/// <summary>How loss terms are balanced against each other.</summary>
public enum LossBalancing
{
    /// <summary>Fixed weights (1 unless given).</summary>
    Fixed,

    /// <summary>Gradient-norm balancing with a moving average (<see cref="GradNormWeighting"/>).</summary>
    GradNorm,
}

/// <summary>
/// Loss weighting settings (JSON-serializable, settable as <c>--set weighting.causal=true</c>).
/// Balancing and causal weighting compose: causal weighting reduces each time-dependent term to a
/// causally weighted mean, and the balancing weights those.
/// </summary>
public sealed record WeightingOptions
{
    /// <summary>Fixed or gradient-norm balancing.</summary>
    public LossBalancing Balancing { get; init; } = LossBalancing.Fixed;

    /// <summary>Fixed weights by term name (terms not named get 1).</summary>
    public Dictionary<string, double>? Weights { get; init; }

    /// <summary>Gradient-norm balancing: recompute every this many steps.</summary>
    public int GradNormEvery { get; init; } = 100;

    /// <summary>Gradient-norm balancing: moving-average factor in [0, 1).</summary>
    public double GradNormAlpha { get; init; } = 0.9;

    /// <summary>Causal weighting of time-dependent residuals (Wang, Sankaran and Perdikaris 2022; see <see cref="CausalWeights"/>).</summary>
    public bool Causal { get; init; }

    /// <summary>Causal weighting: number of time chunks.</summary>
    public int CausalChunks { get; init; } = 32;

    /// <summary>Causal weighting: eps schedule (default 1e-2, 1e-1, 1, 10, 100).</summary>
    public double[] CausalEps { get; init; } = [.. CausalWeights.PaperScheduleValues];

    /// <summary>Causal weighting: move to the next eps once min w exceeds this.</summary>
    public double CausalThreshold { get; init; } = 0.99;

    /// <summary>Causal weighting: read min w back from the device (and maybe advance eps) every this many steps.</summary>
    public int CausalCheckEvery { get; init; } = 10;

    /// <summary>The causal settings as a <see cref="CausalOptions"/>.</summary>
    public CausalOptions CausalOptions() => new(CausalChunks, CausalEps, CausalThreshold, CausalCheckEvery);

    /// <summary>A short label for tables, e.g. "causal+gradnorm".</summary>
    public string Label => (Causal, Balancing) switch
    {
        (false, LossBalancing.Fixed) => "none",
        (true, LossBalancing.Fixed) => "causal",
        (false, LossBalancing.GradNorm) => "gradnorm",
        _ => "causal+gradnorm",
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad setting.</summary>
    public void Validate()
    {
        LossWeightings.CheckWeights(Weights);
        new GradNormOptions(GradNormEvery, GradNormAlpha).Validate();
        CausalOptions().Validate();
    }

    /// <summary>Parses a label: none, causal, gradnorm, causal+gradnorm.</summary>
    /// <exception cref="ArgumentException">Unknown label.</exception>
    public static WeightingOptions Parse(string label, WeightingOptions? basis = null)
    {
        var b = basis ?? new WeightingOptions();
        return label.Trim().ToLowerInvariant() switch
        {
            "none" or "fixed" => b with { Causal = false, Balancing = LossBalancing.Fixed },
            "causal" => b with { Causal = true, Balancing = LossBalancing.Fixed },
            "gradnorm" => b with { Causal = false, Balancing = LossBalancing.GradNorm },
            "causal+gradnorm" or "gradnorm+causal" => b with { Causal = true, Balancing = LossBalancing.GradNorm },
            _ => throw new ArgumentException($"unknown weighting '{label}' (known: none, causal, gradnorm, causal+gradnorm)"),
        };
    }
}

/// <summary>Residual-based adaptive sampling methods.</summary>
public enum AdaptiveSampling
{
    /// <summary>No adaptivity: the sampler draws the points (fresh every ResampleEvery steps).</summary>
    None,

    /// <summary>RAR: add the points of a candidate pool with the largest residuals (Lu et al. 2021, DeepXDE).</summary>
    Rar,

    /// <summary>RAD: redraw the whole set from p(x) ~ |r|^k / mean(|r|^k) + c (Wu et al. 2023, arXiv 2207.10289).</summary>
    Rad,

    /// <summary>RAR-D: add m points drawn from the RAD density (Wu et al. 2023).</summary>
    RarD,
}

/// <summary>Residual-based adaptive sampling settings (settable as <c>--set sampling.method=rad</c>).</summary>
public sealed record SamplingOptions
{
    /// <summary>The method.</summary>
    public AdaptiveSampling Method { get; init; } = AdaptiveSampling.None;

    /// <summary>Candidate pool size as a multiple of the number of collocation points.</summary>
    public double PoolFactor { get; init; } = 4;

    /// <summary>Density exponent k in |r|^k.</summary>
    public double K { get; init; } = 1;

    /// <summary>Density offset c (c = 0: purely residual-driven; large c: nearly uniform).</summary>
    public double C { get; init; } = 1;

    /// <summary>RAR and RAR-D: points added per round, as a fraction of the initial point count.</summary>
    public double AddFraction { get; init; } = 0.05;

    /// <summary>RAR and RAR-D: stop adding once the set holds this multiple of the initial point count.</summary>
    public double MaxGrowth { get; init; } = 4;

    /// <summary>Residuals of the pool are evaluated in batches of this many points.</summary>
    public int BatchSize { get; init; } = 16384;

    /// <summary>A short label for tables: uniform, rar, rad, rar-d.</summary>
    public string Label => Method switch
    {
        AdaptiveSampling.None => "uniform",
        AdaptiveSampling.Rar => "rar",
        AdaptiveSampling.Rad => "rad",
        _ => "rar-d",
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad setting.</summary>
    public void Validate()
    {
        if (!(PoolFactor >= 1) || !double.IsFinite(PoolFactor)) throw new ArgumentException($"sampling.poolFactor must be at least 1 (got {PoolFactor})");
        if (!(K >= 0) || !double.IsFinite(K)) throw new ArgumentException($"sampling.k must be a finite non-negative number (got {K})");
        if (!(C >= 0) || !double.IsFinite(C)) throw new ArgumentException($"sampling.c must be a finite non-negative number (got {C})");
        if (!(AddFraction > 0 && AddFraction <= 1)) throw new ArgumentException($"sampling.addFraction must be in (0, 1] (got {AddFraction})");
        if (!(MaxGrowth >= 1) || !double.IsFinite(MaxGrowth)) throw new ArgumentException($"sampling.maxGrowth must be at least 1 (got {MaxGrowth})");
        if (BatchSize < 1) throw new ArgumentException($"sampling.batchSize must be at least 1 (got {BatchSize})");
    }

    /// <summary>Parses a label: uniform (or none), rar, rad, rar-d.</summary>
    /// <exception cref="ArgumentException">Unknown label.</exception>
    public static SamplingOptions Parse(string label, SamplingOptions? basis = null)
    {
        var b = basis ?? new SamplingOptions();
        return label.Trim().ToLowerInvariant() switch
        {
            "uniform" or "none" => b with { Method = AdaptiveSampling.None },
            "rar" => b with { Method = AdaptiveSampling.Rar },
            "rad" => b with { Method = AdaptiveSampling.Rad },
            "rar-d" or "rard" => b with { Method = AdaptiveSampling.RarD },
            _ => throw new ArgumentException($"unknown sampling '{label}' (known: uniform, rar, rad, rar-d)"),
        };
    }
}
