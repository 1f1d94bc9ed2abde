using MathNet.Numerics;
using PdeKit.Numerics;
using PdeKit.Numerics.Reservoir;

namespace PdeKit.Tests.Numerics.Reservoir;

public class LinearDiffusivityTests
{
    private static readonly double[] Positions = Grids.Linspace(0, 1, 21);

    [Test]
    public void FourierAndImageSeriesAgree()
    {
        // Both are exact representations of the same solution (Crank 1975, ch. 4; Carslaw & Jaeger 1959, ch. III);
        // both converge fast for t_D in [0.01, 5], so they must agree to rounding (measured worst 4.4e-16).
        double worst = 0;
        foreach (double t in new[] { 0.01, 0.03, 0.1, 0.2, 0.25, 0.3, 0.5, 1.0, 2.0, 5.0 })
        {
            foreach (double x in Positions)
            {
                double difference = Math.Abs(LinearDiffusivity.FourierSeries(x, t) - LinearDiffusivity.ImageSeries(x, t));
                worst = Math.Max(worst, difference);
                Assert.That(difference, Is.LessThan(1e-12), $"x = {x}, t = {t}");
            }
        }

        TestContext.Out.WriteLine($"worst |Fourier - images| = {worst:E2}");
    }

    [Test]
    public void AutomaticChoiceIsContinuousAtTheCrossover()
    {
        double t = LinearDiffusivity.SeriesCrossover;
        foreach (double x in Positions)
        {
            Assert.That(LinearDiffusivity.Pressure(x, Math.BitDecrement(t)), Is.EqualTo(LinearDiffusivity.Pressure(x, t)).Within(1e-14), $"x = {x}");
        }
    }

    [Test]
    public void BoundaryConditionsHold()
    {
        foreach (double t in new[] { 1e-4, 0.01, 0.2, 0.3, 1.0, 10.0 })
        {
            // p = 1 at x = 0.
            Assert.That(LinearDiffusivity.Pressure(0, t), Is.EqualTo(1.0).Within(1e-15), $"t = {t}");
            Assert.That(LinearDiffusivity.FourierSeries(0, t), Is.EqualTo(1.0).Within(1e-15), $"t = {t}");
            Assert.That(LinearDiffusivity.ImageSeries(0, t), Is.EqualTo(1.0).Within(1e-15), $"t = {t}");
            // dp/dx = 0 at x = 1: the solution is even about x = 1, so p(1) - p(1 - h) = O(h^2 p_xx).
            double h = 1e-4;
            double p1 = LinearDiffusivity.Pressure(1, t), ph = LinearDiffusivity.Pressure(1 - h, t);
            Assert.That(Math.Abs(p1 - ph), Is.LessThan(1e-8), $"t = {t}");
        }
    }

    [Test]
    public void SatisfiesTheDiffusivityEquation()
    {
        // p_t = p_xx by central differences (truncation ~1e-7 with these steps).
        foreach (double t in new[] { 0.05, 0.2, 0.3, 1.0 })
        {
            foreach (double x in new[] { 0.1, 0.4, 0.7, 0.95 })
            {
                double dt = 1e-4, dx = 1e-3;
                double pt = (LinearDiffusivity.Pressure(x, t + dt) - LinearDiffusivity.Pressure(x, t - dt)) / (2 * dt);
                double pxx = (LinearDiffusivity.Pressure(x + dx, t) - (2 * LinearDiffusivity.Pressure(x, t)) + LinearDiffusivity.Pressure(x - dx, t)) / (dx * dx);
                Assert.That(pt - pxx, Is.EqualTo(0.0).Within(1e-5 * Math.Max(1, Math.Abs(pt))), $"x = {x}, t = {t}");
            }
        }
    }

    [Test]
    public void SmallTimesEqualTheSemiInfiniteSolution()
    {
        // Before the front feels x = 1 the slab is semi-infinite: p = erfc(x/(2 sqrt t)) (Carslaw & Jaeger 1959, ch. II);
        // the first image term is erfc((2 - x)/(2 sqrt t)) <= erfc(5) ~ 1.5e-12 for t <= 0.01 and x <= 0.5.
        foreach (double t in new[] { 1e-6, 1e-4, 1e-3, 0.01 })
        {
            foreach (double x in Grids.Linspace(0, 0.5, 11))
            {
                double expected = SpecialFunctions.Erfc(x / (2 * Math.Sqrt(t)));
                Assert.That(LinearDiffusivity.SemiInfinite(x, t), Is.EqualTo(expected));
                double p = LinearDiffusivity.Pressure(x, t);
                Assert.That(p, Is.EqualTo(expected).Within((1e-15 * expected) + 2e-12), $"x = {x}, t = {t}");
            }
        }

        // Far ahead of the front the value is tiny but still carries full relative accuracy.
        double tiny = LinearDiffusivity.Pressure(0.5, 1e-3); // erfc(7.9) ~ 1.3e-29
        Assert.That(tiny, Is.EqualTo(SpecialFunctions.Erfc(0.5 / (2 * Math.Sqrt(1e-3)))).Within(1e-14 * tiny));
    }

