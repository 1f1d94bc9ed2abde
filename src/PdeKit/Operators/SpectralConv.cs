using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PdeKit.Operators;

/// <summary>
/// The 1D spectral convolution of the Fourier neural operator (Li et al., ICLR 2021): real FFT of the input, a learned
/// complex <c>[in, out]</c> matrix per retained mode <c>k &lt; modes</c> (the other modes are zeroed), inverse real FFT.
/// The complex weights are stored as real tensors <c>[in, out, modes, 2]</c> (real, imaginary), so every optimiser and
/// checkpoint sees real parameters. With the unnormalised forward FFT and the 1/n inverse, the layer acts on the
/// Fourier coefficients of the underlying function: the same weights apply at any resolution (at least 2 modes + 1 points).
/// </summary>
public sealed class SpectralConv1d : Module<Tensor, Tensor>
{
    private readonly Parameter weight;

    /// <summary>Creates the layer with weights uniform in <c>[0, 1/(in out))</c>, the FNO reference scaling.</summary>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="modes">Retained Fourier modes k = 0..modes-1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A size below 1.</exception>
    public SpectralConv1d(int inChannels, int outChannels, int modes) : base(nameof(SpectralConv1d))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inChannels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outChannels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(modes, 1);
        InChannels = inChannels;
        OutChannels = outChannels;
        Modes = modes;
        weight = new Parameter(rand(inChannels, outChannels, modes, 2) / (inChannels * outChannels));
        RegisterComponents();
    }

    /// <summary>Input channels.</summary>
    public int InChannels { get; }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <summary>Retained modes.</summary>
    public int Modes { get; }

    /// <summary>The weights, real-stored complex: <c>[in, out, modes, 2]</c>.</summary>
    public Parameter Weight => weight;

    /// <summary>Applies the layer.</summary>
    /// <param name="x">Input <c>[B, in, n]</c>, real.</param>
    /// <returns>Output <c>[B, out, n]</c>.</returns>
    /// <exception cref="ArgumentException">Wrong rank or channel count.</exception>
    public override Tensor forward(Tensor x)
    {
        if (x.dim() != 3 || x.shape[1] != InChannels) throw new ArgumentException($"SpectralConv1d expects [batch, {InChannels}, n]; got [{string.Join(", ", x.shape)}].", nameof(x));
        long n = x.shape[2];
        long half = (n / 2) + 1;
        long m = Math.Min(Modes, half);
        using var scope = NewDisposeScope();
        var spectrum = fft.rfft(x, dim: -1);
        var w = view_as_complex(weight.to(x.dtype)[.., .., ..(int)m]);
        var low = einsum("bik,iok->bok", spectrum[.., .., ..(int)m], w);
        var full = m == half ? low : cat([low, zeros(x.shape[0], OutChannels, half - m, dtype: low.dtype, device: x.device)], 2);
        return fft.irfft(full, n, dim: -1).MoveToOuterDisposeScope();
    }
}

/// <summary>
/// The 2D spectral convolution of the FNO: <c>rfft2</c> over the last two axes, learned complex matrices on the retained
/// modes <c>|k1| &lt; modes1</c> (both signs: two weight blocks) and <c>0 &lt;= k2 &lt; modes2</c>, inverse <c>irfft2</c>.
/// Weights are real-stored complex, <c>[in, out, modes1, modes2, 2]</c> per block.
/// </summary>
public sealed class SpectralConv2d : Module<Tensor, Tensor>
{
    private readonly Parameter weightPositive;
    private readonly Parameter weightNegative;

    /// <summary>Creates the layer with weights uniform in <c>[0, 1/(in out))</c>.</summary>
    /// <param name="inChannels">Input channels.</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="modes1">Retained modes along the first spatial axis (each sign).</param>
    /// <param name="modes2">Retained modes along the second spatial axis (non-negative).</param>
    /// <exception cref="ArgumentOutOfRangeException">A size below 1.</exception>
    public SpectralConv2d(int inChannels, int outChannels, int modes1, int modes2) : base(nameof(SpectralConv2d))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inChannels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outChannels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(modes1, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(modes2, 1);
        InChannels = inChannels;
        OutChannels = outChannels;
        Modes1 = modes1;
        Modes2 = modes2;
        double scale = 1.0 / (inChannels * outChannels);
        weightPositive = new Parameter(rand([inChannels, outChannels, modes1, modes2, 2]) * scale);
        weightNegative = new Parameter(rand([inChannels, outChannels, modes1, modes2, 2]) * scale);
        RegisterComponents();
    }

    /// <summary>Input channels.</summary>
    public int InChannels { get; }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <summary>Retained modes along the first axis, each sign.</summary>
    public int Modes1 { get; }

    /// <summary>Retained modes along the second axis.</summary>
    public int Modes2 { get; }

    /// <summary>Weights of the modes <c>k1 = 0..modes1-1</c>: <c>[in, out, modes1, modes2, 2]</c>.</summary>
    public Parameter WeightPositive => weightPositive;

    /// <summary>Weights of the modes <c>k1 = -modes1..-1</c> (row r is <c>k1 = r - modes1</c>): <c>[in, out, modes1, modes2, 2]</c>.</summary>
    public Parameter WeightNegative => weightNegative;

    /// <summary>Applies the layer.</summary>
    /// <param name="x">Input <c>[B, in, n1, n2]</c>, real.</param>
    /// <returns>Output <c>[B, out, n1, n2]</c>.</returns>
    /// <exception cref="ArgumentException">Wrong rank or channel count.</exception>
    public override Tensor forward(Tensor x)
    {
        if (x.dim() != 4 || x.shape[1] != InChannels) throw new ArgumentException($"SpectralConv2d expects [batch, {InChannels}, n1, n2]; got [{string.Join(", ", x.shape)}].", nameof(x));
        long n1 = x.shape[2], n2 = x.shape[3], b = x.shape[0];
        long half2 = (n2 / 2) + 1;
        int m1 = (int)Math.Min(Modes1, n1 / 2), m2 = (int)Math.Min(Modes2, half2);
        using var scope = NewDisposeScope();
        var spectrum = fft.rfft2(x);
        var wp = view_as_complex(weightPositive.to(x.dtype)[.., .., ..m1, ..m2]);
        var wn = view_as_complex(weightNegative.to(x.dtype)[.., .., (Modes1 - m1)..Modes1, ..m2]);
        var top = einsum("bixy,ioxy->boxy", spectrum[.., .., ..m1, ..m2], wp);
        var bottom = einsum("bixy,ioxy->boxy", spectrum[.., .., (int)(n1 - m1)..(int)n1, ..m2], wn);
        var dtype = top.dtype;
        Tensor PadColumns(Tensor t) => m2 == half2 ? t : cat([t, zeros(b, OutChannels, m1, half2 - m2, dtype: dtype, device: x.device)], 3);
        var parts = new List<Tensor> { PadColumns(top) };
        if (n1 - (2 * m1) > 0) parts.Add(zeros(b, OutChannels, n1 - (2 * m1), half2, dtype: dtype, device: x.device));
        parts.Add(PadColumns(bottom));
        var full = cat(parts, 2);
        return fft.irfft2(full, [n1, n2]).MoveToOuterDisposeScope();
    }
}
