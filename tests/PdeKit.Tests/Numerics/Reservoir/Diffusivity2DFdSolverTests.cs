using PdeKit.Numerics.Reservoir;

namespace PdeKit.Tests.Numerics.Reservoir;

public class Diffusivity2DFdSolverTests
{
    private static readonly Diffusivity2DBoundary Zero = Diffusivity2DBoundary.Dirichlet(0);

    private static Diffusivity2DFdSolver SineDecay(int n, double k) =>
        new(Diffusivity2DGrid.UnitSquare(n), Diffusivity2DCoefficient.Constant(k))
        {
            Initial = (x, y) => Math.Sin(Math.PI * x) * Math.Sin(Math.PI * y),
            West = Zero,
            East = Zero,
            South = Zero,
            North = Zero,
            MaxTimeStep = 0.2 / n,
        };

    [Test]
    public void SineModeDecaysAtTheExactRateWithSecondOrderConvergence()
    {
        // Separation of variables: p = exp(-2 pi^2 k t) sin(pi x) sin(pi y) solves p_t = k (p_xx + p_yy) with p = 0
        // on the boundary of the unit square. dt = h / 5 so space and time errors shrink together. Measured
        // maximum errors at t = 0.1 (k = 0.5): 3.8e-3, 9.2e-4, 2.3e-4 on 16, 32, 64 cells: orders 2.05, 2.02.
        const double k = 0.5, t = 0.1;
        int[] sizes = [16, 32, 64];
        var errors = new double[sizes.Length];
        for (int s = 0; s < sizes.Length; s++)
        {
            var field = SineDecay(sizes[s], k).Solve([t / 2, t]);
            double[,] p = field.At(1);
            double[] x = field.X, y = field.Y;
            double decay = Math.Exp(-2 * Math.PI * Math.PI * k * t);
            for (int j = 0; j < y.Length; j++)
            {
                for (int i = 0; i < x.Length; i++)
                {
                    double exact = decay * Math.Sin(Math.PI * x[i]) * Math.Sin(Math.PI * y[j]);
                    errors[s] = Math.Max(errors[s], Math.Abs(p[j, i] - exact));
                }
            }
        }

        Assert.That(errors[^1], Is.LessThan(3e-4));
        for (int s = 1; s < sizes.Length; s++)
        {
            Assert.That(Math.Log2(errors[s - 1] / errors[s]), Is.InRange(1.9, 2.2), $"order between {sizes[s - 1]} and {sizes[s]} cells");
        }
    }

    [Test]
    public void LayeredSteadyStateIsTheSeriesResistanceProfile()
    {
        // Steady 1D flow through two layers in series (Darcy; e.g. Bear, Dynamics of Fluids in Porous Media,
        // 1972, sec. 5.8): flux q = (p_L - p_R) / (a / k1 + (L - a) / k2), p linear in each layer. Harmonic-mean
        // faces on an interface at a cell face make the finite-volume profile exact.
        const double k1 = 2.0, k2 = 0.1, a = 0.6, pLeft = 3.0, pRight = 1.0;
        var grid = new Diffusivity2DGrid(0, 1, -0.2, 0.3, 40, 3);
        var solver = new Diffusivity2DFdSolver(grid, Diffusivity2DCoefficient.FromFunction((x, _) => x < a ? k1 : k2))
        {
            West = Diffusivity2DBoundary.Dirichlet(pLeft),
            East = Diffusivity2DBoundary.Dirichlet(pRight),
            MaxTimeStep = 1.0,
        };
        var field = solver.Solve([100.0]);
        double q = (pLeft - pRight) / ((a / k1) + ((1 - a) / k2));
        double Exact(double x) => x < a ? pLeft - (q * x / k1) : pRight + (q * (1 - x) / k2);
        double[,] p = field.At(0);
        for (int i = 0; i < grid.Nx; i++)
        {
            for (int j = 0; j < grid.Ny; j++)
            {
                Assert.That(p[j, i], Is.EqualTo(Exact(grid.XCentre(i))).Within(1e-8), $"cell {i}, {j}");
            }
        }

        // Bilinear interpolation is exact for the piecewise-linear profile within a layer, up to the Dirichlet sides.
        Assert.That(field.Interpolate(0, 0.1, 100), Is.EqualTo(pLeft).Within(1e-8));
        Assert.That(field.Interpolate(0.3, 0.0, 100), Is.EqualTo(Exact(0.3)).Within(1e-8));
        Assert.That(field.Interpolate(1, -0.2, 100), Is.EqualTo(pRight).Within(1e-8));
    }

