using PdeKit.Reporting;

namespace PdeKit.Tests.Reporting;

public class HistoryCsvTests : TempFolderFixture
{
    [Test]
    public void RoundTripWithMissingAndNaNCells()
    {
        var path = Path.Combine(Dir, "run", "history.csv");
        string[] columns = ["step", "time_s", "lr", "loss", "loss_residual", "weight_residual", "rel_l2"];
        using (var writer = new HistoryCsvWriter(path, columns))
        {
            writer.Append(new Dictionary<string, double> { ["step"] = 0, ["loss"] = 0.1 + 0.2, ["rel_l2"] = 0.5, ["lr"] = 1e-3 });
            writer.Append(new Dictionary<string, double> { ["step"] = 1, ["loss"] = double.NaN, ["time_s"] = 1.0 / 3 });
            Assert.That(writer.RowCount, Is.EqualTo(2));
        }

        var (cols, rows) = HistoryCsv.Read(path);
        Assert.That(cols, Is.EqualTo(columns));
        Assert.That(rows, Has.Count.EqualTo(2));
        Assert.That(rows[0][0], Is.EqualTo(0));
        Assert.That(rows[0][3], Is.EqualTo(0.1 + 0.2));
        Assert.That(rows[0][2], Is.EqualTo(1e-3));
        Assert.That(double.IsNaN(rows[0][1]), Is.True, "missing time_s");
        Assert.That(rows[1][1], Is.EqualTo(1.0 / 3));
        Assert.That(double.IsNaN(rows[1][3]), Is.True, "NaN loss");
        Assert.That(double.IsNaN(rows[1][6]), Is.True, "missing rel_l2");
    }

    [Test]
    public void UnknownKeysAreRejected()
    {
        using var writer = new HistoryCsvWriter(Path.Combine(Dir, "h.csv"), ["step", "loss"]);
        var e = Assert.Throws<ArgumentException>(() => writer.Append(new Dictionary<string, double> { ["los"] = 1 }));
        Assert.That(e!.Message, Does.Contain("'los'").And.Contain("step, loss"));
    }

    [Test]
    public void BadColumnListsAreRejected()
    {
        Assert.Throws<ArgumentException>(() => new HistoryCsvWriter(Path.Combine(Dir, "a.csv"), []));
        Assert.Throws<ArgumentException>(() => new HistoryCsvWriter(Path.Combine(Dir, "b.csv"), ["step", "step"]));
        Assert.Throws<ArgumentException>(() => new HistoryCsvWriter(Path.Combine(Dir, "c.csv"), ["step", " "]));
    }

    [Test]
    public void RowsAreFlushedEveryNRowsAndReadableWhileOpen()
    {
        var path = Path.Combine(Dir, "h.csv");
        using var writer = new HistoryCsvWriter(path, ["step", "loss"], flushEvery: 3);
        Assert.That(HistoryCsv.Read(path).Rows, Is.Empty, "the header is written at once");
        for (int i = 0; i < 3; i++) writer.Append(new Dictionary<string, double> { ["step"] = i, ["loss"] = 1.0 / (i + 1) });
        Assert.That(HistoryCsv.Read(path).Rows, Has.Count.EqualTo(3));
        writer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => writer.Append(new Dictionary<string, double>()));
    }

    [TestCase("step,loss\n1,0.5\n2,abc\n", 3, "'abc'")]
    [TestCase("step,loss\n1,0.5\n2\n", 3, "expected 2 cells")]
    [TestCase("step,loss\n1,0.5,7\n", 2, "expected 2 cells")]
    [TestCase("step,step\n1,2\n", 1, "repeated")]
    public void MalformedHistoryNamesTheLine(string content, int line, string what)
    {
        var path = Path.Combine(Dir, "h.csv");
        File.WriteAllText(path, content);
        var e = Assert.Throws<InvalidDataException>(() => HistoryCsv.Read(path));
        Assert.That(e!.Message, Does.Contain($"line {line}").And.Contain(what));
    }
}
