using PdeKit.Numerics;
using PdeKit.Numerics.Reservoir;

namespace PdeKit.Tests.Numerics.Reservoir;

public class SealingBoundaryTests
{
    private static readonly double[] Positions = Grids.Linspace(0, 1, 21);

    [Test]
    public void FourierAndImageSeriesAgree()
    {
        // Two exact representations of the slab with constant flux at one face and the other insulated (Carslaw and
        // Jaeger 1959, section 3.3); both converge fast for tau in [0.01, 3], so they must agree to rounding.
        double worst = 0;
        foreach (double tau in new[] { 0.01, 0.05, 0.1, 0.25, 0.5, 1.0, 3.0 })
        {
            foreach (double xi in Positions)
            {
                double a = SealingBoundary.FourierSeries(xi, tau), b = SealingBoundary.ImageSeries(xi, tau);
                worst = Math.Max(worst, Math.Abs(a - b) / Math.Max(1e-3, Math.Abs(a)));
            }
        }
        TestContext.Out.WriteLine($"worst relative difference {worst:E2}");
        Assert.That(worst, Is.LessThan(1e-13));
    }

    [Test]
    public void EarlyAndLateFacePressuresFollowTheirAsymptotes()
    {
        // Early: the infinite-acting constant-flux face, P(0, tau) = 2 sqrt(tau / pi) (the images are below exp(-1/tau)).
        foreach (double tau in new[] { 1e-4, 1e-3, 1e-2 })
            Assert.That(SealingBoundary.ScaledPressure(0, tau), Is.EqualTo(2 * Math.Sqrt(tau / Math.PI)).Within(1e-12 * Math.Sqrt(tau)));
        // Late: pseudo-steady state, P(0, tau) = tau + 1/3 (the first transient term is exp(-pi^2 tau) / pi^2 * 2).
        foreach (double tau in new[] { 4.0, 10.0 })
            Assert.That(SealingBoundary.ScaledPressure(0, tau), Is.EqualTo(tau + 1.0 / 3).Within(1e-15 * tau));
        Assert.That(SealingBoundary.ScaledPressure(0.3, 0), Is.EqualTo(0));
    }

    [Test]
    public void TheSolutionSatisfiesTheEquationAndItsBoundaryConditions()
    {
        // Central differences: dP/dtau = d2P/dxi2 inside, -dP/dxi = 1 at the face, dP/dxi = 0 at the seal.
        const double h = 1e-3, k = 1e-5;
        foreach (double tau in new[] { 0.02, 0.2, 0.8 })
        {
            foreach (double xi in new[] { 0.2, 0.5, 0.8 })
            {
                double dt = (SealingBoundary.ScaledPressure(xi, tau + k) - SealingBoundary.ScaledPressure(xi, tau - k)) / (2 * k);
                double dxx = (SealingBoundary.ScaledPressure(xi + h, tau) - 2 * SealingBoundary.ScaledPressure(xi, tau) + SealingBoundary.ScaledPressure(xi - h, tau)) / (h * h);
                Assert.That(dt, Is.EqualTo(dxx).Within(1e-4 * Math.Max(1, Math.Abs(dt))), $"xi {xi}, tau {tau}");
            }
            double face = (-3 * SealingBoundary.ScaledPressure(0, tau) + 4 * SealingBoundary.ScaledPressure(h, tau) - SealingBoundary.ScaledPressure(2 * h, tau)) / (2 * h);
            double seal = (3 * SealingBoundary.ScaledPressure(1, tau) - 4 * SealingBoundary.ScaledPressure(1 - h, tau) + SealingBoundary.ScaledPressure(1 - 2 * h, tau)) / (2 * h);
            Assert.That(face, Is.EqualTo(-1).Within(1e-5), $"face flux at tau {tau}");
            Assert.That(seal, Is.EqualTo(0).Within(1e-5), $"no flow at tau {tau}");
        }
    }

    [Test]
    public void TheFacePressureScalesWithTheDistanceAndIsBlindToItEarly()
    {
        Assert.That(SealingBoundary.FacePressure(0.8, 2), Is.EqualTo(2 * SealingBoundary.ScaledPressure(0, 0.2)).Within(1e-15));
        // Before the pressure reaches the seal, distances 2 and 4 give the same face pressure 2 sqrt(t / pi).
        Assert.That(SealingBoundary.FacePressure(0.01, 2), Is.EqualTo(SealingBoundary.FacePressure(0.01, 4)).Within(1e-14));
        // Late: t / L + L / 3.
        Assert.That(SealingBoundary.FacePressure(40, 2), Is.EqualTo(40 / 2.0 + 2 / 3.0).Within(1e-12));
    }

    [Test]
    public void TheLeastSquaresFitRecoversTheDistance()
    {
        var times = Enumerable.Range(0, 50).Select(i => 0.04 * Math.Pow(100, i / 49.0)).ToArray();
        var clean = times.Select(t => SealingBoundary.FacePressure(t, 2)).ToArray();
        var exact = SealingBoundary.Fit(times, clean, start: 1);
        Assert.That(exact.Distance, Is.EqualTo(2).Within(1e-7));
        Assert.That(exact.Rms, Is.LessThan(1e-9));
        // The Cartesian start: the late slope over the last quarter (tau 0.31 to 1) is steeper than 1 / L, so it is a bit short.
        double cartesian = SealingBoundary.CartesianEstimate(times, clean);
        TestContext.Out.WriteLine($"Cartesian estimate {cartesian:F4}");
        Assert.That(cartesian, Is.LessThan(2).And.GreaterThan(1.8));
        var noisy = RelativeNoise.Apply(clean, 0.01, 7);
        var fit = SealingBoundary.Fit(times, noisy);
        TestContext.Out.WriteLine($"noisy fit L = {fit.Distance:F4} +- {fit.StandardError:F4}, rms {fit.Rms:E2}");
        Assert.That(fit.Distance, Is.EqualTo(2).Within(3 * fit.StandardError));
        Assert.That(fit.StandardError, Is.LessThan(0.05));
    }

    [Test]
    public void BadInputIsNamed()
    {
        Assert.That(() => SealingBoundary.ScaledPressure(1.5, 1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("xi must lie in [0, 1]"));
        Assert.That(() => SealingBoundary.ScaledPressure(0.5, double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("tau"));
        Assert.That(() => SealingBoundary.FacePressure(1, 0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("distance"));
        Assert.That(() => SealingBoundary.Fit([1, 2], [1, 2]), Throws.ArgumentException.With.Message.Contains("at least 3 samples"));
        Assert.That(() => SealingBoundary.Fit([1, 3, 2], [1, 2, 3]), Throws.ArgumentException.With.Message.Contains("times must increase"));
        Assert.That(() => SealingBoundary.Fit([1, 2, 3], [1, 2]), Throws.ArgumentException.With.Message.Contains("differ in length"));
        Assert.That(() => SealingBoundary.CartesianEstimate([1, 2, 3], [3, 2, 1]), Throws.ArgumentException.With.Message.Contains("must rise"));
        Assert.That(() => SealingBoundary.Fit([1, 2, 3], [1, double.NaN, 3]), Throws.ArgumentException.With.Message.Contains("sample 1 is not finite"));
    }
}
