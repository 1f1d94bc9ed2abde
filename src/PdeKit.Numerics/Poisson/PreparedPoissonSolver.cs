namespace PdeKit.Numerics.Poisson;

/// <summary>
/// A multigrid Poisson solver set up once for a grid, mask, coefficient and boundary values, then solved for many
/// sources: the level hierarchy and the coarse direct factorisation are built once (<see cref="PoissonSolver.Prepare"/>),
/// so a time or pseudo-time march that solves the same operator every step pays only for the cycles.
/// </summary>
public sealed class PreparedPoissonSolver
{
    private readonly MultigridSolver solver;
    private readonly PoissonLevel finest;
    private readonly double[] boundary;
    private readonly double tolerance;

    internal PreparedPoissonSolver(PoissonLevel finest, PoissonSolverOptions options)
    {
        this.finest = finest;
        tolerance = options.Tolerance;
        boundary = (double[])finest.U.Clone();
        solver = MultigridSolver.Create(finest, options);
    }

    /// <summary>The grid.</summary>
    public UniformGrid2D Grid => finest.Grid;

    /// <summary>
    /// Solves with the source <paramref name="source"/> (one value per grid node, row by row as
    /// <see cref="UniformGrid2D.Index"/>; values at inactive nodes are ignored) and the boundary values given when prepared.
    /// </summary>
    /// <returns>A solution that owns its values (later solves do not change them).</returns>
    /// <exception cref="ArgumentException">The source has the wrong length or a non-finite value at an active node.</exception>
    public PoissonSolution Solve(ReadOnlySpan<double> source)
    {
        var grid = finest.Grid;
        if (source.Length != grid.NodeCount)
            throw new ArgumentException($"The source has {source.Length} values; the {grid} has {grid.NodeCount} nodes.", nameof(source));
        for (int j = 0; j < grid.Ny; j++)
        {
            for (int i = 0; i < grid.Nx; i++)
            {
                int p = grid.Index(i, j);
                if (finest.Mask.IsActive(i, j))
                {
                    double f = source[p];
                    if (!double.IsFinite(f))
                        throw new ArgumentException($"The source is not finite at node ({i}, {j}): {f}.", nameof(source));
                    finest.F[p] = f;
                    finest.U[p] = 0;
                }
                else
                {
                    finest.U[p] = boundary[p];
                }
            }
        }

        var solution = solver.Solve();
        return new PoissonSolution(grid, (double[])solution.Values.Clone(), solution.Method, solution.Iterations, [.. solution.ResidualHistory], tolerance);
    }
}
