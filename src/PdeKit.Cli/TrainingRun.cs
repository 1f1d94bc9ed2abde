using System.Globalization;
using PdeKit.Evaluation;
using PdeKit.Models;
using PdeKit.Physics;
using PdeKit.Problems;
using PdeKit.Reporting;
using PdeKit.Runtime;
using PdeKit.Training;
using TorchSharp;
using Spectre.Console;

namespace PdeKit.Cli;

/// <summary>How a run directory was made: what <c>pdekit train</c> and <c>pdekit validate</c> report.</summary>
/// <param name="Directory">The run directory (committed).</param>
/// <param name="Evaluation">Predictions, reference and per-field errors on the evaluation grid.</param>
/// <param name="Summary">The object written to summary.json.</param>
/// <param name="Plots">The PNG files drawn into the run directory.</param>
/// <param name="WallSeconds">Training time in seconds.</param>
/// <param name="AdamStepsPerSecond">Adam throughput.</param>
/// <param name="Device">"cpu" or "cuda".</param>
/// <param name="DeviceName">The GPU's name, or "cpu".</param>
/// <param name="Unknowns">Trained values of the problem's unknowns.</param>
/// <param name="Reference">Name of the reference the errors are measured against.</param>
internal sealed record TrainingRunResult(
    string Directory, Evaluation.Evaluation Evaluation, object Summary, IReadOnlyList<string> Plots,
    double WallSeconds, double AdamStepsPerSecond, string Device, string DeviceName, IReadOnlyDictionary<string, double> Unknowns, string Reference);

/// <summary>
/// Trains the problem of a <see cref="RunSpec"/> and writes a complete run directory (spec, history, fields,
/// checkpoint, summary, plots), the body of <c>pdekit train</c> that <c>pdekit validate</c> reuses.
/// </summary>
internal static class TrainingRun
{
    /// <summary>Trains and writes <paramref name="target"/>; <paramref name="log"/> sees every logged record (null: silent).</summary>
    /// <param name="spec">What to train.</param>
    /// <param name="target">Run directory; replaced only when the run has finished.</param>
    /// <param name="log">Called with each logged record, or null.</param>
    /// <param name="progressBar">Show a Spectre progress bar instead of lines (terminals only).</param>
    internal static TrainingRunResult Execute(RunSpec spec, string target, Action<TrainingRecord>? log, bool progressBar)
    {
        var entry = ProblemCatalog.Find(spec.Problem);
        var problem = entry.Build(spec.ProblemParameters);
        using var writer = new RunWriter(target);
        writer.WriteJson("spec.json", spec);
        var evaluator = new Evaluator(problem);
        var runtime = TorchRuntime.Initialize();
        var o = spec.Options;
        TrainingResult result = null!;
        void Log(TrainingRecord r)
        {
            writer.Append(r);
            log?.Invoke(r);
        }
        void Save(PinnNetwork net, int step)
        {
            Directory.CreateDirectory(writer.PathOf("checkpoints"));
            net.save(writer.PathOf(Path.Combine("checkpoints", $"step-{step}.pt")));
        }
        using var warm = Curriculum(spec, entry, log, writer);
        if (progressBar)
        {
            AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn()).Start(ctx =>
            {
                var task = ctx.AddTask("training", maxValue: o.AdamSteps + o.LbfgsIterations);
                var trainer = new Trainer(problem, o) { Evaluator = evaluator, WarmStart = warm, OnCheckpoint = Save, OnRecord = r => { writer.Append(r); task.Description = $"loss {r.Loss:E2}"; }, OnProgress = (s, _) => task.Value = s };
                result = trainer.Train();
            });
        }
        else
        {
            result = new Trainer(problem, o) { Evaluator = evaluator, OnCheckpoint = Save, OnRecord = Log, WarmStart = warm }.Train();
        }

