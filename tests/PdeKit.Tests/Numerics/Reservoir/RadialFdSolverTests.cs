using MathNet.Numerics;
using PdeKit.Numerics.Reservoir;

namespace PdeKit.Tests.Numerics.Reservoir;

public class RadialFdSolverTests
{
    // van Everdingen & Hurst, "The application of the Laplace transformation to flow problems in reservoirs",
    // Trans. AIME 186 (1949) 305-324, constant-terminal-rate tables as quoted in Earlougher, Advances in Well
    // Test Analysis, SPE Monograph 5 (1977), and Lee, Well Testing (1982): for r_eD = 10 (S = 0, C_D = 0),
    // p_wD = 1.275 at t_D = 4 (still infinite acting) and p_wD = 2.401 at t_D = 40 (closed boundary felt).
    private const double PublishedInfiniteActingAt4 = 1.275;
    private const double PublishedClosedAt40 = 2.401;

    // Higher-precision values of the same solutions: the van Everdingen-Hurst Laplace-space solutions
    //   infinite:   p_wD(s) = K0(sqrt s) / (s^{3/2} K1(sqrt s)),
    //   closed:     p_wD(s) = [K0(q) I1(r_eD q) + I0(q) K1(r_eD q)] / (s q [I1(r_eD q) K1(q) - I1(q) K1(r_eD q)]), q = sqrt s,
    // with storage and skin (Agarwal, Al-Hussainy & Ramey, SPE J. 10 (1970) 279-290)
    //   p_wD(s) = [K0(q) + S q K1(q)] / (s {q K1(q) + C_D s [K0(q) + S q K1(q)]}),
    // inverted numerically with mpmath 1.3.0 invertlaplace (Talbot and de Hoog agree to 12 digits), 30 digits.
    private const double LaplaceInfiniteAt4 = 1.27489974067;
    private const double LaplaceClosed10At40 = 2.40100282745;
    private const double LaplaceClosed10At400 = 9.67509447301;
    private const double LaplaceStorage1000At10 = 0.00995653380915;
    private const double LaplaceStorage100Skin5At1000 = 5.80150696199;

    private static readonly RadialFdOptions Closed10 = new(OuterRadiusRD: 10);

    [Test]
    public void InfiniteActingValueAtTD4MatchesVanEverdingenHurst()
    {
        double closed = new RadialFdSolver(Closed10).WellPressure([4.0])[0];
        double infinite = new RadialFdSolver().WellPressure([4.0])[0];
        // Measured 1.274925 for both (the boundary at r_eD = 10 is not felt yet): 0.006% below the published 1.275.
        Assert.That(closed, Is.EqualTo(PublishedInfiniteActingAt4).Within(0.3).Percent);
        Assert.That(infinite, Is.EqualTo(PublishedInfiniteActingAt4).Within(0.3).Percent);
        Assert.That(closed, Is.EqualTo(LaplaceInfiniteAt4).Within(5e-5));
        Assert.That(closed, Is.EqualTo(infinite).Within(2e-6));
    }

    [Test]
    public void ClosedValueAtTD40MatchesVanEverdingenHurst()
    {
        double p = new RadialFdSolver(Closed10).WellPressure([40.0])[0];
        // Measured 2.401022 (published 2.401; Laplace inversion 2.4010028).
        Assert.That(p, Is.EqualTo(PublishedClosedAt40).Within(0.3).Percent);
        Assert.That(p, Is.EqualTo(LaplaceClosed10At40).Within(3e-5));
    }

