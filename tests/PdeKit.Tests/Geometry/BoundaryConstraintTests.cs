using PdeKit.Models;
using PdeKit.Physics;
using PdeKit.Runtime;
using PdeKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Tests.Geometry;

public class BoundaryConstraintTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    private static Dictionary<string, double> Terms(IProblem problem)
    {
        using var scope = NewDisposeScope();
        using var net = new PinnNetwork(problem, new ModelOptions(Width: 8, Depth: 1));
        net.to(ScalarType.Float64);
        using var assembler = new ResidualAssembler(problem);
        assembler.PrepareConstraints(new Random(1), CPU, ScalarType.Float64);
        var points = PdeKit.Sampling.Sampler.Draw(PdeKit.Sampling.SamplerKind.Sobol, problem.Domain, 256, new Random(2), CPU, ScalarType.Float64);
        return assembler.Assemble(net, points).ToDictionary(t => t.Name, t => t.Mean.item<double>());
    }

    [Test]
    public void NamedSoftBoundaryTermsVanishForTheExactSolution()
    {
        var terms = Terms(new LShapePoisson(IgnoreNetwork: true));
        Assert.That(terms.Keys, Is.EqualTo(new[] { "residual", "notch_flux", "wall_value", "notch_robin" }));
        foreach (var (name, value) in terms) Assert.That(value, Is.LessThan(1e-24), name);
    }

    [Test]
    public void TheTermsMeasureWhatTheyName()
    {
        // u* + 0.1: the value terms see the shift, the flux term (a derivative) does not.
        var terms = Terms(new LShapePoisson(IgnoreNetwork: true, Shift: 0.1));
        Assert.That(terms["wall_value"], Is.EqualTo(0.01).Within(1e-12));
        Assert.That(terms["notch_robin"], Is.EqualTo(0.04).Within(1e-12));
        Assert.That(terms["notch_flux"], Is.LessThan(1e-24));
        Assert.That(terms["residual"], Is.LessThan(1e-24));
    }

    [Test]
    public void BoundaryConstraintsNeedARegionAndAKnownPart()
    {
        var box = new BoxWithBoundaryTerm();
        using var assembler = new ResidualAssembler(box);
        Assert.That(() => assembler.PrepareConstraints(new Random(1), CPU, ScalarType.Float64), Throws.ArgumentException.With.Message.Contains("has no region"));
        using var other = new ResidualAssembler(new LShapeWithUnknownPart());
        Assert.That(() => other.PrepareConstraints(new Random(1), CPU, ScalarType.Float64), Throws.ArgumentException.With.Message.Contains("no part 'inlet'"));
        using var scope = NewDisposeScope();
        var c = new Coords(zeros(3, 2), Domain.Box((0, 1), (0, 1)));
        var s = new AutogradSolution(c.Domain, [LShapePoisson.U], zeros(3, 2).requires_grad_(true), zeros(3, 1));
        Assert.That(() => s.Dn(LShapePoisson.U, c), Throws.ArgumentException.With.Message.Contains("no normals"));
    }

    private sealed record BoxWithBoundaryTerm : IProblem
    {
        public string Name => "box";
        public Domain Domain { get; } = Domain.Box((0, 1), (0, 1));
        public IReadOnlyList<Field> Outputs => [LShapePoisson.U];
        public Tensor Ansatz(Coords c, Tensor net) => net;
        public Tensor Residual(Coords c, Solution s) => s[LShapePoisson.U];
        public IReadOnlyList<Constraint> Constraints => [Constraint.Dirichlet("wall", LShapePoisson.U, c => zeros_like(c.X), 8)];
        public IReference Reference => new PointwiseReference("zero", p => new double[p.Length, 1]);
        public IReadOnlyList<double[]> EvaluationAxes => [[0.5], [0.5]];
    }

    private sealed record LShapeWithUnknownPart : IProblem
    {
        public string Name => "l";
        public Domain Domain { get; } = Domain.FromRegion(LShapePoisson.L);
        public IReadOnlyList<Field> Outputs => [LShapePoisson.U];
        public Tensor Ansatz(Coords c, Tensor net) => net;
        public Tensor Residual(Coords c, Solution s) => s[LShapePoisson.U];
        public IReadOnlyList<Constraint> Constraints => [Constraint.Neumann("inflow", LShapePoisson.U, c => zeros_like(c.X), 8, "inlet")];
        public IReference Reference => new PointwiseReference("zero", p => new double[p.Length, 1]);
        public IReadOnlyList<double[]> EvaluationAxes => [[-0.5], [-0.5]];
    }
}
