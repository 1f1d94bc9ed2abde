using PdeKit.Physics;
using PdeKit.Runtime;
using PdeKit.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace PdeKit.Tests.Training;

public class WeightingTests
{
    private static readonly Domain XT = Domain.SpaceTime((-1, 1), (0, 2));

    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    // Points at t = 0.1, 0.6, 1.1, 1.6 (one per chunk of [0, 2] split in 4) with squared residuals 1, 2, 3, 4.
    private static LossTerm Term(Tensor squared, string name = "residual", bool isResidual = true)
    {
        var pts = tensor(new double[] { 0, 0.1, 0, 0.6, 0, 1.1, 0, 1.6 }, [4, 2]);
        return new LossTerm(name, squared, new Coords(pts, XT), isResidual);
    }

    private static readonly WeightingContext Ctx = new(1, []);

    [Test]
    public void CausalWeightsAreExpOfMinusEpsTimesTheLossOfEarlierChunks()
    {
        var causal = new CausalWeights(new CausalOptions(4, [0.5]), 0, 2);
        var sq = tensor(new double[] { 1, 2, 3, 4 }).requires_grad_(true);
        var loss = new FixedWeighting(causal: causal).Combine([Term(sq)], Ctx);
        double[] w = [1, Math.Exp(-0.5 * 1), Math.Exp(-0.5 * 3), Math.Exp(-0.5 * 6)];
        Assert.That(causal.LastWeights(), Is.EqualTo(w).Within(1e-12));
        Assert.That(loss.Value(), Is.EqualTo((w[0] * 1 + w[1] * 2 + w[2] * 3 + w[3] * 4) / 4).Within(1e-12));
        // No gradient flows through the weights: d loss / d L_i = w_i / N_t.
        loss.backward();
        Assert.That(sq.grad!.data<double>().ToArray(), Is.EqualTo(w.Select(x => x / 4).ToArray()).Within(1e-12));
        Assert.That(causal.MinWeight, Is.EqualTo(w[3]).Within(1e-12));
    }

    [Test]
    public void ChunkMeansAverageThePointsInEachChunkAndEmptyChunksCountZero()
    {
        // Two points in chunk 0 (t = 0.1, 0.2), none in chunk 1, one in chunk 2 of [0, 3] split in 3.
        var pts = tensor(new double[] { 0, 0.1, 0, 0.2, 0, 2.5 }, [3, 2]);
        var term = new LossTerm("residual", tensor(new double[] { 2, 4, 10 }), new Coords(pts, Domain.SpaceTime((-1, 1), (0, 3))));
        var causal = new CausalWeights(new CausalOptions(3, [1.0]), 0, 3);
        var loss = new FixedWeighting(causal: causal).Combine([term], Ctx);
        // chunk means 3, 0, 10; weights 1, e^-3, e^-3.
        Assert.That(loss.Value(), Is.EqualTo((3 + 0 + Math.Exp(-3) * 10) / 3).Within(1e-12));
    }

    [Test]
    public void EpsMovesOnWhenEveryWeightExceedsTheThresholdAndNotOtherwise()
    {
        var causal = new CausalWeights(new CausalOptions(4, [1e-2, 1e-1, 1], CheckEvery: 1), 0, 2);
        var weighting = new FixedWeighting(causal: causal);
        var small = tensor(new double[] { 1e-4, 1e-4, 1e-4, 1e-4 });
        for (int step = 1; step <= 3; step++) weighting.Combine([Term(small)], new WeightingContext(step, []));
        Assert.That(causal.Eps, Is.EqualTo(1.0), "small losses: the schedule advances each check up to its last value");
        Assert.That(causal.Converged, Is.True);
        Assert.That(weighting.Weights["causal_eps"], Is.EqualTo(1.0));

        var stuck = new CausalWeights(new CausalOptions(4, [1e-2, 1e-1, 1], CheckEvery: 1), 0, 2);
        var big = tensor(new double[] { 10, 10, 10, 10 });
        for (int step = 1; step <= 3; step++) new FixedWeighting(causal: stuck).Combine([Term(big)], new WeightingContext(step, []));
        Assert.That(stuck.Eps, Is.EqualTo(1e-2), "min w = exp(-0.01 * 30) < 0.99: eps stays");
        Assert.That(stuck.Converged, Is.False);
    }

    [Test]
    public void ReachingTheLastEpsIsNotConvergenceUntilTheWeightsAreMeasuredUnderIt()
    {
        var causal = new CausalWeights(new CausalOptions(4, [1e-2, 1e-1, 1], CheckEvery: 1), 0, 2);
        var weighting = new FixedWeighting(causal: causal);
        var small = tensor(new double[] { 1e-4, 1e-4, 1e-4, 1e-4 });
        for (int step = 1; step <= 2; step++) weighting.Combine([Term(small)], new WeightingContext(step, []));
        Assert.That(causal.Eps, Is.EqualTo(1.0));
        Assert.That(causal.Converged, Is.False, "the last eps was just reached: its weights have not been checked yet");
        weighting.Combine([Term(small)], new WeightingContext(3, []));
        Assert.That(causal.Converged, Is.True);
    }

    [Test]
    public void FrozenContextsReuseTheLastWeights()
    {
        var causal = new CausalWeights(new CausalOptions(4, [1.0]), 0, 2);
        var weighting = new FixedWeighting(causal: causal);
        weighting.Combine([Term(tensor(new double[] { 1, 1, 1, 1 }))], Ctx);
        var before = causal.LastWeights();
        var frozen = weighting.Combine([Term(tensor(new double[] { 5, 5, 5, 5 }))], new WeightingContext(2, [], Frozen: true));
        Assert.That(causal.LastWeights(), Is.EqualTo(before));
        Assert.That(frozen.Value(), Is.EqualTo(5 * before.Sum() / 4).Within(1e-12));
    }

