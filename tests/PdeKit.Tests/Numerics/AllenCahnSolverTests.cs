using PdeKit.Numerics;

namespace PdeKit.Tests.Numerics;

public class AllenCahnSolverTests
{
    // Where the numbers come from:
    // - Linear regime: for u = a cos(k pi x) with |a| << 1 the cubic is negligible and u_t = D u_xx + R u gives
    //   u = a exp((R - D k^2 pi^2) t) cos(k pi x); the cubic changes this by a relative (a e^{sigma t})^2 / 2.
    // - Uniform data: u(x, 0) = c gives u_xx = 0 and u' = R (u - u^3), a Bernoulli equation; w = u^-2 obeys
    //   w' = -2 R (w - 1), so w = 1 + (c^-2 - 1) e^{-2 R t} and u = c e^{R t} / sqrt(1 - c^2 + c^2 e^{2 R t}).
    // - Refinement bounds: measured for the default problem on the 512 x 201 evaluation grid (relative L2 over
    //   all times): 512 vs 1024 modes 8.3e-6, 1024 vs 2048 2.7e-6, 2048 vs 4096 7.0e-7 (4096 vs 8192 1.7e-7,
    //   about Modes^-2, from the corner of u0 at x = +-1); at t = 1 alone 1.9e-7, 1.5e-10, 3.8e-11. Time steps
    //   5e-4 vs 1.25e-5 differ by 8e-13; 5e-3, 2.5e-3, 1e-3 by 2.4e-9, 1.5e-10, 4.2e-12 (fourth order).
    private SpaceTimeField coarse = null!;
    private SpaceTimeField standard = null!;
    private SpaceTimeField fine = null!;

    [OneTimeSetUp]
    public void SolveTheDefaultProblemAtThreeResolutions()
    {
        double[] t = AllenCahnEvaluationGrid.T;
        coarse = new AllenCahnSolver(modes: 1024).Solve(t);
        standard = new AllenCahnSolver().Solve(t);
        fine = new AllenCahnSolver(modes: 4096).Solve(t);
    }

    [Test]
    public void DefaultsAreTheBenchmark()
    {
        var solver = new AllenCahnSolver();
        Assert.That(solver.Diffusion, Is.EqualTo(1e-4));
        Assert.That(solver.Reaction, Is.EqualTo(5.0));
        Assert.That(solver.Modes, Is.EqualTo(2048));
        Assert.That(solver.Dt, Is.EqualTo(5e-4));
    }

    [TestCase(1e-4, 5.0, 1)]
    [TestCase(1e-4, 5.0, 20)]
    [TestCase(1e-2, 5.0, 10)]
    [TestCase(1e-2, 0.0, 3)]
    public void SmallAmplitudeModeGrowsAtTheLinearRate(double diffusion, double reaction, int k)
    {
        const double a = 1e-6;
        double sigma = reaction - (diffusion * k * k * Math.PI * Math.PI);
        var field = new AllenCahnSolver(diffusion, reaction, modes: 64).Solve([0.0, 0.5, 1.0], x => a * double.CosPi(k * x));
        for (int i = 0; i < field.T.Length; i++)
        {
            double amplitude = a * Math.Exp(sigma * field.T[i]);
            for (int j = 0; j < field.X.Length; j++)
            {
                double expected = amplitude * double.CosPi(k * field.X[j]);
                Assert.That(field.U[i, j], Is.EqualTo(expected).Within(1e-6 * amplitude), $"t = {field.T[i]}, x = {field.X[j]}");
            }
        }
    }

    [TestCase(1.0)]
    [TestCase(-1.0)]
    [TestCase(0.0)]
    public void ConstantSteadyStatesStay(double c)
    {
        var field = new AllenCahnSolver(modes: 64).Solve([0.0, 0.3, 1.0], _ => c);
        foreach (double u in field.U)
        {
            Assert.That(u, Is.EqualTo(c).Within(1e-12));
        }
    }

