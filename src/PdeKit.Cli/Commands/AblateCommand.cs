using System.CommandLine;
using System.Globalization;
using System.Text;
using PdeKit.Evaluation;
using PdeKit.Physics;
using PdeKit.Problems;
using PdeKit.Reporting;
using PdeKit.Runtime;
using PdeKit.Training;

namespace PdeKit.Cli.Commands;

/// <summary>
/// <c>pdekit ablate</c>: trains every combination of the varied settings with several seeds and writes
/// a table (CSV and Markdown) of final error, time and steps, and error-vs-step curves per variant.
/// </summary>
internal static class AblateCommand
{
    internal static Command Create()
    {
        var problem = new Argument<string>("problem") { Description = "problem name (see pdekit list)" };
        var vary = new Option<string[]>("--vary")
        {
            Description = "a setting and its values, key=v1,v2,...; repeat for a grid. Keys: weighting (none, causal, gradnorm, causal+gradnorm), sampling (uniform, rar, rad, rar-d), or any --set key (points, model.width, ...)",
        };
        var seeds = new Option<int>("--seeds") { Description = "seeds per variant", DefaultValueFactory = _ => 3 };
        var preset = new Option<string>("--preset") { Description = "preset the variants start from", DefaultValueFactory = _ => "quick" };
        var set = new Option<string[]>("--set") { Description = "override a setting for every variant: key=value" };
        var steps = new Option<int?>("--steps") { Description = "Adam steps (overrides the preset)" };
        var lbfgs = new Option<int?>("--lbfgs") { Description = "L-BFGS iterations (overrides the preset)" };
        var device = new Option<string?>("--device") { Description = "auto, cpu or cuda (default: the preset's)" };
        var target = new Option<double>("--target") { Description = "error level for the steps-to-target column", DefaultValueFactory = _ => 1e-3 };
        var evalEvery = new Option<int?>("--eval-every") { Description = "evaluate the error every this many steps (default: the preset's)" };
        var outDir = new Option<string?>("--out") { Description = "output folder (default runs/ablate-<problem>-<time>)" };
        var cmd = new Command("ablate", "Train a grid of variants with several seeds and tabulate final error, time and steps to a target error.")
        {
            problem, vary, seeds, preset, set, steps, lbfgs, device, target, evalEvery, outDir,
        };
        cmd.SetAction(r => CliApp.Guard(() => Run(new Request(
            r.GetValue(problem)!, r.GetValue(vary) ?? [], r.GetValue(seeds), r.GetValue(preset)!, r.GetValue(set) ?? [],
            r.GetValue(steps), r.GetValue(lbfgs), r.GetValue(device), r.GetValue(target), r.GetValue(evalEvery), r.GetValue(outDir),
            r.GetValue(CliApp.Json)))));
        return cmd;
    }

    private sealed record Request(
        string Problem, string[] Vary, int Seeds, string Preset, string[] Sets, int? Steps, int? Lbfgs, string? Device,
        double Target, int? EvalEvery, string? Out, bool Json);

    /// <summary>One cell of the grid: its label, the settings it changes, and the options it trains with.</summary>
    internal sealed record Variant(string Label, IReadOnlyList<KeyValuePair<string, string>> Settings, TrainingOptions Options)
    {
        /// <summary>Problem parameters this variant sets (from --vary problem.NAME=...).</summary>
        public IReadOnlyDictionary<string, double> ProblemParameters { get; init; } = new Dictionary<string, double>();
    }

