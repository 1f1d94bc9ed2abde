using PdeKit.Numerics.Meshes;

namespace PdeKit.Tests.Meshes;

public class MeshLocatorTests
{
    private static readonly TriangleMesh Plate = GmshReader.Read(MeshTestFiles.PathOf("plate-with-holes.msh"));

    private static bool Contains(TriangleMesh mesh, int k, double x, double y)
    {
        int a = mesh.Triangles[3 * k], b = mesh.Triangles[(3 * k) + 1], c = mesh.Triangles[(3 * k) + 2];
        double Cross(int p, int q) => ((mesh.X[q] - mesh.X[p]) * (y - mesh.Y[p])) - ((mesh.Y[q] - mesh.Y[p]) * (x - mesh.X[p]));
        return Cross(a, b) >= -1e-12 && Cross(b, c) >= -1e-12 && Cross(c, a) >= -1e-12;
    }

    [Test]
    public void FindsTheSameTrianglesAsABruteForceSearch()
    {
        var locator = new MeshLocator(Plate);
        var rng = new Random(9);
        for (int i = 0; i < 2000; i++)
        {
            double x = (rng.NextDouble() * 2.2) - 0.1, y = (rng.NextDouble() * 1.2) - 0.1;
            int found = locator.FindTriangle(x, y);
            bool inside = Enumerable.Range(0, Plate.TriangleCount).Any(k => Contains(Plate, k, x, y));
            Assert.That(found >= 0, Is.EqualTo(inside), $"({x}, {y})");
            if (found >= 0)
            {
                Assert.That(Contains(Plate, found, x, y), Is.True);
            }
        }
    }

    [Test]
    public void ManyQueriesAllLandInTheirTriangles()
    {
        var locator = new MeshLocator(Plate);
        var points = new MeshSampler(Plate).Interior(100_000, new Random(4));
        int wrong = 0;
        for (int i = 0; i < points.Count; i++)
        {
            if (!locator.TryLocate(points.X[i], points.Y[i], out var at) || !Contains(Plate, at.Triangle, points.X[i], points.Y[i]))
            {
                wrong++;
            }
        }

        Assert.That(wrong, Is.Zero);
    }

    [Test]
    public void InterpolationIsExactForLinearFunctionsAndNaNOutside()
    {
        var locator = new MeshLocator(Plate);
        var nodal = Enumerable.Range(0, Plate.NodeCount).Select(i => 3 - (2 * Plate.X[i]) + (5 * Plate.Y[i])).ToArray();
        var points = new MeshSampler(Plate).Interior(5000, new Random(8));
        var values = locator.Interpolate(nodal, points.X, points.Y);
        for (int i = 0; i < points.Count; i++)
        {
            Assert.That(values[i], Is.EqualTo(3 - (2 * points.X[i]) + (5 * points.Y[i])).Within(1e-12));
        }

        Assert.That(locator.Interpolate(nodal, 0.5, 0.5), Is.NaN, "centre of hole1");
        Assert.That(locator.Interpolate(nodal, 1.4, 0.5), Is.NaN, "centre of hole2");
        Assert.That(locator.Interpolate(nodal, 2.5, 0.5), Is.NaN, "right of the plate");
        Assert.That(locator.Interpolate(nodal, double.NaN, 0.5), Is.NaN);
        Assert.That(locator.Interpolate(nodal, 0, 0), Is.EqualTo(3).Within(1e-12), "a corner");
        Assert.That(locator.Interpolate(nodal, 2, 1), Is.EqualTo(4).Within(1e-12), "the opposite corner");
        Assert.That(locator.Interpolate(nodal, 1, 0), Is.EqualTo(1).Within(1e-12), "on the bottom edge");
    }

    [Test]
    public void NodesAndBoundaryPointsAreFound()
    {
        var locator = new MeshLocator(Plate);
        for (int i = 0; i < Plate.NodeCount; i++)
        {
            Assert.That(locator.FindTriangle(Plate.X[i], Plate.Y[i]), Is.GreaterThanOrEqualTo(0), $"node {i}");
        }

        var boundary = new MeshSampler(Plate).Boundary(3000, new Random(6));
        for (int i = 0; i < boundary.Count; i++)
        {
            Assert.That(locator.FindTriangle(boundary.X[i], boundary.Y[i]), Is.GreaterThanOrEqualTo(0), $"boundary point {i}");
        }
    }

    [Test]
    public void WrongLengthsAreNamed()
    {
        var locator = new MeshLocator(Plate);
        var e = Assert.Throws<ArgumentException>(() => locator.Interpolate(new double[3], 0, 0));
        Assert.That(e!.Message, Does.Contain($"{Plate.NodeCount} nodes but 3 nodal values"));
        Assert.Throws<ArgumentException>(() => locator.Interpolate(new double[Plate.NodeCount], new double[2], new double[3]));
    }
}
