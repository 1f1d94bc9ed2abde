using PdeKit.Tests.Runtime;

namespace PdeKit.Tests;

public class CliTests
{
    [Test]
    public void DoctorReportsAPassingCpuCheckAsJson()
    {
        var (code, stdout, stderr) = CliProcess.Run(new Dictionary<string, string>(), "doctor", "--json");
        Assert.That(code, Is.EqualTo(0), stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        Assert.That(doc.RootElement.GetProperty("ok").GetBoolean(), Is.True);
        var cpu = doc.RootElement.GetProperty("autograd").EnumerateArray().First();
        Assert.That(cpu.GetProperty("device").GetString(), Is.EqualTo("cpu"));
        Assert.That(cpu.GetProperty("passed").GetBoolean(), Is.True);
    }

    [Test]
    public void ListShowsTheProblemsAndTheOperatorTasks()
    {
        var (code, stdout, stderr) = CliProcess.Run(new Dictionary<string, string>(), "list", "--json");
        Assert.That(code, Is.EqualTo(0), stderr);
        using var doc = System.Text.Json.JsonDocument.Parse(stdout);
        var rows = doc.RootElement.EnumerateArray().Select(e => (Name: e.GetProperty("name").GetString(), Kind: e.GetProperty("kind").GetString())).ToList();
        Assert.That(rows.Where(r => r.Kind == "pinn").Select(r => r.Name), Is.EqualTo(PdeKit.Problems.ProblemCatalog.Entries.Select(e => e.Name)));
        Assert.That(rows.Where(r => r.Kind == "operator").Select(r => r.Name), Is.EqualTo(new[] { "fno-burgers", "fno-darcy", "deeponet-burgers", "fno-burgers-nu" }));
        // Every listed operator task is one that pdekit train takes.
        foreach (var (name, _, _) in PdeKit.Cli.Commands.ListCommand.OperatorTasks)
            Assert.That(PdeKit.Cli.OperatorRunSettings.ParseTask(name), Is.Not.Null, name);
    }

    [Test]
    public void UnknownCommandsFailWithUsage()
    {
        var (code, _, stderr) = CliProcess.Run(new Dictionary<string, string>(), "frobnicate");
        Assert.That(code, Is.Not.EqualTo(0));
        Assert.That(stderr, Does.Contain("frobnicate"));
    }
}
