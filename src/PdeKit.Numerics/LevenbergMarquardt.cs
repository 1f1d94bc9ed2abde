using MathNet.Numerics.LinearAlgebra;

namespace PdeKit.Numerics;

/// <summary>Settings of <see cref="LevenbergMarquardt.Minimize"/>.</summary>
/// <param name="MaxIterations">Iteration limit.</param>
/// <param name="Tolerance">Stop when a step changes every parameter by less than this (absolute) or the cost by less than this (relative).</param>
/// <param name="JacobianStep">Central-difference step for the Jacobian.</param>
public sealed record LmOptions(int MaxIterations = 100, double Tolerance = 1e-8, double JacobianStep = 1e-5);

/// <summary>The outcome of a least-squares fit.</summary>
/// <param name="X">Parameters at the minimum.</param>
/// <param name="Residuals">Residuals at the minimum.</param>
/// <param name="Cost">Sum of squared residuals.</param>
/// <param name="StandardErrors">sqrt of the diagonal of s^2 (J^T J)^-1, s^2 = cost / (m - n), computed through the SVD of J (all NaN when m &lt;= n or J is rank-deficient to a condition number of 1e12).</param>
/// <param name="Iterations">Iterations taken.</param>
/// <param name="Converged">True when the tolerance was met before the iteration limit, or no damped step lowered a finite cost; false when the limit was hit or the residuals could not be evaluated near the last point.</param>
public sealed record LmResult(double[] X, double[] Residuals, double Cost, double[] StandardErrors, int Iterations, bool Converged);

/// <summary>
/// Levenberg-Marquardt nonlinear least squares with a central-difference Jacobian and Marquardt's
/// diagonal scaling (Marquardt 1963, SIAM J. Appl. Math. 11; Nocedal and Wright, Numerical
/// Optimization, ch. 10). For small problems: the normal equations are solved densely.
/// </summary>
public static class LevenbergMarquardt
{
    /// <summary>Minimizes sum_i r_i(x)^2 from <paramref name="x0"/>.</summary>
    /// <exception cref="ArgumentException">Empty or non-finite start, or residuals that are not finite at the start.</exception>
    public static LmResult Minimize(Func<double[], double[]> residuals, double[] x0, LmOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(residuals);
        ArgumentNullException.ThrowIfNull(x0);
        var o = options ?? new LmOptions();
        if (x0.Length == 0) throw new ArgumentException("there are no parameters to fit", nameof(x0));
        if (x0.Any(v => !double.IsFinite(v))) throw new ArgumentException("the starting parameters must be finite", nameof(x0));
        int n = x0.Length;
        var x = (double[])x0.Clone();
        var r = residuals(x);
        if (r.Length == 0 || r.Any(v => !double.IsFinite(v))) throw new ArgumentException("the residuals at the starting point are empty or not finite", nameof(x0));
        double cost = SumSquares(r), lambda = 1e-3;
        int it = 0;
        bool converged = false;
        Matrix<double> j = Jacobian(residuals, x, r.Length, o.JacobianStep);
        while (it < o.MaxIterations && !converged)
        {
            it++;
            var jt = j.Transpose();
            var a = jt * j;
            var g = jt * Vector<double>.Build.DenseOfArray(r);
            bool improved = false, anyFinite = false;
            for (int tries = 0; tries < 30 && !improved; tries++)
            {
                var damped = a.Clone();
                for (int i = 0; i < n; i++) damped[i, i] += lambda * Math.Max(a[i, i], 1e-12);
                var step = damped.Solve(-g).ToArray();
                var trial = x.Select((v, i) => v + step[i]).ToArray();
                double[] rt;
                try
                {
                    rt = residuals(trial);
                }
                catch (ArgumentException)
                {
                    rt = [];
                }
                double ct = rt.Length == r.Length && rt.All(double.IsFinite) ? SumSquares(rt) : double.PositiveInfinity;
                anyFinite |= double.IsFinite(ct);
                if (ct < cost)
                {
                    improved = true;
                    converged = step.All(s => Math.Abs(s) < o.Tolerance) || (cost - ct) / Math.Max(cost, 1e-300) < o.Tolerance;
                    x = trial;
                    r = rt;
                    cost = ct;
                    lambda = Math.Max(lambda / 3, 1e-12);
                }
                else
                {
                    lambda *= 4;
                }
            }
            if (!improved)
            {
                // No downhill step at any damping: a (local) minimum to working precision when the trial
                // residuals could be evaluated; when every trial failed (threw or gave non-finite values)
                // the model cannot be evaluated near x, and that is not convergence.
                converged = anyFinite;
                break;
            }
            if (!converged) j = Jacobian(residuals, x, r.Length, o.JacobianStep);
        }
        return new LmResult(x, r, cost, StandardErrors(Jacobian(residuals, x, r.Length, o.JacobianStep), cost, r.Length), it, converged);
    }

    private static double[] StandardErrors(Matrix<double> j, double cost, int m)
    {
        int n = j.ColumnCount;
        if (m <= n || j.Enumerate().Any(v => !double.IsFinite(v))) return Enumerable.Repeat(double.NaN, n).ToArray();
        // Covariance sigma^2 (J^T J)^-1 through the SVD of J, J = U S V^T: (J^T J)^-1 = V S^-2 V^T.
        // A (near) rank-deficient J leaves some parameter combination undetermined; every standard
        // error is then reported as NaN rather than a misleading finite (or zero) value.
        var svd = j.Svd(computeVectors: true);
        var s = svd.S;
        if (s.Count < n || !(s[0] > 0) || s[n - 1] / s[0] < 1e-12 || !s.All(double.IsFinite))
            return Enumerable.Repeat(double.NaN, n).ToArray();
        var v = svd.VT.Transpose();
        double sigma2 = cost / (m - n);
        var errors = new double[n];
        for (int i = 0; i < n; i++)
        {
            double variance = 0;
            for (int k = 0; k < n; k++) variance += v[i, k] * v[i, k] / (s[k] * s[k]);
            errors[i] = variance > 0 ? Math.Sqrt(variance * sigma2) : double.NaN;
        }
        return errors;
    }

    private static Matrix<double> Jacobian(Func<double[], double[]> f, double[] x, int m, double h)
    {
        var j = Matrix<double>.Build.Dense(m, x.Length);
        for (int k = 0; k < x.Length; k++)
        {
            double step = h * Math.Max(1, Math.Abs(x[k]));
            var xp = (double[])x.Clone();
            var xm = (double[])x.Clone();
            xp[k] += step;
            xm[k] -= step;
            var fp = f(xp);
            var fm = f(xm);
            for (int i = 0; i < m; i++) j[i, k] = (fp[i] - fm[i]) / (2 * step);
        }
        return j;
    }

    private static double SumSquares(double[] r) => r.Sum(v => v * v);
}
