using PdeKit.Runtime;

namespace PdeKit.Tests.Runtime;

public class ElfVersionNeedsTests
{
    [Test]
    public void ReadsEveryVersionNeedOfASyntheticElf()
    {
        var needs = ElfVersionNeeds.Read(SyntheticElf.Build(relocatedSymbol: 2));
        Assert.That(needs.Select(n => (n.File, n.Version, n.Index, n.IsWeak)), Is.EqualTo(new[]
        {
            ("libstdc++.so.6", "GLIBCXX_3.4", (ushort)2, false),
            ("libstdc++.so.6", "GLIBCXX_3.4.32", (ushort)3, false),
        }));
    }

    [Test]
    public void MarkWeakChangesOnlyTheFlagsOfThatNeed()
    {
        var elf = SyntheticElf.Build(relocatedSymbol: 2);
        var patched = ElfVersionNeeds.MarkWeak(elf, "GLIBCXX_3.4.32");
        var diff = Enumerable.Range(0, elf.Length).Where(i => elf[i] != patched[i]).ToList();
        var target = ElfVersionNeeds.Read(elf).Single(n => n.Version == "GLIBCXX_3.4.32");
        Assert.That(diff, Is.EqualTo(new[] { (int)target.FlagsOffset }));
        var after = ElfVersionNeeds.Read(patched);
        Assert.That(after.Single(n => n.Version == "GLIBCXX_3.4.32").IsWeak, Is.True);
        Assert.That(after.Single(n => n.Version == "GLIBCXX_3.4").IsWeak, Is.False);
    }

    [Test]
    public void RefusesWhenARelocationUsesASymbolOfThatVersion()
    {
        var elf = SyntheticElf.Build(relocatedSymbol: 1);
        Assert.That(ElfVersionNeeds.RelocatedSymbolsOfVersion(elf, 3), Is.EqualTo(new[] { "marker" }));
        var e = Assert.Throws<InvalidOperationException>(() => ElfVersionNeeds.MarkWeak(elf, "GLIBCXX_3.4.32"));
        Assert.That(e!.Message, Does.Contain("marker"));
    }

    [Test]
    public void RefusesAVersionThatIsNotNeeded()
    {
        var e = Assert.Throws<InvalidOperationException>(() => ElfVersionNeeds.MarkWeak(SyntheticElf.Build(2), "GLIBCXX_9.9"));
        Assert.That(e!.Message, Does.Contain("found 0"));
    }

    [Test]
    public void TruncatedOrForeignFilesGiveAFormatError()
    {
        var elf = SyntheticElf.Build(2);
        Assert.Throws<ElfFormatException>(() => ElfVersionNeeds.Read(elf.AsSpan(0, elf.Length - 70)));
        Assert.That(Assert.Throws<ElfFormatException>(() => ElfVersionNeeds.Read("#!/bin/sh\n"u8.ToArray().Concat(new byte[64]).ToArray()))!.Message, Does.Contain("magic"));
    }

    [Test]
    public void TheRealLibTorchSharpHasOnlyAnUnusedMarkerNeed()
    {
        string path = NativeLoader.LocateNative("libLibTorchSharp.so")!;
        Assert.That(File.Exists(path), "libLibTorchSharp.so ships with the tests on linux-x64");
        var bytes = File.ReadAllBytes(path);
        var marker = ElfVersionNeeds.Read(bytes).Single(n => n.Version == "GLIBCXX_3.4.32");
        Assert.That(ElfVersionNeeds.RelocatedSymbolsOfVersion(bytes, marker.Index), Is.Empty);
        var patched = ElfVersionNeeds.MarkWeak(bytes, "GLIBCXX_3.4.32");
        Assert.That(ElfVersionNeeds.Read(patched).Single(n => n.Version == "GLIBCXX_3.4.32").IsWeak, Is.True);
    }
}
