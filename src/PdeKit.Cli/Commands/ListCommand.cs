using System.CommandLine;
using PdeKit.Problems;

namespace PdeKit.Cli.Commands;

/// <summary><c>pdekit list</c>: the problem catalogue.</summary>
internal static class ListCommand
{
    internal static Command Create()
    {
        var cmd = new Command("list", "List the problems PdeKit can train, with their references.");
        cmd.SetAction(r =>
        {
            var entries = ProblemCatalog.Entries;
            if (r.GetValue(CliApp.Json))
                Output.WriteJson(entries.Select(e => new { name = e.Name, summary = e.Summary, reference = e.Reference }));
            else if (entries.Count == 0)
                Console.WriteLine("The problem catalogue is empty.");
            else
                Output.Table("problems", ["name", "summary", "reference"], entries.Select(e => new[] { e.Name, e.Summary, e.Reference }));
            return 0;
        });
        return cmd;
    }
}
