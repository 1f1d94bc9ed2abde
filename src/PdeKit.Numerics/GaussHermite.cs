using System.Collections.Concurrent;

namespace PdeKit.Numerics;

/// <summary>
/// Gauss-Hermite quadrature for the physicists' weight <c>exp(-x^2)</c> on the real line:
/// <c>Int f(x) exp(-x^2) dx ~ Sum_i w_i f(x_i)</c>, exact for polynomials of degree up to <c>2n - 1</c>.
/// </summary>
/// <remarks>
/// Golub-Welsch: the nodes are the eigenvalues of the symmetric tridiagonal Jacobi matrix (zero diagonal,
/// off-diagonal <c>sqrt(k/2)</c>, k = 1..n-1), found by implicit QL, then polished by Newton's method on the
/// orthonormal Hermite recurrence. The weights are not taken from the eigenvectors (whose first components
/// carry an absolute, not relative, error near 1e-16, useless for the tiny outer weights) but from the
/// Christoffel formula <c>w_i = 1 / Sum_{k&lt;n} p_k(x_i)^2</c> with the orthonormal polynomials p_k,
/// evaluated in logarithms with rescaling, so every weight has full relative accuracy until it underflows
/// (about n &gt; 350, where the outermost weights fall below 1e-308 and are returned as 0).
/// </remarks>
public static class GaussHermite
{
    private static readonly ConcurrentDictionary<int, (double[] Nodes, double[] LogWeights)> Cache = new();

    /// <summary>The n-point Gauss-Hermite rule (weight <c>exp(-x^2)</c>), nodes ascending.</summary>
    /// <param name="n">Number of nodes, at least 1.</param>
    /// <returns>Nodes (ascending, symmetric about 0) and their weights (summing to <c>sqrt(pi)</c>).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is below 1.</exception>
    public static (double[] Nodes, double[] Weights) Rule(int n)
    {
        var (nodes, logWeights) = LogRule(n);
        nodes = (double[])nodes.Clone();
        var weights = new double[n];
        for (int i = 0; i < n; i++)
        {
            weights[i] = Math.Exp(logWeights[i]);
        }

        return (nodes, weights);
    }

    /// <summary>
    /// The n-point rule with the natural logarithms of the weights (no underflow for any n). The arrays are
    /// cached and shared: callers must not modify them.
    /// </summary>
    internal static (double[] Nodes, double[] LogWeights) LogRule(int n)
    {
        if (n < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, $"A Gauss-Hermite rule needs at least 1 node, got n = {n}.");
        }

