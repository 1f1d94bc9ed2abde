using PdeKit.Numerics.Operators;

namespace PdeKit.Tests.Operators;

public class OperatorDataTests
{
    [Test]
    public void Periodic_field_is_reproducible_and_has_the_covariance_variance()
    {
        var grf = GaussianRandomField.FnoBurgers;
        var first = grf.SamplePeriodic1D(64, 7, 3);
        Assert.That(grf.SamplePeriodic1D(64, 7, 3), Is.EqualTo(first));
        Assert.That(grf.SamplePeriodic1D(64, 7, 3), Is.Not.EqualTo(grf.SamplePeriodic1D(64, 7, 4)));
        Assert.That(grf.SamplePeriodic1D(64, 7, 3), Is.Not.EqualTo(grf.SamplePeriodic1D(64, 8, 3)));

        // Pointwise variance of the KL sum: Sum_{0<k<n/2} 2 lambda_k (cos^2 + sin^2) = 2 Sum lambda_k.
        int n = 64, samples = 2000;
        double expected = 0;
        for (int k = 1; k < n / 2; k++) expected += 2 * grf.Eigenvalue(4 * Math.PI * Math.PI * k * k);
        double sum = 0;
        for (int i = 0; i < samples; i++)
        {
            var u = grf.SamplePeriodic1D(n, 1, i);
            sum += u.Sum(v => v * v) / n;
            Assert.That(Math.Abs(u.Average()), Is.LessThan(1e-12), "zero-mean field");
        }

        // Standard error of the mean of roughly 2000 chi-square-like draws: a few percent.
        Assert.That(sum / samples, Is.EqualTo(expected).Within(0.06 * expected));
    }

    [Test]
    public void Neumann_field_is_the_same_function_at_every_resolution()
    {
        var grf = GaussianRandomField.FnoDarcy;
        var fine = grf.SampleNeumannSquare(41, 5, 2);
        var coarse = grf.SampleNeumannSquare(11, 5, 2);
        for (int j = 0; j < 11; j++)
        {
            for (int i = 0; i < 11; i++) Assert.That(coarse[(j * 11) + i], Is.EqualTo(fine[(j * 4 * 41) + (i * 4)]).Within(1e-12));
        }
    }

    [Test]
    public void Burgers_solver_converges_spectrally_in_space_and_to_fourth_order_in_time()
    {
        static double[] Initial(int n) => Enumerable.Range(0, n).Select(j => Math.Sin(2 * Math.PI * j / n) + (0.5 * Math.Cos(4 * Math.PI * j / n))).ToArray();
        const double nu = 0.1;
        var reference = new PeriodicBurgersSolver(256, nu).Solve(Initial(256), 1.0, steps: 2000);
        double SpaceError(int n)
        {
            var u = new PeriodicBurgersSolver(n, nu).Solve(Initial(n), 1.0, steps: 2000);
            return Enumerable.Range(0, n).Max(j => Math.Abs(u[j] - reference[j * (256 / n)]));
        }

        double e16 = SpaceError(16), e32 = SpaceError(32), e64 = SpaceError(64);
        Assert.That(e32, Is.LessThan(e16 / 30), $"spectral convergence: {e16:E2} -> {e32:E2}");
        Assert.That(e64, Is.LessThan(1e-9), $"resolved at 64 points: {e64:E2}");

        // Time: errors at 20, 40 steps against 2000 steps; ETDRK4 is fourth order (ratio about 16).
        double TimeError(int steps)
        {
            var u = new PeriodicBurgersSolver(64, nu).Solve(Initial(64), 1.0, steps);
            return Enumerable.Range(0, 64).Max(j => Math.Abs(u[j] - reference[j * 4]));
        }

        double t20 = TimeError(20), t40 = TimeError(40);
        double order = Math.Log2(t20 / t40);
        Assert.That(order, Is.InRange(3.5, 4.8), $"time order {order:F2} ({t20:E2} -> {t40:E2})");

        // The mean of u is conserved exactly (conservation form), and the maximum never grows.
        var final = new PeriodicBurgersSolver(64, nu).Solve(Initial(64), 1.0);
        Assert.That(final.Average(), Is.EqualTo(Initial(64).Average()).Within(1e-12));
        Assert.That(final.Max(Math.Abs), Is.LessThan(Initial(64).Max(Math.Abs)));
    }

