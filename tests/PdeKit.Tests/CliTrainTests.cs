using System.Text.Json;
using PdeKit.Tests.Runtime;

namespace PdeKit.Tests;

public class CliTrainTests
{
    private static readonly Dictionary<string, string> NoEnv = [];

    [Test]
    public void ASyntheticInverseRunPrintsItsUnknownsBesideTheTruth()
    {
        string dir = Path.Combine(Path.GetTempPath(), "pdekit-run-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, stdout, stderr) = CliProcess.Run(NoEnv, "train", "diffusivity-sealing", "--preset", "quick", "--steps", "5", "--lbfgs", "0",
                "--set", "points=64", "--set", "model.width=8", "--set", "problem.start=1.5", "--device", "cpu", "--out", dir);
            Assert.That(code, Is.EqualTo(0), stderr);
            Assert.That(stdout, Does.Match(@"unknown L = 1\.[0-9]+ \(true 2, -2[0-9]\.[0-9]{2}%\)"), stdout);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Test]
    public void TrainWritesACompleteReplayableRunDirectory()
    {
        string dir = Path.Combine(Path.GetTempPath(), "pdekit-run-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, stdout, stderr) = CliProcess.Run(NoEnv, "train", "burgers", "--preset", "quick", "--steps", "30", "--lbfgs", "5",
                "--set", "points=256", "--set", "model.width=8", "--set", "logEvery=10", "--set", "checkpointEvery=15", "--device", "cpu", "--out", dir, "--json");
            Assert.That(code, Is.EqualTo(0), stderr);
            foreach (var f in new[] { "spec.json", "history.csv", "prediction.csv", "reference.csv", "checkpoint.pt", "summary.json",
                         "field_prediction.png", "field_reference.png", "field_abs_error.png", "slices.png", "loss.png" })
                Assert.That(File.Exists(Path.Combine(dir, f)), Is.True, f);
            Assert.That(Directory.GetFiles(Path.Combine(dir, "checkpoints")).Select(Path.GetFileName), Is.EquivalentTo(new[] { "step-15.pt", "step-30.pt" }));
            Assert.That(Directory.GetDirectories(Path.GetDirectoryName(dir)!, Path.GetFileName(dir) + ".partial*"), Is.Empty, "no staging folder left");
            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "summary.json")));
            Assert.That(summary.RootElement.GetProperty("errors")[0].GetProperty("relativeL2").GetDouble(), Is.GreaterThan(0).And.LessThan(10));
            using var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "spec.json")));
            Assert.That(spec.RootElement.GetProperty("options").GetProperty("model").GetProperty("width").GetInt32(), Is.EqualTo(8));
            Assert.That(stdout, Does.Contain("runDirectory"));

            // Replay from the spec into a second folder: same settings, same seed, same loss.
            string replay = dir + "-replay";
            var (code2, _, stderr2) = CliProcess.Run(NoEnv, "train", "--spec", Path.Combine(dir, "spec.json"), "--out", replay, "--json");
            Assert.That(code2, Is.EqualTo(0), stderr2);
            using var s2 = JsonDocument.Parse(File.ReadAllText(Path.Combine(replay, "summary.json")));
            Assert.That(s2.RootElement.GetProperty("finalLoss").GetDouble(), Is.EqualTo(summary.RootElement.GetProperty("finalLoss").GetDouble()));
            Directory.Delete(replay, true);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [TestCase("train|heat", "unknown problem 'heat'")]
    [TestCase("train|burgers|--set|model.width=abc", "expected a finite number")]
    [TestCase("train|burgers|--set|widht=3", "unknown setting 'widht'")]
    [TestCase("train|diffusivity-sealing|--steps|1|--lbfgs|0|--set|points=16|--set|weighting.weights.nosuch=2", "weighting.weights names nosuch, but the problem's loss terms are residual, face_flux, no_flow, data")]
    [TestCase("train|diffusivity-sealing|--steps|0|--lbfgs|2|--set|points=16|--set|weighting.weights.nosuch=2", "weighting.weights names nosuch, but the problem's loss terms are residual, face_flux, no_flow, data")]
    [TestCase("train|burgers|--set|weighting.weights.initial=abc", "--set weighting.weights.initial=abc: expected a finite number")]
    [TestCase("train|burgers|--set|problem.nu=-1", "nu must be a positive number")]
    [TestCase("train|burgers|--set|problem.nu=NaN", "not a finite number")]
    [TestCase("train|burgers|--set|points=0", "points must be at least 1")]
    [TestCase("train|burgers|--preset|fastest", "no preset 'fastest'")]
    [TestCase("train|burgers|--set|engine=forward", "expected one of: autograd, jet, auto")]
    [TestCase("train|burgers|--set|optimizer.weightDecay=-1", "optimizer.weightDecay must be a non-negative number")]
    [TestCase("train|burgers|--device|tpu", "unknown device 'tpu'")]
    [TestCase("train|burgers|--spec|/nonexistent/spec.json", "does not exist")]
    [TestCase("plot|/nonexistent/run", "pdekit train")]
    [TestCase("train|burgers|--set|weighting.causalEps=1;0.1", "non-decreasing")]
    [TestCase("train|burgers|--set|sampling.method=rad|--set|resampleEvery=0", "needs resampleEvery > 0")]
    [TestCase("ablate|burgers|--vary|weighting=none,magic", "unknown weighting 'magic'")]
    [TestCase("ablate|burgers|--vary|sampling", "--vary expects key=v1,v2")]
    [TestCase("ablate|burgers|--vary|points=1|--vary|points=2", "given twice")]
    [TestCase("ablate|burgers|--vary|model.width=8,0", "model width must be at least 1")]
    [TestCase("ablate|burgers|--seeds|0", "--seeds must be at least 1")]
    [TestCase("ablate|burgers|--vary|problem.nu=0.01,-1", "nu must be a positive number")]
    [TestCase("ablate|burgers|--vary|problem.mu=1,2", "has no parameter 'mu'")]
    [TestCase("fit-welltest|/nonexistent.csv|--rate|1|--fvf|1|--viscosity|1|--porosity|0.1|--ct|1e-5|--rw|0.3|--thickness|10|--initial-pressure|3000", "does not exist")]
    [TestCase("fit-welltest|x.csv|--rate|-1|--fvf|1|--viscosity|1|--porosity|0.1|--ct|1e-5|--rw|0.3|--thickness|10|--initial-pressure|3000", "rate")]
    [TestCase("fit-welltest|x.csv|--rate|1|--fvf|1|--viscosity|1|--porosity|0.1|--ct|1e-5|--rw|0.3|--thickness|10|--initial-pressure|3000|--boundary|fault", "--boundary must be infinite or closed")]
    public void BadInputsGiveOneClearLine(string args, string expected)
    {
        var (code, _, stderr) = CliProcess.Run(NoEnv, args.Split('|'));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain(expected));
        Assert.That(stderr, Does.Not.Contain("   at "), "no stack trace");
    }
}
