using PdeKit.Numerics;

namespace PdeKit.Tests.Numerics;

public class ColeHopfBurgersTests
{
    // Basdevant, Deville, Haldenwang, Lacroix, Ouazzani, Peyret, Orlandi, Patera, "Spectral and finite
    // difference solutions of the Burgers equation", Computers & Fluids 14 (1986) 23-41: for nu = 0.01/pi the
    // steepest slope is max |u_x| = 152.00516 at x = 0, t = 1.6037/pi (from the Cole-Hopf solution by
    // Hermite quadrature).
    private const double PublishedMaxSlope = 152.00516;
    private const double PublishedSteepestTime = 1.6037 / Math.PI;

    private static readonly ColeHopfBurgers Exact = new();

    [Test]
    public void SlopeAtTheSteepestTimeMatchesBasdevant()
    {
        double slope = Exact.Ux(0.0, PublishedSteepestTime);
        Assert.That(slope, Is.Negative);
        // Published to 8 digits; the computed value is 152.0051616.
        Assert.That(Math.Abs(slope), Is.EqualTo(PublishedMaxSlope).Within(1e-5));
        Assert.That(Math.Round(Math.Abs(slope), 1), Is.EqualTo(152.0));
    }

    [Test]
    public void SteepestSlopeOverTimeIsAtThePublishedTime()
    {
        // Golden-section search for the largest |u_x(0, t)| on [0.45, 0.6].
        double a = 0.45, b = 0.6, g = (Math.Sqrt(5) - 1) / 2;
        for (int i = 0; i < 60; i++)
        {
            double c = b - (g * (b - a)), d = a + (g * (b - a));
            if (Math.Abs(Exact.Ux(0, c)) > Math.Abs(Exact.Ux(0, d)))
            {
                b = d;
            }
            else
            {
                a = c;
            }
        }

        double t = (a + b) / 2;
        // Published time 1.6037/pi (4 digits); the computed maximum is at 1.603688/pi.
        Assert.That(t * Math.PI, Is.EqualTo(1.6037).Within(1e-4));
        Assert.That(Math.Abs(Exact.Ux(0, t)), Is.EqualTo(PublishedMaxSlope).Within(1e-5));
    }

    [Test]
    public void SlopeIsSteepestAtTheOrigin()
    {
        double atZero = Math.Abs(Exact.Ux(0, PublishedSteepestTime));
        foreach (double x in Grids.Linspace(-0.05, 0.05, 101))
        {
            Assert.That(Math.Abs(Exact.Ux(x, PublishedSteepestTime)), Is.LessThanOrEqualTo(atZero + 1e-9));
        }
    }

    [Test]
    public void InitialConditionIsExact()
    {
        foreach (double x in Grids.Linspace(-1, 1, 37))
        {
            Assert.That(Exact.U(x, 0), Is.EqualTo(-Math.Sin(Math.PI * x)).Within(1e-15));
            Assert.That(Exact.Ux(x, 0), Is.EqualTo(-Math.PI * Math.Cos(Math.PI * x)).Within(1e-14));
        }

        Assert.That(Exact.U(-1, 0), Is.Zero);
        Assert.That(Exact.U(1, 0), Is.Zero);
    }

    [Test]
    public void SmallTimesApproachTheInitialCondition()
    {
        // u(x, t) = u0 + t (nu u0'' - u0 u0') + O(t^2) for smooth data (Taylor series of the equation).
        double t = 1e-6;
        foreach (double x in Grids.Linspace(-1, 1, 21))
        {
            double u0 = -Math.Sin(Math.PI * x), du0 = -Math.PI * Math.Cos(Math.PI * x), d2u0 = -Math.PI * Math.PI * u0;
            Assert.That(Exact.U(x, t), Is.EqualTo(u0 + (t * ((Exact.Nu * d2u0) - (u0 * du0)))).Within(1e-11));
        }
    }

