using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeKit.Training;

/// <summary>What a weighting scheme may look at when combining terms.</summary>
/// <param name="Step">Current optimizer step (1-based).</param>
/// <param name="Parameters">The trainable parameters (for gradient-norm balancing).</param>
/// <param name="Frozen">
/// True in phases that need a fixed objective (the L-BFGS line search): the scheme reuses its last
/// weights and does not advance schedules.
/// </param>
public sealed record WeightingContext(int Step, IReadOnlyList<Parameter> Parameters, bool Frozen = false);

/// <summary>
/// Combines named loss terms into the scalar loss. Implementations: <see cref="FixedWeighting"/> and
/// <see cref="GradNormWeighting"/>, each optionally with <see cref="CausalWeights"/> inside.
/// </summary>
public interface ILossWeighting
{
    /// <summary>The scalar loss to minimize.</summary>
    Tensor Combine(IReadOnlyList<LossTerm> terms, WeightingContext context);

    /// <summary>
    /// The weights used in the last <see cref="Combine"/>, by term name (logged as weight_name), plus
    /// the causal state ("causal_eps", "causal_min_w") when causal weighting is on.
    /// </summary>
    IReadOnlyDictionary<string, double> Weights { get; }
}

/// <summary>loss = sum_i w_i L_i with fixed w_i (1 unless given); L_i is the term's mean, or its causal mean.</summary>
public sealed class FixedWeighting : ILossWeighting
{
    private readonly IReadOnlyDictionary<string, double> given;
    private readonly CausalWeights? causal;
    private readonly Dictionary<string, double> used = [];

    /// <summary>Creates the weighting; terms not named get weight 1.</summary>
    /// <param name="weights">Weight by term name.</param>
    /// <param name="causal">Causal weighting of time-dependent terms, or null for plain means.</param>
    /// <exception cref="ArgumentException">A weight is negative or not finite.</exception>
    public FixedWeighting(IReadOnlyDictionary<string, double>? weights = null, CausalWeights? causal = null)
    {
        given = LossWeightings.CheckWeights(weights);
        this.causal = causal;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Weights => used;

    /// <inheritdoc />
    public Tensor Combine(IReadOnlyList<LossTerm> terms, WeightingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reduced = LossWeightings.Reduce(terms, causal, context);
        var loss = LossWeightings.WeightedSum(terms, reduced, name => given.TryGetValue(name, out var v) ? v : 1.0, used);
        causal?.Report(used);
        return loss;
    }
}

/// <summary>
/// Gradient-norm loss balancing (the learning-rate annealing of Wang, Teng and Perdikaris, "Understanding
/// and mitigating gradient pathologies in physics-informed neural networks", arXiv 2001.04536, in the
/// norm-ratio form jaxpi uses): every <see cref="GradNormOptions.Every"/> steps,
/// w_i_new = (sum_j |grad L_j|) / |grad L_i| and w_i = alpha w_i + (1 - alpha) w_i_new. Terms with equal
/// gradient norms get equal weights; a term whose gradient is 10x smaller gets a 10x larger weight.
/// </summary>
public sealed class GradNormWeighting : ILossWeighting
{
    private readonly GradNormOptions options;
    private readonly CausalWeights? causal;
    private readonly Dictionary<string, double> weights = [];
    private readonly Dictionary<string, double> used = [];

