using PdeKit.Numerics;

namespace PdeKit.Tests.Numerics;

public class BurgersFdSolverTests
{
    // Basdevant et al., Computers & Fluids 14 (1986) 23-41: max |u_x| = 152.00516 at x = 0, t = 1.6037/pi
    // for nu = 0.01/pi.
    private const double PublishedMaxSlope = 152.00516;
    private const double SteepestTime = 1.6037 / Math.PI;

    private static readonly ColeHopfBurgers Exact = new();
    private SpaceTimeField field = null!;

    [OneTimeSetUp]
    public void SolveOnceWithDefaults()
    {
        // The evaluation times of Raissi et al.'s burgers_shock data set plus the steepest time.
        double[] times = [.. BurgersEvaluationGrid.T.Append(SteepestTime).Order()];
        field = new BurgersFdSolver().Solve(times);
    }

    [Test]
    public void MatchesColeHopfOnTheEvaluationGrid()
    {
        // Requirement: relative L2 <= 1e-5 on the 256 x 100 grid; measured 3e-10 with 4096 cells.
        double[] x = BurgersEvaluationGrid.X, t = BurgersEvaluationGrid.T;
        double[,] fd = field.Resample(x, t);
        var predicted = new List<double>();
        var xs = new List<double>();
        var ts = new List<double>();
        for (int i = 0; i < t.Length; i++)
        {
            for (int j = 0; j < x.Length; j++)
            {
                predicted.Add(fd[i, j]);
                xs.Add(x[j]);
                ts.Add(t[i]);
            }
        }

        double[] exact = Exact.U(xs.ToArray(), ts.ToArray());
        Assert.That(ErrorMetrics.RelativeL2(predicted.ToArray(), exact), Is.LessThan(1e-8));
        Assert.That(ErrorMetrics.MaxAbs(predicted.ToArray(), exact), Is.LessThan(1e-7));
    }

    [Test]
    public void ReproducesThePublishedSteepestSlope()
    {
        // Measured 152.00514 (seventh-order derivative of the interpolant on the 4096-cell grid).
        double slope = field.InterpolateDx(0.0, SteepestTime);
        Assert.That(Math.Abs(slope), Is.EqualTo(PublishedMaxSlope).Within(1e-3));
        Assert.That(Math.Round(Math.Abs(slope), 1), Is.EqualTo(152.0));
    }

    [Test]
    public void GridHoldsBoundaryPointsAndRequestedTimes()
    {
        Assert.That(field.X, Has.Length.EqualTo(4097));
        Assert.That(field.X[0], Is.EqualTo(-1.0));
        Assert.That(field.X[^1], Is.EqualTo(1.0));
        Assert.That(field.X[2048], Is.EqualTo(0.0));
        Assert.That(field.T, Has.Length.EqualTo(101));
        Assert.That(field.T[0], Is.Zero);
        for (int i = 0; i < field.T.Length; i++)
        {
            Assert.That(field.U[i, 0], Is.Zero);
            Assert.That(field.U[i, 4096], Is.Zero);
        }

        for (int j = 0; j <= 4096; j++)
        {
            Assert.That(field.U[0, j], Is.EqualTo(-Math.Sin(Math.PI * field.X[j])).Within(1e-15));
        }
    }

    [Test]
    public void KeepsTheOddSymmetry()
    {
        int last = field.T.Length - 1;
        for (int j = 0; j <= 4096; j++)
        {
            Assert.That(field.U[last, 4096 - j], Is.EqualTo(-field.U[last, j]).Within(1e-12));
        }
    }

    [Test]
    public void ConvergesAtSixthOrderInSpace()
    {
        // Against Cole-Hopf at t = 0.2 (before the shock forms at t = 1/pi), on the solver's nodes, with a
        // small Courant number so the fourth-order time error stays below the spatial error. Measured errors
        // 8e-7, 1.4e-8, 2.1e-10 for 128, 256, 512 cells: orders 5.9 and 6.0.
        const double t = 0.2;
        int[] cells = [128, 256, 512];
        var errors = new double[cells.Length];
        for (int c = 0; c < cells.Length; c++)
        {
            var solution = new BurgersFdSolver(cells: cells[c]) { Courant = 0.1 }.Solve([t]);
            double[] numerical = Enumerable.Range(0, cells[c] + 1).Select(j => solution.U[0, j]).ToArray();
            double[] exact = solution.X.Select(x => Exact.U(x, t)).ToArray();
            errors[c] = ErrorMetrics.RelativeL2(numerical, exact);
        }

        for (int c = 1; c < cells.Length; c++)
        {
            double order = Math.Log2(errors[c - 1] / errors[c]);
            Assert.That(order, Is.InRange(5.5, 6.5), $"observed order between {cells[c - 1]} and {cells[c]} cells");
        }
    }

    [Test]
    public void TimeErrorIsFourthOrder()
    {
        // Fixed fine grid, Courant numbers 1 and 1/2 against a Courant-1/8 solution at t = 0.3.
        double Solve(double courant) => new BurgersFdSolver(cells: 256) { Courant = courant }.Solve([0.3]).U[0, 100];
        double reference = Solve(0.125);
        double coarse = Math.Abs(Solve(1.0) - reference), fine = Math.Abs(Solve(0.5) - reference);
        Assert.That(Math.Log2(coarse / fine), Is.InRange(3.5, 4.6));
    }

    [Test]
    public void SingleTimeRequestsWork()
    {
        var solution = new BurgersFdSolver(cells: 16).Solve([0.0]);
        Assert.That(solution.U.GetLength(0), Is.EqualTo(1));
        Assert.That(solution.X, Has.Length.EqualTo(17));
        var later = new BurgersFdSolver(cells: 64).Solve([0.05]);
        Assert.That(later.U[0, 16], Is.EqualTo(Exact.U(later.X[16], 0.05)).Within(1e-6));
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    [TestCase(double.NegativeInfinity)]
    public void RejectsBadViscosity(double nu)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new BurgersFdSolver(nu));
        Assert.That(ex!.ParamName, Is.EqualTo("nu"));
        Assert.That(ex.Message, Does.Contain($"nu = {nu}"));
    }

    [TestCase(8)]
    [TestCase(15)]
    [TestCase(100)]
    [TestCase(-4096)]
    public void RejectsBadCellCounts(int cells)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new BurgersFdSolver(cells: cells));
        Assert.That(ex!.ParamName, Is.EqualTo("cells"));
        Assert.That(ex.Message, Does.Contain("power of two and at least 16"));
    }

    [Test]
    public void RejectsBadTimes()
    {
        var solver = new BurgersFdSolver(cells: 16);
        Assert.That(() => solver.Solve([]), Throws.ArgumentException.With.Message.Contains("At least one output time"));
        Assert.That(() => solver.Solve([0.2, 0.1]), Throws.ArgumentException.With.Message.Contains("strictly ascending"));
        Assert.That(() => solver.Solve([0.1, 0.1]), Throws.ArgumentException.With.Message.Contains("strictly ascending"));
        Assert.That(() => solver.Solve([-0.1]), Throws.ArgumentException.With.Message.Contains("non-negative"));
        Assert.That(() => solver.Solve([double.NaN]), Throws.ArgumentException.With.Message.Contains("finite"));
        Assert.That(() => _ = new BurgersFdSolver { Courant = 0 }, Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => _ = new BurgersFdSolver { Courant = 2 }, Throws.TypeOf<ArgumentOutOfRangeException>());
    }
}
