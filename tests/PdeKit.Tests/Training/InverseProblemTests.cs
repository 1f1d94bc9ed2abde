using PdeKit.Models;
using PdeKit.Physics;
using PdeKit.Problems;
using PdeKit.Runtime;
using PdeKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Tests.Training;

public class InverseProblemTests
{
    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    /// <summary>u' = lambda u on [0, 1], u(0) = 1, lambda unknown; data u(x_i) = exp(2 x_i).</summary>
    private sealed record Growth(double Start, double[][]? Points = null, double[]? Values = null, string? SecondName = null) : IProblem
    {
        private static readonly Field U = Field.Scalar("u");
        private static readonly double[] Xs = Enumerable.Range(1, 10).Select(i => i / 10.0).ToArray();

        public string Name => "growth";
        public Domain Domain { get; } = Domain.Interval(0, 1);
        public IReadOnlyList<Field> Outputs => [U];
        public IReadOnlyList<Unknown> Unknowns => [new Unknown("lambda", Start)];
        public IReadOnlyList<Observation> Observations
        {
            get
            {
                var first = new Observation("data", Points ?? Xs.Select(x => new[] { x }).ToArray(), Values ?? Xs.Select(x => Math.Exp(2 * x)).ToArray());
                return SecondName is null ? [first] : [first, first with { Name = SecondName }];
            }
        }
        public Tensor Ansatz(Coords c, Tensor net) => 1 + c.X * net;
        public Tensor Residual(Coords c, Solution s) => s.Dx(U) - c.Unknown("lambda") * s[U];
        public IReference Reference => new PointwiseReference("exp(2x)", p => { var u = new double[p.Length, 1]; for (int i = 0; i < p.Length; i++) u[i, 0] = Math.Exp(2 * p[i][0]); return u; });
        public IReadOnlyList<double[]> EvaluationAxes => [PdeKit.Numerics.Grids.Linspace(0, 1, 50)];
    }

    private static TrainingOptions Small => new()
    {
        Model = new ModelOptions(Width: 16, Depth: 2),
        Points = 128,
        ResampleEvery = 0,
        AdamSteps = 600,
        LearningRate = 1e-2,
        LrDecayRate = 0.5,
        LrDecaySteps = 300,
        LbfgsIterations = 100,
        Device = DeviceChoice.Cpu,
        Precision = Precision.Float64,
        LogEvery = 50,
        EvalEvery = 0,
    };

    [Test]
    public void AnUnknownRateIsRecoveredFromData()
    {
        var result = new Trainer(new Growth(Start: 0.5), Small).Train();
        var history = result.History;
        TestContext.Out.WriteLine(string.Join(", ", history.Select(h => $"{h.Step}:{h.Unknowns["lambda"]:F4}")));
        Assert.That(history[0].Unknowns["lambda"], Is.EqualTo(0.5).Within(0.05));
        Assert.That(result.Network.UnknownValues()["lambda"], Is.EqualTo(2.0).Within(0.01));
        Assert.That(history[^1].Terms.Keys, Is.EqualTo(new[] { "residual", "data" }));
    }

    /// <summary>The growth problem measured through its slope: data u'(x_i) = 2 exp(2 x_i), an observation with a <see cref="Observation.Measure"/>.</summary>
    private sealed record SlopeData(double Start, int Rows = 0) : IProblem
    {
        private static readonly Field U = Field.Scalar("u");
        private static readonly double[] Xs = Enumerable.Range(1, 10).Select(i => i / 10.0).ToArray();

