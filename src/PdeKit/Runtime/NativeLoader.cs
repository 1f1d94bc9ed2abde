using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace PdeKit.Runtime;

/// <summary>Where the native libraries came from and what was done to load them.</summary>
/// <param name="LibTorchDirectory">Directory libtorch was loaded from.</param>
/// <param name="LibTorchSource">"bundled" (the NuGet CPU package) or "PDEKIT_LIBTORCH".</param>
/// <param name="LibTorchSharpPath">The libLibTorchSharp file actually loaded.</param>
/// <param name="LibStdCxxFixApplied">True when a weak-version copy of libLibTorchSharp was loaded.</param>
/// <param name="LibStdCxxFixNote">Why the fix was or was not applied.</param>
/// <param name="CudaLibrariesLoaded">True when libtorch_cuda was found and loaded.</param>
public sealed record NativeLoadInfo(
    string LibTorchDirectory, string LibTorchSource, string LibTorchSharpPath,
    bool LibStdCxxFixApplied, string LibStdCxxFixNote, bool CudaLibrariesLoaded);

/// <summary>
/// Loads libtorch and libLibTorchSharp before TorchSharp's own loader runs. Handles two cases that
/// stock TorchSharp cannot: a libstdc++ older than GCC 13 (the <c>GLIBCXX_3.4.32</c> marker need of
/// libLibTorchSharp 0.107), and an external libtorch chosen with <c>PDEKIT_LIBTORCH</c>.
/// </summary>
internal static class NativeLoader
{
    internal const string MarkerVersion = "GLIBCXX_3.4.32";
    private const string MarkerSymbol = "_ZSt21ios_base_library_initv";
    private static readonly Dictionary<string, IntPtr> Handles = new(StringComparer.Ordinal);

    /// <summary>Loads the native side; throws <see cref="PdeKitRuntimeException"/> with a clear message on failure.</summary>
    internal static NativeLoadInfo Load()
    {
        if (!OperatingSystem.IsLinux())
            return new NativeLoadInfo("(TorchSharp default)", "bundled", "(TorchSharp default)", false, "not Linux: nothing to fix", false);

        var tried = new List<string>();
        string? external = Environment.GetEnvironmentVariable("PDEKIT_LIBTORCH");
        string torchDir;
        string source;
        if (!string.IsNullOrWhiteSpace(external))
        {
            source = "PDEKIT_LIBTORCH";
            torchDir = Path.GetFullPath(external);
            if (!Directory.Exists(torchDir))
                throw new PdeKitRuntimeException($"PDEKIT_LIBTORCH={external} is not a directory. Point it at a directory holding libtorch.so (for a PyTorch install: python3 -c \"import torch,os;print(os.path.dirname(torch.__file__)+'/lib')\"), or unset it to use the bundled CPU libtorch.");
            var missing = new[] { "libtorch.so", "libc10.so", "libtorch_cpu.so" }.Where(f => !File.Exists(Path.Combine(torchDir, f))).ToList();
            if (missing.Count > 0)
                throw new PdeKitRuntimeException($"PDEKIT_LIBTORCH={external} does not contain libtorch: missing {string.Join(", ", missing)}. Point it at a directory holding libtorch.so, libc10.so and libtorch_cpu.so (for a PyTorch install: its torch/lib), or unset it to use the bundled CPU libtorch.");
            // TorchSharp probes for torch_cpu by name next to the application; a bundled CPU libtorch
            // there would be loaded beside the external one, and two libtorch copies abort the process.
            string? bundled = FindInNativeDirs("libtorch_cpu.so", []);
            if (bundled is not null && !SameFile(Path.Combine(bundled, "libtorch_cpu.so"), Path.Combine(torchDir, "libtorch_cpu.so")))
                throw new PdeKitRuntimeException($"PDEKIT_LIBTORCH={external} is set, but this build also bundles the CPU libtorch ({bundled}), and TorchSharp would load both. Build without it (dotnet build -p:PdeKitBundleCpuLibTorch=false, or ../shared/gpu/prepare, which strips it), or unset PDEKIT_LIBTORCH.");
        }
        else
        {
            source = "bundled";
            torchDir = FindInNativeDirs("libtorch.so", tried)
                ?? throw new PdeKitRuntimeException($"libtorch.so was not found next to the application (looked in: {string.Join(", ", tried.Distinct())}). Rebuild with the libtorch-cpu-linux-x64 package, or set PDEKIT_LIBTORCH to a directory holding libtorch.so.");
        }

        tried.Clear();
        string sharpDir = FindInNativeDirs("libLibTorchSharp.so", tried)
            ?? throw new PdeKitRuntimeException($"libLibTorchSharp.so (TorchSharp's native part) was not found (looked in: {string.Join(", ", tried.Distinct())}). Check that the TorchSharp package restored for linux-x64.");
        string sharpPath = Path.Combine(sharpDir, "libLibTorchSharp.so");

        var (fixNeeded, fixNote) = NeedsLibStdCxxFix(sharpPath);
        string loadPath = sharpPath;
        if (fixNeeded)
            loadPath = PatchedCopy(sharpPath);

        // Dependencies first, by full path, so that the sonames libLibTorchSharp needs are already
        // loaded (a patched copy lives in the cache, away from its $ORIGIN).
        bool cuda = false;
        foreach (var lib in new[] { "libc10.so", "libtorch_cpu.so", "libc10_cuda.so", "libtorch_cuda.so", "libtorch.so" })
        {
            string path = Path.Combine(torchDir, lib);
            if (!File.Exists(path)) continue;
            Handles[lib] = LoadOrThrow(path, $"libtorch from {torchDir} ({source})");
            cuda |= lib == "libtorch_cuda.so";
        }
        Handles["libLibTorchSharp.so"] = LoadOrThrow(loadPath, fixNeeded ? "the patched copy of libLibTorchSharp" : "libLibTorchSharp");
        InstallResolver();
        return new NativeLoadInfo(torchDir, source, loadPath, fixNeeded, fixNote, cuda);
    }

