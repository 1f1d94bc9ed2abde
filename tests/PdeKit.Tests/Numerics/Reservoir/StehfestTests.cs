using PdeKit.Numerics.Reservoir;

namespace PdeKit.Tests.Numerics.Reservoir;

public class StehfestTests
{
    [Test]
    public void WeightsMatchStehfestsTableForTenTerms()
    {
        // Stehfest, Comm. ACM 13(1), 1970, Algorithm 368: the weights for n = 10, evaluated exactly in rational
        // arithmetic (Python fractions) from Stehfest's formula: 1/12, -385/12, 1279, -46871/3, 505465/6,
        // -473915/2, 1127735/3, -1020215/3, 328125/2, -65625/2 (the familiar decimals 0.0833, -32.083, 1279,
        // -15623.667, 84244.167, -236957.5, 375911.667, -340071.667, 164062.5, -32812.5).
        double[] expected = [1.0 / 12, -385.0 / 12, 1279, -46871.0 / 3, 505465.0 / 6, -473915.0 / 2, 1127735.0 / 3, -1020215.0 / 3, 328125.0 / 2, -65625.0 / 2];
        double[] v = Stehfest.Weights(10);
        Assert.That(v, Has.Length.EqualTo(10));
        for (int i = 0; i < 10; i++)
        {
            Assert.That(v[i], Is.EqualTo(expected[i]).Within(1e-14 * Math.Abs(expected[i])), $"V_{i + 1}");
        }
    }

    [Test]
    public void WeightsSumToZeroAndInvertOneOverSExactly()
    {
        // Sum V_i = 0 (the transform of 0) and Sum V_i / i = 1 (the transform of 1 is 1/s), both exact identities.
        foreach (int n in new[] { 2, 4, 8, 12, 16 })
        {
            double[] v = Stehfest.Weights(n);
            double scale = v.Max(Math.Abs);
            Assert.That(v.Sum(), Is.EqualTo(0.0).Within(1e-15 * scale), $"n = {n}");
            Assert.That(v.Select((w, i) => w / (i + 1)).Sum(), Is.EqualTo(1.0).Within(1e-15 * scale), $"n = {n}");
        }
    }

    [Test]
    public void InvertsKnownTransforms()
    {
        // Standard Laplace pairs (A&S section 29.3): 1/s -> 1, 1/s^2 -> t, 1/(s+1) -> e^-t.
        foreach (double t in new[] { 0.01, 0.1, 0.5, 1.0, 2.0, 10.0 })
        {
            Assert.That(Stehfest.Invert(s => 1 / s, t), Is.EqualTo(1.0).Within(1e-9), $"1/s at t = {t}");
            // Not an identity of the weights: Sum V_i/i^2 = ln 2 only to 9.6e-7 relative for n = 12 (exact rational
            // weights, Python fractions); 4e-8 for n = 16.
            Assert.That(Stehfest.Invert(s => 1 / (s * s), t), Is.EqualTo(t).Within(2e-6 * t), $"1/s^2 at t = {t}");
        }

        // e^-t is the classical hard case for Stehfest (fast decay): measured relative errors with n = 12 are
        // 1.2e-8, 3e-7, 1.6e-6, 2.7e-5 at t = 0.01, 0.1, 0.5, 1, then 4e-4 at t = 2 and 2% at t = 5.
        foreach (double t in new[] { 0.01, 0.1, 0.5, 1.0 })
        {
            double f = Stehfest.Invert(s => 1 / (s + 1), t);
            Assert.That(f, Is.EqualTo(Math.Exp(-t)).Within(5e-5 * Math.Exp(-t)), $"1/(s+1) at t = {t}");
        }

        Assert.That(Stehfest.Invert(s => 1 / (s + 1), 2.0), Is.EqualTo(Math.Exp(-2.0)).Within(1e-3 * Math.Exp(-2.0)));
    }

    [Test]
    public void AccuracyImprovesWithTermsUntilRoundingTakesOver()
    {
        // F(s) = s^(-3/2) -> 2 sqrt(t/pi) (A&S section 29.3).
        double t = 3.0, exact = 2 * Math.Sqrt(t / Math.PI);
        double Error(int n) => Math.Abs(Stehfest.Invert(s => 1 / (s * Math.Sqrt(s)), t, n) - exact);
        Assert.That(Error(12), Is.LessThan(Error(6)));
        Assert.That(Error(16), Is.LessThan(Error(12)));
        Assert.That(Error(12), Is.LessThan(1e-6 * exact));
    }

    [Test]
    public void InvalidArgumentsAreRejected()
    {
        Assert.That(() => Stehfest.Invert(null!, 1.0), Throws.TypeOf<ArgumentNullException>().With.Property("ParamName").EqualTo("laplace"));
        foreach (int n in new[] { 0, 1, 7, 22, -2 })
        {
            Assert.That(() => Stehfest.Invert(s => 1 / s, 1.0, n), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("n"), $"n = {n}");
            Assert.That(() => Stehfest.Weights(n), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("n"), $"n = {n}");
        }

        foreach (double t in new[] { 0.0, -1.0, double.NaN, double.PositiveInfinity })
        {
            Assert.That(() => Stehfest.Invert(s => 1 / s, t), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("t"), $"t = {t}");
        }
    }
}
