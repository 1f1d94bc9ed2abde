namespace PdeKit.Problems;

/// <summary>One entry of the problem catalogue.</summary>
/// <param name="Name">Name used on the command line, e.g. "burgers".</param>
/// <param name="Summary">One line describing the problem.</param>
/// <param name="Reference">What the problem is validated against.</param>
public sealed record CatalogEntry(string Name, string Summary, string Reference);

/// <summary>The problems PdeKit ships, as listed by <c>pdekit list</c>.</summary>
public static class ProblemCatalog
{
    /// <summary>All entries, in display order.</summary>
    public static IReadOnlyList<CatalogEntry> Entries { get; } = [];
}
