using PdeKit.Numerics.Poisson;
using static PdeKit.Tests.Numerics.Poisson.PoissonTestProblems;

namespace PdeKit.Tests.Numerics.Poisson;

/// <summary>The multigrid solver: agreement with MathNet, grid-independent convergence, determinism, sizes.</summary>
public class PoissonMultigridTests
{
    private static PoissonProblem VariableOnLShape(int n)
    {
        var grid = new UniformGrid2D(-1, 1, -1, 1, n, n);
        return new PoissonProblem(grid, VariableF, VariableU) { Coefficient = VariableA, Mask = NodeMask.LShape(grid) };
    }

    [TestCase(17, TestName = "MultigridAgreesWithMathNetDenseLu")]
    [TestCase(33, TestName = "MultigridAgreesWithMathNetBiCgStab")]
    public void MultigridAgreesWithMathNet(int n)
    {
        PoissonProblem problem = VariableOnLShape(n);
        PoissonSolution multigrid = PoissonSolver.Solve(problem, new() { Method = PoissonMethod.Multigrid, Tolerance = 1e-13 });
        PoissonSolution mathNet = PoissonSolver.Solve(problem, new() { Method = PoissonMethod.MathNet, Tolerance = 1e-13 });
        Assert.That(multigrid.Method, Is.EqualTo(PoissonMethod.Multigrid));
        Assert.That(mathNet.Method, Is.EqualTo(PoissonMethod.MathNet));
        Assert.That(mathNet.RelativeResidual, Is.LessThan(1e-12));
        Assert.That(ErrorMetricsMax(multigrid.Values, mathNet.Values), Is.LessThan(1e-10));
        if (n == 33)
        {
            Assert.That(mathNet.Iterations, Is.GreaterThan(0), "BiCgStab above 400 unknowns");
            Assert.That(mathNet.ResidualHistory, Has.Count.EqualTo(mathNet.Iterations + 1));
        }
    }

    [Test]
    public void DiagonalPreconditionedMathNetAgreesToo()
    {
        // Not a sine: that is an eigenvector of the discrete Laplacian, which a Krylov method solves in one step.
        PoissonProblem problem = PoissonProblem.UnitSquare(33, VariableF, VariableU) with { Coefficient = VariableA };
        var options = new PoissonSolverOptions { Method = PoissonMethod.MathNet, Tolerance = 1e-13 };
        PoissonSolution ilu = PoissonSolver.Solve(problem, options);
        PoissonSolution jacobi = PoissonSolver.Solve(problem, options with { Preconditioner = MathNetPreconditioner.Diagonal });
        Assert.That(ErrorMetricsMax(ilu.Values, jacobi.Values), Is.LessThan(1e-10));
        Assert.That(jacobi.Iterations, Is.GreaterThan(ilu.Iterations));
    }

    [TestCase(MultigridCycle.V, 0.06)]
    [TestCase(MultigridCycle.F, 0.04)]
    [TestCase(MultigridCycle.W, 0.04)]
    public void ConvergenceFactorIsSmallAndIndependentOfTheGrid(MultigridCycle cycle, double bound)
    {
        // Measured (cycles 3 on, until 1e-9; f = 1, zero start) for n = 65, 129, 257: V(2,2) 0.031, 0.044, 0.048;
        // F(2,2) 0.031, 0.029, 0.028; W(2,2) as F.
        var factors = new List<double>();
        foreach (int n in new[] { 65, 129, 257 })
        {
            var problem = PoissonProblem.UnitSquare(n, (_, _) => 1.0, (_, _) => 0.0);
            var options = new PoissonSolverOptions { Method = PoissonMethod.Multigrid, Cycle = cycle, FullMultigridStart = false, Tolerance = 1e-11 };
            PoissonSolution solution = PoissonSolver.Solve(problem, options);
            Assert.That(solution.Converged, Is.True);
            factors.Add(AsymptoticFactor(solution));
        }

        TestContext.Out.WriteLine($"{cycle}(2,2) factors: {string.Join(", ", factors.Select(f => f.ToString("F4")))}");
        Assert.That(factors, Has.All.LessThan(bound));
        Assert.That(factors.Max() - factors.Min(), Is.LessThan(0.02), "independent of the grid size");
    }

