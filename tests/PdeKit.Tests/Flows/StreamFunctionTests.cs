using PdeKit.Evaluation;
using PdeKit.Models;
using PdeKit.Numerics.NavierStokes;
using PdeKit.Physics;
using PdeKit.Problems;
using PdeKit.Runtime;
using PdeKit.Sampling;
using PdeKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Tests.Flows;

/// <summary>
/// The stream-function form (form=psi) of the cavity and Kovasznay problems: the reported velocity is
/// divergence-free, the hard boundary conditions hold, the third-derivative residual is the same with every
/// derivative engine, the evaluation reports (u, v, p), and a short training lowers the loss.
/// </summary>
public class StreamFunctionTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    public static IEnumerable<TestCaseData> PsiProblems()
    {
        yield return new TestCaseData(new NavierStokesCavity(100, CavityLid.Smoothed, form: FlowForm.StreamFunction)).SetArgDisplayNames("cavity-smoothed");
        yield return new TestCaseData(new NavierStokesCavity(100, CavityLid.Uniform, form: FlowForm.StreamFunction)).SetArgDisplayNames("cavity-uniform");
        yield return new TestCaseData(new NavierStokesKovasznay(20, FlowForm.StreamFunction)).SetArgDisplayNames("kovasznay-20");
        yield return new TestCaseData(new NavierStokesKovasznay(40, FlowForm.StreamFunction)).SetArgDisplayNames("kovasznay-40");
        yield return new TestCaseData(new NavierStokesTaylorGreen(10, 2, FlowForm.StreamFunction)).SetArgDisplayNames("taylor-green");
    }

    private static PinnNetwork Network(IProblem problem, int seed = 7)
    {
        random.manual_seed(seed);
        var net = new PinnNetwork(problem, new ModelOptions(Width: 16, Depth: 3));
        net.to(ScalarType.Float64);
        return net;
    }

    /// <summary>The reported (u, v, p) [N, 3] of a random network at points [N, 2], with the leaf they were computed from.</summary>
    private static (Tensor Reported, Tensor Leaf) Reported(IProblem problem, PinnNetwork net, Tensor points)
    {
        var leaf = points.detach().requires_grad_(true);
        var s = new AutogradSolution(problem.Domain, problem.Outputs, leaf, net.forward(leaf));
        var derived = problem.Derived ?? throw new AssertionException($"{problem.Name}: the psi form must report derived fields");
        return (derived.Compute(new Coords(leaf, problem.Domain), s), leaf);
    }

    private static Tensor Grad(Tensor of, Tensor wrt) =>
        autograd.grad([of.sum()], [wrt], retain_graph: true, create_graph: false)[0];

    [TestCaseSource(nameof(PsiProblems))]
    public void TheReportedVelocityIsDivergenceFree(IProblem problem)
    {
        using var scope = NewDisposeScope();
        using var net = Network(problem);
        var points = Sampler.Draw(SamplerKind.Uniform, problem.Domain, 200, new Random(3), CPU, ScalarType.Float64);
        var (uvp, leaf) = Reported(problem, net, points);
        // u_x and v_y by differentiating the reported u = psi_y and v = -psi_x again (psi_yx against psi_xy:
        // the same number only if v really is -psi_x and u psi_y).
        var ux = Grad(uvp[.., 0], leaf)[.., 0];
        var vy = Grad(uvp[.., 1], leaf)[.., 1];
        double scale = ux.abs().max().item<double>();
        Assert.That(scale, Is.GreaterThan(1e-3), "a random network has a non-trivial velocity gradient");
        Assert.That((ux + vy).abs().max().item<double>(), Is.LessThan(1e-12 * Math.Max(scale, 1)));
        Assert.That(problem.Outputs.Select(f => f.Name), Is.EqualTo(new[] { "psi", "p" }));
        Assert.That(problem.ReportedFields().Select(f => f.Name), Is.EqualTo(new[] { "u", "v", "p" }));
    }

    /// <summary>n points along each side of [x0, x1] x [y0, y1] (corners excluded by <paramref name="inset"/>), as (x, y) rows.</summary>
    private static double[,] Sides((double Min, double Max) x, (double Min, double Max) y, int n, double inset)
    {
        var rows = new List<double[]>();
        for (int i = 0; i < n; i++)
        {
            double s = inset + (1 - 2 * inset) * i / (n - 1);
            double px = x.Min + s * (x.Max - x.Min), py = y.Min + s * (y.Max - y.Min);
            rows.Add([px, y.Min]);
            rows.Add([px, y.Max]);
            rows.Add([x.Min, py]);
            rows.Add([x.Max, py]);
        }
        var a = new double[rows.Count, 2];
        for (int i = 0; i < rows.Count; i++) (a[i, 0], a[i, 1]) = (rows[i][0], rows[i][1]);
        return a;
    }

    [TestCase(CavityLid.Smoothed, 0.0)]
    [TestCase(CavityLid.Uniform, 0.01)]
    public void TheCavityWallsAndLidHoldExactly(CavityLid lid, double inset)
    {
        // Smoothed lid: corners included; uniform lid: the data jump at the upper corners, so the open sides only.
        using var scope = NewDisposeScope();
        var problem = new NavierStokesCavity(100, lid, form: FlowForm.StreamFunction);
        using var net = Network(problem);
        var pts = Sides((0, 1), (0, 1), 41, inset);
        var (uvp, leaf) = Reported(problem, net, tensor(pts));
        var psi = net.forward(leaf)[.., 0].detach().data<double>().ToArray();
        var r = uvp.detach().data<double>().ToArray();
        double worst = 0;
        for (int i = 0; i < pts.GetLength(0); i++)
        {
            double x = pts[i, 0], y = pts[i, 1];
            double uWant = y == 1 ? problem.LidSpeedAt(x) : 0;
            worst = Math.Max(worst, Math.Max(Math.Abs(r[3 * i] - uWant), Math.Abs(r[3 * i + 1])));
            Assert.That(Math.Abs(psi[i]), Is.LessThan(1e-12), $"psi = 0 on the walls at ({x}, {y})");
        }
        Assert.That(worst, Is.LessThan(1e-12), "u = u_lid on the lid, u = 0 on the walls, v = 0 everywhere on the boundary");
        // Inside, the network moves the flow: the velocity is not the lift's.
        var inside = tensor(new double[,] { { 0.3, 0.6 }, { 0.7, 0.2 } });
        var (withNet, _) = Reported(problem, net, inside);
        var c = new Coords(inside.requires_grad_(true), problem.Domain);
        var liftU = Grad(problem.StreamLift(c), c.Points)[.., 1];
        Assert.That((withNet[.., 0] - liftU).abs().max().item<double>(), Is.GreaterThan(1e-4));
    }

    [Test]
    public void TheSmoothedLidsStreamLiftMatchesItsDataAtTheCorners()
    {
        // psi = y^2 (y - 1) u_lid(x): psi_y = u_lid on y = 1; u_lid(0) = u_lid(1) = 0 with zero slope, so the
        // lift's gradient vanishes at all four corners and the lid data agree with the walls there.
        using var scope = NewDisposeScope();
        var problem = new NavierStokesCavity(100, CavityLid.Smoothed, form: FlowForm.StreamFunction);
        var corners = tensor(new double[,] { { 0, 0 }, { 1, 0 }, { 0, 1 }, { 1, 1 } }).requires_grad_(true);
        var g = Grad(problem.StreamLift(new Coords(corners, problem.Domain)), corners);
        Assert.That(g.abs().max().item<double>(), Is.LessThan(1e-14));
    }

    /// <summary>Kovasznay's exact stream function psi = y - exp(lambda x) sin(2 pi y) / (2 pi).</summary>
    private static double ExactPsi(KovasznayFlow flow, double x, double y) => y - Math.Exp(flow.Lambda * x) * Math.Sin(2 * Math.PI * y) / (2 * Math.PI);

    [Test]
    public void KovasznaysStreamFunctionGivesTheExactVelocity()
    {
        // Checks psi_y = u and -psi_x = v of the closed-form flow by central differences (h = 1e-5: error ~1e-9).
        var flow = new KovasznayFlow(20);
        const double h = 1e-5;
        foreach (var (x, y) in new[] { (-0.3, 0.2), (0.4, 1.1), (0.9, -0.4) })
        {
            var (u, v, _) = flow.At(x, y);
            Assert.That((ExactPsi(flow, x, y + h) - ExactPsi(flow, x, y - h)) / (2 * h), Is.EqualTo(u).Within(1e-8));
            Assert.That(-(ExactPsi(flow, x + h, y) - ExactPsi(flow, x - h, y)) / (2 * h), Is.EqualTo(v).Within(1e-8));
        }
    }

    [TestCase(20)]
    [TestCase(40)]
    public void KovasznaysVelocityDataHoldExactlyAndTheHermiteLiftIsNotTheSolution(double re)
    {
        using var scope = NewDisposeScope();
        var problem = new NavierStokesKovasznay(re, FlowForm.StreamFunction);
        using var net = Network(problem);
        var pts = Sides((-0.5, 1.0), (-0.5, 1.5), 41, 0);
        var (uvp, _) = Reported(problem, net, tensor(pts));
        var r = uvp.detach().data<double>().ToArray();
        var lift = problem.StreamLift(new Coords(tensor(pts), problem.Domain)).data<double>().ToArray();
        for (int i = 0; i < pts.GetLength(0); i++)
        {
            var (u, v, _) = problem.Flow.At(pts[i, 0], pts[i, 1]);
            Assert.That(r[3 * i], Is.EqualTo(u).Within(1e-12), $"u at ({pts[i, 0]}, {pts[i, 1]})");
            Assert.That(r[3 * i + 1], Is.EqualTo(v).Within(1e-12), $"v at ({pts[i, 0]}, {pts[i, 1]})");
            Assert.That(lift[i], Is.EqualTo(ExactPsi(problem.Flow, pts[i, 0], pts[i, 1])).Within(1e-12), "the lift is psi on the sides");
        }
        double inside = Math.Abs(problem.StreamLift(new Coords(tensor(new double[,] { { 0.25, 0.3 } }), problem.Domain)).item<double>() - ExactPsi(problem.Flow, 0.25, 0.3));
        Assert.That(inside, Is.GreaterThan(1e-3), "the Hermite Coons patch uses boundary data only: it is not the exact psi inside");
    }

    /// <summary>The residual of <paramref name="problem"/> for the fields (psi, p) <paramref name="exact"/> at random points of its domain.</summary>
    private static Tensor ExactResidual(IProblem problem, Func<Coords, Tensor> exact)
    {
        var x = Sampler.Draw(SamplerKind.Uniform, problem.Domain, 64, new Random(5), CPU, ScalarType.Float64).requires_grad_(true);
        var c = new Coords(x, problem.Domain);
        return problem.Residual(c, new AutogradSolution(problem.Domain, problem.Outputs, x, exact(c)));
    }

    [TestCase(20)]
    [TestCase(40)]
    public void KovasznaysExactStreamFunctionSolvesThePsiResidual(double re)
    {
        // psi = y - exp(lambda x) sin(2 pi y) / (2 pi), p = (1 - exp(2 lambda x)) / 2 (Kovasznay 1948; the
        // velocity checked against KovasznayFlow above); at a wrong Re the residual does not vanish.
        using var scope = NewDisposeScope();
        var problem = new NavierStokesKovasznay(re, FlowForm.StreamFunction);
        Tensor Exact(Coords c, double lambda) => cat([c.Y - (lambda * c.X).exp() * (2 * Math.PI * c.Y).sin() / (2 * Math.PI), 0.5 * (1 - (2 * lambda * c.X).exp())], 1);
        Assert.That(ExactResidual(problem, c => Exact(c, problem.Flow.Lambda)).abs().max().item<double>(), Is.LessThan(1e-11));
        Assert.That(ExactResidual(problem, c => Exact(c, new KovasznayFlow(re * 1.1).Lambda)).abs().max().item<double>(), Is.GreaterThan(1e-2));
    }

    [Test]
    public void TaylorGreensExactStreamFunctionSolvesTheTimeDependentPsiResidual()
    {
        // psi = -cos x cos y exp(-2 nu t), p = -(cos 2x + cos 2y) exp(-4 nu t) / 4 (Taylor and Green 1937; psi_y and
        // -psi_x are TaylorGreenVortex's u and v); the residual vanishes only with its time terms psi_yt, psi_xt, and
        // not at a wrong nu.
        using var scope = NewDisposeScope();
        var problem = new NavierStokesTaylorGreen(10, 2, FlowForm.StreamFunction);
        Tensor Exact(Coords c, double nu) => cat([-c.X.cos() * c.Y.cos() * (-2 * nu * c.T).exp(), -((2 * c.X).cos() + (2 * c.Y).cos()) * (-4 * nu * c.T).exp() / 4], 1);
        Assert.That(ExactResidual(problem, c => Exact(c, 0.1)).abs().max().item<double>(), Is.LessThan(1e-12));
        Assert.That(ExactResidual(problem, c => Exact(c, 0.12)).abs().max().item<double>(), Is.GreaterThan(1e-3));
        var (u, v, _) = problem.Flow.At(0.4, 1.3, 0.7);
        Assert.That(Math.Cos(0.4) * Math.Sin(1.3) * Math.Exp(-0.14), Is.EqualTo(u).Within(1e-15), "psi_y = u");
        Assert.That(-Math.Sin(0.4) * Math.Cos(1.3) * Math.Exp(-0.14), Is.EqualTo(v).Within(1e-15), "-psi_x = v");
    }

    [Test]
    public void TheFourThirdDerivativesTakeTwoThirdLevelGradients()
    {
        // u = sin(x) y^3 + x^3 y: u_xxy = 6 x - 3 sin(x) y^2, u_yyy = 6 sin x, u_xxx = 6 y - cos(x) y^3, u_xyy = 6 cos(x) y.
        using var scope = NewDisposeScope();
        var domain = Domain.Box((0, 1), (0, 1));
        var f = Field.Scalar("u");
        var pts = Sampler.Draw(SamplerKind.Uniform, domain, 20, new Random(9), CPU, ScalarType.Float64).requires_grad_(true);
        var (x, y) = (pts[.., 0..1], pts[.., 1..2]);
        var s = new AutogradSolution(domain, [f], pts, x.sin() * y.pow(3) + x.pow(3) * y);
        double Gap(Tensor a, Tensor b) => (a - b).abs().max().item<double>();
        Assert.That(Gap(s.D(f, "x", "x", "y"), 6 * x - 3 * x.sin() * y.square()), Is.LessThan(1e-13));
        Assert.That(Gap(s.D(f, "y", "y", "y"), 6 * x.sin()), Is.LessThan(1e-13));
        Assert.That(Gap(s.D(f, "x", "x", "x"), 6 * y - x.cos() * y.pow(3)), Is.LessThan(1e-13));
        Assert.That(Gap(s.D(f, "x", "y", "y"), 6 * x.cos() * y), Is.LessThan(1e-13));
        // Gradients of u, u_x, u_y, u_xx, u_yy: u_xyy comes from the gradient of u_yy, not a sixth one of u_xy.
        Assert.That(s.GradCalls, Is.EqualTo(5));
    }

    [Test]
    public void TheHermiteCoonsPatchReproducesACubicAndRejectsBadData()
    {
        // A bicubic polynomial lies in the span of the blend, so the patch reproduces it everywhere.
        using var scope = NewDisposeScope();
        Tensor F(Tensor x, Tensor y) => x.pow(3) * y - 2 * x * y.pow(3) + x * y + 1;
        var patch = new PdeKit.Geometry.HermiteCoonsPatch((-1, 2), (0, 3), F,
            (x, y) => 3 * x.square() * y - 2 * y.pow(3) + y, (x, y) => x.pow(3) - 6 * x * y.square() + x, (x, y) => 3 * x.square() - 6 * y.square() + 1);
        var pts = Sampler.Draw(SamplerKind.Uniform, Domain.Box((-1, 2), (0, 3)), 50, new Random(1), CPU, ScalarType.Float64);
        var (x, y) = (pts[.., 0..1], pts[.., 1..2]);
        Assert.That((patch.Evaluate(x, y) - F(x, y)).abs().max().item<double>(), Is.LessThan(1e-11));
        Assert.That(() => new PdeKit.Geometry.HermiteCoonsPatch((1, 1), (0, 1), F, F, F, F), Throws.ArgumentException.With.Message.Contains("x interval"));
        var bad = new PdeKit.Geometry.HermiteCoonsPatch((0, 1), (0, 1), (x, y) => x / x.abs().min(), F, F, F);
        Assert.That(() => bad.Evaluate(x, y), Throws.ArgumentException.With.Message.Contains("not finite at the corner"));
    }

    private static (IReadOnlyList<LossTerm> Terms, Tensor[] Gradients, ResidualAssembler Assembler) LossAndGradients(IProblem problem, PinnNetwork net, Tensor points, DerivativeEngine engine)
    {
        var assembler = new ResidualAssembler(problem, engine);
        var terms = assembler.Assemble(net, points);
        terms = assembler.Assemble(net, points); // the second call runs on the plan the first one probed
        var loss = terms.Select(t => t.Squared.mean()).Aggregate((a, b) => a + b);
        var parameters = net.parameters().ToArray();
        var grads = autograd.grad([loss], parameters, allow_unused: true);
        return (terms, grads.Select((g, i) => g is { IsInvalid: false } ? g : zeros_like(parameters[i])).ToArray(), assembler);
    }

    private static double RelativeGap(Tensor a, Tensor b) =>
        (a - b).abs().max().item<double>() / Math.Max(b.abs().max().item<double>(), 1e-300);

    [TestCaseSource(nameof(PsiProblems))]
    public void TheThirdDerivativeResidualIsTheSameWithEveryEngine(IProblem problem)
    {
        using var scope = NewDisposeScope();
        using var net = Network(problem);
        Assert.That(net.SupportsJet, Is.True);
        var points = Sampler.Draw(SamplerKind.Uniform, problem.Domain, 64, new Random(2), CPU, ScalarType.Float64);
        var (auto, gAuto, a1) = LossAndGradients(problem, net, points, DerivativeEngine.Autograd);
        var (jet, gJet, a2) = LossAndGradients(problem, net, points, DerivativeEngine.Jet);
        var (resolved, gResolved, a3) = LossAndGradients(problem, net, points, DerivativeEngine.Auto);
        using (a1)
        using (a2)
        using (a3)
        {
            Assert.That(auto.Select(t => t.Name), Is.EqualTo(new[] { "residual_0", "residual_1" }), "two momentum residuals: continuity holds identically");
            foreach (var (other, grads, name) in new[] { (jet, gJet, "jet"), (resolved, gResolved, "auto") })
            {
                Assert.That(other.Select(t => t.Name), Is.EqualTo(auto.Select(t => t.Name)));
                for (int i = 0; i < auto.Count; i++)
                    Assert.That(RelativeGap(other[i].Squared, auto[i].Squared), Is.LessThan(1e-10), $"{name}: term {auto[i].Name}");
                for (int i = 0; i < gAuto.Length; i++)
                    Assert.That(RelativeGap(grads[i], gAuto[i]), Is.LessThan(1e-9), $"{name}: gradient of parameter {i}");
            }
            Assert.That(a3.HigherOrderSites, Is.EqualTo(new[] { "residual" }), "the probe saw the third derivatives, so auto runs the residual on autograd");
            Assert.That(a2.HigherOrderSites, Is.EqualTo(new[] { "residual" }));
        }
    }

    [Test]
    public void AutoKeepsTheJetForSecondOrderResiduals()
    {
        using var scope = NewDisposeScope();
        var problem = new NavierStokesKovasznay(20);
        using var net = Network(problem);
        var points = Sampler.Draw(SamplerKind.Uniform, problem.Domain, 16, new Random(2), CPU, ScalarType.Float64);
        using var assembler = new ResidualAssembler(problem, DerivativeEngine.Auto);
        assembler.Assemble(net, points);
        var (s, _) = assembler.Solve(net, points);
        Assert.That(assembler.HigherOrderSites, Is.Empty);
        Assert.That(s, Is.InstanceOf<JetSolution>());
    }

    [Test]
    public void TheEvaluatorReportsTheDerivedVelocity()
    {
        using var scope = NewDisposeScope();
        var problem = new NavierStokesKovasznay(20, FlowForm.StreamFunction);
        using var net = Network(problem);
        var evaluator = new Evaluator(problem);
        var e = evaluator.Evaluate(net, batch: 4000);
        Assert.That(evaluator.Fields.Select(f => f.Name), Is.EqualTo(new[] { "u", "v", "p" }));
        Assert.That(e.Errors.Select(f => f.Field), Is.EqualTo(new[] { "u", "v", "p" }));
        Assert.That(e.Predicted.GetLength(1), Is.EqualTo(3));
        // Compare a few grid points with psi_y, -psi_x taken here.
        int[] rows = [101 * 30 + 20, 101 * 50 + 50, 101 * 70 + 60]; // interior points (on the sides v = -psi_x vanishes with psi_x)
        var pts = tensor(rows.SelectMany(i => evaluator.Points[i]).ToArray(), [rows.Length, 2]).requires_grad_(true);
        var psi = net.forward(pts)[.., 0];
        var g = Grad(psi, pts);
        for (int k = 0; k < rows.Length; k++)
        {
            Assert.That(e.Predicted[rows[k], 0], Is.EqualTo(g[k, 1].item<double>()).Within(1e-12));
            Assert.That(e.Predicted[rows[k], 1], Is.EqualTo(-g[k, 0].item<double>()).Within(1e-12));
        }
    }

    /// <summary>The psi-form Kovasznay problem with other derived fields.</summary>
    private sealed class OtherDerived(DerivedFields derived) : IProblem
    {
        private readonly NavierStokesKovasznay inner = new(20, FlowForm.StreamFunction);
        public string Name => "other-derived";
        public Domain Domain => inner.Domain;
        public IReadOnlyList<Field> Outputs => inner.Outputs;
        public DerivedFields? Derived => derived;
        public Tensor Ansatz(Coords c, Tensor net) => inner.Ansatz(c, net);
        public Tensor Residual(Coords c, Solution s) => inner.Residual(c, s);
        public IReference Reference => inner.Reference;
        public IReadOnlyList<double[]> EvaluationAxes => [[-0.5, 0, 1], [-0.5, 0.5, 1.5]];
    }

    [Test]
    public void BadDerivedFieldsGiveClearErrors()
    {
        using var scope = NewDisposeScope();
        var none = new OtherDerived(new DerivedFields([], (c, s) => s.Values));
        Assert.That(() => new Evaluator(none), Throws.ArgumentException.With.Message.Contains("reports no fields"));
        var two = new OtherDerived(new DerivedFields([PdeKit.Problems.NavierStokes.U, PdeKit.Problems.NavierStokes.V], (c, s) => s.Values));
        Assert.That(() => new Evaluator(two), Throws.InvalidOperationException.With.Message.Contains("one column per reported field: u, v"));
        var wrong = new OtherDerived(new DerivedFields(PdeKit.Problems.NavierStokes.Fields, (c, s) => s.Values));
        using var net = Network(wrong);
        Assert.That(() => new Evaluator(wrong).Evaluate(net), Throws.InvalidOperationException.With.Message.Contains("the derived fields have shape [9, 2], expected [9, 3]"));
        Assert.That(() => new Evaluator(wrong).Evaluate(net, batch: 0), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void TheCatalogueTakesFormByNameAndRejectsBadValues()
    {
        Assert.That(ProblemCatalog.ParseValue("problem.form", "psi"), Is.EqualTo(1));
        Assert.That(ProblemCatalog.ParseValue("problem.form", "UVP"), Is.EqualTo(0));
        Assert.That(ProblemCatalog.ParseValue("problem.form", "1"), Is.EqualTo(1));
        Assert.That(() => ProblemCatalog.ParseValue("problem.form", "vorticity"), Throws.ArgumentException.With.Message.Contains("uvp (0), psi (1)"));
        Assert.That(() => ProblemCatalog.ParseValue("problem.re", "psi"), Throws.ArgumentException.With.Message.Contains("is not a finite number"));
        foreach (var name in new[] { "cavity", "kovasznay", "taylor-green" })
        {
            var entry = ProblemCatalog.Find(name);
            Assert.That(entry.Build().Outputs.Select(f => f.Name), Is.EqualTo(new[] { "u", "v", "p" }), $"{name}: uvp stays the default");
            Assert.That(entry.Build().Derived, Is.Null);
            var psi = entry.Build(new Dictionary<string, double> { ["form"] = 1 });
            Assert.That(psi.Outputs.Select(f => f.Name), Is.EqualTo(new[] { "psi", "p" }));
            Assert.That(psi.ReportedFields().Select(f => f.Name), Is.EqualTo(new[] { "u", "v", "p" }));
            Assert.That(() => entry.Build(new Dictionary<string, double> { ["form"] = 2 }), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("form must be uvp (0"));
            Assert.That(entry.Summary, Does.Contain("form=uvp"));
        }
        Assert.That(() => new NavierStokesKovasznay(20, (FlowForm)7), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("unknown flow form"));
        Assert.That(() => new NavierStokesCavity(100, form: (FlowForm)7), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("unknown flow form"));
    }

    [TestCase("train|cavity|--set|problem.form=vorticity", "'vorticity' is neither one of uvp (0), psi (1) nor a finite number")]
    [TestCase("train|kovasznay|--set|problem.form=2", "kovasznay: form must be uvp (0, velocity-pressure) or psi (1, stream function) (got 2)")]
    [TestCase("train|burgers|--set|problem.form=psi", "burgers has no parameter 'form'")]
    public void BadFormsOnTheCommandLineGiveOneClearLine(string args, string expected)
    {
        var (code, _, stderr) = PdeKit.Tests.Runtime.CliProcess.Run(new Dictionary<string, string>(), args.Split('|'));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain(expected));
        Assert.That(stderr, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public void AShortTrainingLowersTheLoss()
    {
        var problem = new NavierStokesCavity(100, CavityLid.Smoothed, form: FlowForm.StreamFunction);
        var options = NavierStokesPresets.Quick with
        {
            Model = new ModelOptions(Width: 16, Depth: 2),
            Points = 128, ResampleEvery = 0, AdamSteps = 60, LbfgsIterations = 0, LogEvery = 1, EvalEvery = 0, Device = DeviceChoice.Cpu,
        };
        var result = new Trainer(problem, options).Train();
        using var net = result.Network;
        double first = result.History[0].Loss, last = result.History[^1].Loss;
        TestContext.Out.WriteLine($"cavity psi form, 60 Adam steps: loss {first:E3} -> {last:E3}");
        Assert.That(result.History[^1].Terms.Keys, Is.EquivalentTo(new[] { "residual_0", "residual_1" }));
        Assert.That(last, Is.LessThan(0.5 * first));
    }
}
