using MathNet.Numerics;
using PdeKit.Numerics.Reservoir;

namespace PdeKit.Tests.Numerics.Reservoir;

public class RadialFlowTests
{
    // Published values of van Everdingen & Hurst, "The application of the Laplace transformation to flow problems
    // in reservoirs", Trans. AIME 186 (1949) 305-324, constant-rate case, as tabulated in the well-testing texts
    // (Lee, Well Testing, 1982, Appendix; Earlougher, SPE Monograph 5, 1977): wellbore p_D of the finite-radius
    // (cylindrical-source) well, S = 0, C_D = 0.
    private const double PublishedInfiniteAt4 = 1.275;       // infinite reservoir, t_D = 4
    private const double PublishedClosed10At40 = 2.401;      // closed circle r_eD = 10, t_D = 40
    private const double PublishedPseudoSteady10At400 = 9.6751; // r_eD = 10, t_D = 400, long-time formula

    // High-precision values of the same Laplace-domain solutions, inverted with mpmath 1.3.0
    // (invertlaplace(method='talbot') at mp.dps = 40, with mpmath's own besselk/besseli): an independent check of
    // our Bessel evaluation and of the Stehfest inversion (not of the transform formulas, which the published values
    // and the eigenfunction series below check).
    private static readonly (string Case, Func<double> Ours, double Reference)[] Talbot =
    [
        ("infinite, t = 0.1", () => RadialFlow.WellborePressure(0.1), 0.31423410794408955809),
        ("infinite, t = 1", () => RadialFlow.WellborePressure(1), 0.80214516660329858471),
        ("infinite, t = 4", () => RadialFlow.WellborePressure(4), 1.2748997406687568724),
        ("infinite, t = 25", () => RadialFlow.WellborePressure(25), 2.0620464870394135085),
        ("infinite, t = 100", () => RadialFlow.WellborePressure(100), 2.7228944431436985531),
        ("infinite, t = 1e4", () => RadialFlow.WellborePressure(1e4), 5.0099849243928525108),
        ("reD = 10, t = 4", () => RadialFlow.WellborePressure(4, reD: 10), 1.2748997408010975528),
        ("reD = 10, t = 40", () => RadialFlow.WellborePressure(40, reD: 10), 2.4010028274548038918),
        ("reD = 10, t = 400", () => RadialFlow.WellborePressure(400, reD: 10), 9.6750944730068826487),
        ("S = 5, CD = 1000, t = 100", () => RadialFlow.WellborePressure(100, 5, 1000), 0.099293697902944169065),
        ("S = 5, CD = 1000, t = 1e4", () => RadialFlow.WellborePressure(1e4, 5, 1000), 6.1537893888467557729),
        ("S = 5, CD = 1000, t = 1e6", () => RadialFlow.WellborePressure(1e6, 5, 1000), 12.299771712056866788),
        ("reD = 1000, S = 2, CD = 100, t = 1e5", () => RadialFlow.WellborePressure(1e5, 2, 100, 1000), 8.1528090979931813246),
        ("rD = 10, t = 100", () => RadialFlow.Pressure(10, 100), 0.52914276465863496379),
        ("reD = 10, rD = 5, t = 40", () => RadialFlow.Pressure(5, 40, reD: 10), 0.89743460756829445147),
    ];

    [Test]
    public void InfiniteActingCylindricalSourceMatchesVanEverdingenHurstAtTd4()
    {
        double p = RadialFlow.WellborePressure(4);
        // Computed 1.27490013 (Stehfest n = 16); 1.27489974 exactly (Talbot); published to 4 digits.
        Assert.That(p, Is.EqualTo(PublishedInfiniteAt4).Within(0.0005));
        Assert.That(Math.Round(p, 3), Is.EqualTo(PublishedInfiniteAt4));
    }

    [Test]
    public void ClosedCircleMatchesVanEverdingenHurstAtTd40()
    {
        double p = RadialFlow.WellborePressure(40, reD: 10);
        // Computed 2.40100826 (Stehfest n = 16); 2.40100283 exactly (Talbot and eigenfunction series).
        Assert.That(p, Is.EqualTo(PublishedClosed10At40).Within(0.0005));
        Assert.That(Math.Round(p, 3), Is.EqualTo(PublishedClosed10At40));
    }