    [TestCase(0.1)]
    [TestCase(-0.5)]
    [TestCase(0.9)]
    [TestCase(2.0)]
    public void UniformDataFollowTheClosedForm(double c)
    {
        // Irregular output times: the steps must land on each of them exactly.
        double[] times = [0.0, 0.0123, 0.37, 0.3701, 0.6, 1.0];
        var field = new AllenCahnSolver(modes: 16).Solve(times, _ => c);
        for (int i = 0; i < times.Length; i++)
        {
            double expected = UniformSolution(c, 5.0, times[i]);
            for (int j = 0; j < field.X.Length; j++)
            {
                Assert.That(field.U[i, j], Is.EqualTo(expected).Within(1e-10), $"t = {times[i]}");
            }
        }
    }

    [Test]
    public void TimeStepperIsFourthOrder()
    {
        // Uniform data isolate the time error; the step is halved twice.
        const double c = 0.1;
        double exact = UniformSolution(c, 5.0, 1.0);
        double[] errors = [.. new[] { 0.05, 0.025, 0.0125 }.Select(
            dt => Math.Abs(new AllenCahnSolver(modes: 16, dt: dt).Solve([1.0], _ => c).U[0, 0] - exact))];
        for (int i = 1; i < errors.Length; i++)
        {
            double order = Math.Log2(errors[i - 1] / errors[i]);
            Assert.That(order, Is.InRange(3.7, 4.3), $"errors {string.Join(", ", errors)}");
        }
    }

    [Test]
    public void DefaultResolutionIsConvergedInSpace()
    {
        // The default (2048 modes) is within 1.5e-6 of 4096 modes (measured 7.0e-7), and 1024 vs 2048 modes
        // (measured 2.7e-6) is about four times larger: second-order convergence from the corner of u0.
        double defaultVsFine = RelativeL2OnEvaluationGrid(standard, fine, allTimes: true);
        double coarseVsDefault = RelativeL2OnEvaluationGrid(coarse, standard, allTimes: true);
        Assert.That(defaultVsFine, Is.LessThan(1.5e-6));
        Assert.That(coarseVsDefault / defaultVsFine, Is.InRange(3.0, 5.5));

        // At t = 1 the corner has decayed and the interfaces are resolved (measured 1.5e-10 and 3.8e-11).
        Assert.That(RelativeL2OnEvaluationGrid(coarse, standard, allTimes: false), Is.LessThan(1e-9));
        Assert.That(RelativeL2OnEvaluationGrid(standard, fine, allTimes: false), Is.LessThan(1e-9));
    }

    [Test]
    public void DefaultTimeStepIsConverged()
    {
        // The time error does not depend on the number of modes (checked: same to two digits at 512 and 2048),
        // so it is measured on the cheaper 512-mode grid; measured 7e-13 between dt = 5e-4 and 2.5e-4.
        double[] t = AllenCahnEvaluationGrid.T;
        var normal = new AllenCahnSolver(modes: 512).Solve(t);
        var halved = new AllenCahnSolver(modes: 512, dt: 2.5e-4).Solve(t);
        Assert.That(RelativeL2OnEvaluationGrid(normal, halved, allTimes: true), Is.LessThan(1e-11));
    }

    [Test]
    public void EvenInitialDataStayEven()
    {
        int n = standard.X.Length - 1;
        for (int i = 0; i < standard.T.Length; i++)
        {
            for (int j = 0; j <= n; j++)
            {
                Assert.That(standard.U[i, j], Is.EqualTo(standard.U[i, n - j]).Within(1e-12));
            }
        }
    }

