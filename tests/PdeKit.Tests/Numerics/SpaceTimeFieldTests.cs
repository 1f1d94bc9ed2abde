using PdeKit.Numerics;

namespace PdeKit.Tests.Numerics;

public class SpaceTimeFieldTests
{
    private static double Quintic(double x) => 0.3 - x + (2 * x * x) - (0.5 * Math.Pow(x, 3)) + (0.25 * Math.Pow(x, 4)) - (0.1 * Math.Pow(x, 5));

    private static double Septic(double x) => Quintic(x) + (0.07 * Math.Pow(x, 6)) - (0.03 * Math.Pow(x, 7));

    private static double SepticDx(double x) =>
        -1 + (4 * x) - (1.5 * x * x) + Math.Pow(x, 3) - (0.5 * Math.Pow(x, 4)) + (0.42 * Math.Pow(x, 5)) - (0.21 * Math.Pow(x, 6));

    private static SpaceTimeField Sample(Func<double, double> f, double[] x, double[] t)
    {
        var u = new double[t.Length, x.Length];
        for (int i = 0; i < t.Length; i++)
        {
            for (int j = 0; j < x.Length; j++)
            {
                u[i, j] = (1 + (2 * t[i])) * f(x[j]);
            }
        }

        return new SpaceTimeField(x, t, u);
    }

    private static readonly double[] NonUniform = [-1.0, -0.8, -0.55, -0.4, -0.1, 0.0, 0.2, 0.45, 0.5, 0.8, 0.9, 1.0];

    [Test]
    public void InterpolationIsExactForQuinticInXAndLinearInT()
    {
        var field = Sample(Quintic, NonUniform, [0.0, 0.3, 1.0]);
        foreach (double t in new[] { 0.0, 0.1, 0.3, 0.77, 1.0 })
        {
            foreach (double x in Grids.Linspace(-1, 1, 53))
            {
                Assert.That(field.Interpolate(x, t), Is.EqualTo((1 + (2 * t)) * Quintic(x)).Within(1e-12), $"x = {x}, t = {t}");
            }
        }
    }

    [Test]
    public void DerivativeIsExactForSepticInX()
    {
        var field = Sample(Septic, NonUniform, [0.0, 1.0]);
        foreach (double x in Grids.Linspace(-1, 1, 41).Concat(NonUniform))
        {
            Assert.That(field.InterpolateDx(x, 0.5), Is.EqualTo(2 * SepticDx(x)).Within(1e-10), $"x = {x}");
        }
    }

    [Test]
    public void StoredValuesAreReturnedAtNodes()
    {
        var rng = new Random(7);
        double[] x = [0.0, 0.5, 1.5, 2.0, 4.0, 4.5, 5.0, 7.0];
        var u = new double[2, x.Length];
        for (int j = 0; j < x.Length; j++)
        {
            u[0, j] = rng.NextDouble();
            u[1, j] = rng.NextDouble();
        }

        var field = new SpaceTimeField(x, [1.0, 2.0], u);
        for (int j = 0; j < x.Length; j++)
        {
            Assert.That(field.Interpolate(x[j], 2.0), Is.EqualTo(u[1, j]).Within(1e-14));
        }
    }

    [Test]
    public void ResampleGivesTimeByPositionGrid()
    {
        var field = Sample(Quintic, NonUniform, [0.0, 1.0]);
        double[] x = [-0.9, 0.0, 0.33], t = [0.25, 0.5];
        double[,] r = field.Resample(x, t);
        Assert.That(r.GetLength(0), Is.EqualTo(2));
        Assert.That(r.GetLength(1), Is.EqualTo(3));
        Assert.That(r[1, 2], Is.EqualTo(2 * Quintic(0.33)).Within(1e-12));
    }

    [Test]
    public void SmallGridsInterpolateWithFewerPoints()
    {
        var field = new SpaceTimeField([0.0, 1.0], [0.0], new double[,] { { 1.0, 3.0 } });
        Assert.That(field.Interpolate(0.25, 0.0), Is.EqualTo(1.5).Within(1e-15));
        Assert.That(field.InterpolateDx(0.25, 0.0), Is.EqualTo(2.0).Within(1e-15));
    }

    [Test]
    public void RejectsPointsOutsideTheGrid()
    {
        var field = Sample(Quintic, NonUniform, [0.0, 1.0]);
        Assert.Throws<ArgumentOutOfRangeException>(() => field.Interpolate(1.01, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => field.Interpolate(0.0, -0.01));
        Assert.Throws<ArgumentOutOfRangeException>(() => field.Interpolate(double.NaN, 0.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => field.Resample([0.0], [2.0]));
    }

    [Test]
    public void ConstructorValidatesShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => _ = new SpaceTimeField([0.0, 1.0, 2.0], [0.0, 1.0], new double[3, 2]));
        Assert.That(ex!.Message, Does.Contain("U has shape [3, 2] but must be [T.Length, X.Length] = [2, 3]"));
        Assert.That(ex.ParamName, Is.EqualTo("U"));
        var order = Assert.Throws<ArgumentException>(() => _ = new SpaceTimeField([0.0, 2.0, 1.0], [0.0], new double[1, 3]));
        Assert.That(order!.Message, Does.Contain("X must be finite and strictly ascending"));
        Assert.Throws<ArgumentException>(() => _ = new SpaceTimeField([0.0], [], new double[0, 1]));
        Assert.Throws<ArgumentException>(() => _ = new SpaceTimeField([0.0, double.NaN], [0.0], new double[1, 2]));
        Assert.Throws<ArgumentNullException>(() => _ = new SpaceTimeField(null!, [0.0], new double[1, 1]));
    }
}