        return Cache.GetOrAdd(n, Compute);
    }

    private static (double[] Nodes, double[] LogWeights) Compute(int n)
    {

        var nodes = new double[n];
        var offDiagonal = new double[n];
        for (int k = 1; k < n; k++)
        {
            offDiagonal[k - 1] = Math.Sqrt(k / 2.0);
        }

        TridiagonalEigenvalues(nodes, offDiagonal);
        Array.Sort(nodes);

        var logWeights = new double[n];
        for (int i = 0; i < n; i++)
        {
            double x = nodes[i];
            for (int iteration = 0; iteration < 8; iteration++)
            {
                double step = Evaluate(n, x).NewtonStep;
                x -= step;
                if (Math.Abs(step) <= 1e-16 * Math.Max(1.0, Math.Abs(x)))
                {
                    break;
                }
            }

            nodes[i] = x;
            logWeights[i] = -Evaluate(n, x).LogSumOfSquares;
        }

        // Enforce the exact symmetry of the rule (the polished halves agree to rounding).
        for (int i = 0; i < n / 2; i++)
        {
            int j = n - 1 - i;
            double x = 0.5 * (nodes[j] - nodes[i]);
            double lw = 0.5 * (logWeights[i] + logWeights[j]);
            nodes[i] = -x;
            nodes[j] = x;
            logWeights[i] = lw;
            logWeights[j] = lw;
        }

        if (n % 2 == 1)
        {
            nodes[n / 2] = 0.0;
        }

        return (nodes, logWeights);
    }

    /// <summary>
    /// Runs the orthonormal recurrence <c>p_{k+1} = (x p_k - sqrt(k/2) p_{k-1}) / sqrt((k+1)/2)</c>,
    /// <c>p_0 = pi^(-1/4)</c>, with its derivative; returns <c>p_n / p_n'</c> and <c>log Sum_{k&lt;n} p_k^2</c>.
    /// </summary>
    private static (double NewtonStep, double LogSumOfSquares) Evaluate(int n, double x)
    {
        const double Rescale = 1e-100;
        double logRescale = Math.Log(1e100);
        double p = Math.Pow(Math.PI, -0.25);
        double pPrevious = 0;
        double dp = 0;
        double dpPrevious = 0;
        double sum = 0;
        double logScale = 0;
        for (int k = 0; k < n; k++)
        {
            sum += p * p;
            double bk = Math.Sqrt(k / 2.0);
            double bNext = Math.Sqrt((k + 1) / 2.0);
            double pNext = ((x * p) - (bk * pPrevious)) / bNext;
            double dpNext = (p + (x * dp) - (bk * dpPrevious)) / bNext;
            pPrevious = p;
            p = pNext;
            dpPrevious = dp;
            dp = dpNext;
            if (Math.Abs(p) > 1e100 || Math.Abs(dp) > 1e100)
            {
                p *= Rescale;
                pPrevious *= Rescale;
                dp *= Rescale;
                dpPrevious *= Rescale;
                sum *= Rescale * Rescale;
                logScale += logRescale;
            }
        }

        return (p / dp, Math.Log(sum) + (2.0 * logScale));
    }

    /// <summary>
    /// Eigenvalues of a symmetric tridiagonal matrix by the implicit QL method with Wilkinson shifts
    /// (EISPACK tql1). On entry <paramref name="d"/> holds the diagonal and <paramref name="e"/>[i] the
    /// element coupling rows i and i+1 (the last entry unused); on exit <paramref name="d"/> holds the
    /// eigenvalues (unordered) and <paramref name="e"/> is destroyed.
    /// </summary>
    private static void TridiagonalEigenvalues(double[] d, double[] e)
    {
        int n = d.Length;
        for (int l = 0; l < n; l++)
        {
            int iterations = 0;
            while (true)
            {
                int m = l;
                for (; m < n - 1; m++)
                {
                    double dd = Math.Abs(d[m]) + Math.Abs(d[m + 1]);
                    if (Math.Abs(e[m]) <= double.Epsilon + (1.1102230246251565e-16 * dd))
                    {
                        break;
                    }
                }

                if (m == l)
                {
                    break;
                }

                if (++iterations > 100)
                {
                    throw new InvalidOperationException($"The QL iteration did not converge for eigenvalue {l} of {n}.");
                }

                double g = (d[l + 1] - d[l]) / (2.0 * e[l]);
                double r = Hypot(g, 1.0);
                g = d[m] - d[l] + (e[l] / (g + Math.CopySign(r, g)));
                double s = 1.0;
                double c = 1.0;
                double p = 0.0;
                bool deflated = false;
                for (int i = m - 1; i >= l; i--)
                {
                    double f = s * e[i];
                    double b = c * e[i];
                    r = Hypot(f, g);
                    e[i + 1] = r;
                    if (r == 0.0)
                    {
                        d[i + 1] -= p;
                        e[m] = 0.0;
                        deflated = true;
                        break;
                    }

                    s = f / r;
                    c = g / r;
                    g = d[i + 1] - p;
                    r = ((d[i] - g) * s) + (2.0 * c * b);
                    p = s * r;
                    d[i + 1] = g + p;
                    g = (c * r) - b;
                }

                if (deflated)
                {
                    continue;
                }

                d[l] -= p;
                e[l] = g;
                e[m] = 0.0;
            }
        }
    }

    private static double Hypot(double a, double b)
    {
        double x = Math.Abs(a);
        double y = Math.Abs(b);
        if (x < y)
        {
            (x, y) = (y, x);
        }

        if (x == 0.0)
        {
            return 0.0;
        }

        double ratio = y / x;
        return x * Math.Sqrt(1.0 + (ratio * ratio));
    }
}
