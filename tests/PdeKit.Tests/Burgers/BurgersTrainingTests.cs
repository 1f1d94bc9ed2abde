using PdeKit.Evaluation;
using PdeKit.Models;
using PdeKit.Runtime;
using PdeKit.Sampling;
using PdeKit.Training;
using TorchSharp;

namespace PdeKit.Tests.Burgers;

public class BurgersTrainingTests
{
    private static TrainingOptions Small => new()
    {
        Model = new ModelOptions(Width: 20, Depth: 3),
        Points = 500,
        Sampler = SamplerKind.LatinHypercube,
        ResampleEvery = 0,
        AdamSteps = 400,
        LearningRate = 5e-3,
        LrDecayRate = 0.5,
        LrDecaySteps = 400,
        Device = DeviceChoice.Cpu,
        Precision = Precision.Float64,
        LogEvery = 20,
        EvalEvery = 0,
    };

    [Test]
    public void AShortCpuTrainingReducesTheResidualLossAndTheError()
    {
        var problem = new PdeKit.Problems.Burgers();
        var evaluator = new Evaluator(problem);
        var untrained = new Trainer(problem, Small with { AdamSteps = 1, LbfgsIterations = 0 }) { Evaluator = evaluator }.Train();
        var trained = new Trainer(problem, Small with { LbfgsIterations = 200 }) { Evaluator = evaluator }.Train();
        double loss0 = untrained.History[0].Loss, loss1 = trained.History[^1].Loss;
        double err0 = evaluator.Evaluate(untrained.Network).Errors[0].RelativeL2;
        double err1 = evaluator.Evaluate(trained.Network).Errors[0].RelativeL2;
        TestContext.Out.WriteLine($"loss {loss0:E3} -> {loss1:E3}; rel L2 {err0:E3} -> {err1:E3}");
        Assert.That(loss1, Is.LessThan(loss0 / 20), "residual loss falls by at least 20x");
        Assert.That(err1, Is.LessThan(err0 / 3), "error against Cole-Hopf falls by at least 3x");
        Assert.That(trained.History.Any(h => h.Phase == "lbfgs"), Is.True);
        Assert.That(trained.History[^1].Terms.Keys, Is.EqualTo(new[] { "residual" }));
        Assert.That(trained.History[^1].Weights["residual"], Is.EqualTo(1.0));
    }

    [Test]
    public void Float32RunsLogAndEvaluateLikeFloat64Runs()
    {
        var problem = new PdeKit.Problems.Burgers();
        var result = new Trainer(problem, Small with { Precision = Precision.Float32, AdamSteps = 20, LbfgsIterations = 5 }) { Evaluator = new Evaluator(problem) }.Train();
        Assert.That(result.History.All(h => double.IsFinite(h.Loss)), Is.True);
        Assert.That(double.IsFinite(result.History[^1].RelativeL2), Is.True);
        var bench = StepBenchmark.Run(problem, new ModelOptions(Width: 8, Depth: 2), points: 64, steps: 3, warmup: 1, DeviceChoice.Cpu);
        Assert.That(bench.StepsPerSecond, Is.GreaterThan(0));
        Assert.That(double.IsFinite(bench.FinalLoss), Is.True);
    }

    [Test]
    public void TheSameSeedGivesTheSameRun()
    {
        var problem = new PdeKit.Problems.Burgers();
        var a = new Trainer(problem, Small with { AdamSteps = 30 }).Train();
        var b = new Trainer(problem, Small with { AdamSteps = 30 }).Train();
        Assert.That(b.History[^1].Loss, Is.EqualTo(a.History[^1].Loss));
    }

    [Test]
    public void LiveTensorCountStaysFlatOverARun()
    {
        var problem = new PdeKit.Problems.Burgers();
        long at20 = 0, at300 = 0;
        var trainer = new Trainer(problem, Small with { AdamSteps = 300, ResampleEvery = 10, LbfgsIterations = 30 })
        {
            OnProgress = (step, _) =>
            {
                if (step == 20) at20 = torch.Tensor.TotalCount;
                if (step == 300) at300 = torch.Tensor.TotalCount;
            },
        };
        trainer.Train();
        Assert.That(at20, Is.GreaterThan(0));
        Assert.That(at300 - at20, Is.LessThanOrEqualTo(0), $"live tensors: {at20} at step 20, {at300} at step 300");
    }

    [Test]
    public void BadOptionsAreRejectedBeforeTraining()
    {
        var problem = new PdeKit.Problems.Burgers();
        Assert.That(Assert.Throws<ArgumentException>(() => new Trainer(problem, Small with { Points = 0 }))!.Message, Does.Contain("points"));
        Assert.That(Assert.Throws<ArgumentException>(() => new Trainer(problem, Small with { LearningRate = double.NaN }))!.Message, Does.Contain("learningRate"));
        Assert.That(Assert.Throws<ArgumentException>(() => new Trainer(problem, Small with { AdamSteps = 0 }))!.Message, Does.Contain("nothing to train"));
        Assert.That(Assert.Throws<ArgumentException>(() => new Trainer(problem, Small with { Model = new ModelOptions(Width: 0) }))!.Message, Does.Contain("width"));
    }
}
