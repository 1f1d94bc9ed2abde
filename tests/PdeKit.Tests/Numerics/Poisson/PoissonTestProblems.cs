using PdeKit.Numerics.Poisson;

namespace PdeKit.Tests.Numerics.Poisson;

/// <summary>Manufactured solutions and error norms shared by the Poisson tests.</summary>
internal static class PoissonTestProblems
{
    /// <summary>Tight enough that the algebraic error is far below the discretisation error.</summary>
    public static readonly PoissonSolverOptions Tight = new() { Method = PoissonMethod.Multigrid, Tolerance = 1e-11 };

    /// <summary><c>-Laplace(u) = f</c> on the unit square for <c>u = sin(k pi x) sin(k pi y)</c>.</summary>
    public static PoissonProblem SineProblem(int n, int k)
    {
        double kp = k * Math.PI;
        return PoissonProblem.UnitSquare(n, (x, y) => 2 * kp * kp * Math.Sin(kp * x) * Math.Sin(kp * y), (x, y) => 0.0);
    }

    public static Func<double, double, double> Sine(int k) => (x, y) => Math.Sin(k * Math.PI * x) * Math.Sin(k * Math.PI * y);

    /// <summary>a = 1 + x^2 + y and u = sin(pi x) sin(pi y) + x y^2 (non-zero Dirichlet data on two sides).</summary>
    public static double VariableA(double x, double y) => 1 + (x * x) + y;

    public static double VariableU(double x, double y) => (Math.Sin(Math.PI * x) * Math.Sin(Math.PI * y)) + (x * y * y);

    /// <summary>f = -div(a grad u) = -(a (u_xx + u_yy) + a_x u_x + a_y u_y) with a_x = 2x, a_y = 1.</summary>
    public static double VariableF(double x, double y)
    {
        double s = Math.Sin(Math.PI * x) * Math.Sin(Math.PI * y);
        double ux = (Math.PI * Math.Cos(Math.PI * x) * Math.Sin(Math.PI * y)) + (y * y);
        double uy = (Math.PI * Math.Sin(Math.PI * x) * Math.Cos(Math.PI * y)) + (2 * x * y);
        double laplace = (-2 * Math.PI * Math.PI * s) + (2 * x);
        return -((VariableA(x, y) * laplace) + (2 * x * ux) + uy);
    }

    /// <summary>
    /// The harmonic function <c>r^(2/3) sin(2 theta / 3)</c> with theta = atan2(y, x) taken in [0, 2 pi). On the
    /// L-shape (the quadrant x &gt;= 0, y &lt;= 0 removed) theta runs over [0, 3 pi / 2]: the jump of the angle at
    /// theta = 0 / 2 pi lies on the positive x axis, an edge of the domain, approached from inside only through
    /// theta = 0, so the data are continuous on the closed domain and vanish on both re-entrant edges
    /// (theta = 0 and theta = 3 pi / 2).
    /// </summary>
    public static double LShapeExact(double x, double y)
    {
        double r = Math.Sqrt((x * x) + (y * y));
        if (r == 0)
        {
            return 0;
        }

        double theta = Math.Atan2(y, x);
        if (theta < 0)
        {
            theta += 2 * Math.PI;
        }

        return Math.Pow(r, 2.0 / 3.0) * Math.Sin(2 * theta / 3);
    }

    /// <summary>Max-norm and discrete L2 (<c>sqrt(hx hy sum e^2)</c>) errors over the active nodes.</summary>
    public static (double Max, double L2) Errors(PoissonSolution solution, NodeMask? mask, Func<double, double, double> exact)
    {
        UniformGrid2D g = solution.Grid;
        double max = 0, sum = 0;
        for (int j = 0; j < g.Ny; j++)
        {
            for (int i = 0; i < g.Nx; i++)
            {
                bool active = mask?.IsActive(i, j) ?? (i > 0 && j > 0 && i < g.Nx - 1 && j < g.Ny - 1);
                if (!active)
                {
                    continue;
                }

                double e = Math.Abs(solution[i, j] - exact(g.X(i), g.Y(j)));
                max = Math.Max(max, e);
                sum += e * e;
            }
        }

        return (max, Math.Sqrt(g.Hx * g.Hy * sum));
    }

    /// <summary>Observed orders <c>log2(e_k / e_{k+1})</c> between successive halvings of h.</summary>
    public static double[] Orders(IReadOnlyList<double> errors) =>
        [.. Enumerable.Range(0, errors.Count - 1).Select(k => Math.Log2(errors[k] / errors[k + 1]))];

    /// <summary>
    /// The asymptotic residual reduction per cycle: the geometric mean over the cycles after the first two
    /// (transient) and before the residual reaches 1e-9 (far from the rounding floor).
    /// </summary>
    public static double AsymptoticFactor(PoissonSolution solution)
    {
        IReadOnlyList<double> h = solution.ResidualHistory;
        int last = 2;
        while (last < h.Count - 1 && h[last] > 1e-9)
        {
            last++;
        }

        return Math.Pow(h[last] / h[2], 1.0 / (last - 2));
    }
}
