using PdeKit.Numerics;
using PdeKit.Numerics.Reservoir;
using PdeKit.Reporting;

namespace PdeKit.Tests.WellTest;

public class WellTestFitTests
{
    // Well and fluid data of Lee, Rollins and Spivey (2003), Example 2.12 (see ../shared/data/lee2003_example_2_12_drawdown.csv).
    private static readonly WellTestSetup Lee = new(Rate: 250, FormationVolumeFactor: 1.136, Viscosity: 0.8, Porosity: 0.039,
        TotalCompressibility: 17e-6, WellboreRadius: 0.198, Thickness: 69, InitialPressure: 4412);

    private static double[] LogTimes(int n, double t0, double t1) => Enumerable.Range(0, n).Select(i => t0 * Math.Pow(t1 / t0, i / (n - 1.0))).ToArray();

    [Test]
    public void LevenbergMarquardtRecoversAnExponentialAndLinearStandardErrors()
    {
        var x = Enumerable.Range(0, 20).Select(i => i * 0.25).ToArray();
        var y = x.Select(v => 3.0 * Math.Exp(-0.7 * v)).ToArray();
        var fit = LevenbergMarquardt.Minimize(p => x.Select((v, i) => p[0] * Math.Exp(-p[1] * v) - y[i]).ToArray(), [1.0, 0.1]);
        Assert.That(fit.Converged, Is.True);
        Assert.That(fit.X[0], Is.EqualTo(3.0).Within(1e-7));
        Assert.That(fit.X[1], Is.EqualTo(0.7).Within(1e-7));

        // Straight line with known noise: LM's standard error of the slope equals the textbook formula s / sqrt(sum (x - mean)^2).
        var rng = new Random(5);
        var yn = x.Select(v => 1 + 2 * v + 0.1 * (rng.NextDouble() - 0.5)).ToArray();
        var line = LevenbergMarquardt.Minimize(p => x.Select((v, i) => p[0] + p[1] * v - yn[i]).ToArray(), [0.0, 0.0]);
        double mx = x.Average(), sxx = x.Sum(v => (v - mx) * (v - mx));
        double s = Math.Sqrt(line.Cost / (x.Length - 2));
        Assert.That(line.StandardErrors[1], Is.EqualTo(s / Math.Sqrt(sxx)).Within(1e-6));
        Assert.That(() => LevenbergMarquardt.Minimize(p => [double.NaN], [1.0]), Throws.ArgumentException);
    }

    [Test]
    public void ExactSyntheticDrawdownGivesBackItsParameters()
    {
        var truth = new WellTestModelParameters(Permeability: 12, Skin: 3, Storage: 0.01, OuterRadius: null);
        var t = LogTimes(40, 0.05, 200);
        var p = WellTestModel.PressureDrop(Lee, truth, t).Select(d => Lee.InitialPressure - d).ToArray();
        var fit = WellTestFit.Fit(Lee, t, p);
        Assert.That(fit.Converged, Is.True);
        Assert.That(fit.Parameters.Permeability, Is.EqualTo(12).Within(12e-4));
        Assert.That(fit.Parameters.Skin, Is.EqualTo(3).Within(1e-2));
        Assert.That(fit.Parameters.Storage, Is.EqualTo(0.01).Within(1e-5));
        Assert.That(fit.RmsPsi, Is.LessThan(1e-3));
    }

    [Test]
    public void NoisySyntheticDrawdownRecoversPermeabilityWithinOnePercent()
    {
        // 50 samples with 1% multiplicative noise, from the finite-difference model itself.
        var truth = new WellTestModelParameters(Permeability: 8, Skin: 2, Storage: 0.005, OuterRadius: null);
        var t = LogTimes(50, 0.1, 300);
        var dp = RelativeNoise.Apply(WellTestModel.PressureDrop(Lee, truth, t), 0.01, 11);
        var fit = WellTestFit.Fit(Lee, t, dp.Select(d => Lee.InitialPressure - d).ToArray());
        TestContext.Out.WriteLine($"k = {fit.Parameters.Permeability} ± {fit.StandardErrors[0]}, S = {fit.Parameters.Skin} ± {fit.StandardErrors[1]}");
        Assert.That(Math.Abs(fit.Parameters.Permeability / 8 - 1), Is.LessThan(0.01));
        Assert.That(Math.Abs(fit.Parameters.Permeability - 8), Is.LessThan(4 * fit.StandardErrors[0]), "the truth lies within 4 standard errors");
    }