    [Test]
    public void PseudoSteadyFormulaMatchesThePublishedValueAndTheInversion()
    {
        double pss = RadialFlow.PseudoSteadyClosed(400, 10);
        // 9.67509447300688 = the Talbot inversion of the full closed solution to 1e-15: at t_D = 400 the decaying
        // terms of the exact solution (exp(-0.155 t_D) and faster) are far below double precision.
        Assert.That(pss, Is.EqualTo(PublishedPseudoSteady10At400).Within(0.00005));
        Assert.That(pss, Is.EqualTo(9.6750944730068826487).Within(1e-13));
        double inverted = RadialFlow.WellborePressure(400, reD: 10);
        Assert.That(inverted, Is.EqualTo(pss).Within(1e-6 * pss)); // measured 3.3e-8
    }

    [Test]
    public void StehfestInversionMatchesTalbotInversion()
    {
        foreach (var (name, ours, reference) in Talbot)
        {
            // Measured worst 2.3e-6 (reD = 10, t = 40) with the default 16 terms.
            Assert.That(ours(), Is.EqualTo(reference).Within(5e-6 * reference), name);
        }
    }

    [Test]
    public void ClosedCircleMatchesTheEigenfunctionSeries()
    {
        // van Everdingen & Hurst (1949), closed circle, constant rate, the exact Bessel-series form:
        // p_wD = PSS(t, reD) + 2 Sum_n exp(-b_n^2 t) J1(b_n reD)^2 / (b_n^2 [J1(b_n reD)^2 - J1(b_n)^2]),
        // with b_n the roots of J1(b reD) Y1(b) - J1(b) Y1(b reD) = 0.
        // Independent of the Laplace transform and of Stehfest; J1, Y1 from MathNet.Numerics (Amos).
        const double ReD = 10;
        double[] roots = EigenvalueRoots(ReD, 8);
        Assert.That(roots[0], Is.EqualTo(0.394094161021).Within(1e-10)); // the first root, also found with mpmath
        foreach (double t in new[] { 5.0, 10.0, 20.0, 40.0, 100.0 })
        {
            double series = RadialFlow.PseudoSteadyClosed(t, ReD);
            foreach (double b in roots)
            {
                double j1e = SpecialFunctions.BesselJ(1, b * ReD), j1w = SpecialFunctions.BesselJ(1, b);
                series += 2 * Math.Exp(-b * b * t) * j1e * j1e / (b * b * ((j1e * j1e) - (j1w * j1w)));
            }

            double inverted = RadialFlow.WellborePressure(t, reD: ReD);
            Assert.That(inverted, Is.EqualTo(series).Within(5e-6 * series), $"t = {t}");
        }
    }

    [Test]
    public void LateTimeInfiniteSolutionApproachesTheSemilogLine()
    {
        // p_wD -> (ln t_D + 0.80907)/2 + S; the finite radius adds about (ln t_D + 1.81)/(4 t_D), 4e-6 at t_D = 1e6
        // (the next term of the large-t_D expansion, matching the Talbot values: 2.8e-4 at t_D = 1e4).
        double constant = RadialFlow.SemilogConstant;
        Assert.That(constant, Is.EqualTo(Math.Log(4) - ExponentialIntegral.EulerGamma).Within(1e-16));
        Assert.That(Math.Truncate(constant * 1e5) / 1e5, Is.EqualTo(0.80907)); // the texts' 0.80907 is truncated, not rounded
        foreach (double skin in new[] { 0.0, 3.0, -2.0 })
        {
            double p = RadialFlow.WellborePressure(1e6, skin);
            Assert.That(p, Is.EqualTo(RadialFlow.SemilogApproximation(1e6, skin)).Within(1e-5), $"S = {skin}");
        }

        // With storage the approach is slower (a correction of about C_D p/t_D).
        double stored = RadialFlow.WellborePressure(1e9, 3, 100);
        Assert.That(stored, Is.EqualTo(RadialFlow.SemilogApproximation(1e9, 3)).Within(1e-5));
    }

    [Test]
    public void SkinAddsAConstantWithoutStorage()
    {
        foreach (double t in new[] { 0.5, 50.0, 5000.0 })
        {
            double difference = RadialFlow.WellborePressure(t, 7.5) - RadialFlow.WellborePressure(t);
            Assert.That(difference, Is.EqualTo(7.5).Within(1e-6), $"t = {t}");
        }
    }