    [Test]
    public void OddInitialDataStayOdd()
    {
        // u -> -u and x -> -x map solutions to solutions, so odd data give an odd solution.
        var field = new AllenCahnSolver(diffusion: 1e-3, modes: 128).Solve([0.0, 0.5, 1.0], x => (0.8 * double.SinPi(x)) + (0.3 * double.SinPi(2 * x)));
        int n = field.X.Length - 1;
        for (int i = 0; i < field.T.Length; i++)
        {
            Assert.That(field.U[i, n / 2], Is.EqualTo(0.0).Within(1e-13));
            for (int j = 0; j <= n; j++)
            {
                Assert.That(field.U[i, j], Is.EqualTo(-field.U[i, n - j]).Within(1e-12));
            }
        }

        Assert.That(field.U[2, (3 * n) / 4], Is.GreaterThan(0.9), "u(0.5, 0) = 0.8 grows towards the stable state +1.");
    }

    [Test]
    public void ShiftedDataGiveTheShiftedSolution()
    {
        // Periodicity: shifting u0 by a quarter period (32 of 128 points) shifts the solution by as much.
        static double U0(double x) => (0.6 * double.SinPi(x)) + (0.4 * double.CosPi(2 * x)) - (0.2 * double.SinPi(5 * x));
        double[] times = [0.25, 1.0];
        var solver = new AllenCahnSolver(diffusion: 1e-3, modes: 128);
        var field = solver.Solve(times, U0);
        var shifted = solver.Solve(times, x => U0(x - 0.5));
        for (int i = 0; i < times.Length; i++)
        {
            for (int j = 0; j < 128; j++)
            {
                Assert.That(shifted.U[i, (j + 32) % 128], Is.EqualTo(field.U[i, j]).Within(1e-12));
            }
        }
    }

    [Test]
    public void DefaultSolutionKeepsTheBoundsOfItsData()
    {
        // Maximum principle: data in [-1, 1] stay in [-1, 1]; the interfaces have formed by t = 1.
        foreach (double u in standard.U)
        {
            Assert.That(u, Is.InRange(-1.0 - 1e-12, 1.0 + 1e-12));
        }

        Assert.That(standard.Interpolate(0.3, 1.0), Is.GreaterThan(0.98));
        Assert.That(standard.Interpolate(0.7, 1.0), Is.LessThan(-0.99));
    }

    [Test]
    public void GridHoldsBothEndsAndTheRequestedTimes()
    {
        Assert.That(standard.X, Has.Length.EqualTo(2049));
        Assert.That(standard.X[0], Is.EqualTo(-1.0));
        Assert.That(standard.X[1024], Is.EqualTo(0.0));
        Assert.That(standard.X[^1], Is.EqualTo(1.0));
        Assert.That(standard.T, Is.EqualTo(AllenCahnEvaluationGrid.T));
        for (int i = 0; i < standard.T.Length; i++)
        {
            Assert.That(standard.U[i, 2048], Is.EqualTo(standard.U[i, 0]));
        }

        for (int j = 0; j <= 2048; j++)
        {
            double x = standard.X[j];
            Assert.That(standard.U[0, j], Is.EqualTo(x * x * Math.Cos(Math.PI * x)).Within(1e-14));
        }
    }

    [Test]
    public void EvaluationGridPointsAreSolverNodes()
    {
        double[] x = AllenCahnEvaluationGrid.X, t = AllenCahnEvaluationGrid.T;
        Assert.That(x, Has.Length.EqualTo(512));
        Assert.That(x[0], Is.EqualTo(-1.0));
        Assert.That(x[^1], Is.EqualTo(1.0 - (1.0 / 256)));
        Assert.That(t, Has.Length.EqualTo(201));
        Assert.That(t[0], Is.Zero);
        Assert.That(t[100], Is.EqualTo(0.5));
        Assert.That(t[^1], Is.EqualTo(1.0));

        // Resampling at the nodes reproduces the stored values exactly.
        double[,] sampled = standard.Resample(x, [0.0, 0.5, 1.0]);
        for (int j = 0; j < x.Length; j++)
        {
            Assert.That(standard.X[4 * j], Is.EqualTo(x[j]));
            Assert.That(sampled[1, j], Is.EqualTo(standard.U[100, 4 * j]));
            Assert.That(sampled[2, j], Is.EqualTo(standard.U[200, 4 * j]));
        }
    }

