using PdeKit.Models;
using PdeKit.Sampling;
using PdeKit.Training;

namespace PdeKit.Problems;

/// <summary>Training presets for Allen-Cahn.</summary>
public static class AllenCahnPresets
{
    /// <summary>
    /// CPU-sized plain PINN: 4x64 tanh MLP, 2048 Sobol points resampled every 100 steps, 4000 Adam steps,
    /// fixed weights with the initial-data term weighted 100. Plain PINNs fail here (Wang et al. 2022
    /// report a relative L2 near 0.5); vary <c>weighting=causal</c> to see what causality buys.
    /// </summary>
    public static TrainingOptions Quick { get; } = new()
    {
        Model = new ModelOptions(Width: 64, Depth: 4),
        Points = 2048,
        Sampler = SamplerKind.Sobol,
        ResampleEvery = 100,
        AdamSteps = 4000,
        LearningRate = 1e-3,
        LrDecayRate = 0.9,
        LrDecaySteps = 500,
        Precision = Precision.Float32,
        Weighting = new WeightingOptions { Weights = new() { ["initial"] = 100 } },
        LogEvery = 100,
        EvalEvery = 500,
    };

    /// <summary>
    /// The recipe of Wang et al. (GPU): modified MLP 4x256 with 128 random Fourier features, causal weighting
    /// with 32 chunks on top of gradient-norm balancing, 8192 points, 100k Adam steps.
    /// </summary>
    public static TrainingOptions Default { get; } = new()
    {
        Model = new ModelOptions(ModelKind.ModifiedMlp, Width: 256, Depth: 4, FourierFeatures: 128, FourierSigma: 1.0),
        Points = 8192,
        Sampler = SamplerKind.Sobol,
        ResampleEvery = 100,
        AdamSteps = 100_000,
        LearningRate = 1e-3,
        LrDecayRate = 0.9,
        LrDecaySteps = 5000,
        Precision = Precision.Float32,
        Weighting = new WeightingOptions { Causal = true, CausalChunks = 32, Balancing = LossBalancing.GradNorm, GradNormEvery = 1000 },
        LogEvery = 100,
        EvalEvery = 2000,
    };

    /// <summary>The default recipe trained 300k steps, the length jaxpi reports 5e-5 with.</summary>
    public static TrainingOptions Best { get; } = Default with { AdamSteps = 300_000, EvalEvery = 5000 };
}