    [Test]
    public void Burgers_step_doubling_meets_its_tolerance_with_far_fewer_steps_than_the_cfl_bound()
    {
        var a = GaussianRandomField.FnoBurgers.SamplePeriodic1D(2048, 1, 0);
        var solver = new PeriodicBurgersSolver(2048, 0.1);
        var reference = solver.Solve(a, 1.0, steps: 3000);
        var u = solver.Solve(a, 1.0);
        double error = Math.Sqrt(u.Zip(reference, (p, q) => (p - q) * (p - q)).Sum() / reference.Sum(q => q * q));
        Assert.That(error, Is.LessThan(1e-6), $"{solver.LastSteps} steps");

        // The CFL bound on the dealiased spectrum: dt <= 1 / (2 pi (n/3) max|u0|).
        double cflSteps = 2 * Math.PI * (2048 / 3.0) * a.Max(Math.Abs);
        Assert.That(solver.LastSteps, Is.LessThan(cflSteps / 4));
        var strict = new PeriodicBurgersSolver(2048, 0.1) { Tolerance = 1e-9 };
        strict.Solve(a, 1.0);
        Assert.That(strict.LastSteps, Is.GreaterThan(solver.LastSteps), "a tighter tolerance takes more steps");
    }

    [Test]
    public void Burgers_solver_rejects_bad_input()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new PeriodicBurgersSolver(100, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new PeriodicBurgersSolver(64, double.NaN));
        var solver = new PeriodicBurgersSolver(16, 0.1);
        Assert.That(Assert.Throws<ArgumentException>(() => solver.Solve(new double[8], 1.0))!.Message, Does.Contain("8 values"));
        var nan = new double[16];
        nan[3] = double.NaN;
        Assert.That(Assert.Throws<ArgumentException>(() => solver.Solve(nan, 1.0))!.Message, Does.Contain("index 3"));
    }

    // -Laplace(u) = 1 on the unit square, u = 0 on the boundary: the double sine series
    // u = Sum_{m, n odd} 16 / (pi^4 m n (m^2 + n^2)) sin(m pi x) sin(n pi y) (separation of variables).
    private static double SquareSeries(double x, double y)
    {
        double s = 0;
        for (int m = 1; m < 400; m += 2)
        {
            for (int n = 1; n < 400; n += 2) s += 16 / (Math.Pow(Math.PI, 4) * m * n * ((m * m) + (n * n))) * Math.Sin(m * Math.PI * x) * Math.Sin(n * Math.PI * y);
        }

        return s;
    }

    [Test]
    public void Darcy_solver_is_second_order_for_a_constant_permeability()
    {
        double Error(int n)
        {
            var u = new DarcySolver(n).Solve(Enumerable.Repeat(12.0, n * n).ToArray());
            int c = (n - 1) / 2, q = (n - 1) / 4;
            return Math.Max(Math.Abs(u[(c * n) + c] - (SquareSeries(0.5, 0.5) / 12)), Math.Abs(u[(q * n) + q] - (SquareSeries(0.25, 0.25) / 12)));
        }

        double e9 = Error(9), e17 = Error(17), e33 = Error(33);
        Assert.That(Math.Log2(e9 / e17), Is.InRange(1.8, 2.3));
        Assert.That(Math.Log2(e17 / e33), Is.InRange(1.8, 2.3));
    }

    [Test]
    public void Darcy_solver_converges_for_a_thresholded_permeability()
    {
        // Self-convergence of a two-valued medium: the same GRF function thresholded at 17, 33, 65 and 129 nodes.
        var grf = GaussianRandomField.FnoDarcy;
        double[] Solve(int n) => new DarcySolver(n).Solve(DarcySolver.Threshold(grf.SampleNeumannSquare(n, 3, 0)));
        var reference = Solve(129);
        double Error(int n)
        {
            var u = Solve(n);
            int stride = 128 / (n - 1);
            double num = 0, den = 0;
            for (int j = 0; j < n; j++)
            {
                for (int i = 0; i < n; i++)
                {
                    double r = reference[(j * stride * 129) + (i * stride)];
                    num += (u[(j * n) + i] - r) * (u[(j * n) + i] - r);
                    den += r * r;
                }
            }

            return Math.Sqrt(num / den);
        }

        double e17 = Error(17), e33 = Error(33), e65 = Error(65);
        Assert.That(e33, Is.LessThan(e17), $"{e17:E2} -> {e33:E2}");
        Assert.That(e65, Is.LessThan(e33 * 0.7), $"{e33:E2} -> {e65:E2}");
        Assert.That(e65, Is.LessThan(0.02));
    }

    [Test]
    public void Generated_data_are_reproducible_and_round_trip_through_hdf5()
    {
        var options = new OperatorDataOptions { Count = 3, Resolutions = [32, 16], Seed = 11 };
        var once = OperatorDataGenerator.Generate(OperatorProblem.Burgers, options);
        var again = OperatorDataGenerator.Generate(OperatorProblem.Burgers, options with { MaxDegreeOfParallelism = 1 });
        Assert.That(again[0].Outputs, Is.EqualTo(once[0].Outputs));
        Assert.That(once[1].Inputs[1], Is.EqualTo(once[0].Inputs[2]), "the coarse grid subsamples the fine one");
        var other = OperatorDataGenerator.Generate(OperatorProblem.Burgers, options with { Seed = 12 });
        Assert.That(other[0].Inputs, Is.Not.EqualTo(once[0].Inputs));

        string path = Path.Combine(Path.GetTempPath(), $"pdekit-op-{Guid.NewGuid():N}.h5");
        try
        {
            OperatorDataFile.Write(path, once);
            Assert.That(OperatorDataFile.Resolutions(path), Is.EqualTo(new[] { 16, 32 }));
            var read = OperatorDataFile.Read(path, 32);
            Assert.That(read.Problem, Is.EqualTo(OperatorProblem.Burgers));
            Assert.That(read.Count, Is.EqualTo(3));
            Assert.That(read.Inputs, Is.EqualTo(once[0].Inputs));
            Assert.That(read.Outputs, Is.EqualTo(once[0].Outputs));
            Assert.That(read.Parameters["nu"], Is.EqualTo(0.1));
            Assert.That(read.Parameters["seed"], Is.EqualTo(11));
            Assert.That(Assert.Throws<InvalidDataException>(() => OperatorDataFile.Read(path, 64))!.Message, Does.Contain("resolution 64"));
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Throws<FileNotFoundException>(() => OperatorDataFile.Read(path));
        Assert.That(Assert.Throws<ArgumentException>(() => OperatorDataGenerator.Generate(OperatorProblem.Burgers, options with { Resolutions = [24] }))!.Message, Does.Contain("power of two"));
    }

    [Test]
    public void Darcy_data_round_trip_and_subsample()
    {
        var sets = OperatorDataGenerator.Generate(OperatorProblem.Darcy, new OperatorDataOptions { Count = 2, Resolutions = [17, 9], Seed = 2 });
        Assert.That(sets[0].Inputs.Distinct().Order(), Is.EqualTo(new[] { 3.0, 12.0 }));
        Assert.That(sets[1].Outputs[(4 * 9) + 4], Is.EqualTo(sets[0].Outputs[(8 * 17) + 8]));
        string path = Path.Combine(Path.GetTempPath(), $"pdekit-op-{Guid.NewGuid():N}.h5");
        try
        {
            OperatorDataFile.Write(path, sets);
            var read = OperatorDataFile.Read(path);
            Assert.That(read.Resolution, Is.EqualTo(17));
            Assert.That(read.Outputs, Is.EqualTo(sets[0].Outputs));
            Assert.That(read.Parameters["permeability_high"], Is.EqualTo(12));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

public class OperatorDatasetValidationTests
{
    [Test]
    public void Dataset_rejects_wrong_sizes_and_non_finite_values()
    {
        var ok = new double[8];
        Assert.That(Assert.Throws<ArgumentException>(() => _ = new OperatorDataset(OperatorProblem.Burgers, 4, 2, new double[7], ok, new Dictionary<string, double>()))!.Message, Does.Contain("needs 8"));
        var nan = new double[8];
        nan[5] = double.NaN;
        Assert.That(Assert.Throws<ArgumentException>(() => _ = new OperatorDataset(OperatorProblem.Burgers, 4, 2, ok, nan, new Dictionary<string, double>()))!.Message, Does.Contain("sample 1"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new OperatorDataset(OperatorProblem.Darcy, 2, 1, new double[4], new double[4], new Dictionary<string, double>()).Slice(0, 2));
    }
}
