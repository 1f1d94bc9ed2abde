using System.Runtime.InteropServices;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Runtime;

/// <summary>
/// Captures a piece of GPU work once as a CUDA graph and replays it, through libtorch's own
/// <c>at::cuda::CUDAGraph</c> (TorchSharp has no binding): its exported C++ symbols and c10's stream
/// functions are resolved from libtorch_cuda.so / libc10_cuda.so and called through unmanaged function
/// pointers. The graph object lives in a zeroed native buffer much larger than the class.
/// </summary>
/// <remarks>
/// Strictly guarded: <see cref="TryCapture"/> returns null, with a one-line notice, on the CPU, when a
/// symbol is missing, when the libtorch in use is not one this was written against
/// (<see cref="TestedLibTorch"/>; <c>PDEKIT_CUDA_GRAPH_FORCE=1</c> overrides), or when a self-test (capture
/// and replay of y = 2 x + 1) gives a wrong result. The captured work must keep its tensors at fixed
/// addresses (write new inputs into them in place between replays), must not read values back to the host
/// and must not copy host data to the device. A C++ exception thrown by capture_end (a capture broken by a
/// forbidden operation) cannot be caught across the unmanaged boundary and ends the process.
/// Not yet run on a GPU where it was written (no GPU there); the symbols and calling conventions follow the
/// prototype measured on an H100 (issue 8).
/// </remarks>
public sealed unsafe class CudaGraph : IDisposable
{
    /// <summary>libtorch versions (major.minor) this binding was written against: TorchSharp 0.107's 2.10 and the GPU machine's PyTorch 2.11.</summary>
    public static readonly IReadOnlyList<string> TestedLibTorch = ["2.10", "2.11"];

    private const int GraphBytes = 64 * 1024;

    [StructLayout(LayoutKind.Sequential)]
    private struct MempoolId
    {
        public ulong First;
        public ulong Second;
    }

    [StructLayout(LayoutKind.Sequential, Size = 16)]
    private struct CudaStream
    {
        public long A;
        public long B;
    }

    private sealed class Api
    {
        public delegate* unmanaged<IntPtr, byte, void> CtorKeep;
        public delegate* unmanaged<IntPtr, void> CtorPlain;
        public delegate* unmanaged<IntPtr, MempoolId, int, void> CaptureBegin;
        public delegate* unmanaged<IntPtr, void> CaptureEnd;
        public delegate* unmanaged<IntPtr, void> Replay;
        public delegate* unmanaged<IntPtr, void> Destroy;
        public delegate* unmanaged<byte, sbyte, CudaStream> StreamFromPool;
        public delegate* unmanaged<sbyte, CudaStream> CurrentStream;
        public delegate* unmanaged<CudaStream, void> SetCurrentStream;
    }

    private static readonly Lock Gate = new();
    private static Api? api;
    private static string? unavailable;
    private static bool selfTested;

    private IntPtr graph;

    private CudaGraph(IntPtr graph) => this.graph = graph;

