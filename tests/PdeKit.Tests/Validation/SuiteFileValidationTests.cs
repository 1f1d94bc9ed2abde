using PdeKit.Cli.Validation;

namespace PdeKit.Tests.Validation;

public class SuiteFileValidationTests
{
    private const string Header = "case,problem,kind,preset,set,metric,tolerance,notes\n";
    private string dir = "";

    [SetUp]
    public void MakeDir() => Directory.CreateDirectory(dir = Path.Combine(Path.GetTempPath(), "pdekit-suite-" + Guid.NewGuid().ToString("N")));

    [TearDown]
    public void RemoveDir() => Directory.Delete(dir, true);

    private string Write(string text)
    {
        string path = Path.Combine(dir, "suite.csv");
        File.WriteAllText(path, text);
        return path;
    }

    [Test]
    public void ReadsEveryKindWithCommentsSettingsAndLineNumbers()
    {
        var cases = SuiteFile.Parse(Write("# a comment\n" + Header +
            "fd,burgers,reference,,,fd-vs-cole-hopf:rel_l2,1e-8,measured 3e-10\n" +
            "\n# another comment\n" +
            "slope,burgers,check:basdevant-gradient,,cells=2048,max_slope,1e-6,\n" +
            "pinn,allen-cahn,pinn,quick,\"steps=100;weighting.causal=true;weighting.causalEps=0.1;1;10;points=256\",rel_l2,0.9,\"smoke, only\"\n"));
        Assert.That(cases.Select(c => c.Kind), Is.EqualTo(new[] { CaseKind.Reference, CaseKind.Check, CaseKind.Pinn }));
        Assert.That(cases.Select(c => c.Line), Is.EqualTo(new[] { 3, 6, 7 }), "line numbers count comments and blank lines");
        Assert.That(cases[1].CheckName, Is.EqualTo("basdevant-gradient"));
        Assert.That(cases[1].Settings.Single(), Is.EqualTo(new KeyValuePair<string, string>("cells", "2048")));
        Assert.That(cases[2].Settings.Select(kv => kv.Key + "=" + kv.Value),
            Is.EqualTo(new[] { "steps=100", "weighting.causal=true", "weighting.causalEps=0.1;1;10", "points=256" }), "a piece without '=' continues the list value");
        Assert.That(cases[2].Notes, Is.EqualTo("smoke, only"));
        Assert.That(cases[0].Tolerance, Is.EqualTo(1e-8));
    }

    [TestCase("x,burgers,frobnicate,,,rel_l2,1,", "line 2: unknown kind 'frobnicate' (kinds: pinn, reference, check:NAME")]
    [TestCase("x,heat,reference,,,rel_l2,1,", "line 2: unknown problem 'heat'")]
    [TestCase("x,burgers,reference,,,fd-vs-cole-hopf:rel_l2,small,", "line 2: tolerance 'small' is not a finite non-negative number")]
    [TestCase("x,burgers,reference,,,fd-vs-cole-hopf:rel_l2,-1,", "line 2: tolerance '-1'")]
    [TestCase("x,burgers,check:nothing,,,m,1,", "line 2: unknown check 'nothing' (checks: basdevant-gradient")]
    [TestCase("x,burgers,check:veh-rD10,,,p_wD,1,", "line 2: check:veh-rD10 applies to diffusivity-radial")]
    [TestCase("x,burgers,check:basdevant-gradient,,,slope,1,", "line 2: check:basdevant-gradient has no metric 'slope' (metrics: max_slope:cole-hopf")]
    [TestCase("x,burgers,check:basdevant-gradient,,grid=3,max_slope,1,", "line 2: check:basdevant-gradient has no parameter 'grid'")]
    [TestCase("x,burgers,pinn,,,rel_l2,1,", "line 2: a pinn case needs a preset")]
    [TestCase("x,burgers,pinn,fastest,,rel_l2,1,", "line 2: burgers has no preset 'fastest'")]
    [TestCase("x,burgers,pinn,quick,widht=3,rel_l2,1,", "line 2: --set widht: unknown setting 'widht'")]
    [TestCase("x,burgers,pinn,quick,points,rel_l2,1,", "line 2: set: 'points' is not key=value")]
    [TestCase("x,burgers,pinn,quick,problem.mu=1,rel_l2,1,", "line 2: burgers has no parameter 'mu'")]
    [TestCase("x,burgers,pinn,quick,,rel_l2:v,1,", "line 2: a burgers PINN has no metric 'rel_l2:v' (metrics: rel_l2:u")]
    [TestCase("x,burgers,pinn,quick,,unknown,1,", "line 2: a burgers PINN has no metric 'unknown'")]
    [TestCase("x,burgers,reference,quick,,rel_l2,1,", "line 2: a reference case takes no preset and no settings")]
    [TestCase("x,diffusivity-radial-inverse,reference,,,rel_l2,1,", "line 2: diffusivity-radial-inverse has no reference study")]
    [TestCase("x y,burgers,reference,,,rel_l2,1,", "line 2: case name 'x y' must be non-empty")]
    [TestCase("x,burgers,reference,,,,1,", "line 2: no metric")]
    [TestCase("x,burgers,reference,,rel_l2,1,", "line 2: expected 8 cells")]
    public void BadLinesAreNamedWithTheirLineNumber(string line, string expected)
    {
        var path = Write(Header + line + "\n");
        Assert.That(() => SuiteFile.Parse(path), Throws.InstanceOf<InvalidDataException>().With.Message.Contains(path + ", " + expected));
    }

