using PdeKit.Models;
using PdeKit.Runtime;
using PdeKit.Sampling;

namespace PdeKit.Training;

/// <summary>Floating-point precision of the network and points.</summary>
public enum Precision
{
    /// <summary>32-bit floats (fast on GPUs).</summary>
    Float32,

    /// <summary>64-bit floats (tight L-BFGS convergence; slow on most GPUs).</summary>
    Float64,
}

/// <summary>
/// Training settings, immutable and JSON-serializable; vary them with <c>with</c> or
/// <c>--set key=value</c> (e.g. <c>model.width=128</c>, <c>adamSteps=5000</c>).
/// </summary>
public sealed record TrainingOptions
{
    /// <summary>Network settings.</summary>
    public ModelOptions Model { get; init; } = new();

    /// <summary>Number of collocation points per step.</summary>
    public int Points { get; init; } = 4096;

    /// <summary>How collocation points are drawn.</summary>
    public SamplerKind Sampler { get; init; } = SamplerKind.Sobol;

    /// <summary>Draw a fresh point set every this many Adam steps (0: keep the first set).</summary>
    public int ResampleEvery { get; init; } = 100;

    /// <summary>Loss weighting: fixed or gradient-norm balancing, optionally causal.</summary>
    public WeightingOptions Weighting { get; init; } = new();

    /// <summary>Residual-based adaptive sampling (RAR, RAD, RAR-D) every <see cref="ResampleEvery"/> steps.</summary>
    public SamplingOptions Sampling { get; init; } = new();

    /// <summary>Adam steps.</summary>
    public int AdamSteps { get; init; } = 20000;

    /// <summary>Initial Adam learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Exponential decay: lr = lr0 * rate^(step / LrDecaySteps); 1 keeps it constant.</summary>
    public double LrDecayRate { get; init; } = 0.9;

    /// <summary>Steps over which the learning rate decays by <see cref="LrDecayRate"/>.</summary>
    public int LrDecaySteps { get; init; } = 2000;

    /// <summary>L-BFGS iterations after Adam (0: none). L-BFGS uses the last point set, fixed.</summary>
    public int LbfgsIterations { get; init; }

    /// <summary>L-BFGS curvature pairs kept.</summary>
    public int LbfgsHistory { get; init; } = 50;

    /// <summary>Random seed for weights and points.</summary>
    public int Seed { get; init; } = 1234;

    /// <summary>Device to train on.</summary>
    public DeviceChoice Device { get; init; } = DeviceChoice.Auto;

    /// <summary>Floating-point precision.</summary>
    public Precision Precision { get; init; } = Precision.Float32;

    /// <summary>
    /// Derivative engine (<c>--set engine=jet|autograd|auto</c>): auto pushes derivatives forward through the
    /// network (<see cref="JetSolution"/>) when the model supports it, else uses nested autograd; a residual or
    /// constraint that needs derivatives of order 3 or more runs on nested autograd under auto (see <see cref="DerivativeEngine.Auto"/>).
    /// </summary>
    public DerivativeEngine Engine { get; init; } = DerivativeEngine.Auto;

    /// <summary>Adam settings: fused flat-buffer implementation, weight decay.</summary>
    public AdamOptions Optimizer { get; init; } = new();

    /// <summary>Record loss terms every this many steps (values are read back from the device only then).</summary>
    public int LogEvery { get; init; } = 100;

    /// <summary>Evaluate the error against the reference every this many steps (0: only at the end).</summary>
    public int EvalEvery { get; init; } = 1000;

    /// <summary>Save a checkpoint every this many Adam steps (0: only the final model).</summary>
    public int CheckpointEvery { get; init; }

    /// <summary>Checks the settings; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        Model.Validate();
        Require(Points >= 1, $"points must be at least 1 (got {Points})");
        Require(AdamSteps >= 0, $"adamSteps cannot be negative (got {AdamSteps})");
        Require(LbfgsIterations >= 0, $"lbfgsIterations cannot be negative (got {LbfgsIterations})");
        Require(AdamSteps + LbfgsIterations > 0, "there is nothing to train: adamSteps and lbfgsIterations are both 0");
        Require(LearningRate > 0 && double.IsFinite(LearningRate), $"learningRate must be a positive number (got {LearningRate})");
        Require(LrDecayRate > 0 && LrDecayRate <= 1, $"lrDecayRate must be in (0, 1] (got {LrDecayRate})");
        Require(LrDecaySteps >= 1, $"lrDecaySteps must be at least 1 (got {LrDecaySteps})");
        Require(ResampleEvery >= 0, $"resampleEvery cannot be negative (got {ResampleEvery})");
        Require(LbfgsHistory >= 1, $"lbfgsHistory must be at least 1 (got {LbfgsHistory})");
        Require(LogEvery >= 1, $"logEvery must be at least 1 (got {LogEvery})");
        Require(CheckpointEvery >= 0, $"checkpointEvery cannot be negative (got {CheckpointEvery})");
        Weighting.Validate();
        Sampling.Validate();
        Optimizer.Validate();
        Require(Sampling.Method == AdaptiveSampling.None || ResampleEvery > 0, $"sampling.method={Sampling.Label} needs resampleEvery > 0 (it adapts the points every resampleEvery steps)");
        Require(EvalEvery >= 0, $"evalEvery cannot be negative (got {EvalEvery})");
    }

    private static void Require(bool ok, string message)
    {
        if (!ok) throw new ArgumentException(message);
    }
}

/// <summary>The Adam phase's optimizer (<c>--set optimizer.fused=true</c>, <c>optimizer.weightDecay=1e-4</c>, ...).</summary>
/// <param name="Fused">Use <see cref="FusedAdam"/>: one flat parameter buffer, a handful of kernels per step, step count on the device.</param>
/// <param name="WeightDecay">Weight decay (0: none).</param>
/// <param name="Decoupled">Decoupled weight decay (AdamW) instead of L2 (Adam).</param>
public sealed record AdamOptions(bool Fused = false, double WeightDecay = 0, bool Decoupled = false)
{
    /// <summary>Checks the settings; throws <see cref="ArgumentException"/> naming the bad one.</summary>
    public void Validate()
    {
        if (!(WeightDecay >= 0) || !double.IsFinite(WeightDecay)) throw new ArgumentException($"optimizer.weightDecay must be a non-negative number (got {WeightDecay})");
    }
}
