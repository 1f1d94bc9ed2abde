using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeKit.Training;

/// <summary>What a weighting scheme may look at when combining terms.</summary>
/// <param name="Step">Current optimizer step (1-based).</param>
/// <param name="Parameters">The trainable parameters (for gradient-norm balancing).</param>
public sealed record WeightingContext(int Step, IReadOnlyList<Parameter> Parameters);

/// <summary>Combines named loss terms into the scalar loss. Implementations: fixed; causal and gradient-norm balancing come with their own issue.</summary>
public interface ILossWeighting
{
    /// <summary>The scalar loss to minimize.</summary>
    Tensor Combine(IReadOnlyList<LossTerm> terms, WeightingContext context);

    /// <summary>The weights used in the last <see cref="Combine"/>, by term name (logged as weight_name).</summary>
    IReadOnlyDictionary<string, double> Weights { get; }
}

/// <summary>loss = sum_i w_i mean(r_i^2), with w_i = 1 unless given.</summary>
public sealed class FixedWeighting : ILossWeighting
{
    private readonly IReadOnlyDictionary<string, double> given;
    private readonly Dictionary<string, double> used = [];

    /// <summary>Creates the weighting; terms not named get weight 1.</summary>
    /// <exception cref="ArgumentException">A weight is negative or not finite.</exception>
    public FixedWeighting(IReadOnlyDictionary<string, double>? weights = null)
    {
        given = weights ?? new Dictionary<string, double>();
        foreach (var (k, w) in given)
            if (!(w >= 0) || !double.IsFinite(w)) throw new ArgumentException($"weight of {k} must be a finite non-negative number (got {w})", nameof(weights));
    }

    /// <inheritdoc />
    public IReadOnlyDictionary<string, double> Weights => used;

    /// <inheritdoc />
    public Tensor Combine(IReadOnlyList<LossTerm> terms, WeightingContext context)
    {
        ArgumentNullException.ThrowIfNull(terms);
        if (terms.Count == 0) throw new ArgumentException("there are no loss terms to combine", nameof(terms));
        Tensor? loss = null;
        foreach (var t in terms)
        {
            double w = given.TryGetValue(t.Name, out var v) ? v : 1.0;
            used[t.Name] = w;
            var term = w == 1.0 ? t.Mean : w * t.Mean;
            loss = loss is null ? term : loss + term;
        }
        return loss!;
    }
}
