using PdeKit.Evaluation;
using PdeKit.Models;
using PdeKit.Runtime;
using PdeKit.Sampling;
using PdeKit.Training;

namespace PdeKit.Tests.Geometry;

public class RegionTrainingTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    [Test]
    public void AShortRunOnTheLShapeReducesTheError()
    {
        var problem = new LShapePoisson();
        var options = new TrainingOptions
        {
            Model = new ModelOptions(Width: 24, Depth: 2),
            Points = 512,
            Sampler = SamplerKind.Sobol,
            ResampleEvery = 50,
            AdamSteps = 300,
            LearningRate = 5e-3,
            LrDecayRate = 1,
            LogEvery = 100,
            EvalEvery = 0,
            Device = DeviceChoice.Cpu,
        };
        var evaluator = new Evaluator(problem);
        var result = new Trainer(problem, options) { Evaluator = evaluator }.Train();
        var first = result.History[0];
        var last = result.History[^1];
        Assert.That(first.Terms.Keys, Is.EquivalentTo(new[] { "residual", "notch_flux", "wall_value", "notch_robin" }));
        Assert.That(last.Terms["residual"], Is.LessThan(first.Terms["residual"] / 10));
        Assert.That(last.Terms["wall_value"], Is.LessThan(1e-10), "the ADF ansatz holds the wall data exactly");
        using var untrained = new PinnNetwork(problem, options.Model);
        double before = evaluator.Evaluate(untrained).Errors[0].RelativeL2;
        double after = evaluator.Evaluate(result.Network).Errors[0].RelativeL2;
        Assert.That(after, Is.LessThan(before / 3), $"relative L2 {before} -> {after}");
        TestContext.Out.WriteLine($"L-shape Poisson, 300 Adam steps: relative L2 {before:G3} to {after:G3}; residual {first.Terms["residual"]:G3} to {last.Terms["residual"]:G3}");
    }
}
