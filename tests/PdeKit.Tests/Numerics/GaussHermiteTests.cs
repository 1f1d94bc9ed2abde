using PdeKit.Numerics;

namespace PdeKit.Tests.Numerics;

public class GaussHermiteTests
{
    [Test]
    public void FivePointRuleMatchesPublishedTable()
    {
        // Abramowitz & Stegun, Handbook of Mathematical Functions (1964), Table 25.10, n = 5
        // (also NIST DLMF 3.5(vi) tables): nodes 0, +-0.958572464613819, +-2.020182870456086;
        // weights 0.945308720482942, 0.393619323152241, 0.0199532420590459.
        var (x, w) = GaussHermite.Rule(5);
        Assert.That(x, Is.EqualTo(new[] { -2.020182870456086, -0.958572464613819, 0.0, 0.958572464613819, 2.020182870456086 })
            .Within(2e-15));
        Assert.That(w, Is.EqualTo(new[] { 0.0199532420590459, 0.393619323152241, 0.945308720482942, 0.393619323152241, 0.0199532420590459 })
            .Within(2e-15));
    }

    [Test]
    public void SmallRulesMatchClosedForms()
    {
        // n = 1: H_1 = 2x -> node 0, weight sqrt(pi). n = 2: H_2 = 4x^2 - 2 -> +-1/sqrt(2), weights sqrt(pi)/2.
        // n = 3: H_3 = 8x^3 - 12x -> 0, +-sqrt(3/2), weights 2 sqrt(pi)/3 and sqrt(pi)/6.
        double sp = Math.Sqrt(Math.PI);
        var one = GaussHermite.Rule(1);
        Assert.That(one.Nodes, Is.EqualTo(new[] { 0.0 }));
        Assert.That(one.Weights[0], Is.EqualTo(sp).Within(1e-15));
        var two = GaussHermite.Rule(2);
        Assert.That(two.Nodes, Is.EqualTo(new[] { -Math.Sqrt(0.5), Math.Sqrt(0.5) }).Within(1e-15));
        Assert.That(two.Weights, Is.EqualTo(new[] { sp / 2, sp / 2 }).Within(1e-15));
        var three = GaussHermite.Rule(3);
        Assert.That(three.Nodes, Is.EqualTo(new[] { -Math.Sqrt(1.5), 0.0, Math.Sqrt(1.5) }).Within(1e-15));
        Assert.That(three.Weights, Is.EqualTo(new[] { sp / 6, 2 * sp / 3, sp / 6 }).Within(1e-15));
    }

    [TestCase(20)]
    [TestCase(100)]
    [TestCase(200)]
    public void WeightsSumToSqrtPiAndNodesAreAscendingAndSymmetric(int n)
    {
        var (x, w) = GaussHermite.Rule(n);
        Assert.That(x, Has.Length.EqualTo(n));
        Assert.That(w.Sum(), Is.EqualTo(Math.Sqrt(Math.PI)).Within(1e-13));
        Assert.That(w, Has.All.GreaterThan(0.0));
        for (int i = 0; i < n; i++)
        {
            Assert.That(x[n - 1 - i], Is.EqualTo(-x[i]));
            if (i > 0)
            {
                Assert.That(x[i], Is.GreaterThan(x[i - 1]));
            }
        }
    }

    [TestCase(20)]
    [TestCase(100)]
    [TestCase(200)]
    public void EvenMomentsMatchClosedForm(int n)
    {
        // Int x^(2k) exp(-x^2) dx = Gamma(k + 1/2) = sqrt(pi) (1/2)(3/2)...(k - 1/2), exact for 2k <= 2n - 1.
        // High moments are dominated by the outermost nodes, so this checks the tiny weights' relative accuracy.
        var (x, w) = GaussHermite.Rule(n);
        double exact = Math.Sqrt(Math.PI);
        for (int k = 0; k < Math.Min(n, 70); k++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                sum += w[i] * Math.Pow(x[i], 2 * k);
            }

            Assert.That(sum / exact, Is.EqualTo(1.0).Within(1e-11), $"n = {n}, moment x^{2 * k}");
            exact *= k + 0.5;
        }
    }

    [Test]
    public void OddMomentsVanish()
    {
        var (x, w) = GaussHermite.Rule(100);
        for (int k = 0; k < 20; k++)
        {
            double sum = 0;
            double magnitude = 0;
            for (int i = 0; i < x.Length; i++)
            {
                double term = w[i] * Math.Pow(x[i], (2 * k) + 1);
                sum += term;
                magnitude += Math.Abs(term);
            }

            Assert.That(sum, Is.EqualTo(0.0).Within(1e-14 * magnitude), $"moment x^{(2 * k) + 1}");
        }
    }

    [Test]
    public void LargeRuleStaysStable()
    {
        // n = 1000: the outermost weights underflow to 0 (they are below 1e-308), the rest keep the total.
        var (x, w) = GaussHermite.Rule(1000);
        Assert.That(w.Sum(), Is.EqualTo(Math.Sqrt(Math.PI)).Within(1e-12));
        Assert.That(w, Has.All.GreaterThanOrEqualTo(0.0));
        Assert.That(x.Zip(x.Skip(1)).All(p => p.Second > p.First), Is.True);
        // Largest zero of H_1000 is about sqrt(2n + 1) - 1.8557571 (2n + 1)^(-1/6) (DLMF 18.16.16 Airy asymptotics).
        Assert.That(x[^1], Is.EqualTo(Math.Sqrt(2001) - (1.8557571 * Math.Pow(2001, -1.0 / 6))).Within(1e-3));
    }

    [TestCase(0)]
    [TestCase(-3)]
    public void RejectsFewerThanOneNode(int n)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => GaussHermite.Rule(n));
        Assert.That(ex!.ParamName, Is.EqualTo("n"));
        Assert.That(ex.Message, Does.Contain("at least 1 node"));
    }
}
