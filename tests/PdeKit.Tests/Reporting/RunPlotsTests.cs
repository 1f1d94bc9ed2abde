using PdeKit.Reporting;

namespace PdeKit.Tests.Reporting;

public class RunPlotsTests : TempFolderFixture
{
    [Test]
    public void DrawAllWritesEveryStandardPlot()
    {
        WriteRun(Dir, [ReportingTestFiles.Wave("u", perturbation: 0.02)], [ReportingTestFiles.Wave("u")]);

        var files = RunPlots.DrawAll(Dir);

        Assert.That(files.Select(Path.GetFileName), Is.EqualTo(new[]
        {
            "field_prediction.png", "field_reference.png", "field_abs_error.png", "slices.png", "loss.png", "error.png",
        }));
        foreach (var file in files)
        {
            Assert.That(Path.GetDirectoryName(file), Is.EqualTo(Path.GetFullPath(Dir)));
            ReportingTestFiles.AssertPng(file);
        }
        Assert.That(ReportingTestFiles.TempLeftovers(Dir), Is.Empty);
    }

    [Test]
    public void SeveralFieldsGetOneSetOfPlotsEach()
    {
        var u = ReportingTestFiles.Wave("u", nx: 16, nt: 9);
        var v = u with { Name = "v" };
        WriteRun(Dir, [u, v], [v, u], withErrors: false);

        var names = RunPlots.DrawAll(Dir).Select(Path.GetFileName).ToArray();

        Assert.That(names, Is.EqualTo(new[]
        {
            "field_u_prediction.png", "field_u_reference.png", "field_u_abs_error.png", "slices_u.png",
            "field_v_prediction.png", "field_v_reference.png", "field_v_abs_error.png", "slices_v.png",
            "loss.png",
        }));
    }

    [Test]
    public void MissingRunDirectorySaysWhatToRun()
    {
        var missing = Path.Combine(Dir, "no-such-run");
        var e = Assert.Throws<DirectoryNotFoundException>(() => RunPlots.DrawAll(missing));
        Assert.That(e!.Message, Does.Contain(missing).And.Contain("pdekit train"));
    }

    [TestCase("prediction.csv")]
    [TestCase("reference.csv")]
    [TestCase("history.csv")]
    public void MissingFileSaysWhatProducesIt(string file)
    {
        WriteRun(Dir, [ReportingTestFiles.Wave("u", nx: 8, nt: 5)], [ReportingTestFiles.Wave("u", nx: 8, nt: 5)]);
        File.Delete(Path.Combine(Dir, file));
        var e = Assert.Throws<FileNotFoundException>(() => RunPlots.DrawAll(Dir));
        Assert.That(e!.Message, Does.Contain(file).And.Contain("pdekit train"));
        Assert.That(e.FileName, Is.EqualTo(Path.Combine(Path.GetFullPath(Dir), file)));
        Assert.That(Directory.GetFiles(Dir, "*.png"), Is.Empty, "nothing is drawn before all inputs are found");
    }

    [Test]
    public void ReferenceWithoutThePredictedFieldIsAnError()
    {
        WriteRun(Dir, [ReportingTestFiles.Wave("u", nx: 8, nt: 5)], [ReportingTestFiles.Wave("w", nx: 8, nt: 5)]);
        var e = Assert.Throws<InvalidDataException>(() => RunPlots.DrawAll(Dir));
        Assert.That(e!.Message, Does.Contain("'u'").And.Contain("reference.csv"));
    }

    private static void WriteRun(string Dir, GridField[] prediction, GridField[] reference, bool withErrors = true)
    {
        FieldCsv.Write(Path.Combine(Dir, "prediction.csv"), prediction);
        FieldCsv.Write(Path.Combine(Dir, "reference.csv"), reference);
        string[] columns = withErrors
            ? ["step", "time_s", "lr", "loss", "loss_residual", "loss_initial", "weight_residual", "rel_l2"]
            : ["step", "loss"];
        using var history = new HistoryCsvWriter(Path.Combine(Dir, "history.csv"), columns);
        for (int step = 0; step < 300; step++)
        {
            var row = new Dictionary<string, double> { ["step"] = step, ["loss"] = Math.Exp(-step / 40.0) };
            if (withErrors)
            {
                row["time_s"] = 0.01 * step;
                row["lr"] = 1e-3;
                row["loss_residual"] = 0.7 * Math.Exp(-step / 50.0);
                row["loss_initial"] = 0.3 * Math.Exp(-step / 30.0);
                row["weight_residual"] = 1;
                if (step % 25 == 0) row["rel_l2"] = 0.8 * Math.Exp(-step / 100.0);
            }
            history.Append(row);
        }
    }
}