    [Test]
    public void ClosedBoundaryRadiusIsRecovered()
    {
        var truth = new WellTestModelParameters(Permeability: 10, Skin: 1, Storage: 0.005, OuterRadius: 800);
        var t = LogTimes(40, 0.1, 500);
        var p = WellTestModel.PressureDrop(Lee, truth, t).Select(d => Lee.InitialPressure - d).ToArray();
        var fit = WellTestFit.Fit(Lee, t, p, WellTestBoundary.Closed);
        Assert.That(fit.Parameters.OuterRadius!.Value, Is.EqualTo(800).Within(2));
        Assert.That(fit.Parameters.Permeability, Is.EqualTo(10).Within(0.02));
    }

    [Test]
    public void LeeExample212FitsTheDataAndAgreesWithTheSemilogStraightLine()
    {
        var data = WellTestCsv.Load(Path.Combine(TestContext.CurrentContext.TestDirectory, "../../../../../../shared/data/lee2003_example_2_12_drawdown.csv"), "t_hr", "p_psia_derived");
        Assert.That(data.Time, Has.Length.EqualTo(37));
        var fit = WellTestFit.Fit(Lee, data.Time, data.Pressure, WellTestBoundary.Closed);
        // Independent classical estimate: the radial-flow plateau of the Bourdet derivative between 10 and 100 hours,
        // k = 70.6 q B mu / (h * plateau).
        var dp = data.Pressure.Select(p => Lee.InitialPressure - p).ToArray();
        var d = BourdetDerivative.Compute(data.Time, dp, 0.2);
        var plateau = Enumerable.Range(0, d.Length).Where(i => data.Time[i] is >= 10 and <= 100).Select(i => d[i]).Average();
        double kSemilog = 70.6 * 250 * 1.136 * 0.8 / (69 * plateau);
        TestContext.Out.WriteLine($"regression k = {fit.Parameters.Permeability:F3} md, S = {fit.Parameters.Skin:F3}, C = {fit.Parameters.Storage:G4}, re = {fit.Parameters.OuterRadius:F0} ft, rms {fit.RmsPsi:F2} psi; semilog k = {kSemilog:F3} md");
        Assert.That(fit.Converged, Is.True);
        Assert.That(fit.RmsPsi, Is.LessThan(10), "a few psi misfit on a 900 psi drawdown");
        Assert.That(fit.Parameters.Permeability / kSemilog, Is.EqualTo(1).Within(0.1));
    }
}

public class WellTestCsvTests
{
    private string dir = "";

    [SetUp]
    public void MakeDir() => Directory.CreateDirectory(dir = Path.Combine(Path.GetTempPath(), "pdekit-wt-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void RemoveDir() => Directory.Delete(dir, true);

    private string Write(string text)
    {
        string path = Path.Combine(dir, "test.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public void ReadsNamedColumnsAndSkipsComments()
    {
        var d = WellTestCsv.Load(Write("# a comment\nt_hr,other,p_psia\n0.1,x,4000\n# mid comment\n0.2,y,3990\n0.5,z,3950\n"));
        Assert.That(d.Time, Is.EqualTo(new[] { 0.1, 0.2, 0.5 }));
        Assert.That(d.Pressure, Is.EqualTo(new[] { 4000.0, 3990, 3950 }));
    }

    [TestCase("t_hr,p\n1,2\n2,3\n3,4\n", "no column named 'p_psia'")]
    [TestCase("t_hr,p_psia\n1,4000\n0.5,3990\n3,3950\n", "line 3: time 0.5 does not increase")]
    [TestCase("t_hr,p_psia\n1,4000\n2,abc\n3,3950\n", "line 3: column 'p_psia' holds 'abc'")]
    [TestCase("t_hr,p_psia\n0,4000\n2,3990\n3,3950\n", "must be positive")]
    [TestCase("t_hr,p_psia\n1,4000\n2,3990\n", "only 2 data rows")]
    [TestCase("t_hr,p_psia\n1,4000\n2\n3,3950\n", "expected 2 cells")]
    [TestCase("# only a comment\n", "header row is missing")]
    public void BadFilesNameTheProblem(string text, string expected)
    {
        Assert.That(() => WellTestCsv.Load(Write(text)), Throws.InstanceOf<InvalidDataException>().With.Message.Contains(expected));
    }

    [Test]
    public void MissingFileIsNamed()
    {
        Assert.That(() => WellTestCsv.Load(Path.Combine(dir, "none.csv")), Throws.InstanceOf<FileNotFoundException>().With.Message.Contains("none.csv"));
    }
}