    [Test]
    public void ClosedBoxConservesStorageAndSourcesAddExactlyRateTimesTime()
    {
        // With no flow through any side the stored volume sum c p V changes only by the sources:
        // wells (2.5 - 1.0) plus the integrated source f = 0.2 (1 + x) over [0, 2] x [0, 1.5] sampled at cell
        // centres (exact for a linear f: 0.2 * 2 * 1.5 * 2 = 1.2), so d/dt sum c p V = 2.7.
        var random = new Random(3);
        var k = new double[30, 40];
        for (int j = 0; j < 30; j++)
        {
            for (int i = 0; i < 40; i++)
            {
                k[j, i] = Math.Exp(4 * random.NextDouble());
            }
        }

        var solver = new Diffusivity2DFdSolver(new Diffusivity2DGrid(0, 2, 0, 1.5, 40, 30), Diffusivity2DCoefficient.FromCells(k))
        {
            Storage = Diffusivity2DCoefficient.FromFunction((x, y) => 1 + (x * y)),
            Initial = (x, y) => Math.Cos(3 * x) + y,
            Source = (x, _, _) => 0.2 * (1 + x),
            Wells = [new Diffusivity2DWell(0.3, 0.4, 2.5), new Diffusivity2DWell(1.7, 1.2, -1.0)],
            MaxTimeStep = 0.02,
            Tolerance = 1e-13,
        };
        var field = solver.Solve([0.0, 0.1, 0.33, 1.0]);
        double[] stored = field.TotalStorage;
        for (int i = 1; i < field.Count; i++)
        {
            // Measured differences below 2e-12 against totals near 7.
            Assert.That(stored[i] - stored[0], Is.EqualTo(2.7 * field.T[i]).Within(1e-10), $"t = {field.T[i]}");
        }

        // The initial state is returned at t = 0 and its total is sum c p V computed by hand.
        double[,] p0 = field.At(0);
        double[,] c = solver.StorageCells;
        double total = 0;
        for (int j = 0; j < 30; j++)
        {
            for (int i = 0; i < 40; i++)
            {
                Assert.That(p0[j, i], Is.EqualTo(Math.Cos(3 * field.X[i]) + field.Y[j]));
                total += c[j, i] * p0[j, i] * solver.Grid.CellArea;
            }
        }

        Assert.That(stored[0], Is.EqualTo(total).Within(1e-12));
    }

    [Test]
    public void ConjugateGradientsConvergeQuicklyAndReportIt()
    {
        // IC(0)-preconditioned CG on a strongly heterogeneous field (k over 3 decades): each step reaches the
        // tolerance in a few dozen iterations (measured at most 45 here).
        var random = new Random(11);
        var k = new double[48, 48];
        for (int j = 0; j < 48; j++)
        {
            for (int i = 0; i < 48; i++)
            {
                k[j, i] = Math.Pow(10, 3 * random.NextDouble());
            }
        }

        var solver = new Diffusivity2DFdSolver(Diffusivity2DGrid.UnitSquare(48), Diffusivity2DCoefficient.FromCells(k))
        {
            West = Diffusivity2DBoundary.Dirichlet(1),
            Wells = [new Diffusivity2DWell(0.7, 0.7, -3)],
            MaxTimeStep = 0.05,
        };
        var field = solver.Solve([0.5]);
        Assert.That(field.TimeSteps, Is.EqualTo(10));
        Assert.That(field.MaxRelativeResidual, Is.LessThanOrEqualTo(solver.Tolerance));
        Assert.That(field.MaxIterationsPerStep, Is.InRange(1, 150));
        Assert.That(field.TotalIterations, Is.GreaterThanOrEqualTo(field.TimeSteps));

        var starved = new Diffusivity2DFdSolver(Diffusivity2DGrid.UnitSquare(48), Diffusivity2DCoefficient.FromCells(k))
        {
            West = Diffusivity2DBoundary.Dirichlet(1),
            MaxIterations = 2,
        };
        Assert.That(() => starved.Solve([0.5]), Throws.InvalidOperationException.With.Message.Contains("did not converge"));
    }

