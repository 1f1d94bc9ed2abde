namespace PdeKit.Runtime;

/// <summary>Which device to compute on.</summary>
public enum DeviceChoice
{
    /// <summary>CUDA when available, else the CPU.</summary>
    Auto,

    /// <summary>The CPU.</summary>
    Cpu,

    /// <summary>The first CUDA device; an error when none is available.</summary>
    Cuda,
}
