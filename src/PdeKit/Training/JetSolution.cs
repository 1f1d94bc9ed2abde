using PdeKit.Models;
using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Training;

/// <summary>
/// Derivatives pushed forward through the network as a <see cref="Jet"/> (one matmul per layer for the
/// value and all needed partials together), then through the problem's ansatz by autograd.
/// </summary>
/// <remarks>
/// The ansatz is problem code on tensors, so it is not rewritten for jets. Instead the raw network output N
/// is replaced near each point x0 by its second-order Taylor polynomial
/// P(x) = N0 + sum_i N_i (x_i - x0_i) + sum_{i&lt;=j} c_ij N_ij (x_i - x0_i)(x_j - x0_j) (c_ii = 1/2, c_ij = 1),
/// built from the jet's channels and evaluated at x = x0 (a leaf with requires_grad, x0 its detached copy).
/// P agrees with N in value, first and second partials at x0, so the ansatz applied to P has exactly the
/// derivatives of the ansatz applied to N up to order 2; autograd then only differentiates the cheap
/// elementwise ansatz and P. A derivative the jet does not carry (a partial it was not built for, or one of
/// order 3 or more) is taken from a full nested-autograd solution built on demand, and reported through
/// <c>onMiss</c> so that the next step's jet carries it. Ask for derivatives through <see cref="Solution.D"/>
/// and its shorthands: a third derivative taken by hand with autograd from <see cref="Values"/> would be that
/// of the Taylor polynomial, not of the network.
/// </remarks>
public sealed class JetSolution : Solution
{
    private readonly AutogradSolution inner;
    private readonly JetLayout layout;
    private readonly Func<AutogradSolution> fallbackFactory;
    private readonly Action<int[]>? onMiss;
    private AutogradSolution? fallback;

    /// <summary>Builds the solution of <paramref name="network"/> at <paramref name="leaf"/>.</summary>
    /// <param name="network">A model with <see cref="PinnNetwork.SupportsJet"/>.</param>
    /// <param name="domain">The domain.</param>
    /// <param name="outputs">Output fields.</param>
    /// <param name="leaf">Points [N, d] with requires_grad set (the coordinates the residual sees).</param>
    /// <param name="layout">The partials the jet carries.</param>
    /// <param name="onMiss">Called with the axes of every derivative asked for but not carried.</param>
    public JetSolution(PinnNetwork network, Domain domain, IReadOnlyList<Field> outputs, Tensor leaf, JetLayout layout, Action<int[]>? onMiss = null)
        : base(domain, outputs)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(leaf);
        ArgumentNullException.ThrowIfNull(layout);
        if (!leaf.requires_grad) throw new ArgumentException("points must have requires_grad set so that derivatives can be taken", nameof(leaf));
        this.layout = layout;
        this.onMiss = onMiss;
        var x0 = leaf.detach();
        var jet = network.RawJet(x0, layout);
        var raw = Taylor(jet, leaf - x0);
        var values = network.Constrain(leaf, raw);
        inner = new AutogradSolution(domain, outputs, leaf, values);
        fallbackFactory = () =>
        {
            var again = x0.detach().requires_grad_(true);
            return new AutogradSolution(domain, outputs, again, network.forward(again));
        };
    }

    /// <inheritdoc />
    public override Tensor Values => inner.Values;

    /// <summary>The jet's layout.</summary>
    public JetLayout Layout => layout;

    /// <summary>Derivatives that were not carried by the jet and came from the autograd fallback (for tests and profiling).</summary>
    public int Misses { get; private set; }

    /// <inheritdoc />
    protected override Tensor Derivative(Field f, int[] axes)
    {
        var names = axes.Select(a => a >= 0 && a < Domain.Dimension ? Domain.Axes[a].Name
            : throw new ArgumentException($"axis index {a} is outside the domain's {Domain.Dimension} axes", nameof(axes))).ToArray();
        if (layout.IndexOf(axes) >= 0) return inner.D(f, names);
        Misses++;
        onMiss?.Invoke(axes);
        fallback ??= fallbackFactory();
        return fallback.D(f, names);
    }

    /// <summary>The Taylor polynomial of the jet in the offsets <paramref name="delta"/> [N, d] (zero in value), [N, outputs].</summary>
    private static Tensor Taylor(Jet jet, Tensor delta)
    {
        var layout = jet.Layout;
        if (jet.Firsts is null) return jet.Value;
        var ix = layout.Indices(delta.device);
        var columns = delta.t().unsqueeze(2); // [d, N, 1]
        var sum = jet.Value + (jet.Firsts * columns.index_select(0, ix.FirstAxes)).sum(0L, keepdim: false);
        if (jet.Seconds is not null)
        {
            var second = layout.TaylorCoefficients(delta.device, delta.dtype) * columns.index_select(0, ix.SecondI) * columns.index_select(0, ix.SecondJ);
            sum = sum + (jet.Seconds * second).sum(0L, keepdim: false);
        }
        return sum;
    }
}
