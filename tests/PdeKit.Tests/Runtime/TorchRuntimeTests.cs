using System.Diagnostics;
using System.Security.Cryptography;
using PdeKit.Runtime;
using TorchSharp;

namespace PdeKit.Tests.Runtime;

public class TorchRuntimeTests
{
    [Test]
    public void InitializesAndPassesTheCpuAutogradCheck()
    {
        var info = TorchRuntime.Initialize();
        Assert.That(info.LibTorchVersion, Is.EqualTo("2.10.0"));
        var check = AutogradCheck.Run(torch.CPU);
        Assert.That(check.Passed, Is.True, check.Message);
    }

    [Test]
    public void AppliesTheLibStdCxxFixExactlyWhenTheSystemLacksGlibcxx3432()
    {
        var info = TorchRuntime.Initialize();
        string sharp = NativeLoader.LocateNative("libLibTorchSharp.so")!;
        Assert.That(File.Exists(sharp), "libLibTorchSharp.so ships with the tests on linux-x64");
        var (needed, _) = NativeLoader.NeedsLibStdCxxFix(sharp);
        Assert.That(info.Native.LibStdCxxFixApplied, Is.EqualTo(needed));
        if (needed) Assert.That(info.Native.LibTorchSharpPath, Does.StartWith(NativeLoader.CacheDirectory()));
    }

    [Test]
    public void PatchedCopyIsCachedByContentHashAndLeavesTheOriginalAlone()
    {
        string sharp = NativeLoader.LocateNative("libLibTorchSharp.so")!;
        Assert.That(File.Exists(sharp), "libLibTorchSharp.so ships with the tests on linux-x64");
        string cache = Path.Combine(Path.GetTempPath(), "pdekit-cache-test-" + Guid.NewGuid().ToString("N"));
        string? old = Environment.GetEnvironmentVariable("PDEKIT_CACHE_DIR");
        byte[] before = SHA256.HashData(File.ReadAllBytes(sharp));
        try
        {
            Environment.SetEnvironmentVariable("PDEKIT_CACHE_DIR", cache);
            string first = NativeLoader.PatchedCopy(sharp);
            string second = NativeLoader.PatchedCopy(sharp);
            Assert.That(second, Is.EqualTo(first));
            Assert.That(first, Does.StartWith(cache));
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(first)!), Has.Length.EqualTo(1), "no temporary files left behind");
            Assert.That(ElfVersionNeeds.Read(File.ReadAllBytes(first)).Single(n => n.Version == "GLIBCXX_3.4.32").IsWeak, Is.True);
            Assert.That(SHA256.HashData(File.ReadAllBytes(sharp)), Is.EqualTo(before));
        }
        finally
        {
            Environment.SetEnvironmentVariable("PDEKIT_CACHE_DIR", old);
            if (Directory.Exists(cache)) Directory.Delete(cache, true);
        }
    }

    [Test]
    public void DeviceChoicesParseAndCudaFailsClearlyWithoutAGpu()
    {
        Assert.That(TorchRuntime.ParseDevice("AUTO"), Is.EqualTo(DeviceChoice.Auto));
        Assert.That(TorchRuntime.ParseDevice("cpu"), Is.EqualTo(DeviceChoice.Cpu));
        Assert.Throws<ArgumentException>(() => TorchRuntime.ParseDevice("tpu"));
        Assert.That(TorchRuntime.ResolveDevice(DeviceChoice.Cpu).type, Is.EqualTo(DeviceType.CPU));
        if (TorchRuntime.Initialize().CudaAvailable) Assert.Ignore("CUDA is available here");
        Assert.That(TorchRuntime.ResolveDevice(DeviceChoice.Auto).type, Is.EqualTo(DeviceType.CPU));
        var e = Assert.Throws<PdeKitRuntimeException>(() => TorchRuntime.ResolveDevice(DeviceChoice.Cuda));
        Assert.That(e!.Message, Does.Contain("PDEKIT_LIBTORCH"));
    }

    [Test]
    public void PdeKitLibTorchBesideABundledCpuLibTorchIsRefusedBeforeLoading()
    {
        string bundled = Path.GetDirectoryName(NativeLoader.LocateNative("libtorch_cpu.so")!)!;
        string other = Directory.CreateTempSubdirectory("pdekit-ext-").FullName;
        try
        {
            foreach (var f in new[] { "libtorch.so", "libc10.so", "libtorch_cpu.so" })
                File.CreateSymbolicLink(Path.Combine(other, f), Path.Combine(bundled, f));
            var (code, _, stderr) = CliProcess.Run(new Dictionary<string, string> { ["PDEKIT_LIBTORCH"] = other }, "doctor");
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("also bundles the CPU libtorch").And.Contain("PdeKitBundleCpuLibTorch=false"));
        }
        finally
        {
            Directory.Delete(other, true);
        }
    }

    [Test]
    public void PdeKitLibTorchWithoutLibTorchGivesAPlainError()
    {
        string empty = Directory.CreateTempSubdirectory("pdekit-empty-").FullName;
        try
        {
            var (code, stdout, stderr) = CliProcess.Run(new Dictionary<string, string> { ["PDEKIT_LIBTORCH"] = empty }, "doctor");
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stderr, Does.Contain("does not contain libtorch").And.Contain("libtorch.so"));
            Assert.That(stderr + stdout, Does.Not.Contain("   at "), "no stack trace");
        }
        finally
        {
            Directory.Delete(empty, true);
        }
    }
}

/// <summary>Runs the built CLI in a child process (the native runtime loads once per process).</summary>
internal static class CliProcess
{
    internal static (int Code, string Stdout, string Stderr) Run(IDictionary<string, string> env, params string[] args)
    {
        string dll = Path.Combine(TestContext.CurrentContext.TestDirectory, "PdeKit.Cli.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(300_000)) { p.Kill(true); Assert.Fail("the CLI did not finish in 5 minutes"); }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
