using PdeKit.Evaluation;
using PdeKit.Models;
using PdeKit.Physics;
using PdeKit.Problems;
using PdeKit.Runtime;
using PdeKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Tests.WellTest;

public class RadialClosedProblemTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    [Test]
    public void TheTensorSplineInterpolatesWithContinuousFirstAndSecondDerivatives()
    {
        var spline = new TensorSpline(Math.Sin, 0, 3, 121);
        double[] xs = [0, 0.0125, 0.3, 1.2345, 2.5, 2.9999, 3];
        var x = tensor(xs).requires_grad_(true);
        var y = spline.Evaluate(x);
        var dy = autograd.grad([y.sum()], [x], retain_graph: true, create_graph: true)[0];
        var values = y.detach().data<double>().ToArray();
        var slopes = dy.detach().data<double>().ToArray();
        var curvatures = autograd.grad([dy.sum()], [x])[0].data<double>().ToArray();
        for (int i = 0; i < xs.Length; i++)
        {
            Assert.That(values[i], Is.EqualTo(Math.Sin(xs[i])).Within(1e-8), $"value at {xs[i]}");
            Assert.That(slopes[i], Is.EqualTo(Math.Cos(xs[i])).Within(2e-5), $"slope at {xs[i]}");
            Assert.That(curvatures[i], Is.EqualTo(-Math.Sin(xs[i])).Within(5e-3), $"curvature at {xs[i]}");
        }
        Assert.That(() => new TensorSpline(Math.Sin, 0, 1, 3), Throws.ArgumentException.With.Message.Contains("4 knots"));
        Assert.That(() => new TensorSpline(x => 1 / x, 0, 1, 10), Throws.ArgumentException.With.Message.Contains("at x = 0"));
    }

    [Test]
    public void TheExactSolutionReproducesTheVanEverdingenHurstValuesAndTheAnsatzHoldsItAtTheStart()
    {
        var problem = new RadialClosed();
        // van Everdingen and Hurst (1949), r_eD = 10: p_wD = 1.275 at t_D = 4 and 2.401 at t_D = 40.
        Assert.That(problem.ExactWellbore(4), Is.EqualTo(1.275).Within(0.003 * 1.275));
        Assert.That(problem.ExactWellbore(40), Is.EqualTo(2.401).Within(0.003 * 2.401));

        using var net = new PinnNetwork(problem, new ModelOptions(Width: 8, Depth: 2));
        net.to(ScalarType.Float64);
        double t0 = Math.Log(problem.TMin), xMax = Math.Log(problem.ReD);
        var pts = tensor(new[] { 0.0, t0, 1.0, t0, xMax, t0 }, [3, 2]).requires_grad_(true);
        var u = net.forward(pts);
        var du = autograd.grad([u.sum()], [pts])[0];
        Assert.That(u[0, 0].item<double>(), Is.EqualTo(problem.Exact(1, problem.TMin)).Within(1e-9));
        Assert.That(u[1, 0].item<double>(), Is.EqualTo(problem.Exact(Math.E, problem.TMin)).Within(1e-9));
        // The tabulated state carries the boundary conditions: unit flux at the well, none at r_eD.
        Assert.That(du[0, 0].item<double>(), Is.EqualTo(-1).Within(2e-3));
        Assert.That(du[2, 0].item<double>(), Is.EqualTo(0).Within(1e-6));
    }

    [Test]
    public void TheWellConditionWithStorageAndSkinIsTheDerivativeOfTheWellborePressure()
    {
        // p(x, t) = a t_D + b x with t_D = e^t: q_sf = -b, p_w = a t_D + b(0) - S b, dp_w/dt_D = a,
        // so C_D dp_w/dt_D + q_sf - 1 = C_D a - b - 1.
        var problem = new RadialClosed(skin: 2, storage: 5);
        var x = tensor(new[] { 0.0, 0.5, 0.0, 2.0 }, [2, 2]).requires_grad_(true);
        var c = new Coords(x, problem.Domain);
        double a = 0.3, b = 0.2;
        var p = a * c.T.exp() + b * c.X;
        var s = new AutogradSolution(problem.Domain, problem.Outputs, x, p);
        var r = problem.Constraints[0].Residual(c, s);
        Assert.That(r.abs().max().item<double>() - Math.Abs(5 * a - b - 1), Is.LessThan(1e-12).And.GreaterThan(-1e-12));
        Assert.That(() => new RadialClosed(storage: -1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("storage"));
    }

    [Test]
    public void AShortTrainingApproachesTheClosedReservoirSolution()
    {
        Assert.That(ShortTraining.RelativeL2(new RadialClosed()), Is.LessThan(0.05));
    }
}
