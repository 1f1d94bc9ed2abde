using PdeKit.Cli.Validation;
using PdeKit.Cli.Validation.Checks;
using PdeKit.Problems;

namespace PdeKit.Tests.NavierStokes;

/// <summary>The validation check <c>check:ghia-cavity</c> (suite lines need the catalogue's cavity problem).</summary>
public class GhiaCavityCheckTests
{
    private static string DataDirectory => Path.GetFullPath(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../../../../shared/data"));

    [Test]
    public void TheCheckMeasuresTheCentrelineDeviationsFromGhia()
    {
        var check = CheckRegistry.Find("ghia-cavity");
        Assert.That(check, Is.InstanceOf<GhiaCavityCheck>());

        // The check ignores the catalogue entry (any entry will do here); 33 nodes keep the test fast.
        var context = new CheckContext(ProblemCatalog.Find("burgers"), new Dictionary<string, string> { ["re"] = "100", ["n"] = "33", ["data"] = DataDirectory }, TestContext.CurrentContext.TestDirectory);
        var result = check.Run(context);
        var byMetric = result.Measurements.ToDictionary(m => m.Metric, m => m.Value);
        TestContext.Out.WriteLine($"33 nodes, Re 100: max_dev_u {byMetric["max_dev_u"]:F5}, max_dev_v {byMetric["max_dev_v"]:F5}, steps {byMetric["steps"]}");
        Assert.That(byMetric["max_dev_u"], Is.InRange(1e-4, 0.02));
        Assert.That(byMetric["max_dev_v"], Is.InRange(1e-4, 0.03));
        Assert.That(result.Charts, Has.Count.EqualTo(2));
    }

    [Test]
    public void AReynoldsNumberWithoutATableIsAMissingFile()
    {
        var context = new CheckContext(ProblemCatalog.Find("burgers"), new Dictionary<string, string> { ["re"] = "250", ["data"] = DataDirectory }, TestContext.CurrentContext.TestDirectory);
        var e = Assert.Throws<FileNotFoundException>(() => CheckRegistry.Find("ghia-cavity").Run(context));
        Assert.That(e!.Message, Does.Contain("ghia1982_u_re250.csv"));
    }
}
