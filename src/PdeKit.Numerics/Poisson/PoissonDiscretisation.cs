using System.Globalization;

namespace PdeKit.Numerics.Poisson;

/// <summary>Samples and checks a <see cref="PoissonProblem"/> into the finest <see cref="PoissonLevel"/>.</summary>
internal static class PoissonDiscretisation
{
    /// <summary>
    /// The finest level: <c>F</c> = f at the active nodes, <c>U</c> = g at the inactive nodes and 0 at the active
    /// ones, and the face coefficients.
    /// </summary>
    /// <exception cref="ArgumentException">A mismatched mask, or a non-finite f, g or a, or a &lt;= 0; the message names the point.</exception>
    public static PoissonLevel Build(PoissonProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        UniformGrid2D grid = problem.Grid ?? throw new ArgumentException("The problem has no grid.", nameof(problem));
        NodeMask mask = problem.Mask ?? NodeMask.Rectangle(grid);
        if (mask.Grid != grid)
        {
            throw new ArgumentException(
                $"The mask was built for {mask.Grid} but the problem's grid is {grid}; build the mask on the problem's grid.",
                nameof(problem));
        }

        double[]? ax = null, ay = null;
        if (problem.Coefficient is { } a)
        {
            (ax, ay) = SampleCoefficient(grid, a);
        }

        var level = new PoissonLevel(grid, mask, ax, ay);
        Func<double, double, double> f = problem.Source ?? throw new ArgumentException("The problem has no source.", nameof(problem));
        Func<double, double, double> g = problem.BoundaryValue ?? throw new ArgumentException("The problem has no boundary value.", nameof(problem));
        for (int j = 0; j < grid.Ny; j++)
        {
            double y = grid.Y(j);
            for (int i = 0; i < grid.Nx; i++)
            {
                double x = grid.X(i);
                int p = grid.Index(i, j);
                if (mask.IsActive(i, j))
                {
                    level.F[p] = Finite(f(x, y), "source f", x, y);
                }
                else
                {
                    level.U[p] = Finite(g(x, y), "boundary value g", x, y);
                }
            }
        }

        return level;
    }

    private static (double[] Ax, double[] Ay) SampleCoefficient(UniformGrid2D grid, Func<double, double, double> a)
    {
        var ax = new double[grid.NodeCount];
        var ay = new double[grid.NodeCount];
        for (int j = 0; j < grid.Ny; j++)
        {
            double y = grid.Y(j);
            double yFace = j < grid.Ny - 1 ? 0.5 * (y + grid.Y(j + 1)) : double.NaN;
            for (int i = 0; i < grid.Nx; i++)
            {
                double x = grid.X(i);
                int p = grid.Index(i, j);
                if (i < grid.Nx - 1)
                {
                    double xFace = 0.5 * (x + grid.X(i + 1));
                    ax[p] = Positive(a(xFace, y), xFace, y);
                }

                if (j < grid.Ny - 1)
                {
                    ay[p] = Positive(a(x, yFace), x, yFace);
                }
            }
        }

        return (ax, ay);
    }

    private static double Finite(double value, string what, double x, double y)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException(string.Create(
                CultureInfo.InvariantCulture, $"The {what} is {value} at (x, y) = ({x}, {y}); it must be finite at every node where it is used."));
        }

        return value;
    }

    private static double Positive(double value, double x, double y)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException(string.Create(
                CultureInfo.InvariantCulture,
                $"The coefficient a is {value} at the face midpoint (x, y) = ({x}, {y}); it must be finite at every face midpoint of the rectangle."));
        }

        if (value <= 0)
        {
            throw new ArgumentException(string.Create(
                CultureInfo.InvariantCulture,
                $"The coefficient a is {value} at the face midpoint (x, y) = ({x}, {y}); it must be positive (the operator -div(a grad u) is elliptic only for a > 0)."));
        }

        return value;
    }
}
