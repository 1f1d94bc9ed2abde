using PdeKit.Models;
using PdeKit.Sampling;
using PdeKit.Training;

namespace PdeKit.Problems;

/// <summary>Training presets for the Poisson problems.</summary>
public static class PoissonPresets
{
    /// <summary>CPU-sized: 3x32 tanh, 1024 Sobol points resampled every 100 steps, 1500 Adam + 500 L-BFGS in float64.</summary>
    public static TrainingOptions Quick { get; } = new()
    {
        Model = new ModelOptions(Width: 32, Depth: 3),
        Points = 1024,
        Sampler = SamplerKind.Sobol,
        ResampleEvery = 100,
        AdamSteps = 1500,
        LearningRate = 2e-3,
        LrDecayRate = 0.5,
        LrDecaySteps = 500,
        LbfgsIterations = 500,
        Precision = Precision.Float64,
        LogEvery = 100,
        EvalEvery = 500,
    };

    /// <summary>GPU: 4x64 tanh, 8192 points, 10k Adam + 5000 L-BFGS in float64.</summary>
    public static TrainingOptions Default { get; } = Quick with
    {
        Model = new ModelOptions(Width: 64, Depth: 4),
        Points = 8192,
        AdamSteps = 10000,
        LrDecayRate = 0.9,
        LrDecaySteps = 1000,
        LearningRate = 1e-3,
        LbfgsIterations = 5000,
        EvalEvery = 1000,
    };

    /// <summary>The k = 4 variant: sin activations see the frequency more easily; wider, more points.</summary>
    public static TrainingOptions HighFrequencyQuick { get; } = Quick with { Model = new ModelOptions(Width: 48, Depth: 3, Activation: Activation.Sin), Points = 2048 };

    /// <summary>The k = 4 variant on the GPU.</summary>
    public static TrainingOptions HighFrequencyDefault { get; } = Default with { Model = new ModelOptions(Width: 64, Depth: 4, Activation: Activation.Sin) };

    /// <summary>
    /// The plate with wells: <see cref="Quick"/> with gradient-norm balancing, which keeps the soft no-flow
    /// terms from drowning under the residual of the lift (measured on the CPU with the first, mesh-polygon ansatz,
    /// problem.ansatz=1: relative L2 0.34 with it, 0.49 without; see the README for the analytic ansatz's figures).
    /// </summary>
    public static TrainingOptions PlateQuick { get; } = Quick with { Weighting = new WeightingOptions { Balancing = LossBalancing.GradNorm } };

    /// <summary>The plate on the GPU: <see cref="Default"/> with gradient-norm balancing.</summary>
    public static TrainingOptions PlateDefault { get; } = Default with { Weighting = new WeightingOptions { Balancing = LossBalancing.GradNorm } };

    /// <summary>
    /// The L-shape on the CPU: <see cref="Quick"/> with the four soft outer-edge terms weighted 10 (their error, not the
    /// corner's, dominated the first measured runs: the slope along the short right edge next to the notch lagged) and
    /// 1500 L-BFGS iterations (measured: relative L2 8e-3 after 500, 3.9e-3 after 1500).
    /// </summary>
    public static TrainingOptions LShapeQuick { get; } = Quick with { Weighting = new WeightingOptions { Weights = LShapeEdgeWeights() }, LbfgsIterations = 1500 };

    /// <summary>The L-shape on the GPU: <see cref="Default"/> with the same edge weights.</summary>
    public static TrainingOptions LShapeDefault { get; } = Default with { Weighting = new WeightingOptions { Weights = LShapeEdgeWeights() } };

    private static Dictionary<string, double> LShapeEdgeWeights() => new()
    {
        ["edge_bottom"] = 10, ["edge_right"] = 10, ["edge_top"] = 10, ["edge_left"] = 10,
    };

    /// <summary>The cube with a spherical hole (3D) on the CPU: <see cref="Quick"/> (1024 points, 1500 Adam + 500 L-BFGS).</summary>
    public static TrainingOptions CubeHoleQuick { get; } = Quick;

    /// <summary>The cube with a spherical hole on the GPU: <see cref="Default"/>.</summary>
    public static TrainingOptions CubeHoleDefault { get; } = Default;
}
