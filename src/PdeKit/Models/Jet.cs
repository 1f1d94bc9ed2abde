using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Models;

/// <summary>
/// A truncated Taylor jet of a batch of hidden states: the value [N, width] and the partials with respect
/// to the input coordinates, first then second order (channel order of <see cref="Layout"/> without the
/// value), stacked as one tensor [K - 1, N or 1, width]. Pushing a jet through a network propagates
/// derivatives forward: a linear layer is one matmul for the value and one for all partials, an elementwise
/// function applies the chain rule up to order 2. Partials that do not depend on the point (those of the
/// input map) keep a batch dimension of 1 and broadcast, which saves the first layer's work.
/// </summary>
public sealed class Jet
{
    /// <summary>Wraps a value [N, width] and partials [K - 1, N or 1, width] (null when the layout has the value only).</summary>
    /// <exception cref="ArgumentException">Shapes that do not match the layout.</exception>
    public Jet(Tensor value, Tensor? partials, JetLayout layout)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(layout);
        if (value.dim() != 2) throw new ArgumentException($"a jet value must have shape [N, width]; got [{string.Join(", ", value.shape)}]", nameof(value));
        if (layout.Count == 1 ? partials is not null
            : partials is null || partials.dim() != 3 || partials.shape[0] != layout.Count - 1 || partials.shape[2] != value.shape[1]
              || (partials.shape[1] != value.shape[0] && partials.shape[1] != 1))
            throw new ArgumentException($"jet partials must have shape [{layout.Count - 1}, N or 1, {value.shape[1]}] for layout {layout}; got {(partials is null ? "none" : "[" + string.Join(", ", partials.shape) + "]")}", nameof(partials));
        Value = value;
        Partials = partials;
        Layout = layout;
    }

    /// <summary>The value channel, [N, width].</summary>
    public Tensor Value { get; }

    /// <summary>The partials, [K - 1, N or 1, width]; null for a value-only layout.</summary>
    public Tensor? Partials { get; }

    /// <summary>Which derivatives the channels hold.</summary>
    public JetLayout Layout { get; }

    /// <summary>All channels stacked, [K, N, width] (a copy).</summary>
    public Tensor Stack => Partials is null ? Value.unsqueeze(0)
        : cat([Value.unsqueeze(0), Partials.expand(Layout.Count - 1, Value.shape[0], Value.shape[1])], 0);

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
        if (layout.Count == 1) return new Jet(value, null, layout);
        return new Jet(value, layout.InputSeeds(scale), layout);
    }

    /// <summary>x W^T + b (the bias enters the value only): one matmul for the value and one for all partials.</summary>
    /// <param name="weight">Weight [out, in].</param>
    /// <param name="bias">Bias [out] or null.</param>
    public Jet Linear(Tensor weight, Tensor? bias)
    {
        ArgumentNullException.ThrowIfNull(weight);
        return new Jet(nn.functional.linear(Value, weight, bias), Partials?.matmul(weight.t()), Layout);
    }

    /// <summary>The jet times a matrix [in, out] (no bias).</summary>
    public Jet MatMul(Tensor matrix) => new(Value.matmul(matrix), Partials?.matmul(matrix), Layout);

    /// <summary>The jet times a constant.</summary>
    public Jet Scale(double factor) => new(Value * factor, Partials is null ? null : Partials * factor, Layout);

    /// <summary>
    /// An elementwise function f applied with the chain rule: <paramref name="derivatives"/> returns
    /// (f(z), f'(z), f''(z)) at the value z. First partials: f' z_i; second: f' z_ij + f'' z_i z_j.
    /// </summary>
    public Jet Map(Func<Tensor, (Tensor F, Tensor D1, Tensor D2)> derivatives)
    {
        ArgumentNullException.ThrowIfNull(derivatives);
        var (f, d1, d2) = derivatives(Value);
        if (Partials is null) return new Jet(f, null, Layout);
        var partials = d1.unsqueeze(0) * Partials;
        if (Layout.SecondCount > 0)
        {
            var (zi, zj) = FirstPairs(Partials);
            partials.narrow(0, Layout.FirstCount, Layout.SecondCount).addcmul_(d2.unsqueeze(0), zi * zj, 1);
        }
        return new Jet(f, partials, Layout);
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
    public Jet Narrow(long start, long length) => new(Value.narrow(1, start, length), Partials?.narrow(2, start, length), Layout);

    /// <summary>Concatenates jets of the same layout along the width.</summary>
    public static Jet Concat(IReadOnlyList<Jet> jets)
    {
        ArgumentNullException.ThrowIfNull(jets);
        if (jets.Count == 0) throw new ArgumentException("nothing to concatenate", nameof(jets));
        var layout = jets[0].Layout;
        var value = cat(jets.Select(j => j.Value).ToArray(), 1);
        if (layout.Count == 1) return new Jet(value, null, layout);
        long n = jets.Max(j => j.Partials!.shape[1]);
        return new Jet(value, cat(jets.Select(j => j.Partials!.expand(layout.Count - 1, n, j.Partials.shape[2])).ToArray(), 2), layout);
    }

    /// <summary>Sum of two jets (same layout).</summary>
    public static Jet operator +(Jet a, Jet b) => new(Same(a, b).Value + b.Value, a.Partials is null ? null : a.Partials + b.Partials!, a.Layout);

    /// <summary>Difference of two jets (same layout).</summary>
    public static Jet operator -(Jet a, Jet b) => new(Same(a, b).Value - b.Value, a.Partials is null ? null : a.Partials - b.Partials!, a.Layout);

    /// <summary>Product of two jets by the Leibniz rule up to order 2.</summary>
    public static Jet operator *(Jet a, Jet b)
    {
        var layout = Same(a, b).Layout;
        var value = a.Value * b.Value;
        if (a.Partials is null) return new Jet(value, null, layout);
        var partials = (a.Partials * b.Value.unsqueeze(0)).addcmul_(a.Value.unsqueeze(0), b.Partials!, 1);
        if (layout.SecondCount > 0)
        {
            var (ai, aj) = a.FirstPairs(a.Partials);
            var (bi, bj) = b.FirstPairs(b.Partials!);
            partials.narrow(0, layout.FirstCount, layout.SecondCount).addcmul_(ai, bj, 1).addcmul_(aj, bi, 1);
        }
        return new Jet(value, partials, layout);
    }

    /// <summary>For every second partial (i, j): the first partials along i and along j, each [S, N or 1, width].</summary>
    private (Tensor I, Tensor J) FirstPairs(Tensor partials)
    {
        if (Layout.SecondIsDiagonal)
        {
            var zi = Layout.SecondFirstsAreContiguous ? partials.narrow(0, Layout.SecondFirstStart, Layout.SecondCount) : partials.index_select(0, Layout.Indices(partials.device).I);
            return (zi, zi);
        }
        var ix = Layout.Indices(partials.device);
        return (partials.index_select(0, ix.I), partials.index_select(0, ix.J));
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
