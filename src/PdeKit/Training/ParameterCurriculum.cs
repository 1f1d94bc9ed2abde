using PdeKit.Evaluation;
using PdeKit.Physics;

namespace PdeKit.Training;

/// <summary>One finished stage of a <see cref="ParameterCurriculum"/>.</summary>
/// <param name="Value">The problem parameter of the stage (e.g. the Reynolds number).</param>
/// <param name="WallSeconds">Training time of the stage.</param>
/// <param name="FinalLoss">Last logged loss of the stage.</param>
/// <param name="Errors">Per-output errors against the stage problem's reference, or null when no evaluator was asked for.</param>
public sealed record CurriculumStage(double Value, double WallSeconds, double FinalLoss, IReadOnlyList<FieldError>? Errors);

/// <summary>
/// Trains a family of problems along a schedule of one parameter (a Reynolds-number curriculum:
/// Re = 100, then 400, then 1000), each stage warm-started from the previous stage's network
/// (<see cref="Trainer.WarmStart"/>), so that the hard, high-parameter problem starts near a solution.
/// </summary>
public static class ParameterCurriculum
{
    /// <summary>Runs the stages in order and returns the last stage's result (its network is the caller's to dispose) with a summary of every stage.</summary>
    /// <param name="create">Builds the problem for a parameter value.</param>
    /// <param name="values">The schedule, at least one finite value.</param>
    /// <param name="options">Training settings of every stage.</param>
    /// <param name="evaluate">Evaluate each stage against its problem's reference (the reference must be available).</param>
    /// <param name="onRecord">Sees every logged record with its stage value, or null.</param>
    /// <exception cref="ArgumentException">An empty schedule or a non-finite value.</exception>
    public static (TrainingResult Result, IReadOnlyList<CurriculumStage> Stages) Train(
        Func<double, IProblem> create, IReadOnlyList<double> values, TrainingOptions options, bool evaluate = false,
        Action<double, TrainingRecord>? onRecord = null)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(options);
        if (values.Count == 0) throw new ArgumentException("a curriculum needs at least one stage value", nameof(values));
        if (values.Any(v => !double.IsFinite(v))) throw new ArgumentException($"curriculum values must be finite (got {string.Join(", ", values)})", nameof(values));
        var stages = new List<CurriculumStage>();
        TrainingResult? previous = null;
        foreach (double value in values)
        {
            var problem = create(value);
            var evaluator = evaluate ? new Evaluator(problem) : null;
            var trainer = new Trainer(problem, options)
            {
                WarmStart = previous?.Network,
                Evaluator = evaluator,
                OnRecord = onRecord is null ? null : r => onRecord(value, r),
            };
            TrainingResult result;
            try
            {
                result = trainer.Train();
            }
            finally
            {
                previous?.Network.Dispose();
            }
            stages.Add(new CurriculumStage(value, result.WallSeconds, result.History.Count > 0 ? result.History[^1].Loss : double.NaN,
                evaluator?.Evaluate(result.Network).Errors));
            previous = result;
        }
        return (previous!, stages);
    }
}
