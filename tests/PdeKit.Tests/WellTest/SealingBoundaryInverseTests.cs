using PdeKit.Models;
using PdeKit.Numerics.Reservoir;
using PdeKit.Problems;
using PdeKit.Runtime;
using PdeKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Tests.WellTest;

public class SealingBoundaryInverseTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    [Test]
    public void TheAnsatzIsTheExactStateAtTheFirstTime()
    {
        var problem = new SealingBoundaryInverse();
        using var net = new PinnNetwork(problem, new ModelOptions(Width: 8, Depth: 2));
        net.to(ScalarType.Float64);
        double[] xs = [0, 0.01, 0.05, 0.2, 1];
        double s0 = Math.Log(SealingBoundaryInverse.TauMin);
        var u = net.forward(tensor(xs.SelectMany(x => new[] { x, s0 }).ToArray(), [xs.Length, 2])).data<double>().ToArray();
        // At tau = 1e-3 the seal's images are below exp(-1000): the semi-infinite state is the exact one.
        for (int i = 0; i < xs.Length; i++)
            Assert.That(u[i], Is.EqualTo(SealingBoundary.ScaledPressure(xs[i], SealingBoundaryInverse.TauMin)).Within(1e-15), $"xi = {xs[i]}");
    }

    [Test]
    public void TheDataAreTheExactFacePressuresWithNoiseAndBadSetupsAreNamed()
    {
        var clean = new SealingBoundaryInverse(noise: 0);
        var noisy = new SealingBoundaryInverse();
        Assert.That(clean.Times, Has.Count.EqualTo(50));
        for (int i = 0; i < clean.Times.Count; i++) Assert.That(clean.Pressures[i], Is.EqualTo(SealingBoundary.FacePressure(clean.Times[i], 2)).Within(1e-15));
        var rel = noisy.Pressures.Zip(clean.Pressures, (a, b) => a / b - 1).ToArray();
        Assert.That(Math.Sqrt(rel.Average(r => r * r)), Is.EqualTo(0.01).Within(0.004), "1% noise");
        Assert.That(clean.Start, Is.EqualTo(SealingBoundary.CartesianEstimate(clean.Times, clean.Pressures)), "start 0 means the Cartesian estimate");
        Assert.That(new SealingBoundaryInverse(start: 1).Unknowns[0].Initial, Is.EqualTo(1));
        Assert.That(() => new SealingBoundaryInverse(distance: 0.3), Throws.ArgumentException.With.Message.Contains("outside the time axis"));
        Assert.That(() => new SealingBoundaryInverse(start: 20), Throws.ArgumentException.With.Message.Contains("(start)"));
        Assert.That(() => new SealingBoundaryInverse(start: -1), Throws.ArgumentException.With.Message.Contains("start must be 0"));
        Assert.That(() => new SealingBoundaryInverse(distance: double.NaN), Throws.InstanceOf<ArgumentException>().With.Message.Contains("distance"));
        Assert.That(() => new SealingBoundaryInverse(samples: 2), Throws.ArgumentException.With.Message.Contains("samples"));
        Assert.That(() => new SealingBoundaryInverse(tFirst: 5, tLast: 4), Throws.ArgumentException.With.Message.Contains("tLast must exceed tFirst"));
    }

    [Test]
    public void TheDataTermPassesItsGradientToLThroughThePointsAndThePrefactor()
    {
        // The located data term's gradient with respect to ln L equals a central difference of the term itself, so
        // both paths (the measure's prefactor L and the points at ln t - 2 ln L) are differentiated.
        var problem = new SealingBoundaryInverse(start: 1.7);
        using var net = new PinnNetwork(problem, new ModelOptions(Width: 8, Depth: 2));
        net.to(ScalarType.Float64);
        using var assembler = new ResidualAssembler(problem);
        assembler.PrepareConstraints(new Random(1), CPU, ScalarType.Float64);
        var logL = net.get_parameter("unknown_L")!;
        double DataLoss()
        {
            using var scope = NewDisposeScope();
            var data = assembler.Assemble(net, zeros(4, 2, dtype: ScalarType.Float64) + 0.5).Single(t => t.Name == "data");
            return data.Squared.mean().item<double>();
        }

        double grad;
        using (var scope = NewDisposeScope())
        {
            var data = assembler.Assemble(net, zeros(4, 2, dtype: ScalarType.Float64) + 0.5).Single(t => t.Name == "data");
            grad = autograd.grad([data.Squared.mean()], [logL])[0].item<double>();
        }
        const double h = 1e-6;
        double l0 = logL.item<double>();
        using (no_grad()) logL.fill_(l0 + h);
        double up = DataLoss();
        using (no_grad()) logL.fill_(l0 - h);
        double down = DataLoss();
        using (no_grad()) logL.fill_(l0);
        double fd = (up - down) / (2 * h);
        TestContext.Out.WriteLine($"autograd {grad:E6}, central difference {fd:E6}");
        Assert.That(grad, Is.EqualTo(fd).Within(1e-6 * Math.Abs(fd)));
        // Without the location path (points fixed at the start L) the derivative would be different.
        Assert.That(Math.Abs(grad), Is.GreaterThan(0));
    }

    [Test]
    public void AShortTrainingMovesLFromHalfTheTruthTowardIt()
    {
        var problem = new SealingBoundaryInverse(start: 1);
        var options = ShortTraining.Small with { Points = 256, LbfgsIterations = 150, Weighting = DiffusivityPresets.SealingQuick.Weighting };
        var result = new Trainer(problem, options).Train();
        double l = result.Network.UnknownValues()["L"];
        TestContext.Out.WriteLine($"L {l:F4}");
        Assert.That(Math.Abs(l - 2), Is.LessThan(0.5), "at least half of the way from 1 to 2");
    }

    [Test]
    public void TheClassicalFitOfEachNoiseSeedIsWithinItsErrorOfTheTruth()
    {
        foreach (int seed in new[] { 7, 8, 9 })
        {
            var problem = new SealingBoundaryInverse(seed: seed);
            var fit = SealingBoundary.Fit(problem.Times, problem.Pressures);
            TestContext.Out.WriteLine($"seed {seed}: classical L {fit.Distance:F4} +- {fit.StandardError:F4} (Cartesian start {problem.Start:F4})");
            Assert.That(fit.Distance, Is.EqualTo(2).Within(3 * fit.StandardError));
        }
    }

    [Test]
    [Category("Heavy")]
    public void TheQuickPresetMatchesTheClassicalFitOnTheSameData()
    {
        foreach (int seed in new[] { 7, 8, 9 })
        {
            var problem = new SealingBoundaryInverse(start: 1, seed: seed);
            var classical = SealingBoundary.Fit(problem.Times, problem.Pressures);
            var result = new Trainer(problem, DiffusivityPresets.SealingQuick with { Device = DeviceChoice.Cpu, EvalEvery = 0 }).Train();
            double l = result.Network.UnknownValues()["L"];
            TestContext.Out.WriteLine($"seed {seed}: PINN L {l:F4}, classical {classical.Distance:F4} +- {classical.StandardError:F4}, truth 2");
            Assert.That(l, Is.EqualTo(classical.Distance).Within(0.01 * classical.Distance));
            Assert.That(l, Is.EqualTo(2).Within(0.02));
        }
    }
}
