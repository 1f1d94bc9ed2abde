using PdeKit.Evaluation;
using PdeKit.Models;
using PdeKit.Runtime;
using PdeKit.Training;
using TorchSharp;

namespace PdeKit.Tests.Runtime;

/// <summary>Runs only where CUDA is available (the GPU machine, with PDEKIT_LIBTORCH); skipped elsewhere.</summary>
[Category("Gpu")]
public class CudaTests
{
    [SetUp]
    public void RequireCuda()
    {
        if (!TorchRuntime.Initialize().CudaAvailable) Assert.Ignore("CUDA is not available on this machine");
    }

    [Test]
    public void TheCudaAutogradCheckPasses()
    {
        var r = AutogradCheck.Run(torch.CUDA);
        Assert.That(r.Passed, Is.True, r.Message);
    }

    [Test]
    public void AShortBurgersTrainingRunsOnCuda()
    {
        var problem = new PdeKit.Problems.Burgers();
        var options = new TrainingOptions { Model = new ModelOptions(Width: 20, Depth: 3), Points = 1000, AdamSteps = 200, LbfgsIterations = 20, Device = DeviceChoice.Cuda, LogEvery = 50 };
        var result = new Trainer(problem, options) { Evaluator = new Evaluator(problem) }.Train();
        Assert.That(result.Device, Is.EqualTo("cuda"));
        Assert.That(result.History[^1].Loss, Is.LessThan(result.History[0].Loss));
    }
}
