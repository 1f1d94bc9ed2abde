using PdeKit.Numerics.Poisson;
using static PdeKit.Tests.Numerics.Poisson.PoissonTestProblems;

namespace PdeKit.Tests.Numerics.Poisson;

/// <summary>Where plain cycles struggle, multigrid-preconditioned conjugate gradients still converge.</summary>
public class PoissonRobustnessTests
{
    private static readonly PoissonSolverOptions Cg = Tight with { Acceleration = MultigridAcceleration.ConjugateGradient, FullMultigridStart = false };

    /// <summary>a = 1 for x &lt; 0.3 and 1000 beyond: the jump lies between the lines of every coarse grid.</summary>
    private static PoissonProblem Jump(int n) =>
        PoissonProblem.UnitSquare(n, (_, _) => 1.0, (_, _) => 0.0) with { Coefficient = (x, _) => x < 0.3 ? 1.0 : 1000.0 };

    [Test]
    public void ConjugateGradientConvergesWhereTheCyclesDiverge()
    {
        // Measured on 257^2: plain F-cycles 1, 320, 5000, 80000 (stopped); CG 29 iterations to 7e-11.
        PoissonSolution plain = PoissonSolver.Solve(Jump(257), Tight with { FullMultigridStart = false });
        PoissonSolution cg = PoissonSolver.Solve(Jump(257), Cg);
        Assert.That(plain.Converged, Is.False);
        Assert.That(plain.ResidualHistory[^1], Is.GreaterThan(1), "the plain iteration diverges and stops");
        Assert.That(cg.Converged, Is.True);
        Assert.That(cg.Iterations, Is.LessThan(40));
    }

    [Test]
    public void ConjugateGradientAgreesWithMathNetOnTheJump()
    {
        PoissonSolution cg = PoissonSolver.Solve(Jump(65), Cg with { Tolerance = 1e-12 });
        PoissonSolution reference = PoissonSolver.Solve(Jump(65), new() { Method = PoissonMethod.MathNet, Tolerance = 1e-12 });
        double scale = reference.Values.Max(Math.Abs);
        Assert.That(PdeKit.Numerics.ErrorMetrics.MaxAbs(cg.Values, reference.Values) / scale, Is.LessThan(1e-9));
    }

    [Test]
    public void ConjugateGradientHelpsOnAnisotropicGrids()
    {
        // hx = 4 hy: point smoothing is weak across the strong coupling. Measured on 257^2 nodes: plain F(2,2)
        // factor 0.56 per cycle (41 cycles to 1e-10), CG 19 iterations.
        var problem = new PoissonProblem(new UniformGrid2D(0, 4, 0, 1, 257, 257), (_, _) => 1.0, (_, _) => 0.0);
        PoissonSolution plain = PoissonSolver.Solve(problem, Tight with { FullMultigridStart = false, Tolerance = 1e-10 });
        PoissonSolution cg = PoissonSolver.Solve(problem, Cg with { Tolerance = 1e-10 });
        Assert.That(plain.Converged && cg.Converged, Is.True);
        Assert.That(cg.Iterations, Is.LessThan(plain.Iterations / 1.5));
    }

    [Test]
    public void ConjugateGradientMatchesPlainCyclesOnTheLShape()
    {
        var grid = new UniformGrid2D(-1, 1, -1, 1, 129, 129);
        var problem = new PoissonProblem(grid, VariableF, VariableU) { Coefficient = VariableA, Mask = NodeMask.LShape(grid) };
        PoissonSolution plain = PoissonSolver.Solve(problem, Tight with { Tolerance = 1e-12 });
        PoissonSolution cg = PoissonSolver.Solve(problem, Tight with { Tolerance = 1e-12, Acceleration = MultigridAcceleration.ConjugateGradient });
        Assert.That(cg.Converged, Is.True);
        Assert.That(PdeKit.Numerics.ErrorMetrics.MaxAbs(cg.Values, plain.Values), Is.LessThan(1e-10));
    }
}
