using PdeKit.Reporting;
using PdeKit.Reporting.Validation;

namespace PdeKit.Tests.Validation;

public class ValidationReportingTests
{
    private string dir = "";

    [SetUp]
    public void MakeDir() => Directory.CreateDirectory(dir = Path.Combine(Path.GetTempPath(), "pdekit-vreport-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void RemoveDir() => Directory.Delete(dir, true);

    [TestCase(1e-4, null, 1e-3, Comparison.AtMost, ValidationStatus.Pass)]
    [TestCase(2e-3, null, 1e-3, Comparison.AtMost, ValidationStatus.Fail)]
    [TestCase(2.4012, 2.401, 1e-3, Comparison.Relative, ValidationStatus.Pass)]
    [TestCase(2.41, 2.401, 1e-3, Comparison.Relative, ValidationStatus.Fail)]
    [TestCase(5.3, 5.441, 0.2, Comparison.Absolute, ValidationStatus.Pass)]
    [TestCase(double.NaN, null, 1.0, Comparison.AtMost, ValidationStatus.Fail)]
    public void TolerancesApplyAsTheComparisonSays(double value, double? reference, double tolerance, Comparison comparison, ValidationStatus expected) =>
        Assert.That(ValidationRow.Judge(value, reference, tolerance, comparison), Is.EqualTo(expected));

    [Test]
    public void ResultsCsvRoundTripsAndNamesBadCells()
    {
        var rows = new[]
        {
            new ValidationRow("a,b", "PINN (quick)", "rel_l2:u", 0.0123456789, null, 0.05, Comparison.AtMost, ValidationStatus.Pass, 12.5, "cpu", "abc1234") { Note = "vs \"Cole-Hopf\"" },
            new ValidationRow("c", "FD", "p_wD", 2.4010223, 2.401, null, Comparison.Relative, ValidationStatus.Info, 0.1, "cpu", "unknown"),
        };
        var path = Path.Combine(dir, "results.csv");
        ValidationCsv.Write(path, rows);
        var back = ValidationCsv.Read(path);
        Assert.That(back[0] with { TimeSeconds = 0 }, Is.EqualTo(rows[0] with { TimeSeconds = 0 }));
        Assert.That(back[1].Reference, Is.EqualTo(2.401));
        Assert.That(back[1].Tolerance, Is.Null);
        File.WriteAllText(path, File.ReadAllText(path).Replace(",pass,", ",maybe,", StringComparison.Ordinal));
        Assert.That(() => ValidationCsv.Read(path), Throws.InstanceOf<InvalidDataException>().With.Message.Contains("line 2: column 'status' holds 'maybe'"));
    }

    [Test]
    public void HtmlEmbedsImagesAndEscapesTextAndMarkdownLinksThem()
    {
        var png = Path.Combine(dir, "cases", "x", "chart.png");
        Plots.Draw(png, new ChartSpec("chart.png", "t", "x", "y", [new ChartSeries("s", [1.0, 2, 3], [1.0, 4, 9]), new ChartSeries("p", [2.0], [4.0], Markers: true)]) { LogY = true });
        var row = new ValidationRow("x", "<b>m</b>", "rel_l2", 0.5, null, 0.1, Comparison.AtMost, ValidationStatus.Fail, 1, "cpu", "unknown");
        var data = new ValidationReportData("T", [new("suite", "tiny")], [new ReportSection("x", "X", "d", [row], [new ReportImage(png, "a chart")])]);
        Assert.That(data.Verdict, Is.EqualTo("1 of 1 checks FAIL (0 pass)"));
        HtmlReport.Write(Path.Combine(dir, "report.html"), data);
        var html = File.ReadAllText(Path.Combine(dir, "report.html"));
        Assert.That(html, Does.Contain("src=\"data:image/png;base64," + Convert.ToBase64String(File.ReadAllBytes(png)) + "\""));
        Assert.That(html, Does.Contain("&lt;b&gt;m&lt;/b&gt;").And.Not.Contain("<b>m</b>"));
        ValidationReport.WriteMarkdown(Path.Combine(dir, "report.md"), data);
        Assert.That(File.ReadAllText(Path.Combine(dir, "report.md")), Does.Contain("![a chart](cases/x/chart.png)").And.Contain("| FAIL |"));
        File.Delete(png);
        Assert.That(() => HtmlReport.Write(Path.Combine(dir, "r2.html"), data), Throws.InstanceOf<FileNotFoundException>().With.Message.Contains("chart.png"));
    }
}
