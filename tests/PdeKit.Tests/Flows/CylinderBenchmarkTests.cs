using System.Text.Json;
using PdeKit.Cli;
using PdeKit.Cli.Validation;
using PdeKit.Evaluation;
using PdeKit.Models;
using PdeKit.Physics;
using PdeKit.Problems;
using PdeKit.Reporting;
using PdeKit.Reporting.Validation;
using PdeKit.Runtime;
using PdeKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Tests.Flows;

/// <summary>
/// The cylinder benchmark as a catalogue problem validated by benchmark quantities (<see cref="IBenchmarkQuantities"/>):
/// the quantities on flows with known forces, the catalogue entry, the evaluator without a field reference, a tiny
/// training run's history and summary, and the validation metric.
/// </summary>
public class CylinderBenchmarkTests
{
    private const double R = NavierStokesCylinder.Radius, Cy = NavierStokesCylinder.CenterY;

    [OneTimeSetUp]
    public void Init() => TorchRuntime.Initialize();

    [Test]
    public void TheQuantitiesOfFlowsWithKnownForcesAreTheirScaledForces()
    {
        // A linear pressure p = a x + b y gives F = -(a, b) pi r^2; the shear flow u = ((y - cy)^2, 0) has Laplace u = (2, 0)
        // and div u = 0, so its viscous force is (2 nu pi r^2, 0) (divergence theorem over the disk, see CylinderForcesTests).
        // c = 2 F / (U_mean^2 D) with U_mean = 2 uMax / 3; delta-p = p(cx - r, cy) - p(cx + r, cy) = -2 r a.
        const double a = -4, b = 1.5, uMax = 0.45, nu = 0.02;
        IBenchmarkQuantities problem = new NavierStokesCylinder(uMax, nu);
        Tensor Flow(Tensor x) => cat([(x[.., 1..2] - Cy).square(), 0 * x[.., 0..1], a * x[.., 0..1] + b * x[.., 1..2]], 1);
        var q = problem.ComputeQuantities(Flow, ScalarType.Float64, CPU);
        double area = Math.PI * R * R, scale = 2 / Math.Pow(2 * uMax / 3, 2) / (2 * R);
        Assert.That(q, Has.Count.EqualTo(3));
        Assert.That(q[0], Is.EqualTo((-a * area + 2 * nu * area) * scale).Within(1e-12));
        Assert.That(q[1], Is.EqualTo(-b * area * scale).Within(1e-12));
        Assert.That(q[2], Is.EqualTo(-2 * R * a).Within(1e-14));
        Assert.That(problem.BenchmarkQuantities.Select(d => d.Name), Is.EqualTo(new[] { "cD", "cL", "dp" }));
        // Schaefer and Turek (1996) benchmark 2D-1, FeatFlow reference digits (problems/NavierStokesCylinder.cs).
        Assert.That(problem.BenchmarkQuantities.Select(d => d.Published), Is.EqualTo(new[] { 5.5795, 0.010618, 0.11752 }));
    }

    [Test]
    public void TheCatalogueEntryBuildsWithItsPresetsAndHasNoFieldReference()
    {
        var entry = ProblemCatalog.Find("cylinder-2d1");
        var problem = entry.Build();
        Assert.That(problem, Is.InstanceOf<NavierStokesCylinder>());
        Assert.That(problem.Name, Is.EqualTo(entry.Name));
        Assert.That(((NavierStokesCylinder)problem).Re, Is.EqualTo(20).Within(1e-12), "the benchmark's Re = U_mean D / nu = 0.2 * 0.1 / 1e-3");
        Assert.That(problem.Reference, Is.InstanceOf<NoFieldReference>());
        Assert.That(() => problem.Reference.Evaluate([[1.0, 0.2]]), Throws.InvalidOperationException.With.Message.Contains("benchmark quantities"));
        Assert.That(entry.Presets.Keys, Is.EquivalentTo(new[] { "quick", "default", "best" }));
        foreach (var preset in entry.Presets.Values) Assert.That(preset.Validate, Throws.Nothing);
        var built = (NavierStokesCylinder)entry.Build(new Dictionary<string, double> { ["uMax"] = 0.6, ["nu"] = 2e-3 });
        Assert.That((built.UMax, built.Nu), Is.EqualTo((0.6, 2e-3)));
    }

    [TestCase("uMax", double.NaN, "uMax must be a positive number")]
    [TestCase("uMax", 0.0, "uMax must be a positive number")]
    [TestCase("nu", -1e-3, "nu must be a positive number")]
    [TestCase("nu", double.PositiveInfinity, "nu must be a positive number")]
    public void BadParametersAreNamed(string name, double value, string message)
    {
        var entry = ProblemCatalog.Find("cylinder-2d1");
        Assert.That(() => entry.Build(new Dictionary<string, double> { [name] = value }), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains(message));
        Assert.That(() => entry.Build(new Dictionary<string, double> { ["re"] = 20 }), Throws.ArgumentException.With.Message.Contains("no parameter 're'").And.Message.Contains("uMax, nu"));
    }

