using System.CommandLine;
using System.Globalization;
using PdeKit.Problems;
using PdeKit.Runtime;

namespace PdeKit.Cli.Commands;

/// <summary><c>pdekit train</c>: train a problem, validate against its reference, write a run directory.</summary>
internal static class TrainCommand
{
    internal static Command Create()
    {
        var problem = new Argument<string?>("problem") { Description = "problem name (see pdekit list), or an operator task: fno-burgers, fno-darcy, deeponet-burgers, fno-burgers-nu; optional with --spec", Arity = ArgumentArity.ZeroOrOne };
        var device = new Option<string?>("--device") { Description = "auto, cpu or cuda (default: the preset's or spec's, auto)" };
        var steps = new Option<int?>("--steps") { Description = "Adam steps (overrides the preset); epochs for operator tasks" };
        var lbfgs = new Option<int?>("--lbfgs") { Description = "L-BFGS iterations after Adam (overrides the preset)" };
        var preset = new Option<string>("--preset") { Description = "quick (CPU, minutes), default, or best", DefaultValueFactory = _ => "default" };
        var set = new Option<string[]>("--set") { Description = "override a setting: key=value, e.g. model.width=128, points=8192, problem.nu=0.005", AllowMultipleArgumentsPerToken = false };
        var outDir = new Option<string?>("--out") { Description = "run directory (default runs/<problem>-<time>)" };
        var spec = new Option<string?>("--spec") { Description = "replay a run from its spec.json" };
        var curriculum = new Option<string?>("--curriculum") { Description = "parameter curriculum NAME=v1,v2,...,vN: train at v1, then v2, ..., each stage warm-started from the previous; the last value is the final run's (e.g. re=100,400,1000)" };
        var cmd = new Command("train", "Train a PINN for a problem, validate it against the reference, and write a run directory with plots.")
        {
            problem, device, steps, lbfgs, preset, set, outDir, spec, curriculum,
        };
        cmd.SetAction(r => CliApp.Guard(() => Run(
            r.GetValue(problem), r.GetValue(device), r.GetValue(steps), r.GetValue(lbfgs), r.GetValue(preset)!,
            r.GetValue(set) ?? [], r.GetValue(outDir), r.GetValue(spec), r.GetValue(curriculum), r.GetValue(CliApp.Json))));
        return cmd;
    }

