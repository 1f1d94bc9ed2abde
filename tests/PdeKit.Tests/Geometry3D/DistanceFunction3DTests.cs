using PdeKit.Geometry;
using PdeKit.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Tests.Geometry3D;

/// <summary>3D approximate distance functions: zero on the boundary, positive inside, unit normal derivative there.</summary>
public class DistanceFunction3DTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    private static Region3D CubeHole() => new Box((0, 1), (0, 1), (0, 1), faces: "outer") - new Ball(0.5, 0.5, 0.5, 0.25, "hole");

    private static Region3D Drilled() => new Box((0, 1), (0, 1), (0, 1)) - new Cylinder(Axis3D.Z, 0.5, 0.5, 0.25, (-1, 2), side: "bore");

    private static Region3D Bulge() => new Box((0, 1), (0, 1), (0, 1)) | new Ball(1, 0.5, 0.5, 0.3);

    /// <summary>phi and its gradient at points, float64 on the CPU.</summary>
    private static (double[] Phi, double[][] Grad) WithGradient(DistanceFunction3D adf, double[] x, double[] y, double[] z)
    {
        using var scope = NewDisposeScope();
        var tx = tensor(x).reshape(-1, 1).requires_grad_(true);
        var ty = tensor(y).reshape(-1, 1).requires_grad_(true);
        var tz = tensor(z).reshape(-1, 1).requires_grad_(true);
        var phi = adf.Evaluate(tx, ty, tz);
        var g = autograd.grad([phi.sum()], [tx, ty, tz]);
        return (phi.reshape(-1).data<double>().ToArray(), g.Select(t => t.reshape(-1).data<double>().ToArray()).ToArray());
    }

    public static IEnumerable<TestCaseData> Shapes()
    {
        foreach (int m in new[] { 1, 2 })
        {
            yield return new TestCaseData((Func<Region3D>)CubeHole, m).SetArgDisplayNames("cube-hole", $"m={m}");
            yield return new TestCaseData((Func<Region3D>)Drilled, m).SetArgDisplayNames("drilled", $"m={m}");
            yield return new TestCaseData((Func<Region3D>)Bulge, m).SetArgDisplayNames("bulge", $"m={m}");
        }
        yield return new TestCaseData((Func<Region3D>)(() => new Cylinder(Axis3D.X, 0, 0, 1, (0, 2))), 1).SetArgDisplayNames("cylinder", "m=1");
    }

    [TestCaseSource(nameof(Shapes))]
    public void PhiVanishesOnTheBoundaryIsPositiveInsideAndHasUnitNormalDerivative(Func<Region3D> make, int m)
    {
        var region = make();
        var adf = region.DistanceFunction(m);
        var b = region.SampleBoundary(400, new Random(1));
        var (phi, grad) = WithGradient(adf, b.X, b.Y, b.Z);
        int normalised = 0;
        for (int i = 0; i < b.Count; i++)
        {
            Assert.That(Math.Abs(phi[i]), Is.LessThan(1e-9), $"phi at boundary point {i} ({b.X[i]}, {b.Y[i]}, {b.Z[i]})");
            // grad phi is the inward unit normal (first-order normalisation), away from edges where patches meet.
            double dot = -(grad[0][i] * b.Nx[i] + grad[1][i] * b.Ny[i] + grad[2][i] * b.Nz[i]);
            double norm = Math.Sqrt(grad[0][i] * grad[0][i] + grad[1][i] * grad[1][i] + grad[2][i] * grad[2][i]);
            if (Math.Abs(dot - 1) < 1e-6 && Math.Abs(norm - 1) < 1e-6) normalised++;
        }
        Assert.That(normalised, Is.EqualTo(b.Count), "points where grad phi is the inward unit normal");
        var (x, y, z) = region.SampleInterior(2000, new Random(2));
        var inside = adf.Evaluate(x, y, z);
        for (int i = 0; i < x.Length; i++)
            Assert.That(inside[i], Is.GreaterThan(0), $"phi at interior point ({x[i]}, {y[i]}, {z[i]})");
    }

    [Test]
    public void PhiIsAboutTheDistanceNearTheBoundary()
    {
        // One step of h = 1e-5 inward from a sampled point: phi is the distance to first order, phi = h (1 - O(h / d)) with
        // d the distance to the other patches, so all but the points within about 20 h of an edge are within 5%.
        var region = CubeHole();
        var adf = region.DistanceFunction();
        var b = region.SampleBoundary(300, new Random(3));
        double h = 1e-5;
        var phi = adf.Evaluate(b.X.Select((v, i) => v - h * b.Nx[i]).ToArray(), b.Y.Select((v, i) => v - h * b.Ny[i]).ToArray(), b.Z.Select((v, i) => v - h * b.Nz[i]).ToArray());
        int near = phi.Count(p => Math.Abs(p / h - 1) < 0.05);
        Assert.That(near, Is.GreaterThan(0.97 * b.Count));
        Assert.That(phi, Has.All.GreaterThan(0).And.All.LessThanOrEqualTo(h * (1 + 1e-9)));
    }

    [Test]
    public void TrimmedPatchesVanishOnlyWhereTheyAreBoundary()
    {
        // In the union of a cube and a ball that bulges out of its face x = 1, the sphere's part inside the cube and
        // the face's part inside the ball are interior: a distance function of the untrimmed surfaces would vanish there.
        var region = Bulge();
        var adf = region.DistanceFunction();
        // (0.7, 0.5, 0.5) and (0.8, 0.5 + sqrt(0.05), 0.5) lie on the sphere inside the cube; (1, 0.5, 0.5) and (1, 0.6, 0.45) on the face inside the ball.
        double[] x = [0.7, 0.8, 1.0, 1.0];
        double[] y = [0.5, 0.5 + Math.Sqrt(0.05), 0.5, 0.6];
        double[] z = [0.5, 0.5, 0.5, 0.45];
        for (int i = 0; i < 4; i++) Assert.That(region.ContainsInterior(x[i], y[i], z[i]), Is.True);
        var phi = adf.Evaluate(x, y, z);
        Assert.That(phi, Has.All.GreaterThan(0.01));
        // The drilled cube: the bore's surface outside the cube (z &lt; 0) is not boundary either.
        var drilled = Drilled().DistanceFunction();
        var outside = drilled.Evaluate([0.75], [0.5], [-0.5]);
        Assert.That(outside[0], Is.GreaterThan(0.1));
    }

    [Test]
    public void BadInputIsRejected()
    {
        var adf = CubeHole().DistanceFunction();
        Assert.That(() => adf.Evaluate([0.1, 0.2], [0.1], [0.1, 0.2]), Throws.ArgumentException.With.Message.Contains("same length"));
        using var scope = NewDisposeScope();
        Assert.That(() => adf.Evaluate(zeros(4, 1), zeros(4, 1), zeros(4)), Throws.ArgumentException.With.Message.Contains("[N, 1]"));
        Assert.That(() => CubeHole().DistanceFunction(3), Throws.ArgumentException.With.Message.Contains("order m must be 1 or 2"));
        Assert.That(() => CubeHole().DistanceFunction(1, "inlet"), Throws.ArgumentException.With.Message.Contains("no part 'inlet'"));
        Assert.That(() => new DistanceFunction3D([]), Throws.ArgumentException.With.Message.Contains("at least one"));
    }

    [Test]
    public void APartsDistanceFunctionVanishesOnThatPartOnly()
    {
        var region = CubeHole();
        var hole = region.DistanceFunction(1, "hole");
        var onHole = region.SampleBoundary(100, new Random(4), "hole");
        var onOuter = region.SampleBoundary(100, new Random(5), "outer");
        Assert.That(hole.Evaluate(onHole.X, onHole.Y, onHole.Z), Has.All.LessThan(1e-12));
        Assert.That(hole.Evaluate(onOuter.X, onOuter.Y, onOuter.Z), Has.All.GreaterThan(0.2));
    }

    [Test]
    public void TheTransfiniteBlendOfA3DRegionTakesEachPartsDataOnThatPart()
    {
        using var scope = NewDisposeScope();
        var region = CubeHole();
        var blend = TransfiniteInterpolation.FromParts(region, new Dictionary<string, Func<PdeKit.Physics.Coords, Tensor>>
        {
            ["outer"] = c => c.X + c.Z,
            ["hole"] = c => 2 + c.Y.sin(),
        });
        var domain = PdeKit.Physics.Domain.FromRegion(region);
        foreach (var (part, expected) in new (string, Func<double, double, double, double>)[] { ("outer", (x, _, z) => x + z), ("hole", (_, y, _) => 2 + Math.Sin(y)) })
        {
            var b = PdeKit.Sampling.Sampler.DrawBoundary(domain, 100, new Random(6), CPU, ScalarType.Float64, part);
            var g = blend.Evaluate(new PdeKit.Physics.Coords(b.Points, domain)).reshape(-1).data<double>().ToArray();
            var p = b.Points.data<double>().ToArray();
            for (int i = 0; i < 100; i++) Assert.That(g[i], Is.EqualTo(expected(p[3 * i], p[3 * i + 1], p[3 * i + 2])).Within(1e-9), $"{part} point {i}");
        }
        Assert.That(() => TransfiniteInterpolation.FromParts(region, new Dictionary<string, Func<PdeKit.Physics.Coords, Tensor>> { ["inlet"] = c => c.X }), Throws.ArgumentException.With.Message.Contains("no part 'inlet'"));
    }
}