    /// <summary>Decides whether libLibTorchSharp's marker version need must be made weak here.</summary>
    internal static (bool Needed, string Note) NeedsLibStdCxxFix(string libTorchSharpPath)
    {
        var needs = ElfVersionNeeds.Read(File.ReadAllBytes(libTorchSharpPath));
        var marker = needs.FirstOrDefault(n => n.Version == MarkerVersion);
        if (marker is null) return (false, $"libLibTorchSharp does not need {MarkerVersion}");
        if (marker.IsWeak) return (false, $"{MarkerVersion} need is already weak");
        bool? has = SystemLibStdCxxHas(MarkerSymbol, MarkerVersion);
        return has switch
        {
            true => (false, $"system libstdc++ provides {MarkerVersion}: no fix needed"),
            false => (true, $"system libstdc++ lacks {MarkerVersion}: loaded a copy with that need marked weak"),
            null => (true, $"could not query libstdc++ for {MarkerVersion}: loaded a copy with that need marked weak"),
        };
    }

    /// <summary>Returns the cached weak-marker copy, creating it (atomically) when absent or stale.</summary>
    internal static string PatchedCopy(string original)
    {
        byte[] bytes = File.ReadAllBytes(original);
        string hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
        string dir = Path.Combine(CacheDirectory(), "native", hash);
        string target = Path.Combine(dir, "libLibTorchSharp.so");
        byte[] patched;
        try { patched = ElfVersionNeeds.MarkWeak(bytes, MarkerVersion); }
        catch (Exception e) when (e is InvalidOperationException or ElfFormatException)
        {
            throw new PdeKitRuntimeException($"{original} needs {MarkerVersion}, which this system's libstdc++ lacks, and PdeKit refused to patch it: {e.Message}. Install a libstdc++ from GCC 13 or newer.");
        }
        if (File.Exists(target) && File.ReadAllBytes(target).AsSpan().SequenceEqual(patched)) return target;
        Directory.CreateDirectory(dir);
        string temp = Path.Combine(dir, $".tmp-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(temp, patched);
            File.Move(temp, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return target;
    }

    /// <summary>The per-user cache: PDEKIT_CACHE_DIR, else $XDG_CACHE_HOME/pdekit, else ~/.cache/pdekit.</summary>
    internal static string CacheDirectory()
    {
        string? explicitDir = Environment.GetEnvironmentVariable("PDEKIT_CACHE_DIR");
        if (!string.IsNullOrWhiteSpace(explicitDir)) return explicitDir;
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        string root = !string.IsNullOrWhiteSpace(xdg) ? xdg : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "pdekit");
    }

    /// <summary>Full path of a native file shipped with the application, or null.</summary>
    internal static string? LocateNative(string file)
    {
        string? dir = FindInNativeDirs(file, []);
        return dir is null ? null : Path.Combine(dir, file);
    }

    private static string? FindInNativeDirs(string file, List<string> tried)
    {
        var dirs = new List<string>();
        if (AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") is string s)
            dirs.AddRange(s.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
        dirs.Add(AppContext.BaseDirectory);
        dirs.Add(Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native"));
        foreach (var d in dirs)
        {
            tried.Add(d);
            if (File.Exists(Path.Combine(d, file))) return Path.TrimEndingDirectorySeparator(Path.GetFullPath(d));
        }
        return null;
    }

    private static IntPtr LoadOrThrow(string path, string what)
    {
        try { return NativeLibrary.Load(path); }
        catch (DllNotFoundException e)
        {
            throw new PdeKitRuntimeException($"Could not load {what}: {path}. The loader said: {e.Message.Trim()}");
        }
    }

    private static void InstallResolver()
    {
        try
        {
            NativeLibrary.SetDllImportResolver(typeof(TorchSharp.torch).Assembly, (name, _, _) =>
            {
                string key = name.StartsWith("lib", StringComparison.Ordinal) ? name : "lib" + name;
                if (!key.EndsWith(".so", StringComparison.Ordinal)) key += ".so";
                return Handles.TryGetValue(key, out var h) ? h : IntPtr.Zero;
            });
        }
        catch (InvalidOperationException)
        {
            // A resolver is already installed (Initialize is idempotent; a second load keeps the first).
        }
    }

    private static bool SameFile(string a, string b) =>
        string.Equals(Path.GetFullPath(a), Path.GetFullPath(b), StringComparison.Ordinal);

    private static unsafe bool? SystemLibStdCxxHas(string symbol, string version)
    {
        if (!NativeLibrary.TryLoad("libstdc++.so.6", out var stdcxx)) return null;
        IntPtr dl;
        if (!NativeLibrary.TryLoad("libc.so.6", out dl) || !NativeLibrary.TryGetExport(dl, "dlvsym", out var dlvsym))
        {
            if (!NativeLibrary.TryLoad("libdl.so.2", out dl) || !NativeLibrary.TryGetExport(dl, "dlvsym", out dlvsym)) return null;
        }
        var fn = (delegate* unmanaged<IntPtr, byte*, byte*, IntPtr>)dlvsym;
        IntPtr sym = Marshal.StringToCoTaskMemUTF8(symbol), ver = Marshal.StringToCoTaskMemUTF8(version);
        try { return fn(stdcxx, (byte*)sym, (byte*)ver) != IntPtr.Zero; }
        finally
        {
            Marshal.FreeCoTaskMem(sym);
            Marshal.FreeCoTaskMem(ver);
        }
    }
}
