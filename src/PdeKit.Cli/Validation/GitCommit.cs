using System.ComponentModel;
using System.Diagnostics;

namespace PdeKit.Cli.Validation;

/// <summary>The git commit of the code that runs, for results.csv.</summary>
internal static class GitCommit
{
    /// <summary>
    /// $PDEKIT_COMMIT if set (e.g. for a packed build on another machine); else <c>git rev-parse --short HEAD</c> in the
    /// program's folder, then in the current directory, with "-dirty" when tracked files have changes; else "unknown".
    /// </summary>
    internal static string Describe()
    {
        if (Environment.GetEnvironmentVariable("PDEKIT_COMMIT") is { Length: > 0 } given) return given;
        foreach (var dir in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            var hash = Git(dir, "rev-parse", "--short", "HEAD");
            if (string.IsNullOrEmpty(hash)) continue;
            var changes = Git(dir, "status", "--porcelain", "--untracked-files=no");
            return changes is { Length: > 0 } ? hash + "-dirty" : hash;
        }

        return "unknown";
    }

    private static string? Git(string dir, params string[] args)
    {
        try
        {
            var psi = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add("-C");
            psi.ArgumentList.Add(dir);
            foreach (var a in args) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi);
            if (p is null) return null;
            var output = p.StandardOutput.ReadToEndAsync();
            _ = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(10_000))
            {
                p.Kill(true);
                return null;
            }

            return p.ExitCode == 0 ? output.Result.Trim() : null;
        }
        catch (Win32Exception)
        {
            return null; // git is not installed
        }
    }
}