    [Test]
    public void LateTimesFollowTheFirstEigenmode()
    {
        // 1 - p -> (4/pi) sin(pi x/2) exp(-pi^2 t/4); the next mode is exp(-2 pi^2 t) smaller (~1e-86 at t = 10).
        foreach (double x in Positions)
        {
            double t = 10;
            double mode = 4 / Math.PI * Math.Sin(Math.PI * x / 2) * Math.Exp(-Math.PI * Math.PI * t / 4);
            Assert.That(1 - LinearDiffusivity.Pressure(x, t), Is.EqualTo(mode).Within(1e-16), $"x = {x}");
        }
    }

    [Test]
    public void InitialStateAndMonotonicity()
    {
        Assert.That(LinearDiffusivity.Pressure(0, 0), Is.EqualTo(1.0));
        Assert.That(LinearDiffusivity.Pressure(0.3, 0), Is.Zero);
        Assert.That(LinearDiffusivity.SemiInfinite(2, 0), Is.Zero);
        foreach (double t in new[] { 0.001, 0.1, 1.0 })
        {
            double previous = double.PositiveInfinity;
            foreach (double x in Positions)
            {
                double p = LinearDiffusivity.Pressure(x, t);
                Assert.That(p, Is.InRange(0.0, 1.0));
                Assert.That(p, Is.LessThanOrEqualTo(previous));
                previous = p;
            }
        }
    }

    [Test]
    public void BoundaryFluxAgreesBetweenSeriesAndBalancesTheStoredVolume()
    {
        // Fourier and image forms of q_D = -dp/dx at x = 0 agree on both sides of the crossover.
        foreach (double t in new[] { 0.2, 0.249999, 0.25, 0.3 })
        {
            double viaImages = (1 + (2 * Enumerable.Range(1, 30).Sum(n => (n % 2 == 0 ? 1 : -1) * Math.Exp(-(double)n * n / t)))) / Math.Sqrt(Math.PI * t);
            Assert.That(LinearDiffusivity.BoundaryFlux(t), Is.EqualTo(viaImages).Within(1e-13 * viaImages), $"t = {t}");
        }

        // Early: q_D ~ 1/sqrt(pi t) (semi-infinite).
        Assert.That(LinearDiffusivity.BoundaryFlux(1e-4), Is.EqualTo(1 / Math.Sqrt(Math.PI * 1e-4)).Within(1e-12));

        // Mass balance: d/dt Int_0^1 p dx = q_D(t) (Simpson in x, central difference in t).
        foreach (double t in new[] { 0.05, 0.2, 0.5, 1.0 })
        {
            double dt = 1e-4;
            double rate = (Stored(t + dt) - Stored(t - dt)) / (2 * dt);
            Assert.That(rate, Is.EqualTo(LinearDiffusivity.BoundaryFlux(t)).Within(1e-6 * LinearDiffusivity.BoundaryFlux(t)), $"t = {t}");
        }
    }

    [Test]
    public void InvalidArgumentsAreRejected()
    {
        void Throws(TestDelegate code, string name) =>
            Assert.That(code, NUnit.Framework.Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo(name), name);

        Throws(() => LinearDiffusivity.Pressure(-0.1, 1), "xD");
        Throws(() => LinearDiffusivity.Pressure(1.1, 1), "xD");
        Throws(() => LinearDiffusivity.Pressure(double.NaN, 1), "xD");
        Throws(() => LinearDiffusivity.Pressure(0.5, -1), "tD");
        Throws(() => LinearDiffusivity.Pressure(0.5, double.PositiveInfinity), "tD");
        Throws(() => LinearDiffusivity.FourierSeries(0.5, 0), "tD");
        Throws(() => LinearDiffusivity.ImageSeries(0.5, 0), "tD");
        Throws(() => LinearDiffusivity.SemiInfinite(-1, 1), "xD");
        Throws(() => LinearDiffusivity.SemiInfinite(1, double.NaN), "tD");
        Throws(() => LinearDiffusivity.BoundaryFlux(0), "tD");
    }

    private static double Stored(double t)
    {
        const int N = 2000; // Simpson, error ~ h^4 p'''' ~ 1e-13 for these t
        double h = 1.0 / N, sum = LinearDiffusivity.Pressure(0, t) + LinearDiffusivity.Pressure(1, t);
        for (int i = 1; i < N; i++)
        {
            sum += (i % 2 == 0 ? 2 : 4) * LinearDiffusivity.Pressure(i * h, t);
        }

        return sum * h / 3;
    }
}