        using var network = result.Network;
        var eval = evaluator.Evaluate(network);
        writer.WriteFields(problem, eval);
        network.save(writer.PathOf("checkpoint.pt"));
        string deviceName = result.Device == "cuda" && runtime.CudaDevices.Count > 0 ? runtime.CudaDevices[0].Name : "cpu";
        var unknowns = network.UnknownValues();
        var summary = new
        {
            problem = entry.Name,
            preset = spec.Preset,
            curriculum = spec.Curriculum,
            reference = problem.Reference.Name,
            fieldReference = eval.HasFieldReference,
            errors = eval.Errors,
            errorsNote = problem.Reference is NoFieldReference none ? $"relative L2 not evaluated: no field reference ({none.Reason})" : null,
            quantities = eval.Quantities.Select(q => new { name = q.Name, value = q.Value, published = q.Published, relativeError = q.RelativeError, source = q.Source }).ToArray(),
            wallSeconds = result.WallSeconds,
            adamSteps = result.AdamSteps,
            lbfgsIterations = result.LbfgsIterations,
            adamStepsPerSecond = result.AdamStepsPerSecond,
            device = result.Device,
            deviceName,
            finalLoss = result.History.Count > 0 ? result.History[^1].Loss : double.NaN,
            unknowns,
            date = DateTime.UtcNow.ToString("u", CultureInfo.InvariantCulture),
        };
        writer.WriteJson("summary.json", summary);
        writer.Commit();
        var plots = RunPlots.DrawAll(writer.Target);
        return new TrainingRunResult(writer.Target, eval, summary, plots, result.WallSeconds, result.AdamStepsPerSecond, result.Device, deviceName, unknowns, problem.Reference.Name);
    }

    /// <summary>
    /// Loads the final checkpoint of a run directory written from the same <paramref name="spec"/> and evaluates it
    /// against the problem's reference; nothing is written.
    /// </summary>
    /// <returns>The evaluation and the trained values of the problem's unknowns.</returns>
    /// <exception cref="FileNotFoundException">The run directory has no checkpoint.pt.</exception>
    internal static (Evaluation.Evaluation Evaluation, IReadOnlyDictionary<string, double> Unknowns) Reevaluate(RunSpec spec, string directory)
    {
        var checkpoint = Path.Combine(directory, "checkpoint.pt");
        if (!File.Exists(checkpoint)) throw new FileNotFoundException($"{directory} has no checkpoint.pt to load", checkpoint);
        var problem = ProblemCatalog.Find(spec.Problem).Build(spec.ProblemParameters);
        TorchRuntime.Initialize();
        var device = TorchRuntime.ResolveDevice(spec.Options.Device);
        var dtype = spec.Options.Precision == Precision.Float64 ? TorchSharp.torch.ScalarType.Float64 : TorchSharp.torch.ScalarType.Float32;
        using var network = new PinnNetwork(problem, spec.Options.Model);
        network.to(dtype).to(device);
        network.load(checkpoint);
        return (new Evaluator(problem).Evaluate(network), network.UnknownValues());
    }

    /// <summary>
    /// Trains the earlier stages of the spec's curriculum (each warm-started from the previous) and returns the
    /// last stage's network for the final run to start from; null without a curriculum. Each stage's records go to
    /// <paramref name="log"/> and to history-NAME-VALUE.csv in the run directory (history.csv holds the final stage).
    /// </summary>
    private static PinnNetwork? Curriculum(RunSpec spec, CatalogEntry entry, Action<TrainingRecord>? log, RunWriter writer)
    {
        if (spec.Curriculum is not { Values.Length: > 0 } c) return null;
        var name = c.Parameter;
        var (result, _) = ParameterCurriculum.Train(
            v => entry.Build(new Dictionary<string, double>(spec.ProblemParameters) { [name] = v }), c.Values, spec.Options,
            onRecord: (v, r) =>
            {
                writer.Append(r, StageHistory(name, v));
                if (log is null) return;
                if (r.Step == 1) Console.WriteLine($"curriculum stage {name} = {v.ToString(CultureInfo.InvariantCulture)}");
                log(r);
            });
        if (log is not null) Console.WriteLine($"final stage {name} = {spec.ProblemParameters[name].ToString(CultureInfo.InvariantCulture)}");
        return result.Network;
    }

    /// <summary>The history file of one curriculum stage, e.g. history-re-100.csv.</summary>
    internal static string StageHistory(string parameter, double value) => $"history-{parameter}-{value.ToString("R", CultureInfo.InvariantCulture)}.csv";

    /// <summary>One progress line per logged record.</summary>
    internal static string Line(TrainingRecord r) =>
        $"{r.Phase,-5} step {r.Step,6}  t {r.TimeSeconds,7:F1}s  loss {r.Loss:E3}" + (double.IsNaN(r.RelativeL2) ? "" : $"  rel L2 {r.RelativeL2:E3}")
        + string.Concat(r.Quantities.Where(q => !double.IsNaN(q.Value)).Select(q => string.Create(CultureInfo.InvariantCulture, $"  {q.Key} {q.Value:G5}")));
}
