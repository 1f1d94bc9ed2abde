using PdeKit.Models;
using PdeKit.Problems;
using PdeKit.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Tests.Burgers;

public class BurgersProblemTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    [Test]
    public void TheAnsatzHoldsInitialAndBoundaryDataExactly()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(3);
        var problem = new PdeKit.Problems.Burgers();
        var net = new PinnNetwork(problem, new ModelOptions(Width: 16, Depth: 2));
        net.to(ScalarType.Float64);
        var x = linspace(-1, 1, 101, dtype: ScalarType.Float64).unsqueeze(1);
        var t = linspace(0, 1, 101, dtype: ScalarType.Float64).unsqueeze(1);
        using (no_grad())
        {
            var initial = net.forward(cat([x, zeros_like(x)], 1));
            Assert.That((initial + (Math.PI * x).sin()).abs().max().item<double>(), Is.LessThan(1e-15));
            foreach (double side in new[] { -1.0, 1.0 })
            {
                var boundary = net.forward(cat([full_like(t, side), t], 1));
                Assert.That(boundary.abs().max().item<double>(), Is.LessThan(1e-15), $"x = {side}");
            }
            var inside = net.forward(cat([x * 0.5, t * 0 + 0.5], 1));
            Assert.That((inside + (Math.PI * x * 0.5).sin()).abs().max().item<double>(), Is.GreaterThan(1e-6), "the network contributes inside");
        }
    }

    [TestCase(0.0)]
    [TestCase(-0.01)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void ViscosityMustBeAPositiveNumber(double nu)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => _ = new PdeKit.Problems.Burgers(nu));
        Assert.That(e!.Message, Does.Contain("nu must be a positive number"));
    }

    [Test]
    public void TheCatalogueFindsBurgersAndRejectsUnknownNamesAndParameters()
    {
        var e = ProblemCatalog.Find("BURGERS");
        Assert.That(((PdeKit.Problems.Burgers)e.Build(new Dictionary<string, double> { ["nu"] = 0.02 })).Nu, Is.EqualTo(0.02));
        Assert.That(Assert.Throws<ArgumentException>(() => ProblemCatalog.Find("heat"))!.Message, Does.Contain("burgers"));
        Assert.That(Assert.Throws<ArgumentException>(() => e.Build(new Dictionary<string, double> { ["mu"] = 1 }))!.Message, Does.Contain("no parameter 'mu'"));
        Assert.That(Assert.Throws<ArgumentException>(() => e.Preset("fastest"))!.Message, Does.Contain("quick"));
        Assert.Throws<ArgumentException>(() => ProblemCatalog.ParseValue("problem.nu", "NaN"));
    }
}
