using PdeKit.Evaluation;
using PdeKit.Models;
using PdeKit.Physics;
using PdeKit.Problems;
using PdeKit.Runtime;
using PdeKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Tests.Training;

public class DomainDecompositionTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    private static readonly ModelOptions Split = new ModelOptions(Width: 8, Depth: 2) { Interfaces = [10, 100], SplitAxis = "x" };

    [Test]
    public void EachPointIsServedByTheNetworkOfItsSubdomainWithItsDerivatives()
    {
        var problem = new RadialDiffusivity(logCoordinates: false);
        using var net = new PinnNetwork(problem, Split);
        net.to(ScalarType.Float64);
        Assert.That(net.parameters().Count(), Is.EqualTo(3 * new PinnNetwork(problem, Split with { Interfaces = [] }).parameters().Count()));
        // Points in subdomains 0 (r < 10), 1 (10 <= r < 100) and 2 (r >= 100), in mixed order.
        double[] r = [500, 3, 50, 10, 99.9, 1.5, 100];
        int[] sub = [2, 0, 1, 1, 1, 0, 2];
        var x = tensor(r.SelectMany(v => new[] { v, 3e4 }).ToArray(), [r.Length, 2]).requires_grad_(true);
        var u = net.forward(x);
        var du = autograd.grad([u.sum()], [x], create_graph: true)[0];
        for (int i = 0; i < r.Length; i++)
        {
            var xi = x[i].unsqueeze(0).detach().requires_grad_(true);
            var ui = net.ForwardSubdomain(sub[i], xi);
            var dui = autograd.grad([ui.sum()], [xi])[0];
            Assert.That(u[i, 0].item<double>(), Is.EqualTo(ui.item<double>()).Within(1e-12), $"value at r = {r[i]}");
            Assert.That(du[i, 0].item<double>(), Is.EqualTo(dui[0, 0].item<double>()).Within(1e-12), $"d/dr at r = {r[i]}");
        }
    }

    [Test]
    public void TheInterfaceTermsAreNamedFiniteAndVanishWhenTheSubnetworksAgree()
    {
        var problem = new RadialDiffusivity(logCoordinates: false);
        using var net = new PinnNetwork(problem, Split);
        net.to(ScalarType.Float64);
        using var assembler = new ResidualAssembler(problem);
        assembler.PrepareInterfaces(net, 16, new Random(1), CPU, ScalarType.Float64);
        using var scope = NewDisposeScope();
        var pts = tensor(new[] { 5.0, 1e3, 50, 1e4 }, [2, 2]);
        var names = assembler.Assemble(net, pts).Select(t => t.Name).ToList();
        Assert.That(names, Is.EqualTo(new[] { "residual", "interface_0", "interface_1" }));
        var before = assembler.Assemble(net, pts).Where(t => t.Name.StartsWith("interface", StringComparison.Ordinal)).Select(t => t.Mean.item<double>()).ToList();
        Assert.That(before, Has.All.GreaterThan(0).And.All.Matches<double>(double.IsFinite));

        // Zero every subnetwork's output layer: all three then give the ansatz' G and agree exactly.
        using (no_grad())
            foreach (var (name, p) in net.named_parameters())
                if (name.Contains("layers.2", StringComparison.Ordinal)) p.zero_();
        var after = assembler.Assemble(net, pts).Where(t => t.Name.StartsWith("interface", StringComparison.Ordinal)).Select(t => t.Mean.item<double>());
        Assert.That(after, Has.All.LessThan(1e-20));
    }

    [Test]
    public void BadDecompositionsAreRejectedWithTheReason()
    {
        var problem = new RadialDiffusivity(logCoordinates: false);
        Assert.That(() => new PinnNetwork(problem, Split with { Interfaces = [0.5] }), Throws.ArgumentException.With.Message.Contains("strictly inside x"));
        Assert.That(() => new PinnNetwork(problem, Split with { Interfaces = [100, 10] }), Throws.ArgumentException.With.Message.Contains("increase strictly"));
        Assert.That(() => new PinnNetwork(problem, Split with { SplitAxis = "y" }), Throws.ArgumentException.With.Message.Contains("no axis 'y'"));
        Assert.That(() => new PinnNetwork(problem, Split with { Interfaces = [double.NaN] }), Throws.ArgumentException.With.Message.Contains("finite"));
        var periodic = new AllenCahn();
        Assert.That(() => new PinnNetwork(periodic, Split with { Interfaces = [0.0] }), Throws.ArgumentException.With.Message.Contains("periodic"));
    }

    [Test]
    public void ADecomposedPlainNetworkTrainsAndLogsTheInterfaceTerms()
    {
        var problem = new RadialDiffusivity(logCoordinates: false);
        var options = DiffusivityPresets.Quick with
        {
            Model = new ModelOptions(Width: 16, Depth: 2) { Interfaces = [10, 100] },
            Points = 512,
            AdamSteps = 150,
            LbfgsIterations = 0,
            Device = DeviceChoice.Cpu,
            LogEvery = 50,
            EvalEvery = 0,
        };
        var evaluator = new Evaluator(problem);
        var result = new Trainer(problem, options) { Evaluator = evaluator }.Train();
        using (result.Network)
        {
            var first = result.History[0].Terms;
            var last = result.History[^1].Terms;
            Assert.That(last.Keys, Does.Contain("interface_0").And.Contain("interface_1"));
            Assert.That(last["interface_0"] + last["interface_1"], Is.LessThan(first["interface_0"] + first["interface_1"]));
            Assert.That(evaluator.Evaluate(result.Network).Errors[0].RelativeL2, Is.LessThan(1).And.Matches<double>(double.IsFinite));
        }
    }
}