    private static int Run(string? problemName, string? device, int? steps, int? lbfgs, string presetName, string[] sets, string? outDir, string? specPath, string? curriculum, bool json)
    {
        if (specPath is null && OperatorTrainCommand.IsOperatorTask(problemName))
        {
            return OperatorTrainCommand.Run(problemName!, device, steps, lbfgs, presetName, sets, outDir, json);
        }

        if (specPath is not null && OperatorTrainCommand.TryLoadSpec(specPath) is { } replay)
        {
            return OperatorTrainCommand.Run(OperatorRunSettings.TaskName(replay.Task), device, steps, lbfgs, presetName, sets, outDir, json, replay.Settings);
        }

        RunSpec spec;
        if (specPath is not null)
        {
            spec = RunSpec.Load(specPath);
            problemName = spec.Problem;
            if (sets.Length > 0)
            {
                var pairs = OptionsBinder.Pairs(sets);
                if (pairs.Any(p => p.Key.StartsWith("problem.", StringComparison.OrdinalIgnoreCase)))
                    throw new ArgumentException("--spec fixes the problem parameters; --set problem.* cannot change them (train the problem by name instead)");
                spec = spec with { Options = OptionsBinder.Apply(spec.Options, pairs) };
            }
        }
        else
        {
            if (string.IsNullOrWhiteSpace(problemName)) throw new ArgumentException("name a problem (see pdekit list) or give --spec");
            var e = ProblemCatalog.Find(problemName);
            var pairs = OptionsBinder.Pairs(sets);
            var problemSets = pairs.Where(p => p.Key.StartsWith("problem.", StringComparison.OrdinalIgnoreCase)).ToList();
            var overrides = new Dictionary<string, double>();
            foreach (var (k, v) in problemSets) overrides[k["problem.".Length..]] = ProblemCatalog.ParseValue(k, v);
            var parameters = e.Merge(overrides);
            var options = OptionsBinder.Apply(e.Preset(presetName), pairs.Except(problemSets));
            spec = new RunSpec(e.Name, parameters, presetName, options, typeof(TrainCommand).Assembly.GetName().Version?.ToString() ?? "?");
            if (curriculum is not null)
            {
                var (name, values) = ParseCurriculum(curriculum, e);
                if (problemSets.Any(p => string.Equals(p.Key, "problem." + name, StringComparison.OrdinalIgnoreCase)))
                    throw new ArgumentException($"--curriculum sets problem.{name}; drop --set problem.{name}");
                spec = spec with { ProblemParameters = e.Merge(new Dictionary<string, double>(overrides) { [name] = values[^1] }), Curriculum = new CurriculumSpec(name, values[..^1]) };
            }
        }
        if (specPath is not null && curriculum is not null) throw new ArgumentException("--spec replays the spec's own curriculum; --curriculum cannot change it");
        // --device, --steps and --lbfgs override the preset or the replayed spec alike.
        spec = spec with
        {
            Options = spec.Options with
            {
                Device = device is null ? spec.Options.Device : TorchRuntime.ParseDevice(device),
                AdamSteps = steps ?? spec.Options.AdamSteps,
                LbfgsIterations = lbfgs ?? spec.Options.LbfgsIterations,
            },
        };
        spec.Options.Validate();
        var entry = ProblemCatalog.Find(problemName!);
        var built = entry.Build(spec.ProblemParameters); // a bad parameter fails before anything is written
        var truth = (built as IKnownUnknowns)?.TrueUnknowns ?? new Dictionary<string, double>();
        foreach (var v in spec.Curriculum?.Values ?? []) entry.Build(new Dictionary<string, double>(spec.ProblemParameters) { [spec.Curriculum!.Parameter] = v });
        string target = outDir ?? Path.Combine("runs", $"{entry.Name}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        var o = spec.Options;
        bool fancy = Output.Fancy && !json;
        if (!json)
            Console.WriteLine($"training {entry.Name} ({spec.Preset}): {o.Model.Kind} {o.Model.Depth}x{o.Model.Width} {o.Model.Activation}, {o.Points} points, {o.AdamSteps} Adam + {o.LbfgsIterations} L-BFGS, {o.Precision}, device {o.Device}");
        var run = TrainingRun.Execute(spec, target, json || fancy ? null : r => Console.WriteLine(TrainingRun.Line(r)), fancy);
        if (json) Output.WriteJson(new { runDirectory = run.Directory, summary = run.Summary, plots = run.Plots });
        else
        {
            foreach (var e in run.Evaluation.Errors) Console.WriteLine($"{e.Field}: relative L2 {e.RelativeL2:E3}, max abs {e.MaxAbs:E3} vs {run.Reference}");
            if (!run.Evaluation.HasFieldReference) Console.WriteLine($"relative L2 not evaluated: the field reference is {run.Reference}");
            foreach (var q in run.Evaluation.Quantities)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{q.Name} = {q.Value:G6} (published {q.Published:G6}, relative error {q.RelativeError:E2})"));
            foreach (var source in run.Evaluation.Quantities.Select(q => q.Source).Distinct()) Console.WriteLine($"published values: {source}");
            foreach (var (k, v) in run.Unknowns)
                Console.WriteLine(truth.TryGetValue(k, out double t)
                    ? string.Create(CultureInfo.InvariantCulture, $"unknown {k} = {v:G6} (true {t:G6}, {(v / t - 1) * 100:+0.00;-0.00}%)")
                    : $"unknown {k} = {v:G6}");
            Console.WriteLine($"{run.WallSeconds:F1} s on {run.DeviceName}, {run.AdamStepsPerSecond:F1} Adam steps/s; run directory {run.Directory} ({run.Plots.Count} plots)");
        }
        return 0;
    }

    /// <summary>Parses NAME=v1,v2,... for a parameter of <paramref name="entry"/>: at least two finite values.</summary>
    internal static (string Name, double[] Values) ParseCurriculum(string text, CatalogEntry entry)
    {
        int eq = text.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0) throw new ArgumentException($"--curriculum '{text}': expected NAME=v1,v2,... (e.g. re=100,400,1000)");
        var name = text[..eq].Trim();
        if (name.StartsWith("problem.", StringComparison.OrdinalIgnoreCase)) name = name["problem.".Length..];
        var key = entry.Parameters.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"--curriculum: {entry.Name} has no parameter '{name}' (parameters: {(entry.Parameters.Count == 0 ? "none" : string.Join(", ", entry.Parameters.Keys))})");
        var values = text[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => ProblemCatalog.ParseValue("--curriculum " + key, v)).ToArray();
        if (values.Length < 2) throw new ArgumentException($"--curriculum {key}: give at least two values, the last being the final run's (got {values.Length})");
        return (key, values);
    }
}