    [Test]
    public void AllBadLinesAreReportedAtOnceAndRepeatedCasesToo()
    {
        var path = Write(Header + "a,heat,reference,,,m,1,\nb,burgers,reference,,,fd-vs-cole-hopf:rel_l2,x,\nc,burgers,reference,,,fd-vs-cole-hopf:rel_l2,1,\nc,burgers,reference,,,fd-vs-cole-hopf:rel_l2,2,\n");
        var e = Assert.Throws<InvalidDataException>(() => SuiteFile.Parse(path))!;
        Assert.That(e.Message, Does.Contain("line 2: unknown problem").And.Contain("line 3: tolerance 'x'").And.Contain("line 5: case 'c' is already defined on line 4"));
    }

    [TestCase("case,problem,kind,metric\nx,burgers,reference,m\n", "lacks column(s) tolerance")]
    [TestCase("case,problem,kind,metric,tolerance,colour\n", "unknown column(s) colour")]
    public void BadHeadersAreNamed(string text, string expected)
    {
        var path = Write(text);
        Assert.That(() => SuiteFile.Parse(path), Throws.InstanceOf<InvalidDataException>().With.Message.Contains(expected));
    }

    [Test]
    public void MissingFileAndUnknownSuiteAreClear()
    {
        Assert.That(() => SuiteFile.Parse(Path.Combine(dir, "none.csv")), Throws.InstanceOf<FileNotFoundException>().With.Message.Contains("none.csv does not exist"));
        Assert.That(() => Suites.Resolve(["nope"]), Throws.ArgumentException.With.Message.Contains("unknown suite 'nope'").And.Message.Contains("quick"));
    }

    [Test]
    public void ShippedSuitesParseAndSelectByName()
    {
        var quick = Suites.Resolve(["quick"]);
        Assert.That(quick.Select(c => c.Kind), Does.Contain(CaseKind.Pinn).And.Contain(CaseKind.Check).And.Contain(CaseKind.Reference));
        Assert.That(quick.Where(c => c.Kind == CaseKind.Pinn).Select(c => c.Problem), Is.SupersetOf(new[] { "burgers", "allen-cahn", "diffusivity-radial" }));
        var full = Suites.Resolve(["full"]);
        Assert.That(full.Where(c => c.Cheap).Select(c => c.Case), Is.EqualTo(quick.Where(c => c.Cheap).Select(c => c.Case)), "full takes quick's reference and check lines");
        Assert.That(full.Where(c => c.Kind == CaseKind.Pinn).Select(c => c.Preset), Has.None.EqualTo("quick"));
        var burgers = Suites.Resolve(["burgers"]);
        Assert.That(burgers.Select(c => c.Problem).Distinct(), Is.EqualTo(new[] { "burgers" }));
        Assert.That(burgers.Where(c => c.Kind == CaseKind.Pinn).Select(c => c.Preset), Is.All.EqualTo("quick"));
        Assert.That(Suites.Resolve(["quick", "burgers"]), Has.Count.EqualTo(quick.Count), "repeated cases are run once");
    }

    [TestCase("rel_l2", "rel_l2:u", true)]
    [TestCase("rel_l2", "rel_l2", true)]
    [TestCase("p_wD:fd", "p_wD:fd:t_D=4", true)]
    [TestCase("p_wD:f", "p_wD:fd:t_D=4", false)]
    [TestCase("rel", "rel_l2:u", false)]
    public void MetricSelectorsMatchWholeParts(string selector, string metric, bool expected) =>
        Assert.That(SuiteCase.Matches(selector, metric), Is.EqualTo(expected));
}
