using System.Text.Json;
using PdeKit.Numerics.Operators;
using PdeKit.Tests.Runtime;

namespace PdeKit.Tests.Operators;

public class OperatorCliTests
{
    private static readonly Dictionary<string, string> NoEnv = [];

    [Test]
    public void Data_then_train_writes_a_complete_replayable_operator_run()
    {
        string root = Path.Combine(Path.GetTempPath(), "pdekit-op-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            string file = Path.Combine(root, "darcy.h5");
            var (code, stdout, stderr) = CliProcess.Run(NoEnv, "data", "darcy", "--n", "24", "--res", "9,17", "--seed", "3", "--out", file, "--json");
            Assert.That(code, Is.EqualTo(0), stderr);
            Assert.That(stdout, Does.Contain("\"count\": 24"));
            Assert.That(OperatorDataFile.Resolutions(file), Is.EqualTo(new[] { 9, 17 }));

            string run = Path.Combine(root, "run");
            (code, stdout, stderr) = CliProcess.Run(NoEnv, "train", "fno-darcy", "--preset", "quick", "--device", "cpu", "--steps", "2", "--set", $"data={file}",
                "--set", "train=16", "--set", "test=8", "--set", "resolution=17", "--set", "evalResolutions=9;17", "--set", "model.width=4", "--set", "model.modes=3",
                "--set", "training.pinoWeight=0.01", "--set", "solverTimingSamples=2", "--set", "plotSamples=1", "--out", run, "--json");
            Assert.That(code, Is.EqualTo(0), stderr);
            foreach (var f in new[] { "spec.json", "summary.json", "history.csv", "model.bin", "normalizer.json", "error_vs_resolution.csv", "error_vs_resolution.md", "loss.png", "test_error.png", "sample0_input.png", "sample0_truth.png", "sample0_prediction.png", "sample0_error.png" })
            {
                Assert.That(File.Exists(Path.Combine(run, f)), Is.True, f);
            }

            using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "summary.json")));
            var table = summary.RootElement.GetProperty("errorVsResolution");
            Assert.That(table.GetArrayLength(), Is.EqualTo(2));
            Assert.That(table[0].GetProperty("zeroShot").GetBoolean(), Is.True);
            Assert.That(summary.RootElement.GetProperty("throughputRatio").GetDouble(), Is.GreaterThan(0));
            Assert.That(File.ReadAllLines(Path.Combine(run, "history.csv")), Has.Length.EqualTo(3));

            string replay = Path.Combine(root, "replay");
            (code, _, stderr) = CliProcess.Run(NoEnv, "train", "--spec", Path.Combine(run, "spec.json"), "--out", replay, "--json");
            Assert.That(code, Is.EqualTo(0), stderr);
            using var again = JsonDocument.Parse(File.ReadAllText(Path.Combine(replay, "summary.json")));
            Assert.That(again.RootElement.GetProperty("finalTrainRelativeL2").GetDouble(), Is.EqualTo(summary.RootElement.GetProperty("finalTrainRelativeL2").GetDouble()).Within(1e-6));
        }
        finally
        {
            if (Directory.Exists(root)) Directory.Delete(root, true);
        }
    }

    [TestCase("data|heat", "unknown data set 'heat'")]
    [TestCase("data|burgers-operator|--n|2|--res|100", "power of two")]
    [TestCase("data|darcy|--n|2|--res|9,12", "divisible")]
    [TestCase("data|darcy|--n|0", "at least one sample")]
    [TestCase("data|burgers-operator|--n|2|--res|16|--nu|NaN", "viscosity nu must be finite")]
    [TestCase("data|burgers-operator|--n|2|--res|16|--grf|625,5", "three numbers")]
    [TestCase("data|burgers-operator|--n|2|--res|16|--grf|-1,5,2", "sigma^2 must be finite and positive")]
    [TestCase("train|fno-burgers|--set|training.epochs=0", "epochs must be at least 1")]
    [TestCase("train|fno-burgers|--set|model.modez=3", "unknown setting 'modez'")]
    [TestCase("train|fno-burgers|--set|training.pinoWeight=1|--set|train=2|--set|test=1|--set|resolution=16|--set|evalResolutions=16", "PINO")]
    [TestCase("train|fno-darcy|--set|data=/no/such/file.h5", "not found")]
    [TestCase("train|fno-darcy|--lbfgs|5", "--lbfgs does not apply")]
    public void Bad_operator_commands_fail_with_a_clear_message(string args, string message)
    {
        var (code, _, stderr) = CliProcess.Run(NoEnv, args.Split('|'));
        Assert.That(code, Is.EqualTo(2), stderr);
        Assert.That(stderr, Does.Contain(message));
    }
}
