using System.Text.Json;
using PdeKit.Tests.Runtime;

namespace PdeKit.Tests.Flows;

/// <summary><c>pdekit train --curriculum</c>: the stages run in order, the spec records them, and bad curricula are rejected.</summary>
public class CliCurriculumTests
{
    private static readonly Dictionary<string, string> NoEnv = [];

    [Test]
    public void ACurriculumRunTrainsEachStageAndRecordsThem()
    {
        string dir = Path.Combine(Path.GetTempPath(), "pdekit-curriculum-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (code, stdout, stderr) = CliProcess.Run(NoEnv, "train", "kovasznay", "--preset", "quick", "--curriculum", "re=20,30,40", "--steps", "5", "--lbfgs", "0",
                "--set", "points=64", "--set", "model.width=8", "--set", "logEvery=5", "--device", "cpu", "--out", dir);
            Assert.That(code, Is.EqualTo(0), stderr);
            Assert.That(stdout, Does.Contain("curriculum stage re = 20").And.Contain("curriculum stage re = 30").And.Contain("final stage re = 40"));
            Assert.That(stdout.IndexOf("re = 20", StringComparison.Ordinal), Is.LessThan(stdout.IndexOf("re = 30", StringComparison.Ordinal)));
            using var spec = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "spec.json")));
            Assert.That(spec.RootElement.GetProperty("problemParameters").GetProperty("re").GetDouble(), Is.EqualTo(40));
            var c = spec.RootElement.GetProperty("curriculum");
            Assert.That(c.GetProperty("parameter").GetString(), Is.EqualTo("re"));
            Assert.That(c.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()), Is.EqualTo(new[] { 20.0, 30.0 }));
            // Each earlier stage keeps its own history beside the final stage's history.csv.
            foreach (var stage in new[] { "history-re-20.csv", "history-re-30.csv", "history.csv" })
            {
                var lines = File.ReadAllLines(Path.Combine(dir, stage));
                Assert.That(lines[0], Does.StartWith("step,lbfgs,time_s,lr,loss"), stage);
                Assert.That(lines, Has.Length.GreaterThanOrEqualTo(2), stage);
            }
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [TestCase("re=20", "at least two values")]
    [TestCase("nu=1,2", "has no parameter 'nu'")]
    [TestCase("re=20,abc", "not a finite number")]
    [TestCase("re", "expected NAME=v1,v2")]
    [TestCase("re=20,-40", "Reynolds number")]
    [TestCase("re=-20,40", "Reynolds number")]
    public void BadCurriculaAreRejected(string curriculum, string message)
    {
        var (code, _, stderr) = CliProcess.Run(NoEnv, "train", "kovasznay", "--preset", "quick", "--curriculum", curriculum, "--steps", "1", "--device", "cpu", "--out", Path.Combine(Path.GetTempPath(), "pdekit-never-" + Guid.NewGuid().ToString("N")));
        Assert.That(code, Is.Not.EqualTo(0));
        Assert.That(stderr, Does.Contain(message));
    }
}