    [Test]
    public void TheEvaluatorPredictsTheMaskedChannelComputesTheQuantitiesAndReportsNoFieldError()
    {
        var problem = new NavierStokesCylinder();
        var evaluator = new Evaluator(problem);
        Assert.That(evaluator.HasFieldReference, Is.False);
        using var network = new PinnNetwork(problem, new ModelOptions(Width: 8, Depth: 2));
        network.to(ScalarType.Float64);
        var eval = evaluator.Evaluate(network);
        Assert.That(eval.HasFieldReference, Is.False);
        Assert.That(eval.Errors, Is.Empty, "no relative L2 without a field reference (not a made-up 0)");
        Assert.That(eval.Reference.Cast<double>(), Is.All.NaN);
        int centre = Enumerable.Range(0, evaluator.Points.Count).Single(i => Math.Abs(evaluator.Points[i][0] - 0.2) < 1e-9 && Math.Abs(evaluator.Points[i][1] - 0.2) < 1e-9);
        Assert.That(eval.Predicted[centre, 0], Is.NaN, "the cylinder's inside is masked");
        Assert.That(eval.Inside!.Count(f => f), Is.GreaterThan(9000).And.LessThan(221 * 42));
        Assert.That(eval.Quantities.Select(q => q.Name), Is.EqualTo(new[] { "cD", "cL", "dp" }));
        var direct = problem.Quantities(network.forward);
        Assert.That(eval.Quantities[0].Value, Is.EqualTo(direct.DragCoefficient).Within(1e-12));
        Assert.That(eval.Quantities[2].Value, Is.EqualTo(direct.PressureDifference).Within(1e-12));
        Assert.That(eval.Quantities[0].RelativeError, Is.EqualTo(Math.Abs(direct.DragCoefficient - 5.5795) / 5.5795).Within(1e-12));
        Assert.That(evaluator.Evaluate(network, quantities: false).Quantities, Is.Empty);
        using (no_grad())
            Assert.That(evaluator.Evaluate(network).Quantities[0].Value, Is.EqualTo(direct.DragCoefficient).Within(1e-12), "the stress integral needs gradients even inside no_grad");
    }

    [Test]
    public void AProblemWithNeitherAFieldReferenceNorQuantitiesIsRefused()
    {
        var bare = new NoReferenceChannel();
        Assert.That(() => new Evaluator(bare), Throws.ArgumentException.With.Message.Contains("neither a field reference nor benchmark quantities"));
        Assert.That(() => new NoFieldReference(" "), Throws.ArgumentException);
    }

