using System.Diagnostics;
using System.Globalization;
using System.Text;
using PdeKit.Numerics.Operators;
using PdeKit.Operators;
using PdeKit.Reporting;
using PdeKit.Runtime;
using static TorchSharp.torch;

namespace PdeKit.Cli;

/// <summary>One row of the error-vs-resolution table.</summary>
/// <param name="Resolution">Points per axis.</param>
/// <param name="ZeroShot">True when the model was not trained at this resolution.</param>
/// <param name="RelativeL2">Mean relative L2 test error.</param>
/// <param name="SamplesPerSecond">Inference throughput (batched).</param>
internal sealed record ResolutionError(int Resolution, bool ZeroShot, double RelativeL2, double SamplesPerSecond);

/// <summary>What an operator training run measured (written as summary.json).</summary>
internal sealed record OperatorRunSummary(
    string Task, string Device, int Train, int Test, int Resolution, long ModelParameters, int Epochs, double TrainSeconds,
    double EpochsPerSecond, double FinalTrainRelativeL2, double TestRelativeL2, IReadOnlyList<ResolutionError> ErrorVsResolution,
    double ModelSamplesPerSecond, double SolverSamplesPerSecond, double ThroughputRatio, string SolverNote, double DataSeconds,
    double PredictionPdeResidual, double TruthPdeResidual);

/// <summary>Runs an operator-learning task end to end and writes its run directory.</summary>
internal static class OperatorTrainingRun
{
    internal static (OperatorRunSummary Summary, string Directory, List<string> Plots) Execute(OperatorTask task, OperatorRunSettings s, string target, Action<string>? log)
    {
        s.Validate(task);
        var problem = OperatorRunSettings.ProblemOf(task);
        using var writer = new RunWriter(target);
        writer.WriteJson("spec.json", new { task = OperatorRunSettings.TaskName(task), settings = s });
        var dataWatch = Stopwatch.StartNew();
        var (train, tests) = LoadData(task, s, log);
        double dataSeconds = dataWatch.Elapsed.TotalSeconds;
        var test = tests[s.Resolution];

        TorchRuntime.Initialize(); // loads libtorch (and patches it where needed) before the first tensor
        manual_seed(s.Training.Seed);
        OperatorModel model = task == OperatorTask.DeepONetBurgers
            ? new DeepONet(s.DeepONet with { Sensors = s.DeepONet.Sensors > 0 ? s.DeepONet.Sensors : s.Resolution }, periodicGrid: true)
            : new Fno(problem == OperatorProblem.Burgers ? 1 : 2, 1, 1, s.Model, periodicGrid: problem == OperatorProblem.Burgers);
        long parameterCount = model.parameters().Sum(p => p.numel());
        var processor = OperatorDataProcessor.Fit(train, s.Training.Normalization);
        var device = TorchRuntime.ResolveDevice(s.Training.Device);
        log?.Invoke($"{OperatorRunSettings.TaskName(task)}: {train.Count} train / {test.Count} test at resolution {s.Resolution}, {parameterCount} parameters, {s.Training.Epochs} epochs on {device.type}");

        var history = new List<OperatorEpochRecord>();
        using (var csv = new HistoryCsvWriter(writer.PathOf("history.csv"), ["epoch", "time_s", "lr", "loss", "loss_data", "loss_pde", "test_rel_l2"]))
        {
            int every = Math.Max(1, s.Training.Epochs / 10);
            OperatorTrainer.Train(model, processor, train, test, s.Training, r =>
            {
                history.Add(r);
                csv.Append(new Dictionary<string, double>
                {
                    ["epoch"] = r.Epoch, ["time_s"] = r.Seconds, ["lr"] = r.LearningRate, ["loss"] = r.Loss,
                    ["loss_data"] = r.DataLoss, ["loss_pde"] = r.PdeLoss, ["test_rel_l2"] = r.TestRelativeL2,
                });
                if (r.Epoch % every == 0 || r.Epoch == s.Training.Epochs) log?.Invoke(Inv($"  epoch {r.Epoch}: train rel L2 {r.DataLoss:E3}{(r.PdeLoss > 0 ? $", pde {r.PdeLoss:E3}" : "")}, {(double.IsNaN(r.TestRelativeL2) ? "" : $"test rel L2 {r.TestRelativeL2:E3}, ")}lr {r.LearningRate:E2}, {r.Seconds:F1} s"));
            });
        }

        double trainSeconds = history[^1].Seconds;
        model.save(writer.PathOf("model.bin"));
        processor.Save(writer.PathOf("normalizer.json"));

        // Error against resolution: the same test functions at every stored resolution, the model trained at one.
        var table = new List<ResolutionError>();
        OperatorEvaluation? atTraining = null;
        foreach (var (r, data) in tests.OrderBy(p => p.Key))
        {
            if (s.Training.Normalization == NormalizationMode.PerPoint && r != s.Resolution) continue;
            OperatorTrainer.Evaluate(model, processor, data, device, s.Training.BatchSize); // warm-up (kernels, allocator)
            // The fastest of three timed passes: the machine may be shared, and the errors are the same each time.
            var e = Enumerable.Range(0, 3).Select(_ => OperatorTrainer.Evaluate(model, processor, data, device, s.Training.BatchSize)).MinBy(v => v.Seconds)!;
            if (r == s.Resolution) atTraining = e;
            table.Add(new ResolutionError(r, r != s.Resolution, e.MeanRelativeL2, e.SamplesPerSecond));
        }

        WriteTable(writer, table);
        var (solverRate, solverNote) = SolverThroughput(task, s, test);
        double modelRate = atTraining!.SamplesPerSecond;
        var plots = WritePlots(writer, problem, history, test, atTraining, s.PlotSamples);
        var (predictionResidual, truthResidual) = problem == OperatorProblem.Darcy ? DarcyResiduals(test, atTraining) : (double.NaN, double.NaN);
        var summary = new OperatorRunSummary(
            OperatorRunSettings.TaskName(task), device.type.ToString(), train.Count, test.Count, s.Resolution, parameterCount, s.Training.Epochs, trainSeconds,
            s.Training.Epochs / trainSeconds, history[^1].DataLoss, atTraining.MeanRelativeL2, table, modelRate, solverRate,
            solverRate > 0 ? modelRate / solverRate : double.NaN, solverNote, dataSeconds, predictionResidual, truthResidual);
        writer.WriteJson("summary.json", summary);
        writer.Commit();
        return (summary, writer.Target, plots.Select(p => Path.Combine(writer.Target, p)).ToList());
    }

