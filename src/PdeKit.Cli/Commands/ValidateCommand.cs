using System.CommandLine;
using System.Globalization;
using PdeKit.Cli.Validation;
using PdeKit.Reporting.Validation;
using PdeKit.Runtime;

namespace PdeKit.Cli.Commands;

/// <summary>
/// <c>pdekit validate</c>: runs the cases of validation suites (train or load PINNs, compute references and published
/// checks), judges each against its tolerance, and writes results.csv, report.md and a self-contained report.html.
/// Exit code 0 when every case meets its tolerance, 1 when one does not, 2 for bad input.
/// </summary>
internal static class ValidateCommand
{
    internal static Command Create()
    {
        var suite = new Option<string[]>("--suite")
        {
            Description = "quick (CPU, CI), full (GPU presets), a problem name (its quick cases), or a suite CSV path; several allowed",
            AllowMultipleArgumentsPerToken = true,
        };
        var device = new Option<string?>("--device") { Description = "auto, cpu or cuda for the PINN cases (default: each preset's)" };
        var outDir = new Option<string?>("--out") { Description = "output folder (default runs/validate-<suite>-<time>)" };
        var retrain = new Option<bool>("--retrain") { Description = "train every PINN case, even when the output folder holds an identical finished run" };
        var list = new Option<bool>("--list") { Description = "list the selected cases and exit" };
        var cmd = new Command("validate", "Run validation suites: PINNs, references and published checks against tolerances; write results.csv and reports with plots.")
        {
            suite, device, outDir, retrain, list,
        };
        cmd.SetAction(r => CliApp.Guard(() => Run(r.GetValue(suite) ?? [], r.GetValue(device), r.GetValue(outDir), r.GetValue(retrain), r.GetValue(list), r.GetValue(CliApp.Json))));
        return cmd;
    }

    private static int Run(string[] suites, string? deviceText, string? outDir, bool retrain, bool list, bool json)
    {
        DeviceChoice? device = deviceText is null ? null : TorchRuntime.ParseDevice(deviceText);
        var names = suites.SelectMany(s => s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
        if (names.Count == 0) names.Add(Suites.Quick);
        var lines = Suites.Resolve(names);
        if (list)
        {
            if (json) Output.WriteJson(lines.Select(l => new { l.Case, l.Problem, kind = l.KindText, l.Preset, set = l.Settings.Select(kv => $"{kv.Key}={kv.Value}"), l.Metric, l.Tolerance, l.Notes, source = l.Where }));
            else Output.Table($"suite {string.Join(" ", names)}: {lines.Count} cases", ["case", "problem", "kind", "preset", "set", "metric", "tolerance"],
                lines.Select(l => new[] { l.Case, l.Problem, l.KindText, l.Preset, string.Join(";", l.Settings.Select(kv => $"{kv.Key}={kv.Value}")), l.Metric, l.Tolerance.ToString("G", CultureInfo.InvariantCulture) }));
            return 0;
        }

        // Asking for a device the machine lacks is a usage error, said once before anything runs.
        if (device is { } d && d != DeviceChoice.Cpu && lines.Any(l => l.Kind == CaseKind.Pinn))
        {
            TorchRuntime.Initialize();
            TorchRuntime.ResolveDevice(d);
        }

        string label = string.Join(" ", names);
        string target = Path.GetFullPath(outDir ?? Path.Combine("runs", $"validate-{string.Join("-", names.Select(Path.GetFileNameWithoutExtension))}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}"));
        if (File.Exists(target)) throw new ArgumentException($"--out {target} is a file; give a folder");
        var command = "pdekit validate --suite " + label + (deviceText is null ? "" : " --device " + deviceText) + (retrain ? " --retrain" : "");
        var request = new ValidationRequest(lines, label, target, device, !retrain, command);
        Action<string> log = json ? _ => { } : Console.WriteLine;
        if (!json) Console.WriteLine($"validating {lines.Count} cases of {label} into {target}");
        var data = new ValidationRunner(request, log).Run();
        var report = Path.Combine(target, "report.html");
        if (json)
        {
            Output.WriteJson(new
            {
                directory = target, report, verdict = data.Verdict, failures = data.Failures,
                rows = data.Rows.Select(r => new { r.Case, r.Method, r.Metric, r.Value, r.Reference, r.Tolerance, comparison = ValidationCsv.Name(r.Comparison), status = ValidationCsv.Name(r.Status), r.TimeSeconds, r.Device, r.Commit, r.Note }),
            });
        }
        else
        {
            Output.Table($"validation {label}: {data.Verdict}", ["case", "metric", "value", "reference", "tolerance", "status"], data.Gated.Select(r => new[]
            {
                r.Case, r.Metric, ValidationReport.Number(r.Value), r.Reference is { } x ? ValidationReport.Number(x) : "", ValidationReport.Tolerance(r), ValidationReport.StatusText(r.Status),
            }));
            Console.WriteLine($"results: {Path.Combine(target, "results.csv")}");
            Console.WriteLine($"report: {report}");
        }

        return data.Failures == 0 ? 0 : 1;
    }
}
