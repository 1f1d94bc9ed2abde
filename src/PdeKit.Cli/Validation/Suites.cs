using PdeKit.Problems;

namespace PdeKit.Cli.Validation;

/// <summary>
/// Turns <c>--suite</c> names into suite lines. The shipped suites live in <c>suites/</c> (the folder in the current
/// directory, else the one copied beside the program): <c>quick.csv</c> (CPU: references, published checks and short
/// PINNs; what CI runs) and <c>full.csv</c> (GPU-sized PINN presets). A name is a suite file path, a suite name (the
/// file suites/NAME.csv; <c>full</c> also takes quick's reference and check lines, which cost seconds), or a problem
/// name (that problem's lines of quick.csv and the reference and check lines of the other suites).
/// </summary>
internal static class Suites
{
    /// <summary>The suite CI runs.</summary>
    internal const string Quick = "quick";

    /// <summary>The GPU suite.</summary>
    internal const string Full = "full";

    /// <summary>The folder holding the shipped suites.</summary>
    /// <exception cref="DirectoryNotFoundException">Neither ./suites nor the one beside the program exists.</exception>
    internal static string Directory()
    {
        foreach (var dir in new[] { Path.Combine(Environment.CurrentDirectory, "suites"), Path.Combine(AppContext.BaseDirectory, "suites") })
            if (File.Exists(Path.Combine(dir, Quick + ".csv"))) return dir;
        throw new DirectoryNotFoundException($"no suites folder with {Quick}.csv in the current directory or beside the program ({AppContext.BaseDirectory}); give a suite file path");
    }

    /// <summary>The lines the names select, deduplicated by case name, in order.</summary>
    /// <exception cref="ArgumentException">An unknown name, or a name that selects nothing.</exception>
    /// <exception cref="InvalidDataException">A suite file is malformed, or two files define one case name differently.</exception>
    internal static IReadOnlyList<SuiteCase> Resolve(IReadOnlyList<string> names)
    {
        if (names.Count == 0) names = [Quick];
        var selected = new List<SuiteCase>();
        foreach (var name in names)
            selected.AddRange(Select(name));
        var result = new List<SuiteCase>();
        foreach (var c in selected)
        {
            var same = result.FirstOrDefault(r => string.Equals(r.Case, c.Case, StringComparison.OrdinalIgnoreCase));
            if (same is null) result.Add(c);
            else if (same.ComputationKey != c.ComputationKey || same.Metric != c.Metric || same.Tolerance != c.Tolerance)
                throw new InvalidDataException($"{c.Where}: case '{c.Case}' is also defined, differently, at {same.Where}");
        }

        return result;
    }

    private static IEnumerable<SuiteCase> Select(string name)
    {
        if (name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || name.Contains('/', StringComparison.Ordinal) || File.Exists(name))
            return SuiteFile.Parse(name);
        var dir = Directory();
        var file = Path.Combine(dir, name + ".csv");
        if (File.Exists(file))
        {
            var lines = SuiteFile.Parse(file).ToList();
            if (string.Equals(name, Full, StringComparison.OrdinalIgnoreCase))
                lines = [.. SuiteFile.Parse(Path.Combine(dir, Quick + ".csv")).Where(c => c.Cheap), .. lines];
            return lines;
        }

        var entry = ProblemCatalog.Entries.FirstOrDefault(e => string.Equals(e.Name, name, StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            var suites = System.IO.Directory.GetFiles(dir, "*.csv").Select(Path.GetFileNameWithoutExtension).Order();
            throw new ArgumentException($"unknown suite '{name}': not a file, not a suite in {dir} ({string.Join(", ", suites)}), and not a problem ({string.Join(", ", ProblemCatalog.Entries.Select(e => e.Name))})");
        }

        var quick = SuiteFile.Parse(Path.Combine(dir, Quick + ".csv"));
        var others = System.IO.Directory.GetFiles(dir, "*.csv").Order()
            .Where(f => !string.Equals(Path.GetFileNameWithoutExtension(f), Quick, StringComparison.OrdinalIgnoreCase))
            .SelectMany(SuiteFile.Parse).Where(c => c.Cheap);
        var chosen = quick.Concat(others).Where(c => c.Problem == entry.Name).ToList();
        if (chosen.Count == 0) throw new ArgumentException($"the suites in {dir} have no cases for {entry.Name}");
        return chosen;
    }
}
