using PdeKit.Evaluation;
using PdeKit.Models;
using PdeKit.Physics;
using PdeKit.Problems;
using PdeKit.Runtime;
using PdeKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Tests.Poisson;

public class PoissonSquareProblemTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    [TestCase(1)]
    [TestCase(4)]
    public void TheExactSolutionHasZeroResidualAndTheAnsatzVanishesOnTheBoundary(int k)
    {
        var problem = new PoissonSquare(k);
        var x = tensor(new[] { 0.3, 0.7, 0.11, 0.52, 0.9, 0.05 }, [3, 2]).requires_grad_(true);
        var c = new Coords(x, problem.Domain);
        var u = (k * Math.PI * c.X).sin() * (k * Math.PI * c.Y).sin();
        var s = new AutogradSolution(problem.Domain, problem.Outputs, x, u);
        Assert.That(problem.Residual(c, s).abs().max().item<double>(), Is.LessThan(1e-12));

        using var net = new PinnNetwork(problem, new ModelOptions(Width: 8, Depth: 2));
        net.to(ScalarType.Float64);
        var edge = tensor(new[] { 0.0, 0.4, 1.0, 0.6, 0.25, 0.0, 0.75, 1.0 }, [4, 2]);
        Assert.That(net.forward(edge).abs().max().item<double>(), Is.EqualTo(0).Within(1e-15));
        Assert.That(() => new PoissonSquare(0), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("positive integer"));
    }

    [Test]
    public void AShortTrainingReachesTheCpuTarget()
    {
        // The CPU quick target is 1e-2; 400 Adam + 100 L-BFGS steps are far enough.
        var options = PoissonPresets.Quick with { Points = 512, AdamSteps = 400, LbfgsIterations = 100, Device = DeviceChoice.Cpu, EvalEvery = 0 };
        Assert.That(ShortTraining.RelativeL2(new PoissonSquare(), options), Is.LessThan(1e-2));
    }
}
