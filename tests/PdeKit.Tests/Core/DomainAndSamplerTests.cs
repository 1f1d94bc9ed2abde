using PdeKit.Physics;
using PdeKit.Runtime;
using PdeKit.Sampling;
using static TorchSharp.torch;

namespace PdeKit.Tests.Core;

public class DomainAndSamplerTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    [Test]
    public void EmptyOrNonFiniteDomainsAreRejected()
    {
        Assert.That(Assert.Throws<ArgumentException>(() => Domain.Interval(1, 1))!.Message, Does.Contain("empty"));
        Assert.That(Assert.Throws<ArgumentException>(() => Domain.SpaceTime((0, 1), (2, 1)))!.Message, Does.Contain("axis t"));
        Assert.That(Assert.Throws<ArgumentException>(() => Domain.Interval(double.NaN, 1))!.Message, Does.Contain("finite"));
        Assert.Throws<ArgumentException>(() => new Domain([]));
        Assert.Throws<ArgumentException>(() => Field.Scalar("a b"));
    }

    [TestCase(SamplerKind.Uniform)]
    [TestCase(SamplerKind.LatinHypercube)]
    [TestCase(SamplerKind.Sobol)]
    public void PointsLieInTheDomain(SamplerKind kind)
    {
        using var scope = NewDisposeScope();
        var d = Domain.SpaceTime((-1, 1), (0, 2));
        var p = Sampler.Draw(kind, d, 1000, new Random(1), CPU);
        Assert.That(p.shape, Is.EqualTo(new long[] { 1000, 2 }));
        Assert.That(p[.., 0].min().item<float>(), Is.GreaterThanOrEqualTo(-1f));
        Assert.That(p[.., 0].max().item<float>(), Is.LessThanOrEqualTo(1f));
        Assert.That(p[.., 1].min().item<float>(), Is.GreaterThanOrEqualTo(0f));
        Assert.That(p[.., 1].max().item<float>(), Is.LessThanOrEqualTo(2f));
        Assert.That(p[.., 1].mean().item<float>(), Is.EqualTo(1f).Within(0.1f));
    }

    [Test]
    public void ZeroPointsIsAClearError()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Sampler.Draw(SamplerKind.Uniform, Domain.Interval(0, 1), 0, new Random(1), CPU));
        Assert.That(e!.Message, Does.Contain("positive"));
    }

    [Test]
    public void LatinHypercubeHasOnePointPerStratumOnEveryAxis()
    {
        var u = Sampler.LatinHypercubeUnit(64, 3, new Random(7));
        for (int j = 0; j < 3; j++)
            Assert.That(Enumerable.Range(0, 64).Select(i => (int)(u[i * 3 + j] * 64)).Order(), Is.EqualTo(Enumerable.Range(0, 64)));
    }

    [Test]
    public void SobolPointsFormNets()
    {
        // Every dimension's first 2^m points are stratified: one per interval [k/2^m, (k+1)/2^m).
        const int n = 256, d = SobolSequence.MaxDimension;
        var u = SobolSequence.Generate(n, d);
        for (int j = 0; j < d; j++)
            Assert.That(Enumerable.Range(0, n).Select(i => (int)(u[i * d + j] * n)).Order(), Is.EqualTo(Enumerable.Range(0, n)), $"dimension {j}");
        // Dimensions 1-2 form a (0, m, 2)-net: one point per 16 x 16 elementary box.
        var boxes = Enumerable.Range(0, n).Select(i => ((int)(u[i * d] * 16), (int)(u[i * d + 1] * 16))).Distinct().Count();
        Assert.That(boxes, Is.EqualTo(n));
        Assert.Throws<ArgumentOutOfRangeException>(() => SobolSequence.Generate(4, 9));
    }
}
