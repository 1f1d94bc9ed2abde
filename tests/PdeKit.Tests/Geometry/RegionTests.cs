using PdeKit.Geometry;

namespace PdeKit.Tests.Geometry;

public class RegionTests
{
    private static IEnumerable<TestCaseData> AllShapes()
    {
        yield return new TestCaseData((Func<Region2D>)Shapes.LShape, 3.0, 8.0).SetName("L-shape (CSG)");
        yield return new TestCaseData((Func<Region2D>)Shapes.LPolygon, 3.0, 8.0).SetName("L-shape (polygon)");
        yield return new TestCaseData((Func<Region2D>)(() => new Rectangle((-1, 1), (-1, 1)) - new Rectangle((0, 1), (0, 1))), 3.0, 8.0).SetName("L-shape (flush notch)");
        yield return new TestCaseData((Func<Region2D>)(() => new Polygon([(0, 0), (2, 0), (1, 1.5)]) - new Disk(1, 0, 0.5)), 1.5 - Math.PI / 8, 1 + 2 * Math.Sqrt(3.25) + Math.PI / 2).SetName("triangle minus half disk");
        yield return new TestCaseData((Func<Region2D>)Shapes.UnitDisk, Math.PI * 2.25, 3 * Math.PI).SetName("disk");
        yield return new TestCaseData((Func<Region2D>)Shapes.Plate, Shapes.PlateArea, 6 + Math.PI).SetName("plate with holes");
        yield return new TestCaseData((Func<Region2D>)(() => new Rectangle((0, 2), (0, 1)) | new Rectangle((1, 3), (0, 1))), 3.0, 8.0).SetName("union with shared edges");
        yield return new TestCaseData((Func<Region2D>)(() => new Disk(0, 0, 1) | new Disk(1, 0, 1)), 2 * Math.PI - LensArea(), 2 * (2 * Math.PI - 2 * Math.PI / 3)).SetName("union of two disks");
        yield return new TestCaseData((Func<Region2D>)(() => new Disk(0, 0, 1) & new Disk(1, 0, 1)), LensArea(), 2 * (2 * Math.PI / 3)).SetName("lens (intersection)");
        yield return new TestCaseData((Func<Region2D>)(() => new Rectangle((-1, 1), (-1, 1)) & new Disk(1, 1, 1)), Math.PI / 4, 2 + Math.PI / 2).SetName("quarter disk (intersection)");
    }

    // Two unit disks with centres 1 apart overlap in a lens of area 2 pi/3 - sqrt(3)/2.
    private static double LensArea() => 2 * Math.PI / 3 - Math.Sqrt(3) / 2;

    [TestCaseSource(nameof(AllShapes))]
    public void ExactAreaAndPerimeterMatchGeometry(Func<Region2D> make, double area, double perimeter)
    {
        var r = make();
        Assert.That(r.Area, Is.EqualTo(area).Within(1e-9));
        Assert.That(r.Perimeter, Is.EqualTo(perimeter).Within(1e-9));
    }

    [TestCaseSource(nameof(AllShapes))]
    public void MonteCarloAreaOfTheInsideTestMatches(Func<Region2D> make, double area, double perimeter)
    {
        var r = make();
        var box = r.Bounds;
        var rng = new Random(3);
        const int n = 200_000;
        var x = new double[n];
        var y = new double[n];
        var inside = new bool[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = box.XMin + box.Width * rng.NextDouble();
            y[i] = box.YMin + box.Height * rng.NextDouble();
        }
        r.Contains(x, y, inside);
        double p = inside.Count(b => b) / (double)n;
        double sigma = Math.Sqrt(p * (1 - p) / n) * box.Area;
        Assert.That(p * box.Area, Is.EqualTo(area).Within(4 * sigma), $"perimeter {perimeter}");
    }

    [TestCaseSource(nameof(AllShapes))]
    public void BoundaryNormalsPointOutward(Func<Region2D> make, double area, double perimeter)
    {
        var r = make();
        var s = r.SampleBoundary(2000, new Random(5));
        const double eps = 1e-6;
        int checkedPoints = 0;
        for (int i = 0; i < s.Count; i++)
        {
            Assert.That(Math.Sqrt(s.Nx[i] * s.Nx[i] + s.Ny[i] * s.Ny[i]), Is.EqualTo(1).Within(1e-12));
            if (Shapes.ToNearestVertex(r, s.X[i], s.Y[i]) < 1e-4) continue;
            checkedPoints++;
            Assert.That(r.Contains(s.X[i] + eps * s.Nx[i], s.Y[i] + eps * s.Ny[i]), Is.False, $"outside step at ({s.X[i]}, {s.Y[i]})");
            Assert.That(r.Contains(s.X[i] - eps * s.Nx[i], s.Y[i] - eps * s.Ny[i]), Is.True, $"inside step at ({s.X[i]}, {s.Y[i]})");
        }
        Assert.That(checkedPoints, Is.GreaterThan(1900), $"area {area}, perimeter {perimeter}");
    }

