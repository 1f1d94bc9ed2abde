using PdeKit.Models;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace PdeKit.Operators;

/// <summary>Architecture of a <see cref="DeepONet"/>.</summary>
public sealed record DeepONetOptions
{
    /// <summary>Sensor points of the branch net (the input function is sampled there; default 128).</summary>
    public int Sensors { get; init; } = 128;

    /// <summary>Hidden width of branch and trunk (default 128).</summary>
    public int Width { get; init; } = 128;

    /// <summary>Hidden layers of branch and trunk (default 3).</summary>
    public int Depth { get; init; } = 3;

    /// <summary>Number of basis functions p (default 128).</summary>
    public int Basis { get; init; } = 128;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A size below 1 (sensors below 2).</exception>
    public void Validate()
    {
        if (Sensors < 2 || Width < 1 || Depth < 1 || Basis < 1) throw new ArgumentException($"DeepONet sizes must be positive and sensors at least 2 (sensors {Sensors}, width {Width}, depth {Depth}, basis {Basis}).");
    }
}

/// <summary>
/// The unstacked DeepONet (Lu et al., Nature Machine Intelligence 3, 2021) for 1D functions: a branch MLP maps the input
/// function at <see cref="DeepONetOptions.Sensors"/> fixed sensors to p coefficients, a trunk MLP maps an output
/// coordinate y to p basis values, and <c>G(u)(y) = Sum_k b_k(u) t_k(y) + b0</c>. Inputs at another resolution are
/// interpolated linearly to the sensors (periodically on a periodic grid); the output is evaluated on the input's grid.
/// </summary>
public sealed class DeepONet : OperatorModel
{
    private readonly Mlp branch;
    private readonly Mlp trunk;
    private readonly Parameter bias;
    private readonly bool periodicGrid;

    /// <summary>Creates the network.</summary>
    /// <param name="options">Architecture.</param>
    /// <param name="periodicGrid">True for a periodic grid <c>x_j = j/n</c>; false for nodes <c>x_j = j/(n-1)</c>.</param>
    /// <exception cref="ArgumentException">Bad options.</exception>
    public DeepONet(DeepONetOptions options, bool periodicGrid) : base(nameof(DeepONet))
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        this.periodicGrid = periodicGrid;
        branch = new Mlp(options.Sensors, options.Width, options.Depth, options.Basis, Activation.Gelu);
        trunk = new Mlp(1, options.Width, options.Depth, options.Basis, Activation.Gelu);
        bias = new Parameter(zeros(1));
        RegisterComponents();
    }

    /// <summary>The architecture.</summary>
    public DeepONetOptions Options { get; }

    /// <inheritdoc/>
    public override int Dimension => 1;

    /// <inheritdoc/>
    public override int ConditioningParameters => 0;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor? parameters)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 3 || input.shape[1] != 1) throw new ArgumentException($"DeepONet expects [batch, 1, n]; got [{string.Join(", ", input.shape)}].", nameof(input));
        CheckParameters(input, parameters);
        using var scope = NewDisposeScope();
        long n = input.shape[2];
        var u = input[.., 0, ..];
        var atSensors = n == Options.Sensors ? u : Resample(u, Options.Sensors);
        var coefficients = branch.forward(atSensors);                       // [B, p]
        var y = periodicGrid ? arange(n, dtype: input.dtype, device: input.device) / n : linspace(0, 1, n, dtype: input.dtype, device: input.device);
        var basis = functional.gelu(trunk.forward(y.unsqueeze(1)));          // [n, p]
        var output = coefficients.matmul(basis.t()) + bias.to(input.dtype);  // [B, n]
        return output.unsqueeze(1).MoveToOuterDisposeScope();
    }

    /// <summary>Linear interpolation of [B, n] grid values to m points of the same kind of grid.</summary>
    private Tensor Resample(Tensor u, int m)
    {
        long n = u.shape[1];
        var device = u.device;
        var position = periodicGrid
            ? arange(m, dtype: ScalarType.Float64, device: device) * ((double)n / m)
            : linspace(0, n - 1, m, dtype: ScalarType.Float64, device: device);
        var left = position.floor().to(ScalarType.Int64);
        var fraction = (position - left.to(ScalarType.Float64)).to(u.dtype);
        var right = periodicGrid ? (left + 1).remainder(n) : (left + 1).clamp_max(n - 1);
        left = periodicGrid ? left.remainder(n) : left.clamp_max(n - 1);
        return (u.index_select(1, left) * (1 - fraction)) + (u.index_select(1, right) * fraction);
    }
}
