using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Models;

/// <summary>
/// A truncated Taylor jet of a batch of hidden states: the value and the first and second partials with
/// respect to the input coordinates, stacked as one tensor [K, N, width] (channel order of
/// <see cref="Layout"/>). Pushing a jet through a network propagates derivatives forward: a linear layer
/// is one matmul on the whole stack, an elementwise function applies the chain rule up to order 2.
/// </summary>
public sealed class Jet
{
    /// <summary>Wraps a stack [K, N, width] laid out as <paramref name="layout"/>.</summary>
    /// <exception cref="ArgumentException">The stack is not 3D with K channels.</exception>
    public Jet(Tensor stack, JetLayout layout)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(layout);
        if (stack.dim() != 3 || stack.shape[0] != layout.Count)
            throw new ArgumentException($"a jet stack must have shape [{layout.Count}, N, width] for layout {layout}; got [{string.Join(", ", stack.shape)}]", nameof(stack));
        Stack = stack;
        Layout = layout;
    }

    /// <summary>The stacked channels, [K, N, width].</summary>
    public Tensor Stack { get; }

    /// <summary>Which derivatives the channels hold.</summary>
    public JetLayout Layout { get; }

    /// <summary>The value channel, [N, width].</summary>
    public Tensor Value => Stack[0];

    /// <summary>
    /// The jet of the affine input map s = (x - shift) * scale at points x [N, d]: value s, d s / d x_i =
    /// scale_i e_i, no second partials.
    /// </summary>
    /// <param name="points">Points [N, d] (no gradient needed).</param>
    /// <param name="shift">Shift [1, d].</param>
    /// <param name="scale">Scale [1, d].</param>
    /// <param name="layout">The derivatives to carry; its dimension must be d.</param>
    public static Jet Input(Tensor points, Tensor shift, Tensor scale, JetLayout layout)
    {
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(layout);
        if (points.dim() != 2 || points.shape[1] != layout.Dimension)
            throw new ArgumentException($"jet input points must have shape [N, {layout.Dimension}]; got [{string.Join(", ", points.shape)}]", nameof(points));
        var value = (points - shift) * scale;
        if (layout.Count == 1) return new Jet(value.unsqueeze(0), layout);
        long n = points.shape[0], d = layout.Dimension;
        var ix = layout.Indices(points.device);
        // Seeds [K-1, 1, d]: row c holds scale_i in column i for a first partial along i, zeros for second partials.
        var scaled = torch.eye(d, dtype: points.dtype, device: points.device) * scale;
        var seeds = scaled.index_select(0, ix.FirstAxes);
        if (layout.SecondCount > 0) seeds = cat([seeds, zeros(layout.SecondCount, d, dtype: points.dtype, device: points.device)], 0);
        return new Jet(cat([value.unsqueeze(0), seeds.unsqueeze(1).expand(layout.Count - 1, n, d)], 0), layout);
    }

    /// <summary>x W^T + b on every channel (the bias enters the value only): one matmul for the whole stack.</summary>
    /// <param name="weight">Weight [out, in].</param>
    /// <param name="bias">Bias [out] or null.</param>
    public Jet Linear(Tensor weight, Tensor? bias)
    {
        ArgumentNullException.ThrowIfNull(weight);
        var y = Stack.matmul(weight.t());
        if (bias is not null) y = y + Layout.BiasMask(y.device, y.dtype) * bias;
        return new Jet(y, Layout);
    }

    /// <summary>The stack times a matrix [in, out] on every channel (no bias).</summary>
    public Jet MatMul(Tensor matrix) => new(Stack.matmul(matrix), Layout);

    /// <summary>The jet times a constant.</summary>
    public Jet Scale(double factor) => new(Stack * factor, Layout);

    /// <summary>
    /// An elementwise function f applied with the chain rule: <paramref name="derivatives"/> returns
    /// (f(z), f'(z), f''(z)) at the value channel z.
    /// </summary>
    public Jet Map(Func<Tensor, (Tensor F, Tensor D1, Tensor D2)> derivatives)
    {
        ArgumentNullException.ThrowIfNull(derivatives);
        var z = Stack[0];
        var (f, d1, d2) = derivatives(z);
        if (Layout.Count == 1) return new Jet(f.unsqueeze(0), Layout);
        var parts = new List<Tensor>(3) { f.unsqueeze(0) };
        int nf = Layout.FirstCount, ns = Layout.SecondCount;
        var g = d1.unsqueeze(0);
        parts.Add(g * Stack.narrow(0, 1, nf));
        if (ns > 0)
        {
            var ix = Layout.Indices(Stack.device);
            var zi = Stack.index_select(0, ix.I);
            var zj = Stack.index_select(0, ix.J);
            parts.Add(g * Stack.narrow(0, 1 + nf, ns) + d2.unsqueeze(0) * zi * zj);
        }
        return new Jet(cat(parts, 0), Layout);
    }

    /// <summary>The hidden activation with its first and second derivative.</summary>
    public Jet Activate(Activation activation) => activation switch
    {
        Activation.Tanh => Map(z =>
        {
            var f = z.tanh();
            var d1 = 1 - f.square();
            return (f, d1, -2 * f * d1);
        }),
        Activation.Sin => Map(z =>
        {
            var f = z.sin();
            return (f, z.cos(), -f);
        }),
        Activation.Gelu => Map(z =>
        {
            // gelu(z) = z Phi(z): gelu' = Phi + z phi, gelu'' = phi (2 - z^2), phi the standard normal density.
            var phi = (-0.5 * z.square()).exp() * (1 / Math.Sqrt(2 * Math.PI));
            var cdf = 0.5 * (1 + (z * (1 / Math.Sqrt(2))).erf());
            return (nn.functional.gelu(z), cdf + z * phi, phi * (2 - z.square()));
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "no jet rule for this activation"),
    };

    /// <summary>cos of the jet.</summary>
    public Jet Cos() => Map(z =>
    {
        var c = z.cos();
        return (c, -z.sin(), -c);
    });

    /// <summary>sin of the jet.</summary>
    public Jet Sin() => Map(z =>
    {
        var s = z.sin();
        return (s, z.cos(), -s);
    });

    /// <summary>Columns [start, start + length) of every channel.</summary>
    public Jet Narrow(long start, long length) => new(Stack.narrow(2, start, length), Layout);

    /// <summary>Concatenates jets of the same layout along the width.</summary>
    public static Jet Concat(IReadOnlyList<Jet> jets)
    {
        ArgumentNullException.ThrowIfNull(jets);
        if (jets.Count == 0) throw new ArgumentException("nothing to concatenate", nameof(jets));
        return new Jet(cat(jets.Select(j => j.Stack).ToArray(), 2), jets[0].Layout);
    }

    /// <summary>Sum of two jets (same layout).</summary>
    public static Jet operator +(Jet a, Jet b) => new(Same(a, b).Stack + b.Stack, a.Layout);

    /// <summary>Difference of two jets (same layout).</summary>
    public static Jet operator -(Jet a, Jet b) => new(Same(a, b).Stack - b.Stack, a.Layout);

    /// <summary>Product of two jets by the Leibniz rule up to order 2.</summary>
    public static Jet operator *(Jet a, Jet b)
    {
        var layout = Same(a, b).Layout;
        var a0 = a.Stack[0].unsqueeze(0);
        var b0 = b.Stack[0].unsqueeze(0);
        if (layout.Count == 1) return new Jet(a0 * b0, layout);
        int nf = layout.FirstCount, ns = layout.SecondCount;
        var parts = new List<Tensor>(3) { a0 * b0 };
        parts.Add(a.Stack.narrow(0, 1, nf) * b0 + a0 * b.Stack.narrow(0, 1, nf));
        if (ns > 0)
        {
            var ix = layout.Indices(a.Stack.device);
            var cross = a.Stack.index_select(0, ix.I) * b.Stack.index_select(0, ix.J) + a.Stack.index_select(0, ix.J) * b.Stack.index_select(0, ix.I);
            parts.Add(a.Stack.narrow(0, 1 + nf, ns) * b0 + a0 * b.Stack.narrow(0, 1 + nf, ns) + cross);
        }
        return new Jet(cat(parts, 0), layout);
    }

    /// <summary>The constant minus the jet (c - a).</summary>
    public static Jet operator -(double c, Jet a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new Jet(a.Layout.BiasMask(a.Stack.device, a.Stack.dtype) * c - a.Stack, a.Layout);
    }

    private static Jet Same(Jet a, Jet b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!ReferenceEquals(a.Layout, b.Layout) || a.Stack.shape[1] != b.Stack.shape[1])
            throw new ArgumentException($"jets combine only with the same layout and batch (got {a.Layout} with {a.Stack.shape[1]} rows and {b.Layout} with {b.Stack.shape[1]})");
        return a;
    }
}

/// <summary>A module that can push a <see cref="Jet"/> through itself (forward-mode derivatives).</summary>
public interface IJetModule
{
    /// <summary>The jet of the module's output given the jet of its input.</summary>
    Jet Forward(Jet input);
}
