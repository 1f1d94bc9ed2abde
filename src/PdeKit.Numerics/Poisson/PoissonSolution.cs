namespace PdeKit.Numerics.Poisson;

/// <summary>The discrete solution of a <see cref="PoissonProblem"/> and how it was obtained.</summary>
public sealed class PoissonSolution
{
    internal PoissonSolution(
        UniformGrid2D grid, double[] values, PoissonMethod method, int iterations, double[] residualHistory, double tolerance)
    {
        Grid = grid;
        Values = values;
        Method = method;
        Iterations = iterations;
        ResidualHistory = residualHistory;
        RelativeResidual = residualHistory[^1];
        Converged = RelativeResidual <= tolerance;
    }

    /// <summary>The grid.</summary>
    public UniformGrid2D Grid { get; }

    /// <summary>
    /// The solution at every node, row-major (index <c>j Nx + i</c>): the computed values at the active nodes,
    /// the Dirichlet data elsewhere. The array belongs to the caller.
    /// </summary>
    public double[] Values { get; }

    /// <summary>The method that ran (never <see cref="PoissonMethod.Auto"/>).</summary>
    public PoissonMethod Method { get; }

    /// <summary>Multigrid: cycles (or CG iterations) after the full-multigrid start. MathNet: BiCgStab iterations (1 for the direct LU).</summary>
    public int Iterations { get; }

    /// <summary>
    /// Relative residuals (see <see cref="PoissonSolverOptions"/>): entry 0 before the first iteration (after the
    /// full-multigrid start, 1 without it), entry k after iteration k; <see cref="Iterations"/> + 1 entries. For
    /// MathNet's BiCgStab the entries are the residuals it reports (recursively updated), the last one recomputed
    /// from the returned solution.
    /// </summary>
    public IReadOnlyList<double> ResidualHistory { get; }

    /// <summary>The achieved relative residual <c>||f - A u||_2 / ||f - A u_0||_2</c> of <see cref="Values"/> (0 for a zero right-hand side).</summary>
    public double RelativeResidual { get; }

    /// <summary>Whether <see cref="RelativeResidual"/> reached the requested tolerance.</summary>
    public bool Converged { get; }

    /// <summary>The value at node <c>(i, j)</c>.</summary>
    /// <param name="i">Column index.</param>
    /// <param name="j">Row index.</param>
    public double this[int i, int j] => Values[Grid.Index(i, j)];

    /// <summary>Average reduction of the residual per iteration, <c>(r_k / r_0)^(1/k)</c> over the history (NaN without iterations).</summary>
    public double MeanConvergenceFactor =>
        Iterations == 0 || ResidualHistory[0] == 0 ? double.NaN : Math.Pow(ResidualHistory[^1] / ResidualHistory[0], 1.0 / Iterations);
}
