using PdeKit.Models;
using PdeKit.Sampling;
using PdeKit.Training;

namespace PdeKit.Problems;

/// <summary>Training presets for the incompressible Navier-Stokes problems.</summary>
public static class NavierStokesPresets
{
    /// <summary>
    /// CPU-sized: 4x32 tanh, 768 Sobol points resampled every 100 steps, 1000 Adam + 250 L-BFGS in float64
    /// (about 3 minutes on a loaded 2-core CPU; 1500 Adam + 500 L-BFGS at 1024 points took 328 s and gave
    /// Kovasznay Re 20 relative L2 errors u 7.0e-4, v 3.0e-3, p 1.9e-3).
    /// </summary>
    public static TrainingOptions Quick { get; } = new()
    {
        Model = new ModelOptions(Width: 32, Depth: 4),
        Points = 768,
        Sampler = SamplerKind.Sobol,
        ResampleEvery = 100,
        AdamSteps = 1000,
        LearningRate = 2e-3,
        LrDecayRate = 0.5,
        LrDecaySteps = 400,
        LbfgsIterations = 250,
        Precision = Precision.Float64,
        LogEvery = 100,
        EvalEvery = 500,
    };

    /// <summary>GPU: 5x64 tanh, 8192 points, 20k Adam + 10k L-BFGS in float64 (the Kovasznay target is a velocity relative L2 of 1e-4).</summary>
    public static TrainingOptions Default { get; } = Quick with
    {
        Model = new ModelOptions(Width: 64, Depth: 5),
        Points = 8192,
        AdamSteps = 20000,
        LearningRate = 1e-3,
        LrDecayRate = 0.9,
        LrDecaySteps = 1000,
        LbfgsIterations = 10000,
        EvalEvery = 2000,
    };

    /// <summary>The Taylor-Green vortex on the CPU: the space-time box needs more points than the steady flows.</summary>
    public static TrainingOptions TaylorGreenQuick { get; } = Quick with { Points = 1536 };

    /// <summary>The cylinder on the CPU: the thin boundary layers want more points; far from the published digits at this budget.</summary>
    public static TrainingOptions CylinderQuick { get; } = Quick with { Points = 1536 };

    /// <summary>The cylinder on the GPU: 6x64 tanh, 16384 points.</summary>
    public static TrainingOptions CylinderDefault { get; } = Default with { Model = new ModelOptions(Width: 64, Depth: 6), Points = 16384 };

    /// <summary>The Reynolds-number schedule of the cavity curriculum (each stage warm-starts from the previous; see <see cref="ParameterCurriculum"/>).</summary>
    public static IReadOnlyList<double> CavityCurriculum { get; } = [100, 400, 1000];
}
