using System.CommandLine;
using PdeKit.Reporting;

namespace PdeKit.Cli.Commands;

/// <summary><c>pdekit compare</c>: two run directories side by side (errors, times, device, and the settings that differ).</summary>
internal static class CompareCommand
{
    internal static Command Create()
    {
        var a = new Argument<string>("run-a") { Description = "a run directory (pdekit train, or cases/CASE of pdekit validate)" };
        var b = new Argument<string>("run-b") { Description = "another run directory" };
        var outFile = new Option<string?>("--out") { Description = "also write the comparison as Markdown to this file" };
        var cmd = new Command("compare", "Compare two run directories: errors, unknowns, times and device from summary.json, and the settings in spec.json that differ.") { a, b, outFile };
        cmd.SetAction(r => CliApp.Guard(() =>
        {
            var c = RunComparison.Load(r.GetValue(a)!, r.GetValue(b)!);
            if (r.GetValue(outFile) is { } path)
            {
                if (Directory.Exists(path)) throw new ArgumentException($"--out {path} is a folder; give a Markdown file path");
                AtomicFile.Write(path, temp => File.WriteAllText(temp, c.Markdown()));
            }

            if (r.GetValue(CliApp.Json)) Output.WriteJson(c);
            else
            {
                Console.WriteLine($"A: {c.A}\nB: {c.B}");
                Output.Table("runs", ["quantity", "A", "B", "B/A"], c.Values.Select(v => new[] { v.Quantity, v.A, v.B, v.Ratio }));
                if (c.Settings is null) Console.WriteLine("settings not compared: a run directory has no spec.json");
                else if (c.Settings.Count == 0) Console.WriteLine("settings: identical");
                else Output.Table("settings that differ (spec.json)", ["setting", "A", "B"], c.Settings.Select(s => new[] { s.Setting, s.A, s.B }));
            }

            return 0;
        }));
        return cmd;
    }
}
