using PdeKit.Numerics;

namespace PdeKit.Tests.Numerics;

public class GridsAndMetricsTests
{
    [Test]
    public void LinspaceIncludesBothEndsWithEqualSteps()
    {
        double[] x = Grids.Linspace(-1, 1, 5);
        Assert.That(x, Is.EqualTo(new[] { -1.0, -0.5, 0.0, 0.5, 1.0 }));
        double[] y = Grids.Linspace(2, -2, 2);
        Assert.That(y, Is.EqualTo(new[] { 2.0, -2.0 }));
    }

    [TestCase(1)]
    [TestCase(0)]
    [TestCase(-2)]
    public void LinspaceRejectsFewerThanTwoPoints(int n)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Grids.Linspace(0, 1, n));
        Assert.That(ex!.ParamName, Is.EqualTo("n"));
    }

    [Test]
    public void EvaluationGridIsRaissisBurgersShockGrid()
    {
        // Raissi, Perdikaris, Karniadakis, J. Comput. Phys. 378 (2019), data set burgers_shock.mat:
        // x = linspace(-1, 1, 256), t = 0:0.01:0.99.
        double[] x = BurgersEvaluationGrid.X, t = BurgersEvaluationGrid.T;
        Assert.That(x, Has.Length.EqualTo(256));
        Assert.That(x[0], Is.EqualTo(-1.0));
        Assert.That(x[^1], Is.EqualTo(1.0));
        Assert.That(x[1] - x[0], Is.EqualTo(2.0 / 255).Within(1e-15));
        Assert.That(t, Has.Length.EqualTo(100));
        Assert.That(t[0], Is.Zero);
        Assert.That(t[1], Is.EqualTo(0.01));
        Assert.That(t[^1], Is.EqualTo(0.99));
    }

    [Test]
    public void RelativeL2AndMaxAbs()
    {
        double[] reference = [3.0, 4.0], predicted = [3.0, 5.0];
        Assert.That(ErrorMetrics.RelativeL2(predicted, reference), Is.EqualTo(0.2).Within(1e-15));
        Assert.That(ErrorMetrics.MaxAbs(predicted, reference), Is.EqualTo(1.0));
        Assert.That(ErrorMetrics.RelativeL2(reference, reference), Is.Zero);
    }

    [Test]
    public void ZeroReferenceGivesAbsoluteL2()
    {
        Assert.That(ErrorMetrics.RelativeL2([3.0, 4.0], [0.0, 0.0]), Is.EqualTo(5.0));
        Assert.That(ErrorMetrics.RelativeL2([], []), Is.Zero);
    }

    [Test]
    public void NaNPropagates()
    {
        Assert.That(ErrorMetrics.RelativeL2([double.NaN, 1.0], [1.0, 1.0]), Is.NaN);
        Assert.That(ErrorMetrics.MaxAbs([1.0, double.NaN], [1.0, 1.0]), Is.NaN);
    }

    [Test]
    public void MetricsRejectMismatchedLengths()
    {
        var ex = Assert.Throws<ArgumentException>(() => ErrorMetrics.RelativeL2([1.0, 2.0], [1.0]));
        Assert.That(ex!.Message, Does.Contain("predicted has 2 values but reference has 1"));
        Assert.Throws<ArgumentException>(() => ErrorMetrics.MaxAbs([1.0], [1.0, 2.0]));
    }
}
