using PdeKit.Evaluation;
using PdeKit.Models;
using PdeKit.Physics;
using PdeKit.Problems;
using PdeKit.Runtime;
using PdeKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Tests.Training;

public class AllenCahnProblemTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    [Test]
    public void PeriodicAxesMakeTheNetworkPeriodicWithItsDerivatives()
    {
        var problem = new AllenCahn();
        using var net = new PinnNetwork(problem, new ModelOptions(Width: 16, Depth: 2));
        net.to(ScalarType.Float64);
        var left = tensor(new double[] { -1, 0.3, -1, 0.8 }, [2, 2]);
        var right = tensor(new double[] { 1, 0.3, 1, 0.8 }, [2, 2]);
        var assembler = new ResidualAssembler(problem);
        var (sl, _) = assembler.Solve(net, left);
        var (sr, _) = assembler.Solve(net, right);
        Assert.That(sl[AllenCahn.U].allclose(sr[AllenCahn.U], 1e-12, 1e-12), Is.True);
        Assert.That(sl.Dx(AllenCahn.U).allclose(sr.Dx(AllenCahn.U), 1e-10, 1e-10), Is.True);
        Assert.That(sl.Dxx(AllenCahn.U).allclose(sr.Dxx(AllenCahn.U), 1e-9, 1e-9), Is.True);
        Assert.That(() => new Domain([new Axis("t", 0, 1, Periodic: true)]), Throws.ArgumentException.With.Message.Contains("cannot be periodic"));
    }

    [Test]
    public void TheResidualVanishesForTheSpatiallyUniformExactSolution()
    {
        // u(t) = c e^{Rt} / sqrt(1 - c^2 + c^2 e^{2Rt}) solves u' = R (u - u^3) (logistic-type closed form).
        var problem = new AllenCahn();
        var pts = tensor(new double[] { -0.3, 0.1, 0.2, 0.5, 0.9, 0.9 }, [3, 2]).requires_grad_(true);
        var c = new Coords(pts, problem.Domain);
        double c0 = 0.3, r = problem.Reaction;
        var e = (r * c.T).exp();
        var u = c0 * e / (1 - c0 * c0 + c0 * c0 * e.square()).sqrt();
        var s = new AutogradSolution(problem.Domain, problem.Outputs, pts, u);
        Assert.That(problem.Residual(c, s).abs().max().Value(), Is.LessThan(1e-12));
    }

    [Test]
    public void TheInitialDataAreASoftConstraintTermOnTheFaceTZero()
    {
        var problem = new AllenCahn(initialPoints: 64);
        using var net = new PinnNetwork(problem, new ModelOptions(Width: 8, Depth: 2));
        net.to(ScalarType.Float64);
        using var assembler = new ResidualAssembler(problem);
        Assert.That(assembler.Assemble(net, zeros(4, 2, ScalarType.Float64)).Select(t => t.Name), Is.EqualTo(new[] { "residual" }));
        assembler.PrepareConstraints(new Random(1), CPU, ScalarType.Float64);
        var terms = assembler.Assemble(net, zeros(4, 2, ScalarType.Float64));
        Assert.That(terms.Select(t => t.Name), Is.EqualTo(new[] { "residual", "initial" }));
        Assert.That(terms[1].IsResidual, Is.False);
        Assert.That(terms[1].Squared.shape, Is.EqualTo(new long[] { 64 }));
        Assert.That(terms[1].Coords.T.abs().max().Value(), Is.EqualTo(0.0));
    }

    [Test]
    public void ReferenceIsTheSpectralSolutionOnTheGrid()
    {
        var problem = new AllenCahn();
        var u = problem.Reference.Evaluate([[0.0, 0.0], [-1.0, 0.0], [0.5, 0.0]]);
        Assert.That(u[0, 0], Is.EqualTo(0.0).Within(1e-14));
        Assert.That(u[1, 0], Is.EqualTo(-1.0).Within(1e-14));
        Assert.That(u[2, 0], Is.EqualTo(0.25 * Math.Cos(Math.PI / 2)).Within(1e-14));
        Assert.That(() => new AllenCahn(diffusion: double.NaN), Throws.InstanceOf<ArgumentException>());
        Assert.That(ProblemCatalog.Find("allen-cahn").Build(new Dictionary<string, double> { ["reaction"] = 4 }), Is.TypeOf<AllenCahn>());
    }

    [Test]
    public void AShortTrainingFitsTheInitialDataAndLowersTheLoss()
    {
        var problem = new AllenCahn(initialPoints: 128);
        var options = AllenCahnPresets.Quick with
        {
            Model = new ModelOptions(Width: 16, Depth: 3),
            Points = 512,
            AdamSteps = 150,
            LearningRate = 5e-3,
            Device = DeviceChoice.Cpu,
            Weighting = AllenCahnPresets.Quick.Weighting with { Causal = true, CausalChunks = 8 },
            LogEvery = 50,
            EvalEvery = 0,
        };
        var result = new Trainer(problem, options).Train();
        Assert.That(result.History[^1].Terms["initial"], Is.LessThan(result.History[0].Terms["initial"] / 10));
        Assert.That(result.History[^1].Loss, Is.LessThan(result.History[0].Loss / 5));
    }
}