    [Test]
    public void ATinyTrainingRunLogsTheQuantitiesAndWritesThemToTheRunDirectory()
    {
        var entry = ProblemCatalog.Find("cylinder-2d1");
        var options = entry.Preset("quick") with
        {
            Model = new ModelOptions(Width: 8, Depth: 2), Points = 64, AdamSteps = 6, LbfgsIterations = 2, LogEvery = 3, EvalEvery = 3, Device = DeviceChoice.Cpu,
        };
        var spec = new RunSpec(entry.Name, entry.Merge(), "quick", options, "test");
        string dir = Path.Combine(Path.GetTempPath(), "pdekit-cyl-" + Guid.NewGuid().ToString("N"));
        try
        {
            var run = TrainingRun.Execute(spec, dir, null, progressBar: false);
            Assert.That(run.Evaluation.Errors, Is.Empty);
            Assert.That(run.Evaluation.Quantities, Has.Count.EqualTo(3));

            var history = HistoryCsv.Read(Path.Combine(dir, "history.csv"));
            Assert.That(history.Columns, Does.Contain("q_cD").And.Contain("q_cL").And.Contain("q_dp"));
            var steps = HistoryCsv.Column(history.Columns, history.Rows, "step")!;
            var cd = HistoryCsv.Column(history.Columns, history.Rows, "q_cD")!;
            var evaluated = steps.Zip(cd).Where(s => double.IsFinite(s.Second)).Select(s => (int)s.First).ToArray();
            Assert.That(evaluated, Is.EqualTo(new[] { 3, 6, 8 }), "quantities at every evaluation step and at the end of each phase, NaN elsewhere");
            Assert.That(HistoryCsv.Column(history.Columns, history.Rows, "rel_l2"), Is.All.NaN, "relative L2 is not evaluated");
            Assert.That(cd[^1], Is.EqualTo(run.Evaluation.Quantities[0].Value).Within(1e-12), "the last row is the final network");

            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
            var root = summary.RootElement;
            Assert.That(root.GetProperty("fieldReference").GetBoolean(), Is.False);
            Assert.That(root.GetProperty("errors").GetArrayLength(), Is.Zero);
            Assert.That(root.GetProperty("errorsNote").GetString(), Does.Contain("relative L2 not evaluated"));
            var quantities = root.GetProperty("quantities").EnumerateArray().ToArray();
            Assert.That(quantities.Select(q => q.GetProperty("name").GetString()), Is.EqualTo(new[] { "cD", "cL", "dp" }));
            Assert.That(quantities[2].GetProperty("published").GetDouble(), Is.EqualTo(0.11752));
            double dp = quantities[2].GetProperty("value").GetDouble();
            Assert.That(quantities[2].GetProperty("relativeError").GetDouble(), Is.EqualTo(Math.Abs(dp - 0.11752) / 0.11752).Within(1e-12));

            Assert.That(File.Exists(Path.Combine(dir, "reference.csv")), Is.False, "no reference field is written");
            foreach (var f in new[] { "prediction.csv", "fields.vtu", "checkpoint.pt", "speed.png", "pressure.png", "centreline_horizontal.png", "quantity_cD.png", "field_u_prediction.png" })
                Assert.That(File.Exists(Path.Combine(dir, f)), Is.True, f);
            Assert.That(File.ReadAllText(Path.Combine(dir, "fields.vtu")), Does.Contain("Name=\"p\"").And.Not.Contain("p_error"));
            Assert.That(RunPlots.DrawAll(dir).Select(Path.GetFileName), Does.Contain("quantity_dp.png").And.Not.Contain("field_u_reference.png"), "pdekit plot redraws it");

            // pdekit compare shows the quantities.
            var compared = RunComparison.Load(dir, dir).Values.Select(v => v.Quantity).ToArray();
            Assert.That(compared, Does.Contain("quantity cD").And.Contain("quantity dp relative error").And.None.StartsWith("rel L2"));

            // pdekit validate reloads the same run and reports the quantities against the published values.
            var line = new SuiteCase("test.csv", 2, "cyl", entry.Name, CaseKind.Pinn, null, "quick",
                [new("model.width", "8"), new("model.depth", "2"), new("points", "64"), new("steps", "6"), new("lbfgs", "2"), new("logEvery", "3"), new("evalEvery", "3")],
                "quantity:cD", 0.01, "");
            Assert.That(PinnCase.SameRun(dir, PinnCase.Spec(line, DeviceChoice.Cpu)), Is.True);
            var outcome = PinnCase.Run(line, dir, DeviceChoice.Cpu, reuse: true, _ => { });
            var m = outcome.Measurements.Single(x => x.Metric == "quantity:cD");
            Assert.That((m.Reference, m.Comparison), Is.EqualTo(((double?)5.5795, Comparison.Relative)));
            Assert.That(m.Value, Is.EqualTo(run.Evaluation.Quantities[0].Value).Within(1e-12));
            Assert.That(outcome.Measurements.Select(x => x.Metric), Has.None.StartsWith("rel_l2").And.None.StartsWith("max_abs"));
            Assert.That(outcome.Description, Does.Contain("relative L2 not evaluated"));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [TestCase("train|cylinder-2d1|--set|problem.nu=-0.001", "nu must be a positive number")]
    [TestCase("train|cylinder-2d1|--set|problem.uMax=NaN", "not a finite number")]
    [TestCase("train|cylinder-2d1|--set|problem.re=20", "has no parameter 're'")]
    [TestCase("ablate|cylinder-2d1|--vary|points=64,128", "has no field reference")]
    public void BadCommandLinesGiveOneClearLine(string args, string expected)
    {
        var (code, _, stderr) = PdeKit.Tests.Runtime.CliProcess.Run(new Dictionary<string, string>(), args.Split('|'));
        Assert.That(code, Is.EqualTo(2), stderr);
        Assert.That(stderr, Does.Contain(expected).And.Not.Contain("   at "));
    }

    [Test]
    public void SuiteLinesSelectQuantitiesAndRefuseFieldErrors()
    {
        var problem = new NavierStokesCylinder();
        Assert.That(PinnCase.Metrics(problem), Is.EqualTo(new[] { "quantity:cD", "quantity:cL", "quantity:dp", "time_s" }));
        var line = new SuiteCase("test.csv", 2, "cyl", "cylinder-2d1", CaseKind.Pinn, null, "default", [], "rel_l2", 0.01, "");
        Assert.That(() => PinnCase.Check(line), Throws.ArgumentException.With.Message.Contains("no field reference").And.Message.Contains("quantity:cD"));
        Assert.That(() => PinnCase.Check(line with { Metric = "quantity:dp" }), Throws.Nothing);
        var full = Suites.Resolve(["full"]).Where(c => c.Problem == "cylinder-2d1").ToArray();
        Assert.That(full.Select(c => (c.Metric, c.Tolerance, c.Preset)), Is.EquivalentTo(new[] { ("quantity:cD", 0.01, "default"), ("quantity:dp", 0.01, "default") }), "issue 7: c_D and delta-p within 1%");
    }

    /// <summary>A channel flow with a field reference replaced by <see cref="NoFieldReference"/> and no quantities.</summary>
    private sealed class NoReferenceChannel : IProblem
    {
        private readonly NavierStokesChannel inner = new(100, 2);

        public string Name => "no-reference-channel";

        public Domain Domain => inner.Domain;

        public IReadOnlyList<Field> Outputs => inner.Outputs;

        public Tensor Ansatz(Coords c, Tensor net) => inner.Ansatz(c, net);

        public Tensor Residual(Coords c, Solution s) => inner.Residual(c, s);

        public IReference Reference { get; } = new NoFieldReference("test");

        public IReadOnlyList<double[]> EvaluationAxes => inner.EvaluationAxes;
    }
}