    private static (OperatorDataset Train, Dictionary<int, OperatorDataset> Tests) LoadData(OperatorTask task, OperatorRunSettings s, Action<string>? log)
    {
        var problem = OperatorRunSettings.ProblemOf(task);
        int count = s.Train + s.Test;
        if (s.Data.Length > 0)
        {
            if (task == OperatorTask.FnoBurgersNu) throw new ArgumentException("fno-burgers-nu generates its data for the viscosities in nus; leave data empty");
            var stored = OperatorDataFile.Resolutions(s.Data);
            if (!stored.Contains(s.Resolution)) throw new ArgumentException($"{s.Data} has no data at resolution {s.Resolution} (stored: {string.Join(", ", stored)}); set resolution=...");
            var tests = new Dictionary<int, OperatorDataset>();
            OperatorDataset? train = null;
            foreach (int r in stored.Where(r => r == s.Resolution || s.EvalResolutions.Contains(r)))
            {
                var all = OperatorDataFile.Read(s.Data, r);
                if (all.Problem != problem) throw new ArgumentException($"{s.Data} holds {all.Problem} data; {OperatorRunSettings.TaskName(task)} needs {problem}");
                if (all.Count < count) throw new ArgumentException($"{s.Data} has {all.Count} samples; train + test = {count}");
                if (r == s.Resolution) train = all.Slice(0, s.Train);
                tests[r] = all.Slice(s.Train, s.Test);
            }

            return (train!, tests);
        }

        var resolutions = s.EvalResolutions.Append(s.Resolution).Distinct().OrderDescending().ToArray();
        log?.Invoke($"generating {count} {problem} samples at {string.Join(", ", resolutions)} (seed {s.Seed}; save data with `pdekit data` and pass --set data=FILE to reuse it)");
        var nus = task == OperatorTask.FnoBurgersNu ? s.Nus : [s.Nu];
        var sets = nus.Select((nu, k) => OperatorDataGenerator.Generate(problem, new OperatorDataOptions { Count = count, Resolutions = resolutions, Seed = s.Seed + k, Nu = nu })).ToArray();
        string[] conditionOn = task == OperatorTask.FnoBurgersNu ? ["nu"] : [];
        OperatorDataset Join(int resolutionIndex, int start, int length) => OperatorDataset.Concat(sets.Select(set => set[resolutionIndex].Slice(start, length)).ToArray(), conditionOn);
        int trainIndex = Array.IndexOf(resolutions, s.Resolution);
        return (Join(trainIndex, 0, s.Train), resolutions.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => Join(p.i, s.Train, s.Test)));
    }

    /// <summary>
    /// Samples per second of the data solver on test inputs at the training resolution, one thread: the fastest of three
    /// passes over the inputs, as for the model's inference.
    /// </summary>
    private static (double Rate, string Note) SolverThroughput(OperatorTask task, OperatorRunSettings s, OperatorDataset test)
    {
        int k = Math.Min(s.SolverTimingSamples, test.Count);
        if (k == 0) return (double.NaN, "not timed (solverTimingSamples=0)");
        int m = test.SampleLength, r = test.Resolution;
        Action<int> solve;
        string note;
        if (OperatorRunSettings.ProblemOf(task) == OperatorProblem.Burgers)
        {
            if (r < 8 || (r & (r - 1)) != 0) return (double.NaN, $"not timed: the spectral solver needs a power-of-two grid, not {r}");
            double time = test.Parameters.TryGetValue("time", out var t) ? t : 1.0;
            solve = i => _ = new PeriodicBurgersSolver(r, test.Conditioning?[i] ?? test.Parameters["nu"]).Solve(test.Inputs.AsSpan(i * m, m), time);
            note = Inv($"pseudo-spectral ETDRK4 at {r} points (step doubling to 1e-6), {k} test inputs, one thread");
        }
        else
        {
            var options = new Numerics.Poisson.PoissonSolverOptions { Method = Numerics.Poisson.PoissonMethod.Multigrid, Acceleration = Numerics.Poisson.MultigridAcceleration.ConjugateGradient, Tolerance = 1e-10, MaxDegreeOfParallelism = 1 };
            solve = i => _ = new DarcySolver(r) { Options = options }.Solve(test.Inputs.AsSpan(i * m, m));
            note = Inv($"multigrid-CG finite differences at {r} x {r} nodes to 1e-10, {k} test inputs, one thread");
        }

        double best = double.PositiveInfinity;
        for (int pass = 0; pass < 3; pass++)
        {
            var watch = Stopwatch.StartNew();
            for (int i = 0; i < k; i++) solve(i);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        return (k / best, note);
    }

    /// <summary>Mean squared Darcy residual (the PINO term) of the predictions and of the data's own outputs, on the test set.</summary>
    private static (double Prediction, double Truth) DarcyResiduals(OperatorDataset test, OperatorEvaluation eval)
    {
        using var scope = NewDisposeScope();
        long r = test.Resolution;
        Tensor Grid(double[] v) => tensor(v, dtype: ScalarType.Float64).reshape(test.Count, 1, r, r);
        var a = Grid(test.Inputs);
        return (OperatorLosses.DarcyResidual(a, Grid(eval.Predictions)).square().mean().item<double>(), OperatorLosses.DarcyResidual(a, Grid(test.Outputs)).square().mean().item<double>());
    }

    private static void WriteTable(RunWriter writer, List<ResolutionError> table)
    {
        var csv = new StringBuilder("resolution,zero_shot,test_rel_l2,samples_per_s\n");
        var md = new StringBuilder("| resolution | zero-shot | test relative L2 | inference samples/s |\n|---:|:---:|---:|---:|\n");
        foreach (var row in table)
        {
            csv.Append(Inv($"{row.Resolution},{(row.ZeroShot ? 1 : 0)},{row.RelativeL2:R},{row.SamplesPerSecond:R}\n"));
            md.Append(Inv($"| {row.Resolution} | {(row.ZeroShot ? "yes" : "no (trained)")} | {row.RelativeL2:F4} | {row.SamplesPerSecond:F0} |\n"));
        }

        File.WriteAllText(writer.PathOf("error_vs_resolution.csv"), csv.ToString());
        File.WriteAllText(writer.PathOf("error_vs_resolution.md"), md.ToString());
    }

    private static List<string> WritePlots(RunWriter writer, OperatorProblem problem, List<OperatorEpochRecord> history, OperatorDataset test, OperatorEvaluation eval, int samples)
    {
        var files = new List<string>();
        double[] epochs = history.Select(h => (double)h.Epoch).ToArray();
        var losses = new Dictionary<string, double[]> { ["relative L2 (train)"] = history.Select(h => h.DataLoss).ToArray() };
        if (history.Any(h => h.PdeLoss > 0)) losses["PDE residual"] = history.Select(h => h.PdeLoss).ToArray();
        Plots.LossCurves(writer.PathOf("loss.png"), epochs, losses, "training loss");
        files.Add("loss.png");
        var evaluated = history.Where(h => !double.IsNaN(h.TestRelativeL2)).ToArray();
        Plots.ErrorCurve(writer.PathOf("test_error.png"), evaluated.Select(h => (double)h.Epoch).ToArray(), evaluated.Select(h => h.TestRelativeL2).ToArray(), "test relative L2", "relative L2");
        files.Add("test_error.png");
        int m = test.SampleLength, r = test.Resolution;
        var axis = test.Axis();
        for (int i = 0; i < Math.Min(samples, test.Count); i++)
        {
            var input = test.Inputs.AsSpan(i * m, m).ToArray();
            var truth = test.Outputs.AsSpan(i * m, m).ToArray();
            var prediction = eval.Predictions.AsSpan(i * m, m).ToArray();
            var error = prediction.Zip(truth, (p, t) => p - t).ToArray();
            string label = Inv($"test sample {i} (relative L2 {eval.PerSample[i]:E2})");
            if (problem == OperatorProblem.Burgers)
            {
                string name = $"sample{i}_prediction.png";
                Plots.Draw(writer.PathOf(name), new ChartSpec(name, label, "x", "u", [new ChartSeries("input u(x, 0)", axis, input), new ChartSeries("truth u(x, 1)", axis, truth), new ChartSeries("prediction", axis, prediction)]));
                string errorName = $"sample{i}_error.png";
                Plots.Draw(writer.PathOf(errorName), new ChartSpec(errorName, label, "x", "prediction - truth", [new ChartSeries("error", axis, error)]));
                files.AddRange([name, errorName]);
            }
            else
            {
                GridField Field(string name, double[] values)
                {
                    var grid = new double[r, r];
                    for (int j = 0; j < r; j++)
                    {
                        for (int q = 0; q < r; q++) grid[j, q] = values[(j * r) + q];
                    }

                    return new GridField(name, axis, axis, grid) { TName = "y" };
                }

                double lo = Math.Min(truth.Min(), prediction.Min()), hi = Math.Max(truth.Max(), prediction.Max());
                var range = hi > lo ? (lo, hi) : ((double, double)?)null;
                foreach (var (suffix, values, title, symmetric, shared) in new[]
                {
                    ("input", input, "permeability a", false, false), ("truth", truth, "truth u", false, true),
                    ("prediction", prediction, "prediction", false, true), ("error", error, "prediction - truth", true, false),
                })
                {
                    string name = $"sample{i}_{suffix}.png";
                    Plots.Heatmap(writer.PathOf(name), Field(suffix, values), $"{title}: {label}", symmetric, colorRange: shared ? range : null);
                    files.Add(name);
                }
            }
        }

        return files;
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
