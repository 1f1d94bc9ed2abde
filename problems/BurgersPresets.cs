using PdeKit.Models;
using PdeKit.Sampling;
using PdeKit.Training;

namespace PdeKit.Problems;

/// <summary>Training presets for Burgers.</summary>
public static class BurgersPresets
{
    /// <summary>CPU-friendly: 4x32 tanh, 3000 Sobol points resampled every 100 Adam steps, 3000 Adam + 2000 L-BFGS in float64; about 2-3 minutes on 2 cores.</summary>
    public static TrainingOptions Quick { get; } = new()
    {
        Model = new ModelOptions(Width: 32, Depth: 4),
        Points = 3000,
        Sampler = SamplerKind.Sobol,
        ResampleEvery = 100,
        AdamSteps = 3000,
        LearningRate = 2e-3,
        LrDecayRate = 0.5,
        LrDecaySteps = 1000,
        LbfgsIterations = 2000,
        Precision = Precision.Float64,
        LogEvery = 100,
        EvalEvery = 500,
    };

    /// <summary>The default (GPU): 4x64 tanh network, 8192 resampled points, 20k Adam steps, then L-BFGS.</summary>
    public static TrainingOptions Default { get; } = new()
    {
        Model = new ModelOptions(Width: 64, Depth: 4),
        Points = 8192,
        AdamSteps = 20000,
        LbfgsIterations = 5000,
        LogEvery = 100,
        EvalEvery = 1000,
    };

    /// <summary>Best found: modified MLP, more points, longer Adam, L-BFGS in float64.</summary>
    public static TrainingOptions Best { get; } = Default with
    {
        Model = new ModelOptions(Kind: ModelKind.ModifiedMlp, Width: 128, Depth: 5),
        Points = 16384,
        AdamSteps = 40000,
        LbfgsIterations = 10000,
        Precision = Precision.Float64,
    };
}