        public string Name => "growth-slope";
        public Domain Domain { get; } = Domain.Interval(0, 1);
        public IReadOnlyList<Field> Outputs => [U];
        public IReadOnlyList<Unknown> Unknowns => [new Unknown("lambda", Start)];
        public IReadOnlyList<Observation> Observations =>
            [new Observation("slope", Xs.Select(x => new[] { x }).ToArray(), Xs.Select(x => 2 * Math.Exp(2 * x)).ToArray())
            {
                Measure = Rows == 0 ? (c, s) => s.Dx(U) : (c, s) => s.Dx(U).expand(-1, Rows),
            }];
        public Tensor Ansatz(Coords c, Tensor net) => 1 + c.X * net;
        public Tensor Residual(Coords c, Solution s) => s.Dx(U) - c.Unknown("lambda") * s[U];
        public IReference Reference => new PointwiseReference("exp(2x)", p => { var u = new double[p.Length, 1]; for (int i = 0; i < p.Length; i++) u[i, 0] = Math.Exp(2 * p[i][0]); return u; });
        public IReadOnlyList<double[]> EvaluationAxes => [PdeKit.Numerics.Grids.Linspace(0, 1, 50)];
    }

    [Test]
    public void AnObservationOfADerivativeIsFittedThroughItsMeasure()
    {
        var result = new Trainer(new SlopeData(Start: 0.5), Small).Train();
        double lambda = result.Network.UnknownValues()["lambda"];
        TestContext.Out.WriteLine($"lambda {lambda:F5}");
        // Only the slope is observed; with u(0) = 1 in the ansatz it still pins lambda = 2.
        Assert.That(lambda, Is.EqualTo(2.0).Within(0.02));
        Assert.That(result.History[^1].Terms.Keys, Is.EqualTo(new[] { "residual", "slope" }));
        Assert.That(() => new Trainer(new SlopeData(Start: 1, Rows: 2), Small with { AdamSteps = 2, LbfgsIterations = 0 }).Train(),
            Throws.InvalidOperationException.With.Message.Contains("observation slope measured shape [10, 2]"));
    }

    /// <summary>u' = u, u(0) = 1 (so u = exp x); data exp(2 z_i) seen at x = a z_i with a unknown: only the location carries a.</summary>
    private sealed record LocatedData(double Start, bool ThroughMeasure, int Columns = 1) : IProblem
    {
        private static readonly Field U = Field.Scalar("u");
        private static readonly double[] Zs = Enumerable.Range(1, 8).Select(i => i / 20.0).ToArray();

        public string Name => "located";
        public Domain Domain { get; } = Domain.Interval(0, 1);
        public IReadOnlyList<Field> Outputs => [U];
        public IReadOnlyList<Unknown> Unknowns => [new Unknown("a", Start)];
        public IReadOnlyList<Observation> Observations =>
            [new Observation("data", Zs.Select(z => new[] { z }).ToArray(), Zs.Select(z => Math.Exp(2 * z)).ToArray())
            {
                Locate = c => (c.X * c.Unknown("a")).expand(-1, Columns),
                Measure = ThroughMeasure ? (c, s) => s.Dx(U) : null,
            }];
        public Tensor Ansatz(Coords c, Tensor net) => 1 + c.X * net;
        public Tensor Residual(Coords c, Solution s) => s.Dx(U) - s[U];
        public IReference Reference => new PointwiseReference("exp(x)", p => { var u = new double[p.Length, 1]; for (int i = 0; i < p.Length; i++) u[i, 0] = Math.Exp(p[i][0]); return u; });
        public IReadOnlyList<double[]> EvaluationAxes => [PdeKit.Numerics.Grids.Linspace(0, 1, 50)];
    }

    [Test]
    public void AnUnknownThatOnlyLocatesTheDataIsRecovered()
    {
        foreach (bool measure in new[] { false, true })
        {
            var result = new Trainer(new LocatedData(Start: 1, ThroughMeasure: measure), Small).Train();
            double a = result.Network.UnknownValues()["a"];
            TestContext.Out.WriteLine($"measure {measure}: a {a:F5}");
            Assert.That(a, Is.EqualTo(2.0).Within(0.02), measure ? "through a measure (u')" : "plain output");
        }
        Assert.That(() => new Trainer(new LocatedData(Start: 1, ThroughMeasure: false, Columns: 2), Small with { AdamSteps = 2, LbfgsIterations = 0 }).Train(),
            Throws.InvalidOperationException.With.Message.Contains("located its points with shape [8, 2], expected [8, 1]"));
    }

