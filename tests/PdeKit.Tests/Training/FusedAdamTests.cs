using PdeKit.Models;
using PdeKit.Runtime;
using PdeKit.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeKit.Tests.Training;

/// <summary>The fused flat-buffer Adam against TorchSharp's own Adam and AdamW: the same trajectory to rounding.</summary>
public class FusedAdamTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    private static Mlp Model()
    {
        random.manual_seed(11);
        var net = new Mlp(2, 16, 2, 1, Activation.Tanh);
        net.to(ScalarType.Float64);
        return net;
    }

    private static Tensor Loss(Mlp net, Tensor x, Tensor y) => (net.forward(x) - y).square().mean();

    [TestCase(0.0, false)]
    [TestCase(1e-2, false)]
    [TestCase(1e-2, true)]
    public void FiftyStepsFollowTorchSharpsAdamToRounding(double weightDecay, bool decoupled)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(5);
        var x = rand(64, 2, ScalarType.Float64) * 2 - 1;
        var y = (3 * x[.., 0..1]).sin() * x[.., 1..2];
        using var a = Model();
        using var b = Model();
        var pa = a.parameters().ToList();
        var pb = b.parameters().ToList();
        using optim.Optimizer reference = decoupled ? optim.AdamW(pa, 3e-3, weight_decay: weightDecay) : optim.Adam(pa, 3e-3, weight_decay: weightDecay);
        using var fused = new FusedAdam(pb, 3e-3, weightDecay: weightDecay, decoupled: decoupled);
        Assert.That(fused.Size, Is.EqualTo(pb.Sum(p => p.numel())));
        double first = Loss(b, x, y).item<double>();
        for (int step = 1; step <= 50; step++)
        {
            using var inner = NewDisposeScope();
            if (step == 26)
            {
                // A learning-rate change mid-run (as the trainer's decay does) must act the same way.
                foreach (var g in reference.ParamGroups) g.LearningRate = 1e-3;
                fused.LearningRate = 1e-3;
            }
            reference.zero_grad();
            Loss(a, x, y).backward();
            reference.step();
            fused.ZeroGrad();
            Loss(b, x, y).backward();
            fused.Step();
        }
        Assert.That(fused.Steps, Is.EqualTo(50));
        for (int i = 0; i < pa.Count; i++)
        {
            double gap = (pa[i] - pb[i]).abs().max().item<double>();
            Assert.That(gap, Is.LessThan(1e-12), $"parameter {i} differs by {gap}");
        }
        Assert.That(Loss(b, x, y).item<double>(), Is.LessThan(0.9 * first), "the optimizer makes progress");
    }

    [Test]
    public void ATrainingWithTheJetAndTheFusedAdamFollowsTheAutogradRunWithTorchSharpsAdam()
    {
        // Burgers, float64, 40 Adam steps with the decaying learning rate, resampling every 20 steps, then 5 L-BFGS iterations.
        var problem = new PdeKit.Problems.Burgers();
        var baseline = new TrainingOptions
        {
            Model = new ModelOptions(Width: 10, Depth: 2),
            Points = 128,
            AdamSteps = 40,
            ResampleEvery = 20,
            LbfgsIterations = 5,
            LrDecaySteps = 10,
            LogEvery = 5,
            EvalEvery = 0,
            Precision = Precision.Float64,
            Device = DeviceChoice.Cpu,
            Engine = DerivativeEngine.Autograd,
        };
        var fast = baseline with { Engine = DerivativeEngine.Jet, Optimizer = new AdamOptions(Fused: true) };
        var a = new Trainer(problem, baseline).Train();
        var b = new Trainer(problem, fast).Train();
        using (a.Network)
        using (b.Network)
        {
            Assert.That(b.History.Select(r => r.Step), Is.EqualTo(a.History.Select(r => r.Step)));
            for (int i = 0; i < a.History.Count; i++)
                Assert.That(b.History[i].Loss, Is.EqualTo(a.History[i].Loss).Within(1e-9 * a.History[i].Loss), $"step {a.History[i].Step} ({a.History[i].Phase})");
            Assert.That(a.History[^1].Loss, Is.LessThan(a.History[0].Loss));
        }
    }

    [Test]
    public void ParametersAreViewsOfOneBufferAndKeepTheirValues()
    {
        using var scope = NewDisposeScope();
        using var net = Model();
        var before = net.parameters().Select(p => p.detach().clone()).ToList();
        using var fused = new FusedAdam(net.parameters(), 1e-3);
        var after = net.parameters().ToList();
        for (int i = 0; i < before.Count; i++) Assert.That(after[i].allclose(before[i], 0, 0), Is.True, $"parameter {i} kept its value");
        using (no_grad()) fused.Parameters.zero_();
        Assert.That(net.parameters().All(p => p.abs().sum().item<double>() == 0), Is.True, "zeroing the flat buffer zeroes every parameter");
        Assert.That(net.parameters().All(p => p.requires_grad), Is.True);
    }

    [Test]
    public void BadSettingsAndMovedParametersGiveClearErrors()
    {
        using var scope = NewDisposeScope();
        Assert.That(() => new FusedAdam([], 1e-3), Throws.ArgumentException.With.Message.Contains("at least one parameter"));
        using var net = Model();
        Assert.That(() => new FusedAdam(net.parameters(), double.NaN), Throws.ArgumentException.With.Message.Contains("learning rate"));
        Assert.That(() => new FusedAdam(net.parameters(), 1e-3, beta1: 1), Throws.ArgumentException.With.Message.Contains("beta1"));
        var mixed = new Parameter(zeros(3, ScalarType.Float32));
        Assert.That(() => new FusedAdam(net.parameters().Append(mixed), 1e-3), Throws.ArgumentException.With.Message.Contains("one dtype"));
        using var fused = new FusedAdam(net.parameters(), 1e-3);
        Assert.That(() => fused.LearningRate = -1, Throws.ArgumentException);
        net.to(ScalarType.Float32);
        Assert.That(() => fused.Step(), Throws.InvalidOperationException.With.Message.Contains("no longer lives"));
    }
}
