using System.Reflection;
using TorchSharp;

namespace PdeKit.Runtime;

/// <summary>What the runtime found and loaded; printed by <c>pdekit doctor</c>.</summary>
/// <param name="TorchSharpVersion">TorchSharp assembly version.</param>
/// <param name="LibTorchVersion">libtorch version (bundled package version, or the external install's).</param>
/// <param name="Native">How the native libraries were loaded.</param>
/// <param name="CudaAvailable">True when TorchSharp reports CUDA.</param>
/// <param name="CudaDevices">CUDA devices from the driver (empty without one).</param>
public sealed record RuntimeInfo(
    string TorchSharpVersion, string LibTorchVersion, NativeLoadInfo Native,
    bool CudaAvailable, IReadOnlyList<CudaDeviceInfo> CudaDevices);

/// <summary>
/// The one place every entry point calls before the first tensor. Loads libtorch (bundled CPU, or
/// <c>PDEKIT_LIBTORCH</c>), applies the libstdc++ fix where needed, and resolves devices.
/// </summary>
public static class TorchRuntime
{
    private static readonly Lock Gate = new();
    private static RuntimeInfo? info;

    /// <summary>Initializes the runtime once (thread-safe) and returns what was loaded.</summary>
    /// <exception cref="PdeKitRuntimeException">libtorch could not be found or loaded.</exception>
    public static RuntimeInfo Initialize()
    {
        lock (Gate)
        {
            if (info is not null) return info;
            var native = NativeLoader.Load();
            try
            {
                torch.InitializeDeviceType(DeviceType.CPU);
            }
            catch (Exception e) when (e is not PdeKitRuntimeException)
            {
                throw new PdeKitRuntimeException($"TorchSharp could not start on libtorch from {native.LibTorchDirectory} ({native.LibTorchSource}): {FirstLine(e.Message)}. Run `pdekit doctor` for details; set PDEKIT_LIBTORCH to another libtorch or unset it.", e);
            }
            bool cuda = false;
            try { cuda = native.CudaLibrariesLoaded && torch.cuda.is_available(); }
            catch (Exception e) when (e is not OutOfMemoryException) { cuda = false; }
            var devices = cuda ? CudaDriver.Devices() : [];
            info = new RuntimeInfo(
                typeof(torch).Assembly.GetName().Version?.ToString() ?? "?",
                LibTorchVersion(native), native, cuda, devices);
            return info;
        }
    }

    /// <summary>Resolves a device choice to a TorchSharp device, initializing the runtime first.</summary>
    /// <exception cref="PdeKitRuntimeException">CUDA was asked for and is not available.</exception>
    public static torch.Device ResolveDevice(DeviceChoice choice)
    {
        var rt = Initialize();
        return choice switch
        {
            DeviceChoice.Cpu => torch.CPU,
            DeviceChoice.Cuda when rt.CudaAvailable => torch.CUDA,
            DeviceChoice.Cuda => throw new PdeKitRuntimeException(
                "--device cuda was asked for but CUDA is not available: the loaded libtorch is " +
                $"{(rt.Native.CudaLibrariesLoaded ? "CUDA-enabled but found no usable GPU" : "the CPU build")} ({rt.Native.LibTorchDirectory}). " +
                "Set PDEKIT_LIBTORCH to a CUDA libtorch (e.g. a PyTorch install's torch/lib) or use --device cpu."),
            _ => rt.CudaAvailable ? torch.CUDA : torch.CPU,
        };
    }

    /// <summary>Parses "auto", "cpu" or "cuda" (case-insensitive).</summary>
    /// <exception cref="ArgumentException">Any other text.</exception>
    public static DeviceChoice ParseDevice(string text) => text.Trim().ToLowerInvariant() switch
    {
        "auto" => DeviceChoice.Auto,
        "cpu" => DeviceChoice.Cpu,
        "cuda" or "gpu" => DeviceChoice.Cuda,
        _ => throw new ArgumentException($"unknown device '{text}': use auto, cpu or cuda", nameof(text)),
    };

    private static string LibTorchVersion(NativeLoadInfo native)
    {
        // A PyTorch install keeps torch/version.py beside torch/lib.
        string versionPy = Path.Combine(native.LibTorchDirectory, "..", "version.py");
        if (native.LibTorchSource != "bundled" && File.Exists(versionPy))
        {
            foreach (var line in File.ReadLines(versionPy))
                if (line.StartsWith("__version__", StringComparison.Ordinal))
                    return line.Split('=', 2)[1].Trim().Trim('\'', '"');
        }
        if (native.LibTorchSource == "bundled")
            return typeof(TorchRuntime).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "LibTorchPackageVersion")?.Value ?? "?";
        // A NuGet libtorch package folder: .../libtorch-cpu-linux-x64/2.10.0/runtimes/...
        var m = System.Text.RegularExpressions.Regex.Match(native.LibTorchDirectory, @"libtorch-[^/\\]+[/\\](\d+\.\d+\.\d+[^/\\]*)[/\\]");
        return m.Success ? m.Groups[1].Value : "unknown";
    }

    private static string FirstLine(string s) => s.Split('\n', 2)[0].Trim();
}
