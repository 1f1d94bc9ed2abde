namespace PdeKit.Numerics.Fem;

/// <summary>
/// The boundary value problem <c>-div(a grad u) = f</c> on a mesh, with <c>u = g</c> on the Dirichlet boundary
/// parts and zero flux (<c>a du/dn = 0</c>, the natural condition) on the other parts.
/// </summary>
public sealed record EllipticProblem
{
    /// <summary>The source f(x, y).</summary>
    public required Func<double, double, double> Source { get; init; }

    /// <summary>The diffusion coefficient a(x, y) &gt; 0, taken at each triangle's centroid; null for a = 1.</summary>
    public Func<double, double, double>? Coefficient { get; init; }

    /// <summary>The Dirichlet data g(x, y), taken at the boundary nodes; zero by default.</summary>
    public Func<double, double, double> Dirichlet { get; init; } = static (_, _) => 0;

    /// <summary>The boundary parts where u = g holds; null or empty for the whole boundary.</summary>
    public IReadOnlyList<string>? DirichletParts { get; init; }
}