    /// <summary>Creates the weighting.</summary>
    /// <param name="options">Update period and moving-average factor.</param>
    /// <param name="causal">Causal weighting of time-dependent terms, or null.</param>
    public GradNormWeighting(GradNormOptions? options = null, CausalWeights? causal = null)
    {
        this.options = options ?? new GradNormOptions();
        this.options.Validate();
        this.causal = causal;
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Weights => used;

    /// <inheritdoc />
    public Tensor Combine(IReadOnlyList<LossTerm> terms, WeightingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var reduced = LossWeightings.Reduce(terms, causal, context);
        bool update = !context.Frozen && terms.Count > 1
            && (weights.Count == 0 || context.Step % options.Every == 0);
        if (update) Update(terms, reduced, context.Parameters);
        var loss = LossWeightings.WeightedSum(terms, reduced, name => weights.TryGetValue(name, out var v) ? v : 1.0, used);
        causal?.Report(used);
        return loss;
    }

    private void Update(IReadOnlyList<LossTerm> terms, IReadOnlyList<Tensor> reduced, IReadOnlyList<Parameter> parameters)
    {
        var inputs = parameters.Cast<Tensor>().ToList();
        var norms = new double[terms.Count];
        using (var scope = NewDisposeScope())
        {
            for (int i = 0; i < terms.Count; i++)
            {
                var grads = torch.autograd.grad([reduced[i]], inputs, retain_graph: true, allow_unused: true);
                var sq = grads.Where(g => g is not null && !g.IsInvalid).Select(g => g.square().sum()).ToList();
                norms[i] = sq.Count == 0 ? 0 : Math.Sqrt(sq.Aggregate((a, b) => a + b).Value());
            }
        }
        double total = norms.Sum();
        for (int i = 0; i < terms.Count; i++)
        {
            // A term with no gradient (constant) keeps its weight; guard against 0/0.
            if (!(norms[i] > 0) || !double.IsFinite(total)) continue;
            double fresh = total / norms[i];
            weights[terms[i].Name] = weights.TryGetValue(terms[i].Name, out var old)
                ? options.Alpha * old + (1 - options.Alpha) * fresh
                : fresh;
        }
    }
}

/// <summary>Settings of <see cref="GradNormWeighting"/>.</summary>
/// <param name="Every">Recompute the weights every this many steps (and at the first step).</param>
/// <param name="Alpha">Moving-average factor in [0, 1): the share of the old weight kept.</param>
public sealed record GradNormOptions(int Every = 100, double Alpha = 0.9)
{
    /// <summary>Throws <see cref="ArgumentException"/> naming the bad setting.</summary>
    public void Validate()
    {
        if (Every < 1) throw new ArgumentException($"gradNormEvery must be at least 1 (got {Every})");
        if (!(Alpha >= 0 && Alpha < 1)) throw new ArgumentException($"gradNormAlpha must be in [0, 1) (got {Alpha})");
    }
}

/// <summary>Builds the weighting a <see cref="WeightingOptions"/> describes, and shared helpers.</summary>
public static class LossWeightings
{
    /// <summary>The weighting described by <paramref name="options"/>.</summary>
    public static ILossWeighting Create(WeightingOptions options, double timeMin = 0, double timeMax = 1)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var causal = options.Causal ? new CausalWeights(options.CausalOptions(), timeMin, timeMax) : null;
        return options.Balancing switch
        {
            LossBalancing.Fixed => new FixedWeighting(options.Weights, causal),
            LossBalancing.GradNorm => new GradNormWeighting(new GradNormOptions(options.GradNormEvery, options.GradNormAlpha), causal),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Balancing, "unknown loss balancing"),
        };
    }

    internal static IReadOnlyDictionary<string, double> CheckWeights(IReadOnlyDictionary<string, double>? weights)
    {
        var given = weights ?? new Dictionary<string, double>();
        foreach (var (k, w) in given)
            if (!(w >= 0) || !double.IsFinite(w)) throw new ArgumentException($"weight of {k} must be a finite non-negative number (got {w})", nameof(weights));
        return given;
    }

    /// <summary>sum_i w_i reduced_i, recording each weight in <paramref name="used"/>.</summary>
    internal static Tensor WeightedSum(IReadOnlyList<LossTerm> terms, IReadOnlyList<Tensor> reduced, Func<string, double> weightOf, Dictionary<string, double> used)
    {
        Tensor? loss = null;
        for (int i = 0; i < terms.Count; i++)
        {
            double w = weightOf(terms[i].Name);
            used[terms[i].Name] = w;
            var term = w == 1.0 ? reduced[i] : w * reduced[i];
            loss = loss is null ? term : loss + term;
        }
        return loss!;
    }

    internal static IReadOnlyList<Tensor> Reduce(IReadOnlyList<LossTerm> terms, CausalWeights? causal, WeightingContext context)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0) throw new ArgumentException("there are no loss terms to combine", nameof(terms));
        return causal is null ? terms.Select(t => t.Mean).ToList() : causal.Reduce(terms, context);
    }
}