    [Test]
    public void BadUnknownsAndObservationsAreNamed()
    {
        Assert.That(() => new PinnNetwork(new Growth(Start: -1), new ModelOptions(Width: 4, Depth: 1)),
            Throws.ArgumentException.With.Message.Contains("unknown lambda is positive but starts at -1"));
        var noGuess = new Growth(Start: 1, Points: [[0.5]], Values: [1.0, 2.0]);
        Assert.That(() => new Trainer(noGuess, Small).Train(), Throws.ArgumentException.With.Message.Contains("1 points and 2 values"));
        var wrongDim = new Growth(Start: 1, Points: [[0.5, 0.1]], Values: [1.0]);
        Assert.That(() => new Trainer(wrongDim, Small).Train(), Throws.ArgumentException.With.Message.Contains("has 2 coordinates, expected 1"));
        var nan = new Growth(Start: 1, Points: [[0.5]], Values: [double.NaN]);
        Assert.That(() => new Trainer(nan, Small).Train(), Throws.ArgumentException.With.Message.Contains("not finite"));
        var outside = new Growth(Start: 1, Points: [[0.5], [1.5]], Values: [1.0, 2.0]);
        Assert.That(() => new Trainer(outside, Small).Train(), Throws.ArgumentException.With.Message.Contains("point 1 (1.5) lies outside the domain"));
        Assert.That(() => new Trainer(new Growth(Start: 1, SecondName: "data"), Small).Train(), Throws.ArgumentException.With.Message.Contains("both named data"));
        Assert.That(() => new Trainer(new Growth(Start: 1, SecondName: "residual_extra"), Small).Train(), Throws.ArgumentException.With.Message.Contains("reserved"));
        var c = new Coords(zeros(2, 1), Domain.Interval(0, 1));
        Assert.That(() => c.Unknown("k"), Throws.ArgumentException.With.Message.Contains("no unknown named 'k'"));
    }

    [Test]
    public void RadialInverseDataAreTheFiniteDifferenceWellPressureWithNoise()
    {
        var clean = new RadialInverse(noise: 0);
        var noisy = new RadialInverse(noise: 0.01);
        var obs = clean.Observations[0];
        Assert.That(obs.Points, Has.Length.EqualTo(50));
        Assert.That(obs.Points.All(p => p[0] == 0), Is.True, "all at the well, ln r_D = 0");
        // Noise-free data equal the reference (the FD solution for the true kappa) at the well, up to its interpolation in time.
        var reference = clean.Reference.Evaluate(obs.Points);
        for (int i = 0; i < obs.Values.Length; i++) Assert.That(obs.Values[i], Is.EqualTo(reference[i, 0]).Within(2e-3 * obs.Values[i]));
        var rel = noisy.Observations[0].Values.Zip(obs.Values, (a, b) => a / b - 1).ToArray();
        double sd = Math.Sqrt(rel.Average(r => r * r));
        Assert.That(sd, Is.EqualTo(0.01).Within(0.004), "1% noise");
        Assert.That(() => new RadialInverse(samples: 1), Throws.ArgumentException.With.Message.Contains("samples"));
    }

    [Test]
    public void AShortRadialInverseTrainingMovesKappaTowardTheTruth()
    {
        var problem = new RadialInverse(kappaTrue: 1.8, kappaStart: 1.0);
        var options = DiffusivityPresets.Quick with
        {
            Model = new ModelOptions(Width: 16, Depth: 3),
            Points = 256,
            AdamSteps = 150,
            LbfgsIterations = 100,
            Device = DeviceChoice.Cpu,
            EvalEvery = 0,
        };
        var result = new Trainer(problem, options).Train();
        double kappa = result.Network.UnknownValues()["kappa"];
        TestContext.Out.WriteLine($"kappa {kappa:F4}");
        Assert.That(Math.Abs(kappa - 1.8), Is.LessThan(0.5 * 0.8), "at least half of the way from 1.0 to 1.8");
    }
}
