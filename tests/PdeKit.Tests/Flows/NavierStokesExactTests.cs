using PdeKit.Numerics.NavierStokes;
using PdeKit.Physics;
using PdeKit.Problems;
using PdeKit.Runtime;
using static TorchSharp.torch;

namespace PdeKit.Tests.Flows;

/// <summary>
/// The exact Navier-Stokes solutions: each satisfies the equations through the problems' own residual (the
/// exact fields, written here in torch, fed to the autograd solution), agrees with its PdeKit.Numerics
/// formula, and the numerics check their arguments.
/// </summary>
public class NavierStokesExactTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    /// <summary>The residual [N, 3] of <paramref name="problem"/> for the fields <paramref name="exact"/> at the points.</summary>
    private static Tensor ResidualOf(IProblem problem, double[,] points, Func<Coords, Tensor> exact)
    {
        var x = tensor(points).requires_grad_(true);
        var c = new Coords(x, problem.Domain);
        var s = new AutogradSolution(problem.Domain, problem.Outputs, x, exact(c));
        return problem.Residual(c, s);
    }

    private static double[,] RandomPoints(int n, params (double Min, double Max)[] box)
    {
        var rng = new Random(5);
        var p = new double[n, box.Length];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < box.Length; k++) p[i, k] = box[k].Min + (box[k].Max - box[k].Min) * rng.NextDouble();
        return p;
    }

    private static Tensor Kovasznay(Coords c, double lambda, double shift = 0)
    {
        var e = (lambda * c.X).exp();
        return cat([1 - e * (2 * Math.PI * c.Y).cos(), lambda / (2 * Math.PI) * e * (2 * Math.PI * c.Y).sin(), 0.5 * (1 - (2 * lambda * c.X).exp()) + shift], 1);
    }

    [TestCase(20)]
    [TestCase(40)]
    public void KovasznayFlowSolvesTheEquations(double re)
    {
        using var scope = NewDisposeScope();
        var problem = new NavierStokesKovasznay(re);
        var points = RandomPoints(64, (-0.5, 1), (-0.5, 1.5));
        // A constant added to the pressure changes nothing: the pressure is fixed only up to a constant.
        var r = ResidualOf(problem, points, c => Kovasznay(c, problem.Flow.Lambda, shift: 3.0));
        Assert.That(r.abs().max().item<double>(), Is.LessThan(1e-11));
        // The same fields at a wrong Reynolds number do not solve it: the test can fail.
        var wrong = ResidualOf(problem, points, c => Kovasznay(c, new KovasznayFlow(re * 1.1).Lambda));
        Assert.That(wrong.abs().max().item<double>(), Is.GreaterThan(1e-2));
        // The torch fields above are the numerics' formula.
        var (u, v, p) = problem.Flow.At(0.3, 0.7);
        var e = Math.Exp(problem.Flow.Lambda * 0.3);
        Assert.That(u, Is.EqualTo(1 - e * Math.Cos(1.4 * Math.PI)).Within(1e-15));
        Assert.That(v, Is.EqualTo(problem.Flow.Lambda / (2 * Math.PI) * e * Math.Sin(1.4 * Math.PI)).Within(1e-15));
        Assert.That(p, Is.EqualTo(0.5 * (1 - e * e)).Within(1e-15));
    }

    [Test]
    public void KovasznayLambdaMatchesTheClosedForm()
    {
        // lambda = Re/2 - sqrt(Re^2/4 + 4 pi^2) (Kovasznay 1948); at Re = 40: 20 - sqrt(439.4784176) = -0.9637405.
        Assert.That(new KovasznayFlow(40).Lambda, Is.EqualTo(20 - Math.Sqrt(400 + 4 * Math.PI * Math.PI)).Within(1e-15));
        Assert.That(new KovasznayFlow(40).Lambda, Is.EqualTo(-0.9637405).Within(1e-7));
        Assert.That(new KovasznayFlow(20).Lambda, Is.EqualTo(-1.8100981).Within(1e-7), "10 - sqrt(139.4784176)");
    }

    [Test]
    public void PoiseuilleFlowSolvesTheEquationsWithZeroOutletPressure()
    {
        using var scope = NewDisposeScope();
        var problem = new NavierStokesChannel(re: 50, length: 3);
        var points = RandomPoints(64, (0, 3), (0, 1));
        Tensor Exact(Coords c, double g) => cat([4 * c.Y * (1 - c.Y), zeros_like(c.X), g * (3 - c.X)], 1);
        double gradient = problem.Flow.PressureGradient;
        Assert.That(gradient, Is.EqualTo(8.0 / 50).Within(1e-15), "-dp/dx = 8 nu U_max / H^2");
        Assert.That(ResidualOf(problem, points, c => Exact(c, gradient)).abs().max().item<double>(), Is.LessThan(1e-12));
        Assert.That(ResidualOf(problem, points, c => Exact(c, 2 * gradient)).abs().max().item<double>(), Is.GreaterThan(0.1));
        Assert.That(problem.Flow.At(3, 0.5), Is.EqualTo((1.0, 0.0, 0.0)));
        Assert.That(problem.Flow.At(1, 0.25).P, Is.EqualTo(gradient * 2).Within(1e-15));
    }

    [Test]
    public void TaylorGreenVortexSolvesTheTransientEquations()
    {
        using var scope = NewDisposeScope();
        var problem = new NavierStokesTaylorGreen(re: 5, tMax: 2);
        double nu = 1 / problem.Re;
        var points = RandomPoints(64, (0, 2 * Math.PI), (0, 2 * Math.PI), (0, 2));
        Tensor Exact(Coords c, double decay)
        {
            var f = (-decay * c.T).exp();
            return cat([c.X.cos() * c.Y.sin() * f, -c.X.sin() * c.Y.cos() * f, -((2 * c.X).cos() + (2 * c.Y).cos()) * f.square() / 4 + c.T], 1);
        }
        // + t in the pressure: a function of time alone is invisible to the equations.
        Assert.That(ResidualOf(problem, points, c => Exact(c, 2 * nu)).abs().max().item<double>(), Is.LessThan(1e-12));
        Assert.That(ResidualOf(problem, points, c => Exact(c, nu)).abs().max().item<double>(), Is.GreaterThan(0.05));
        var (u, v, p) = problem.Flow.At(0.4, 1.3, 0.7);
        double decay = Math.Exp(-2 * nu * 0.7);
        Assert.That(u, Is.EqualTo(Math.Cos(0.4) * Math.Sin(1.3) * decay).Within(1e-15));
        Assert.That(v, Is.EqualTo(-Math.Sin(0.4) * Math.Cos(1.3) * decay).Within(1e-15));
        Assert.That(p, Is.EqualTo(-(Math.Cos(0.8) + Math.Cos(2.6)) * decay * decay / 4).Within(1e-15));
    }

    [Test]
    public void TheNumericsSatisfyTheEquationsByFiniteDifferences()
    {
        // Independent of the torch code: the double formulas' residual by central differences (h = 1e-4, error O(h^2)).
        static double Residual(Func<double, double, (double U, double V, double P)> f, double nu, double x, double y, Func<double, double, (double, double)>? dt = null)
        {
            const double h = 1e-4;
            var (u, v, _) = f(x, y);
            var (xp, xm, yp, ym) = (f(x + h, y), f(x - h, y), f(x, y + h), f(x, y - h));
            double ux = (xp.U - xm.U) / (2 * h), uy = (yp.U - ym.U) / (2 * h), vx = (xp.V - xm.V) / (2 * h), vy = (yp.V - ym.V) / (2 * h);
            double px = (xp.P - xm.P) / (2 * h), py = (yp.P - ym.P) / (2 * h);
            double lu = (xp.U + xm.U + yp.U + ym.U - 4 * u) / (h * h), lv = (xp.V + xm.V + yp.V + ym.V - 4 * v) / (h * h);
            var (ut, vt) = dt?.Invoke(x, y) ?? (0, 0);
            return Math.Max(Math.Abs(ut + u * ux + v * uy + px - nu * lu), Math.Max(Math.Abs(vt + u * vx + v * vy + py - nu * lv), Math.Abs(ux + vy)));
        }
        var kov = new KovasznayFlow(20);
        var poi = new PoiseuilleFlow(0.02, 1, 2, 1);
        var tg = new TaylorGreenVortex(0.1);
        const double t = 0.5, ht = 1e-5;
        foreach (var (x, y) in new[] { (0.1, 0.2), (0.7, 1.1), (-0.3, 0.45) })
        {
            Assert.That(Residual(kov.At, 1.0 / 20, x, y), Is.LessThan(1e-5));
            Assert.That(Residual(poi.At, 0.02, x + 0.5, y / 2), Is.LessThan(1e-5));
            Assert.That(Residual((a, b) => tg.At(a, b, t), 0.1, x, y, (a, b) =>
                ((tg.At(a, b, t + ht).U - tg.At(a, b, t - ht).U) / (2 * ht), (tg.At(a, b, t + ht).V - tg.At(a, b, t - ht).V) / (2 * ht))), Is.LessThan(1e-5));
        }
    }

    [Test]
    public void BadParametersGiveClearErrors()
    {
        Assert.That(() => new KovasznayFlow(0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("Kovasznay flow: re"));
        Assert.That(() => new KovasznayFlow(double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>());
        Assert.That(() => new PoiseuilleFlow(1e-2, height: -1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("height"));
        Assert.That(() => new TaylorGreenVortex(double.PositiveInfinity), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("Taylor-Green"));
        Assert.That(() => new NavierStokesKovasznay(-20), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("kovasznay: the Reynolds number"));
        Assert.That(() => new NavierStokesKovasznay(double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("kovasznay"));
        Assert.That(() => new NavierStokesChannel(re: 0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("poiseuille"));
        Assert.That(() => new NavierStokesChannel(length: double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("channel length"));
        Assert.That(() => new NavierStokesTaylorGreen(re: double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("taylor-green"));
        Assert.That(() => new NavierStokesTaylorGreen(tMax: 0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("tMax"));
        Assert.That(() => new NavierStokesCavity(re: -1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("cavity"));
        Assert.That(() => new NavierStokesCavity(lid: (CavityLid)7), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("lid profile"));
        Assert.That(() => new NavierStokesCavity(cornerRadius: double.NaN), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("cornerRadius"));
        Assert.That(() => new NavierStokesCylinder(nu: 0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("nu"));
        Assert.That(() => ProblemCatalog.Find("kovasznay").Build(new Dictionary<string, double> { ["re"] = -5 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }
}
