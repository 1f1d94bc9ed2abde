using PdeKit.Numerics.Reservoir;

namespace PdeKit.Tests.Numerics.Reservoir;

public class BourdetDerivativeTests
{
    /// <summary>Irregular, log-spaced sample times from 1e-2 to 1e4, as a gauge records them.</summary>
    private static double[] IrregularTimes()
    {
        var random = new Random(7);
        double x = -2;
        var t = new List<double>();
        while (x < 4)
        {
            t.Add(Math.Pow(10, x));
            x += 0.02 + (0.1 * random.NextDouble());
        }

        return [.. t];
    }

    [Test]
    public void SemilogStraightLineGivesItsSlopeExactly()
    {
        // dp = a ln t + b: d(dp)/d ln t = a at every point, ends included, for any smoothing (Bourdet et al. 1989).
        double[] t = IrregularTimes();
        const double A = 0.8125, B = 3.5;
        double[] dp = [.. t.Select(ti => (A * Math.Log(ti)) + B)];
        foreach (double smoothing in new[] { 0.0, 0.1, 0.2, 0.5 })
        {
            double[] derivative = BourdetDerivative.Compute(t, dp, smoothing);
            Assert.That(derivative, Has.Length.EqualTo(t.Length));
            foreach (double d in derivative)
            {
                Assert.That(d, Is.EqualTo(A).Within(1e-12), $"L = {smoothing}");
            }
        }
    }

    [Test]
    public void LineSourceDerivativeTendsToOneHalf()
    {
        // p_D = E1(1/(4 t_D))/2 has the exact derivative t dp/dt = exp(-1/(4 t_D))/2 -> 1/2, the infinite-acting
        // radial-flow stabilisation of the derivative plot (Bourdet et al. 1989).
        double[] t = [.. Enumerable.Range(0, 81).Select(i => Math.Pow(10, 2 + (i * 0.05)))];
        double[] p = [.. t.Select(ti => RadialFlow.LineSource(1, ti))];
        double[] derivative = BourdetDerivative.Compute(t, p, smoothing: 0.1);
        for (int i = 0; i < t.Length; i++)
        {
            // Second order in the stencil width (h = 0.23 in ln t with L = 0.1): 7e-6 off at t = 112, falling like
            // 1/t; the end points get one-sided slopes, first order (7e-5 off at t = 100).
            double exact = 0.5 * Math.Exp(-1 / (4 * t[i]));
            bool end = i == 0 || i == t.Length - 1;
            Assert.That(derivative[i], Is.EqualTo(exact).Within((end ? 1e-2 : 2e-3) / t[i]), $"t = {t[i]}");
        }

        Assert.That(derivative[^2], Is.EqualTo(0.5).Within(1e-6));
    }

    [Test]
    public void CylindricalSourceWithStorageShowsUnitSlopeThenOneHalf()
    {
        // The classic derivative type curve: unit slope (derivative = p = t/C_D) early, hump, then 1/2.
        double[] t = [.. Enumerable.Range(0, 71).Select(i => Math.Pow(10, -1 + (i * 0.1)))];
        double[] p = [.. t.Select(ti => RadialFlow.WellborePressure(ti, skin: 2, storage: 100))];
        double[] derivative = BourdetDerivative.Compute(t, p);
        Assert.That(derivative[1] / p[1], Is.EqualTo(1.0).Within(0.01)); // t_D = 0.126
        Assert.That(derivative[^2], Is.EqualTo(0.5).Within(0.005));      // t_D = 4e5
        Assert.That(derivative.Max(), Is.GreaterThan(0.6));              // the storage-skin hump
    }

    [Test]
    public void PowerLawsGiveTheirSlopes()
    {
        // dp = t^n has t d(dp)/dt = n t^n; the weighted difference is second order in the log spacing h = 0.05 ln 10.
        double[] t = [.. Enumerable.Range(0, 61).Select(i => Math.Pow(10, i * 0.05))];
        foreach (double n in new[] { 0.5, 1.0 })
        {
            double[] dp = [.. t.Select(ti => Math.Pow(ti, n))];
            double[] derivative = BourdetDerivative.Compute(t, dp);
            for (int i = 1; i < t.Length - 1; i++)
            {
                Assert.That(derivative[i] / (n * dp[i]), Is.EqualTo(1.0).Within(3e-3), $"n = {n}, t = {t[i]}");
            }
        }
    }