    /// <summary>The cartesian product of the varied settings applied to <paramref name="basis"/>, validated before anything trains.</summary>
    /// <exception cref="ArgumentException">A malformed --vary, a repeated key, or a value the options reject.</exception>
    internal static List<Variant> Grid(TrainingOptions basis, IReadOnlyList<string> vary)
    {
        var axes = new List<(string Key, string[] Values)>();
        foreach (var text in vary)
        {
            int eq = text.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || eq == text.Length - 1) throw new ArgumentException($"--vary expects key=v1,v2,..., got '{text}'");
            string key = text[..eq].Trim();
            var values = text[(eq + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (values.Length == 0) throw new ArgumentException($"--vary {key}: no values");
            if (values.Distinct(StringComparer.OrdinalIgnoreCase).Count() != values.Length) throw new ArgumentException($"--vary {key}: a value appears twice");
            if (axes.Any(a => string.Equals(a.Key, key, StringComparison.OrdinalIgnoreCase))) throw new ArgumentException($"--vary {key} is given twice; list all its values in one --vary");
            axes.Add((key, values));
        }
        var cells = new List<List<KeyValuePair<string, string>>> { new() };
        foreach (var (key, values) in axes)
            cells = cells.SelectMany(c => values.Select(v => new List<KeyValuePair<string, string>>(c) { new(key, v) })).ToList();
        static bool IsProblem(KeyValuePair<string, string> kv) => kv.Key.StartsWith("problem.", StringComparison.OrdinalIgnoreCase);
        return cells.Select(c => new Variant(
            c.Count == 0 ? "baseline" : string.Join(" ", c.Select(kv => $"{kv.Key}={kv.Value}")),
            c, c.Where(kv => !IsProblem(kv)).Aggregate(basis, Apply))
        {
            ProblemParameters = c.Where(IsProblem).ToDictionary(kv => kv.Key["problem.".Length..], kv => ProblemCatalog.ParseValue(kv.Key, kv.Value)),
        }).ToList();
    }

    private static TrainingOptions Apply(TrainingOptions o, KeyValuePair<string, string> kv)
    {
        TrainingOptions result;
        if (string.Equals(kv.Key, "weighting", StringComparison.OrdinalIgnoreCase))
            result = o with { Weighting = WeightingOptions.Parse(kv.Value, o.Weighting) };
        else if (string.Equals(kv.Key, "sampling", StringComparison.OrdinalIgnoreCase))
            result = o with { Sampling = SamplingOptions.Parse(kv.Value, o.Sampling) };
        else
            return OptionsBinder.Apply(o, [kv]);
        result.Validate();
        return result;
    }

    /// <summary>The outcome of one (variant, seed) run.</summary>
    internal sealed record RunOutcome(string Variant, int Seed, double FinalError, double WallSeconds, int AdamSteps, int LbfgsIterations, int Points, int? StepsToTarget, IReadOnlyList<(int Step, double Error)> Curve)
    {
        /// <summary>Final values of the problem's trainable unknowns (inverse problems).</summary>
        public IReadOnlyDictionary<string, double> Unknowns { get; init; } = new Dictionary<string, double>();
    }

    private static int Run(Request q)
    {
        if (q.Seeds < 1) throw new ArgumentException($"--seeds must be at least 1 (got {q.Seeds})");
        if (!(q.Target > 0) || !double.IsFinite(q.Target)) throw new ArgumentException($"--target must be a positive number (got {q.Target})");
        var entry = ProblemCatalog.Find(q.Problem);
        var pairs = OptionsBinder.Pairs(q.Sets);
        var problemSets = pairs.Where(p => p.Key.StartsWith("problem.", StringComparison.OrdinalIgnoreCase)).ToList();
        var overrides = problemSets.ToDictionary(p => p.Key["problem.".Length..], p => ProblemCatalog.ParseValue(p.Key, p.Value));
        var parameters = entry.Merge(overrides);
        var basis = OptionsBinder.Apply(entry.Preset(q.Preset), pairs.Except(problemSets));
        basis = basis with
        {
            Device = q.Device is null ? basis.Device : TorchRuntime.ParseDevice(q.Device),
            AdamSteps = q.Steps ?? basis.AdamSteps,
            LbfgsIterations = q.Lbfgs ?? basis.LbfgsIterations,
            EvalEvery = q.EvalEvery ?? basis.EvalEvery,
        };
        basis.Validate();
        var variants = Grid(basis, q.Vary);
        // Every variant's problem is built before anything trains, so a bad parameter fails fast.
        var problems = variants.Select(v =>
        {
            var values = new Dictionary<string, double>(overrides);
            foreach (var (k, val) in v.ProblemParameters) values[k] = val;
            return entry.Build(values);
        }).ToList();
        // An ablation ranks variants by their field error, which needs a field reference.
        if (problems.FirstOrDefault(p => p.Reference is NoFieldReference) is { } noField)
            throw new ArgumentException($"{entry.Name} has no field reference ({noField.Reference.Name}), so an ablation has no error to compare; train it with pdekit train and compare its benchmark quantities");
        // Likewise every variant's strategy (e.g. causal weighting on a problem without time).
        foreach (var (v, problem) in variants.Zip(problems))
            if (Trainer.DefaultWeighting(problem, v.Options) is IDisposable d) d.Dispose();
        string target = q.Out ?? Path.Combine("runs", $"ablate-{entry.Name}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");

        using var writer = new RunWriter(target);
        writer.WriteJson("spec.json", new { problem = entry.Name, problemParameters = parameters, preset = q.Preset, vary = q.Vary, seeds = q.Seeds, target = q.Target, options = basis });
        TorchRuntime.Initialize();
        var outcomes = new List<RunOutcome>();
        int total = variants.Count * q.Seeds, done = 0;
        foreach (var (v, problem) in variants.Zip(problems))
        {
            var evaluator = new Evaluator(problem);
            for (int s = 0; s < q.Seeds; s++)
            {
                var o = v.Options with { Seed = v.Options.Seed + s };
                var curve = new List<(int, double)>();
                var trainer = new Trainer(problem, o)
                {
                    Evaluator = evaluator,
                    OnRecord = r => { if (!double.IsNaN(r.RelativeL2)) curve.Add((r.Step, r.RelativeL2)); },
                };
                var result = trainer.Train();
                using (result.Network)
                {
                    double err = evaluator.Evaluate(result.Network).Errors[0].RelativeL2;
                    int? reached = curve.Where(c => c.Item2 <= q.Target).Select(c => (int?)c.Item1).FirstOrDefault();
                    outcomes.Add(new RunOutcome(v.Label, o.Seed, err, result.WallSeconds, result.AdamSteps, result.LbfgsIterations, result.Points, reached, curve)
                    {
                        Unknowns = result.Network.UnknownValues(),
                    });
                }
                done++;
                if (!q.Json) Console.WriteLine($"[{done}/{total}] {v.Label} seed {o.Seed}: rel L2 {outcomes[^1].FinalError:E3}, {outcomes[^1].WallSeconds:F1} s, {outcomes[^1].Points} points{string.Concat(outcomes[^1].Unknowns.Select(u => $", {u.Key} {u.Value:G6}"))}");
            }
        }

        var summary = Summarize(variants, outcomes);
        File.WriteAllText(writer.PathOf("runs.csv"), RunsCsv(outcomes));
        File.WriteAllText(writer.PathOf("curves.csv"), CurvesCsv(outcomes));
        File.WriteAllText(writer.PathOf("summary.csv"), SummaryCsv(summary));
        string markdown = SummaryMarkdown(entry.Name, q, basis, summary);
        File.WriteAllText(writer.PathOf("summary.md"), markdown);
        Plots.ErrorCurves(writer.PathOf("error_vs_step.png"), summary.Where(r => r.MeanCurve.Steps.Length > 0).Select(r => (r.Variant, r.MeanCurve.Steps, r.MeanCurve.Errors)).ToList(),
            $"{entry.Name}: relative L2 error (geometric mean over {q.Seeds} seeds)", "relative L2");
        writer.Commit();
        if (q.Json) Output.WriteJson(new { directory = writer.Target, summary = summary.Select(s => new { s.Variant, s.Runs, s.MeanError, s.StdError, s.MinError, s.MaxError, s.MeanSeconds, s.Reached, s.MeanStepsToTarget, s.MeanPoints, unknowns = s.Unknowns.ToDictionary(u => u.Key, u => new { mean = u.Value.Mean, std = u.Value.Std }) }) });
        else
        {
            Console.WriteLine(markdown);
            Console.WriteLine($"written to {writer.Target}");
        }
        return 0;
    }

    /// <summary>Per-variant statistics over seeds.</summary>
    internal sealed record VariantSummary(
        string Variant, int Runs, double MeanError, double StdError, double MinError, double MaxError, double MeanSeconds,
        int Reached, double MeanStepsToTarget, double MeanPoints, (double[] Steps, double[] Errors) MeanCurve)
    {
        /// <summary>Mean and sample standard deviation of each unknown over the seeds.</summary>
        public IReadOnlyDictionary<string, (double Mean, double Std)> Unknowns { get; init; } = new Dictionary<string, (double, double)>();
    }

    internal static List<VariantSummary> Summarize(IReadOnlyList<Variant> variants, IReadOnlyList<RunOutcome> outcomes) => variants.Select(v =>
    {
        var runs = outcomes.Where(o => o.Variant == v.Label).ToList();
        var errs = runs.Select(r => r.FinalError).ToArray();
        double mean = errs.Average();
        double std = errs.Length > 1 ? Math.Sqrt(errs.Sum(e => (e - mean) * (e - mean)) / (errs.Length - 1)) : 0;
        var reached = runs.Where(r => r.StepsToTarget is not null).ToList();
        // Geometric mean of the error at the steps every seed evaluated.
        var common = runs.Select(r => r.Curve.Select(c => c.Step).ToHashSet()).Aggregate((a, b) => { a.IntersectWith(b); return a; });
        var steps = common.Order().ToArray();
        var curve = steps.Select(st => Math.Exp(runs.Average(r => Math.Log(Math.Max(r.Curve.First(c => c.Step == st).Error, 1e-300))))).ToArray();
        return new VariantSummary(v.Label, runs.Count, mean, std, errs.Min(), errs.Max(), runs.Average(r => r.WallSeconds),
            reached.Count, reached.Count > 0 ? reached.Average(r => r.StepsToTarget!.Value) : double.NaN, runs.Average(r => r.Points),
            (steps.Select(s => (double)s).ToArray(), curve))
        {
            Unknowns = runs.SelectMany(r => r.Unknowns.Keys).Distinct().ToDictionary(k => k, k =>
            {
                var vals = runs.Select(r => r.Unknowns[k]).ToArray();
                double m = vals.Average();
                return (m, vals.Length > 1 ? Math.Sqrt(vals.Sum(v => (v - m) * (v - m)) / (vals.Length - 1)) : 0.0);
            }),
        };
    }).ToList();

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string s) => s.Contains(',', StringComparison.Ordinal) || s.Contains('"', StringComparison.Ordinal) ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;

