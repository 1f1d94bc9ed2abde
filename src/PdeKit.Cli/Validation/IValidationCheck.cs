using PdeKit.Problems;
using PdeKit.Reporting;

namespace PdeKit.Cli.Validation;

/// <summary>
/// A published check implemented once and selected by suite lines (<c>kind = check:NAME</c>): it computes values
/// with PdeKit's references and compares them with published ones. Register new checks in <see cref="CheckRegistry"/>.
/// </summary>
internal interface IValidationCheck
{
    /// <summary>The NAME of <c>check:NAME</c>.</summary>
    string Name { get; }

    /// <summary>What is computed and where the published values come from.</summary>
    string Description { get; }

    /// <summary>Problems (catalogue names) whose suite lines may use the check.</summary>
    IReadOnlyList<string> Problems { get; }

    /// <summary>Every metric the check reports (suite lines select them by name or prefix).</summary>
    IReadOnlyList<string> Metrics { get; }

    /// <summary>Parameters a suite line may set (e.g. data=PATH), with what they mean.</summary>
    IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>Computes the check.</summary>
    CheckResult Run(CheckContext context);
}

/// <summary>What a check gets.</summary>
/// <param name="Problem">The catalogue entry of the suite line's problem.</param>
/// <param name="Parameters">Parameters from the suite line's set column.</param>
/// <param name="SuiteDirectory">Folder of the suite file (relative data paths resolve there).</param>
internal sealed record CheckContext(CatalogEntry Problem, IReadOnlyDictionary<string, string> Parameters, string SuiteDirectory)
{
    /// <summary>A numeric parameter, or <paramref name="fallback"/>.</summary>
    /// <exception cref="ArgumentException">The value is not a finite number.</exception>
    public double Number(string name, double fallback) =>
        Parameters.TryGetValue(name, out var text) ? ProblemCatalog.ParseValue(name, text) : fallback;
}

/// <summary>What a check returns: its values and its charts (drawn into the case's folder).</summary>
/// <param name="Measurements">Values with their references.</param>
/// <param name="Charts">Charts described as data.</param>
internal sealed record CheckResult(IReadOnlyList<Measurement> Measurements, IReadOnlyList<ChartSpec> Charts);
