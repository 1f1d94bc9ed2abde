using PdeKit.Numerics.Poisson;
using PdeKit.Tests.Runtime;

namespace PdeKit.Tests.Numerics.Poisson;

/// <summary>The benchmark runs and reports; it never asserts wall time.</summary>
public class PoissonBenchmarkTests
{
    [Test]
    public void BenchmarkReportsEverySolverAtTheRequestedTolerance()
    {
        var rows = PoissonBenchmark.Run(new PoissonBenchmarkOptions { Sizes = [17, 33], Repeats = 1 });
        Assert.That(rows.Select(r => r.N), Is.EqualTo(new[] { 17, 33 }));
        foreach (PoissonBenchmarkRow row in rows)
        {
            Assert.That(row.Unknowns, Is.EqualTo((row.N - 2) * (row.N - 2)));
            foreach (PoissonTiming t in new[] { row.Multigrid, row.MultigridSerial, row.MathNetIlu0, row.MathNetDiagonal })
            {
                Assert.That(t.Skipped, Is.False, t.Solver);
                Assert.That(t.RelativeResidual, Is.LessThanOrEqualTo(1e-10), t.Solver);
                Assert.That(t.Seconds, Is.GreaterThan(0), t.Solver);
            }
        }
    }

    [Test]
    public void MathNetIsSkippedWhenItsExtrapolatedTimeIsTooLong()
    {
        var rows = PoissonBenchmark.Run(new PoissonBenchmarkOptions { Sizes = [9, 17], Repeats = 1, MathNetTimeLimitSeconds = 1e-9 });
        Assert.That(rows[0].MathNetIlu0.Skipped, Is.False, "the first size always runs");
        Assert.That(rows[1].MathNetIlu0.Skipped, Is.True);
        Assert.That(rows[1].MathNetIlu0.PredictedSeconds, Is.GreaterThan(1e-9));
        Assert.That(rows[1].MathNetIlu0.Seconds, Is.NaN);
        Assert.That(rows[1].Multigrid.Skipped, Is.False);
    }

    [Test]
    public void BenchmarkRejectsSizesThatAreNotPowersOfTwoPlusOne()
    {
        var e = Assert.Throws<ArgumentException>(() => PoissonBenchmark.Run(new PoissonBenchmarkOptions { Sizes = [100] }));
        Assert.That(e!.Message, Does.Contain("2^k + 1").And.Contain("100"));
    }

    [Test]
    public void CliPrintsTheTable()
    {
        var (code, stdout, stderr) = CliProcess.Run(new Dictionary<string, string>(), "bench", "poisson-fd", "--sizes", "17,33");
        Assert.That(code, Is.EqualTo(0), stderr);
        Assert.That(stdout, Does.Contain("| grid | unknowns | MG time (s)"));
        Assert.That(stdout, Does.Contain("| 33^2 | 961 |"));
    }

    [Test]
    public void CliRejectsBadSizes()
    {
        var (code, _, stderr) = CliProcess.Run(new Dictionary<string, string>(), "bench", "poisson-fd", "--sizes", "129,abc");
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain("'abc' is not a number"));
    }
}