    [Test]
    public void ClosedLateTimeMatchesThePseudoSteadyStateFormula()
    {
        // Pseudo-steady state of a bounded circular reservoir (van Everdingen & Hurst 1949; Earlougher 1977 eq. 2.13):
        // p_D = 2 (t_D + 1/4) / (r_eD^2 - 1) - (3 r_eD^4 - 4 r_eD^4 ln r_eD - 2 r_eD^2 - 1) / (4 (r_eD^2 - 1)^2),
        // 9.6751 at r_eD = 10, t_D = 400.
        const double re = 10;
        double Pss(double t) => (2 * (t + 0.25) / ((re * re) - 1))
            - (((3 * Math.Pow(re, 4)) - (4 * Math.Pow(re, 4) * Math.Log(re)) - (2 * re * re) - 1) / (4 * Math.Pow((re * re) - 1, 2)));
        Assert.That(Pss(400), Is.EqualTo(9.6751).Within(1e-4));
        double[] t = [100, 400, 1000];
        double[] p = new RadialFdSolver(Closed10).WellPressure(t);
        // Measured 9.675094 at t_D = 400.
        Assert.That(p[1], Is.EqualTo(9.6751).Within(0.3).Percent);
        Assert.That(p[1], Is.EqualTo(LaplaceClosed10At400).Within(1e-5));
        for (int i = 0; i < t.Length; i++)
        {
            Assert.That(p[i], Is.EqualTo(Pss(t[i])).Within(1e-5), $"t_D = {t[i]}");
        }
    }

    [Test]
    public void InfiniteLateTimeIsTheSemilogStraightLineShiftedBySkin()
    {
        // Late-time (t_D > 100 ... ) approximation of the line source: p_wD = 0.5 (ln t_D + 0.80907) + S
        // (Earlougher 1977 eq. 2.5b; Lee 1982 eq. 1.57). Its own error is 3e-4 relative at t_D = 1e4.
        double[] t = [1e4, 1e5, 1e6];
        foreach (double skin in new[] { 0.0, 3.0, -2.0 })
        {
            double[] p = new RadialFdSolver(new RadialFdOptions(Skin: skin)).WellPressure(t);
            for (int i = 0; i < t.Length; i++)
            {
                double semilog = (0.5 * (Math.Log(t[i]) + 0.80907)) + skin;
                Assert.That(p[i], Is.EqualTo(semilog).Within(0.3).Percent, $"S = {skin}, t_D = {t[i]}");
                Assert.That(p[i], Is.EqualTo(semilog).Within(1e-3), $"S = {skin}, t_D = {t[i]}");
            }
        }
    }

    [Test]
    public void FieldFarFromTheWellMatchesTheLineSource()
    {
        // Line-source (exponential-integral) solution p_D = 0.5 E1(r_D^2 / (4 t_D)) (Theis 1935; Matthews &
        // Russell 1967; Earlougher 1977 eq. 2.2), accurate for r_D >= 20 (Earlougher fig. 2.1). The
        // cylindrical-source values differ from it by at most 2.2e-4 relative at these points (Laplace inversion).
        var field = new RadialFdSolver().Solve([1e4, 4e4]);
        foreach (double t in field.TD)
        {
            foreach (double r in new[] { 20.0, 35.0, 50.0, 70.0, 100.0 })
            {
                double lineSource = 0.5 * SpecialFunctions.ExponentialIntegral(r * r / (4 * t), 1);
                Assert.That(field.Interpolate(r, t), Is.EqualTo(lineSource).Within(0.5).Percent, $"r_D = {r}, t_D = {t}");
                Assert.That(field.Interpolate(r, t), Is.EqualTo(lineSource).Within(0.05).Percent, $"r_D = {r}, t_D = {t}");
            }
        }
    }

    [Test]
    public void WellboreStorageGivesTheUnitSlopeAtEarlyTime()
    {
        // Pure wellbore storage: p_wD = t_D / C_D while the sandface rate is negligible (Ramey 1965; Agarwal et al.
        // 1970; Earlougher 1977 eq. 2.20).
        const double cd = 1000;
        double[] t = [1, 3, 10];
        double[] p = new RadialFdSolver(new RadialFdOptions(StorageCD: cd)).WellPressure(t);
        Assert.That(p[2], Is.EqualTo(10 / cd).Within(1).Percent);
        Assert.That(p[2], Is.EqualTo(LaplaceStorage1000At10).Within(1e-8));
        double slope = Math.Log(p[2] / p[0]) / Math.Log(t[2] / t[0]);
        Assert.That(slope, Is.EqualTo(1.0).Within(0.01), "log-log slope of p_wD between t_D = 1 and 10");
        Assert.That(p[0], Is.EqualTo(1 / cd).Within(0.2).Percent);
    }

