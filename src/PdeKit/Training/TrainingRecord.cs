using PdeKit.Models;

namespace PdeKit.Training;

/// <summary>One logged row of a training run.</summary>
/// <param name="Step">Global step (Adam steps, then L-BFGS iterations continue the count).</param>
/// <param name="Phase">"adam" or "lbfgs".</param>
/// <param name="TimeSeconds">Wall time since training started.</param>
/// <param name="LearningRate">Adam learning rate (NaN in L-BFGS).</param>
/// <param name="Loss">The weighted total loss.</param>
/// <param name="Terms">Unweighted mean of each loss term.</param>
/// <param name="Weights">Weight of each term.</param>
/// <param name="RelativeL2">Relative L2 error against the reference (first output), NaN when not evaluated at this step or when the problem has no field reference.</param>
public sealed record TrainingRecord(
    int Step, string Phase, double TimeSeconds, double LearningRate, double Loss,
    IReadOnlyDictionary<string, double> Terms, IReadOnlyDictionary<string, double> Weights, double RelativeL2)
{
    /// <summary>Values of the problem's trainable unknowns at this step (empty for forward problems).</summary>
    public IReadOnlyDictionary<string, double> Unknowns { get; init; } = new Dictionary<string, double>();

    /// <summary>
    /// The problem's benchmark quantities (see <see cref="Physics.IBenchmarkQuantities"/>) by name: every declared name is
    /// present, NaN when not evaluated at this step; empty for problems without them.
    /// </summary>
    public IReadOnlyDictionary<string, double> Quantities { get; init; } = new Dictionary<string, double>();
}

/// <summary>The outcome of <see cref="Trainer.Train"/>.</summary>
/// <param name="Network">The trained model (on the training device).</param>
/// <param name="History">Logged rows.</param>
/// <param name="WallSeconds">Total training time.</param>
/// <param name="AdamSteps">Adam steps taken.</param>
/// <param name="LbfgsIterations">L-BFGS iterations taken (fewer than asked when it converged or stalled).</param>
/// <param name="AdamStepsPerSecond">Adam throughput.</param>
/// <param name="Device">Device used, e.g. "cpu" or "cuda".</param>
/// <param name="Points">Collocation points at the end (grows under RAR and RAR-D).</param>
public sealed record TrainingResult(
    PinnNetwork Network, IReadOnlyList<TrainingRecord> History, double WallSeconds,
    int AdamSteps, int LbfgsIterations, double AdamStepsPerSecond, string Device, int Points);