    [TestCase("diffusion", double.NaN, 5.0, 512, 1e-3)]
    [TestCase("diffusion", -1e-4, 5.0, 512, 1e-3)]
    [TestCase("diffusion", double.PositiveInfinity, 5.0, 512, 1e-3)]
    [TestCase("reaction", 1e-4, double.NaN, 512, 1e-3)]
    [TestCase("reaction", 1e-4, -5.0, 512, 1e-3)]
    [TestCase("modes", 1e-4, 5.0, 8, 1e-3)]
    [TestCase("modes", 1e-4, 5.0, 0, 1e-3)]
    [TestCase("modes", 1e-4, 5.0, 1000, 1e-3)]
    [TestCase("dt", 1e-4, 5.0, 512, 0.0)]
    [TestCase("dt", 1e-4, 5.0, 512, -1e-3)]
    [TestCase("dt", 1e-4, 5.0, 512, double.NaN)]
    public void RejectsBadParameters(string name, double diffusion, double reaction, int modes, double dt)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new AllenCahnSolver(diffusion, reaction, modes, dt));
        Assert.That(ex!.ParamName, Is.EqualTo(name));
        Assert.That(ex.Message, Does.Contain($"{name} ="));
    }

    [TestCase(new double[0], "At least one output time")]
    [TestCase(new[] { 0.0, -0.1 }, "times[1] = -0.1")]
    [TestCase(new[] { 0.0, double.NaN }, "times[1] = NaN")]
    [TestCase(new[] { 0.5, 0.2 }, "strictly ascending")]
    [TestCase(new[] { 0.2, 0.2 }, "strictly ascending")]
    public void RejectsBadTimes(double[] times, string message)
    {
        var solver = new AllenCahnSolver(modes: 16);
        var ex = Assert.Throws<ArgumentException>(() => solver.Solve(times));
        Assert.That(ex!.ParamName, Is.EqualTo("times"));
        Assert.That(ex.Message, Does.Contain(message));
    }

    [Test]
    public void RejectsInitialDataThatAreNotFinite()
    {
        var solver = new AllenCahnSolver(modes: 16);
        var ex = Assert.Throws<ArgumentException>(() => solver.Solve([0.0, 0.1], x => x > 0.5 ? double.NaN : x));
        Assert.That(ex!.ParamName, Is.EqualTo("initial"));
        Assert.That(ex.Message, Does.Contain("= NaN"));
    }

    [Test]
    public void TooLargeStepForTheDataFailsClearly()
    {
        // u0 = 100 makes the reaction rate R (3 u^2 - 1) = 1.5e5: a step of 1e-3 is far beyond its stability.
        var solver = new AllenCahnSolver(modes: 16, dt: 1e-3);
        var ex = Assert.Throws<InvalidOperationException>(() => solver.Solve([0.5], _ => 100.0));
        Assert.That(ex!.Message, Does.Contain("smaller dt"));
        Assert.That(new AllenCahnSolver(modes: 16, dt: 1e-6).Solve([0.01], _ => 100.0).U[0, 0], Is.EqualTo(UniformSolution(100.0, 5.0, 0.01)).Within(1e-6));
    }

    private static double UniformSolution(double c, double r, double t) =>
        c * Math.Exp(r * t) / Math.Sqrt(1 - (c * c) + (c * c * Math.Exp(2 * r * t)));

    private static double RelativeL2OnEvaluationGrid(SpaceTimeField a, SpaceTimeField b, bool allTimes)
    {
        double[] x = AllenCahnEvaluationGrid.X;
        int first = allTimes ? 0 : a.T.Length - 1;
        var pa = new List<double>();
        var pb = new List<double>();
        for (int i = first; i < a.T.Length; i++)
        {
            foreach (double xj in x)
            {
                pa.Add(a.Interpolate(xj, a.T[i]));
                pb.Add(b.Interpolate(xj, b.T[i]));
            }
        }

        return ErrorMetrics.RelativeL2(pa.ToArray(), pb.ToArray());
    }
}