    [Test]
    public void StorageAndSkinMatchTheLaplaceSolutionAndSkinShiftsTheLateCurve()
    {
        double[] t = [1e3, 1e6];
        double[] damaged = new RadialFdSolver(new RadialFdOptions(Skin: 5, StorageCD: 100)).WellPressure(t);
        double[] clean = new RadialFdSolver(new RadialFdOptions(StorageCD: 100)).WellPressure(t);
        // Measured 5.801729 at t_D = 1000 (4e-5 relative from the Laplace inversion), during the transition.
        Assert.That(damaged[0], Is.EqualTo(LaplaceStorage100Skin5At1000).Within(0.01).Percent);
        // Late time: storage forgotten, the curve is the clean one shifted by S = 5.
        Assert.That(damaged[1] - clean[1], Is.EqualTo(5.0).Within(0.3).Percent);
        Assert.That(damaged[1], Is.EqualTo((0.5 * (Math.Log(1e6) + 0.80907)) + 5).Within(0.3).Percent);
    }

    [Test]
    public void SkinWithoutStorageIsAConstantShift()
    {
        double[] t = [0.1, 1, 10, 100];
        double[] plain = new RadialFdSolver().WellPressure(t);
        double[] skinned = new RadialFdSolver(new RadialFdOptions(Skin: -1.5)).WellPressure(t);
        for (int i = 0; i < t.Length; i++)
        {
            Assert.That(skinned[i] - plain[i], Is.EqualTo(-1.5).Within(1e-12));
        }
    }

    [Test]
    public void ConvergesAtSecondOrderUnderJointRefinement()
    {
        // Cells and steps per log cycle doubled together; error at t_D = 4 (infinite) and t_D = 40 (r_eD = 10)
        // against the Laplace inversions. Measured errors at t_D = 4: 3.2e-4, 8.0e-5, 2.0e-5 relative for
        // (50, 25), (100, 50), (200, 100): observed orders 2.00 and 1.99.
        (int Cells, int Steps)[] levels = [(50, 25), (100, 50), (200, 100)];
        double[] infiniteErrors = levels
            .Select(l => Math.Abs(new RadialFdSolver(new RadialFdOptions(CellsPerLogCycle: l.Cells, StepsPerLogCycle: l.Steps))
                .WellPressure([4.0])[0] - LaplaceInfiniteAt4))
            .ToArray();
        double[] closedErrors = levels
            .Select(l => Math.Abs(new RadialFdSolver(Closed10 with { CellsPerLogCycle = l.Cells, StepsPerLogCycle = l.Steps })
                .WellPressure([40.0])[0] - LaplaceClosed10At40))
            .ToArray();
        for (int i = 1; i < levels.Length; i++)
        {
            Assert.That(Math.Log2(infiniteErrors[i - 1] / infiniteErrors[i]), Is.InRange(1.8, 2.3), $"infinite, level {i}");
            Assert.That(Math.Log2(closedErrors[i - 1] / closedErrors[i]), Is.InRange(1.7, 2.5), $"closed, level {i}");
        }
    }

    [Test]
    public void SpaceAndTimeErrorsAreEachSecondOrder()
    {
        // Separately: a fine time grid with coarse space, and a fine space grid with coarse time, each halved,
        // against a run fine in both (t_D = 4, infinite).
        double P(int cells, int steps) =>
            new RadialFdSolver(new RadialFdOptions(CellsPerLogCycle: cells, StepsPerLogCycle: steps)).WellPressure([4.0])[0];
        double reference = P(800, 800);
        double spaceOrder = Math.Log2(Math.Abs(P(50, 800) - reference) / Math.Abs(P(100, 800) - reference));
        double timeOrder = Math.Log2(Math.Abs(P(800, 20) - reference) / Math.Abs(P(800, 40) - reference));
        Assert.That(spaceOrder, Is.InRange(1.8, 2.3));
        Assert.That(timeOrder, Is.InRange(1.7, 2.5));
    }

