using PdeKit.Numerics.Meshes;

namespace PdeKit.Tests.Meshes;

public class MeshSamplerTests
{
    private static readonly TriangleMesh Plate = GmshReader.Read(MeshTestFiles.PathOf("plate-with-holes.msh"));

    [Test]
    public void InteriorPointsAreUniformByAreaAndInside()
    {
        var sampler = new MeshSampler(Plate);
        var points = sampler.Interior(40_000, new Random(3));
        var locator = new MeshLocator(Plate);
        for (int i = 0; i < points.Count; i++)
        {
            Assert.That(locator.FindTriangle(points.X[i], points.Y[i]), Is.GreaterThanOrEqualTo(0), $"point {i} outside");
        }

        // The fraction of points with x < 1 matches that half's area: 1 - pi 0.2^2 (hole1 lies there).
        double leftArea = 1 - (Math.PI * 0.04);
        double fraction = points.X.Count(x => x < 1) / (double)points.Count;
        double sigma = Math.Sqrt(leftArea / Plate.TotalArea * (1 - (leftArea / Plate.TotalArea)) / points.Count);
        Assert.That(fraction, Is.EqualTo(leftArea / Plate.TotalArea).Within(4 * sigma + 2e-3));
        // The mean is the centroid; by symmetry about y = 0.5, y averages 0.5.
        Assert.That(points.Y.Average(), Is.EqualTo(0.5).Within(0.01));
    }

    [Test]
    public void SamplesAreReproducibleWithASeed()
    {
        var sampler = new MeshSampler(Plate);
        var a = sampler.Interior(100, new Random(11));
        var b = sampler.Interior(100, new Random(11));
        Assert.That(a.X, Is.EqualTo(b.X));
        Assert.That(a.Triangle, Is.EqualTo(b.Triangle));
        var c = sampler.Boundary(100, new Random(12), ["hole2"]);
        var d = sampler.Boundary(100, new Random(12), ["hole2"]);
        Assert.That(c.Y, Is.EqualTo(d.Y));
        Assert.That(sampler.Interior(0, new Random(1)).Count, Is.Zero);
    }

    [Test]
    public void BoundaryPointsAreUniformByLengthWithOutwardUnitNormals()
    {
        var sampler = new MeshSampler(Plate);
        var points = sampler.Boundary(30_000, new Random(5));
        int hole1 = Plate.BoundaryPartIndex("hole1"), right = Plate.BoundaryPartIndex("right");
        for (int i = 0; i < points.Count; i++)
        {
            Assert.That(Math.Sqrt((points.NormalX[i] * points.NormalX[i]) + (points.NormalY[i] * points.NormalY[i])), Is.EqualTo(1).Within(1e-12));
            if (points.Part[i] == right)
            {
                Assert.That((points.X[i], points.NormalX[i], points.NormalY[i]), Is.EqualTo((2.0, 1.0, 0.0)));
            }
            else if (points.Part[i] == hole1)
            {
                // On hole1 the outward normal points to the hole's centre, nearly radially.
                double rx = 0.5 - points.X[i], ry = 0.5 - points.Y[i], r = Math.Sqrt((rx * rx) + (ry * ry));
                Assert.That(r, Is.EqualTo(0.2).Within(1e-3));
                Assert.That(((points.NormalX[i] * rx) + (points.NormalY[i] * ry)) / r, Is.GreaterThan(0.995));
            }
        }

        double share = points.Part.Count(p => p == hole1) / (double)points.Count;
        double expected = Plate.BoundaryLength("hole1") / Plate.TotalBoundaryLength;
        Assert.That(share, Is.EqualTo(expected).Within(4 * Math.Sqrt(expected * (1 - expected) / points.Count)));
    }

    [Test]
    public void BoundaryPointsCanBeLimitedToNamedParts()
    {
        var square = GmshReader.Read(MeshTestFiles.PathOf("square.msh"));
        var points = new MeshSampler(square).Boundary(500, new Random(2), ["left", "top"]);
        for (int i = 0; i < points.Count; i++)
        {
            bool onLeft = points.X[i] == 0 && points.NormalX[i] == -1;
            bool onTop = Math.Abs(points.Y[i] - 1) < 1e-12 && points.NormalY[i] == 1;
            Assert.That(onLeft || onTop, Is.True, $"({points.X[i]}, {points.Y[i]})");
        }

        Assert.That(points.Part.Distinct().Select(p => square.BoundaryParts[p]), Is.EquivalentTo(new[] { "left", "top" }));
        var e = Assert.Throws<ArgumentException>(() => new MeshSampler(square).Boundary(5, new Random(1), ["outer"]));
        Assert.That(e!.Message, Does.Contain("'outer'"));
    }
}
