using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PdeKit.Operators;

/// <summary>
/// The Fourier neural operator (Li et al., ICLR 2021) in 1D or 2D: the input channels and the grid coordinates are
/// lifted pointwise to <see cref="FnoOptions.Width"/> channels, passed through Fourier layers
/// <c>v &lt;- GELU(K v + W v)</c> (spectral convolution K plus a pointwise linear skip W; no activation after the last
/// layer), and projected pointwise to the output channels through a hidden layer of
/// <see cref="FnoOptions.ProjectionWidth"/>. Non-periodic data are zero-padded after lifting and cropped before the
/// projection (<see cref="FnoOptions.Padding"/>). With <see cref="FnoOptions.ConditioningParameters"/> &gt; 0 the network
/// is parameter-conditioned in the spirit of CAPE (Takamoto et al., 2023): the PDE parameters enter as constant input
/// channels and, through a small embedding, as a per-channel shift of every Fourier layer.
/// </summary>
public sealed class Fno : OperatorModel
{
    private readonly Module<Tensor, Tensor> lift;
    private readonly ModuleList<Module<Tensor, Tensor>> spectral = new();
    private readonly ModuleList<Module<Tensor, Tensor>> skip = new();
    private readonly Module<Tensor, Tensor> project1;
    private readonly Module<Tensor, Tensor> project2;
    private readonly ModuleList<Linear> conditioning = new();
    private readonly int dimension;
    private readonly bool periodicGrid;

    /// <summary>Creates the network.</summary>
    /// <param name="dimension">1 or 2.</param>
    /// <param name="inChannels">Input function channels (without the grid coordinates, which the model appends).</param>
    /// <param name="outChannels">Output channels.</param>
    /// <param name="options">Architecture.</param>
    /// <param name="periodicGrid">True when the grid is periodic, <c>x_j = j/n</c>; false for nodes <c>x_j = j/(n-1)</c>.</param>
    /// <exception cref="ArgumentException">Bad dimension, channel counts or options.</exception>
    public Fno(int dimension, int inChannels, int outChannels, FnoOptions options, bool periodicGrid) : base(nameof(Fno))
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (dimension is not (1 or 2)) throw new ArgumentException($"FNO dimension must be 1 or 2, got {dimension}.", nameof(dimension));
        ArgumentOutOfRangeException.ThrowIfLessThan(inChannels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(outChannels, 1);
        this.dimension = dimension;
        this.periodicGrid = periodicGrid;
        Options = options;
        InChannels = inChannels;
        OutChannels = outChannels;
        int w = options.Width;
        lift = Pointwise(inChannels + dimension + options.ConditioningParameters, w);
        for (int l = 0; l < options.Layers; l++)
        {
            spectral.Add(dimension == 1 ? new SpectralConv1d(w, w, options.Modes) : new SpectralConv2d(w, w, options.Modes, options.Modes));
            skip.Add(Pointwise(w, w));
            if (options.ConditioningParameters > 0) conditioning.Add(Linear(options.ConditioningParameters, w));
        }

        project1 = Pointwise(w, options.ProjectionWidth);
        project2 = Pointwise(options.ProjectionWidth, outChannels);
        RegisterComponents();
    }

    /// <summary>The architecture.</summary>
    public FnoOptions Options { get; }

    /// <summary>Input channels (without the grid).</summary>
    public int InChannels { get; }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <inheritdoc/>
    public override int Dimension => dimension;

    /// <inheritdoc/>
    public override int ConditioningParameters => Options.ConditioningParameters;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor? parameters)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != dimension + 2 || input.shape[1] != InChannels)
        {
            throw new ArgumentException($"FNO{dimension}d expects [batch, {InChannels}{(dimension == 1 ? ", n" : ", n1, n2")}]; got [{string.Join(", ", input.shape)}].", nameof(input));
        }

        CheckParameters(input, parameters);
        using var scope = NewDisposeScope();
        var features = new List<Tensor> { input };
        features.AddRange(GridChannels(input));
        if (parameters is not null) features.Add(Broadcast(parameters.to(input.dtype), input));
        var v = lift.forward(cat(features, 1));
        long[] size = input.shape[2..];
        long[] pad = size.Select(n => (long)Math.Ceiling(Options.Padding * n)).ToArray();
        if (pad.Any(p => p > 0))
        {
            v = dimension == 1 ? nn.functional.pad(v, [0, pad[0]]) : nn.functional.pad(v, [0, pad[1], 0, pad[0]]);
        }

        for (int l = 0; l < spectral.Count; l++)
        {
            v = spectral[l].forward(v) + skip[l].forward(v);
            if (parameters is not null) v += Broadcast(conditioning[l].forward(parameters.to(input.dtype)), v);
            if (l < spectral.Count - 1) v = nn.functional.gelu(v);
        }

        if (pad.Any(p => p > 0)) v = dimension == 1 ? v[.., .., ..(int)size[0]] : v[.., .., ..(int)size[0], ..(int)size[1]];
        var output = project2.forward(nn.functional.gelu(project1.forward(v)));
        return output.MoveToOuterDisposeScope();
    }

    private Module<Tensor, Tensor> Pointwise(int inputs, int outputs) => dimension == 1 ? Conv1d(inputs, outputs, 1) : Conv2d(inputs, outputs, 1);

    /// <summary>[B, P] broadcast to [B, P, n...] like <paramref name="like"/>.</summary>
    private Tensor Broadcast(Tensor perSample, Tensor like)
    {
        var shaped = dimension == 1 ? perSample.unsqueeze(-1) : perSample.unsqueeze(-1).unsqueeze(-1);
        long[] target = [like.shape[0], perSample.shape[1], .. like.shape[2..]];
        return shaped.expand(target);
    }

    /// <summary>The grid coordinates as channels: [B, 1, n] (1D) or two [B, 1, n1, n2] (2D).</summary>
    private IEnumerable<Tensor> GridChannels(Tensor input)
    {
        long b = input.shape[0];
        Tensor Axis(long n) => periodicGrid ? arange(n, dtype: input.dtype, device: input.device) / n : linspace(0, 1, n, dtype: input.dtype, device: input.device);
        if (dimension == 1)
        {
            yield return Axis(input.shape[2]).reshape(1, 1, -1).expand(b, 1, -1);
        }
        else
        {
            long n1 = input.shape[2], n2 = input.shape[3];
            yield return Axis(n1).reshape(1, 1, -1, 1).expand(b, 1, n1, n2);
            yield return Axis(n2).reshape(1, 1, 1, -1).expand(b, 1, n1, n2);
        }
    }
}
