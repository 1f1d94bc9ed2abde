using System.Runtime.InteropServices;
using System.Text;

namespace PdeKit.Runtime;

/// <summary>One CUDA device as the driver reports it.</summary>
/// <param name="Index">Device ordinal.</param>
/// <param name="Name">Marketing name, e.g. "NVIDIA H100 80GB HBM3".</param>
/// <param name="TotalMemoryBytes">Total device memory in bytes.</param>
public sealed record CudaDeviceInfo(int Index, string Name, long TotalMemoryBytes);

/// <summary>Reads device names and memory from the CUDA driver API (libcuda.so.1), without a CUDA toolkit.</summary>
internal static class CudaDriver
{
    /// <summary>The devices, or an empty list when no driver is installed.</summary>
    internal static unsafe IReadOnlyList<CudaDeviceInfo> Devices()
    {
        if (!NativeLibrary.TryLoad("libcuda.so.1", out var lib)) return [];
        if (!NativeLibrary.TryGetExport(lib, "cuInit", out var init)
            || !NativeLibrary.TryGetExport(lib, "cuDeviceGetCount", out var count)
            || !NativeLibrary.TryGetExport(lib, "cuDeviceGetName", out var name)
            || !NativeLibrary.TryGetExport(lib, "cuDeviceTotalMem_v2", out var mem)) return [];
        if (((delegate* unmanaged<uint, int>)init)(0) != 0) return [];
        int n;
        if (((delegate* unmanaged<int*, int>)count)(&n) != 0) return [];
        var list = new List<CudaDeviceInfo>();
        var buffer = new byte[256];
        for (int i = 0; i < n; i++)
        {
            nuint total = 0;
            fixed (byte* b = buffer)
            {
                if (((delegate* unmanaged<byte*, int, int, int>)name)(b, buffer.Length, i) != 0) continue;
            }
            _ = ((delegate* unmanaged<nuint*, int, int>)mem)(&total, i);
            int len = Array.IndexOf(buffer, (byte)0);
            list.Add(new CudaDeviceInfo(i, Encoding.ASCII.GetString(buffer, 0, len < 0 ? buffer.Length : len), (long)total));
        }
        return list;
    }
}
