using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Solvers;
using MathNet.Numerics.LinearAlgebra.Storage;

namespace PdeKit.Numerics.Poisson;

/// <summary>
/// Incomplete LU factorisation without fill-in, ILU(0), of a compressed-row sparse matrix, as a preconditioner for
/// MathNet's iterative solvers: Saad, "Iterative Methods for Sparse Linear Systems", 2nd ed., SIAM 2003,
/// Algorithm 10.4 (IKJ variant). Cost and memory O(nonzeros) for setup and each application.
/// </summary>
/// <remarks>
/// MathNet.Numerics 5.0's own <c>ILU0Preconditioner</c> computes the same factors but visits every column of every
/// row through the sparse indexer, O(n^2) per setup and per application: measured 2.2 s for 103 BiCgStab
/// iterations on 961 unknowns, where this class takes milliseconds. It is unusable beyond a few thousand unknowns.
/// Column indices must be sorted within rows, as MathNet keeps them.
/// </remarks>
internal sealed class CsrIlu0Preconditioner : IPreconditioner<double>
{
    private int[] rowPointers = [];
    private int[] columns = [];
    private int[] diagonal = [];
    private double[] factors = [];

    /// <summary>Factors <paramref name="matrix"/>, which must be a MathNet <c>SparseMatrix</c> with a full diagonal.</summary>
    public void Initialize(Matrix<double> matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        if (matrix.Storage is not SparseCompressedRowMatrixStorage<double> csr || matrix.RowCount != matrix.ColumnCount)
        {
            throw new ArgumentException("ILU(0) needs a square MathNet SparseMatrix (compressed-row storage).", nameof(matrix));
        }

        int n = matrix.RowCount;
        rowPointers = csr.RowPointers;
        columns = csr.ColumnIndices;
        factors = csr.Values[..csr.ValueCount];
        diagonal = new int[n];
        var position = new int[n];
        Array.Fill(position, -1);
        for (int i = 0; i < n; i++)
        {
            diagonal[i] = -1;
            for (int q = rowPointers[i]; q < rowPointers[i + 1]; q++)
            {
                position[columns[q]] = q;
                if (columns[q] == i)
                {
                    diagonal[i] = q;
                }
            }

            if (diagonal[i] < 0)
            {
                throw new ArgumentException($"ILU(0) needs a stored diagonal; row {i} has none.", nameof(matrix));
            }

            // Eliminate with the earlier rows k < i of row i's pattern, dropping fill outside the pattern.
            for (int q = rowPointers[i]; q < diagonal[i]; q++)
            {
                int k = columns[q];
                double lik = factors[q] / factors[diagonal[k]];
                factors[q] = lik;
                for (int r = diagonal[k] + 1; r < rowPointers[k + 1]; r++)
                {
                    int at = position[columns[r]];
                    if (at >= 0)
                    {
                        factors[at] -= lik * factors[r];
                    }
                }
            }

            for (int q = rowPointers[i]; q < rowPointers[i + 1]; q++)
            {
                position[columns[q]] = -1;
            }
        }
    }

    /// <summary>Solves <c>L U lhs = rhs</c> (unit lower L, upper U from the factors).</summary>
    public void Approximate(Vector<double> rhs, Vector<double> lhs)
    {
        ArgumentNullException.ThrowIfNull(rhs);
        ArgumentNullException.ThrowIfNull(lhs);
        double[] b = rhs.Storage is DenseVectorStorage<double> bs ? bs.Data : rhs.ToArray();
        double[] x = lhs.Storage is DenseVectorStorage<double> xs ? xs.Data : new double[lhs.Count];
        int n = diagonal.Length;
        for (int i = 0; i < n; i++)
        {
            double sum = b[i];
            for (int q = rowPointers[i]; q < diagonal[i]; q++)
            {
                sum -= factors[q] * x[columns[q]];
            }

            x[i] = sum;
        }

        for (int i = n - 1; i >= 0; i--)
        {
            double sum = x[i];
            for (int q = diagonal[i] + 1; q < rowPointers[i + 1]; q++)
            {
                sum -= factors[q] * x[columns[q]];
            }

            x[i] = sum / factors[diagonal[i]];
        }

        if (lhs.Storage is not DenseVectorStorage<double>)
        {
            lhs.SetValues(x);
        }
    }
}
