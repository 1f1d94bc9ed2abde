using System.CommandLine;

namespace PdeKit.Cli.Commands;

/// <summary>Commands that act on a problem of the catalogue (train, reference, plot).</summary>
internal static class ProblemCommands
{
    internal static IEnumerable<Command> Create() => [TrainCommand.Create(), DataCommand.Create(), ReferenceCommand.Create(), PlotCommand.Create(), BenchCommand.Create(), AblateCommand.Create(), FitWellTestCommand.Create(), ValidateCommand.Create(), CompareCommand.Create()];
}
