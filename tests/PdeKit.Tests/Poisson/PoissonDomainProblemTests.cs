using System.Xml.Linq;
using PdeKit.Geometry;
using PdeKit.Models;
using PdeKit.Physics;
using PdeKit.Problems;
using PdeKit.Runtime;
using PdeKit.Tests.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Tests.Poisson;

public class PoissonDomainProblemTests
{
    private static readonly Dictionary<string, string> NoEnv = [];

    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    private static Tensor Points(params (double X, double Y)[] p) => tensor(p.SelectMany(q => new[] { q.X, q.Y }).ToArray(), [p.Length, 2]);

    [Test]
    public void TheTransfiniteBlendTakesEachPartsDataOnThatPart()
    {
        var square = new Rectangle((0, 1), (0, 1), bottom: "bottom", right: "right", top: "top", left: "left");
        var blend = TransfiniteInterpolation.FromParts(square, new Dictionary<string, Func<Coords, Tensor>>
        {
            ["left"] = c => 1 + c.Y.square(),
            ["right"] = c => c.Y.sin(),
            ["bottom"] = c => zeros_like(c.X) + 1 - c.X * (1 - Math.Sin(0)),
        });
        var domain = Domain.FromRegion(square);
        var x = Points((0, 0.3), (0, 0.8), (1, 0.25), (1, 0.6), (0.4, 0), (0.5, 0.5)).requires_grad_(true);
        var g = blend.Evaluate(new Coords(x, domain));
        var v = g.detach().data<double>().ToArray();
        Assert.That(v[0], Is.EqualTo(1.09).Within(1e-10));
        Assert.That(v[1], Is.EqualTo(1.64).Within(1e-10));
        Assert.That(v[2], Is.EqualTo(Math.Sin(0.25)).Within(1e-10));
        Assert.That(v[3], Is.EqualTo(Math.Sin(0.6)).Within(1e-10));
        Assert.That(v[4], Is.EqualTo(0.6).Within(1e-10));
        var grad = autograd.grad([g.sum()], [x])[0].data<double>().ToArray();
        Assert.That(grad, Has.All.Matches<double>(double.IsFinite));
        Assert.That(() => new TransfiniteInterpolation([]), Throws.ArgumentException.With.Message.Contains("at least one"));
        Assert.That(() => TransfiniteInterpolation.FromParts(square, new Dictionary<string, Func<Coords, Tensor>> { ["inlet"] = c => c.X }), Throws.ArgumentException.With.Message.Contains("no part 'inlet'"));
    }

    [Test]
    public void AMeshRegionHasTheMeshAreaPartsAndInsideTest()
    {
        var region = new MeshRegion(PlateWells.Mesh);
        Assert.That(region.Area, Is.EqualTo(PlateWells.Mesh.TotalArea).Within(1e-12));
        Assert.That(region.PartNames, Is.EquivalentTo(new[] { "bottom", "right", "top", "left", "hole1", "hole2" }));
        Assert.That(region.Contains(0.1, 0.1), Is.True);
        Assert.That(region.Contains(0.5, 0.5), Is.False, "inside hole1");
        Assert.That(region.Contains(2.5, 0.5), Is.False);
        var (xs, ys) = region.SampleInterior(200, new Random(3));
        Assert.That(xs.Zip(ys).All(p => region.Contains(p.First, p.Second)), Is.True);
    }

    [Test]
    public void ThePlateMeshAnsatzHoldsTheWellAndAquiferPressuresExactlyOnThePolygon()
    {
        var problem = new PlateWells(PlateAnsatz.Mesh);
        using var net = new PinnNetwork(problem, new ModelOptions(Width: 8, Depth: 2));
        net.to(ScalarType.Float64);
        var region = (MeshRegion)problem.Domain.Region!;
        var rng = new Random(5);
        foreach (var (part, value) in new[] { ("hole1", 1.0), ("hole2", -1.0), ("left", 0.0), ("right", 0.0) })
        {
            var b = region.SampleBoundary(20, rng, part);
            var u = net.forward(tensor(b.X.Zip(b.Y).SelectMany(p => new[] { p.First, p.Second }).ToArray(), [20, 2])).data<double>().ToArray();
            Assert.That(u, Has.All.EqualTo(value).Within(1e-9), part);
        }
    }