    [Test]
    public void ConstraintTermsAndSteadyProblemsGetPlainMeans()
    {
        var causal = new CausalWeights(new CausalOptions(4, [1.0]), 0, 2);
        var weighting = new FixedWeighting(new Dictionary<string, double> { ["initial"] = 10 }, causal);
        var res = Term(tensor(new double[] { 0, 0, 0, 0 }));
        var ic = Term(tensor(new double[] { 1, 2, 3, 6 }), "initial", isResidual: false);
        Assert.That(weighting.Combine([res, ic], Ctx).Value(), Is.EqualTo(10 * 3.0).Within(1e-12));

        var steady = new LossTerm("residual", tensor(new double[] { 1, 3 }), new Coords(tensor(new double[] { 0.1, 0.2 }, [2, 1]), Domain.Interval(0, 1)));
        Assert.That(new FixedWeighting(causal: causal).Combine([steady], Ctx).Value(), Is.EqualTo(2.0).Within(1e-12));
    }

    [Test]
    public void GradNormWeightsAreInverselyProportionalToGradientNorms()
    {
        // L_a = mean((p x)^2) and L_b = 100 L_a: gradient norms g and 100 g, so w_a = 101 and w_b = 1.01,
        // and both weighted terms then pull with the same strength.
        var p = new Parameter(tensor(new double[] { 0.5, -1.5 }));
        var x = tensor(new double[] { 1, 2 });
        var a = (p * x).square();
        var terms = new[] { Term(a.sum().expand(4) / 4, "a", false), Term(100 * a.sum().expand(4) / 4, "b", false) };
        var gn = new GradNormWeighting(new GradNormOptions(Every: 10, Alpha: 0.9));
        gn.Combine(terms, new WeightingContext(1, [p]));
        Assert.That(gn.Weights["a"], Is.EqualTo(101).Within(1e-9));
        Assert.That(gn.Weights["b"], Is.EqualTo(1.01).Within(1e-9));

        // Not an update step: weights stay. Update step with b now equal to a: w_new = 2 for both, averaged.
        var equal = new[] { Term(a.sum().expand(4) / 4, "a", false), Term(a.sum().expand(4) / 4, "b", false) };
        gn.Combine(equal, new WeightingContext(5, [p]));
        Assert.That(gn.Weights["a"], Is.EqualTo(101).Within(1e-9));
        gn.Combine(equal, new WeightingContext(10, [p]));
        Assert.That(gn.Weights["a"], Is.EqualTo(0.9 * 101 + 0.1 * 2).Within(1e-9));
        Assert.That(gn.Weights["b"], Is.EqualTo(0.9 * 1.01 + 0.1 * 2).Within(1e-9));
        gn.Combine(terms, new WeightingContext(20, [p], Frozen: true));
        Assert.That(gn.Weights["a"], Is.EqualTo(0.9 * 101 + 0.1 * 2).Within(1e-9), "frozen: no update");
    }

    [Test]
    public void GradNormComposesWithCausalWeighting()
    {
        var causal = new CausalWeights(new CausalOptions(4, [1.0]), 0, 2);
        var gn = new GradNormWeighting(new GradNormOptions(), causal);
        var p = new Parameter(tensor(new double[] { 1.0 }));
        var r = Term((p * tensor(new double[] { 1, 1, 1, 1 })).square());
        var ic = Term((2 * p * tensor(new double[] { 1, 1, 1, 1 })).square(), "initial", false);
        var loss = gn.Combine([r, ic], new WeightingContext(1, [p]));
        Assert.That(double.IsFinite(loss.Value()), Is.True);
        Assert.That(gn.Weights.Keys, Is.SupersetOf(new[] { "residual", "initial", "causal_eps", "causal_min_w" }));
        Assert.That(gn.Weights["residual"], Is.GreaterThan(gn.Weights["initial"]), "the causal residual has the smaller gradient, so the larger weight");
    }

    [Test]
    public void BadSettingsAreRejectedByName()
    {
        Assert.That(() => new CausalOptions(0, [1.0]).Validate(), Throws.ArgumentException.With.Message.Contains("causalChunks"));
        Assert.That(() => new CausalOptions(4, []).Validate(), Throws.ArgumentException.With.Message.Contains("causalEps"));
        Assert.That(() => new CausalOptions(4, [1.0, 0.1]).Validate(), Throws.ArgumentException.With.Message.Contains("non-decreasing"));
        Assert.That(() => new CausalOptions(4, [double.NaN]).Validate(), Throws.ArgumentException.With.Message.Contains("causalEps"));
        Assert.That(() => new CausalWeights(new CausalOptions(4, [1.0]), 1, 1), Throws.ArgumentException.With.Message.Contains("t_max > t_min"));
        Assert.That(() => new GradNormOptions(Alpha: 1).Validate(), Throws.ArgumentException.With.Message.Contains("gradNormAlpha"));
        Assert.That(() => new GradNormOptions(Every: 0).Validate(), Throws.ArgumentException.With.Message.Contains("gradNormEvery"));
        Assert.That(() => WeightingOptions.Parse("magic"), Throws.ArgumentException.With.Message.Contains("unknown weighting"));
        Assert.That(() => new FixedWeighting(new Dictionary<string, double> { ["a"] = -1 }), Throws.ArgumentException.With.Message.Contains("weight of a"));
    }
}
