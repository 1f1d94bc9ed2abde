using System.Globalization;
using System.Text.Json;
using PdeKit.Physics;
using PdeKit.Problems;
using PdeKit.Reporting;
using PdeKit.Reporting.Validation;
using PdeKit.Runtime;
using PdeKit.Training;

namespace PdeKit.Cli.Validation;

/// <summary>
/// Suite lines of kind <c>pinn</c>: train the problem with a preset and overrides (as <c>pdekit train</c>, into the
/// case's folder, which becomes a complete run directory) or load the checkpoint of an identical earlier run, and
/// compare with the problem's reference: relative L2 and max error per field, trained unknowns against their true
/// values where the data are synthetic.
/// </summary>
internal static class PinnCase
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["steps"] = "adamSteps",
        ["lbfgs"] = "lbfgsIterations",
    };

    /// <summary>The run spec of a line: preset, then the line's settings (steps and lbfgs are short for adamSteps and lbfgsIterations), then the device.</summary>
    /// <exception cref="ArgumentException">An unknown preset, setting or problem parameter, or a bad value.</exception>
    internal static RunSpec Spec(SuiteCase line, DeviceChoice? device)
    {
        var entry = ProblemCatalog.Find(line.Problem);
        var pairs = line.Settings.Select(kv => new KeyValuePair<string, string>(Aliases.GetValueOrDefault(kv.Key, kv.Key), kv.Value)).ToList();
        static bool IsProblem(KeyValuePair<string, string> kv) => kv.Key.StartsWith("problem.", StringComparison.OrdinalIgnoreCase);
        var overrides = pairs.Where(IsProblem).ToDictionary(kv => kv.Key["problem.".Length..], kv => ProblemCatalog.ParseValue(kv.Key, kv.Value));
        var options = OptionsBinder.Apply(entry.Preset(line.Preset), pairs.Where(kv => !IsProblem(kv)));
        if (device is { } d) options = options with { Device = d };
        options.Validate();
        return new RunSpec(entry.Name, entry.Merge(overrides), line.Preset, options, typeof(PinnCase).Assembly.GetName().Version?.ToString() ?? "?");
    }

    /// <summary>The metrics a PINN case of <paramref name="problem"/> reports.</summary>
    /// <remarks>
    /// rel_l2 and max_abs only with a field reference (a problem with a <see cref="NoFieldReference"/> has none to report);
    /// <c>quantity:NAME</c> for each benchmark quantity (<see cref="IBenchmarkQuantities"/>), judged relative to its published value.
    /// </remarks>
    internal static IReadOnlyList<string> Metrics(IProblem problem)
    {
        IReadOnlyList<Field> fields = problem.Reference is NoFieldReference ? [] : problem.ReportedFields();
        return
        [
            .. fields.Select(f => "rel_l2:" + f.Name), .. fields.Select(f => "max_abs:" + f.Name),
            .. problem.Unknowns.Select(u => "unknown:" + u.Name),
            .. Evaluation.BenchmarkQuantityEvaluation.Declared(problem).Select(q => "quantity:" + q.Name), "time_s",
        ];
    }

    /// <summary>Checks a pinn line: preset, settings and problem parameters apply; the metric exists; unknowns have known true values.</summary>
    /// <exception cref="ArgumentException">What is wrong.</exception>
    internal static void Check(SuiteCase line)
    {
        if (string.IsNullOrEmpty(line.Preset)) throw new ArgumentException($"a pinn case needs a preset ({string.Join(", ", ProblemCatalog.Find(line.Problem).Presets.Keys)})");
        var spec = Spec(line, null);
        var problem = ProblemCatalog.Find(line.Problem).Build(spec.ProblemParameters);
        var metrics = Metrics(problem);
        if (!metrics.Any(line.Selects))
            throw new ArgumentException($"a {line.Problem} PINN has no metric '{line.Metric}' (metrics: {string.Join(", ", metrics)})"
                + (problem.Reference is NoFieldReference ? $"; it has no field reference ({problem.Reference.Name}), so no rel_l2 or max_abs" : ""));
        if (metrics.Any(m => m.StartsWith("unknown:", StringComparison.Ordinal) && line.Selects(m)) && problem is not IKnownUnknowns)
            throw new ArgumentException($"{line.Problem}'s unknowns have no known true values to compare with");
    }

    /// <summary>Trains (or, with <paramref name="reuse"/>, loads an identical earlier run from <paramref name="folder"/>) and measures.</summary>
    internal static CaseOutcome Run(SuiteCase line, string folder, DeviceChoice? device, bool reuse, Action<string> log)
    {
        var spec = Spec(line, device);
        var problem = ProblemCatalog.Find(spec.Problem).Build(spec.ProblemParameters);
        var o = spec.Options;
        var what = $"{o.Model.Kind} {o.Model.Depth}x{o.Model.Width} {o.Model.Activation}, {o.Points} points, {o.AdamSteps} Adam + {o.LbfgsIterations} L-BFGS, {o.Precision}";
        Evaluation.Evaluation eval;
        IReadOnlyDictionary<string, double> unknowns;
        IReadOnlyList<string> plots;
        double seconds;
        string deviceName, method;
        if (reuse && SameRun(folder, spec))
        {
            log($"loading {folder}/checkpoint.pt (same spec; --retrain to train again)");
            (eval, unknowns) = TrainingRun.Reevaluate(spec, folder);
            plots = RunPlots.DrawAll(folder);
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")));
            seconds = summary.RootElement.TryGetProperty("wallSeconds", out var w) && w.ValueKind == JsonValueKind.Number ? w.GetDouble() : double.NaN;
            deviceName = summary.RootElement.TryGetProperty("deviceName", out var d) ? d.GetString() ?? "?" : "?";
            method = $"PINN ({spec.Preset}, loaded)";
        }
        else
        {
            log($"training {spec.Problem} ({spec.Preset}): {what}, device {o.Device}");
            var run = TrainingRun.Execute(spec, folder, r =>
            {
                if (!double.IsNaN(r.RelativeL2)) log(string.Create(CultureInfo.InvariantCulture, $"  {r.Phase} step {r.Step}: rel L2 {r.RelativeL2:E3} ({r.TimeSeconds:F0} s)"));
            }, progressBar: false);
            (eval, unknowns, plots, seconds, deviceName) = (run.Evaluation, run.Unknowns, run.Plots, run.WallSeconds, run.DeviceName);
            method = $"PINN ({spec.Preset})";
        }

        var reference = problem.Reference.Name;
        var measurements = new List<Measurement>();
        foreach (var e in eval.Errors) measurements.Add(Measurement.AtMost(method, "rel_l2:" + e.Field, e.RelativeL2, "vs " + reference));
        foreach (var e in eval.Errors) measurements.Add(Measurement.AtMost(method, "max_abs:" + e.Field, e.MaxAbs, "vs " + reference));
        foreach (var q in eval.Quantities) measurements.Add(Measurement.Relative(method, "quantity:" + q.Name, q.Value, q.Published, q.Source));
        var truth = (problem as IKnownUnknowns)?.TrueUnknowns;
        foreach (var (name, value) in unknowns)
        {
            measurements.Add(truth is not null && truth.TryGetValue(name, out var t)
                ? Measurement.Relative(method, "unknown:" + name, value, t, "true value of the synthetic data")
                : Measurement.AtMost(method, "unknown:" + name, value, "no true value known"));
        }

        measurements.Add(Measurement.AtMost(method, "time_s", seconds, $"training on {deviceName}"));
        var images = plots.Select(p => new ReportImage(p, Caption(Path.GetFileNameWithoutExtension(p)))).ToList();
        var description = $"PINN for {spec.Problem}, preset {spec.Preset}{(line.Settings.Count > 0 ? " with " + string.Join(", ", line.Settings.Select(kv => $"{kv.Key}={kv.Value}")) : "")}: {what}; trained on {deviceName} in {seconds:F0} s, {(eval.HasFieldReference ? $"compared with {reference} on the evaluation grid" : $"no field reference ({reference}): relative L2 not evaluated")}{(eval.Quantities.Count > 0 ? $"; benchmark quantities {string.Join(", ", eval.Quantities.Select(q => q.Name))} against the published values" : "")}. Run directory: {folder}.";
        return new CaseOutcome(description, measurements, images, deviceName);
    }

    /// <summary>Whether <paramref name="folder"/> holds a finished run of exactly <paramref name="spec"/> (the PdeKit version aside).</summary>
    internal static bool SameRun(string folder, RunSpec spec)
    {
        var specPath = Path.Combine(folder, "spec.json");
        if (!File.Exists(specPath) || !File.Exists(Path.Combine(folder, "checkpoint.pt")) || !File.Exists(Path.Combine(folder, "summary.json"))) return false;
        try
        {
            var old = RunSpec.Load(specPath);
            string Text(RunSpec s) => JsonSerializer.Serialize(s with { PdeKitVersion = "" }, OptionsBinder.Json);
            return Text(old) == Text(spec);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static string Caption(string file) => file switch
    {
        "loss" => "training loss terms",
        "error" => "relative L2 error against the reference during training",
        _ => file.Replace("field_", "", StringComparison.Ordinal).Replace('_', ' '),
    };
}
