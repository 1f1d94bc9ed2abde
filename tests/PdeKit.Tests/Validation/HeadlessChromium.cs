using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PdeKit.Tests.Validation;

/// <summary>
/// Opens an HTML file in headless Chromium: counts the images that did not load (a copy of the page gets a small
/// script that, on load, writes the count and the broken images' alt texts into an attribute of the body, read back
/// from --dump-dom), and takes a full-page screenshot.
/// </summary>
internal static partial class HeadlessChromium
{
    private const string Probe = """
        <script>
        window.addEventListener('load', function () {
          var all = Array.prototype.slice.call(document.images);
          var broken = all.filter(function (i) { return !(i.complete && i.naturalWidth > 0 && i.naturalHeight > 0); });
          document.body.setAttribute('data-image-check', 'images=' + all.length + ';broken=' + broken.length + ';' + broken.map(function (i) { return i.alt; }).join('|'));
        });
        </script>
        """;

    /// <summary>The browser on PATH (chromium, chromium-browser, google-chrome), or null.</summary>
    internal static string? Find() =>
        new[] { "chromium", "chromium-browser", "google-chrome", "google-chrome-stable" }
            .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, name)))
            .FirstOrDefault(File.Exists);

    /// <summary>Loads <paramref name="html"/> and returns how many images it has and the alt texts of those that did not load.</summary>
    internal static (int Images, IReadOnlyList<string> Broken) CheckImages(string browser, string html)
    {
        var probe = Path.Combine(Path.GetTempPath(), $"pdekit-probe-{Guid.NewGuid():N}.html");
        try
        {
            var text = File.ReadAllText(html);
            int body = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
            File.WriteAllText(probe, body < 0 ? text + Probe : text[..body] + Probe + text[body..]);
            var dom = Run(browser, "--virtual-time-budget=10000", "--dump-dom", new Uri(probe).AbsoluteUri);
            var m = Marker().Match(dom);
            if (!m.Success) throw new InvalidOperationException($"the page's load handler did not run; chromium printed {dom.Length} characters: {dom[..Math.Min(300, dom.Length)]}");
            var broken = m.Groups[3].Value.Length == 0 ? [] : m.Groups[3].Value.Split('|');
            Assert.That(broken, Has.Length.EqualTo(int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)));
            return (int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), broken);
        }
        finally
        {
            File.Delete(probe);
        }
    }

    /// <summary>Saves a screenshot of <paramref name="html"/> (1280 pixels wide) to <paramref name="png"/>.</summary>
    internal static void Screenshot(string browser, string html, string png, int height = 2400) =>
        Run(browser, "--hide-scrollbars", $"--window-size=1280,{height}", $"--screenshot={png}", new Uri(Path.GetFullPath(html)).AbsoluteUri);

    private static string Run(string browser, params string[] args)
    {
        var profile = Path.Combine(Path.GetTempPath(), $"pdekit-chromium-{Guid.NewGuid():N}");
        var psi = new ProcessStartInfo(browser) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--headless", "--disable-gpu", "--no-sandbox", "--disable-dev-shm-usage", "--no-first-run", $"--user-data-dir={profile}" }.Concat(args))
            psi.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(180_000))
            {
                p.Kill(true);
                Assert.Fail("chromium did not finish in 3 minutes");
            }

            if (p.ExitCode != 0) Assert.Fail($"chromium exited with {p.ExitCode}: {stderr.Result}");
            return stdout.Result;
        }
        finally
        {
            if (Directory.Exists(profile)) Directory.Delete(profile, true);
        }
    }

    [GeneratedRegex("data-image-check=\"images=(\\d+);broken=(\\d+);([^\"]*)\"")]
    private static partial Regex Marker();
}
