using PdeKit.Geometry;

namespace PdeKit.Tests.Geometry3D;

/// <summary>Primitives and CSG in 3D: inside tests, volumes, areas, sampling, normals, parts and bad input.</summary>
public class Region3DTests
{
    private static Box Slab() => new((0, 2), (0, 1), (0, 1), "xmin", "xmax", "ymin", "ymax", "zmin", "zmax");

    [Test]
    public void ABoxHasItsExactVolumeAreaPartsAndInsideTests()
    {
        var box = Slab();
        Assert.That(box.Volume, Is.EqualTo(2.0));
        Assert.That(box.SurfaceArea, Is.EqualTo(10.0).Within(1e-14));
        Assert.That(box.IsMeasureExact, Is.True);
        Assert.That(box.PartNames, Is.EqualTo(new[] { "xmin", "xmax", "ymin", "ymax", "zmin", "zmax" }));
        Assert.That(box.PartArea("ymax"), Is.EqualTo(2.0).Within(1e-14));
        Assert.That(box.Contains(2, 0.5, 1), Is.True);
        Assert.That(box.ContainsInterior(2, 0.5, 1), Is.False);
        Assert.That(box.ContainsInterior(1, 0.5, 0.5), Is.True);
        Assert.That(box.Contains(2.001, 0.5, 0.5), Is.False);
        Assert.That(box.Contains(double.NaN, 0.5, 0.5), Is.False);
        Assert.That(Box.UnitCubeNamed().PartNames, Is.EqualTo(new[] { "xmin", "xmax", "ymin", "ymax", "zmin", "zmax" }));
        Assert.That(new Box((0, 1), (0, 1), (0, 1), zMax: "lid", faces: "wall").PartNames, Is.EqualTo(new[] { "wall", "lid" }));
    }

    [Test]
    public void ABallAndACylinderHaveTheirExactVolumesAndAreas()
    {
        var ball = new Ball(1, 2, 3, 0.5);
        Assert.That(ball.Volume, Is.EqualTo(4.0 / 3 * Math.PI * 0.125).Within(1e-15));
        Assert.That(ball.SurfaceArea, Is.EqualTo(Math.PI).Within(1e-15));
        Assert.That(ball.Contains(1, 2, 3.5), Is.True);
        Assert.That(ball.ContainsInterior(1, 2, 3.5), Is.False);
        var cyl = new Cylinder(Axis3D.Z, 0, 0, 2, (1, 4), side: "wall", bottom: "floor", top: "lid");
        Assert.That(cyl.Volume, Is.EqualTo(Math.PI * 4 * 3).Within(1e-12));
        Assert.That(cyl.SurfaceArea, Is.EqualTo(2 * Math.PI * 2 * 3 + 2 * Math.PI * 4).Within(1e-12));
        Assert.That(cyl.PartNames, Is.EqualTo(new[] { "wall", "floor", "lid" }));
        Assert.That(cyl.Contains(1.9, 0, 2), Is.True);
        Assert.That(cyl.Contains(1.5, 1.5, 2), Is.False);
        Assert.That(cyl.Contains(0, 0, 4.1), Is.False);
        Assert.That(cyl.Bounds, Is.EqualTo(new BoundingBox3D(-2, 2, -2, 2, 1, 4)));
        var ycyl = new Cylinder(Axis3D.Y, 1, 5, 1, (0, 2));
        Assert.That(ycyl.Contains(1.5, 1, 5.5), Is.True);
        Assert.That(ycyl.Bounds, Is.EqualTo(new BoundingBox3D(0, 2, 0, 2, 4, 6)));
    }

