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
    public void UnknownCommandsFailWithUsage()
    {
        var (code, _, stderr) = CliProcess.Run(new Dictionary<string, string>(), "frobnicate");
        Assert.That(code, Is.Not.EqualTo(0));
        Assert.That(stderr, Does.Contain("frobnicate"));
    }
}
