using PdeKit.Models;
using PdeKit.Problems;
using PdeKit.Runtime;
using PdeKit.Training;
using TorchSharp;

namespace PdeKit.Tests.Flows;

/// <summary>A CPU training of the Schaefer-Turek cylinder 2D-1 and its benchmark quantities (minutes: Heavy).</summary>
public class CylinderTrainingTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    [Test]
    [Category("Heavy")]
    public void AShortCylinderTrainingGivesDragLiftAndPressureDrop()
    {
        var problem = new NavierStokesCylinder();
        var options = NavierStokesPresets.CylinderQuick with { Points = 1024, AdamSteps = 600, LbfgsIterations = 150, Device = DeviceChoice.Cpu, EvalEvery = 0 };
        var result = new Trainer(problem, options).Train();
        using var net = result.Network;
        var q = problem.Quantities(net.forward, dtype: torch.ScalarType.Float64);
        var pub = NavierStokesCylinder.Published;
        TestContext.Out.WriteLine($"cylinder 2D-1, {result.WallSeconds:F0} s: c_D {q.DragCoefficient:F4} (published {pub.DragCoefficient}), c_L {q.LiftCoefficient:F5} ({pub.LiftCoefficient}), delta-p {q.PressureDifference:F5} ({pub.PressureDifference})");
        Assert.That(q.DragCoefficient, Is.GreaterThan(0), "the drag points downstream");
        Assert.That(q.PressureDifference, Is.GreaterThan(0), "the front stagnation pressure exceeds the back's");
    }
}
