using System.Text.Json;
using PdeKit.Tests.Runtime;

namespace PdeKit.Tests;

public class CliAblateTests
{
    private static readonly Dictionary<string, string> NoEnv = [];

    [Test]
    public void AblateRunsTheGridWithSeedsAndWritesTablesAndAPlot()
    {
        string dir = Path.Combine(Path.GetTempPath(), "pdekit-ablate-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, stdout, stderr) = CliProcess.Run(NoEnv, "ablate", "burgers", "--vary", "weighting=none,causal", "--vary", "sampling=uniform,rad",
                "--seeds", "2", "--steps", "20", "--lbfgs", "0", "--eval-every", "10", "--set", "points=128", "--set", "model.width=8",
                "--set", "resampleEvery=10", "--device", "cpu", "--target", "10", "--out", dir, "--json");
            Assert.That(code, Is.EqualTo(0), stderr);
            foreach (var f in new[] { "spec.json", "runs.csv", "curves.csv", "summary.csv", "summary.md", "error_vs_step.png" })
                Assert.That(File.Exists(Path.Combine(dir, f)), Is.True, f);
            var runs = File.ReadAllLines(Path.Combine(dir, "runs.csv"));
            Assert.That(runs, Has.Length.EqualTo(1 + 4 * 2));
            Assert.That(runs.Skip(1).Select(l => l.Split(',')[1]).Distinct(), Is.EquivalentTo(new[] { "1234", "1235" }));
            // A target of 10 is reached at the first evaluation (step 10) by every run.
            Assert.That(runs.Skip(1).Select(l => l.Split(',')[^1]), Is.All.EqualTo("10"));
            var summary = File.ReadAllLines(Path.Combine(dir, "summary.csv"));
            Assert.That(summary.Skip(1).Select(l => l.Split(',')[0]), Is.EqualTo(new[]
            {
                "weighting=none sampling=uniform", "weighting=none sampling=rad", "weighting=causal sampling=uniform", "weighting=causal sampling=rad",
            }));
            Assert.That(File.ReadAllText(Path.Combine(dir, "summary.md")), Does.Contain("| weighting=causal sampling=rad |"));
            Assert.That(File.ReadAllLines(Path.Combine(dir, "curves.csv")), Has.Length.EqualTo(1 + 8 * 2), "steps 10 and 20 for each of 8 runs");
            using var json = JsonDocument.Parse(stdout);
            Assert.That(json.RootElement.GetProperty("summary").GetArrayLength(), Is.EqualTo(4));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Test]
    public void AblateVariesProblemParametersAndReportsUnknowns()
    {
        string dir = Path.Combine(Path.GetTempPath(), "pdekit-ablate-inv-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, _, stderr) = CliProcess.Run(NoEnv, "ablate", "diffusivity-radial-inverse", "--vary", "problem.kappaStart=1,1.5",
                "--seeds", "1", "--steps", "3", "--lbfgs", "0", "--set", "points=64", "--set", "model.width=4", "--device", "cpu", "--out", dir);
            Assert.That(code, Is.EqualTo(0), stderr);
            var runs = File.ReadAllLines(Path.Combine(dir, "runs.csv"));
            Assert.That(runs[0], Does.EndWith(",unknown_kappa"));
            var kappas = runs.Skip(1).Select(l => double.Parse(l.Split(',')[^1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            Assert.That(kappas[0], Is.EqualTo(1.0).Within(0.05), "three small steps from the start value");
            Assert.That(kappas[1], Is.EqualTo(1.5).Within(0.08));
            Assert.That(File.ReadAllText(Path.Combine(dir, "summary.md")), Does.Contain("| variant | kappa |"));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Test]
    public void AblateRefusesCausalWeightingOnAProblemWithoutTimeBeforeTraining()
    {
        string dir = Path.Combine(Path.GetTempPath(), "pdekit-ablate-causal-" + Guid.NewGuid().ToString("N"));
        var (code, _, stderr) = CliProcess.Run(NoEnv, "ablate", "poisson-square", "--vary", "weighting=none,causal", "--steps", "5", "--out", dir);
        Assert.That(code, Is.Not.EqualTo(0));
        Assert.That(stderr, Does.Contain("poisson-square has no time axis, so causal weighting does not apply"));
        Assert.That(Directory.Exists(dir), Is.False, "nothing trained, nothing written");
    }

    [Test]
    public void FitWellTestInterpretsTheLeeDrawdownAndWritesPlots()
    {
        string dir = Path.Combine(Path.GetTempPath(), "pdekit-fit-" + Guid.NewGuid().ToString("N"));
        string csv = Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../../../../shared/data/lee2003_example_2_12_drawdown.csv");
        try
        {
            var (code, stdout, stderr) = CliProcess.Run(NoEnv, "fit-welltest", csv, "--time", "t_hr", "--pressure", "p_psia_derived",
                "--rate", "250", "--fvf", "1.136", "--viscosity", "0.8", "--porosity", "0.039", "--ct", "17e-6", "--rw", "0.198",
                "--thickness", "69", "--initial-pressure", "4412", "--out", dir, "--json");
            Assert.That(code, Is.EqualTo(0), stderr);
            foreach (var f in new[] { "spec.json", "fit.json", "fit.csv", "loglog.png", "semilog.png" })
                Assert.That(File.Exists(Path.Combine(dir, f)), Is.True, f);
            using var json = JsonDocument.Parse(stdout);
            var result = json.RootElement.GetProperty("result");
            Assert.That(result.GetProperty("converged").GetBoolean(), Is.True);
            Assert.That(result.GetProperty("permeabilityMd").GetDouble(), Is.InRange(5.0, 9.0));
            Assert.That(File.ReadAllLines(Path.Combine(dir, "fit.csv")), Has.Length.EqualTo(38));
            var (bad, _, err) = CliProcess.Run(NoEnv, "fit-welltest", csv, "--time", "t_hr", "--pressure", "p_psi",
                "--rate", "250", "--fvf", "1.136", "--viscosity", "0.8", "--porosity", "0.039", "--ct", "17e-6", "--rw", "0.198",
                "--thickness", "69", "--initial-pressure", "4412", "--out", dir + "-bad");
            Assert.That(bad, Is.EqualTo(2));
            Assert.That(err, Does.Contain("no column named 'p_psi'"));
            Assert.That(Directory.Exists(dir + "-bad"), Is.False, "nothing half-written");
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Test]
    public void FitWellTestWithThePinnMethodReportsBothEstimatesOnTheSameWindow()
    {
        string dir = Path.Combine(Path.GetTempPath(), "pdekit-fitpinn-" + Guid.NewGuid().ToString("N"));
        string csv = Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../../../../shared/data/lee2003_example_2_12_drawdown.csv");
        string[] common = ["fit-welltest", csv, "--time", "t_hr", "--pressure", "p_psia_derived", "--rate", "250", "--fvf", "1.136", "--viscosity", "0.8",
            "--porosity", "0.039", "--ct", "17e-6", "--rw", "0.198", "--thickness", "69", "--initial-pressure", "4412"];
        try
        {
            // A smoke run (a few steps, two seeds): the plumbing, not the accuracy (measured in the README).
            var (code, stdout, stderr) = CliProcess.Run(NoEnv, [.. common, "--method", "pinn", "--no-storage", "--from", "10", "--to", "100",
                "--seeds", "2", "--steps", "5", "--lbfgs", "2", "--device", "cpu", "--out", dir, "--json"]);
            Assert.That(code, Is.EqualTo(0), stderr);
            using var json = JsonDocument.Parse(stdout);
            var result = json.RootElement.GetProperty("result");
            Assert.That(result.GetProperty("samples").GetInt32(), Is.EqualTo(11), "14.4 to 89.1 h");
            var pinn = result.GetProperty("pinn");
            Assert.That(pinn.GetProperty("runs").GetArrayLength(), Is.EqualTo(2));
            Assert.That(pinn.GetProperty("permeabilityMd").GetDouble(), Is.GreaterThan(0));
            Assert.That(File.ReadAllLines(Path.Combine(dir, "fit.csv"))[0], Does.EndWith(",dp_pinn_psi"));
            Assert.That(File.Exists(Path.Combine(dir, "loglog.png")), Is.True);

            var (bad, _, err) = CliProcess.Run(NoEnv, [.. common, "--method", "pinn", "--boundary", "closed", "--out", dir + "-bad"]);
            Assert.That(bad, Is.EqualTo(2));
            Assert.That(err, Does.Contain("--method pinn fits the infinite-acting model"));
            (bad, _, err) = CliProcess.Run(NoEnv, [.. common, "--method", "magic", "--out", dir + "-bad"]);
            Assert.That(err, Does.Contain("--method must be lm or pinn"));
            (bad, _, err) = CliProcess.Run(NoEnv, [.. common, "--from", "500", "--out", dir + "-bad"]);
            Assert.That(err, Does.Contain("keep 0 of 37 samples"));
            (bad, _, err) = CliProcess.Run(NoEnv, [.. common, "--method", "pinn", "--no-storage", "--start", "12", "--out", dir + "-bad"]);
            Assert.That(err, Does.Contain("--start 12: expected k,S (no storage), got 1 values"));
            (bad, _, err) = CliProcess.Run(NoEnv, [.. common, "--method", "pinn", "--start", "12,abc,0.01", "--out", dir + "-bad"]);
            Assert.That(err, Does.Contain("'abc' is not a finite number"));
            (bad, _, err) = CliProcess.Run(NoEnv, [.. common, "--method", "pinn", "--no-storage", "--start", "-3,1", "--out", dir + "-bad"]);
            Assert.That(err, Does.Contain("k must be positive"));
            Assert.That(Directory.Exists(dir + "-bad"), Is.False, "nothing half-written");
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Test]
    public void TrainSpecReplayTakesDeviceStepsAndSetOverrides()
    {
        string dir = Path.Combine(Path.GetTempPath(), "pdekit-spec-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, _, stderr) = CliProcess.Run(NoEnv, "train", "burgers", "--preset", "quick", "--steps", "5", "--lbfgs", "0",
                "--set", "points=64", "--set", "model.width=8", "--device", "cpu", "--out", dir, "--json");
            Assert.That(code, Is.EqualTo(0), stderr);
            string replay = dir + "-replay";
            var (code2, _, stderr2) = CliProcess.Run(NoEnv, "train", "--spec", Path.Combine(dir, "spec.json"), "--steps", "7",
                "--set", "weighting.causal=true", "--set", "weighting.causalEps=0.1;1", "--out", replay, "--json");
            Assert.That(code2, Is.EqualTo(0), stderr2);
            using var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(replay, "spec.json")));
            var o = spec.RootElement.GetProperty("options");
            Assert.That(o.GetProperty("adamSteps").GetInt32(), Is.EqualTo(7));
            Assert.That(o.GetProperty("weighting").GetProperty("causal").GetBoolean(), Is.True);
            Assert.That(o.GetProperty("weighting").GetProperty("causalEps").EnumerateArray().Select(e => e.GetDouble()), Is.EqualTo(new[] { 0.1, 1.0 }));
            Assert.That(File.ReadAllLines(Path.Combine(replay, "history.csv"))[0], Does.Contain("weight_causal_min_w"));
            var (code3, _, stderr3) = CliProcess.Run(NoEnv, "train", "--spec", Path.Combine(dir, "spec.json"), "--set", "problem.nu=0.1", "--out", replay);
            Assert.That(code3, Is.EqualTo(2));
            Assert.That(stderr3, Does.Contain("--spec fixes the problem parameters"));
            Directory.Delete(replay, true);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}
