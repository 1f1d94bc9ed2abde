using PdeKit.Models;
using PdeKit.Physics;
using PdeKit.Problems;
using PdeKit.Runtime;
using PdeKit.Sampling;
using PdeKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Tests.Training;

/// <summary>The jet derivative engine against nested autograd: same residuals, same gradients, in float64.</summary>
public class JetEngineTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    public static IEnumerable<string> CatalogNames => ProblemCatalog.Entries.Select(e => e.Name);

    private static PinnNetwork Network(IProblem problem, ModelOptions options, int seed = 3)
    {
        random.manual_seed(seed);
        var net = new PinnNetwork(problem, options);
        net.to(ScalarType.Float64);
        return net;
    }

    /// <summary>Largest |a - b| relative to the largest |b| (1 when b is all zero).</summary>
    private static double RelativeGap(Tensor a, Tensor b) =>
        (a - b).abs().max().item<double>() / Math.Max(b.abs().max().item<double>(), 1e-300);

    private static (IReadOnlyList<LossTerm> Terms, Tensor[] Gradients) LossAndGradients(IProblem problem, PinnNetwork net, Tensor points, DerivativeEngine engine, int calls = 1)
    {
        using var assembler = new ResidualAssembler(problem, engine);
        assembler.PrepareConstraints(new Random(5), CPU, ScalarType.Float64);
        IReadOnlyList<LossTerm> terms = [];
        for (int i = 0; i < calls; i++) terms = assembler.Assemble(net, points);
        var loss = terms.Select(t => t.Squared.mean()).Aggregate((a, b) => a + b);
        var parameters = net.parameters().ToArray();
        var grads = autograd.grad([loss], parameters, allow_unused: true);
        return (terms, grads.Select((g, i) => g is { IsInvalid: false } ? g : zeros_like(parameters[i])).ToArray());
    }

    [TestCaseSource(nameof(CatalogNames))]
    public void EveryCatalogProblemHasTheSameResidualsAndGradientsWithTheJet(string name)
    {
        using var scope = NewDisposeScope();
        var problem = ProblemCatalog.Find(name).Build();
        using var net = Network(problem, new ModelOptions(Width: 12, Depth: 2));
        var points = Sampler.Draw(SamplerKind.Uniform, problem.Domain, 64, new Random(2), CPU, ScalarType.Float64);
        var (auto, gAuto) = LossAndGradients(problem, net, points, DerivativeEngine.Autograd);
        var (jet, gJet) = LossAndGradients(problem, net, points, DerivativeEngine.Jet);
        Assert.That(jet.Select(t => t.Name), Is.EqualTo(auto.Select(t => t.Name)));
        for (int i = 0; i < auto.Count; i++)
            Assert.That(RelativeGap(jet[i].Squared, auto[i].Squared), Is.LessThan(1e-10), $"{name}: term {auto[i].Name}");
        for (int i = 0; i < gAuto.Length; i++)
            Assert.That(RelativeGap(gJet[i], gAuto[i]), Is.LessThan(1e-9), $"{name}: gradient of parameter {i}");
    }

    [TestCase(ModelKind.Mlp, Activation.Tanh, 0)]
    [TestCase(ModelKind.Mlp, Activation.Sin, 0)]
    [TestCase(ModelKind.Mlp, Activation.Gelu, 0)]
    [TestCase(ModelKind.ModifiedMlp, Activation.Tanh, 0)]
    [TestCase(ModelKind.Mlp, Activation.Tanh, 6)]
    [TestCase(ModelKind.ModifiedMlp, Activation.Gelu, 6)]
    public void EveryFirstAndSecondPartialMatchesAutograd(ModelKind kind, Activation activation, int features)
    {
        using var scope = NewDisposeScope();
        // A 3D domain with a periodic axis: mixed partials, the periodic embedding and the input scaling all enter.
        var problem = new Probe3D();
        using var net = Network(problem, new ModelOptions(kind, Width: 10, Depth: 3, Activation: activation, FourierFeatures: features));
        Assert.That(net.SupportsJet, Is.True);
        var points = Sampler.Draw(SamplerKind.Uniform, problem.Domain, 40, new Random(4), CPU, ScalarType.Float64);
        var leaf = points.detach().requires_grad_(true);
        var jet = new JetSolution(net, problem.Domain, problem.Outputs, leaf, JetLayout.Full(3));
        var auto = new AutogradSolution(problem.Domain, problem.Outputs, leaf, net.forward(leaf));
        string[] axes = ["x", "y", "t"];
        foreach (var f in problem.Outputs)
        {
            Assert.That(RelativeGap(jet[f], auto[f]), Is.LessThan(1e-12), $"{f} value");
            foreach (var a in axes)
            {
                Assert.That(RelativeGap(jet.D(f, a), auto.D(f, a)), Is.LessThan(1e-10), $"{f}_{a}");
                foreach (var b in axes)
                    Assert.That(RelativeGap(jet.D(f, a, b), auto.D(f, a, b)), Is.LessThan(1e-10), $"{f}_{a}{b}");
            }
        }
        Assert.That(jet.Misses, Is.Zero, "the full layout carries every first and second partial");
    }

    [Test]
    public void AThirdDerivativeFallsBackToAutogradAndIsCorrect()
    {
        using var scope = NewDisposeScope();
        var problem = new Probe3D();
        using var net = Network(problem, new ModelOptions(Width: 8, Depth: 2));
        var leaf = Sampler.Draw(SamplerKind.Uniform, problem.Domain, 16, new Random(4), CPU, ScalarType.Float64).requires_grad_(true);
        var missed = new List<int[]>();
        var jet = new JetSolution(net, problem.Domain, problem.Outputs, leaf, JetLayout.For(3, [[0, 0]]), missed.Add);
        var auto = new AutogradSolution(problem.Domain, problem.Outputs, leaf, net.forward(leaf));
        Assert.That(RelativeGap(jet.D(Probe3D.A, "x", "x", "y"), auto.D(Probe3D.A, "x", "x", "y")), Is.LessThan(1e-10));
        Assert.That(RelativeGap(jet.D(Probe3D.A, "t"), auto.D(Probe3D.A, "t")), Is.LessThan(1e-10));
        Assert.That(RelativeGap(jet.Dxx(Probe3D.A), auto.Dxx(Probe3D.A)), Is.LessThan(1e-10));
        Assert.That(jet.Misses, Is.EqualTo(2), "d3/dx2dy and d/dt are not in the layout {u, x, xx}");
        Assert.That(missed.Select(a => string.Join(",", a)), Is.EqualTo(new[] { "0,0,1", "2" }));
    }

    [Test]
    public void DomainDecomposedModelsGiveTheSameResidualAndGradients()
    {
        using var scope = NewDisposeScope();
        var problem = new RadialDiffusivity(logCoordinates: false);
        using var net = Network(problem, new ModelOptions(Width: 8, Depth: 2) { Interfaces = [10, 100], SplitAxis = "x" });
        Assert.That(net.SupportsJet, Is.True);
        var points = Sampler.Draw(SamplerKind.Uniform, problem.Domain, 96, new Random(2), CPU, ScalarType.Float64);
        var (auto, gAuto) = LossAndGradients(problem, net, points, DerivativeEngine.Autograd);
        var (jet, gJet) = LossAndGradients(problem, net, points, DerivativeEngine.Jet);
        for (int i = 0; i < auto.Count; i++) Assert.That(RelativeGap(jet[i].Squared, auto[i].Squared), Is.LessThan(1e-10), auto[i].Name);
        for (int i = 0; i < gAuto.Length; i++) Assert.That(RelativeGap(gJet[i], gAuto[i]), Is.LessThan(1e-9), $"parameter {i}");
    }

    [Test]
    public void TheProbeMakesTheFirstCallUseTheJetAndAutoPicksIt()
    {
        using var scope = NewDisposeScope();
        var problem = new PdeKit.Problems.Burgers();
        using var net = Network(problem, new ModelOptions(Width: 8, Depth: 2));
        using var assembler = new ResidualAssembler(problem, DerivativeEngine.Auto);
        Assert.That(assembler.EngineFor(net), Is.EqualTo(DerivativeEngine.Jet));
        var points = Sampler.Draw(SamplerKind.Uniform, problem.Domain, 32, new Random(2), CPU, ScalarType.Float64);
        var (auto, _) = LossAndGradients(problem, net, points, DerivativeEngine.Autograd);
        var jetTerms = assembler.Residuals(net, points);
        Assert.That(RelativeGap(jetTerms[0].Squared, auto[0].Squared), Is.LessThan(1e-10));
        // The public Solve learns on a miss: the first d/dt comes from autograd, the next call's jet carries it.
        var (first, _) = assembler.Solve(net, points);
        _ = first.Dt(PdeKit.Problems.Burgers.U);
        Assert.That(((JetSolution)first).Misses, Is.EqualTo(1));
        var (second, _) = assembler.Solve(net, points);
        _ = second.Dt(PdeKit.Problems.Burgers.U);
        Assert.That(((JetSolution)second).Misses, Is.Zero);
        Assert.That(((JetSolution)second).Layout.ToString(), Is.EqualTo("u d1"));
    }

    [Test]
    public void BadLayoutsAreRejectedWithClearMessages()
    {
        Assert.That(() => JetLayout.For(2, [[0, 1, 1]]), Throws.ArgumentException.With.Message.Contains("up to order 2"));
        Assert.That(() => JetLayout.For(2, [[2]]), Throws.ArgumentException.With.Message.Contains("outside [0, 2)"));
        Assert.That(JetLayout.Full(3).Count, Is.EqualTo(10), "1 + 3 + 6 channels");
        Assert.That(JetLayout.For(2, [[1], [0, 0]]).ToString(), Is.EqualTo("u d0 d1 d00"), "closed: d00 brings d0");
    }

    /// <summary>A 3D problem (x, y periodic, t) with two outputs and a non-trivial ansatz, for derivative checks only.</summary>
    private sealed record Probe3D : IProblem
    {
        public static readonly Field A = Field.Scalar("a");
        public static readonly Field B = Field.Scalar("b");

        public string Name => "probe3d";

        public Domain Domain { get; } = new([new Axis("x", -1, 2), new Axis("y", 0, 1, Periodic: true), new Axis("t", 0, 0.5)]);

        public IReadOnlyList<Field> Outputs => [A, B];

        public Tensor Ansatz(Coords c, Tensor net) =>
            cat([c.T * c.X.sin() * net[.., 0..1] + c.X.square(), (c.X * c.T).exp() * net[.., 1..2] * net[.., 0..1]], 1);

        public Tensor Residual(Coords c, Solution s) => s.Dt(A) - s.Laplacian(A) + s[B] * s.D(B, "x", "t");

        public IReference Reference => throw new NotSupportedException();

        public IReadOnlyList<double[]> EvaluationAxes => [];
    }
}