    [Test]
    public void BuildupEqualsSuperpositionOfDrawdowns()
    {
        // Superposition in time (linearity of the equation): after a shut-in at t_p, p_wD(t_p + dt) =
        // p_D(t_p + dt) - p_D(dt) (Horner 1951; Earlougher 1977 eq. 2.18), checked with and without storage.
        const double tp = 1000;
        double[] dt = [0.5, 5, 50, 500, 5000];
        foreach (var options in new[] { new RadialFdOptions(Skin: 2), new RadialFdOptions(Skin: 2, StorageCD: 50), Closed10 })
        {
            var solver = new RadialFdSolver(options);
            double[] times = [tp, .. dt.Select(d => tp + d)];
            double[] buildup = solver.WellPressure(times, RadialFdRateSchedule.Buildup(tp));
            double[] drawdown = solver.WellPressure(times);
            double[] shut = solver.WellPressure(dt);
            // At t_p itself the rate is already 0 (right-continuous), so without storage the skin drop S q_D is gone.
            double expected = options.StorageCD > 0 ? drawdown[0] : drawdown[0] - options.Skin;
            Assert.That(buildup[0], Is.EqualTo(expected).Within(1e-12));
            for (int i = 0; i < dt.Length; i++)
            {
                double superposed = drawdown[i + 1] - shut[i];
                // Each run carries its own time-discretisation error of ~2e-5 of the drawdown pressure (they differ
                // in step sequence); measured at most 1.6e-4 absolute (C_D = 50, dt = 500, drawdown p_wD = 6.9).
                Assert.That(buildup[i + 1], Is.EqualTo(superposed).Within(5e-5 * drawdown[i + 1]), $"{options}, dt = {dt[i]}");
            }
        }
    }

    [Test]
    public void ShutInWellWithoutStorageDropsBySkinAtOnce()
    {
        // Right-continuous rates: at the shut-in time the rate is 0, so the skin pressure drop S q_D is gone.
        var solver = new RadialFdSolver(new RadialFdOptions(Skin: 4));
        var schedule = new RadialFdRateSchedule([0.0, 10.0, 20.0], [1.0, 0.0, 2.0]);
        double[] p = solver.WellPressure([9.999999, 10.0, 19.999999, 20.0], schedule);
        Assert.That(p[0] - p[1], Is.EqualTo(4.0).Within(1e-5));
        Assert.That(p[3] - p[2], Is.EqualTo(8.0).Within(1e-5));
        Assert.That(schedule.RateAt(10.0), Is.Zero);
        Assert.That(schedule.RateAt(15.0), Is.Zero);
        Assert.That(schedule.RateAt(25.0), Is.EqualTo(2.0));
    }

    [Test]
    public void FieldHoldsTheRequestedTimesAndInterpolatesLinearlyInLogRadius()
    {
        var field = new RadialFdSolver(Closed10).Solve([1.0, 2.0]);
        Assert.That(field.TD, Is.EqualTo(new[] { 1.0, 2.0 }));
        Assert.That(field.IsClosed, Is.True);
        Assert.That(field.OuterRadius, Is.EqualTo(10.0));
        double[] r = field.RD;
        double[,] p = field.P;
        Assert.That(r[0], Is.EqualTo(1.0));
        Assert.That(field.LogSpacing, Is.EqualTo(Math.Log(10) / (r.Length - 1)).Within(1e-15));
        Assert.That(field.Interpolate(1.0, 1.0), Is.EqualTo(field.WellPressure[0]));
        Assert.That(field.Interpolate(r[7], 2.0), Is.EqualTo(p[1, 7]));
        double mid = Math.Sqrt(r[7] * r[8]);
        Assert.That(field.Interpolate(mid, 1.5), Is.EqualTo(0.25 * (p[0, 7] + p[0, 8] + p[1, 7] + p[1, 8])).Within(1e-14));
        Assert.That(field.TimeSteps, Is.GreaterThan(100));
        Assert.That(() => field.Interpolate(0.99, 1.0), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => field.Interpolate(2.0, 2.5), Throws.TypeOf<ArgumentOutOfRangeException>());

        var infinite = new RadialFdSolver().Solve([100.0]);
        Assert.That(infinite.IsClosed, Is.False);
        // Truncated at 20 sqrt(100) = 200 rounded up to whole cells of h = ln 10 / 200 (default CellsPerLogCycle).
        double h = Math.Log(10) / 200;
        Assert.That(infinite.LogSpacing, Is.EqualTo(h).Within(1e-15));
        Assert.That(infinite.OuterRadius, Is.InRange(200.0, 200 * Math.Exp(h)));
        Assert.That(infinite.RD[123], Is.EqualTo(Math.Exp(123 * h)).Within(1e-13));
        Assert.That(infinite.P[0, infinite.RD.Length - 1], Is.Zero);
    }

