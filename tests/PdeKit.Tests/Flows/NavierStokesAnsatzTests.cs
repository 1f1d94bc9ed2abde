using PdeKit.Models;
using PdeKit.Physics;
using PdeKit.Problems;
using PdeKit.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Tests.Flows;

/// <summary>
/// The hard constraints of every Navier-Stokes problem hold exactly at boundary points for an untrained
/// (random) network, and no lift is the exact solution (N = 0 is not the answer).
/// </summary>
public class NavierStokesAnsatzTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    /// <summary>A random model of the problem in float64 and its (u, v, p) at the points [n][d] as double[n, 3].</summary>
    private static double[,] Predict(IProblem problem, double[,] points)
    {
        using var scope = NewDisposeScope();
        using var net = new PinnNetwork(problem, new ModelOptions(Width: 16, Depth: 2));
        net.to(ScalarType.Float64);
        var y = net.forward(tensor(points));
        var flat = y.detach().data<double>().ToArray();
        var r = new double[points.GetLength(0), 3];
        for (int i = 0; i < r.GetLength(0); i++)
            for (int k = 0; k < 3; k++) r[i, k] = flat[3 * i + k];
        return r;
    }

    private static double[,] Rows(IEnumerable<double[]> rows)
    {
        var list = rows.ToList();
        var a = new double[list.Count, list[0].Length];
        for (int i = 0; i < list.Count; i++)
            for (int k = 0; k < list[i].Length; k++) a[i, k] = list[i][k];
        return a;
    }

    private static IEnumerable<double> Along(double min, double max, int n) => Enumerable.Range(0, n).Select(i => min + (max - min) * i / (n - 1));

    /// <summary>The velocity lift minus the exact velocity at interior points: the largest difference.</summary>
    private static double LiftDistance(Func<Coords, Tensor> lift, Domain domain, double[,] points, Func<double, double, (double U, double V, double P)> exact)
    {
        using var scope = NewDisposeScope();
        var g = lift(new Coords(tensor(points), domain)).data<double>().ToArray();
        double max = 0;
        for (int i = 0; i < points.GetLength(0); i++)
        {
            var (u, v, _) = exact(points[i, 0], points[i, 1]);
            max = Math.Max(max, Math.Max(Math.Abs(g[2 * i] - u), Math.Abs(g[2 * i + 1] - v)));
        }
        return max;
    }

    [TestCase(20)]
    [TestCase(40)]
    public void KovasznayVelocityDataHoldOnAllFourSides(double re)
    {
        var problem = new NavierStokesKovasznay(re);
        var pts = Rows(Along(-0.5, 1, 13).SelectMany(x => new[] { new[] { x, -0.5 }, new[] { x, 1.5 } })
            .Concat(Along(-0.5, 1.5, 13).SelectMany(y => new[] { new[] { -0.5, y }, new[] { 1.0, y } })));
        var pred = Predict(problem, pts);
        for (int i = 0; i < pts.GetLength(0); i++)
        {
            var (u, v, _) = problem.Flow.At(pts[i, 0], pts[i, 1]);
            Assert.That(pred[i, 0], Is.EqualTo(u).Within(1e-12), $"u at ({pts[i, 0]}, {pts[i, 1]})");
            Assert.That(pred[i, 1], Is.EqualTo(v).Within(1e-12), $"v at ({pts[i, 0]}, {pts[i, 1]})");
        }
        var inside = Rows(new[] { new[] { 0.25, 0.5 }, new[] { 0.0, 0.2 }, new[] { 0.6, 1.1 } });
        Assert.That(LiftDistance(problem.Lift, problem.Domain, inside, problem.Flow.At), Is.GreaterThan(0.05), "the lift must not be the exact solution");
    }

    [Test]
    public void PoiseuilleInflowNoSlipAndOutletPressureHold()
    {
        var problem = new NavierStokesChannel(re: 100, length: 2);
        var inlet = Along(0, 1, 11).Select(y => new[] { 0.0, y });
        var walls = Along(0, 2, 11).SelectMany(x => new[] { new[] { x, 0.0 }, new[] { x, 1.0 } });
        var outlet = Along(0, 1, 11).Select(y => new[] { 2.0, y });
        var pts = Rows(inlet.Concat(walls).Concat(outlet));
        var pred = Predict(problem, pts);
        for (int i = 0; i < pts.GetLength(0); i++)
        {
            double x = pts[i, 0], y = pts[i, 1];
            if (x == 0 || y == 0 || y == 1)
            {
                Assert.That(pred[i, 0], Is.EqualTo(x == 0 ? 4 * y * (1 - y) : 0).Within(1e-12), $"u at ({x}, {y})");
                Assert.That(pred[i, 1], Is.EqualTo(0).Within(1e-12), $"v at ({x}, {y})");
            }
            if (x == 2) Assert.That(pred[i, 2], Is.EqualTo(0).Within(1e-12), $"p at the outlet ({x}, {y})");
        }
        var inside = Rows(new[] { new[] { 1.0, 0.5 }, new[] { 1.9, 0.3 } });
        Assert.That(LiftDistance(problem.Lift, problem.Domain, inside, problem.Flow.At), Is.GreaterThan(0.1), "the lift must not be the exact solution");
        Assert.That(problem.Constraints.Single().Boundary?.Name, Is.EqualTo("outlet"));
    }

    [Test]
    public void CylinderInflowNoSlipAndOutletPressureHold()
    {
        var problem = new NavierStokesCylinder();
        const double h = NavierStokesCylinder.Height;
        var circle = Enumerable.Range(0, 16).Select(k => 2 * Math.PI * k / 16)
            .Select(a => new[] { NavierStokesCylinder.CenterX + NavierStokesCylinder.Radius * Math.Cos(a), NavierStokesCylinder.CenterY + NavierStokesCylinder.Radius * Math.Sin(a) });
        var inlet = Along(0, h, 9).Select(y => new[] { 0.0, y });
        var walls = Along(0, 2.2, 9).SelectMany(x => new[] { new[] { x, 0.0 }, new[] { x, h } });
        var outlet = Along(0, h, 9).Select(y => new[] { 2.2, y });
        var pts = Rows(circle.Concat(inlet).Concat(walls).Concat(outlet));
        var pred = Predict(problem, pts);
        for (int i = 0; i < pts.GetLength(0); i++)
        {
            double x = pts[i, 0], y = pts[i, 1];
            if (x == 2.2)
            {
                Assert.That(pred[i, 2], Is.EqualTo(0).Within(1e-12), $"p at the outlet ({x}, {y})");
                continue;
            }
            double u = x == 0 ? 4 * 0.3 * y * (h - y) / (h * h) : 0;
            Assert.That(pred[i, 0], Is.EqualTo(u).Within(1e-12), $"u at ({x}, {y})");
            Assert.That(pred[i, 1], Is.EqualTo(0).Within(1e-12), $"v at ({x}, {y})");
        }
        Assert.That(problem.Re, Is.EqualTo(20).Within(1e-12), "benchmark 2D-1: Re = U_mean D / nu = 0.2 * 0.1 / 1e-3");
        using var scope = NewDisposeScope();
        var lift = problem.Lift(new Coords(tensor(new[] { 0.5, 0.2 }, [1, 2]), problem.Domain)).data<double>().ToArray();
        Assert.That(lift[0], Is.GreaterThan(0.05).And.LessThan(0.25), "the lift fades the inflow towards the cylinder; it is not a flow solution");
    }

    [Test]
    public void TaylorGreenInitialVelocityAndPeriodicityHold()
    {
        var problem = new NavierStokesTaylorGreen(re: 10, tMax: 2);
        var rng = new Random(2);
        var initial = Enumerable.Range(0, 12).Select(_ => new[] { 2 * Math.PI * rng.NextDouble(), 2 * Math.PI * rng.NextDouble(), 0.0 }).ToList();
        var pred = Predict(problem, Rows(initial));
        for (int i = 0; i < initial.Count; i++)
        {
            var (u, v, _) = problem.Flow.At(initial[i][0], initial[i][1], 0);
            Assert.That(pred[i, 0], Is.EqualTo(u).Within(1e-12));
            Assert.That(pred[i, 1], Is.EqualTo(v).Within(1e-12));
        }
        // The same random model at x and x + 2 pi, y and y + 2 pi (periodic axes): equal values at any time.
        var left = Rows(new[] { new[] { 0.0, 1.0, 0.7 }, new[] { 3.0, 0.0, 1.5 } });
        var right = Rows(new[] { new[] { 2 * Math.PI, 1.0, 0.7 }, new[] { 3.0, 2 * Math.PI, 1.5 } });
        using var scope = NewDisposeScope();
        using var net = new PinnNetwork(problem, new ModelOptions(Width: 16, Depth: 2));
        net.to(ScalarType.Float64);
        var a = net.forward(tensor(left));
        var b = net.forward(tensor(right));
        // PinnNetwork keeps its axis shift and scale in float64, so in a float64 model the period is 2 pi to rounding.
        Assert.That((a - b).abs().max().item<double>(), Is.LessThan(1e-12));
        Assert.That(a[.., 0].abs().max().item<double>(), Is.GreaterThan(1e-6), "the model is not trivially zero");
    }

    [TestCase(CavityLid.Uniform)]
    [TestCase(CavityLid.Smoothed)]
    public void CavityLidAndNoSlipHold(CavityLid lid)
    {
        var problem = new NavierStokesCavity(100, lid);
        // The uniform lid's data jump at the upper corners: points stop 1e-3 short of them.
        var top = Along(0.001, 0.999, 15).Select(x => new[] { x, 1.0 });
        var sides = Along(0, 0.999, 15).SelectMany(y => new[] { new[] { 0.0, y }, new[] { 1.0, y } });
        var bottom = Along(0, 1, 15).Select(x => new[] { x, 0.0 });
        var pts = Rows(top.Concat(sides).Concat(bottom));
        var pred = Predict(problem, pts);
        for (int i = 0; i < pts.GetLength(0); i++)
        {
            double x = pts[i, 0], y = pts[i, 1];
            double u = y == 1 ? problem.LidSpeedAt(x) : 0;
            Assert.That(pred[i, 0], Is.EqualTo(u).Within(1e-10), $"u at ({x}, {y})");
            Assert.That(pred[i, 1], Is.EqualTo(0).Within(1e-12), $"v at ({x}, {y})");
        }
        Assert.That(problem.LidSpeedAt(0.5), Is.EqualTo(1).Within(1e-15));
        Assert.That(problem.LidSpeedAt(0.25), Is.EqualTo(lid == CavityLid.Uniform ? 1 : 16 * 0.0625 * 0.5625).Within(1e-15));
    }

    [Test]
    public void TheCavityReferenceIsInjectedOrMissingWithAClearError()
    {
        var missing = new NavierStokesCavity(400, CavityLid.Smoothed);
        Assert.That(missing.HasReference, Is.False);
        Assert.That(() => missing.Reference.Evaluate([[0.5, 0.5]]), Throws.InvalidOperationException.With.Message.Contains("no reference flow was given"));
        var given = new NavierStokesCavity(400, CavityLid.Smoothed, (x, y) => (x, y, x * y));
        var r = given.Reference.Evaluate([[0.25, 0.75]]);
        Assert.That(new[] { r[0, 0], r[0, 1], r[0, 2] }, Is.EqualTo(new[] { 0.25, 0.75, 0.1875 }));
        Assert.That(given.MeanFreeOutputs, Is.EqualTo(new[] { PdeKit.Problems.NavierStokes.P }));
        Assert.That(() => new NavierStokesCylinder().Reference.Evaluate([[1.0, 0.1]]), Throws.InvalidOperationException.With.Message.Contains("benchmark quantities"));
        // The catalogue's cavity takes the finite-difference solution (solved on first use) as its reference.
        var entry = ProblemCatalog.Find("cavity");
        var smoothed = (NavierStokesCavity)entry.Build(new Dictionary<string, double> { ["re"] = 100, ["lid"] = 1, ["fdN"] = 33 });
        Assert.That((smoothed.Re, smoothed.Lid, smoothed.HasReference), Is.EqualTo((100.0, CavityLid.Smoothed, true)));
        var fd = PdeKit.Numerics.NavierStokes.CavitySolver.Solve(new PdeKit.Numerics.NavierStokes.CavityOptions(100, 33, PdeKit.Numerics.NavierStokes.LidProfile.Smoothed));
        var atCentre = smoothed.Reference.Evaluate([[0.5, 0.7]]);
        var expected = fd.At(0.5, 0.7);
        Assert.That(new[] { atCentre[0, 0], atCentre[0, 1], atCentre[0, 2] }, Is.EqualTo(new[] { expected.U, expected.V, expected.P }).AsCollection.Within(1e-12));
        Assert.That(expected.U, Is.Not.EqualTo(0.0), "a moving fluid");
        Assert.That(() => entry.Build(new Dictionary<string, double> { ["lid"] = 0.5 }), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("lid must be 0"));
        Assert.That(() => entry.Build(new Dictionary<string, double> { ["fdN"] = 8 }), Throws.ArgumentException.With.Message.Contains("at least 17 nodes"));
    }
}
