using PdeKit.Geometry;
using PdeKit.Runtime;
using static TorchSharp.torch;

namespace PdeKit.Tests.Geometry;

public class DistanceFunctionTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    private static IEnumerable<TestCaseData> Regions()
    {
        yield return new TestCaseData((Func<Region2D>)Shapes.UnitDisk).SetName("ADF disk");
        yield return new TestCaseData((Func<Region2D>)(() => new Rectangle((-1, 2), (0, 1)))).SetName("ADF rectangle");
        yield return new TestCaseData((Func<Region2D>)Shapes.LPolygon).SetName("ADF L polygon");
        yield return new TestCaseData((Func<Region2D>)Shapes.LShape).SetName("ADF L-shape (CSG)");
        yield return new TestCaseData((Func<Region2D>)Shapes.Plate).SetName("ADF rectangle minus two disks");
        yield return new TestCaseData((Func<Region2D>)(() => new Disk(0, 0, 1) & new Disk(1, 0, 1))).SetName("ADF lens (two arcs)");
        yield return new TestCaseData((Func<Region2D>)(() => new Polygon([(0, 0), (2, 0), (1, 1.5)]) - new Disk(1, 0, 0.5))).SetName("ADF triangle minus half disk");
    }

    /// <summary>phi, its gradient and its Hessian by autograd, in float64.</summary>
    internal static (double[] Phi, double[] Gx, double[] Gy, double[] Hxx, double[] Hxy, double[] Hyy) Derivatives(DistanceFunction adf, double[] x, double[] y, ScalarType dtype = ScalarType.Float64)
    {
        using var scope = NewDisposeScope();
        var pts = stack([tensor(x), tensor(y)], 1).to(dtype).requires_grad_(true);
        var phi = adf.Evaluate(pts[.., 0..1], pts[.., 1..2]);
        var g = autograd.grad([phi.sum()], [pts], retain_graph: true, create_graph: true)[0];
        var hx = autograd.grad([g[.., 0].sum()], [pts], retain_graph: true)[0];
        var hy = autograd.grad([g[.., 1].sum()], [pts], retain_graph: true)[0];
        double[] Col(Tensor t, int j) => t[.., j].to(ScalarType.Float64).data<double>().ToArray();
        return (phi.reshape(-1).detach().to(ScalarType.Float64).data<double>().ToArray(), Col(g, 0), Col(g, 1), Col(hx, 0), Col(hx, 1), Col(hy, 1));
    }

    private static void AllFinite((double[] Phi, double[] Gx, double[] Gy, double[] Hxx, double[] Hxy, double[] Hyy) d, string where)
    {
        foreach (var (name, values) in new[] { ("phi", d.Phi), ("phi_x", d.Gx), ("phi_y", d.Gy), ("phi_xx", d.Hxx), ("phi_xy", d.Hxy), ("phi_yy", d.Hyy) })
            Assert.That(values.All(double.IsFinite), Is.True, $"{name} is not finite {where}");
    }

    [TestCaseSource(nameof(Regions))]
    public void ZeroOnTheBoundaryAndPositiveInside(Func<Region2D> make)
    {
        var r = make();
        var adf = r.DistanceFunction();
        var b = r.SampleBoundary(2000, new Random(1));
        Assert.That(adf.Evaluate(b.X, b.Y).Max(Math.Abs), Is.LessThan(1e-12));
        var v = Shapes.Vertices(r);
        if (v.Length > 0) Assert.That(adf.Evaluate(v.Select(p => p.X).ToArray(), v.Select(p => p.Y).ToArray()).Max(Math.Abs), Is.LessThan(1e-12));
        var (x, y) = r.SampleInterior(4000, new Random(2));
        Assert.That(adf.Evaluate(x, y).Min(), Is.GreaterThan(0));
    }

    [TestCaseSource(nameof(Regions))]
    public void NormalDerivativeIsOneAtTheBoundaryAwayFromCorners(Func<Region2D> make)
    {
        var r = make();
        var adf = r.DistanceFunction();
        var b = r.SampleBoundary(1000, new Random(3));
        var keep = Enumerable.Range(0, b.Count).Where(i => Shapes.ToNearestVertex(r, b.X[i], b.Y[i]) > 0.05).ToArray();
        double[] Pick(double[] a) => keep.Select(i => a[i]).ToArray();
        var (x, y, nx, ny) = (Pick(b.X), Pick(b.Y), Pick(b.Nx), Pick(b.Ny));
        // Autograd exactly at the boundary: the inward unit normal.
        var d = Derivatives(adf, x, y);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.That(d.Gx[i], Is.EqualTo(-nx[i]).Within(1e-9), $"at ({x[i]}, {y[i]})");
            Assert.That(d.Gy[i], Is.EqualTo(-ny[i]).Within(1e-9), $"at ({x[i]}, {y[i]})");
        }
        // In float32 too, where rounding puts sampled points on either side of the boundary.
        var d32 = Derivatives(adf, x, y, ScalarType.Float32);
        for (int i = 0; i < x.Length; i++)
            Assert.That(Math.Abs(d32.Gx[i] + nx[i]) + Math.Abs(d32.Gy[i] + ny[i]), Is.LessThan(1e-3), $"float32 at ({x[i]}, {y[i]})");
        // Finite differences inward and autograd just inside: |grad phi| -> 1.
        const double h = 1e-5;
        var xi = x.Select((v, i) => v - h * nx[i]).ToArray();
        var yi = y.Select((v, i) => v - h * ny[i]).ToArray();
        var phiIn = adf.Evaluate(xi, yi);
        var phiOn = adf.Evaluate(x, y);
        var inside = Derivatives(adf, xi, yi);
        for (int i = 0; i < x.Length; i++)
        {
            Assert.That((phiIn[i] - phiOn[i]) / h, Is.EqualTo(1).Within(2e-3));
            Assert.That(Math.Sqrt(inside.Gx[i] * inside.Gx[i] + inside.Gy[i] * inside.Gy[i]), Is.EqualTo(1).Within(2e-3));
        }
    }

    [TestCaseSource(nameof(Regions))]
    public void FirstAndSecondDerivativesAreFiniteOnTheBoundaryAtVerticesAndInside(Func<Region2D> make)
    {
        var r = make();
        foreach (int m in new[] { 1, 2 })
        {
            var adf = r.DistanceFunction(m);
            var b = r.SampleBoundary(500, new Random(4));
            AllFinite(Derivatives(adf, b.X, b.Y), $"on the boundary (m = {m})");
            var near = Derivatives(adf, b.X.Select((v, i) => v - 1e-13 * b.Nx[i]).ToArray(), b.Y.Select((v, i) => v - 1e-13 * b.Ny[i]).ToArray());
            AllFinite(near, $"1e-13 inside the boundary (m = {m})");
            var v = Shapes.Vertices(r);
            if (v.Length > 0) AllFinite(Derivatives(adf, v.Select(p => p.X).ToArray(), v.Select(p => p.Y).ToArray()), $"at the vertices (m = {m})");
            var (x, y) = r.SampleInterior(500, new Random(5));
            AllFinite(Derivatives(adf, x, y), $"inside (m = {m})");
            var f32 = Derivatives(adf, b.X, b.Y, ScalarType.Float32);
            AllFinite(f32, $"on the boundary in float32 (m = {m})");
        }
    }

    [Test]
    public void SegmentMatchesTheTrimmedFormulaOfSukumarAndSrivastava()
    {
        using var scope = NewDisposeScope();
        var rng = new Random(6);
        const double x0 = -0.3, y0 = 0.2, x1 = 0.9, y1 = 0.7;
        double len = Math.Sqrt(1.2 * 1.2 + 0.5 * 0.5);
        var x = Enumerable.Range(0, 200).Select(_ => 3 * rng.NextDouble() - 1.5).ToArray();
        var y = Enumerable.Range(0, 200).Select(_ => 3 * rng.NextDouble() - 1.5).ToArray();
        var phi = DistanceFunctions.Segment(tensor(x).reshape(-1, 1), tensor(y).reshape(-1, 1), x0, y0, x1, y1).reshape(-1).data<double>().ToArray();
        for (int i = 0; i < x.Length; i++)
        {
            double f = ((x[i] - x0) * (y1 - y0) - (y[i] - y0) * (x1 - x0)) / len;
            double xc = (x0 + x1) / 2, yc = (y0 + y1) / 2;
            double t = (len * len / 4 - (x[i] - xc) * (x[i] - xc) - (y[i] - yc) * (y[i] - yc)) / len;
            double rho = (Math.Sqrt(t * t + Math.Pow(f, 4)) - t) / 2;
            Assert.That(phi[i], Is.EqualTo(Math.Sqrt(f * f + rho * rho)).Within(1e-12));
            Assert.That(phi[i], Is.GreaterThan(0));
        }
        // Zero on the segment, positive on the rest of its line.
        var on = DistanceFunctions.Segment(tensor(new[] { x0, 0.3, x1 }).reshape(-1, 1), tensor(new[] { y0, y0 + 0.6 / 1.2 * 0.5, y1 }).reshape(-1, 1), x0, y0, x1, y1);
        Assert.That(on.abs().max().item<double>(), Is.LessThan(1e-15));
        var beyond = DistanceFunctions.Segment(tensor(new[] { x1 + 1.2 }).reshape(-1, 1), tensor(new[] { y1 + 0.5 }).reshape(-1, 1), x0, y0, x1, y1);
        Assert.That(beyond.item<double>(), Is.GreaterThan(0.5));
        // Finite derivatives at its end points.
        AllFinite(Derivatives(new DistanceFunction([new LineSegment(x0, y0, x1, y1)]), [x0, x1], [y0, y1]), "at the end points");
    }

    [Test]
    public void CircleIsTheNormalisedQuadratic()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new[] { 0.0, 0.5, 1.0, 3.0 }).reshape(-1, 1);
        var y = tensor(new[] { 0.0, 0.0, 1.0, 0.0 }).reshape(-1, 1);
        var phi = DistanceFunctions.Circle(x, y, 1, 0, 1).reshape(-1).data<double>().ToArray();
        Assert.That(phi, Is.EqualTo(new[] { 0.0, 0.375, 0.0, 1.5 }).Within(1e-15));
    }

    [Test]
    public void REquivalenceJoinsAndVanishesWhereEitherDoes()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new[] { 0.0, 1.0, 2.0, 0.0 });
        var b = tensor(new[] { 3.0, 1.0, 2.0, 0.0 });
        Assert.That(DistanceFunctions.REquivalence(a, b, 1).data<double>().ToArray(), Is.EqualTo(new[] { 0.0, 0.5, 1.0, 0.0 }).Within(1e-15));
        Assert.That(DistanceFunctions.REquivalence(a, b, 2).data<double>().ToArray(), Is.EqualTo(new[] { 0.0, Math.Sqrt(0.5), Math.Sqrt(2), 0.0 }).Within(1e-15));
        var c = tensor(new[] { 1.0, 1.0, 1.0, 1.0 });
        var three = DistanceFunctions.REquivalence([c, c, c], 1).data<double>().ToArray();
        Assert.That(three, Is.EqualTo(Enumerable.Repeat(1.0 / 3, 4)).Within(1e-15));
        Assert.That(() => DistanceFunctions.REquivalence(a, b, 3), Throws.ArgumentException.With.Message.Contains("1 or 2"));
        Assert.That(() => Shapes.UnitDisk().DistanceFunction(0), Throws.ArgumentException.With.Message.Contains("1 or 2"));
    }

    [Test]
    public void UnorientedMeshSegmentsGiveTheSameValuesAndFiniteDerivatives()
    {
        // The L-shape's edges in scrambled orientation, as a mesh boundary may come.
        var l = Shapes.LPolygon();
        var segs = l.Boundary.Cast<LineSegment>().Select((s, i) => i % 2 == 0 ? (s.X0, s.Y0, s.X1, s.Y1) : (s.X1, s.Y1, s.X0, s.Y0)).ToArray();
        var mesh = DistanceFunction.FromSegments(segs);
        var exact = l.DistanceFunction();
        var (x, y) = l.SampleInterior(1000, new Random(7));
        Assert.That(mesh.Evaluate(x, y), Is.EqualTo(exact.Evaluate(x, y)).Within(1e-12));
        var b = l.SampleBoundary(300, new Random(8));
        Assert.That(mesh.Evaluate(b.X, b.Y).Max(Math.Abs), Is.LessThan(1e-12));
        AllFinite(Derivatives(mesh, b.X, b.Y), "on the mesh boundary");
        Assert.That(() => DistanceFunction.FromSegments([]), Throws.ArgumentException.With.Message.Contains("at least one"));
        Assert.That(() => DistanceFunction.FromSegments([(0, 0, 0, 0)]), Throws.ArgumentException.With.Message.Contains("zero length"));
    }

    [Test]
    public void SharedStraightSidesAreJoinedSoTheNormalisationHoldsAlongThem()
    {
        var union = new Rectangle((0, 2), (0, 1)) | new Rectangle((1, 3), (0, 1));
        Assert.That(union.Boundary, Has.Count.EqualTo(4));
        Assert.That(union.Boundary.Select(p => p.Length).Order(), Is.EqualTo(new[] { 1.0, 1.0, 3.0, 3.0 }).Within(1e-12));
        // Just above the bottom side at x = 2, where the two operands' sides met: phi = distance.
        var phi = union.DistanceFunction().Evaluate([2.0, 2.0], [1e-4, 1e-3]);
        Assert.That(phi, Is.EqualTo(new[] { 1e-4, 1e-3 }).Within(1).Percent, "an unjoined vertex there would halve it (m = 1)");
        // A ring cut and glued back: one circle again.
        var glued = (new Disk(0, 0, 1) & new Rectangle((-2, 0), (-2, 2))) | (new Disk(0, 0, 1) & new Rectangle((0, 2), (-2, 2)));
        Assert.That(glued.Boundary, Has.Count.EqualTo(1));
        Assert.That(glued.Area, Is.EqualTo(Math.PI).Within(1e-12));
    }

    [Test]
    public void DirichletPartsOnlyLeaveTheOtherPartsFree()
    {
        var plate = Shapes.Plate();
        var outer = plate.DistanceFunction(1, "outer");
        var hole = plate.SampleBoundary(100, new Random(9), "hole_a");
        Assert.That(outer.Evaluate(hole.X, hole.Y).Min(), Is.GreaterThan(0.1));
        var edge = plate.SampleBoundary(100, new Random(9), "outer");
        Assert.That(outer.Evaluate(edge.X, edge.Y).Max(Math.Abs), Is.LessThan(1e-12));
        Assert.That(() => plate.DistanceFunction(1, "inlet"), Throws.ArgumentException.With.Message.Contains("no part 'inlet'"));
    }
}
