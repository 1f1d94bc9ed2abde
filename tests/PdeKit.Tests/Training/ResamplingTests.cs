using PdeKit.Evaluation;
using PdeKit.Models;
using PdeKit.Runtime;
using PdeKit.Sampling;
using PdeKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Tests.Training;

public class ResamplingTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    private static readonly PdeKit.Problems.Burgers Problem = new();

    // A residual concentrated near x = 0.5: |r| = exp(-200 (x - 0.5)^2).
    private static Tensor Peak(Tensor x) => (-200 * (x[.., 0] - 0.5).square()).exp();

    private static ResampleContext Context(int step, Tensor current, int seed = 7) =>
        new(step, current, Problem, Peak, new Random(seed), CPU, ScalarType.Float64);

    private static double NearPeak(Tensor pts) => ((pts[.., 0] - 0.5).abs() < 0.1).to(ScalarType.Float64).mean().Value();

    [Test]
    public void RadConcentratesPointsWhereTheResidualIsLarge()
    {
        torch.random.manual_seed(1);
        var current = Sampler.Draw(SamplerKind.Sobol, Problem.Domain, 1000, new Random(1), CPU, ScalarType.Float64);
        var rad = new ResidualAdaptiveResampling(new SamplingOptions { Method = AdaptiveSampling.Rad, K = 1, C = 0, PoolFactor = 8 }, SamplerKind.Sobol, 10, 1000);
        Assert.That(rad.Resample(Context(5, current)), Is.Null, "only every 10 steps");
        var fresh = rad.Resample(Context(10, current))!;
        Assert.That(fresh.shape, Is.EqualTo(new long[] { 1000, 2 }));
        // Uniform: 10% of points within 0.1 of x = 0.5. With p ~ |r| nearly all mass is there.
        Assert.That(NearPeak(current), Is.EqualTo(0.1).Within(0.02));
        Assert.That(NearPeak(fresh), Is.GreaterThan(0.6));

        // c = 1 mixes in a uniform part; k = 0 is uniform whatever c is.
        var mixed = new ResidualAdaptiveResampling(new SamplingOptions { Method = AdaptiveSampling.Rad, K = 1, C = 1, PoolFactor = 8 }, SamplerKind.Sobol, 10, 1000).Resample(Context(10, current))!;
        Assert.That(NearPeak(mixed), Is.GreaterThan(0.15).And.LessThan(NearPeak(fresh)));
        var flat = new ResidualAdaptiveResampling(new SamplingOptions { Method = AdaptiveSampling.Rad, K = 0, C = 0, PoolFactor = 8 }, SamplerKind.Sobol, 10, 1000).Resample(Context(10, current))!;
        Assert.That(NearPeak(flat), Is.EqualTo(0.1).Within(0.03));
    }

    [Test]
    public void RarAddsTheWorstPoolPointsUntilTheCap()
    {
        var current = Sampler.Draw(SamplerKind.Sobol, Problem.Domain, 100, new Random(1), CPU, ScalarType.Float64);
        var options = new SamplingOptions { Method = AdaptiveSampling.Rar, PoolFactor = 10, AddFraction = 0.1, MaxGrowth = 1.3 };
        var rar = new ResidualAdaptiveResampling(options, SamplerKind.Sobol, 1, 100);
        var grown = rar.Resample(Context(1, current))!;
        Assert.That(grown.shape[0], Is.EqualTo(110));
        Assert.That(grown[TensorIndex.Slice(0, 100)].allclose(current, 0, 0), Is.True, "the old points are kept");
        var added = grown[TensorIndex.Slice(100, 110)];
        // The added points are the 10 largest residuals of the pool, drawn with the same seed here.
        var pool = Sampler.Draw(SamplerKind.Sobol, Problem.Domain, rar.PoolSize, new Random(7), CPU, ScalarType.Float64);
        double tenth = Peak(pool).topk(10).values[9].Value();
        Assert.That(Peak(added).min().Value(), Is.GreaterThanOrEqualTo(tenth - 1e-15));

        var g2 = rar.Resample(Context(2, grown))!;
        var g3 = rar.Resample(Context(3, g2))!;
        Assert.That(g3.shape[0], Is.EqualTo(130));
        Assert.That(rar.Resample(Context(4, g3)), Is.Null, "130 points reached the 1.3x cap");
    }

    [Test]
    public void RarDAddsPointsDrawnFromTheDensity()
    {
        torch.random.manual_seed(3);
        var current = Sampler.Draw(SamplerKind.Sobol, Problem.Domain, 400, new Random(1), CPU, ScalarType.Float64);
        var rard = new ResidualAdaptiveResampling(new SamplingOptions { Method = AdaptiveSampling.RarD, AddFraction = 0.5, C = 0, PoolFactor = 8 }, SamplerKind.Sobol, 1, 400);
        var grown = rard.Resample(Context(1, current))!;
        Assert.That(grown.shape[0], Is.EqualTo(600));
        Assert.That(NearPeak(grown[TensorIndex.Slice(400, 600)]), Is.GreaterThan(0.6));
    }

    [Test]
    public void PoolResidualsAreEvaluatedInBatchesWithoutAGraph()
    {
        var pool = Sampler.Draw(SamplerKind.Sobol, Problem.Domain, 1000, new Random(1), CPU, ScalarType.Float64);
        int calls = 0;
        var ctx = new ResampleContext(1, pool, Problem, x => { calls++; return Peak(x); }, new Random(1), CPU, ScalarType.Float64);
        var r = ResidualAdaptiveResampling.PoolResiduals(ctx, pool, 300);
        Assert.That(calls, Is.EqualTo(4));
        Assert.That(r.requires_grad, Is.False);
        Assert.That(r.allclose(Peak(pool)), Is.True);
    }

    [Test]
    public void DensityIsUniformWhenEveryResidualVanishesAndFailsOnNaN()
    {
        var rad = new ResidualAdaptiveResampling(new SamplingOptions { Method = AdaptiveSampling.Rad }, SamplerKind.Sobol, 1, 10);
        Assert.That(rad.Density(zeros(5, ScalarType.Float64)).data<double>().ToArray(), Is.All.EqualTo(1.0));
        Assert.That(() => rad.Density(tensor(new[] { 1.0, double.NaN })), Throws.InvalidOperationException.With.Message.Contains("diverged"));
    }

    [Test]
    public void BadSamplingSettingsAreRejectedByName()
    {
        Assert.That(() => new SamplingOptions { PoolFactor = 0.5 }.Validate(), Throws.ArgumentException.With.Message.Contains("poolFactor"));
        Assert.That(() => new SamplingOptions { K = -1 }.Validate(), Throws.ArgumentException.With.Message.Contains("sampling.k"));
        Assert.That(() => new SamplingOptions { C = double.NaN }.Validate(), Throws.ArgumentException.With.Message.Contains("sampling.c"));
        Assert.That(() => new SamplingOptions { AddFraction = 0 }.Validate(), Throws.ArgumentException.With.Message.Contains("addFraction"));
        Assert.That(() => SamplingOptions.Parse("smart"), Throws.ArgumentException.With.Message.Contains("unknown sampling"));
        var o = new TrainingOptions { ResampleEvery = 0, Sampling = new SamplingOptions { Method = AdaptiveSampling.Rad } };
        Assert.That(() => o.Validate(), Throws.ArgumentException.With.Message.Contains("resampleEvery"));
    }

    [Test]
    public void BurgersTrainsWithCausalWeightingRadAndLbfgs()
    {
        var options = new TrainingOptions
        {
            Model = new ModelOptions(Width: 16, Depth: 3),
            Points = 400,
            ResampleEvery = 20,
            AdamSteps = 100,
            LearningRate = 5e-3,
            LbfgsIterations = 20,
            Device = DeviceChoice.Cpu,
            Precision = Precision.Float64,
            LogEvery = 10,
            EvalEvery = 50,
            Weighting = new WeightingOptions { Causal = true, CausalChunks = 8 },
            Sampling = new SamplingOptions { Method = AdaptiveSampling.Rad },
        };
        var trainer = new Trainer(Problem, options) { Evaluator = new Evaluator(Problem) };
        var result = trainer.Train();
        // Loss values are not compared: RAD moves the points to where the residual is large, so the
        // loss on the current points is not monotone; the ablations measure what RAD buys.
        Assert.That(result.History.All(h => double.IsFinite(h.Loss) && double.IsFinite(h.Terms["residual"])), Is.True);
        Assert.That(result.History.Where(h => !double.IsNaN(h.RelativeL2)).Select(h => h.Step), Is.EqualTo(new[] { 50, 100, 120 }));
        Assert.That(result.History[0].Weights.Keys, Is.EquivalentTo(new[] { "residual", "causal_eps", "causal_min_w" }));
        Assert.That(result.History.All(h => h.Weights["causal_min_w"] is > 0 and <= 1), Is.True);
        Assert.That(result.Points, Is.EqualTo(400));

        var rar = new Trainer(Problem, options with { Sampling = new SamplingOptions { Method = AdaptiveSampling.Rar }, LbfgsIterations = 0 }).Train();
        Assert.That(rar.Points, Is.EqualTo(400 + 5 * 20), "5 RAR rounds of 5% each");
    }
}
