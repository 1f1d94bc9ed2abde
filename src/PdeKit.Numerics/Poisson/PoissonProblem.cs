namespace PdeKit.Numerics.Poisson;

/// <summary>
/// A Dirichlet problem <c>-div(a grad u) = f</c> (with <c>a = 1</c>: <c>-Laplace(u) = f</c>) on the active
/// nodes of a <see cref="UniformGrid2D"/>, discretised by the conservative 5-point scheme
/// <c>-[a_{i+1/2,j} (u_{i+1,j} - u_{i,j}) - a_{i-1/2,j} (u_{i,j} - u_{i-1,j})] / hx^2 - [same along y] / hy^2 = f_{i,j}</c>
/// with <c>a</c> at the cell-face midpoints (second order for smooth a and u).
/// </summary>
/// <remarks>
/// What is evaluated where: <see cref="Source"/> at the active nodes, <see cref="BoundaryValue"/> at every
/// inactive node (the rectangle's boundary and the nodes outside the mask; those next to an active node are the
/// domain's discrete boundary, the others only fill the returned array), and <see cref="Coefficient"/> at every
/// face midpoint <c>(x_i + hx/2, y_j)</c> and <c>(x_i, y_j + hy/2)</c> of the rectangle, outside the mask too.
/// All values must be finite and the coefficient positive; the solvers check this and name the first bad point.
/// </remarks>
public sealed record PoissonProblem
{
    /// <summary>Creates a problem; set <see cref="Coefficient"/> and <see cref="Mask"/> with an initializer.</summary>
    /// <param name="grid">The node grid.</param>
    /// <param name="source">Right-hand side <c>f(x, y)</c>.</param>
    /// <param name="boundaryValue">Dirichlet data <c>g(x, y)</c>.</param>
    public PoissonProblem(UniformGrid2D grid, Func<double, double, double> source, Func<double, double, double> boundaryValue)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(boundaryValue);
        Grid = grid;
        Source = source;
        BoundaryValue = boundaryValue;
    }

    /// <summary>The node grid.</summary>
    public UniformGrid2D Grid { get; init; }

    /// <summary>Right-hand side <c>f(x, y)</c>, evaluated at the active nodes.</summary>
    public Func<double, double, double> Source { get; init; }

    /// <summary>Dirichlet data <c>g(x, y)</c>, evaluated at the inactive nodes.</summary>
    public Func<double, double, double> BoundaryValue { get; init; }

    /// <summary>Diffusion coefficient <c>a(x, y) &gt; 0</c> at the face midpoints; null (the default) for <c>a = 1</c>, the plain Poisson equation.</summary>
    public Func<double, double, double>? Coefficient { get; init; }

    /// <summary>The active nodes; null (the default) for every interior node of the rectangle. Must belong to <see cref="Grid"/>.</summary>
    public NodeMask? Mask { get; init; }

    /// <summary>
    /// The Poisson problem <c>-Laplace(u) = f</c> with <c>u = g</c> on the boundary, on the unit square with
    /// <paramref name="n"/> x <paramref name="n"/> nodes; a shortcut for tests and benchmarks.
    /// </summary>
    /// <param name="n">Nodes per side, at least 3.</param>
    /// <param name="source">Right-hand side f.</param>
    /// <param name="boundaryValue">Dirichlet data g.</param>
    /// <returns>The problem.</returns>
    public static PoissonProblem UnitSquare(int n, Func<double, double, double> source, Func<double, double, double> boundaryValue) =>
        new(UniformGrid2D.UnitSquare(n), source, boundaryValue);
}
