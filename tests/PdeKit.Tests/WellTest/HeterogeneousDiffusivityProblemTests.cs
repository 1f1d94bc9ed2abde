using PdeKit.Models;
using PdeKit.Physics;
using PdeKit.Problems;
using PdeKit.Runtime;
using PdeKit.Tests.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Tests.WellTest;

public class HeterogeneousDiffusivityProblemTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    [Test]
    public void TheFiniteVolumeReferenceConvergesAndKeepsTheFaceData()
    {
        var problem = new HeterogeneousDiffusivity();
        double[] times = [0, 0.1, 0.25, 0.5];
        var coarse = problem.FiniteVolume(32, times);
        var fine = problem.FiniteVolume(64, times);
        var finer = problem.FiniteVolume(128, times);
        double[] px = [0.1, 0.3, 0.5, 0.77, 0.9], py = [0.2, 0.5, 0.9, 0.35, 0.6];
        double d1 = 0, d2 = 0;
        foreach (var t in times.Skip(1))
            for (int i = 0; i < px.Length; i++)
            {
                d1 = Math.Max(d1, Math.Abs(coarse(px[i], py[i], t) - fine(px[i], py[i], t)));
                d2 = Math.Max(d2, Math.Abs(fine(px[i], py[i], t) - finer(px[i], py[i], t)));
            }
        TestContext.Out.WriteLine($"max differences 32->64 {d1:E2}, 64->128 {d2:E2}, ratio {d1 / d2:F2}");
        Assert.That(d2, Is.LessThan(2e-3));
        Assert.That(d1 / d2, Is.GreaterThan(3), "second order: halving the cells divides the change by about 4");
        Assert.That(finer(0, 0.4, 0.25), Is.EqualTo(1 - Math.Exp(-0.25 / 0.05)).Within(2e-3), "west face pressure r(t)");
        Assert.That(finer(1, 0.4, 0.25), Is.EqualTo(0).Within(2e-3), "east face");
        Assert.That(finer(0.5, 0.5, 0), Is.EqualTo(0).Within(1e-12), "initial state");
    }

    [Test]
    public void TheAnsatzHoldsBothFacesAndTheInitialStateAndTheResidualMatchesTheDivergenceForm()
    {
        var problem = new HeterogeneousDiffusivity(sigma: 0.7);
        using var net = new PinnNetwork(problem, new ModelOptions(Width: 8, Depth: 2));
        net.to(ScalarType.Float64);
        var pts = tensor(new[] { 0.0, 0.3, 0.2, 1.0, 0.6, 0.2, 0.4, 0.7, 0.0 }, [3, 3]);
        var u = net.forward(pts).data<double>().ToArray();
        Assert.That(u[0], Is.EqualTo(1 - Math.Exp(-0.2 / 0.05)).Within(1e-12));
        Assert.That(u[1], Is.EqualTo(0).Within(1e-12));
        Assert.That(u[2], Is.EqualTo(0).Within(1e-12));

        // For p = x^2 y (time-independent), div(k grad p) = d/dx(k 2xy) + d/dy(k x^2), checked by finite differences of k.
        var x = tensor(new[] { 0.3, 0.6, 0.1 }, [1, 3]).requires_grad_(true);
        var c = new Coords(x, problem.Domain);
        var s = new AutogradSolution(problem.Domain, problem.Outputs, x, c.X.square() * c.Y);
        double r = problem.Residual(c, s).item<double>();
        double h = 1e-5, X = 0.3, Y = 0.6;
        double Flux(double xx, double yy, bool alongX) => problem.Permeability(xx, yy) * (alongX ? 2 * xx * yy : xx * xx);
        double div = (Flux(X + h, Y, true) - Flux(X - h, Y, true)) / (2 * h) + (Flux(X, Y + h, false) - Flux(X, Y - h, false)) / (2 * h);
        Assert.That(r, Is.EqualTo(-div).Within(1e-7));
        Assert.That(() => new HeterogeneousDiffusivity(sigma: -1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("sigma"));
    }

    [Test]
    public void ASpaceTimeRunOverAPlaneWritesTheLastTimeAsAnXyField()
    {
        string dir = Path.Combine(Path.GetTempPath(), "pdekit-het-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, _, stderr) = CliProcess.Run(new Dictionary<string, string>(), "train", "diffusivity-2d", "--preset", "quick", "--steps", "10", "--lbfgs", "0", "--set", "points=128", "--out", dir);
            Assert.That(code, Is.EqualTo(0), stderr);
            var lines = File.ReadAllLines(Path.Combine(dir, "reference.csv"));
            Assert.That(lines[0], Is.EqualTo("x,y,p"));
            Assert.That(lines, Has.Length.EqualTo(41 * 41 + 1));
            Assert.That(File.Exists(Path.Combine(dir, "fields.vtu")) && File.Exists(Path.Combine(dir, "field_prediction.png")), Is.True);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}
