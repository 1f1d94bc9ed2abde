using PdeKit.Tests.Runtime;

namespace PdeKit.Tests.NavierStokes;

/// <summary><c>pdekit reference cavity</c>: the finite-difference cavity against Ghia et al. (1982) from the command line.</summary>
public class CavityCliTests
{
    [Test]
    public void ReferenceCavityWritesFieldsPlotsAndTheGhiaDeviation()
    {
        string dir = Path.Combine(Path.GetTempPath(), "pdekit-cavity-" + Guid.NewGuid().ToString("N"));
        try
        {
            var env = new Dictionary<string, string> { ["PDEKIT_DATA"] = Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../../../../shared/data")) };
            var (code, stdout, stderr) = CliProcess.Run(env, "reference", "cavity", "--re", "100", "--n", "33", "--out", dir, "--json");
            Assert.That(code, Is.EqualTo(0), stderr);
            using var doc = System.Text.Json.JsonDocument.Parse(stdout);
            var root = doc.RootElement;
            Assert.That(root.GetProperty("converged").GetBoolean(), Is.True);

            // 33 x 33 nodes are coarse: measured 0.89 % (u) and 0.73 % (v) of the lid speed from Ghia's Re = 100 tables.
            Assert.That(root.GetProperty("maxDevU").GetDouble(), Is.LessThan(0.02));
            Assert.That(root.GetProperty("maxDevV").GetDouble(), Is.LessThan(0.03));
            foreach (var file in new[] { "centreline_u.csv", "centreline_v.csv", "centreline_u_vs_ghia.csv", "centreline_v_vs_ghia.csv", "fields.csv", "fields.vtu", "speed.png", "pressure.png", "centreline_u.png", "centreline_v.png" })
            {
                Assert.That(File.Exists(Path.Combine(dir, file)), Is.True, file);
            }

            var ghiaRows = File.ReadAllLines(Path.Combine(dir, "centreline_u_vs_ghia.csv"));
            Assert.That(ghiaRows[0], Is.EqualTo("y,u_ghia,u_fd,deviation"));
            Assert.That(ghiaRows, Has.Length.EqualTo(18));
            Assert.That(File.ReadAllLines(Path.Combine(dir, "fields.csv")), Has.Length.EqualTo((33 * 33) + 1));
        }
        finally
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, true);
            }
        }
    }

    [Test]
    public void BadCavityOptionsFailWithAMessage()
    {
        var none = new Dictionary<string, string>();
        var (code, _, stderr) = CliProcess.Run(none, "reference", "cavity", "--lid", "wavy");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("--lid must be uniform or smoothed"));
        (code, _, stderr) = CliProcess.Run(none, "reference", "cavity", "--re", "-1");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("Re must be finite and positive"));
        (code, _, stderr) = CliProcess.Run(none, "reference", "burgers", "--re", "100");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("apply to 'pdekit reference cavity' only"));
    }
}
