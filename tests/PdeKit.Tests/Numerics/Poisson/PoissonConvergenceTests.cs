using PdeKit.Numerics.Poisson;
using static PdeKit.Tests.Numerics.Poisson.PoissonTestProblems;

namespace PdeKit.Tests.Numerics.Poisson;

/// <summary>Second-order convergence of the 5-point scheme to manufactured solutions.</summary>
public class PoissonConvergenceTests
{
    [Test]
    public void SineSolutionConvergesWithOrderTwo()
    {
        // Measured max-norm errors 8.04e-4, 2.01e-4, 5.02e-5, 1.25e-5: orders 2.002, 2.001, 2.000.
        int[] sizes = [33, 65, 129, 257];
        double[] errors = [.. sizes.Select(n => Errors(PoissonSolver.Solve(SineProblem(n, 1), Tight), null, Sine(1)).Max)];
        Assert.That(Orders(errors), Has.All.InRange(1.9, 2.1));
        Assert.That(errors[^1], Is.LessThan(2e-5));
    }

    [Test]
    public void HigherFrequencySineConvergesWithOrderTwo()
    {
        // k = 4: errors 1.30e-2, 3.22e-3, 8.04e-4, 2.01e-4; orders 2.03, 2.01, 2.00.
        int[] sizes = [33, 65, 129, 257];
        double[] errors = [.. sizes.Select(n => Errors(PoissonSolver.Solve(SineProblem(n, 4), Tight), null, Sine(4)).Max)];
        Assert.That(Orders(errors), Has.All.InRange(1.9, 2.1));
    }

    [Test]
    public void VariableCoefficientConvergesWithOrderTwo()
    {
        int[] sizes = [33, 65, 129, 257];
        var max = new List<double>();
        var l2 = new List<double>();
        foreach (int n in sizes)
        {
            var problem = PoissonProblem.UnitSquare(n, VariableF, VariableU) with { Coefficient = VariableA };
            PoissonSolution solution = PoissonSolver.Solve(problem, Tight);
            Assert.That(solution.Converged, Is.True);
            var (m, l) = Errors(solution, null, VariableU);
            max.Add(m);
            l2.Add(l);
        }

        TestContext.Out.WriteLine($"variable a: max errors {string.Join(", ", max.Select(e => e.ToString("E3")))}, orders {string.Join(", ", Orders(max).Select(o => o.ToString("F3")))}");
        Assert.That(Orders(max), Has.All.InRange(1.9, 2.1));
        Assert.That(Orders(l2), Has.All.InRange(1.9, 2.1));
    }

    [Test]
    public void RectangleWithUnequalSidesConvergesWithOrderTwo()
    {
        // [0, 2] x [-0.5, 0.5] with nx - 1 = 2 (ny - 1), so hx = hy; u = sin(pi x / 2) cos(pi y) plus a harmonic
        // quadratic, nonzero on all four sides.
        static double U(double x, double y) => (Math.Sin(Math.PI * x / 2) * Math.Cos(Math.PI * y)) + (x * x) - (y * y) + (3 * x * y);
        static double F(double x, double y) => 1.25 * Math.PI * Math.PI * Math.Sin(Math.PI * x / 2) * Math.Cos(Math.PI * y);
        var errors = new List<double>();
        foreach (int k in new[] { 4, 5, 6, 7 })
        {
            int ny = (1 << k) + 1, nx = (1 << (k + 1)) + 1;
            var problem = new PoissonProblem(new UniformGrid2D(0, 2, -0.5, 0.5, nx, ny), F, U);
            errors.Add(Errors(PoissonSolver.Solve(problem, Tight), null, U).Max);
        }

        Assert.That(Orders(errors), Has.All.InRange(1.9, 2.1));
    }

    [Test]
    public void QuadraticIsReproducedExactlyOnACurvedMaskedDomain()
    {
        // The 5-point Laplacian is exact for quadratics, so on any mask the discrete solution equals u up to the
        // solver tolerance: this checks the mask handling on every multigrid level (a disc, staircase boundary).
        static double U(double x, double y) => (x * x) + (2 * y * y) - (x * y) + x;
        var grid = new UniformGrid2D(-1, 1, -1, 1, 129, 129);
        var mask = NodeMask.FromPredicate(grid, (x, y) => (x * x) + (y * y) < 0.8 * 0.8);
        var problem = new PoissonProblem(grid, (_, _) => -6.0, U) { Mask = mask };
        PoissonSolution solution = PoissonSolver.Solve(problem, Tight with { Tolerance = 1e-12 });
        Assert.That(Errors(solution, mask, U).Max, Is.LessThan(1e-10));
        Assert.That(solution[0, 0], Is.EqualTo(U(-1, -1)), "outside the mask the solution holds the Dirichlet data");
    }
}
