using MathNet.Numerics;
using PdeKit.Numerics.Reservoir;

namespace PdeKit.Tests.Numerics.Reservoir;

public class ExponentialIntegralTests
{
    // Reference values of E1(x) (A&S 5.1.1, DLMF 6.2.1) computed to 30 significant digits with mpmath 1.3.0
    // (mpmath.e1, mp.dps = 30), an arbitrary-precision implementation independent of ours, and rounded to 20
    // digits here. E1(1) = 0.21938393439552027368 is the classical value (A&S Table 5.1 gives 0.219383934).
    // Reference values of E1(x) (A&S 5.1.1, DLMF 6.2.1) computed to 30 significant digits with mpmath 1.3.0
    // (mpmath.e1 at mp.dps = 30, evaluated at the exact binary value of each double x), an arbitrary-precision
    // implementation independent of ours, rounded to 20 digits here. E1(1) = 0.21938393439552027368 is the
    // classical value (A&S Table 5.1 lists it to 9 decimals as 0.219383934).
    private static readonly (double X, double E1)[] E1Table =
    [
        (1e-10, 22.448635265138923943),
        (1e-5, 10.935719800043695533),
        (0.01, 4.0379295765381138112),
        (0.1, 1.8229239584193906159),
        (0.25, 1.0442826344437381945),
        (0.5, 0.55977359477616081175),
        (0.74, 0.34671327890389445741),
        (0.76, 0.33411532109074833096),
        (0.999999, 0.21938430227532933545),
        (1.0, 0.21938393439552027368),
        (1.000001, 0.21938356651644701163),
        (1.5, 0.1000195824066326519),
        (2.0, 0.048900510708061119567),
        (3.0, 0.013048381094197037413),
        (5.0, 0.0011482955912753257973),
        (10.0, 4.1569689296853242774e-6),
        (20.0, 9.8355252906498816904e-11),
        (50.0, 3.7832640295504590187e-24),
        (100.0, 3.6835977616820321802e-46),
        (300.0, 1.7103842768045101157e-133),
        (700.0, 1.4065187662340329228e-307),
    ];

    // Reference values of Ei(x) for x > 0 (A&S 5.1.2, DLMF 6.2.5), likewise mpmath 1.3.0 (mpmath.ei, mp.dps = 30,
    // at the exact double x), rounded to 20 digits. The first five straddle the zero x0 = 0.3725074107813666
    // (DLMF 6.13): their x are the doubles nearest x0 + 1e-12, x0 - 1e-9, x0 + 1e-6, x0 - 0.01, x0 + 0.1, written
    // out in full. So close to the zero the exact double matters: the decimal 0.372 would give an Ei 5e-15
    // (relative) away from that of the double 0.372.
    private static readonly (double X, double Ei)[] EiTable =
    [
        (0.37250741078236665, 3.8962946293413560447e-12),
        (0.37250740978136665, -3.8962156781932580962e-9),
        (0.37250841078136665, 3.8962124523666644554e-6),
        (0.3625074107813666, -0.039296973051309378202),
        (0.47250741078136665, 0.36225901548087600012),
        (1e-8, -17.843465069050832566),
        (0.1, -1.6228128139692766136),
        (0.3, -0.30266853926582593442),
        (0.372, -0.0019778276243342979245),
        (0.5, 0.45421990486317357992),
        (1.0, 1.8951178163559367555),
        (2.0, 4.9542343560018901634),
        (5.0, 40.185275355803177455),
        (10.0, 2492.2289762418777591),
        (20.0, 25615652.66405658882),
        (39.99999, 6039659417581388.5059),
        (40.0, 6039718263611241.5784),
        (50.0, 1.0585636897131690963e+20),
        (100.0, 2.7155527448538798219e+41),
        (500.0, 2.8128213978862943375e+214),
        (700.0, 1.4509787360525608526e+301),
        (715.0, 4.6436256703705711004e+307),
    ];

    [Test]
    public void E1MatchesHighPrecisionValues()
    {
        foreach (var (x, expected) in E1Table)
        {
            double relative = Math.Abs((ExponentialIntegral.E1(x) - expected) / expected);
            Assert.That(relative, Is.LessThan(1e-15), $"x = {x}");
        }
    }

    [Test]
    public void EiMatchesHighPrecisionValuesIncludingNextToItsZero()
    {
        foreach (var (x, expected) in EiTable)
        {
            double relative = Math.Abs((ExponentialIntegral.Ei(x) - expected) / expected);
            Assert.That(relative, Is.LessThan(3e-15), $"x = {x}");
        }
    }

    [Test]
    public void NegativeArgumentsGiveMinusE1()
    {
        foreach (var (x, expected) in E1Table)
        {
            // A&S 5.1.7 (DLMF 6.2.6 with x real): Ei(-x) = -E1(x).
            Assert.That(ExponentialIntegral.Ei(-x), Is.EqualTo(-ExponentialIntegral.E1(x)), $"x = {x}");
            Assert.That(Math.Abs((ExponentialIntegral.Ei(-x) + expected) / expected), Is.LessThan(3e-15), $"x = {x}");
        }
    }