    [Test]
    public void EarlyTimeStorageFollowsTheUnitSlope()
    {
        // Pure wellbore storage: p_wD = t_D / C_D while the sandface rate is still ~0 (Agarwal et al. 1970).
        // Measured p C_D / t_D = 0.99999897, 0.99999030, 0.9999088 at t_D = 0.01, 0.1, 1 for S = 5, C_D = 1000.
        foreach (double t in new[] { 0.01, 0.1, 1.0 })
        {
            double p = RadialFlow.WellborePressure(t, 5, 1000);
            Assert.That(p * 1000 / t, Is.EqualTo(1.0).Within(1e-4), $"t = {t}");
        }

        // Log-log slope d ln p / d ln t -> 1.
        double slope = Math.Log(RadialFlow.WellborePressure(0.011, 5, 1000) / RadialFlow.WellborePressure(0.01, 5, 1000)) / Math.Log(1.1);
        Assert.That(slope, Is.EqualTo(1.0).Within(1e-5));
    }

    [Test]
    public void LineSourceApproachesTheCylindricalSource()
    {
        // Measured relative differences (cylindrical - line)/cylindrical at the wellbore (r_D = 1):
        // 9.4% at t_D = 5, 2.09% at t_D = 25, 1.06% at 50, 0.53% at 100, 0.053% at 1000. The often-quoted
        // "line source is within 1% for t_D/r_D^2 > 25" holds away from the well (0.12% at r_D = 5, 9e-5 at
        // r_D = 20) but not at r_D = 1, where 1% needs t_D of about 53.
        double Relative(double rD, double tD)
        {
            double cylinder = rD == 1 ? RadialFlow.WellborePressure(tD) : RadialFlow.Pressure(rD, tD);
            return (cylinder - RadialFlow.LineSource(rD, tD)) / cylinder;
        }

        Assert.That(Relative(1, 25), Is.EqualTo(0.0209).Within(0.0002));
        Assert.That(Relative(1, 55), Is.LessThan(0.01));
        Assert.That(Relative(1, 1000), Is.LessThan(6e-4));
        Assert.That(Relative(5, 25 * 25), Is.LessThan(0.002));
        Assert.That(Relative(20, 25 * 400), Is.LessThan(1e-4));
        foreach (double t in new[] { 5.0, 25.0, 100.0, 1000.0 })
        {
            Assert.That(Relative(1, t), Is.Positive, $"t = {t}"); // the finite well is always the larger
        }
    }

    [Test]
    public void LineSourceIsTheExponentialIntegral()
    {
        // Theis (1935): p_D = -Ei(-r_D^2/(4 t_D))/2; at r_D = 1, t_D = 25: E1(0.01)/2 (mpmath: 4.0379295765381138112/2).
        Assert.That(RadialFlow.LineSource(1, 25), Is.EqualTo(4.0379295765381138112 / 2).Within(1e-15));
        Assert.That(RadialFlow.LineSource(10, 2500), Is.EqualTo(RadialFlow.LineSource(1, 25)).Within(1e-15));
    }

    [Test]
    public void ReservoirPressureIsConsistentWithTheWellborePressure()
    {
        foreach (double reD in new[] { double.PositiveInfinity, 10.0 })
        {
            foreach (double t in new[] { 1.0, 30.0, 300.0 })
            {
                // Without storage, skin shifts only the wellbore: p(r_D = 1) is the zero-skin wellbore pressure.
                Assert.That(RadialFlow.Pressure(1, t, 4, 0, reD), Is.EqualTo(RadialFlow.WellborePressure(t, 0, 0, reD)).Within(1e-12));
                // With storage and skin: p_wD - p(r_D = 1) = S q_sfD, which lies between 0 and S.
                double drop = RadialFlow.WellborePressure(t, 4, 50, reD) - RadialFlow.Pressure(1, t, 4, 50, reD);
                Assert.That(drop, Is.InRange(0.0, 4.0), $"reD = {reD}, t = {t}");
                // Pressure falls with distance from the well.
                double previous = double.PositiveInfinity;
                foreach (double r in new[] { 1.0, 2.0, 5.0, 9.9 })
                {
                    double p = RadialFlow.Pressure(r, t, 0, 0, reD);
                    Assert.That(p, Is.LessThan(previous));
                    previous = p;
                }
            }
        }
    }

