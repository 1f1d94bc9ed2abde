using PdeKit.Numerics;

namespace PdeKit.Tests.Numerics;

public sealed class LevenbergMarquardtTests
{
    [Test]
    public void StraightLineFitMatchesTheClosedFormStandardErrors()
    {
        // y = a + b x with scattered data: the least-squares estimates and their standard errors have
        // closed forms (any regression text), so the SVD covariance must reproduce them.
        double[] xs = [0, 1, 2, 3, 4, 5, 6, 7];
        double[] ys = [1.1, 2.9, 5.2, 6.8, 9.1, 11.2, 12.8, 15.1];
        var fit = LevenbergMarquardt.Minimize(p => xs.Select((x, i) => p[0] + p[1] * x - ys[i]).ToArray(), [0.0, 0.0]);
        int m = xs.Length;
        double xm = xs.Average(), ym = ys.Average();
        double sxx = xs.Sum(x => (x - xm) * (x - xm));
        double b = xs.Select((x, i) => (x - xm) * (ys[i] - ym)).Sum() / sxx;
        double a = ym - b * xm;
        double s2 = xs.Select((x, i) => Math.Pow(ys[i] - a - b * x, 2)).Sum() / (m - 2);
        Assert.Multiple(() =>
        {
            Assert.That(fit.Converged, Is.True);
            Assert.That(fit.X[0], Is.EqualTo(a).Within(1e-6));
            Assert.That(fit.X[1], Is.EqualTo(b).Within(1e-6));
            Assert.That(fit.StandardErrors[1], Is.EqualTo(Math.Sqrt(s2 / sxx)).Within(1e-6));
            Assert.That(fit.StandardErrors[0], Is.EqualTo(Math.Sqrt(s2 * (1.0 / m + xm * xm / sxx))).Within(1e-6));
        });
    }

    [Test]
    public void UnidentifiableParametersGetNaNStandardErrors()
    {
        // Only p0 + p1 enters the model: J is rank-deficient, the split is undetermined.
        double[] ys = [1.0, 1.2, 0.9, 1.1];
        var fit = LevenbergMarquardt.Minimize(p => ys.Select(y => p[0] + p[1] - y).ToArray(), [0.3, 0.3]);
        Assert.That(fit.StandardErrors, Has.All.NaN);
    }

    [Test]
    public void ResidualsThatCannotBeEvaluatedAwayFromTheStartAreNotConvergence()
    {
        // Finite only exactly at the start point: every trial step fails, which must not read as converged.
        double[] x0 = [1.0, 2.0];
        var fit = LevenbergMarquardt.Minimize(
            p => p[0] == x0[0] && p[1] == x0[1] ? [p[0] - 3, p[1] - 5, 1] : [double.NaN, double.NaN, double.NaN],
            x0,
            new LmOptions(MaxIterations: 5));
        Assert.That(fit.Converged, Is.False);
    }
}