    [Test]
    public void SmoothingChoosesPointsAtLeastLAway()
    {
        // t = 10^(k/10): with L = 0.25 log cycle the partners of point 10 are points 7 and 13 (0.3 cycle away);
        // point 1 has no point 0.25 cycle to its left, so it uses point 0.
        double[] t = [.. Enumerable.Range(0, 21).Select(k => Math.Pow(10, k / 10.0))];
        double[] dp = [.. t.Select(ti => Math.Pow(Math.Log(ti), 3))];
        double[] x = [.. t.Select(ti => Math.Log(ti))];
        double Weighted(int i, int j, int k)
        {
            double left = (dp[i] - dp[j]) / (x[i] - x[j]), right = (dp[k] - dp[i]) / (x[k] - x[i]);
            return ((left * (x[k] - x[i])) + (right * (x[i] - x[j]))) / (x[k] - x[j]);
        }

        double[] derivative = BourdetDerivative.Compute(t, dp, smoothing: 0.25);
        Assert.That(derivative[10], Is.EqualTo(Weighted(10, 7, 13)).Within(1e-12));
        Assert.That(derivative[1], Is.EqualTo(Weighted(1, 0, 4)).Within(1e-12));
        Assert.That(derivative[19], Is.EqualTo(Weighted(19, 16, 20)).Within(1e-12));
        Assert.That(derivative[0], Is.EqualTo((dp[1] - dp[0]) / (x[1] - x[0])).Within(1e-12));
        // Exactly L apart counts as "at least L" despite rounding: L = 0.3 pairs point 10 with 7 and 13.
        Assert.That(BourdetDerivative.Compute(t, dp, smoothing: 0.3)[10], Is.EqualTo(Weighted(10, 7, 13)).Within(1e-12));
        double[] plain = BourdetDerivative.Compute(t, dp);
        Assert.That(plain[10], Is.EqualTo(Weighted(10, 9, 11)).Within(1e-12));
    }

    [Test]
    public void InvalidArgumentsAreRejected()
    {
        double[] t = [1, 2, 3], dp = [0, 1, 2];
        Assert.That(() => BourdetDerivative.Compute(null!, dp), Throws.TypeOf<ArgumentNullException>().With.Property("ParamName").EqualTo("t"));
        Assert.That(() => BourdetDerivative.Compute(t, null!), Throws.TypeOf<ArgumentNullException>().With.Property("ParamName").EqualTo("dp"));
        Assert.That(() => BourdetDerivative.Compute(t, [0, 1]), Throws.TypeOf<ArgumentException>().With.Property("ParamName").EqualTo("dp"));
        Assert.That(() => BourdetDerivative.Compute([1], [0]), Throws.TypeOf<ArgumentException>().With.Property("ParamName").EqualTo("t"));
        Assert.That(() => BourdetDerivative.Compute([1, 1, 2], dp), Throws.TypeOf<ArgumentException>().With.Property("ParamName").EqualTo("t"));
        Assert.That(() => BourdetDerivative.Compute([0, 1, 2], dp), Throws.TypeOf<ArgumentException>().With.Property("ParamName").EqualTo("t"));
        Assert.That(() => BourdetDerivative.Compute([1, double.NaN, 2], dp), Throws.TypeOf<ArgumentException>().With.Property("ParamName").EqualTo("t"));
        Assert.That(() => BourdetDerivative.Compute(t, [0, double.NaN, 1]), Throws.TypeOf<ArgumentException>().With.Property("ParamName").EqualTo("dp"));
        Assert.That(() => BourdetDerivative.Compute(t, dp, -0.1), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("smoothing"));
        Assert.That(() => BourdetDerivative.Compute(t, dp, double.NaN), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("smoothing"));
    }
}