    [Test]
    public void ProducerInAClosedSquareDrawsDownSymmetrically()
    {
        // A centred producer in a closed homogeneous square: the field keeps the square's symmetries and
        // falls everywhere; late in time it falls uniformly at rate q / (c A) (pseudo-steady state).
        var solver = new Diffusivity2DFdSolver(Diffusivity2DGrid.UnitSquare(21), Diffusivity2DCoefficient.Constant(1))
        {
            Storage = Diffusivity2DCoefficient.Constant(2),
            Wells = [new Diffusivity2DWell(0.5, 0.5, -1)],
            MaxTimeStep = 0.01,
        };
        var field = solver.Solve([3.0, 3.5]);
        double[,] p = field.At(1), earlier = field.At(0);
        for (int j = 0; j < 21; j++)
        {
            for (int i = 0; i < 21; i++)
            {
                Assert.That(p[j, i], Is.EqualTo(p[i, j]).Within(1e-8));
                Assert.That(p[j, i], Is.EqualTo(p[20 - j, i]).Within(1e-8));
                Assert.That(p[j, i], Is.Negative);
                Assert.That(p[j, i] - earlier[j, i], Is.EqualTo(-0.5 / 2).Within(1e-6));
            }
        }

        Assert.That(p[10, 10], Is.LessThan(p[0, 0]));
    }