    [Test]
    public void E1AgreesWithAnIndependentQuadrature()
    {
        // Independent method: E1(x) = Int_0^inf exp(-x e^v) dv (A&S 5.1.4 after t = e^v), and v = e^w makes it
        // Int_R exp(-x exp(e^w)) e^w dw, whose integrand is analytic in the strip |Im w| < pi/2 and decays on both
        // sides, so the trapezoidal rule converges geometrically; the strip narrows where e^w ~ ln(1/x) is large,
        // hence the fine step h = 1/512 (1/32 leaves 7e-11 at x = 1e-6).
        foreach (double x in LogGrid(-6, Math.Log10(500), 41))
        {
            double quadrature = TrapezoidE1(x);
            double relative = Math.Abs((ExponentialIntegral.E1(x) - quadrature) / quadrature);
            Assert.That(relative, Is.LessThan(1e-13), $"x = {x}");
        }
    }

    [Test]
    public void EiHasTheDerivativeExpOverX()
    {
        // DLMF 6.2.5: d Ei/dx = e^x / x; the central difference with h = 1e-5 min(x, 1) is good to about 1e-10.
        foreach (double x in new[] { 0.01, 0.2, 0.3725, 0.5, 0.9, 1.1, 3.0, 12.0, 39.0, 41.0, 60.0 })
        {
            double h = 1e-5 * Math.Min(x, 1);
            double slope = (ExponentialIntegral.Ei(x + h) - ExponentialIntegral.Ei(x - h)) / (2 * h);
            Assert.That(slope, Is.EqualTo(Math.Exp(x) / x).Within(1e-8 * Math.Exp(x) / x), $"x = {x}");
        }
    }

    [Test]
    public void BranchesJoinContinuously()
    {
        // The crossovers: E1 at 0.75 (series | continued fraction); Ei at x0 +- 0.15 (series | root form) and at 40
        // (series | asymptotic). Across a step of 1e-12 relative, the functions change by |f'| dx.
        foreach (double x in new[] { 0.75 })
        {
            double below = ExponentialIntegral.E1(x * (1 - 1e-12)), above = ExponentialIntegral.E1(x * (1 + 1e-12));
            Assert.That(Math.Abs(below - above) / above, Is.LessThan(1e-11));
        }

        foreach (double x in new[] { 0.3725074107813666 - 0.15, 0.3725074107813666 + 0.15, 40.0 })
        {
            double below = ExponentialIntegral.Ei(x * (1 - 1e-12)), above = ExponentialIntegral.Ei(x * (1 + 1e-12));
            double expected = Math.Exp(x) / x * 2e-12 * x;
            Assert.That(Math.Abs(above - below - expected), Is.LessThan(1e-14 * Math.Abs(above)), $"x = {x}");
        }
    }

    [Test]
    public void LimitsAndSpecialValues()
    {
        Assert.That(ExponentialIntegral.E1(double.PositiveInfinity), Is.Zero);
        Assert.That(ExponentialIntegral.Ei(double.PositiveInfinity), Is.EqualTo(double.PositiveInfinity));
        Assert.That(ExponentialIntegral.Ei(double.NegativeInfinity), Is.Zero);
        Assert.That(ExponentialIntegral.E1(800), Is.Zero); // underflows (E1(800) ~ 2.7e-351)
        Assert.That(ExponentialIntegral.Ei(720), Is.EqualTo(double.PositiveInfinity)); // overflows (Ei(720) ~ 6.6e309)
        // Small x: E1(x) = -gamma - ln x + x + O(x^2) (A&S 5.1.11).
        Assert.That(ExponentialIntegral.E1(1e-300), Is.EqualTo(-ExponentialIntegral.EulerGamma - Math.Log(1e-300)).Within(1e-15).Percent);
    }

    [Test]
    public void InvalidArgumentsAreRejected()
    {
        Assert.That(() => ExponentialIntegral.E1(0), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("x"));
        Assert.That(() => ExponentialIntegral.E1(-1), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("x"));
        Assert.That(() => ExponentialIntegral.E1(double.NaN), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("x"));
        Assert.That(() => ExponentialIntegral.Ei(0), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("x"));
        Assert.That(() => ExponentialIntegral.Ei(double.NaN), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("x"));
    }

    [Test]
    public void MathNetExponentialIntegralCrossCheck()
    {
        // MathNet.Numerics 5.0.0 has SpecialFunctions.ExponentialIntegral(x, n) = E_n(x); a cross-check only.
        // Against 30-digit mpmath values at 3000 random points in [1e-10, 100] its worst relative error was 8.3e-15
        // (near x = 1.5, where it uses a forward continued fraction); ours was 4.4e-16.
        foreach (double x in LogGrid(-4, 2, 25))
        {
            double theirs = SpecialFunctions.ExponentialIntegral(x, 1);
            double ours = ExponentialIntegral.E1(x);
            Assert.That(Math.Abs((theirs - ours) / ours), Is.LessThan(MathNetAgreement), $"x = {x}");
        }
    }

    private const double MathNetAgreement = 2e-14;

    /// <summary>n points from 10^a to 10^b, evenly spaced in log10.</summary>
    internal static double[] LogGrid(double a, double b, int n) =>
        [.. Enumerable.Range(0, n).Select(i => Math.Pow(10, a + ((b - a) * i / (n - 1))))];

    private static double TrapezoidE1(double x)
    {
        const double H = 1.0 / 512;
        double upper = Math.Log(Math.Log(800.0 / x)); // exp(-x exp(e^w)) < exp(-800) beyond
        double sum = 0.0;
        for (double w = upper; w > -45.0; w -= H)
        {
            double ew = Math.Exp(w);
            sum += Math.Exp(-x * Math.Exp(ew)) * ew;
        }

        return sum * H;
    }
}