    [Test]
    public void BadShapesAreRejectedWithTheProblemNamed()
    {
        Assert.That(() => new Box((0, 0), (0, 1), (0, 1)), Throws.ArgumentException.With.Message.Contains("zero volume"));
        Assert.That(() => new Box((0, 1), (0, 1), (1, 0)), Throws.ArgumentException.With.Message.Contains("Min < Max"));
        Assert.That(() => new Box((0, double.NaN), (0, 1), (0, 1)), Throws.ArgumentException.With.Message.Contains("x.Max must be a finite number"));
        Assert.That(() => new Ball(0, 0, 0, 0), Throws.ArgumentException.With.Message.Contains("positive finite radius"));
        Assert.That(() => new Ball(0, 0, 0, -1), Throws.ArgumentException.With.Message.Contains("positive finite radius"));
        Assert.That(() => new Ball(double.NaN, 0, 0, 1), Throws.ArgumentException.With.Message.Contains("finite centre"));
        Assert.That(() => new Cylinder(Axis3D.X, 0, 0, double.NaN, (0, 1)), Throws.ArgumentException.With.Message.Contains("positive finite radius"));
        Assert.That(() => new Cylinder(Axis3D.X, 0, 0, 1, (1, 1)), Throws.ArgumentException.With.Message.Contains("Min < Max"));
        Assert.That(() => new Box((0, 1), (0, 1), (0, 1), xMin: " "), Throws.ArgumentException.With.Message.Contains("must not be empty"));
        var box = Slab();
        Assert.That(() => box.Part("inlet"), Throws.ArgumentException.With.Message.Contains("no part 'inlet'").And.Message.Contains("xmin"));
        Assert.That(() => box.SampleBoundary(10, new Random(1), "inlet"), Throws.ArgumentException.With.Message.Contains("no part 'inlet'"));
        Assert.That(() => box.SampleBoundary(0, new Random(1)), Throws.ArgumentException.With.Message.Contains("must be positive"));
        Assert.That(() => box.SampleInterior(-1, new Random(1)), Throws.ArgumentException.With.Message.Contains("must be positive"));
        Assert.That(() => box.Contains([1.0, 2.0]), Throws.ArgumentException.With.Message.Contains("3 coordinates"));
        Assert.That(() => box.Contains(new double[3], new double[2], new double[3], new bool[3]), Throws.ArgumentException.With.Message.Contains("same length"));
        Assert.That(() => new Box((0, 1), (0, 1), (0, 1)) - new Box((-1, 2), (-1, 2), (-1, 2)), Throws.ArgumentException.With.Message.Contains("empty"));
        Assert.That(() => new Ball(0, 0, 0, 1) & new Ball(5, 0, 0, 1), Throws.ArgumentException.With.Message.Contains("empty"));
    }

    [Test]
    public void BoxBoundarySamplesLieOnTheFacesWithOutwardNormalsAndSpreadByArea()
    {
        var box = Slab();
        var s = box.SampleBoundary(5000, new Random(3));
        int onX = 0;
        for (int i = 0; i < s.Count; i++)
        {
            var (x, y, z, nx, ny, nz) = (s.X[i], s.Y[i], s.Z[i], s.Nx[i], s.Ny[i], s.Nz[i]);
            Assert.That(nx * nx + ny * ny + nz * nz, Is.EqualTo(1.0).Within(1e-14));
            // The point is on the boundary, and a step along the normal leaves the box.
            Assert.That(box.Contains(x, y, z) && !box.ContainsInterior(x, y, z), Is.True, $"({x}, {y}, {z})");
            Assert.That(box.Contains(x + 1e-6 * nx, y + 1e-6 * ny, z + 1e-6 * nz), Is.False);
            Assert.That(box.ContainsInterior(x - 1e-6 * nx, y - 1e-6 * ny, z - 1e-6 * nz), Is.True);
            if (nx != 0) onX++;
        }
        // The two x faces hold 2 of the 10 units of area; stratified by area, the count is 1000 to one patch.
        Assert.That(onX, Is.InRange(998, 1002));
        var top = box.SampleBoundary(200, new Random(4), "zmax");
        Assert.That(top.Z, Has.All.EqualTo(1.0));
        Assert.That(top.Nz, Has.All.EqualTo(1.0));
    }

    [Test]
    public void SphereSamplesAreUniformByArea()
    {
        var ball = new Ball(0, 0, 0, 2);
        var s = ball.SampleBoundary(20000, new Random(5));
        int band = 0;
        for (int i = 0; i < s.Count; i++)
        {
            double r = Math.Sqrt(s.X[i] * s.X[i] + s.Y[i] * s.Y[i] + s.Z[i] * s.Z[i]);
            Assert.That(r, Is.EqualTo(2).Within(1e-12));
            Assert.That(s.Nx[i] * s.X[i] + s.Ny[i] * s.Y[i] + s.Nz[i] * s.Z[i], Is.EqualTo(2).Within(1e-12));
            if (Math.Abs(s.Z[i]) < 1) band++;
        }
        // Archimedes: the zone |z| < R/2 holds half of the sphere's area; binomial sd 0.0035.
        Assert.That(band / 20000.0, Is.EqualTo(0.5).Within(0.015));
        double meanX = s.X.Average();
        Assert.That(meanX, Is.EqualTo(0).Within(0.05));
    }

