using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.LinearAlgebra.Double.Solvers;
using MathNet.Numerics.LinearAlgebra.Solvers;

namespace PdeKit.Numerics.Poisson;

/// <summary>
/// The fallback: the 5-point system over the active nodes assembled as a MathNet sparse matrix (the Dirichlet
/// values moved to the right-hand side) and solved by dense LU up to <see cref="MaxDenseUnknowns"/> unknowns,
/// by BiCgStab with an ILU(0) (or diagonal) preconditioner above.
/// </summary>
internal static class MathNetPoissonSolver
{
    /// <summary>Problems up to this many unknowns are solved directly by dense LU.</summary>
    internal const int MaxDenseUnknowns = 400;

    /// <summary>Solves on <paramref name="level"/> in place (its <c>U</c> becomes the solution).</summary>
    /// <param name="level">The finest level from <see cref="PoissonDiscretisation.Build"/>.</param>
    /// <param name="options">Tolerance and iteration limit.</param>
    public static PoissonSolution Solve(PoissonLevel level, PoissonSolverOptions options)
    {
        var runner = new RowRunner(1);
        double reference = StencilKernels.Residual(level, runner);
        if (reference == 0)
        {
            return new PoissonSolution(level.Grid, level.U, PoissonMethod.MathNet, 0, [0.0], options.Tolerance);
        }

        // Unknown numbering: the active nodes, row by row.
        int[] index = new int[level.Grid.NodeCount];
        Array.Fill(index, -1);
        int count = 0;
        for (int p = 0; p < index.Length; p++)
        {
            if (level.Mask.IsActive(p % level.Nx, p / level.Nx))
            {
                index[p] = count++;
            }
        }

        // R = F - A U with U zero at the active nodes is exactly the right-hand side with the boundary terms.
        var rhs = Vector<double>.Build.Dense(count);
        var entries = new List<(int, int, double)>(5 * count);
        for (int p = 0; p < index.Length; p++)
        {
            int k = index[p];
            if (k < 0)
            {
                continue;
            }

            rhs[k] = level.R[p];
            entries.Add((k, k, level.Diagonal(p)));
            AddCoupling(entries, k, index[p - 1], level.West(p));
            AddCoupling(entries, k, index[p + 1], level.East(p));
            AddCoupling(entries, k, index[p - level.Nx], level.South(p));
            AddCoupling(entries, k, index[p + level.Nx], level.North(p));
        }

        var matrix = SparseMatrix.OfIndexed(count, count, entries);
        Vector<double> x;
        int iterations;
        var history = new List<double> { 1.0 };
        if (count <= MaxDenseUnknowns)
        {
            x = DenseMatrix.OfMatrix(matrix).LU().Solve(rhs);
            iterations = 0;
        }
        else
        {
            var recorder = new ResidualRecorder(options.Tolerance, rhs.L2Norm(), history);
            var iterator = new Iterator<double>(recorder, new IterationCountStopCriterion<double>(options.MaxIterations));
            IPreconditioner<double> preconditioner = options.Preconditioner == MathNetPreconditioner.Diagonal ? new DiagonalPreconditioner() : new ILU0Preconditioner();
            x = Vector<double>.Build.Dense(count);
            new BiCgStab().Solve(matrix, rhs, x, iterator, preconditioner);
            iterations = history.Count - 1;
        }

        for (int p = 0; p < index.Length; p++)
        {
            if (index[p] >= 0)
            {
                level.U[p] = x[index[p]];
            }
        }

        // The true residual of the returned solution ends the history.
        double achieved = StencilKernels.Residual(level, runner) / reference;
        if (iterations == 0)
        {
            history.Add(achieved);
        }
        else
        {
            history[^1] = achieved;
        }

        return new PoissonSolution(level.Grid, level.U, PoissonMethod.MathNet, iterations, [.. history], options.Tolerance);
    }

    private static void AddCoupling(List<(int, int, double)> entries, int row, int column, double weight)
    {
        if (column >= 0)
        {
            entries.Add((row, column, -weight));
        }
    }

    /// <summary>Stops BiCgStab at <c>||r||_2 &lt;= tol ||b||_2</c> and records <c>||r||_2 / ||b||_2</c> per iteration.</summary>
    private sealed class ResidualRecorder(double tolerance, double rhsNorm, List<double> history) : IIterationStopCriterion<double>
    {
        public IterationStatus Status { get; private set; } = IterationStatus.Continue;

        public IterationStatus DetermineStatus(int iterationNumber, Vector<double> solutionVector, Vector<double> sourceVector, Vector<double> residualVector)
        {
            double relative = residualVector.L2Norm() / rhsNorm;
            history.Add(relative);
            Status = !double.IsFinite(relative) ? IterationStatus.Diverged
                : relative <= tolerance ? IterationStatus.Converged
                : IterationStatus.Continue;
            return Status;
        }

        public void Reset() => Status = IterationStatus.Continue;

        public IIterationStopCriterion<double> Clone() => new ResidualRecorder(tolerance, rhsNorm, history);
    }
}
