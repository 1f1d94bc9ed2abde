using System.CommandLine;
using PdeKit.Reporting;

namespace PdeKit.Cli.Commands;

/// <summary><c>pdekit plot</c>: (re)draw the standard plots of a run directory.</summary>
internal static class PlotCommand
{
    internal static Command Create()
    {
        var dir = new Argument<string>("run-dir") { Description = "a run directory written by pdekit train" };
        var cmd = new Command("plot", "Draw the field, error, slice and loss plots of a run directory.") { dir };
        cmd.SetAction(r => CliApp.Guard(() =>
        {
            var files = RunPlots.DrawAll(r.GetValue(dir)!);
            if (r.GetValue(CliApp.Json)) Output.WriteJson(files);
            else foreach (var f in files) Console.WriteLine(f);
            return 0;
        }));
        return cmd;
    }
}
