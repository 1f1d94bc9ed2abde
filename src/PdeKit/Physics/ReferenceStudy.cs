namespace PdeKit.Physics;

/// <summary>One figure of a reference study, with the published value it is checked against when there is one.</summary>
/// <param name="Name">What was measured.</param>
/// <param name="Value">The computed value.</param>
/// <param name="Published">The published value, or null.</param>
/// <param name="Source">Where the published value comes from, or how the value was computed.</param>
public sealed record ReferenceFigure(string Name, double Value, double? Published, string Source)
{
    /// <summary>
    /// Short stable identifier used by validation suites to select the figure, e.g. "fd-vs-exact:rel_l2"; parts
    /// separated by ':' go from general to specific. Null: derived from <see cref="Name"/>.
    /// </summary>
    public string? Key { get; init; }
}

/// <summary>The references of a problem computed side by side (<c>pdekit reference</c>).</summary>
/// <param name="Figures">Checks and agreements.</param>
/// <param name="Fields">Named reference fields on the problem's evaluation grid, [points, outputs] each.</param>
public sealed record ReferenceStudy(IReadOnlyList<ReferenceFigure> Figures, IReadOnlyDictionary<string, double[,]> Fields);
