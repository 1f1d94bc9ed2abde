namespace PdeKit.Numerics.Fem;

/// <summary>The preconditioner of <see cref="ConjugateGradient"/>.</summary>
public enum Preconditioner
{
    /// <summary>None: plain conjugate gradients.</summary>
    None,

    /// <summary>Jacobi: divide by the diagonal.</summary>
    Jacobi,

    /// <summary>
    /// Incomplete Cholesky without fill-in, IC(0): L L^T on the matrix's own sparsity pattern. Falls back to
    /// Jacobi when a pivot is not positive (possible for matrices that are not M-matrices).
    /// </summary>
    IncompleteCholesky,
}

/// <summary>Applies z = M^-1 r for a preconditioner M.</summary>
internal interface IPreconditioner
{
    Preconditioner Kind { get; }

    void Apply(ReadOnlySpan<double> r, Span<double> z);
}

/// <summary>Builds preconditioners.</summary>
internal static class Preconditioners
{
    public static IPreconditioner Create(CsrMatrix a, Preconditioner kind) => kind switch
    {
        Preconditioner.None => new Identity(),
        Preconditioner.Jacobi => Jacobi.Create(a),
        Preconditioner.IncompleteCholesky => (IPreconditioner?)IncompleteCholesky.TryCreate(a) ?? Jacobi.Create(a),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown preconditioner."),
    };

    private sealed class Identity : IPreconditioner
    {
        public Preconditioner Kind => Preconditioner.None;

        public void Apply(ReadOnlySpan<double> r, Span<double> z) => r.CopyTo(z);
    }

    private sealed class Jacobi : IPreconditioner
    {
        private readonly double[] inverse;

        private Jacobi(double[] inverse) => this.inverse = inverse;

        public Preconditioner Kind => Preconditioner.Jacobi;

        public static Jacobi Create(CsrMatrix a)
        {
            var d = a.Diagonal();
            for (int i = 0; i < d.Length; i++)
            {
                if (!(d[i] > 0))
                {
                    throw new ArgumentException($"The matrix has a diagonal entry {d[i]} at row {i}; a symmetric positive definite matrix has positive diagonal entries.");
                }

                d[i] = 1 / d[i];
            }

            return new Jacobi(d);
        }

        public void Apply(ReadOnlySpan<double> r, Span<double> z)
        {
            for (int i = 0; i < r.Length; i++)
            {
                z[i] = inverse[i] * r[i];
            }
        }
    }

    /// <summary>IC(0): the lower factor L stored by rows (strictly lower entries, then the diagonal apart).</summary>
    private sealed class IncompleteCholesky : IPreconditioner
    {
        private readonly int[] start;
        private readonly int[] cols;
        private readonly double[] vals;
        private readonly double[] diag;

        private IncompleteCholesky(int[] start, int[] cols, double[] vals, double[] diag)
            => (this.start, this.cols, this.vals, this.diag) = (start, cols, vals, diag);

        public Preconditioner Kind => Preconditioner.IncompleteCholesky;

        public static IncompleteCholesky? TryCreate(CsrMatrix a)
        {
            int n = a.Size;
            var rs = a.RowStart;
            var ac = a.Columns;
            var av = a.Values;
            var start = new int[n + 1];
            for (int i = 0; i < n; i++)
            {
                int lower = 0;
                for (int p = rs[i]; p < rs[i + 1] && ac[p] < i; p++)
                {
                    lower++;
                }

                start[i + 1] = start[i] + lower;
            }

            var cols = new int[start[n]];
            var vals = new double[start[n]];
            var diag = new double[n];
            for (int i = 0; i < n; i++)
            {
                int q = start[i];
                for (int p = rs[i]; p < rs[i + 1] && ac[p] < i; p++, q++)
                {
                    int k = ac[p];
                    cols[q] = k;
                    // L_ik = (A_ik - sum_{j<k} L_ij L_kj) / L_kk, over the shared pattern.
                    vals[q] = (av[p] - SparseDot(cols, vals, start[i], q, start[k], start[k + 1])) / diag[k];
                }

                double pivot = a[i, i] - SparseDot(cols, vals, start[i], start[i + 1], start[i], start[i + 1]);
                if (!(pivot > 0) || !double.IsFinite(pivot))
                {
                    return null;
                }

                diag[i] = Math.Sqrt(pivot);
            }

            return new IncompleteCholesky(start, cols, vals, diag);
        }

        /// <summary>Sum over common columns of two sorted sparse rows.</summary>
        private static double SparseDot(int[] cols, double[] vals, int p, int pEnd, int q, int qEnd)
        {
            double sum = 0;
            while (p < pEnd && q < qEnd)
            {
                int cp = cols[p], cq = cols[q];
                if (cp == cq)
                {
                    sum += vals[p++] * vals[q++];
                }
                else if (cp < cq)
                {
                    p++;
                }
                else
                {
                    q++;
                }
            }

            return sum;
        }

        public void Apply(ReadOnlySpan<double> r, Span<double> z)
        {
            int n = diag.Length;
            for (int i = 0; i < n; i++)
            {
                double sum = r[i];
                for (int p = start[i]; p < start[i + 1]; p++)
                {
                    sum -= vals[p] * z[cols[p]];
                }

                z[i] = sum / diag[i];
            }

            for (int i = n - 1; i >= 0; i--)
            {
                z[i] /= diag[i];
                double zi = z[i];
                for (int p = start[i]; p < start[i + 1]; p++)
                {
                    z[cols[p]] -= vals[p] * zi;
                }
            }
        }
    }
}