    /// <summary>
    /// Runs <paramref name="work"/> <paramref name="warmup"/> times on a side stream, then captures one more
    /// run as a graph. Returns null (and calls <paramref name="notice"/> with the reason) when graphs cannot be
    /// used here; the caller then runs <paramref name="work"/> eagerly.
    /// </summary>
    /// <param name="work">The work to capture (its tensors must stay at fixed addresses).</param>
    /// <param name="device">The device the work runs on; anything but CUDA gives null.</param>
    /// <param name="warmup">Eager runs on the side stream before capture (allocator and autograd warm-up), at least 1.</param>
    /// <param name="notice">Receives a one-line notice when the graph path is not taken.</param>
    public static CudaGraph? TryCapture(Action work, Device device, int warmup = 3, Action<string>? notice = null)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(device);
        if (warmup < 1) throw new ArgumentOutOfRangeException(nameof(warmup), warmup, "at least one warm-up run before capture");
        if (device.type != DeviceType.CUDA)
        {
            notice?.Invoke("CUDA graphs: not used (the device is not CUDA); running eagerly");
            return null;
        }
        var why = Availability();
        if (why is not null)
        {
            notice?.Invoke($"CUDA graphs: not used ({why}); running eagerly");
            return null;
        }
        lock (Gate)
        {
            if (!selfTested)
            {
                var failure = SelfTest(device);
                if (failure is not null)
                {
                    unavailable = failure;
                    notice?.Invoke($"CUDA graphs: not used ({failure}); running eagerly");
                    return null;
                }
                selfTested = true;
            }
        }
        return Capture(work, device, warmup);
    }

    /// <summary>Launches the captured work once (on the current stream; asynchronous like any kernel).</summary>
    /// <exception cref="ObjectDisposedException">The graph was disposed.</exception>
    public void Replay()
    {
        ObjectDisposedException.ThrowIf(graph == IntPtr.Zero, this);
        api!.Replay(graph);
    }

    /// <summary>Destroys the graph (its memory pool is released by libtorch) and frees the native buffer.</summary>
    public void Dispose()
    {
        if (graph == IntPtr.Zero) return;
        if (api!.Destroy != null) api.Destroy(graph);
        NativeMemory.Free((void*)graph);
        graph = IntPtr.Zero;
    }

    /// <summary>Why graphs cannot be used with the loaded libtorch, or null when the symbols resolve and the version is a tested one.</summary>
    public static string? Availability()
    {
        lock (Gate)
        {
            if (api is not null || unavailable is not null) return unavailable;
            var rt = TorchRuntime.Initialize();
            if (!rt.CudaAvailable) return unavailable = "CUDA is not available";
            var version = rt.LibTorchVersion;
            bool tested = TestedLibTorch.Any(v => version == v || version.StartsWith(v + ".", StringComparison.Ordinal));
            if (!tested && Environment.GetEnvironmentVariable("PDEKIT_CUDA_GRAPH_FORCE") != "1")
                return unavailable = $"libtorch {version} is not one this binding was tested with ({string.Join(", ", TestedLibTorch)}); set PDEKIT_CUDA_GRAPH_FORCE=1 to try";
            try
            {
                api = Resolve(rt.Native.LibTorchDirectory);
                return null;
            }
            catch (EntryPointNotFoundException e)
            {
                return unavailable = e.Message;
            }
            catch (DllNotFoundException e)
            {
                return unavailable = e.Message;
            }
        }
    }

    private static Api Resolve(string? directory)
    {
        var torchCuda = Open("libtorch_cuda.so", directory);
        var c10Cuda = Open("libc10_cuda.so", directory);
        var a = new Api();
        if (NativeLibrary.TryGetExport(torchCuda, "_ZN2at4cuda9CUDAGraphC1Eb", out var ctor)) a.CtorKeep = (delegate* unmanaged<IntPtr, byte, void>)ctor;
        else a.CtorPlain = (delegate* unmanaged<IntPtr, void>)Export(torchCuda, "_ZN2at4cuda9CUDAGraphC1Ev");
        a.CaptureBegin = (delegate* unmanaged<IntPtr, MempoolId, int, void>)Export(torchCuda, "_ZN2at4cuda9CUDAGraph13capture_beginESt4pairIyyE21cudaStreamCaptureMode");
        a.CaptureEnd = (delegate* unmanaged<IntPtr, void>)Export(torchCuda, "_ZN2at4cuda9CUDAGraph11capture_endEv");
        a.Replay = (delegate* unmanaged<IntPtr, void>)Export(torchCuda, "_ZN2at4cuda9CUDAGraph6replayEv");
        if (NativeLibrary.TryGetExport(torchCuda, "_ZN2at4cuda9CUDAGraphD1Ev", out var dtor)) a.Destroy = (delegate* unmanaged<IntPtr, void>)dtor;
        a.StreamFromPool = (delegate* unmanaged<byte, sbyte, CudaStream>)Export(c10Cuda, "_ZN3c104cuda17getStreamFromPoolEba");
        a.CurrentStream = (delegate* unmanaged<sbyte, CudaStream>)Export(c10Cuda, "_ZN3c104cuda20getCurrentCUDAStreamEa");
        a.SetCurrentStream = (delegate* unmanaged<CudaStream, void>)Export(c10Cuda, "_ZN3c104cuda20setCurrentCUDAStreamENS0_10CUDAStreamE");
        return a;
    }

    private static IntPtr Open(string file, string? directory)
    {
        if (directory is not null && NativeLibrary.TryLoad(Path.Combine(directory, file), out var h)) return h;
        if (NativeLoader.LocateNative(file) is { } path && NativeLibrary.TryLoad(path, out h)) return h;
        if (NativeLibrary.TryLoad(file, out h)) return h;
        throw new DllNotFoundException($"{file} not found{(directory is null ? "" : " in " + directory)}");
    }

    private static IntPtr Export(IntPtr library, string symbol) =>
        NativeLibrary.TryGetExport(library, symbol, out var p) ? p : throw new EntryPointNotFoundException($"libtorch symbol {symbol} is missing");

    private static CudaGraph Capture(Action work, Device device, int warmup)
    {
        var a = api!;
        sbyte index = (sbyte)Math.Max(device.index, 0);
        cuda.synchronize();
        var previous = a.CurrentStream(index);
        var side = a.StreamFromPool(0, index);
        a.SetCurrentStream(side);
        IntPtr buffer = IntPtr.Zero;
        try
        {
            for (int i = 0; i < warmup; i++) work();
            cuda.synchronize();
            buffer = (IntPtr)NativeMemory.AllocZeroed(GraphBytes);
            if (a.CtorKeep != null) a.CtorKeep(buffer, 0);
            else a.CtorPlain(buffer);
            a.CaptureBegin(buffer, default, 0); // cudaStreamCaptureModeGlobal
            try
            {
                work();
            }
            finally
            {
                a.CaptureEnd(buffer);
            }
            var result = new CudaGraph(buffer);
            buffer = IntPtr.Zero;
            return result;
        }
        finally
        {
            a.SetCurrentStream(previous);
            cuda.synchronize();
            if (buffer != IntPtr.Zero) NativeMemory.Free((void*)buffer);
        }
    }

    /// <summary>Captures y = 2 x + 1 on a small static tensor, changes x, replays, and checks y on the host.</summary>
    private static string? SelfTest(Device device)
    {
        using var scope = NewDisposeScope();
        var x = zeros(1024, device: device);
        var y = zeros(1024, device: device);
        using var g = Capture(() =>
        {
            using var inner = NewDisposeScope();
            y.copy_(x * 2 + 1);
        }, device, 2);
        x.copy_(arange(1024, dtype: ScalarType.Float32).to(device));
        g.Replay();
        cuda.synchronize();
        var expected = arange(1024, dtype: ScalarType.Float32) * 2 + 1;
        return y.cpu().allclose(expected) ? null : "the self-test replay gave a wrong result";
    }
}
