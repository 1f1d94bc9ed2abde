using PdeKit.Numerics.Reservoir;

namespace PdeKit.Tests.Numerics.Reservoir;

public class WellTestUnitsTests
{
    // SI values of the oilfield units (NIST Special Publication 811, 2008, Appendix B): ft = 0.3048 m (exact),
    // bbl (42 US gal) = 0.158987294928 m^3 (exact), psi = 6894.757293168 Pa, cP = 1e-3 Pa s (exact),
    // darcy = 9.869233e-13 m^2, hour = 3600 s, day = 86400 s.
    private const double Foot = 0.3048, Barrel = 0.158987294928, Psi = 6894.757293168, Centipoise = 1e-3;
    private const double Millidarcy = 9.869233e-16, Hour = 3600, Day = 86400;

    private static WellTestUnits Example() => new(
        permeability: 50, thickness: 30, porosity: 0.2, viscosity: 1.5, totalCompressibility: 1e-5,
        wellboreRadius: 0.3, rate: 250, formationVolumeFactor: 1.2);

    [Test]
    public void ConstantsFollowFromTheSiDefinitions()
    {
        // p_D = 2 pi k h dp/(q B mu), t_D = k t/(phi mu c_t r_w^2), C_D = C/(2 pi phi c_t h r_w^2) in SI units
        // (Lee 1982, ch. 1; Horne 1995, ch. 2); the oilfield constants are these in field units, rounded.
        double pressure = Barrel / Day * Centipoise / (2 * Math.PI * Millidarcy * Foot * Psi);        // 141.2062
        double time = Millidarcy * Hour / (Centipoise / Psi * Foot * Foot);                          // 0.000263680
        double storage = Barrel / Psi / (2 * Math.PI / Psi * Foot * Foot * Foot);                     // 0.893598
        Assert.That(pressure, Is.EqualTo(WellTestUnits.PressureConstant).Within(1e-4 * pressure));
        Assert.That(time, Is.EqualTo(WellTestUnits.TimeConstant).Within(1e-4 * time));
        Assert.That(storage, Is.EqualTo(WellTestUnits.StorageConstant).Within(1e-4 * storage));
    }

    [Test]
    public void ConvertsAHandWorkedExample()
    {
        var units = Example();
        // p_D = k h dp/(141.2 q B mu) with dp = 100 psi: 50*30*100/(141.2*250*1.2*1.5) = 2.360717...
        Assert.That(units.DimensionlessPressure(100), Is.EqualTo(50.0 * 30 * 100 / (141.2 * 250 * 1.2 * 1.5)).Within(1e-15));
        Assert.That(units.DimensionlessPressure(100), Is.EqualTo(2.3607176581680830).Within(1e-12));
        // t_D = 0.0002637 k t/(phi mu c_t r_w^2) with t = 10 h: 0.13185/2.7e-7 = 488333.33...
        Assert.That(units.DimensionlessTime(10), Is.EqualTo(488333.3333333333).Within(1e-6));
        // C_D = 0.8936 C/(phi c_t h r_w^2) with C = 0.01 bbl/psi: 0.008936/5.4e-6 = 1654.8148...
        Assert.That(units.DimensionlessStorage(0.01), Is.EqualTo(1654.8148148148148).Within(1e-9));
        Assert.That(units.DimensionlessRadius(30), Is.EqualTo(100.0).Within(1e-12));
    }

    [Test]
    public void ConversionsRoundTrip()
    {
        var units = Example();
        foreach (double v in new[] { 0.0, 1e-3, 0.7, 25.0, 4e5 })
        {
            Assert.That(units.PressureDrop(units.DimensionlessPressure(v)), Is.EqualTo(v).Within(1e-14 * Math.Max(v, 1)));
            Assert.That(units.Time(units.DimensionlessTime(v)), Is.EqualTo(v).Within(1e-14 * Math.Max(v, 1)));
            Assert.That(units.Storage(units.DimensionlessStorage(v)), Is.EqualTo(v).Within(1e-14 * Math.Max(v, 1)));
        }

        Assert.That(units.Radius(units.DimensionlessRadius(123.4)), Is.EqualTo(123.4).Within(1e-12));
        Assert.That(units.DimensionlessPressure(-10), Is.Negative); // a pressure rise is allowed
    }

    [Test]
    public void SemilogSlopeIs162Point6QBMuOverKh()
    {
        // Lee 1982, ch. 2 (drawdown analysis): late-time drawdown dp = m log10 t + const with m = 162.6 q B mu/(k h),
        // which is 141.2 ln(10)/2 = 162.56 from p_D = (ln t_D + 0.80907)/2 + S.
        var units = Example();
        double Drawdown(double hours) => units.PressureDrop(RadialFlow.WellborePressure(units.DimensionlessTime(hours), skin: 2));
        double m = Drawdown(100) - Drawdown(10);
        Assert.That(m, Is.EqualTo(162.6 * 250 * 1.2 * 1.5 / (50.0 * 30)).Within(5e-4 * m));
    }

    [Test]
    public void InvalidArgumentsNameTheParameter()
    {
        string[] names = ["permeability", "thickness", "porosity", "viscosity", "totalCompressibility", "wellboreRadius", "rate", "formationVolumeFactor"];
        foreach (double bad in new[] { 0.0, -1.0, double.NaN, double.PositiveInfinity })
        {
            for (int i = 0; i < names.Length; i++)
            {
                double[] p = [50, 30, 0.2, 1.5, 1e-5, 0.3, 250, 1.2];
                p[i] = bad;
                Assert.That(
                    () => new WellTestUnits(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]),
                    Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo(names[i]),
                    $"{names[i]} = {bad}");
            }
        }

        Assert.That(() => new WellTestUnits(50, 30, 1.2, 1.5, 1e-5, 0.3, 250, 1.2), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("porosity"));
        var units = Example();
        Assert.That(() => units.DimensionlessPressure(double.NaN), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("pressureDrop"));
        Assert.That(() => units.DimensionlessTime(-1), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("hours"));
        Assert.That(() => units.Time(double.NaN), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("dimensionlessTime"));
        Assert.That(() => units.DimensionlessRadius(0), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("radius"));
        Assert.That(() => units.Radius(-2), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("dimensionlessRadius"));
        Assert.That(() => units.DimensionlessStorage(-0.1), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("storage"));
        Assert.That(() => units.Storage(double.PositiveInfinity), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("dimensionlessStorage"));
        Assert.That(() => units.PressureDrop(double.NaN), Throws.TypeOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("dimensionlessPressure"));
    }
}
