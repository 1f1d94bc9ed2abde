using PdeKit.Physics;
using PdeKit.Sampling;
using static TorchSharp.torch;

namespace PdeKit.Training;

/// <summary>What a resampler may use to choose new collocation points.</summary>
/// <param name="Step">Current step.</param>
/// <param name="Current">Current points [N, d].</param>
/// <param name="Problem">The problem.</param>
/// <param name="ResidualMagnitude">|residual| per point for a batch [M, d] -> [M] (evaluated without building a training graph).</param>
/// <param name="Rng">The run's random source.</param>
/// <param name="Device">Device of the points.</param>
/// <param name="DType">Floating type of the points.</param>
public sealed record ResampleContext(int Step, Tensor Current, IProblem Problem, Func<Tensor, Tensor> ResidualMagnitude, Random Rng, Device Device, ScalarType DType);

/// <summary>Chooses collocation points during training. Residual-adaptive schemes (RAR, RAD, RAR-D) come with their own issue.</summary>
public interface IResampler
{
    /// <summary>New points [N', d], or null to keep the current ones.</summary>
    Tensor? Resample(ResampleContext context);
}

/// <summary>Keeps the initial points for the whole run.</summary>
public sealed class FixedPoints : IResampler
{
    /// <inheritdoc />
    public Tensor? Resample(ResampleContext context) => null;
}

/// <summary>Draws a fresh set of the same size every <c>every</c> steps.</summary>
public sealed class PeriodicResampling(SamplerKind sampler, int every) : IResampler
{
    /// <inheritdoc />
    public Tensor? Resample(ResampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (every <= 0 || context.Step % every != 0) return null;
        return Sampler.Draw(sampler, context.Problem.Domain, (int)context.Current.shape[0], context.Rng, context.Device, context.DType);
    }
}
