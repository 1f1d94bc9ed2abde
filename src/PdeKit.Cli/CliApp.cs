using System.CommandLine;
using PdeKit.Cli.Commands;
using PdeKit.Runtime;

namespace PdeKit.Cli;

/// <summary>Builds the <c>pdekit</c> command tree and maps failures to clear messages and exit codes.</summary>
public static class CliApp
{
    /// <summary>Option shared by every command: plain JSON output for scripts.</summary>
    internal static readonly Option<bool> Json = new("--json") { Description = "print machine-readable JSON instead of tables", Recursive = true };

    /// <summary>Runs the command line and returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        var root = new RootCommand("PdeKit: physics-informed neural networks and finite-difference references for PDEs.");
        root.Options.Add(Json);
        root.Subcommands.Add(DoctorCommand.Create());
        root.Subcommands.Add(ListCommand.Create());
        foreach (var c in ProblemCommands.Create()) root.Subcommands.Add(c);
        try
        {
            return root.Parse(args).Invoke();
        }
        catch (PdeKitRuntimeException e)
        {
            Console.Error.WriteLine($"pdekit: {e.Message}");
            return 2;
        }
    }

    /// <summary>Wraps a command body: user errors (bad arguments, missing files, runtime) become one line on stderr.</summary>
    internal static int Guard(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (Environment.GetEnvironmentVariable("PDEKIT_TRACE") is null && e is ArgumentException or FileNotFoundException or DirectoryNotFoundException or InvalidDataException or PdeKitRuntimeException or InvalidOperationException)
        {
            Console.Error.WriteLine($"pdekit: {e.Message}");
            return 2;
        }
    }
}
