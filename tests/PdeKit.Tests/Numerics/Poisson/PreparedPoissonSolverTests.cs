using PdeKit.Numerics;
using PdeKit.Numerics.Poisson;

namespace PdeKit.Tests.Numerics.Poisson;

public class PreparedPoissonSolverTests
{
    [Test]
    public void RepeatedSolvesMatchFreshSolvesAndKeepTheirValues()
    {
        // A masked grid with a variable coefficient and non-zero boundary values: every part of the setup is reused.
        var grid = new UniformGrid2D(-1, 1, -1, 1, 65, 65);
        var options = new PoissonSolverOptions { Method = PoissonMethod.Multigrid, Tolerance = 1e-10 };
        static double A(double x, double y) => 1 + 0.5 * Math.Sin(x + 2 * y);
        static double G(double x, double y) => x * x - y;
        var prepared = PoissonSolver.Prepare(new PoissonProblem(grid, (_, _) => 0, G) { Mask = NodeMask.LShape(grid), Coefficient = A }, options);
        var first = default(PoissonSolution);
        foreach (int k in new[] { 1, 3, 1 })
        {
            double F(double x, double y) => Math.Cos(k * x) * (1 + y * y);
            var source = new double[grid.NodeCount];
            for (int j = 0; j < grid.Ny; j++)
                for (int i = 0; i < grid.Nx; i++) source[grid.Index(i, j)] = F(grid.X(i), grid.Y(j));
            var reused = prepared.Solve(source);
            var fresh = PoissonSolver.Solve(new PoissonProblem(grid, F, G) { Mask = NodeMask.LShape(grid), Coefficient = A }, options);
            Assert.That(reused.Converged, Is.True);
            double worst = reused.Values.Zip(fresh.Values, (a, b) => Math.Abs(a - b)).Max();
            Assert.That(worst, Is.LessThan(1e-9), $"k = {k}");
            first ??= reused;
        }
        // The first solution (k = 1) still holds its values after the k = 3 solve, and equals the third (k = 1 again).
        var again = prepared.Solve(Enumerable.Range(0, grid.NodeCount).Select(p => Math.Cos(grid.X(p % grid.Nx)) * (1 + Math.Pow(grid.Y(p / grid.Nx), 2))).ToArray());
        Assert.That(first!.Values.Zip(again.Values, (a, b) => Math.Abs(a - b)).Max(), Is.LessThan(1e-12));
    }

    [Test]
    public void BadSourcesAndMethodsAreNamed()
    {
        var grid = new UniformGrid2D(0, 1, 0, 1, 17, 17);
        var prepared = PoissonSolver.Prepare(new PoissonProblem(grid, (_, _) => 0, (_, _) => 0));
        Assert.That(() => prepared.Solve(new double[5]), Throws.ArgumentException.With.Message.Contains("The source has 5 values"));
        var nan = new double[grid.NodeCount];
        nan[grid.Index(3, 4)] = double.NaN;
        Assert.That(() => prepared.Solve(nan), Throws.ArgumentException.With.Message.Contains("not finite at node (3, 4)"));
        Assert.That(() => PoissonSolver.Prepare(new PoissonProblem(grid, (_, _) => 0, (_, _) => 0), new PoissonSolverOptions { Method = PoissonMethod.MathNet }),
            Throws.ArgumentException.With.Message.Contains("use Solve for PoissonMethod.MathNet"));
    }
}
