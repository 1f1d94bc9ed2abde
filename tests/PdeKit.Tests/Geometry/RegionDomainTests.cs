using PdeKit.Evaluation;
using PdeKit.Geometry;
using PdeKit.Models;
using PdeKit.Physics;
using PdeKit.Runtime;
using PdeKit.Sampling;
using PdeKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Tests.Geometry;

public class RegionDomainTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    private static void AllInside(Region2D region, Tensor pts, int ix = 0, int iy = 1)
    {
        var a = pts.to(ScalarType.Float64).cpu().data<double>().ToArray();
        int d = (int)pts.shape[1];
        for (int i = 0; i < pts.shape[0]; i++)
            Assert.That(region.Contains(a[i * d + ix], a[i * d + iy]), Is.True, $"point {i} ({a[i * d + ix]}, {a[i * d + iy]})");
    }

    [TestCase(SamplerKind.Uniform)]
    [TestCase(SamplerKind.LatinHypercube)]
    [TestCase(SamplerKind.Sobol)]
    public void DrawnPointsLieInsideTheRegionAndSpreadByArea(SamplerKind kind)
    {
        using var scope = NewDisposeScope();
        var plate = Shapes.Plate();
        var domain = Domain.FromRegion(plate);
        Assert.That(domain.Axes.Select(a => (a.Name, a.Min, a.Max)), Is.EqualTo(new[] { ("x", 0.0, 2.0), ("y", 0.0, 1.0) }));
        var p = Sampler.Draw(kind, domain, 3000, new Random(1), CPU, ScalarType.Float64);
        Assert.That(p.shape, Is.EqualTo(new long[] { 3000, 2 }));
        AllInside(plate, p);
        // Share of points left of x = 1 matches that part's share of the area.
        var left = plate & new Rectangle((-1, 1), (-1, 2));
        double share = (p[.., 0] < 1).to(ScalarType.Float64).mean().item<double>();
        Assert.That(share, Is.EqualTo(left.Area / plate.Area).Within(0.03));
    }

    [Test]
    public void SobolInARegionKeepsTheSequenceOrderAndIsReproducible()
    {
        using var scope = NewDisposeScope();
        var domain = Domain.FromRegion(Shapes.LShape());
        var a = Sampler.Draw(SamplerKind.Sobol, domain, 500, new Random(4), CPU, ScalarType.Float64);
        var b = Sampler.Draw(SamplerKind.Sobol, domain, 1000, new Random(4), CPU, ScalarType.Float64);
        Assert.That(a.eq(b[..500]).all().item<bool>(), Is.True, "the first n inside points of the same shifted sequence");
    }

    [Test]
    public void SpaceTimeOverARegionDrawsInsideTimesTheInterval()
    {
        using var scope = NewDisposeScope();
        var l = Shapes.LShape();
        var domain = Domain.SpaceTime(l, (0, 2));
        Assert.That(domain.Axes.Select(a => a.Name), Is.EqualTo(new[] { "x", "y", "t" }));
        var p = Sampler.Draw(SamplerKind.Sobol, domain, 1000, new Random(2), CPU, ScalarType.Float64);
        AllInside(l, p);
        Assert.That(p[.., 2].min().item<double>(), Is.GreaterThanOrEqualTo(0));
        Assert.That(p[.., 2].max().item<double>(), Is.LessThanOrEqualTo(2));
        // Initial-time faces stay inside the region; bounding-box faces in x or y are refused.
        AllInside(l, Sampler.DrawFace(domain, "t", false, 200, new Random(3), CPU, ScalarType.Float64));
        Assert.That(() => Sampler.DrawFace(domain, "x", false, 10, new Random(3), CPU), Throws.ArgumentException.With.Message.Contains("boundary parts"));
    }

    [Test]
    public void BoundaryDrawsGivePointsOnThePartWithOutwardNormals()
    {
        using var scope = NewDisposeScope();
        var domain = Domain.SpaceTime(Shapes.Plate(), (0, 1));
        var b = Sampler.DrawBoundary(domain, 400, new Random(5), CPU, ScalarType.Float64, part: "hole_b");
        Assert.That(b.Points.shape, Is.EqualTo(new long[] { 400, 3 }));
        Assert.That(b.Normals.shape, Is.EqualTo(new long[] { 400, 2 }));
        var dx = b.Points[.., 0] - 1.4;
        var dy = b.Points[.., 1] - 0.5;
        Assert.That(((dx.square() + dy.square()).sqrt() - 0.3).abs().max().item<double>(), Is.LessThan(1e-12));
        // Outward of the plate is into the hole: n = -(x - c) / r.
        Assert.That((b.Normals[.., 0] + dx / 0.3).abs().max().item<double>(), Is.LessThan(1e-12));
        Assert.That(() => Sampler.DrawBoundary(Domain.Box((0, 1), (0, 1)), 10, new Random(1), CPU), Throws.ArgumentException.With.Message.Contains("without a region"));
    }

    [Test]
    public void ResamplingPoolsStayInsideTheRegion()
    {
        using var scope = NewDisposeScope();
        var problem = new LShapePoisson();
        var current = Sampler.Draw(SamplerKind.Sobol, problem.Domain, 200, new Random(1), CPU, ScalarType.Float64);
        var context = new ResampleContext(10, current, problem, x => (x[.., 0] - 0.5).abs(), new Random(2), CPU, ScalarType.Float64);
        AllInside(LShapePoisson.L, new PeriodicResampling(SamplerKind.LatinHypercube, 10).Resample(context)!);
        var rad = new ResidualAdaptiveResampling(new SamplingOptions { Method = AdaptiveSampling.Rad }, SamplerKind.Sobol, 10, 200);
        AllInside(LShapePoisson.L, rad.Resample(context)!);
    }

    [Test]
    public void AFlushCutLeavesNoSliverOnTheSharedEdges()
    {
        // [0,1] x [-1,0] cut out of [-1,1]^2 with closed rectangles: the edges x = 1, y < 0 and y = -1, x > 0 are
        // shared by both operands and must not survive as a zero-width sliver.
        var l = new Rectangle((-1, 1), (-1, 1)) - new Rectangle((0, 1), (-1, 0));
        Assert.Multiple(() =>
        {
            Assert.That(l.Area, Is.EqualTo(3).Within(1e-12));
            Assert.That(l.Contains(1, -0.5), Is.False, "shared edge x = 1");
            Assert.That(l.Contains(0.5, -1), Is.False, "shared edge y = -1");
            Assert.That(l.Contains(0, -0.5), Is.True, "the notch edge is boundary of the L");
            Assert.That(l.Contains(0.5, 0), Is.True, "the notch edge is boundary of the L");
            Assert.That(l.Contains(1, 0.5), Is.True, "outer edge");
            Assert.That(l.Contains(0, 0), Is.True, "re-entrant corner");
            Assert.That(l.Contains(1, 0), Is.True, "corner where the notch meets the outer edge");
        });
    }

    [Test]
    public void RegionsMustFitTheAxesAndHaveArea()
    {
        var l = Shapes.LShape();
        Assert.That(() => new Domain([new Axis("x", 0, 1), new Axis("y", -1, 1)], l), Throws.ArgumentException.With.Message.Contains("does not fit"));
        Assert.That(() => new Domain([new Axis("x", -1, 1), new Axis("t", 0, 1)], l), Throws.ArgumentException.With.Message.Contains("axes x and y"));
        var padded = new Domain([new Axis("x", -2, 2), new Axis("y", -2, 2)], l);
        Assert.That(padded.Contains([-0.5, 0.5]) && !padded.Contains([0.5, 0.5]), Is.True);
        Assert.That(Domain.Box((0, 1), (0, 1)).Contains([5.0, 5.0]), Is.False, "box domains check their axis bounds");
        Assert.That(Domain.Box((0, 1), (0, 1)).Contains([1.0, 0.0]), Is.True, "the closed box includes its faces");
        Assert.That(Domain.FromRegion(l).ToString(), Does.StartWith("Difference("));
    }

    [Test]
    public void EvaluatorSkipsGridPointsOutsideTheRegion()
    {
        var problem = new LShapePoisson();
        var evaluator = new Evaluator(problem);
        using var net = new PinnNetwork(problem, new ModelOptions(Width: 8, Depth: 1));
        var e = evaluator.Evaluate(net);
        Assert.That(e.Inside, Is.Not.Null);
        int inside = e.Inside!.Count(b => b);
        // 41 x 41 grid on [-1, 1]^2; the open quadrant x > 0, y > 0 (20 x 20 points) is outside; the notch edges count as inside.
        Assert.That(inside, Is.EqualTo(41 * 41 - 20 * 20));
        for (int i = 0; i < e.Inside.Count; i++)
        {
            Assert.That(double.IsNaN(e.Predicted[i, 0]), Is.EqualTo(!e.Inside[i]));
            Assert.That(double.IsNaN(e.Reference[i, 0]), Is.EqualTo(!e.Inside[i]));
        }
        var pr = Enumerable.Range(0, e.Inside.Count).Where(i => e.Inside[i]).Select(i => e.Predicted[i, 0]).ToArray();
        var rf = Enumerable.Range(0, e.Inside.Count).Where(i => e.Inside[i]).Select(i => e.Reference[i, 0]).ToArray();
        double l2 = Math.Sqrt(pr.Zip(rf, (a, b) => (a - b) * (a - b)).Sum() / rf.Sum(v => v * v));
        Assert.That(e.Errors[0].RelativeL2, Is.EqualTo(l2).Within(1e-9));
        Assert.That(double.IsFinite(e.Errors[0].MaxAbs) && e.Errors[0].MaxAbs > 0, Is.True);
    }

    [Test]
    public void TheAdfAnsatzHoldsTheDirichletDataExactlyForAnyNetwork()
    {
        using var scope = NewDisposeScope();
        var problem = new LShapePoisson();
        using var net = new PinnNetwork(problem, new ModelOptions(Width: 16, Depth: 2));
        net.to(ScalarType.Float64);
        var walls = Sampler.DrawBoundary(problem.Domain, 500, new Random(6), CPU, ScalarType.Float64, "wall");
        var u = net.forward(walls.Points);
        var g = LShapePoisson.Exact(new Coords(walls.Points, problem.Domain));
        Assert.That((u - g).abs().max().item<double>(), Is.LessThan(1e-12));
        var notch = Sampler.DrawBoundary(problem.Domain, 500, new Random(6), CPU, ScalarType.Float64, "notch");
        Assert.That((net.forward(notch.Points) - LShapePoisson.Exact(new Coords(notch.Points, problem.Domain))).abs().max().item<double>(), Is.GreaterThan(1e-3), "the notch is free (Neumann)");
    }
}
