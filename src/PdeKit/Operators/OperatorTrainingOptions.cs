using PdeKit.Runtime;

namespace PdeKit.Operators;

/// <summary>Learning-rate schedule of operator training, applied per epoch.</summary>
public enum LearningRateSchedule
{
    /// <summary>Multiply by <see cref="OperatorTrainingOptions.Gamma"/> every <see cref="OperatorTrainingOptions.StepSize"/> epochs (the FNO paper: 0.5 every 100).</summary>
    Step,

    /// <summary>Cosine annealing from the initial rate to 0 over the run.</summary>
    Cosine,

    /// <summary>A constant rate.</summary>
    Constant,
}

/// <summary>Settings of <see cref="OperatorTrainer"/> (defaults: the FNO paper's, 500 epochs of Adam, batch 20).</summary>
public sealed record OperatorTrainingOptions
{
    /// <summary>Passes over the training data (default 500).</summary>
    public int Epochs { get; init; } = 500;

    /// <summary>Samples per mini-batch (default 20).</summary>
    public int BatchSize { get; init; } = 20;

    /// <summary>Initial Adam learning rate (default 1e-3).</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Adam weight decay (default 1e-4).</summary>
    public double WeightDecay { get; init; } = 1e-4;

    /// <summary>Learning-rate schedule (default step).</summary>
    public LearningRateSchedule Schedule { get; init; } = LearningRateSchedule.Step;

    /// <summary>Epochs between decays of the step schedule (default 100).</summary>
    public int StepSize { get; init; } = 100;

    /// <summary>Decay factor of the step schedule (default 0.5).</summary>
    public double Gamma { get; init; } = 0.5;

    /// <summary>Normalisation of inputs and outputs (default global, usable at every resolution).</summary>
    public NormalizationMode Normalization { get; init; } = NormalizationMode.Global;

    /// <summary>Weight of the physics-informed (PINO) loss, the mean squared Darcy residual on the output grid (default 0: data only; Darcy only).</summary>
    public double PinoWeight { get; init; }

    /// <summary>Epochs between test evaluations (default 10; the last epoch is always evaluated).</summary>
    public int EvaluateEvery { get; init; } = 10;

    /// <summary>Seed of the weight initialisation and the shuffling (default 0).</summary>
    public int Seed { get; init; }

    /// <summary>Device (default: CUDA when available).</summary>
    public DeviceChoice Device { get; init; } = DeviceChoice.Auto;

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting out of range, naming it.</exception>
    public void Validate()
    {
        static void Require(bool ok, string message)
        {
            if (!ok) throw new ArgumentException(message);
        }

        Require(Epochs >= 1, $"epochs must be at least 1 (got {Epochs})");
        Require(BatchSize >= 1, $"batchSize must be at least 1 (got {BatchSize})");
        Require(LearningRate > 0 && double.IsFinite(LearningRate), $"learningRate must be a positive number (got {LearningRate})");
        Require(WeightDecay >= 0 && double.IsFinite(WeightDecay), $"weightDecay must be non-negative (got {WeightDecay})");
        Require(StepSize >= 1, $"stepSize must be at least 1 (got {StepSize})");
        Require(Gamma > 0 && Gamma <= 1, $"gamma must be in (0, 1] (got {Gamma})");
        Require(PinoWeight >= 0 && double.IsFinite(PinoWeight), $"pinoWeight must be non-negative (got {PinoWeight})");
        Require(EvaluateEvery >= 1, $"evaluateEvery must be at least 1 (got {EvaluateEvery})");
    }

    /// <summary>The learning rate of an epoch (0-based).</summary>
    /// <param name="epoch">Epoch index.</param>
    /// <returns>The rate.</returns>
    public double RateAt(int epoch) => Schedule switch
    {
        LearningRateSchedule.Step => LearningRate * Math.Pow(Gamma, epoch / StepSize),
        LearningRateSchedule.Cosine => 0.5 * LearningRate * (1 + Math.Cos(Math.PI * epoch / Epochs)),
        _ => LearningRate,
    };
}

/// <summary>One epoch of operator training.</summary>
/// <param name="Epoch">Epoch, 1-based.</param>
/// <param name="Seconds">Wall time since the start.</param>
/// <param name="LearningRate">Rate used in the epoch.</param>
/// <param name="Loss">Mean total training loss.</param>
/// <param name="DataLoss">Mean relative L2 training loss.</param>
/// <param name="PdeLoss">Mean PINO residual loss (0 without PINO).</param>
/// <param name="TestRelativeL2">Mean relative L2 test error (NaN when not evaluated this epoch).</param>
public sealed record OperatorEpochRecord(int Epoch, double Seconds, double LearningRate, double Loss, double DataLoss, double PdeLoss, double TestRelativeL2);

/// <summary>Errors of a model on a data set.</summary>
/// <param name="Resolution">Points per axis.</param>
/// <param name="Count">Samples.</param>
/// <param name="MeanRelativeL2">Mean per-sample relative L2 error.</param>
/// <param name="PerSample">Per-sample relative L2 errors.</param>
/// <param name="Predictions">Predictions in physical units, sample-major like the data set.</param>
/// <param name="Seconds">Inference wall time (forward passes and transfers).</param>
public sealed record OperatorEvaluation(int Resolution, int Count, double MeanRelativeL2, double[] PerSample, double[] Predictions, double Seconds)
{
    /// <summary>Samples per second of inference.</summary>
    public double SamplesPerSecond => Count / Math.Max(Seconds, 1e-12);
}
