using System.Text.Json;
using PdeKit.Tests.Runtime;

namespace PdeKit.Tests.Validation;

public class CompareCommandTests
{
    private static readonly Dictionary<string, string> NoEnv = [];
    private string dir = "";

    [SetUp]
    public void MakeDir() => Directory.CreateDirectory(dir = Path.Combine(Path.GetTempPath(), "pdekit-compare-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void RemoveDir() => Directory.Delete(dir, true);

    private string Run(string name, double relL2, double seconds, string device, int width, double lr, bool spec = true)
    {
        var run = Path.Combine(dir, name);
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "summary.json"), JsonSerializer.Serialize(new
        {
            problem = "burgers", preset = "quick", reference = "Cole-Hopf", errors = new[] { new { field = "u", relativeL2 = relL2, maxAbs = 10 * relL2 } },
            wallSeconds = seconds, adamSteps = 1000, lbfgsIterations = 0, adamStepsPerSecond = 1000 / seconds, device, deviceName = device == "cuda" ? "NVIDIA H100" : "cpu",
            finalLoss = 1e-4, unknowns = new { }, date = "2026-11-23 12:00:00Z",
        }));
        if (spec)
        {
            File.WriteAllText(Path.Combine(run, "spec.json"), JsonSerializer.Serialize(new
            {
                problem = "burgers", problemParameters = new { nu = 0.0031830988618379067 }, preset = "quick",
                options = new { model = new { kind = "mlp", width, depth = 4 }, learningRate = lr, points = 3000, weighting = new { causalEps = new[] { 0.1, 1.0 } } },
                pdeKitVersion = "0.1.0.0",
            }));
        }

        return run;
    }

    [Test]
    public void ComparesErrorsTimesDeviceAndTheSettingsThatDiffer()
    {
        var a = Run("a", 0.02, 100, "cpu", 32, 2e-3);
        var b = Run("b", 0.005, 20, "cuda", 64, 2e-3);
        var md = Path.Combine(dir, "compare.md");
        var (code, stdout, stderr) = CliProcess.Run(NoEnv, "compare", a, b, "--out", md);
        Assert.That(code, Is.EqualTo(0), stderr);
        Assert.That(stdout, Does.Contain("rel L2 (u)").And.Contain("0.25").And.Contain("NVIDIA H100"));
        Assert.That(stdout, Does.Contain("options.model.width").And.Not.Contain("learningRate"), "only the settings that differ");
        var text = File.ReadAllText(md);
        Assert.That(text, Does.Contain("| rel L2 (u) | 0.02 | 0.005 | 0.25 |"));
        Assert.That(text, Does.Contain("| wallSeconds | 100 | 20 | 0.2 |"));
        Assert.That(text, Does.Contain("| options.model.width | 32 | 64 |"));
        Assert.That(text, Does.Contain("| device | cpu | cuda |"));

        var (jcode, json, _) = CliProcess.Run(NoEnv, "compare", a, b, "--json");
        Assert.That(jcode, Is.EqualTo(0));
        using var doc = JsonDocument.Parse(json);
        Assert.That(doc.RootElement.GetProperty("settings").EnumerateArray().Select(s => s.GetProperty("setting").GetString()), Is.EqualTo(new[] { "options.model.width" }));
    }

    [Test]
    public void IdenticalSettingsAndAMissingSpecAreSaid()
    {
        var a = Run("a", 0.02, 100, "cpu", 32, 2e-3);
        var b = Run("b", 0.03, 90, "cpu", 32, 2e-3);
        var (_, same, _) = CliProcess.Run(NoEnv, "compare", a, b);
        Assert.That(same, Does.Contain("settings: identical"));
        var c = Run("c", 0.03, 90, "cpu", 32, 2e-3, spec: false);
        var (code, stdout, _) = CliProcess.Run(NoEnv, "compare", a, c);
        Assert.That(code, Is.EqualTo(0));
        Assert.That(stdout, Does.Contain("settings not compared: a run directory has no spec.json"));
    }

    [Test]
    public void AFolderWithoutSummaryIsRejectedClearly()
    {
        var a = Run("a", 0.02, 100, "cpu", 32, 2e-3);
        var empty = Path.Combine(dir, "ablate");
        Directory.CreateDirectory(empty);
        var (code, _, stderr) = CliProcess.Run(NoEnv, "compare", a, empty);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain($"{empty} has no summary.json: it is not a finished `pdekit train` run directory"));
        File.WriteAllText(Path.Combine(empty, "summary.json"), "{ not json");
        var (code2, _, stderr2) = CliProcess.Run(NoEnv, "compare", a, empty);
        Assert.That(code2, Is.EqualTo(2));
        Assert.That(stderr2, Does.Contain("is not valid JSON"));
    }
}