    private static string RunsCsv(IReadOnlyList<RunOutcome> outcomes)
    {
        var unknowns = outcomes.SelectMany(o => o.Unknowns.Keys).Distinct().ToList();
        var sb = new StringBuilder("variant,seed,final_rel_l2,wall_s,adam_steps,lbfgs_iterations,points,steps_to_target" + string.Concat(unknowns.Select(u => ",unknown_" + u)) + "\n");
        foreach (var o in outcomes)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{Quote(o.Variant)},{o.Seed},{F(o.FinalError)},{F(o.WallSeconds)},{o.AdamSteps},{o.LbfgsIterations},{o.Points},{(o.StepsToTarget is { } s ? s.ToString(CultureInfo.InvariantCulture) : "")}");
            foreach (var u in unknowns) sb.Append(',').Append(o.Unknowns.TryGetValue(u, out var v) ? F(v) : "");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    private static string CurvesCsv(IEnumerable<RunOutcome> outcomes)
    {
        var sb = new StringBuilder("variant,seed,step,rel_l2\n");
        foreach (var o in outcomes)
            foreach (var (step, err) in o.Curve) sb.Append(CultureInfo.InvariantCulture, $"{Quote(o.Variant)},{o.Seed},{step},{F(err)}\n");
        return sb.ToString();
    }

    private static string SummaryCsv(IEnumerable<VariantSummary> rows)
    {
        var sb = new StringBuilder("variant,runs,mean_rel_l2,std_rel_l2,min_rel_l2,max_rel_l2,mean_wall_s,reached_target,mean_steps_to_target,mean_points\n");
        foreach (var r in rows)
            sb.Append(CultureInfo.InvariantCulture, $"{Quote(r.Variant)},{r.Runs},{F(r.MeanError)},{F(r.StdError)},{F(r.MinError)},{F(r.MaxError)},{F(r.MeanSeconds)},{r.Reached},{(double.IsNaN(r.MeanStepsToTarget) ? "" : F(r.MeanStepsToTarget))},{F(r.MeanPoints)}\n");
        return sb.ToString();
    }

    private static string SummaryMarkdown(string problem, Request q, TrainingOptions basis, IReadOnlyList<VariantSummary> rows)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# Ablation: {problem}\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"Preset {q.Preset}; {basis.Model.Kind} {basis.Model.Depth}x{basis.Model.Width}, {basis.Points} points, {basis.AdamSteps} Adam + {basis.LbfgsIterations} L-BFGS, {basis.Precision}; {q.Seeds} seeds from {basis.Seed}; date {DateTime.UtcNow:yyyy-MM-dd}.\n");
        sb.Append(CultureInfo.InvariantCulture, $"Command: `pdekit ablate {problem} {string.Join(' ', q.Vary.Select(v => "--vary " + v))} --seeds {q.Seeds} --preset {q.Preset}{string.Concat(q.Sets.Select(s => " --set " + s))}{(q.Steps is { } st ? $" --steps {st}" : "")}{(q.Lbfgs is { } lb ? $" --lbfgs {lb}" : "")}`\n\n");
        sb.Append(CultureInfo.InvariantCulture, $"| variant | final rel L2 (mean ± std) | min | max | time (s) | reached {q.Target:G3} | steps to {q.Target:G3} | points |\n");
        sb.Append("|---|---|---|---|---|---|---|---|\n");
        foreach (var r in rows)
            sb.Append(CultureInfo.InvariantCulture, $"| {r.Variant} | {r.MeanError:E2} ± {r.StdError:E1} | {r.MinError:E2} | {r.MaxError:E2} | {r.MeanSeconds:F1} | {r.Reached}/{r.Runs} | {(double.IsNaN(r.MeanStepsToTarget) ? "-" : r.MeanStepsToTarget.ToString("F0", CultureInfo.InvariantCulture))} | {r.MeanPoints:F0} |\n");
        var withUnknowns = rows.Where(r => r.Unknowns.Count > 0).ToList();
        if (withUnknowns.Count > 0)
        {
            sb.Append("\nTrained unknowns (mean ± standard deviation over seeds):\n\n| variant | " + string.Join(" | ", withUnknowns[0].Unknowns.Keys) + " |\n|---|" + string.Concat(withUnknowns[0].Unknowns.Keys.Select(_ => "---|")) + "\n");
            foreach (var r in withUnknowns)
                sb.Append(CultureInfo.InvariantCulture, $"| {r.Variant} | {string.Join(" | ", r.Unknowns.Values.Select(u => $"{u.Mean:G5} ± {u.Std:G2}"))} |\n");
        }
        return sb.ToString();
    }
}