    [Test]
    public void IsFast()
    {
        // Ten log cycles of time on an infinite reservoir: well under the suite's budget on a slow CPU.
        var solver = new RadialFdSolver(new RadialFdOptions(Skin: 1, StorageCD: 10));
        solver.WellPressure([1e-2, 1e8]);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        solver.WellPressure([1e-2, 1e8]);
        Assert.That(watch.Elapsed.TotalSeconds, Is.LessThan(1.0));
    }

    [TestCase(double.NaN, 0, "Skin")]
    [TestCase(double.PositiveInfinity, 0, "Skin")]
    [TestCase(0, double.NaN, "StorageCD")]
    [TestCase(0, -1, "StorageCD")]
    public void RejectsBadWellParameters(double skin, double storage, string name)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new RadialFdOptions(Skin: skin, StorageCD: storage));
        Assert.That(ex!.ParamName, Is.EqualTo(name));
    }

    [Test]
    public void RejectsBadGridAndBoundaryParameters()
    {
        Assert.That(() => new RadialFdOptions(OuterRadiusRD: 1.0),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("OuterRadiusRD"));
        Assert.That(() => new RadialFdOptions(OuterRadiusRD: double.NaN),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("OuterRadiusRD"));
        Assert.That(() => new RadialFdOptions(OuterRadiusRD: 0.5),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("OuterRadiusRD"));
        Assert.That(() => new RadialFdOptions(CellsPerLogCycle: 0),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("CellsPerLogCycle"));
        Assert.That(() => new RadialFdOptions(StepsPerLogCycle: -5),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("StepsPerLogCycle"));
        Assert.That(() => Closed10 with { OuterRadiusRD = double.PositiveInfinity }, Throws.InstanceOf<ArgumentException>());
        Assert.That(() => new RadialFdSolver(new RadialFdOptions(Skin: -1, StorageCD: 10)),
            Throws.InstanceOf<ArgumentException>().With.Message.Contains("ill-posed"));
    }

    [Test]
    public void RejectsBadTimes()
    {
        var solver = new RadialFdSolver(Closed10);
        Assert.That(() => solver.WellPressure([]), Throws.ArgumentException.With.Property("ParamName").EqualTo("tD"));
        Assert.That(() => solver.WellPressure([0.0, 1.0]), Throws.ArgumentException.With.Message.Contains("positive"));
        Assert.That(() => solver.WellPressure([-1.0]), Throws.ArgumentException.With.Message.Contains("positive"));
        Assert.That(() => solver.WellPressure([double.NaN]), Throws.ArgumentException.With.Property("ParamName").EqualTo("tD"));
        Assert.That(() => solver.WellPressure([2.0, 1.0]), Throws.ArgumentException.With.Message.Contains("strictly ascending"));
        Assert.That(() => solver.Solve([1.0, 1.0]), Throws.ArgumentException.With.Message.Contains("strictly ascending"));
    }

    [Test]
    public void RejectsBadRateSchedules()
    {
        Assert.That(() => new RadialFdRateSchedule([], []), Throws.ArgumentException.With.Property("ParamName").EqualTo("startTimes"));
        Assert.That(() => new RadialFdRateSchedule([0.0, 1.0], [1.0]), Throws.ArgumentException.With.Property("ParamName").EqualTo("rates"));
        Assert.That(() => new RadialFdRateSchedule([1.0], [1.0]), Throws.ArgumentException.With.Property("ParamName").EqualTo("startTimes"));
        Assert.That(() => new RadialFdRateSchedule([0.0, 2.0, 2.0], [1.0, 0, 1]), Throws.ArgumentException.With.Message.Contains("ascending"));
        Assert.That(() => new RadialFdRateSchedule([0.0], [double.NaN]), Throws.ArgumentException.With.Property("ParamName").EqualTo("rates"));
        Assert.That(() => RadialFdRateSchedule.Buildup(0), Throws.ArgumentException.With.Property("ParamName").EqualTo("producingTime"));
    }
}
