using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Training;

/// <summary>Reading one-element tensors of any floating type as double (TorchSharp's item&lt;double&gt; needs a float64 tensor).</summary>
internal static class TensorValues
{
    /// <summary>The value of a one-element tensor, as double; copies to the host (a device sync).</summary>
    internal static double Value(this Tensor t)
    {
        using var s = t.ToScalar();
        return s.ToDouble();
    }
}
