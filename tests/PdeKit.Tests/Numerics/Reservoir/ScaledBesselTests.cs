using PdeKit.Numerics.Reservoir;

namespace PdeKit.Tests.Numerics.Reservoir;

public class ScaledBesselTests
{
    // exp(-x) I0(x), exp(-x) I1(x), exp(x) K0(x), exp(x) K1(x) from mpmath 1.3.0 (besseli, besselk at mp.dps = 30),
    // rounded to 20 digits.
    private static readonly (double X, double I0e, double I1e, double K0e, double K1e)[] Table =
    [
        (0.001, 0.9990007495835155594, 0.00049950031235422133698, 7.0307160023782515185, 1000.9967345590684524),
        (0.5, 0.64503527044915006811, 0.15642080318487169714, 1.52410938577390953, 2.7310097082117857054),
        (1, 0.4657596075936404365, 0.20791041534970844887, 1.1444630798068950147, 1.6361534862632582465),
        (2, 0.30850832255367103953, 0.21526928924893765916, 0.84156821507077141792, 1.0334768470686885732),
        (10, 0.12783333716342860732, 0.12126268138445551872, 0.39163193443659866573, 0.41076657059578875113),
        (30, 0.073145946482237293929, 0.071916330598647554706, 0.22788666561625373042, 0.23165412937771180227),
        (100, 0.039944379299096682648, 0.039744153025130252674, 0.12517562165912657889, 0.12579995047957852933),
        (1000, 0.012617240455891256586, 0.01261093025692862947, 0.039628321600754217115, 0.03964813081296021048),
    ];

    [Test]
    public void MatchHighPrecisionValues()
    {
        foreach (var (x, i0e, i1e, k0e, k1e) in Table)
        {
            Assert.That(ScaledBessel.I0e(x), Is.EqualTo(i0e).Within(2e-15 * i0e), $"I0e({x})");
            Assert.That(ScaledBessel.I1e(x), Is.EqualTo(i1e).Within(2e-15 * i1e), $"I1e({x})");
            Assert.That(ScaledBessel.K0e(x), Is.EqualTo(k0e).Within(2e-15 * k0e), $"K0e({x})");
            Assert.That(ScaledBessel.K1e(x), Is.EqualTo(k1e).Within(2e-15 * k1e), $"K1e({x})");
        }
    }

    [Test]
    public void FirstKindAgreesWithTheTrapezoidalIntegral()
    {
        // Independent method: I_nu(x) exp(-x) = (1/pi) Int_0^pi exp(x (cos u - 1)) cos(nu u) du (DLMF 10.32.3); the
        // integrand is smooth and periodic, so the N-point trapezoidal rule is exact up to aliasing terms of order
        // I_2N(x) (DLMF 3.5.ii).
        foreach (double x in ExponentialIntegralTests.LogGrid(-3, 3, 31))
        {
            Assert.That(ScaledBessel.I0e(x), Is.EqualTo(FirstKind(0, x)).Within(5e-15 * FirstKind(0, x)), $"I0e({x})");
            // For small x the I1 integral cancels (its integrand is nearly exp(0) cos u): allow 1e-15 absolute.
            Assert.That(ScaledBessel.I1e(x), Is.EqualTo(FirstKind(1, x)).Within((5e-15 * FirstKind(1, x)) + 1e-15), $"I1e({x})");
        }
    }

    [Test]
    public void SecondKindAgreesWithTheTrapezoidalIntegral()
    {
        // Independent method: K_nu(x) exp(x) = Int_0^inf exp(-x (cosh u - 1)) cosh(nu u) du (DLMF 10.32.9); the
        // integrand is even and analytic, so the trapezoidal rule on the half line converges geometrically. This
        // guards the x <= 2 workaround for MathNet 5.0.0's BesselK0e/BesselK1e (see ScaledBessel).
        foreach (double x in ExponentialIntegralTests.LogGrid(-3, 3, 31).Append(2.0).Append(1.999999))
        {
            Assert.That(ScaledBessel.K0e(x), Is.EqualTo(SecondKind(0, x)).Within(5e-15 * SecondKind(0, x)), $"K0e({x})");
            Assert.That(ScaledBessel.K1e(x), Is.EqualTo(SecondKind(1, x)).Within(5e-15 * SecondKind(1, x)), $"K1e({x})");
        }
    }

    [Test]
    public void WronskianHolds()
    {
        // I0(x) K1(x) + I1(x) K0(x) = 1/x (DLMF 10.28.2); the scalings cancel.
        foreach (double x in ExponentialIntegralTests.LogGrid(-3, 3, 61))
        {
            double w = (ScaledBessel.I0e(x) * ScaledBessel.K1e(x)) + (ScaledBessel.I1e(x) * ScaledBessel.K0e(x));
            Assert.That(w * x, Is.EqualTo(1.0).Within(4e-15), $"x = {x}");
        }
    }

    [Test]
    public void InvalidArgumentsAreRejected()
    {
        Assert.That(() => ScaledBessel.I0e(-1), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("x"));
        Assert.That(() => ScaledBessel.I1e(double.NaN), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("x"));
        Assert.That(() => ScaledBessel.K0e(0), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("x"));
        Assert.That(() => ScaledBessel.K1e(double.PositiveInfinity), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("x"));
        Assert.That(ScaledBessel.I0e(0), Is.EqualTo(1.0));
        Assert.That(ScaledBessel.I1e(0), Is.Zero);
    }

    private static double FirstKind(int nu, double x)
    {
        const int N = 512; // aliasing error ~ I_{2N}(x)/I_0(x) ~ exp(-(2N)^2/(2x)), negligible for x <= 1000
        double h = Math.PI / N, sum = 0.5 * (1.0 + (Math.Exp(-2 * x) * (nu == 0 ? 1 : -1)));
        for (int k = 1; k < N; k++)
        {
            double u = k * h;
            double sine = Math.Sin(0.5 * u);
            sum += Math.Exp(-2 * x * sine * sine) * Math.Cos(nu * u); // cos u - 1 = -2 sin^2(u/2), no cancellation
        }

        return sum / N;
    }

    private static double SecondKind(int nu, double x)
    {
        const double H = 1.0 / 64;
        double sum = 0.5;
        for (double u = H; ; u += H)
        {
            double sinh = Math.Sinh(0.5 * u);
            double term = Math.Exp(-2 * x * sinh * sinh) * Math.Cosh(nu * u); // cosh u - 1 = 2 sinh^2(u/2)
            sum += term;
            if (term < 1e-18 * sum)
            {
                break;
            }
        }

        return sum * H;
    }
}