    [Test]
    public void ThePlateFiniteElementReferenceConvergesUnderRefinement()
    {
        var (coarse, uc) = PlateWells.FiniteElementSolution(0);
        var (fine, uf) = PlateWells.FiniteElementSolution(1);
        Assert.That(uc.Values.Max(), Is.LessThanOrEqualTo(1 + 1e-9), "maximum principle");
        Assert.That(uf.Values.Min(), Is.GreaterThanOrEqualTo(-1 - 1e-9));
        var locator = new PdeKit.Numerics.Meshes.MeshLocator(fine);
        double[] px = [0.2, 0.95, 1.0, 1.8, 0.9], py = [0.8, 0.5, 0.1, 0.5, 0.95];
        var diff = px.Select((x, i) => Math.Abs(locator.Interpolate(uf.Values, x, py[i]) - new PdeKit.Numerics.Meshes.MeshLocator(coarse).Interpolate(uc.Values, x, py[i]))).Max();
        TestContext.Out.WriteLine($"max |u_h - u_h/2| at probes {diff:E2}");
        Assert.That(diff, Is.LessThan(5e-3));
    }

    [Test]
    public void TheLShapeExactSolutionIsHarmonicMeetsItsEdgeTermsAndTheAnsatzVanishesOnTheNotch()
    {
        var problem = new PoissonLShape();
        var region = problem.Domain.Region!;
        Assert.That(region.Area, Is.EqualTo(3).Within(1e-12));
        Assert.That(region.Contains(0.5, -0.5), Is.False);
        Assert.That(region.Contains(1, -0.5), Is.False, "no sliver of the cut-out's edge");
        // The exact solution as a tensor: theta = atan2(y, x) in [0, 2 pi).
        Tensor Exact(Coords c)
        {
            var theta = atan2(c.Y, c.X);
            theta = where(theta < 0, theta + 2 * Math.PI, theta);
            return (c.X.square() + c.Y.square()).pow(1.0 / 3) * (2.0 / 3 * theta).sin();
        }
        var x = Points((-0.5, 0.5), (0.3, 0.7), (-0.2, -0.6), (0.9, 0.1)).requires_grad_(true);
        var c = new Coords(x, problem.Domain);
        var s = new AutogradSolution(problem.Domain, problem.Outputs, x, Exact(c));
        Assert.That(problem.Residual(c, s).abs().max().item<double>(), Is.LessThan(1e-10));
        var rng = new Random(2);
        foreach (var constraint in problem.Constraints)
        {
            var b = region.SampleBoundary(16, rng, constraint.Boundary!.Name);
            var xb = tensor(b.X.Zip(b.Y).SelectMany(p => new[] { p.First, p.Second }).ToArray(), [16, 2]).requires_grad_(true);
            var cb = new Coords(xb, problem.Domain);
            var sb = new AutogradSolution(problem.Domain, problem.Outputs, xb, Exact(cb));
            Assert.That(constraint.Residual(cb, sb).abs().max().item<double>(), Is.LessThan(1e-12), constraint.Name);
        }
        using var net = new PinnNetwork(problem, new ModelOptions(Width: 8, Depth: 2));
        net.to(ScalarType.Float64);
        var notch = region.SampleBoundary(16, rng, "notch");
        var un = net.forward(tensor(notch.X.Zip(notch.Y).SelectMany(p => new[] { p.First, p.Second }).ToArray(), [16, 2]));
        Assert.That(un.abs().max().item<double>(), Is.LessThan(1e-9));
    }

    [Test]
    public void TrainingASpatialProblemWritesXyFieldsMaskedPlotsAndAVtkFile()
    {
        string dir = Path.Combine(Path.GetTempPath(), "pdekit-lshape-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, _, stderr) = CliProcess.Run(NoEnv, "train", "poisson-lshape", "--preset", "quick", "--steps", "20", "--lbfgs", "0", "--set", "points=256", "--out", dir);
            Assert.That(code, Is.EqualTo(0), stderr);
            Assert.That(File.ReadLines(Path.Combine(dir, "prediction.csv")).First(), Is.EqualTo("x,y,u"));
            foreach (var f in new[] { "field_prediction.png", "field_abs_error.png", "slices.png" }) Assert.That(File.Exists(Path.Combine(dir, f)), Is.True, f);
            var vtu = XDocument.Load(Path.Combine(dir, "fields.vtu"));
            var piece = vtu.Descendants("Piece").Single();
            // 129 x 129 points; quads with all four corners in the L: 3/4 of the 128 x 128 cells.
            Assert.That(piece.Attribute("NumberOfPoints")!.Value, Is.EqualTo((129 * 129).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(piece.Attribute("NumberOfCells")!.Value, Is.EqualTo((128 * 128 * 3 / 4).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(vtu.Descendants("DataArray").Select(d => (string?)d.Attribute("Name")), Does.Contain("u").And.Contain("u_reference").And.Contain("u_error"));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}
