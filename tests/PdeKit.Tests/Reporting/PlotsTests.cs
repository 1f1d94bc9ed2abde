using PdeKit.Reporting;

namespace PdeKit.Tests.Reporting;

public class PlotsTests : TempFolderFixture
{
    [Test]
    public void HeatmapWritesAPng([Values] bool symmetric)
    {
        var path = Path.Combine(Dir, "nested", "heat.png");
        Plots.Heatmap(path, ReportingTestFiles.Wave("u"), "u(t, x)", symmetric, "u");
        Assert.That(ReportingTestFiles.AssertPng(path), Is.EqualTo((900, 600)));
        Assert.That(ReportingTestFiles.TempLeftovers(Dir), Is.Empty);
    }

    [Test]
    public void HeatmapPutsTimeAcrossAndSpaceUp()
    {
        // value = x: the top of the plot is bright (viridis yellow), the bottom dark; value = t: right bright, left dark.
        var x = ReportingTestFiles.Linspace(-1, 1, 21);
        var t = ReportingTestFiles.Linspace(0, 1, 11);
        var byX = new double[t.Length, x.Length];
        var byT = new double[t.Length, x.Length];
        for (int it = 0; it < t.Length; it++)
            for (int ix = 0; ix < x.Length; ix++) (byX[it, ix], byT[it, ix]) = (x[ix], t[it]);

        var xPath = Path.Combine(Dir, "x.png");
        var tPath = Path.Combine(Dir, "t.png");
        Plots.Heatmap(xPath, new GridField("x", x, t, byX), "x");
        Plots.Heatmap(tPath, new GridField("t", x, t, byT), "t");

        // sample inside the data area, away from the frame, title and colorbar
        Assert.That(Brightness(xPath, 400, 150), Is.GreaterThan(Brightness(xPath, 400, 450) + 100), "x grows upwards");
        Assert.That(Brightness(tPath, 600, 300), Is.GreaterThan(Brightness(tPath, 200, 300) + 100), "t grows to the right");
    }

    [Test]
    public void HeatmapOfASinglePointStillRenders()
    {
        var path = Path.Combine(Dir, "one.png");
        Plots.Heatmap(path, new GridField("u", [0.0], [0.0], new[,] { { 2.0 } }), "one point");
        ReportingTestFiles.AssertPng(path);
    }

    [Test]
    public void SlicesWritesOneFigure()
    {
        var field = ReportingTestFiles.Wave("u");
        var reference = ReportingTestFiles.Wave("u", perturbation: 0.05);
        var slices = new[] { 5, 15, 25, 39 }
            .Select(it => (field.T[it], Row(field.Values, it), Row(reference.Values, it)))
            .ToList();
        var path = Path.Combine(Dir, "slices.png");
        Plots.Slices(path, field.X, slices);
        var (width, height) = ReportingTestFiles.AssertPng(path);
        Assert.That(width, Is.GreaterThan(height));
    }

    [Test]
    public void SlicesRejectsMismatchedLengths()
    {
        double[] x = [0, 1, 2];
        var e = Assert.Throws<ArgumentException>(() => Plots.Slices(Path.Combine(Dir, "s.png"), x, [(0.5, new double[] { 1, 2, 3 }, new double[] { 1, 2 })]));
        Assert.That(e!.Message, Does.Contain("slices[0].Reference").And.Contain("2 values"));
        Assert.Throws<ArgumentException>(() => Plots.Slices(Path.Combine(Dir, "s.png"), x, []));
        Assert.Throws<ArgumentException>(() => Plots.Slices(Path.Combine(Dir, "s.png"), [], [(0.5, [], [])]));
        Assert.That(File.Exists(Path.Combine(Dir, "s.png")), Is.False);
    }

    [Test]
    public void LossCurvesSkipNonPositiveValues()
    {
        var steps = Enumerable.Range(0, 500).Select(i => (double)i).ToArray();
        var series = new Dictionary<string, double[]>
        {
            ["loss"] = steps.Select(s => Math.Exp(-s / 60) + 1e-6).ToArray(),
            ["loss_residual"] = steps.Select(s => s % 50 == 0 ? double.NaN : 0.5 * Math.Exp(-s / 80)).ToArray(),
            ["loss_boundary"] = steps.Select(s => s < 10 ? 0 : -1.0).ToArray(),
        };
        var path = Path.Combine(Dir, "loss.png");
        Plots.LossCurves(path, steps, series);
        Assert.That(ReportingTestFiles.AssertPng(path), Is.EqualTo((900, 600)));
    }

    [Test]
    public void LossCurvesWithNothingPositiveStillWriteAFigure()
    {
        var path = Path.Combine(Dir, "empty.png");
        Plots.LossCurves(path, [0, 1], new Dictionary<string, double[]> { ["loss"] = [double.NaN, 0] });
        ReportingTestFiles.AssertPng(path);
    }

    [Test]
    public void LossCurvesRejectBadInput()
    {
        var path = Path.Combine(Dir, "bad.png");
        var e = Assert.Throws<ArgumentException>(() => Plots.LossCurves(path, [0, 1], new Dictionary<string, double[]> { ["loss"] = [1] }));
        Assert.That(e!.Message, Does.Contain("'loss'"));
        Assert.Throws<ArgumentException>(() => Plots.LossCurves(path, [], new Dictionary<string, double[]> { ["loss"] = [] }));
        Assert.Throws<ArgumentException>(() => Plots.LossCurves(path, [0], new Dictionary<string, double[]>()));
        Assert.Throws<ArgumentException>(() => Plots.LossCurves(Dir, [0], new Dictionary<string, double[]> { ["loss"] = [1] }));
    }

    [Test]
    public void ErrorCurveWritesAPng()
    {
        var steps = Enumerable.Range(0, 20).Select(i => 100.0 * i).ToArray();
        var errors = steps.Select(s => s % 300 == 0 ? 0.5 / (1 + s / 100) : double.NaN).ToArray();
        var path = Path.Combine(Dir, "error.png");
        Plots.ErrorCurve(path, steps, errors, "relative L2 error");
        ReportingTestFiles.AssertPng(path);
        Assert.Throws<ArgumentException>(() => Plots.ErrorCurve(path, steps, errors[..5], "e"));
    }

    [Test]
    public void DecadeLabelsUseSuperscripts()
    {
        var path = Path.Combine(Dir, "wide.png");
        Plots.ErrorCurve(path, [0, 1, 2], [1e-9, 1e-3, 10], "nine decades");
        ReportingTestFiles.AssertPng(path);
    }

    private static double Brightness(string png, int px, int py)
    {
        var rgb = new ScottPlot.Image(File.ReadAllBytes(png)).GetArrayRGB();
        return rgb[py, px, 0] + rgb[py, px, 1] + (double)rgb[py, px, 2];
    }

    private static double[] Row(double[,] values, int it)
        => Enumerable.Range(0, values.GetLength(1)).Select(ix => values[it, ix]).ToArray();
}
