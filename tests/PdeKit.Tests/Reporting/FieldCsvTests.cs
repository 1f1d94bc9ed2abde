using PdeKit.Reporting;

namespace PdeKit.Tests.Reporting;

public class FieldCsvTests : TempFolderFixture
{
    [Test]
    public void RoundTripIsBitwiseExact()
    {
        var rng = new Random(1234);
        var x = new[] { -1.0, -1.0 / 3, 0.0, 0.1 + 0.2, Math.PI / 4 };
        var t = new[] { 0.0, double.Epsilon * 10, 1e-300, 1.0 / 7, 1.0 };
        var u = new double[t.Length, x.Length];
        var v = new double[t.Length, x.Length];
        for (int it = 0; it < t.Length; it++)
            for (int ix = 0; ix < x.Length; ix++)
            {
                u[it, ix] = (rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-300, 300));
                v[it, ix] = BitConverter.Int64BitsToDouble(rng.NextInt64(0, 0x7FEF_FFFF_FFFF_FFFF)) * (rng.Next(2) == 0 ? -1 : 1);
            }
        u[0, 0] = -0.0;
        u[1, 1] = double.NaN;
        u[2, 2] = double.PositiveInfinity;
        u[3, 3] = double.NegativeInfinity;
        u[4, 4] = double.MaxValue;
        var path = Path.Combine(Dir, "sub", "fields.csv");

        FieldCsv.Write(path, [new GridField("u", x, t, u), new GridField("v_2", x, t, v)]);
        var back = FieldCsv.Read(path);

        Assert.That(back.Select(f => f.Name), Is.EqualTo(new[] { "u", "v_2" }));
        Assert.That(Bits(back[0].X), Is.EqualTo(Bits(x)));
        Assert.That(Bits(back[0].T), Is.EqualTo(Bits(t)));
        Assert.That(Bits(back[0].Values.Cast<double>()), Is.EqualTo(Bits(u.Cast<double>())));
        Assert.That(Bits(back[1].Values.Cast<double>()), Is.EqualTo(Bits(v.Cast<double>())));
        Assert.That(ReportingTestFiles.TempLeftovers(Dir), Is.Empty);
    }

    [Test]
    public void LongFormatHasHeaderAndTimeInTheOuterLoop()
    {
        var field = new GridField("u", [0.0, 0.5], [0.0, 1.0], new[,] { { 1.0, 2.0 }, { 3.0, 4.0 } });
        var path = Path.Combine(Dir, "u.csv");
        FieldCsv.Write(path, [field]);
        var lines = File.ReadAllLines(path);
        Assert.That(lines, Is.EqualTo(new[] { "x,t,u", "0,0,1", "0.5,0,2", "0,1,3", "0.5,1,4" }));
    }

    [Test]
    public void ReadAcceptsRowsInAnyOrder()
    {
        var path = Path.Combine(Dir, "shuffled.csv");
        File.WriteAllText(path, "x,t,u\n0.5,1,4\n0,0,1\n0,1,3\n0.5,0,2\n");
        var field = FieldCsv.Read(path).Single();
        Assert.That(field.X, Is.EqualTo(new[] { 0.0, 0.5 }));
        Assert.That(field.T, Is.EqualTo(new[] { 0.0, 1.0 }));
        Assert.That(field.Values, Is.EqualTo(new[,] { { 1.0, 2.0 }, { 3.0, 4.0 } }));
    }

    [TestCase("x,t,u\n0,0,1\n0.5,0\n", 3, "expected 3 cells", TestName = "Truncated row")]
    [TestCase("x,t,u\n0,0,1\n0.5,0,abc\n", 3, "'abc'", TestName = "Text in a number cell")]
    [TestCase("x,u\n0,1\n0.5,2\n", 1, "'t'", TestName = "Missing t column")]
    [TestCase("x,t,u\n0,0,1\n0.5,0,2\n0,1,3\n", 4, "not rectangular", TestName = "Non-rectangular grid")]
    [TestCase("x,t,u\n0,0,1\n0,0,2\n", 3, "second time", TestName = "Repeated grid point")]
    [TestCase("x,t,u\n0,0,1\n\"0.5,0,2\n", 3, "malformed", TestName = "Unclosed quote")]
    [TestCase("x,t,u\n0,NaN,1\n", 2, "finite", TestName = "NaN coordinate")]
    [TestCase("x,t,u\n", 2, "no data rows", TestName = "Header only")]
    [TestCase("", 1, "header", TestName = "Empty file")]
    public void MalformedFilesNameTheLine(string content, int line, string what)
    {
        var path = Path.Combine(Dir, "bad.csv");
        File.WriteAllText(path, content);
        var e = Assert.Throws<InvalidDataException>(() => FieldCsv.Read(path));
        Assert.That(e!.Message, Does.Contain($"line {line}").And.Contain(what).And.Contain(path));
    }

    [Test]
    public void MissingFileIsFileNotFound()
        => Assert.Throws<FileNotFoundException>(() => FieldCsv.Read(Path.Combine(Dir, "nope.csv")));

    [Test]
    public void FieldsOnDifferentGridsAreRejectedAndTheOldFileStays()
    {
        var path = Path.Combine(Dir, "u.csv");
        File.WriteAllText(path, "old");
        var a = ReportingTestFiles.Wave("u", nx: 8, nt: 5);
        var b = ReportingTestFiles.Wave("v", nx: 9, nt: 5);
        var e = Assert.Throws<ArgumentException>(() => FieldCsv.Write(path, [a, b]));
        Assert.That(e!.Message, Does.Contain("'v'").And.Contain("different grid"));
        Assert.That(File.ReadAllText(path), Is.EqualTo("old"));
        Assert.That(ReportingTestFiles.TempLeftovers(Dir), Is.Empty);
    }

    [Test]
    public void DuplicateAndReservedNamesAreRejected()
    {
        var a = ReportingTestFiles.Wave("u", nx: 4, nt: 3);
        Assert.Throws<ArgumentException>(() => FieldCsv.Write(Path.Combine(Dir, "a.csv"), [a, a]));
        Assert.Throws<ArgumentException>(() => FieldCsv.Write(Path.Combine(Dir, "b.csv"), [a with { Name = "t" }]));
        Assert.Throws<ArgumentException>(() => FieldCsv.Write(Path.Combine(Dir, "c.csv"), []));
    }

    [Test]
    public void GridFieldValidatesShapesAndCoordinates()
    {
        var e = Assert.Throws<ArgumentException>(() => new GridField("u", [0.0, 1.0], [0.0], new double[2, 2]));
        Assert.That(e!.Message, Does.Contain("[2, 2]").And.Contain("[1, 2]"));
        e = Assert.Throws<ArgumentException>(() => new GridField("u", [0.0, double.NaN], [0.0], new double[1, 2]));
        Assert.That(e!.Message, Does.Contain("X[1]"));
        e = Assert.Throws<ArgumentException>(() => new GridField("u", [0.0, 1.0], [1.0, 0.5], new double[2, 2]));
        Assert.That(e!.Message, Does.Contain("strictly increasing"));
        Assert.Throws<ArgumentException>(() => new GridField("", [0.0], [0.0], new double[1, 1]));
        Assert.Throws<ArgumentException>(() => new GridField("u", [], [0.0], new double[1, 0]));
    }

    private static long[] Bits(IEnumerable<double> values) => values.Select(BitConverter.DoubleToInt64Bits).ToArray();
}