    [TestCaseSource(nameof(AllShapes))]
    public void InteriorSamplesAreInsideAndSpreadByArea(Func<Region2D> make, double area, double perimeter)
    {
        var r = make();
        var (x, y) = r.SampleInterior(4000, new Random(11));
        Assert.That(x, Has.Length.EqualTo(4000));
        for (int i = 0; i < x.Length; i++) Assert.That(r.Contains(x[i], y[i]), Is.True);
        // The fraction of points in the left half of the bounding box matches that half's share of the area.
        var box = r.Bounds;
        double mid = (box.XMin + box.XMax) / 2;
        var left = r & new Rectangle((box.XMin - 1, mid), (box.YMin - 1, box.YMax + 1));
        double expected = left.Area / area, observed = x.Count(v => v < mid) / 4000.0;
        Assert.That(observed, Is.EqualTo(expected).Within(4 * Math.Sqrt(expected * (1 - expected) / 4000) + 1e-9), $"perimeter {perimeter}");
    }

    [Test]
    public void BoundaryPointsSplitOverPartsInProportionToLength()
    {
        var plate = Shapes.Plate();
        var s = plate.SampleBoundary(10_000, new Random(1));
        double total = 6 + Math.PI;
        var partOf = Enumerable.Range(0, s.Count).Select(i =>
            Math.Abs(Math.Sqrt((s.X[i] - 0.5) * (s.X[i] - 0.5) + (s.Y[i] - 0.5) * (s.Y[i] - 0.5)) - 0.2) < 1e-9 ? "hole_a"
            : Math.Abs(Math.Sqrt((s.X[i] - 1.4) * (s.X[i] - 1.4) + (s.Y[i] - 0.5) * (s.Y[i] - 0.5)) - 0.3) < 1e-9 ? "hole_b" : "outer").ToArray();
        Assert.That(partOf.Count(p => p == "outer") / 10_000.0, Is.EqualTo(6 / total).Within(0.01));
        Assert.That(partOf.Count(p => p == "hole_a") / 10_000.0, Is.EqualTo(0.4 * Math.PI / total).Within(0.01));
        Assert.That(partOf.Count(p => p == "hole_b") / 10_000.0, Is.EqualTo(0.6 * Math.PI / total).Within(0.01));
        // Holes: normals point into the hole (towards its centre).
        for (int i = 0; i < s.Count; i++)
            if (partOf[i] == "hole_a") Assert.That((0.5 - s.X[i]) * s.Nx[i] + (0.5 - s.Y[i]) * s.Ny[i], Is.EqualTo(0.2).Within(1e-9));

        // L polygon: each named edge gets points in proportion to its length, and only the points asked for.
        var l = Shapes.LPolygon();
        var all = l.SampleBoundary(8000, new Random(2));
        Assert.That(all.X.Zip(all.Y).Count(p => p.Second == -1 && p.First > -1 && p.First < 1) / 8000.0, Is.EqualTo(2 / 8.0).Within(0.01));
        var notch = l.SampleBoundary(500, new Random(3), "notch_y0");
        for (int i = 0; i < notch.Count; i++)
        {
            Assert.That(notch.Y[i], Is.EqualTo(0).Within(1e-12));
            Assert.That(notch.X[i], Is.InRange(0.0, 1.0));
            Assert.That((notch.Nx[i], notch.Ny[i]), Is.EqualTo((0.0, 1.0)));
        }
    }

    [Test]
    public void PartNamesSurviveCsgAndSubtractedEdgesFlip()
    {
        var l = Shapes.LShape();
        Assert.That(l.PartNames, Is.EquivalentTo(new[] { "bottom", "right", "top", "left", "notch" }));
        Assert.That(l.PartLength("notch"), Is.EqualTo(2).Within(1e-12));
        Assert.That(l.PartLength("right"), Is.EqualTo(1).Within(1e-12));
        var notch = l.SampleBoundary(200, new Random(4), "notch");
        for (int i = 0; i < notch.Count; i++)
        {
            bool onY0 = Math.Abs(notch.Y[i]) < 1e-12;
            Assert.That(onY0 || Math.Abs(notch.X[i]) < 1e-12, Is.True);
            // The notch's own normals pointed into the removed square; on the L they point into it too, i.e. outward of the L.
            Assert.That((notch.Nx[i], notch.Ny[i]), Is.EqualTo(onY0 ? (0.0, 1.0) : (1.0, 0.0)));
        }
        Assert.That(() => l.SampleBoundary(10, new Random(1), "inlet"),
            Throws.ArgumentException.With.Message.Contains("no part 'inlet'").And.Message.Contains("notch"));
    }

