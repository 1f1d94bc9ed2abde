using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.LinearAlgebra.Double.Solvers;
using MathNet.Numerics.LinearAlgebra.Solvers;
using MathNet.Numerics.LinearAlgebra.Storage;

namespace PdeKit.Numerics.Poisson;

/// <summary>
/// The fallback: the 5-point system over the active nodes assembled as a MathNet sparse matrix (the Dirichlet
/// values moved to the right-hand side) and solved by dense LU up to <see cref="MaxDenseUnknowns"/> unknowns,
/// by MathNet's BiCgStab above, preconditioned by ILU(0) (<see cref="CsrIlu0Preconditioner"/>, not MathNet's own,
/// which is O(n^2)) or by MathNet's diagonal preconditioner.
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
        SparseMatrix matrix = Assemble(level, index, count, rhs);
        Vector<double> x;
        int iterations;
        var history = new List<double> { 1.0 };
        if (count <= MaxDenseUnknowns)
        {
            x = DenseMatrix.OfMatrix(matrix).LU().Solve(rhs);
            iterations = 1;
            history.Add(double.NaN);
        }
        else
        {
            var recorder = new ResidualRecorder(options.Tolerance, Norm(rhs), history);
            var iterator = new Iterator<double>(recorder, new IterationCountStopCriterion<double>(options.MaxIterations));
            IPreconditioner<double> preconditioner = options.Preconditioner == MathNetPreconditioner.Diagonal
                ? new DiagonalPreconditioner()
                : new CsrIlu0Preconditioner();
            x = Vector<double>.Build.Dense(count);
            try
            {
                new BiCgStab().Solve(matrix, rhs, x, iterator, preconditioner);
            }
            catch (Exception e) when (e.GetType() == typeof(Exception))
            {
                // MathNet signals a rho or omega breakdown with a bare Exception.
                throw new InvalidOperationException($"MathNet's BiCgStab broke down ({e.Message}); use PoissonMethod.Multigrid.", e);
            }

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
        history[^1] = StencilKernels.Residual(level, runner) / reference;

        return new PoissonSolution(level.Grid, level.U, PoissonMethod.MathNet, iterations, [.. history], options.Tolerance);
    }

    /// <summary>The matrix over the active nodes in compressed-row form, built directly (columns ascend in each row).</summary>
    private static SparseMatrix Assemble(PoissonLevel level, int[] index, int count, Vector<double> rhs)
    {
        int nx = level.Nx;
        var rowPointers = new int[count + 1];
        var columns = new List<int>(5 * count);
        var values = new List<double>(5 * count);
        for (int p = 0; p < index.Length; p++)
        {
            int k = index[p];
            if (k < 0)
            {
                continue;
            }

            rhs[k] = level.R[p];
            rowPointers[k] = columns.Count;
            Add(columns, values, index[p - nx], -level.South(p));
            Add(columns, values, index[p - 1], -level.West(p));
            Add(columns, values, k, level.Diagonal(p));
            Add(columns, values, index[p + 1], -level.East(p));
            Add(columns, values, index[p + nx], -level.North(p));
        }

        rowPointers[count] = columns.Count;
        return new SparseMatrix(SparseCompressedRowMatrixStorage<double>.OfCompressedSparseRowFormat(
            count, count, columns.Count, rowPointers, [.. columns], [.. values]));
    }

    private static void Add(List<int> columns, List<double> values, int column, double value)
    {
        if (column >= 0)
        {
            columns.Add(column);
            values.Add(value);
        }
    }

    /// <summary>The 2-norm, plainly summed (MathNet's <c>L2Norm</c> guards against overflow and is about 40 times slower).</summary>
    private static double Norm(Vector<double> v)
    {
        double sum = 0;
        foreach (double x in v.Storage is DenseVectorStorage<double> d ? d.Data : v.ToArray())
        {
            sum += x * x;
        }

        return Math.Sqrt(sum);
    }

    /// <summary>Stops BiCgStab at <c>||r||_2 &lt;= tol ||b||_2</c> (or after 200 iterations without progress) and records <c>||r||_2 / ||b||_2</c> per iteration.</summary>
    private sealed class ResidualRecorder(double tolerance, double rhsNorm, List<double> history) : IIterationStopCriterion<double>
    {
        /// <summary>Iterations without a new smallest residual (by 1 %) after which the rounding floor is assumed.</summary>
        private const int StagnationIterations = 200;

        private bool started;
        private double best = double.PositiveInfinity;
        private int bestIteration;

        public IterationStatus Status { get; private set; } = IterationStatus.Continue;

        public IterationStatus DetermineStatus(int iterationNumber, Vector<double> solutionVector, Vector<double> sourceVector, Vector<double> residualVector)
        {
            double relative = Norm(residualVector) / rhsNorm;

            // BiCgStab asks several times per iteration (the first time with the initial residual): keep the
            // latest value for each iteration number.
            if (started)
            {
                if (history.Count > iterationNumber + 1)
                {
                    history[iterationNumber + 1] = relative;
                }
                else
                {
                    history.Add(relative);
                }
            }

            started = true;
            if (relative < 0.99 * best)
            {
                best = relative;
                bestIteration = iterationNumber;
            }

            Status = !double.IsFinite(relative) ? IterationStatus.Diverged
                : relative <= tolerance ? IterationStatus.Converged
                : iterationNumber - bestIteration >= StagnationIterations ? IterationStatus.StoppedWithoutConvergence
                : IterationStatus.Continue;
            return Status;
        }

        public void Reset()
        {
            Status = IterationStatus.Continue;
            started = false;
            best = double.PositiveInfinity;
            bestIteration = 0;
        }

        public IIterationStopCriterion<double> Clone() => new ResidualRecorder(tolerance, rhsNorm, history);
    }
}
