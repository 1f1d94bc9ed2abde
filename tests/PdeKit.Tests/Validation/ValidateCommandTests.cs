using System.Text.RegularExpressions;
using PdeKit.Reporting.Validation;
using PdeKit.Tests.Runtime;

namespace PdeKit.Tests.Validation;

public partial class ValidateCommandTests
{
    private static readonly Dictionary<string, string> OneThread = new() { ["OMP_NUM_THREADS"] = "1" };
    private string dir = "";

    [SetUp]
    public void MakeDir() => Directory.CreateDirectory(dir = Path.Combine(Path.GetTempPath(), "pdekit-validate-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void RemoveDir() => Directory.Delete(dir, true);

    /// <summary>A suite of reference and check lines only (seconds), plus optional extra lines.</summary>
    internal static string ReferenceSuite(string dir, string extra = "")
    {
        var path = Path.Combine(dir, "tiny.csv");
        File.WriteAllText(path, "case,problem,kind,preset,set,metric,tolerance,notes\n" +
            "veh,diffusivity-radial,check:veh-rD10,,,p_wD:fd,1e-3,published 4-5 digits\n" +
            "ei,diffusivity-radial,check:ei-table,,,max_rel_err,1e-14,\n" +
            "ac,allen-cahn,reference,,,2048-vs-4096:rel_l2,1e-5,\n" + extra);
        return path;
    }

    [Test]
    public void ReferenceCasesPassAndWriteResultsAndBothReports()
    {
        var outDir = Path.Combine(dir, "out");
        var (code, stdout, stderr) = CliProcess.Run(OneThread, "validate", "--suite", ReferenceSuite(dir), "--out", outDir);
        Assert.That(code, Is.EqualTo(0), stdout + stderr);
        Assert.That(stdout, Does.Contain("all 6 checks pass").And.Contain("report: " + Path.Combine(outDir, "report.html")));
        var rows = ValidationCsv.Read(Path.Combine(outDir, "results.csv"));
        Assert.That(rows.Where(r => r.Gated).Select(r => r.Metric), Is.EqualTo(new[]
        {
            "p_wD:fd:t_D=4", "p_wD:fd:t_D=40", "p_wD:fd:t_D=400", "max_rel_err:e1", "max_rel_err:ei", "2048-vs-4096:rel_l2",
        }));
        Assert.That(rows.Where(r => r.Gated).Select(r => r.Status), Is.All.EqualTo(ValidationStatus.Pass));
        var veh = rows.First(r => r.Metric == "p_wD:fd:t_D=40");
        Assert.That((veh.Reference, veh.Tolerance, veh.Comparison, veh.Device), Is.EqualTo(((double?)2.401, (double?)1e-3, Comparison.Relative, "cpu")));
        Assert.That(veh.Value, Is.EqualTo(2.401).Within(0.1).Percent);
        Assert.That(rows.Where(r => r.Metric.StartsWith("p_wD:laplace", StringComparison.Ordinal)).Select(r => r.Status), Is.All.EqualTo(ValidationStatus.Info), "values no line selects are kept for information");
        Assert.That(rows.Select(r => r.Commit).Distinct().Single(), Does.Match("^([0-9a-f]{7,}(-dirty)?|unknown)$"));
        Assert.That(File.ReadAllLines(Path.Combine(outDir, "results.csv"))[0], Is.EqualTo("case,method,metric,value,reference,tolerance,comparison,status,time_s,device,commit,note"));

        var md = File.ReadAllText(Path.Combine(outDir, "report.md"));
        Assert.That(md, Does.Contain("**Result: all 6 checks pass.**").And.Contain("![").And.Contain("(cases/veh/veh_loglog.png)"));
        var html = File.ReadAllText(Path.Combine(outDir, "report.html"));
        var sources = ImageSources().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.That(sources, Has.Count.EqualTo(5), "veh log-log, Ei errors, and three Allen-Cahn field plots");
        Assert.That(sources, Is.All.StartsWith("data:image/png;base64,"), "self-contained: every image embedded");
        foreach (var s in sources)
            Assert.That(Convert.FromBase64String(s["data:image/png;base64,".Length..]).Take(4), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47 }), "a PNG");
        Assert.That(html, Does.Contain("class=\"pass\">PASS"));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "suite.csv")), Does.Contain("tiny.csv, line 2"));
    }

    [Test]
    public void AMissedToleranceFailsTheExitCodeAndIsMarked()
    {
        var suite = ReferenceSuite(dir, "too-tight,diffusivity-radial,check:ei-table,,,max_rel_err:e1,0,exact agreement cannot hold\n");
        var outDir = Path.Combine(dir, "out");
        var (code, stdout, stderr) = CliProcess.Run(OneThread, "validate", "--suite", suite, "--out", outDir, "--json");
        Assert.That(code, Is.EqualTo(1), stdout + stderr);
        Assert.That(stdout, Does.Contain("\"failures\": 1"));
        var rows = ValidationCsv.Read(Path.Combine(outDir, "results.csv"));
        var failed = rows.Single(r => r.Status == ValidationStatus.Fail);
        Assert.That((failed.Case, failed.Metric, failed.Tolerance), Is.EqualTo(("too-tight", "max_rel_err:e1", (double?)0.0)));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "report.md")), Does.Contain("1 of 7 checks FAIL").And.Contain("| FAIL |"));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "report.html")), Does.Contain("class=\"fail\">FAIL"));
    }

    [Test]
    public void ACaseThatCannotRunIsAnErrorNotACrash()
    {
        var suite = ReferenceSuite(dir, "lee,diffusivity-radial,check:lee-2.12-fit,,data=missing.csv,k,0.02,\n");
        var outDir = Path.Combine(dir, "out");
        var (code, stdout, stderr) = CliProcess.Run(OneThread, "validate", "--suite", suite, "--out", outDir);
        Assert.That(code, Is.EqualTo(1), stdout + stderr);
        var error = ValidationCsv.Read(Path.Combine(outDir, "results.csv")).Single(r => r.Status == ValidationStatus.Error);
        Assert.That(error.Note, Does.Contain("data=missing.csv: no such file"));
        Assert.That(stdout, Does.Contain("ERROR"));
    }

    [TestCase("validate|--suite|nope", "unknown suite 'nope'")]
    [TestCase("validate|--suite|/nonexistent/suite.csv", "suite file /nonexistent/suite.csv does not exist")]
    [TestCase("validate|--device|tpu", "unknown device 'tpu'")]
    [TestCase("compare|/nonexistent/a|/nonexistent/b", "run directory /nonexistent/a does not exist")]
    public void BadInputsGiveOneClearLine(string args, string expected)
    {
        var (code, _, stderr) = CliProcess.Run(OneThread, args.Split('|'));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain(expected));
        Assert.That(stderr, Does.Not.Contain("   at "), "no stack trace");
    }

    [Test]
    public void BadSuiteLinesStopBeforeAnythingRuns()
    {
        var path = Path.Combine(dir, "bad.csv");
        File.WriteAllText(path, "case,problem,kind,preset,set,metric,tolerance,notes\nx,burgers,pinn,quick,,rel_l2,tiny,\n");
        var (code, _, stderr) = CliProcess.Run(OneThread, "validate", "--suite", path, "--out", Path.Combine(dir, "out"));
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("bad.csv, line 2: tolerance 'tiny' is not a finite non-negative number"));
        Assert.That(Directory.Exists(Path.Combine(dir, "out")), Is.False);
    }

    [Test]
    public void APinnCaseTrainsIntoARunDirectoryAndIsLoadedTheSecondTime()
    {
        var path = Path.Combine(dir, "pinn.csv");
        File.WriteAllText(path, "case,problem,kind,preset,set,metric,tolerance,notes\n" +
            "tiny,burgers,pinn,quick,steps=30;lbfgs=5;points=128;model.width=8;evalEvery=10,rel_l2,10,\n" +
            "tiny-max,burgers,pinn,quick,steps=30;lbfgs=5;points=128;model.width=8;evalEvery=10,max_abs,100,\n");
        var outDir = Path.Combine(dir, "out");
        var (code, stdout, stderr) = CliProcess.Run(OneThread, "validate", "--suite", path, "--out", outDir, "--device", "cpu");
        Assert.That(code, Is.EqualTo(0), stdout + stderr);
        Assert.That(Regex.Matches(stdout, "training burgers"), Has.Count.EqualTo(1), "two lines, one training");
        var run = Path.Combine(outDir, "cases", "tiny");
        foreach (var f in new[] { "spec.json", "summary.json", "checkpoint.pt", "history.csv", "field_abs_error.png", "slices.png", "loss.png" })
            Assert.That(File.Exists(Path.Combine(run, f)), Is.True, f);
        var rows = ValidationCsv.Read(Path.Combine(outDir, "results.csv"));
        var first = rows.Single(r => r.Metric == "rel_l2:u");
        Assert.That(rows.Single(r => r.Metric == "max_abs:u").Case, Is.EqualTo("tiny-max"));
        Assert.That(first.Method, Is.EqualTo("PINN (quick)"));
        Assert.That(File.ReadAllText(Path.Combine(outDir, "report.html")), Does.Contain("id=\"case-tiny-max\""), "the second line links to the shared section");

        var (code2, stdout2, stderr2) = CliProcess.Run(OneThread, "validate", "--suite", path, "--out", outDir, "--device", "cpu");
        Assert.That(code2, Is.EqualTo(0), stdout2 + stderr2);
        Assert.That(stdout2, Does.Contain("loading").And.Not.Contain("training burgers"));
        var again = ValidationCsv.Read(Path.Combine(outDir, "results.csv")).Single(r => r.Metric == "rel_l2:u");
        Assert.That(again.Method, Is.EqualTo("PINN (quick, loaded)"));
        Assert.That(again.Value, Is.EqualTo(first.Value), "the checkpoint evaluates to the same error");
    }

    [GeneratedRegex("<img [^>]*src=\"([^\"]*)\"")]
    private static partial Regex ImageSources();
}
