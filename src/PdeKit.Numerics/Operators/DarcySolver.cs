using PdeKit.Numerics.Poisson;

namespace PdeKit.Numerics.Operators;

/// <summary>
/// The Darcy-flow data solver: <c>-div(a grad u) = f</c> on the unit square with <c>u = 0</c> on the boundary, for a
/// permeability <c>a</c> given at the n x n nodes, solved by the conservative 5-point scheme and multigrid of
/// <see cref="PoissonSolver"/>. The face coefficient is the harmonic mean of the two nodes it joins (the flux-continuous
/// choice for piecewise-constant media, exact for a layered medium).
/// </summary>
public sealed class DarcySolver
{
    /// <summary>Creates a solver for n x n nodes.</summary>
    /// <param name="n">Nodes per side, at least 3 (multigrid sizes: see <see cref="PoissonSolver"/>; 2^k + 1 and 21 * 2^k + 1 such as 85 work).</param>
    /// <param name="source">Constant right-hand side f (default 1, the FNO paper's Darcy data), finite.</param>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 3 or a non-finite source.</exception>
    public DarcySolver(int n, double source = 1.0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 3);
        if (!double.IsFinite(source)) throw new ArgumentOutOfRangeException(nameof(source), source, "The Darcy source term must be finite.");
        N = n;
        Source = source;
    }

    /// <summary>Nodes per side.</summary>
    public int N { get; }

    /// <summary>The constant right-hand side f.</summary>
    public double Source { get; }

    /// <summary>
    /// Solver settings (default: multigrid-preconditioned CG to a relative residual of 1e-10, robust to the jumps; the
    /// multigrid path also for small grids, where its coarsest level is a direct solve).
    /// </summary>
    public PoissonSolverOptions Options { get; init; } = new() { Method = PoissonMethod.Multigrid, Acceleration = MultigridAcceleration.ConjugateGradient, Tolerance = 1e-10 };

    /// <summary>Solves for the pressure u given the nodal permeability.</summary>
    /// <param name="permeability">n * n positive finite values, row-major <c>[j * n + i]</c> at <c>(x_i, y_j)</c>.</param>
    /// <returns>u at the nodes, same layout, zero on the boundary.</returns>
    /// <exception cref="ArgumentException">Wrong length or a non-positive or non-finite permeability.</exception>
    /// <exception cref="InvalidOperationException">The linear solver did not converge.</exception>
    public double[] Solve(ReadOnlySpan<double> permeability)
    {
        int n = N;
        if (permeability.Length != n * n) throw new ArgumentException($"The permeability has {permeability.Length} values; a {n} x {n} grid needs {n * n}.", nameof(permeability));
        var a = permeability.ToArray();
        for (int p = 0; p < a.Length; p++)
        {
            if (!double.IsFinite(a[p]) || a[p] <= 0) throw new ArgumentException($"The permeability must be positive and finite; node ({p % n}, {p / n}) has {a[p]}.", nameof(permeability));
        }

        double h = 1.0 / (n - 1);
        double Node(int i, int j) => a[(Math.Clamp(j, 0, n - 1) * n) + Math.Clamp(i, 0, n - 1)];
        double Coefficient(double x, double y)
        {
            double fx = x / h, fy = y / h;
            int i = (int)Math.Floor(fx + 1e-9), j = (int)Math.Floor(fy + 1e-9);
            bool xFace = fx - i > 0.25; // (x_i + h/2, y_j): joins (i, j) and (i + 1, j)
            int jr = (int)Math.Round(fy), ir = (int)Math.Round(fx);
            double left = xFace ? Node(i, jr) : Node(ir, j);
            double right = xFace ? Node(i + 1, jr) : Node(ir, j + 1);
            return 2 * left * right / (left + right);
        }

        double f = Source;
        var problem = new PoissonProblem(UniformGrid2D.UnitSquare(n), (_, _) => f, (_, _) => 0.0) { Coefficient = Coefficient };
        var solution = PoissonSolver.Solve(problem, Options);
        if (!solution.Converged) throw new InvalidOperationException($"The Darcy solve on {n} x {n} nodes did not converge (relative residual {solution.RelativeResidual:E2}).");
        return solution.Values;
    }

    /// <summary>The FNO paper's permeability: 12 where the field is non-negative, 3 where it is negative.</summary>
    /// <param name="field">Gaussian-random-field values.</param>
    /// <param name="high">Value on the non-negative part (default 12).</param>
    /// <param name="low">Value on the negative part (default 3).</param>
    /// <returns>The thresholded permeability, same layout.</returns>
    public static double[] Threshold(ReadOnlySpan<double> field, double high = 12, double low = 3)
    {
        var a = new double[field.Length];
        for (int p = 0; p < a.Length; p++) a[p] = field[p] >= 0 ? high : low;
        return a;
    }
}
