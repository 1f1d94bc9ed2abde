using PdeKit.Tests.Runtime;

namespace PdeKit.Tests.Validation;

/// <summary>
/// report.html in a real browser: every image loads, and a screenshot is saved next to the report (report.png).
/// Checks a fresh report of a small reference suite; with PDEKIT_REPORT=path (as .ci/run does after
/// <c>pdekit validate --suite quick</c>) it checks that report instead.
/// </summary>
public class ReportBrowserValidationTests
{
    [Test]
    public void EveryImageOfTheReportLoadsInHeadlessChromium()
    {
        var browser = HeadlessChromium.Find();
        if (browser is null) Assert.Ignore("chromium is not installed (apt-get install -y chromium); .ci/run installs it");
        string? temp = null;
        var report = Environment.GetEnvironmentVariable("PDEKIT_REPORT");
        try
        {
            if (string.IsNullOrEmpty(report))
            {
                temp = Path.Combine(Path.GetTempPath(), "pdekit-browser-" + Guid.NewGuid().ToString("N"));
                Directory.CreateDirectory(temp);
                var (code, stdout, stderr) = CliProcess.Run(new Dictionary<string, string> { ["OMP_NUM_THREADS"] = "1" },
                    "validate", "--suite", ValidateCommandTests.ReferenceSuite(temp), "--out", Path.Combine(temp, "out"));
                Assert.That(code, Is.EqualTo(0), stdout + stderr);
                report = Path.Combine(temp, "out", "report.html");
            }

            Assert.That(File.Exists(report), Is.True, report);
            var expected = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(report), "<img ").Count;
            var (images, broken) = HeadlessChromium.CheckImages(browser, report);
            Assert.That(broken, Is.Empty, "images that did not load");
            Assert.That(images, Is.EqualTo(expected).And.GreaterThan(0));
            var png = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(report))!, "report.png");
            HeadlessChromium.Screenshot(browser, report, png);
            Assert.That(new FileInfo(png).Length, Is.GreaterThan(10_000), "a screenshot with content");
            TestContext.Out.WriteLine($"{images} images loaded; screenshot {png}");
        }
        finally
        {
            if (temp is not null) Directory.Delete(temp, true);
        }
    }
}
