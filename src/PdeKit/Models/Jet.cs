using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Models;

/// <summary>
/// A truncated Taylor jet of a batch of hidden states: the value [N, width], the first partials with respect
/// to the input coordinates [F, N or 1, width] and the second partials [S, N or 1, width] (channel order of
/// <see cref="Layout"/>). Pushing a jet through a network propagates derivatives forward: a linear layer is a
/// matmul per group, an elementwise function applies the chain rule up to order 2. Partials that do not
/// depend on the point (those of the input map) keep a batch dimension of 1 and broadcast; second partials
/// that are known to vanish (the input map's) are null, which saves the first layer's work.
/// </summary>
public sealed class Jet
{
    /// <summary>Wraps a value [N, width], first partials [F, N or 1, width] and second partials [S, N or 1, width] (null: zero).</summary>
    /// <exception cref="ArgumentException">Shapes that do not match the layout.</exception>
    public Jet(Tensor value, Tensor? firsts, Tensor? seconds, JetLayout layout)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(layout);
        if (value.dim() != 2) throw new ArgumentException($"a jet value must have shape [N, width]; got [{string.Join(", ", value.shape)}]", nameof(value));
        Check(firsts, layout.FirstCount, value, "first", nameof(firsts));
        Check(seconds, layout.SecondCount, value, "second", nameof(seconds));
        if (layout.FirstCount > 0 && firsts is null) throw new ArgumentException($"layout {layout} needs first partials", nameof(firsts));
        Value = value;
        Firsts = firsts;
        Seconds = seconds;
        Layout = layout;
    }

    /// <summary>The value channel, [N, width].</summary>
    public Tensor Value { get; }

    /// <summary>First partials, [F, N or 1, width]; null when the layout has none.</summary>
    public Tensor? Firsts { get; }

    /// <summary>Second partials, [S, N or 1, width]; null when the layout has none or they are all zero.</summary>
    public Tensor? Seconds { get; }

    /// <summary>Which derivatives the channels hold.</summary>
    public JetLayout Layout { get; }

    /// <summary>All channels stacked in layout order, [K, N, width] (a copy).</summary>
    public Tensor Stack
    {
        get
        {
            long n = Value.shape[0], w = Value.shape[1];
            var parts = new List<Tensor>(3) { Value.unsqueeze(0) };
            if (Firsts is not null) parts.Add(Firsts.expand(Layout.FirstCount, n, w));
            if (Layout.SecondCount > 0) parts.Add(Seconds?.expand(Layout.SecondCount, n, w) ?? zeros(Layout.SecondCount, n, w, dtype: Value.dtype, device: Value.device));
            return parts.Count == 1 ? parts[0] : cat(parts, 0);
        }
    }

    /// <summary>Splits a stack [K, N, width] in layout order into a jet.</summary>
    public static Jet FromStack(Tensor stack, JetLayout layout)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(layout);
        if (stack.dim() != 3 || stack.shape[0] != layout.Count)
            throw new ArgumentException($"a jet stack must have shape [{layout.Count}, N, width]; got [{string.Join(", ", stack.shape)}]", nameof(stack));
        return new Jet(stack[0], layout.FirstCount > 0 ? stack.narrow(0, 1, layout.FirstCount) : null,
            layout.SecondCount > 0 ? stack.narrow(0, 1 + layout.FirstCount, layout.SecondCount) : null, layout);
    }

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
        return new Jet(value, layout.FirstCount > 0 ? layout.InputSeeds(scale) : null, null, layout);
    }

    /// <summary>x W^T + b (the bias enters the value only): a matmul per group of channels.</summary>
    /// <param name="weight">Weight [out, in].</param>
    /// <param name="bias">Bias [out] or null.</param>
    public Jet Linear(Tensor weight, Tensor? bias)
    {
        ArgumentNullException.ThrowIfNull(weight);
        var wt = weight.t();
        return new Jet(nn.functional.linear(Value, weight, bias), Firsts?.matmul(wt), Seconds?.matmul(wt), Layout);
    }

    /// <summary>The jet times a matrix [in, out] (no bias).</summary>
    public Jet MatMul(Tensor matrix) => new(Value.matmul(matrix), Firsts?.matmul(matrix), Seconds?.matmul(matrix), Layout);

    /// <summary>The jet times a constant.</summary>
    public Jet Scale(double factor) => new(Value * factor, Firsts is null ? null : Firsts * factor, Seconds is null ? null : Seconds * factor, Layout);

    /// <summary>
    /// An elementwise function f applied with the chain rule: <paramref name="derivatives"/> returns
    /// (f(z), f'(z), f''(z)) at the value z. First partials: f' z_i; second: f' z_ij + f'' z_i z_j.
    /// </summary>
    public Jet Map(Func<Tensor, (Tensor F, Tensor D1, Tensor D2)> derivatives)
    {
        ArgumentNullException.ThrowIfNull(derivatives);
        var (f, d1, d2) = derivatives(Value);
        if (Firsts is null) return new Jet(f, null, null, Layout);
        var g = d1.unsqueeze(0);
        Tensor? seconds = null;
        if (Layout.SecondCount > 0)
        {
            var (zi, zj) = FirstPairs(Firsts);
            var pair = ReferenceEquals(zi, zj) ? zi.square() : zi * zj;
            seconds = Seconds is null ? d2.unsqueeze(0) * pair : (g * Seconds).addcmul_(d2.unsqueeze(0), pair, 1);
        }
        return new Jet(f, g * Firsts, seconds, Layout);
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
    public Jet Narrow(long start, long length) =>
        new(Value.narrow(1, start, length), Firsts?.narrow(2, start, length), Seconds?.narrow(2, start, length), Layout);

    /// <summary>Concatenates jets of the same layout along the width.</summary>
    public static Jet Concat(IReadOnlyList<Jet> jets)
    {
        ArgumentNullException.ThrowIfNull(jets);
        if (jets.Count == 0) throw new ArgumentException("nothing to concatenate", nameof(jets));
        var layout = jets[0].Layout;
        var value = cat(jets.Select(j => j.Value).ToArray(), 1);
        Tensor? firsts = null, seconds = null;
        if (layout.FirstCount > 0)
        {
            long n = jets.Max(j => j.Firsts!.shape[1]);
            firsts = cat(jets.Select(j => j.Firsts!.expand(layout.FirstCount, n, j.Firsts.shape[2])).ToArray(), 2);
        }
        if (jets.Any(j => j.Seconds is not null))
        {
            long n = jets.Max(j => j.Seconds?.shape[1] ?? 1);
            seconds = cat(jets.Select(j => j.Seconds?.expand(layout.SecondCount, n, j.Seconds.shape[2])
                ?? zeros(layout.SecondCount, n, j.Value.shape[1], dtype: value.dtype, device: value.device)).ToArray(), 2);
        }
        return new Jet(value, firsts, seconds, layout);
    }

    /// <summary>Sum of two jets (same layout).</summary>
    public static Jet operator +(Jet a, Jet b) =>
        new(Same(a, b).Value + b.Value, Add(a.Firsts, b.Firsts, 1), Add(a.Seconds, b.Seconds, 1), a.Layout);

    /// <summary>Difference of two jets (same layout).</summary>
    public static Jet operator -(Jet a, Jet b) =>
        new(Same(a, b).Value - b.Value, Add(a.Firsts, b.Firsts, -1), Add(a.Seconds, b.Seconds, -1), a.Layout);

    /// <summary>Product of two jets by the Leibniz rule up to order 2.</summary>
    public static Jet operator *(Jet a, Jet b)
    {
        var layout = Same(a, b).Layout;
        var value = a.Value * b.Value;
        if (a.Firsts is null) return new Jet(value, null, null, layout);
        var a0 = a.Value.unsqueeze(0);
        var b0 = b.Value.unsqueeze(0);
        var firsts = (a.Firsts * b0).addcmul_(a0, b.Firsts!, 1);
        Tensor? seconds = null;
        if (layout.SecondCount > 0)
        {
            var (ai, aj) = a.FirstPairs(a.Firsts);
            var (bi, bj) = b.FirstPairs(b.Firsts!);
            seconds = ai * bj;
            seconds = seconds.addcmul_(aj, bi, 1);
            if (a.Seconds is not null) seconds = seconds.addcmul_(a.Seconds, b0, 1);
            if (b.Seconds is not null) seconds = seconds.addcmul_(a0, b.Seconds, 1);
        }
        return new Jet(value, firsts, seconds, layout);
    }

    /// <summary>For every second partial (i, j): the first partials along i and along j, each [S, N or 1, width] (the same tensor when all are pure).</summary>
    private (Tensor I, Tensor J) FirstPairs(Tensor firsts)
    {
        if (Layout.SecondIsDiagonal)
        {
            var zi = Layout.SecondFirstsAreContiguous ? firsts.narrow(0, Layout.SecondFirstStart, Layout.SecondCount) : firsts.index_select(0, Layout.Indices(firsts.device).I);
            return (zi, zi);
        }
        var ix = Layout.Indices(firsts.device);
        return (firsts.index_select(0, ix.I), firsts.index_select(0, ix.J));
    }

    private static Tensor? Add(Tensor? a, Tensor? b, double sign) =>
        a is null ? (b is null ? null : sign * b) : b is null ? a : sign > 0 ? a + b : a - b;

    private static void Check(Tensor? t, int count, Tensor value, string what, string name)
    {
        if (t is null) return;
        if (count == 0 || t.dim() != 3 || t.shape[0] != count || t.shape[2] != value.shape[1] || (t.shape[1] != value.shape[0] && t.shape[1] != 1))
            throw new ArgumentException($"jet {what} partials must have shape [{count}, N or 1, {value.shape[1]}]; got [{string.Join(", ", t.shape)}]", name);
    }

    private static Jet Same(Jet a, Jet b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (!ReferenceEquals(a.Layout, b.Layout) || a.Value.shape[0] != b.Value.shape[0])
            throw new ArgumentException($"jets combine only with the same layout and batch (got {a.Layout} with {a.Value.shape[0]} rows and {b.Layout} with {b.Value.shape[0]})");
        return a;
    }
}

/// <summary>A module that can push a <see cref="Jet"/> through itself (forward-mode derivatives).</summary>
public interface IJetModule
{
    /// <summary>The jet of the module's output given the jet of its input.</summary>
    Jet Forward(Jet input);
}