    [Test]
    public void InteriorSamplesAreUniformByVolume()
    {
        var ball = new Ball(1, 1, 1, 1);
        var (x, y, z) = ball.SampleInterior(20000, new Random(6));
        double inner = 0;
        for (int i = 0; i < x.Length; i++)
        {
            double r2 = (x[i] - 1) * (x[i] - 1) + (y[i] - 1) * (y[i] - 1) + (z[i] - 1) * (z[i] - 1);
            Assert.That(r2, Is.LessThanOrEqualTo(1));
            if (r2 < 0.25) inner++;
        }
        // The ball of radius 1/2 holds 1/8 of the volume; binomial sd 0.0023.
        Assert.That(inner / x.Length, Is.EqualTo(0.125).Within(0.01));
    }

    [Test]
    public void ACubeWithAHoleIsExactAndItsHoleNormalsPointIntoTheHole()
    {
        var r = 0.25;
        var shape = new Box((0, 1), (0, 1), (0, 1), faces: "outer") - new Ball(0.5, 0.5, 0.5, r, "hole");
        Assert.That(shape.IsMeasureExact, Is.True);
        Assert.That(shape.Volume, Is.EqualTo(1 - 4.0 / 3 * Math.PI * r * r * r).Within(1e-14));
        Assert.That(shape.SurfaceArea, Is.EqualTo(6 + 4 * Math.PI * r * r).Within(1e-14));
        Assert.That(shape.PartNames, Is.EqualTo(new[] { "outer", "hole" }));
        Assert.That(shape.Contains(0.5, 0.5, 0.5), Is.False);
        Assert.That(shape.Contains(0.5, 0.5, 0.75), Is.True);
        Assert.That(shape.ContainsInterior(0.5, 0.5, 0.75), Is.False);
        var s = shape.SampleBoundary(500, new Random(7), "hole");
        for (int i = 0; i < s.Count; i++)
        {
            var (dx, dy, dz) = (s.X[i] - 0.5, s.Y[i] - 0.5, s.Z[i] - 0.5);
            Assert.That(s.Nx[i] * dx + s.Ny[i] * dy + s.Nz[i] * dz, Is.EqualTo(-r).Within(1e-12));
        }
        Assert.That(shape.Boundary.Any(p => p.IsTrimmed), Is.False);
    }

    /// <summary>Each sampled boundary point of a CSG result has the result on its inner side only.</summary>
    private static void SamplesOnBoundary(Region3D region, int n, int seed)
    {
        var s = region.SampleBoundary(n, new Random(seed));
        double h = 1e-6 * region.Bounds.Scale;
        for (int i = 0; i < s.Count; i++)
        {
            Assert.That(s.Nx[i] * s.Nx[i] + s.Ny[i] * s.Ny[i] + s.Nz[i] * s.Nz[i], Is.EqualTo(1.0).Within(1e-12));
            bool inner = region.Contains(s.X[i] - h * s.Nx[i], s.Y[i] - h * s.Ny[i], s.Z[i] - h * s.Nz[i]);
            bool outer = region.Contains(s.X[i] + h * s.Nx[i], s.Y[i] + h * s.Ny[i], s.Z[i] + h * s.Nz[i]);
            Assert.That(inner && !outer, Is.True, $"{region}: point {i} ({s.X[i]}, {s.Y[i]}, {s.Z[i]})");
        }
    }

    // Exact figures from elementary geometry: a box [a, b]^3 has volume (b - a)^3 and area 6 (b - a)^2; a
    // hemisphere of radius 1 has volume 2 pi / 3 and area 2 pi (dome) + pi (disk); a hole of radius r through a
    // unit cube removes pi r^2 of volume and 2 pi r^2 of face area and adds a wall of 2 pi r.
    [Test]
    public void TrimmedCsgResultsEstimateTheirMeasuresAndSampleTheirTrueBoundary()
    {
        var dome = new Ball(0, 0, 0, 1, "dome") & new Box((0, 2), (-2, 2), (-2, 2), faces: "floor");
        Assert.That(dome.IsMeasureExact, Is.False);
        Assert.That(dome.Volume, Is.EqualTo(2 * Math.PI / 3).Within(0.2).Percent);
        Assert.That(dome.PartArea("dome"), Is.EqualTo(2 * Math.PI).Within(0.2).Percent);
        Assert.That(dome.PartArea("floor"), Is.EqualTo(Math.PI).Within(0.2).Percent);
        SamplesOnBoundary(dome, 600, 9);

        double r = 0.25;
        var drilled = new Box((0, 1), (0, 1), (0, 1)) - new Cylinder(Axis3D.Z, 0.5, 0.5, r, (-1, 2), side: "bore");
        Assert.That(drilled.Volume, Is.EqualTo(1 - Math.PI * r * r).Within(0.2).Percent);
        Assert.That(drilled.SurfaceArea, Is.EqualTo(6 - 2 * Math.PI * r * r + 2 * Math.PI * r).Within(0.2).Percent);
        Assert.That(drilled.PartArea("bore"), Is.EqualTo(2 * Math.PI * r).Within(0.2).Percent);
        SamplesOnBoundary(drilled, 600, 10);
    }

