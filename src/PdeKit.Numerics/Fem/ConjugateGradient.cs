namespace PdeKit.Numerics.Fem;

/// <summary>Settings of <see cref="ConjugateGradient.Solve"/>.</summary>
public sealed record ConjugateGradientOptions
{
    /// <summary>Stop when <c>|b - A x| &lt;= Tolerance |b|</c>; positive.</summary>
    public double Tolerance { get; init; } = 1e-10;

    /// <summary>The most iterations; null for 10 n + 100 on an n x n system.</summary>
    public int? MaxIterations { get; init; }

    /// <summary>The preconditioner.</summary>
    public Preconditioner Preconditioner { get; init; } = Preconditioner.IncompleteCholesky;
}

/// <summary>How a conjugate-gradient solve went.</summary>
/// <param name="Converged">True when the tolerance was reached.</param>
/// <param name="Iterations">Iterations taken.</param>
/// <param name="RelativeResidual">The final <c>|b - A x| / |b|</c> (0 when b = 0).</param>
/// <param name="Preconditioner">The preconditioner used (Jacobi where incomplete Cholesky broke down).</param>
public readonly record struct ConjugateGradientResult(bool Converged, int Iterations, double RelativeResidual, Preconditioner Preconditioner);

/// <summary>Preconditioned conjugate gradients for symmetric positive definite sparse systems.</summary>
public static class ConjugateGradient
{
    /// <summary>Solves A x = b, starting from the given x.</summary>
    /// <param name="a">A symmetric positive definite matrix.</param>
    /// <param name="b">The right-hand side, length n.</param>
    /// <param name="x">The first guess on entry (zeros are fine), the solution on return; length n.</param>
    /// <param name="options">Tolerance, iteration limit and preconditioner; null for the defaults.</param>
    /// <returns>Whether and how it converged; it does not throw when the limit is reached.</returns>
    /// <exception cref="ArgumentException">A length is wrong, or the options are invalid.</exception>
    public static ConjugateGradientResult Solve(CsrMatrix a, ReadOnlySpan<double> b, Span<double> x, ConjugateGradientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        options ??= new ConjugateGradientOptions();
        int n = a.Size;
        if (b.Length != n || x.Length != n)
        {
            throw new ArgumentException($"The system has {n} unknowns but b has {b.Length} entries and x {x.Length}.", nameof(b));
        }

        if (!(options.Tolerance > 0))
        {
            throw new ArgumentException($"Tolerance must be positive, got {options.Tolerance}.", nameof(options));
        }

        int maxIterations = options.MaxIterations ?? ((10 * n) + 100);
        ArgumentOutOfRangeException.ThrowIfNegative(maxIterations, nameof(options.MaxIterations));
        var m = Preconditioners.Create(a, options.Preconditioner);
        double bNorm = Norm(b);
        if (bNorm == 0)
        {
            x.Clear();
            return new ConjugateGradientResult(true, 0, 0, m.Kind);
        }

        var r = new double[n];
        var z = new double[n];
        var p = new double[n];
        var q = new double[n];
        a.Multiply(x, r);
        for (int i = 0; i < n; i++)
        {
            r[i] = b[i] - r[i];
        }

        double residual = Norm(r) / bNorm;
        m.Apply(r, z);
        z.CopyTo(p, 0);
        double rz = Dot(r, z);
        int it = 0;
        while (residual > options.Tolerance && it < maxIterations)
        {
            a.Multiply(p, q);
            double pq = Dot(p, q);
            if (!(pq > 0))
            {
                throw new ArgumentException($"Conjugate gradients met p^T A p = {pq} at iteration {it}: the matrix is not positive definite.", nameof(a));
            }

            double alpha = rz / pq;
            for (int i = 0; i < n; i++)
            {
                x[i] += alpha * p[i];
                r[i] -= alpha * q[i];
            }

            it++;
            residual = Norm(r) / bNorm;
            m.Apply(r, z);
            double rzNext = Dot(r, z);
            double beta = rzNext / rz;
            rz = rzNext;
            for (int i = 0; i < n; i++)
            {
                p[i] = z[i] + (beta * p[i]);
            }
        }

        return new ConjugateGradientResult(residual <= options.Tolerance, it, residual, m.Kind);
    }

    private static double Dot(ReadOnlySpan<double> u, ReadOnlySpan<double> v)
    {
        double sum = 0;
        for (int i = 0; i < u.Length; i++)
        {
            sum += u[i] * v[i];
        }

        return sum;
    }

    private static double Norm(ReadOnlySpan<double> u) => Math.Sqrt(Dot(u, u));
}
