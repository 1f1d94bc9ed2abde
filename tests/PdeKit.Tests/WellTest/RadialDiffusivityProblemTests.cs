using PdeKit.Models;
using PdeKit.Numerics.Reservoir;
using PdeKit.Physics;
using PdeKit.Problems;
using PdeKit.Runtime;
using PdeKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Tests.WellTest;

public class RadialDiffusivityProblemTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    [Test]
    public void TensorE1MatchesTheScalarE1AndItsDerivative()
    {
        var zs = new[] { 1e-6, 1e-3, 0.1, 0.5, 0.999, 1.0, 1.001, 2, 5, 20, 80, 300 };
        var z = tensor(zs).requires_grad_(true);
        var e1 = TorchSpecial.E1(z);
        var values = e1.data<double>().ToArray();
        for (int i = 0; i < zs.Length; i++)
            Assert.That(values[i], Is.EqualTo(ExponentialIntegral.E1(zs[i])).Within(1e-11 * ExponentialIntegral.E1(zs[i]) + 1e-300), $"z = {zs[i]}");
        // dE1/dz = -e^-z / z.
        var g = torch.autograd.grad([e1.sum()], [z])[0].data<double>().ToArray();
        for (int i = 0; i < zs.Length; i++)
            Assert.That(g[i], Is.EqualTo(-Math.Exp(-zs[i]) / zs[i]).Within(1e-9 * Math.Exp(-zs[i]) / zs[i]), $"z = {zs[i]}");
    }

    [TestCase(true)]
    [TestCase(false)]
    public void TheLineSourceSolvesTheResidualAndTheWellFluxConstraint(bool log)
    {
        var problem = new RadialDiffusivity(logCoordinates: log);
        var rs = new[] { 1.0, 3.0, 40.0, 700.0 };
        var ts = new[] { 150.0, 2e3, 5e4, 9e5 };
        var pts = rs.Zip(ts, (r, t) => log ? new[] { Math.Log(r), Math.Log(t) } : new[] { r, t }).SelectMany(p => p).ToArray();
        var x = tensor(pts, [4, 2]).requires_grad_(true);
        var c = new Coords(x, problem.Domain);
        var r = log ? c.X.exp() : c.X;
        var t = log ? c.T.exp() : c.T;
        var p = TorchSpecial.E1(r.square() / (4 * t)) / 2;
        var s = new AutogradSolution(problem.Domain, problem.Outputs, x, p);
        double scale = log ? 1 : 1e-3; // the plain residual is d/dt-sized: ~1/t
        Assert.That(problem.Residual(c, s).abs().max().Value(), Is.LessThan(1e-9 * scale));
        // The flux constraint at r_D = 1 (first point).
        var flux = problem.Constraints[0].Residual(c, s);
        Assert.That(Math.Abs(flux[0].Value()), Is.LessThan(1e-10));
    }

    [Test]
    public void TheAnsatzHoldsTheInitialStateAndTheOuterBoundaryExactly()
    {
        var problem = new RadialDiffusivity();
        using var net = new PinnNetwork(problem, new ModelOptions(Width: 8, Depth: 2));
        net.to(ScalarType.Float64);
        double lr = Math.Log(1e3), lt0 = Math.Log(1e2), lt1 = Math.Log(1e6);
        var pts = tensor(new[] { 0.3, lt0, 4.0, lt0, lr, 7.0, lr, lt1 }, [4, 2]);
        var u = net.forward(pts).data<double>().ToArray();
        Assert.That(u[0], Is.EqualTo(RadialFlow.LineSource(Math.Exp(0.3), 1e2)).Within(1e-10));
        Assert.That(u[1], Is.EqualTo(RadialFlow.LineSource(Math.Exp(4.0), 1e2)).Within(1e-10));
        Assert.That(u[2], Is.EqualTo(RadialFlow.LineSource(1e3, Math.Exp(7.0))).Within(1e-10));
        Assert.That(u[3], Is.EqualTo(RadialFlow.LineSource(1e3, 1e6)).Within(1e-10));
        Assert.That(() => new RadialDiffusivity(rMax: 1), Throws.ArgumentException.With.Message.Contains("rMax"));
        Assert.That(() => new RadialDiffusivity(tMin: 10, tMax: 5), Throws.ArgumentException.With.Message.Contains("tMax"));
    }

    [Test]
    public void AShortTrainingInLogCoordinatesApproachesTheLineSource()
    {
        var problem = new RadialDiffusivity();
        var options = DiffusivityPresets.Quick with
        {
            Model = new ModelOptions(Width: 16, Depth: 3),
            Points = 512,
            AdamSteps = 200,
            LbfgsIterations = 100,
            Device = DeviceChoice.Cpu,
            EvalEvery = 0,
        };
        var evaluator = new PdeKit.Evaluation.Evaluator(problem);
        var result = new Trainer(problem, options) { Evaluator = evaluator }.Train();
        double err = evaluator.Evaluate(result.Network).Errors[0].RelativeL2;
        TestContext.Out.WriteLine($"relative L2 {err:E3}");
        Assert.That(err, Is.LessThan(0.05));
    }
}