    [Test]
    public void InterpolationIsExactForLinearFields()
    {
        var solver = new Diffusivity2DFdSolver(new Diffusivity2DGrid(-1, 3, 2, 4, 8, 5), Diffusivity2DCoefficient.Constant(1))
        {
            Initial = (x, y) => (2 * x) - (3 * y) + 1,
        };
        var field = solver.Solve([0.0]);
        foreach (double x in new[] { -1.0, -0.9, 0.0, 1.234, 2.9, 3.0 })
        {
            foreach (double y in new[] { 2.0, 2.1, 3.33, 4.0 })
            {
                Assert.That(field.Interpolate(x, y, 0), Is.EqualTo((2 * x) - (3 * y) + 1).Within(1e-12));
            }
        }

        Assert.That(() => field.Interpolate(3.01, 3, 0), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => field.Interpolate(0, 1.99, 0), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => field.Interpolate(0, 3, 0.1), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => field.At(1), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void InterpolatesLinearlyBetweenStoredTimes()
    {
        var field = SineDecay(8, 1).Solve([0.01, 0.02]);
        double a = field.Interpolate(0.4, 0.3, 0.01), b = field.Interpolate(0.4, 0.3, 0.02);
        Assert.That(field.Interpolate(0.4, 0.3, 0.0125), Is.EqualTo((0.75 * a) + (0.25 * b)).Within(1e-14));
    }

    [Test]
    public void RejectsBadPermeabilityNamingTheProblem()
    {
        var grid = new Diffusivity2DGrid(0, 1, 0, 1, 4, 3);
        var k = new double[3, 4];
        for (int j = 0; j < 3; j++)
        {
            for (int i = 0; i < 4; i++)
            {
                k[j, i] = 1;
            }
        }

        k[2, 1] = double.NaN;
        Assert.That(() => new Diffusivity2DFdSolver(grid, Diffusivity2DCoefficient.FromCells(k)),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("permeability").And.Message.Contains("j = 2, i = 1"));
        k[2, 1] = 0;
        Assert.That(() => new Diffusivity2DFdSolver(grid, Diffusivity2DCoefficient.FromCells(k)),
            Throws.ArgumentException.With.Message.Contains("finite and positive"));
        Assert.That(() => new Diffusivity2DFdSolver(grid, Diffusivity2DCoefficient.Constant(-1)),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("permeability"));
        Assert.That(() => new Diffusivity2DFdSolver(grid, Diffusivity2DCoefficient.FromFunction((x, _) => x > 0.5 ? double.PositiveInfinity : 1)),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("permeability"));
        Assert.That(() => new Diffusivity2DFdSolver(grid, Diffusivity2DCoefficient.FromCells(new double[4, 3])),
            Throws.ArgumentException.With.Message.Contains("shape [4, 3]").And.Message.Contains("[3, 4]"));
        Assert.That(() => new Diffusivity2DFdSolver(grid, Diffusivity2DCoefficient.Constant(1)) { Storage = Diffusivity2DCoefficient.Constant(0) },
            Throws.ArgumentException.With.Property("ParamName").EqualTo("Storage"));
    }

    [Test]
    public void RejectsBadGrids()
    {
        Assert.That(() => new Diffusivity2DGrid(0, 1, 0, 1, 0, 4), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("nx"));
        Assert.That(() => new Diffusivity2DGrid(0, 1, 0, 1, 4, -2), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("ny"));
        Assert.That(() => new Diffusivity2DGrid(1, 1, 0, 1, 4, 4), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("x1"));
        Assert.That(() => new Diffusivity2DGrid(0, 1, 0, -1, 4, 4), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("y1"));
        Assert.That(() => new Diffusivity2DGrid(double.NaN, 1, 0, 1, 4, 4), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("x0"));
        Assert.That(() => new Diffusivity2DGrid(0, 1, 0, double.PositiveInfinity, 4, 4), Throws.InstanceOf<ArgumentException>());
    }

    [Test]
    public void RejectsBadTimesAndSettings()
    {
        var solver = SineDecay(4, 1);
        Assert.That(() => solver.Solve([]), Throws.ArgumentException.With.Property("ParamName").EqualTo("times"));
        Assert.That(() => solver.Solve([-0.1]), Throws.ArgumentException.With.Message.Contains("non-negative"));
        Assert.That(() => solver.Solve([double.NaN]), Throws.ArgumentException.With.Property("ParamName").EqualTo("times"));
        Assert.That(() => solver.Solve([0.2, 0.1]), Throws.ArgumentException.With.Message.Contains("strictly ascending"));
        Assert.That(() => solver.Solve([0.1, 0.1]), Throws.ArgumentException.With.Message.Contains("strictly ascending"));

        var grid = Diffusivity2DGrid.UnitSquare(4);
        var k = Diffusivity2DCoefficient.Constant(1);
        Assert.That(() => new Diffusivity2DFdSolver(grid, k) { MaxTimeStep = 0 },
            Throws.InstanceOf<ArgumentException>().With.Property("ParamName").EqualTo("MaxTimeStep"));
        Assert.That(() => new Diffusivity2DFdSolver(grid, k) { Tolerance = 0.5 },
            Throws.InstanceOf<ArgumentException>().With.Property("ParamName").EqualTo("Tolerance"));
        Assert.That(() => new Diffusivity2DFdSolver(grid, k) { MaxIterations = 0 },
            Throws.InstanceOf<ArgumentException>().With.Property("ParamName").EqualTo("MaxIterations"));
        Assert.That(() => new Diffusivity2DFdSolver(grid, k) { Wells = [new Diffusivity2DWell(1.5, 0.5, 1)] },
            Throws.ArgumentException.With.Property("ParamName").EqualTo("Wells"));
        Assert.That(() => new Diffusivity2DFdSolver(grid, k) { Wells = [new Diffusivity2DWell(0.5, 0.5, double.NaN)] },
            Throws.ArgumentException.With.Property("ParamName").EqualTo("Wells"));
        Assert.That(() => Diffusivity2DBoundary.Dirichlet(double.NaN), Throws.InstanceOf<ArgumentException>());
        Assert.That(() => new Diffusivity2DFdSolver(grid, k) { Initial = (_, _) => double.NaN }.Solve([0.0]),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("Initial"));
        Assert.That(() => new Diffusivity2DFdSolver(grid, k) { Source = (_, _, t) => t > 0.05 ? double.NaN : 0 }.Solve([0.1]),
            Throws.ArgumentException.With.Property("ParamName").EqualTo("Source"));
    }
}
