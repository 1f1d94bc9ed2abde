using PdeKit.Problems;

namespace PdeKit.Tests.WellTest;

public class ReferenceStudyTests
{
    [Test]
    public void RadialStudyReproducesThePublishedValuesToAThirdOfAPercent()
    {
        var study = ReferenceStudies.Radial(new RadialDiffusivity());
        var published = study.Figures.Where(f => f.Published is not null).ToList();
        Assert.That(published, Has.Count.EqualTo(6));
        foreach (var f in published)
            Assert.That(Math.Abs(f.Value / f.Published!.Value - 1), Is.LessThan(3e-3), f.Name);
        var gap = study.Figures.Single(f => f.Name.StartsWith("relative L2, FD", StringComparison.Ordinal));
        Assert.That(gap.Value, Is.LessThan(2e-3), "finite well radius vs line source over t_D >= 100");
    }

    [Test]
    public void AllenCahnStudyShowsTheReferenceConverged()
    {
        var study = ReferenceStudies.AllenCahn(new AllenCahn());
        Assert.That(study.Figures[0].Value, Is.LessThan(1e-5));
        Assert.That(study.Fields.Keys, Is.EquivalentTo(new[] { "spectral-2048", "spectral-4096" }));
    }
}
