using System.CommandLine;
using System.Runtime.InteropServices;
using PdeKit.Runtime;
using TorchSharp;

namespace PdeKit.Cli.Commands;

/// <summary><c>pdekit doctor</c>: what was loaded from where, and whether autograd works on each device.</summary>
internal static class DoctorCommand
{
    internal static Command Create()
    {
        var cmd = new Command("doctor", "Report OS, .NET, TorchSharp and libtorch versions, the libstdc++ fix, CUDA, and run an autograd check on each device.");
        cmd.SetAction(r => Run(r.GetValue(CliApp.Json)));
        return cmd;
    }

    private static int Run(bool json)
    {
        RuntimeInfo rt;
        try
        {
            rt = TorchRuntime.Initialize();
        }
        catch (PdeKitRuntimeException e)
        {
            if (json) Output.WriteJson(new { ok = false, error = e.Message });
            else Console.Error.WriteLine($"pdekit doctor: {e.Message}");
            return 2;
        }
        var checks = new List<AutogradCheckResult> { AutogradCheck.Run(torch.CPU) };
        if (rt.CudaAvailable) checks.Add(AutogradCheck.Run(torch.CUDA));
        bool ok = checks.All(c => c.Passed);
        if (json)
        {
            Output.WriteJson(new
            {
                ok,
                os = RuntimeInformation.OSDescription,
                dotnet = RuntimeInformation.FrameworkDescription,
                torchSharp = rt.TorchSharpVersion,
                libTorch = rt.LibTorchVersion,
                libTorchDirectory = rt.Native.LibTorchDirectory,
                libTorchSource = rt.Native.LibTorchSource,
                libTorchSharp = rt.Native.LibTorchSharpPath,
                libStdCxxFixApplied = rt.Native.LibStdCxxFixApplied,
                libStdCxxFixNote = rt.Native.LibStdCxxFixNote,
                cudaAvailable = rt.CudaAvailable,
                cudaDevices = rt.CudaDevices,
                autograd = checks,
            });
            return ok ? 0 : 1;
        }
        var rows = new List<string[]>
        {
            new[] { "OS", RuntimeInformation.OSDescription },
            new[] { ".NET", RuntimeInformation.FrameworkDescription },
            new[] { "TorchSharp", rt.TorchSharpVersion },
            new[] { "libtorch", rt.LibTorchVersion },
            new[] { "libtorch from", $"{rt.Native.LibTorchDirectory} ({rt.Native.LibTorchSource})" },
            new[] { "LibTorchSharp", rt.Native.LibTorchSharpPath },
            new[] { "libstdc++ fix", rt.Native.LibStdCxxFixApplied ? $"applied ({rt.Native.LibStdCxxFixNote})" : $"not applied ({rt.Native.LibStdCxxFixNote})" },
            new[] { "CUDA", rt.CudaAvailable ? "available" : "not available" },
        };
        foreach (var d in rt.CudaDevices)
            rows.Add([$"cuda:{d.Index}", $"{d.Name}, {d.TotalMemoryBytes / (1024.0 * 1024 * 1024):F1} GiB"]);
        foreach (var c in checks)
            rows.Add([$"autograd ({c.Device})", c.Passed ? $"pass (max error {c.MaxError:E1})" : $"FAIL: {c.Message}"]);
        Output.Table("pdekit doctor", ["item", "value"], rows);
        return ok ? 0 : 1;
    }
}
