using static TorchSharp.torch;

namespace PdeKit.Physics;

/// <summary>
/// Derivatives by nested reverse-mode autograd (<c>autograd.grad</c> with <c>create_graph</c>), one
/// gradient call per (field, lower-order derivative), memoized for the step. Valid because the
/// network acts pointwise: row i of the output depends only on row i of the input.
/// </summary>
public sealed class AutogradSolution : Solution
{
    private readonly Tensor points;
    private readonly Tensor values;
    private readonly Dictionary<(int Field, string Axes), Tensor> derivatives = [];
    private readonly Dictionary<(int Field, string Axes), Tensor> gradients = [];

    /// <summary>Creates the solution.</summary>
    /// <param name="domain">The domain.</param>
    /// <param name="outputs">Output fields.</param>
    /// <param name="points">Input points [N, d] with requires_grad set, from which <paramref name="values"/> was computed.</param>
    /// <param name="values">Constrained outputs [N, outputs].</param>
    public AutogradSolution(Domain domain, IReadOnlyList<Field> outputs, Tensor points, Tensor values) : base(domain, outputs)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(values);
        if (!points.requires_grad)
            throw new ArgumentException("points must have requires_grad set so that derivatives can be taken", nameof(points));
        if (values.dim() != 2 || values.shape[0] != points.shape[0] || values.shape[1] != outputs.Count)
            throw new ArgumentException($"values must have shape [{points.shape[0]}, {outputs.Count}]; got [{string.Join(", ", values.shape)}]", nameof(values));
        this.points = points;
        this.values = values;
    }

    /// <inheritdoc />
    public override Tensor Values => values;

    /// <summary>Number of autograd.grad calls made so far (for tests and profiling).</summary>
    public int GradCalls { get; private set; }

    /// <inheritdoc />
    protected override Tensor Derivative(Field f, int[] axes)
    {
        int k = FieldIndex(f);
        var sorted = axes.Order().ToArray();
        foreach (var a in sorted)
            if (a < 0 || a >= Domain.Dimension) throw new ArgumentException($"axis index {a} is outside the domain's {Domain.Dimension} axes", nameof(axes));
        string key = string.Join(',', sorted);
        if (derivatives.TryGetValue((k, key), out var cached)) return cached;
        Tensor result = sorted.Length == 0 ? values[.., k..(k + 1)] : FromGradient(f, k, sorted);
        derivatives[(k, key)] = result;
        return result;
    }

    /// <summary>
    /// The derivative along sorted axes (at least one) as a column of the gradient of a lower-order derivative:
    /// of the one without the last axis, unless the gradient of one without another axis was already taken
    /// (e.g. psi_xyy from the gradient of psi_yy when psi_xxy took that of psi_xx and psi_yyy that of psi_yy),
    /// which saves a gradient call.
    /// </summary>
    private Tensor FromGradient(Field f, int k, int[] sorted)
    {
        for (int i = sorted.Length - 1; i >= 0; i--)
        {
            if (i < sorted.Length - 1 && sorted[i] == sorted[i + 1]) continue;
            var prefix = sorted.Where((_, j) => j != i).ToArray();
            if (gradients.TryGetValue((k, string.Join(',', prefix)), out var cached)) return cached[.., sorted[i]..(sorted[i] + 1)];
        }
        return Gradient(f, k, sorted[..^1])[.., sorted[^1]..(sorted[^1] + 1)];
    }

    private Tensor Gradient(Field f, int k, int[] prefix)
    {
        string key = string.Join(',', prefix);
        if (gradients.TryGetValue((k, key), out var g)) return g;
        var of = Derivative(f, prefix);
        GradCalls++;
        var grads = autograd.grad([of.sum()], [points], retain_graph: true, create_graph: true, allow_unused: true);
        var grad = grads[0] is { } t && !t.IsInvalid ? t : zeros_like(points);
        gradients[(k, key)] = grad;
        return grad;
    }
}
