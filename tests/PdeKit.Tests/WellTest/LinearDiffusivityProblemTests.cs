using PdeKit.Evaluation;
using PdeKit.Models;
using PdeKit.Numerics.Reservoir;
using PdeKit.Physics;
using PdeKit.Problems;
using PdeKit.Runtime;
using PdeKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Tests.WellTest;

public class LinearDiffusivityProblemTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    [Test]
    public void TheAnsatzHoldsTheExactStartStateAndTheFacePressure()
    {
        var problem = new LinearDiffusivityProblem();
        using var net = new PinnNetwork(problem, new ModelOptions(Width: 8, Depth: 2));
        net.to(ScalarType.Float64);
        double[] xs = [0, 0.05, 0.2, 0.7, 1];
        var pts = tensor(xs.SelectMany(x => new[] { x, problem.TMin }).Concat([0.0, 0.5, 0.0, 1.0]).ToArray(), [xs.Length + 2, 2]);
        var u = net.forward(pts).data<double>().ToArray();
        for (int i = 0; i < xs.Length; i++) Assert.That(u[i], Is.EqualTo(LinearDiffusivity.Pressure(xs[i], problem.TMin)).Within(1e-14), $"x = {xs[i]}");
        Assert.That(u[^2], Is.EqualTo(1).Within(1e-14));
        Assert.That(u[^1], Is.EqualTo(1).Within(1e-14));
    }

    [Test]
    public void FieldUnitsGiveTheDimensionlessTimeAndBadWindowsAreRejected()
    {
        // 100 md, 20 %, 1 cp, 1e-5 1/psi, L = 500 ft, 24 h: t_D = 0.0002637 * 100 * 24 / (0.2 * 1e-5 * 250000) = 1.26576.
        Assert.That(LinearDiffusivityProblem.DimensionlessTime(100, 0.2, 1, 1e-5, 500, 24), Is.EqualTo(1.26576).Within(1e-9));
        Assert.That(() => LinearDiffusivityProblem.DimensionlessTime(100, double.NaN, 1, 1e-5, 500, 24), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("porosity"));
        Assert.That(() => new LinearDiffusivityProblem(tMin: 2), Throws.ArgumentException.With.Message.Contains("tMin"));
        Assert.That(() => new LinearDiffusivityProblem(tMax: 0.001), Throws.ArgumentException.With.Message.Contains("tMax"));
    }

    [Test]
    public void AShortTrainingApproachesTheExactSeries()
    {
        Assert.That(ShortTraining.RelativeL2(new LinearDiffusivityProblem()), Is.LessThan(0.02));
    }
}