    [Test]
    public void VariableCoefficientConvergesAsFastAsConstant()
    {
        foreach (int n in new[] { 65, 257 })
        {
            var problem = PoissonProblem.UnitSquare(n, VariableF, VariableU) with { Coefficient = VariableA };
            PoissonSolution solution = PoissonSolver.Solve(problem, Tight with { FullMultigridStart = false });
            Assert.That(AsymptoticFactor(solution), Is.LessThan(0.05), $"n = {n}");
        }
    }

    [Test]
    public void FullMultigridStartNeedsFewCycles()
    {
        PoissonSolution solution = PoissonSolver.Solve(PoissonProblem.UnitSquare(513, (_, _) => 1.0, (_, _) => 0.0));
        Assert.That(solution.Method, Is.EqualTo(PoissonMethod.Multigrid));
        Assert.That(solution.Converged, Is.True);
        Assert.That(solution.RelativeResidual, Is.LessThanOrEqualTo(1e-10));
        Assert.That(solution.ResidualHistory[0], Is.LessThan(1e-2), "after the full-multigrid start");
        Assert.That(solution.Iterations, Is.LessThanOrEqualTo(6));
        Assert.That(solution.ResidualHistory, Has.Count.EqualTo(solution.Iterations + 1));
    }

    [Test]
    public void ResultDoesNotDependOnTheNumberOfThreads()
    {
        PoissonProblem problem = VariableOnLShape(257);
        PoissonSolution serial = PoissonSolver.Solve(problem, Tight with { MaxDegreeOfParallelism = 1 });
        PoissonSolution parallel = PoissonSolver.Solve(problem, Tight with { MaxDegreeOfParallelism = 4 });
        Assert.That(parallel.Values, Is.EqualTo(serial.Values).AsCollection);
        Assert.That(parallel.ResidualHistory, Is.EqualTo(serial.ResidualHistory).AsCollection);
    }

    [Test]
    public void AutoUsesMathNetOnlyForSmallProblems()
    {
        var options = new PoissonSolverOptions();
        Assert.That(PoissonSolver.Solve(SineProblem(17, 1)).Method, Is.EqualTo(PoissonMethod.MathNet));
        Assert.That(PoissonSolver.Solve(SineProblem(65, 1)).Method, Is.EqualTo(PoissonMethod.Multigrid));
        Assert.That(PoissonSolver.ChooseMethod(options.AutoMathNetMaxUnknowns, options), Is.EqualTo(PoissonMethod.MathNet));
        Assert.That(PoissonSolver.ChooseMethod(options.AutoMathNetMaxUnknowns + 1, options), Is.EqualTo(PoissonMethod.Multigrid));
    }

    [TestCase(49, 49)]
    [TestCase(97, 65)]
    [TestCase(40, 40)]
    public void AcceptsSizesThatCoarsenToASmallGrid(int nx, int ny)
    {
        // 49 = 3 * 16 + 1 and 97 = 3 * 32 + 1 coarsen; 40 (nx - 1 odd) cannot, but is small enough to solve directly.
        var problem = new PoissonProblem(new UniformGrid2D(0, 1, 0, 1, nx, ny), (_, _) => 1.0, (_, _) => 0.0);
        PoissonSolution mg = PoissonSolver.Solve(problem, new() { Method = PoissonMethod.Multigrid, Tolerance = 1e-12 });
        PoissonSolution reference = PoissonSolver.Solve(problem, new() { Method = PoissonMethod.MathNet, Tolerance = 1e-12 });
        Assert.That(mg.Converged, Is.True);
        Assert.That(ErrorMetricsMax(mg.Values, reference.Values), Is.LessThan(1e-10));
    }

    [Test]
    public void ZeroDataGiveZeroSolutionWithoutIterating()
    {
        PoissonSolution solution = PoissonSolver.Solve(PoissonProblem.UnitSquare(65, (_, _) => 0.0, (_, _) => 0.0));
        Assert.That(solution.Values, Has.All.EqualTo(0.0));
        Assert.That(solution.Iterations, Is.Zero);
        Assert.That(solution.RelativeResidual, Is.Zero);
        Assert.That(solution.Converged, Is.True);
    }

    private static double ErrorMetricsMax(double[] a, double[] b) => PdeKit.Numerics.ErrorMetrics.MaxAbs(a, b);
}
