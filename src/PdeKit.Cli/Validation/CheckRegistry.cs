using PdeKit.Cli.Validation.Checks;

namespace PdeKit.Cli.Validation;

/// <summary>
/// The published checks suite lines can name (<c>check:NAME</c>). A new problem family adds its checks here (one class
/// each, e.g. Ghia et al.'s cavity profiles or Schaefer and Turek's drag and lift) and lines to the suites.
/// </summary>
internal static class CheckRegistry
{
    private static readonly List<IValidationCheck> Checks =
    [
        new BasdevantGradientCheck(),
        new VanEverdingenHurstCheck(),
        new LeeDrawdownFitCheck(),
        new ExponentialIntegralTableCheck(),
        new GhiaCavityCheck(),
    ];

    /// <summary>Every registered check.</summary>
    internal static IReadOnlyList<IValidationCheck> All => Checks;

    /// <summary>Adds a check (names are unique, case-insensitive).</summary>
    /// <exception cref="ArgumentException">A check of that name exists.</exception>
    internal static void Register(IValidationCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (Checks.Any(c => string.Equals(c.Name, check.Name, StringComparison.OrdinalIgnoreCase)))
            throw new ArgumentException($"a check named '{check.Name}' is already registered");
        Checks.Add(check);
    }

    /// <summary>The check of that name.</summary>
    /// <exception cref="ArgumentException">No such check; the message lists them.</exception>
    internal static IValidationCheck Find(string name) =>
        Checks.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown check '{name}' (checks: {string.Join(", ", Checks.Select(c => c.Name))})");

    /// <summary>Checks a suite line of kind check:NAME: the check exists, applies to the problem, knows the parameters and the metric.</summary>
    /// <exception cref="ArgumentException">What is wrong.</exception>
    internal static void CheckLine(SuiteCase line)
    {
        var check = Find(line.CheckName!);
        if (!check.Problems.Contains(line.Problem))
            throw new ArgumentException($"check:{check.Name} applies to {string.Join(", ", check.Problems)}, not {line.Problem}");
        foreach (var (key, _) in line.Settings)
            if (!check.Parameters.ContainsKey(key))
                throw new ArgumentException($"check:{check.Name} has no parameter '{key}' ({(check.Parameters.Count == 0 ? "it takes none" : "parameters: " + string.Join(", ", check.Parameters.Keys))})");
        if (!string.IsNullOrEmpty(line.Preset))
            throw new ArgumentException($"check:{check.Name} trains nothing; leave the preset empty");
        if (!check.Metrics.Any(line.Selects))
            throw new ArgumentException($"check:{check.Name} has no metric '{line.Metric}' (metrics: {string.Join(", ", check.Metrics)})");
    }
}