    [Test]
    public void BoxOnlyCsgTreesAreSplitExactly()
    {
        var overlap = new Box((0, 2), (0, 2), (0, 2)) & new Box((1, 3), (1, 3), (1, 3));
        Assert.That(overlap.IsMeasureExact, Is.True);
        Assert.That(overlap.Volume, Is.EqualTo(1).Within(1e-12));
        Assert.That(overlap.SurfaceArea, Is.EqualTo(6).Within(1e-12));
        SamplesOnBoundary(overlap, 600, 8);

        // Two slabs side by side: the shared face x = 1 is interior and goes; the union is one box, its long faces
        // merged from the two slabs' faces.
        var joined = new Box((0, 1), (0, 1), (0, 1)) | new Box((1, 3), (0, 1), (0, 1));
        Assert.That(joined.IsMeasureExact, Is.True);
        Assert.That(joined.Volume, Is.EqualTo(3).Within(1e-12));
        Assert.That(joined.SurfaceArea, Is.EqualTo(14).Within(1e-12));
        SamplesOnBoundary(joined, 600, 11);

        // Overlapping slabs with coplanar faces: the overlap of the faces is counted once, and each long face is one rectangle.
        var overlapping = new Box((0, 2), (0, 1), (0, 1), faces: "a") | new Box((1, 3), (0, 1), (0, 1), faces: "b");
        Assert.That(overlapping.IsMeasureExact, Is.True);
        Assert.That(overlapping.SurfaceArea, Is.EqualTo(14).Within(1e-12));
        Assert.That(overlapping.Volume, Is.EqualTo(3).Within(1e-12));
        Assert.That(overlapping.PartArea("a"), Is.EqualTo(1 + 4 * 2).Within(1e-12));
        Assert.That(overlapping.PartArea("b"), Is.EqualTo(1 + 4 * 1).Within(1e-12));
        Assert.That(overlapping.Boundary.Count, Is.EqualTo(10));
        var phi = overlapping.DistanceFunction().Evaluate([1.5, 2, 1], [0.5, 0.5, 0.5], [0.5, 0.5, 0.99]);
        Assert.That(phi, Has.All.GreaterThan(0.005));

        // A cube with a notch cut from one edge (an L-prism), then a slot through it: 1 - 1/4 - 1/8.
        var notched = new Box((0, 1), (0, 1), (0, 1)) - new Box((0.5, 2), (0.5, 2), (-1, 2)) - new Box((0.25, 0.5), (-1, 0.5), (0.5, 2));
        Assert.That(notched.IsMeasureExact, Is.True);
        Assert.That(notched.Volume, Is.EqualTo(1 - 0.25 - 0.25 * 0.5 * 0.5).Within(1e-12));
        SamplesOnBoundary(notched, 600, 13);
    }

    [Test]
    public void CsgTreesNest()
    {
        // A unit cube with a spherical hole, then cut in half by a box: volume (1 - 4/3 pi r^3) / 2.
        double r = 0.25;
        var half = new Box((0, 1), (0, 1), (0, 1)) - new Ball(0.5, 0.5, 0.5, r) & new Box((-1, 0.5), (-1, 2), (-1, 2));
        Assert.That(half.Volume, Is.EqualTo((1 - 4.0 / 3 * Math.PI * r * r * r) / 2).Within(0.2).Percent);
        Assert.That(half.Contains(0.25, 0.5, 0.5), Is.True);
        Assert.That(half.Contains(0.5, 0.5, 0.5), Is.False);
        Assert.That(half.Contains(0.75, 0.1, 0.1), Is.False);
        SamplesOnBoundary(half, 600, 12);
    }
}
