using System.Globalization;
using System.Text.Json;
using PdeKit.Runtime;

namespace PdeKit.Cli.Commands;

/// <summary>The operator-learning path of <c>pdekit train</c> (fno-burgers, fno-darcy, deeponet-burgers, fno-burgers-nu).</summary>
internal static class OperatorTrainCommand
{
    internal static bool IsOperatorTask(string? name) => name is not null && OperatorRunSettings.ParseTask(name) is not null;

    /// <summary>Reads the task and settings of an operator run's spec.json, or null when the spec is a PINN run's.</summary>
    internal static (OperatorTask Task, OperatorRunSettings Settings)? TryLoadSpec(string path)
    {
        if (!File.Exists(path)) return null; // RunSpec.Load reports the missing file
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (!document.RootElement.TryGetProperty("task", out var taskName) || taskName.ValueKind != JsonValueKind.String) return null;
        var task = OperatorRunSettings.ParseTask(taskName.GetString()!) ?? throw new InvalidDataException($"{path}: unknown operator task '{taskName.GetString()}'");
        var settings = document.RootElement.GetProperty("settings").Deserialize<OperatorRunSettings>(OptionsBinder.Json)
            ?? throw new InvalidDataException($"{path}: no settings");
        return (task, settings);
    }

    internal static int Run(string taskName, string? device, int? epochs, int? lbfgs, string presetName, string[] sets, string? outDir, bool json, OperatorRunSettings? replay = null)
    {
        var task = OperatorRunSettings.ParseTask(taskName)!.Value;
        if (lbfgs is not null) throw new ArgumentException("--lbfgs does not apply to operator training (Adam only); leave it out");
        var settings = OptionsBinder.ApplyTo(replay ?? OperatorRunSettings.Preset(task, presetName), OptionsBinder.Pairs(sets));
        settings = settings with
        {
            Training = settings.Training with
            {
                Device = device is null ? settings.Training.Device : TorchRuntime.ParseDevice(device),
                Epochs = epochs ?? settings.Training.Epochs,
            },
        };
        settings.Validate(task);
        string name = OperatorRunSettings.TaskName(task);
        string target = outDir ?? Path.Combine("runs", $"{name}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        var (summary, directory, plots) = OperatorTrainingRun.Execute(task, settings, target, json ? null : Console.WriteLine);
        if (json)
        {
            Output.WriteJson(new { runDirectory = directory, summary, plots });
            return 0;
        }

        Output.Table($"{name}: error against resolution (trained at {summary.Resolution})", ["resolution", "zero-shot", "test rel L2", "samples/s"],
            summary.ErrorVsResolution.Select(r => new[] { r.Resolution.ToString(CultureInfo.InvariantCulture), r.ZeroShot ? "yes" : "no", r.RelativeL2.ToString("F4", CultureInfo.InvariantCulture), r.SamplesPerSecond.ToString("F0", CultureInfo.InvariantCulture) }));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"test relative L2 {summary.TestRelativeL2:F4} at {summary.Resolution}; {summary.TrainSeconds:F1} s on {summary.Device} ({summary.EpochsPerSecond:F2} epochs/s); inference {summary.ModelSamplesPerSecond:F0} samples/s vs solver {summary.SolverSamplesPerSecond:F1} samples/s: ratio {summary.ThroughputRatio:F1} ({summary.SolverNote}); run directory {directory} ({plots.Count} plots)"));
        if (!double.IsNaN(summary.TruthPdeResidual))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Darcy FD residual on the test grid (mean square): prediction {summary.PredictionPdeResidual:E3}, data {summary.TruthPdeResidual:E3}"));
        }

        return 0;
    }
}
