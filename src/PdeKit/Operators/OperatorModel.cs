using static TorchSharp.torch;

namespace PdeKit.Operators;

/// <summary>
/// A neural operator: maps input functions sampled on a grid to output functions on the same grid, optionally
/// conditioned on PDE parameters. Inputs and outputs are channel-first: <c>[B, C, n]</c> (1D) or <c>[B, C, n1, n2]</c>
/// (2D); the grid coordinates are appended inside the model, so any resolution can be fed.
/// </summary>
public abstract class OperatorModel : nn.Module<Tensor, Tensor>
{
    /// <summary>Creates the module.</summary>
    /// <param name="name">Module name.</param>
    protected OperatorModel(string name) : base(name)
    {
    }

    /// <summary>Spatial dimension, 1 or 2.</summary>
    public abstract int Dimension { get; }

    /// <summary>Number of PDE parameters the model is conditioned on (0: none).</summary>
    public abstract int ConditioningParameters { get; }

    /// <summary>Applies the operator.</summary>
    /// <param name="input">Input functions <c>[B, Cin, n...]</c>.</param>
    /// <param name="parameters">PDE parameters <c>[B, P]</c> when <see cref="ConditioningParameters"/> &gt; 0, else null.</param>
    /// <returns>Output functions <c>[B, Cout, n...]</c>.</returns>
    public abstract Tensor Forward(Tensor input, Tensor? parameters);

    /// <summary>The unconditioned forward pass (<see cref="Forward"/> with no parameters).</summary>
    /// <param name="input">Input functions <c>[B, Cin, n...]</c>.</param>
    /// <returns>Output functions.</returns>
    public override Tensor forward(Tensor input) => Forward(input, null);

    /// <summary>Checks the parameter tensor against <see cref="ConditioningParameters"/>.</summary>
    /// <param name="input">The input batch.</param>
    /// <param name="parameters">The parameters or null.</param>
    /// <exception cref="ArgumentException">Parameters missing, unexpected or of the wrong shape.</exception>
    protected void CheckParameters(Tensor input, Tensor? parameters)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (ConditioningParameters == 0 && parameters is not null) throw new ArgumentException("This operator is not conditioned on PDE parameters; pass null.", nameof(parameters));
        if (ConditioningParameters > 0 && (parameters is null || parameters.dim() != 2 || parameters.shape[0] != input.shape[0] || parameters.shape[1] != ConditioningParameters))
        {
            throw new ArgumentException($"This operator needs PDE parameters [batch = {input.shape[0]}, {ConditioningParameters}]; got {(parameters is null ? "none" : $"[{string.Join(", ", parameters.shape)}]")}.", nameof(parameters));
        }
    }
}
