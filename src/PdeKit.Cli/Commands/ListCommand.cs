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
            {
                Output.WriteJson(entries.Select(e => new { name = e.Name, kind = "pinn", summary = e.Summary, reference = e.Reference })
                    .Concat(OperatorTasks.Select(t => new { name = t.Name, kind = "operator", summary = t.Summary, reference = t.Reference })));
                return 0;
            }
            if (entries.Count == 0) Console.WriteLine("The problem catalogue is empty.");
            else Output.Table("problems", ["name", "summary", "reference"], entries.Select(e => new[] { e.Name, e.Summary, e.Reference }));
            Output.Table("operator tasks (pdekit data, pdekit train; docs/operators.md)", ["name", "summary", "reference"], OperatorTasks.Select(t => new[] { t.Name, t.Summary, t.Reference }));
            return 0;
        });
        return cmd;
    }

    /// <summary>The operator-learning tasks <c>pdekit train</c> takes besides the PINN problems.</summary>
    internal static IReadOnlyList<(string Name, string Summary, string Reference)> OperatorTasks { get; } =
    [
        ("fno-burgers", "FNO 1D: periodic Burgers (nu = 0.1) u(., 0) -> u(., 1), initial data from a Gaussian random field", "pseudo-spectral ETDRK4 solver (pdekit data burgers-operator)"),
        ("fno-darcy", "FNO 2D: Darcy -div(a grad u) = 1 on the unit square, thresholded-GRF permeability a -> pressure u", "multigrid finite differences (pdekit data darcy)"),
        ("deeponet-burgers", "DeepONet: the Burgers map with a branch (sensors) and a trunk (coordinates) network", "pseudo-spectral ETDRK4 solver"),
        ("fno-burgers-nu", "nu-conditioned FNO: the Burgers map for several viscosities, nu an input", "pseudo-spectral ETDRK4 solver per nu"),
    ];
}
