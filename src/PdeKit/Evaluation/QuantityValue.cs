using PdeKit.Models;
using PdeKit.Physics;

namespace PdeKit.Evaluation;

/// <summary>A benchmark quantity computed from a trained model, beside its published value.</summary>
/// <param name="Name">The quantity's short name (see <see cref="BenchmarkQuantity.Name"/>).</param>
/// <param name="Value">The computed value.</param>
/// <param name="Published">The published value.</param>
/// <param name="Source">Where the published value comes from.</param>
public sealed record QuantityValue(string Name, double Value, double Published, string Source)
{
    /// <summary>|value - published| / |published| (the absolute difference when the published value is 0).</summary>
    public double RelativeError => Published == 0 ? Math.Abs(Value) : Math.Abs(Value - Published) / Math.Abs(Published);
}

/// <summary>Computes the benchmark quantities of a problem that has them (<see cref="IBenchmarkQuantities"/>).</summary>
public static class BenchmarkQuantityEvaluation
{
    /// <summary>The quantities of <paramref name="problem"/> from <paramref name="network"/> (with gradients enabled, also inside no_grad); empty when the problem has none.</summary>
    /// <exception cref="InvalidOperationException">The problem returned a different number of values than it declares, or a name is unusable.</exception>
    public static IReadOnlyList<QuantityValue> Compute(IProblem problem, PinnNetwork network)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(network);
        if (problem is not IBenchmarkQuantities q) return [];
        var declared = Declared(problem);
        var p = network.parameters().First();
        // Quantities such as surface forces differentiate the flow, so gradients are on even inside a caller's no_grad.
        using var grad = TorchSharp.torch.enable_grad();
        var values = q.ComputeQuantities(network.forward, p.dtype, p.device);
        if (values.Count != declared.Count)
            throw new InvalidOperationException($"{problem.Name}: ComputeQuantities returned {values.Count} values for {declared.Count} declared quantities ({string.Join(", ", declared.Select(d => d.Name))})");
        return declared.Select((d, i) => new QuantityValue(d.Name, values[i], d.Published, d.Source)).ToArray();
    }

    /// <summary>The declared quantities of <paramref name="problem"/> (empty when it has none), with their names checked.</summary>
    /// <exception cref="InvalidOperationException">A name is empty, repeated, or has characters other than letters, digits and '_'.</exception>
    public static IReadOnlyList<BenchmarkQuantity> Declared(IProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (problem is not IBenchmarkQuantities q) return [];
        var list = q.BenchmarkQuantities;
        foreach (var d in list)
            if (string.IsNullOrEmpty(d.Name) || !d.Name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
                throw new InvalidOperationException($"{problem.Name}: benchmark quantity name '{d.Name}' must be letters, digits and '_' (it names a history column q_NAME)");
        var repeated = list.GroupBy(d => d.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new InvalidOperationException($"{problem.Name}: benchmark quantity '{repeated.Key}' is declared twice");
        return list;
    }
}
