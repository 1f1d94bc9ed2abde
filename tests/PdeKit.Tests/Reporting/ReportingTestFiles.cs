using PdeKit.Reporting;

namespace PdeKit.Tests.Reporting;

/// <summary>Temporary folders and small synthetic data for the Reporting tests.</summary>
internal static class ReportingTestFiles
{
    public static string NewFolder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "pdekit-reporting-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static void Delete(string dir)
    {
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    public static double[] Linspace(double a, double b, int n)
        => Enumerable.Range(0, n).Select(i => n == 1 ? a : a + (b - a) * i / (n - 1)).ToArray();

    /// <summary>A Burgers-like field u = -sin(pi x) exp(-t) on x in [-1, 1], t in [0, 1], plus an optional perturbation.</summary>
    public static GridField Wave(string name, int nx = 48, int nt = 40, double perturbation = 0)
    {
        var x = Linspace(-1, 1, nx);
        var t = Linspace(0, 1, nt);
        var u = new double[nt, nx];
        for (int it = 0; it < nt; it++)
            for (int ix = 0; ix < nx; ix++)
                u[it, ix] = -Math.Sin(Math.PI * x[ix]) * Math.Exp(-t[it]) + perturbation * Math.Cos(3 * x[ix]) * t[it];
        return new GridField(name, x, t, u);
    }

    /// <summary>Checks the PNG signature and returns the width and height from the IHDR chunk.</summary>
    public static (int Width, int Height) AssertPng(string path)
    {
        Assert.That(File.Exists(path), Is.True, path);
        var bytes = File.ReadAllBytes(path);
        Assert.That(bytes.Length, Is.GreaterThan(5_000), $"{path} is suspiciously small");
        Assert.That(bytes.Take(8).ToArray(), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), $"{path} is not a PNG");
        int width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
        int height = (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23];
        return (width, height);
    }

    /// <summary>Files in <paramref name="dir"/> that look like leftovers of an atomic write.</summary>
    public static string[] TempLeftovers(string dir)
        => Directory.GetFiles(dir, "*.tmp", SearchOption.AllDirectories);
}

/// <summary>Base for fixtures that write into a fresh temporary folder per test.</summary>
public abstract class TempFolderFixture
{
    /// <summary>The current test's folder.</summary>
    protected string Dir { get; private set; } = "";

    [SetUp]
    public void CreateFolder() => Dir = ReportingTestFiles.NewFolder();

    [TearDown]
    public void DeleteFolder() => ReportingTestFiles.Delete(Dir);
}