    [Test]
    public void BoundaryValuesAreZeroAndSolutionIsOdd()
    {
        foreach (double t in BurgersEvaluationGrid.T.Append(1.0).Append(2.0))
        {
            Assert.That(Exact.U(-1, t), Is.EqualTo(0.0).Within(1e-13), $"t = {t}");
            Assert.That(Exact.U(1, t), Is.EqualTo(0.0).Within(1e-13), $"t = {t}");
            Assert.That(Exact.U(0, t), Is.EqualTo(0.0).Within(1e-13), $"t = {t}");
            foreach (double x in new[] { 0.1, 0.37, 0.9 })
            {
                Assert.That(Exact.U(-x, t), Is.EqualTo(-Exact.U(x, t)).Within(1e-13));
            }
        }
    }

    [TestCase(0.5, 0.3)]
    [TestCase(-0.2, 0.1)]
    [TestCase(0.02, 0.9)]
    public void SatisfiesTheEquation(double x, double t)
    {
        // Residual u_t + u u_x - nu u_xx with u_t and u_xx by central differences of the exact solution.
        double nu = Exact.Nu, ht = 1e-5, hx = 1e-5;
        double u = Exact.U(x, t), ux = Exact.Ux(x, t);
        double ut = (Exact.U(x, t + ht) - Exact.U(x, t - ht)) / (2 * ht);
        double uxx = (Exact.Ux(x + hx, t) - Exact.Ux(x - hx, t)) / (2 * hx);
        double scale = Math.Abs(ut) + Math.Abs(u * ux) + Math.Abs(nu * uxx);
        Assert.That(ut + (u * ux) - (nu * uxx), Is.EqualTo(0.0).Within(1e-6 * scale));
    }

    [Test]
    public void AnalyticDerivativeMatchesDifferenceQuotient()
    {
        foreach (var (x, t) in new[] { (0.3, 0.2), (-0.7, 0.6), (0.01, PublishedSteepestTime), (0.9, 0.99) })
        {
            double h = 1e-6;
            double quotient = (Exact.U(x + h, t) - Exact.U(x - h, t)) / (2 * h);
            Assert.That(Exact.Ux(x, t), Is.EqualTo(quotient).Within(1e-6 * Math.Max(1, Math.Abs(quotient))));
        }
    }

    [Test]
    public void DefaultQuadratureIsConverged()
    {
        // 200 nodes (the default) against 400 on the evaluation times.
        var fine = new ColeHopfBurgers(quadratureNodes: 400);
        foreach (double t in BurgersEvaluationGrid.T.Skip(1))
        {
            foreach (double x in Grids.Linspace(-1, 1, 41))
            {
                Assert.That(Exact.U(x, t), Is.EqualTo(fine.U(x, t)).Within(1e-12));
                Assert.That(Exact.Ux(x, t), Is.EqualTo(fine.Ux(x, t)).Within(1e-9));
            }
        }
    }

    [Test]
    public void VectorisedEvaluationMatchesPointwise()
    {
        var xs = new List<double>();
        var ts = new List<double>();
        foreach (double t in new[] { 0.0, 0.25, 0.5, 0.99 })
        {
            foreach (double x in Grids.Linspace(-1, 1, 300))
            {
                xs.Add(x);
                ts.Add(t);
            }
        }

        double[] u = Exact.U(xs.ToArray(), ts.ToArray());
        for (int i = 0; i < u.Length; i++)
        {
            Assert.That(u[i], Is.EqualTo(Exact.U(xs[i], ts[i])));
        }
    }

    [Test]
    public void RejectsMismatchedLengths()
    {
        var ex = Assert.Throws<ArgumentException>(() => Exact.U(new double[3], new double[2]));
        Assert.That(ex!.Message, Does.Contain("x has 3 values but t has 2"));
    }

    [TestCase(0.0)]
    [TestCase(-0.01)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void RejectsBadViscosity(double nu)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new ColeHopfBurgers(nu));
        Assert.That(ex!.ParamName, Is.EqualTo("nu"));
        Assert.That(ex.Message, Does.Contain($"nu = {nu}"));
    }

    [Test]
    public void RejectsBadNodeCountAndTimes()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new ColeHopfBurgers(quadratureNodes: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Exact.U(0.5, -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Exact.U(0.5, double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Exact.Ux(double.NaN, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Exact.U(new[] { 0.1, 0.2 }, new[] { 0.1, -1.0 }));
    }
}