    [Test]
    public void ClockwisePolygonIsStoredCounterClockwiseWithItsEdgeNames()
    {
        var l = Shapes.LPolygon();
        Assert.That(l.Area, Is.EqualTo(3).Within(1e-12));
        var left = l.Part("left").Single();
        Assert.That(left.NormalAt(0.5), Is.EqualTo((-1.0, 0.0)));
        Assert.That(l.Part("top").Single().NormalAt(0.5), Is.EqualTo((0.0, 1.0)));
        Assert.That(l.Part("notch_x0").Single().NormalAt(0.5), Is.EqualTo((1.0, 0.0)));
        Assert.That(l.Contains(-0.5, 0.5) && l.Contains(0.5, -0.5) && !l.Contains(0.5, 0.5), Is.True);
    }

    [Test]
    public void BadShapesAreClearErrors()
    {
        Assert.That(() => new Disk(0, 0, double.NaN), Throws.ArgumentException.With.Message.Contains("radius"));
        Assert.That(() => new Disk(0, 0, -1), Throws.ArgumentException.With.Message.Contains("positive"));
        Assert.That(() => new Polygon([]), Throws.ArgumentException.With.Message.Contains("at least three"));
        Assert.That(() => new Polygon([(0, 0), (1, 0), (0, 1), (1, 1)]), Throws.ArgumentException.With.Message.Contains("not simple"));
        Assert.That(() => new Polygon([(0, 0), (1, 0), (2, 0)]), Throws.ArgumentException.With.Message.Contains("fold back"));
        Assert.That(() => new Polygon([(0, 0), (1, 0), (1, 1)], ["a"]), Throws.ArgumentException.With.Message.Contains("edge names"));
        Assert.That(() => new Rectangle((0, 0), (0, 1)), Throws.ArgumentException.With.Message.Contains("zero area"));
        Assert.That(() => new Rectangle((0, 1), (0, 1)) - new Rectangle((-1, 2), (-1, 2)), Throws.ArgumentException.With.Message.Contains("empty"));
        Assert.That(() => new Disk(0, 0, 1) & new Disk(5, 0, 1), Throws.ArgumentException.With.Message.Contains("empty"));
        Assert.That(() => new Rectangle((0, 1), (0, 1)).SampleBoundary(0, new Random(1)), Throws.ArgumentException.With.Message.Contains("positive"));
        Assert.That(() => new Rectangle((0, 1), (0, 1), left: " "), Throws.ArgumentException.With.Message.Contains("empty"));
    }

    [Test]
    public void RegionsWithoutAreaAreRefusedInsteadOfSampledForever()
    {
        var empty = new Liar(insideTestWorks: false);
        Assert.That(() => empty.SampleInterior(10, new Random(1)), Throws.InvalidOperationException.With.Message.Contains("found only 0 of 10"));
        var flat = new Liar(insideTestWorks: true, height: 1e-15);
        Assert.That(() => flat.SampleInterior(10, new Random(1)), Throws.ArgumentException.With.Message.Contains("zero area"));
        Assert.That(() => PdeKit.Physics.Domain.FromRegion(flat), Throws.ArgumentException.With.Message.Contains("zero area"));
    }

    /// <summary>A user-defined region: a rectangle's boundary, with an inside test that may always say no.</summary>
    private sealed class Liar(bool insideTestWorks, double height = 1) : Region2D
    {
        private readonly Rectangle shape = new((0, 1), (0, height));
        public override BoundingBox2D Bounds => shape.Bounds;
        public override IReadOnlyList<BoundaryPiece> Boundary => shape.Boundary;
        public override bool Contains(double x, double y) => insideTestWorks && shape.Contains(x, y);
    }

    [Test]
    public void NestedCsgTreesCompose()
    {
        // A ring with a slot cut out: (disk - inner disk) - slot.
        var ring = new Disk(0, 0, 1, "outer") - new Disk(0, 0, 0.5, "inner");
        var slotted = ring - new Rectangle((0, 2), (-0.1, 0.1), bottom: "cut", top: "cut");
        Assert.That(ring.Area, Is.EqualTo(Math.PI * 0.75).Within(1e-12));
        double halfAngleOuter = Math.Asin(0.1), halfAngleInner = Math.Asin(0.2);
        double expectedArea = Math.PI * 0.75 - (halfAngleOuter - halfAngleInner * 0.25 + 0.1 * (Math.Cos(halfAngleOuter) - 0.5 * Math.Cos(halfAngleInner)));
        Assert.That(slotted.Area, Is.EqualTo(expectedArea).Within(1e-9));
        Assert.That(slotted.PartLength("cut"), Is.EqualTo(2 * (Math.Cos(halfAngleOuter) - 0.5 * Math.Cos(halfAngleInner))).Within(1e-9));
        Assert.That(slotted.Contains(0.75, 0) || slotted.Contains(0, 0), Is.False);
        Assert.That(slotted.Contains(-0.75, 0), Is.True);
    }
}