    [Test]
    public void ClosedBoundaryHasNoFlowAndPseudoSteadySlope()
    {
        // dp/dr = 0 at r_D = r_eD, and at pseudo-steady state dp_wD/dt_D = 2/(r_eD^2 - 1) (van Everdingen & Hurst 1949).
        const double ReD = 10;
        double h = 1e-3;
        double gradient = (RadialFlow.Pressure(ReD, 100, reD: ReD) - RadialFlow.Pressure(ReD - h, 100, reD: ReD)) / h;
        double inner = (RadialFlow.Pressure(2 + h, 100, reD: ReD) - RadialFlow.Pressure(2, 100, reD: ReD)) / h;
        Assert.That(Math.Abs(gradient), Is.LessThan(1e-4 * Math.Abs(inner)));
        double slope = (RadialFlow.WellborePressure(410, reD: ReD) - RadialFlow.WellborePressure(390, reD: ReD)) / 20;
        Assert.That(slope, Is.EqualTo(2.0 / 99).Within(1e-5 * 2.0 / 99)); // measured 2e-6
    }

    [Test]
    public void LargeClosedReservoirIsInfiniteActingEarly()
    {
        Assert.That(RadialFlow.WellborePressure(100, 2, 10, 1e4), Is.EqualTo(RadialFlow.WellborePressure(100, 2, 10)).Within(1e-14));
        Assert.That(RadialFlow.WellborePressure(1e-3, 0, 0, 1.5), Is.EqualTo(RadialFlow.WellborePressure(1e-3)).Within(1e-9));
    }

    [Test]
    public void InvalidArgumentsAreRejected()
    {
        void Throws(TestDelegate code, string name) =>
            Assert.That(code, NUnit.Framework.Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo(name), name);

        Throws(() => RadialFlow.LineSource(0, 1), "rD");
        Throws(() => RadialFlow.LineSource(1, double.NaN), "tD");
        Throws(() => RadialFlow.WellborePressure(0), "tD");
        Throws(() => RadialFlow.WellborePressure(-1), "tD");
        Throws(() => RadialFlow.WellborePressure(1, double.NaN), "skin");
        Throws(() => RadialFlow.WellborePressure(1, 0, -1), "storage");
        Throws(() => RadialFlow.WellborePressure(1, -1, 10), "skin"); // negative skin with storage: no bounded solution
        Throws(() => RadialFlow.WellborePressure(1, 0, 0, 1.0), "reD");
        Throws(() => RadialFlow.WellborePressure(1, 0, 0, double.NaN), "reD");
        Throws(() => RadialFlow.WellborePressure(1, stehfestTerms: 15), "n");
        Throws(() => RadialFlow.Pressure(0.5, 1), "rD");
        Throws(() => RadialFlow.Pressure(11, 1, reD: 10), "rD");
        Throws(() => RadialFlow.Pressure(double.PositiveInfinity, 1), "rD");
        Throws(() => RadialFlow.WellborePressureLaplace(0), "s");
        Throws(() => RadialFlow.PressureLaplace(2, double.NaN), "s");
        Throws(() => RadialFlow.PseudoSteadyClosed(1, 1), "reD");
        Throws(() => RadialFlow.PseudoSteadyClosed(1, double.PositiveInfinity), "reD");
        Throws(() => RadialFlow.PseudoSteadyClosed(0, 10), "tD");
        Throws(() => RadialFlow.SemilogApproximation(0), "tD");
        Assert.That(RadialFlow.WellborePressure(1, -1), Is.EqualTo(RadialFlow.WellborePressure(1) - 1).Within(1e-6)); // allowed without storage
    }

    private static double[] EigenvalueRoots(double reD, int count)
    {
        static double G(double b, double reD) =>
            (SpecialFunctions.BesselJ(1, b * reD) * SpecialFunctions.BesselY(1, b)) - (SpecialFunctions.BesselJ(1, b) * SpecialFunctions.BesselY(1, b * reD));

        var roots = new List<double>();
        double step = 0.01, a = step, ga = G(a, reD);
        while (roots.Count < count)
        {
            double b = a + step, gb = G(b, reD);
            if (Math.Sign(ga) != Math.Sign(gb))
            {
                double lo = a, hi = b, glo = ga;
                for (int i = 0; i < 60; i++)
                {
                    double mid = 0.5 * (lo + hi), gm = G(mid, reD);
                    if (Math.Sign(gm) == Math.Sign(glo))
                    {
                        lo = mid;
                        glo = gm;
                    }
                    else
                    {
                        hi = mid;
                    }
                }

                roots.Add(0.5 * (lo + hi));
            }

            a = b;
            ga = gb;
        }

        return [.. roots];
    }
}
