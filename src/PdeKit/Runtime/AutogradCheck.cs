using PdeKit.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace PdeKit.Runtime;

/// <summary>Result of the doctor's autograd check on one device.</summary>
/// <param name="Device">Device name ("cpu", "cuda").</param>
/// <param name="Passed">True when the second derivative matched within tolerance.</param>
/// <param name="MaxError">Largest absolute error of f'' against the closed form.</param>
/// <param name="Message">Failure reason, or "ok".</param>
public sealed record AutogradCheckResult(string Device, bool Passed, double MaxError, string Message);

/// <summary>A tiny end-to-end check: the second derivative of f(x) = x^3 + sin(x) by nested autograd equals 6x - sin(x).</summary>
public static class AutogradCheck
{
    /// <summary>Runs the check on <paramref name="device"/> in float64.</summary>
    public static AutogradCheckResult Run(Device device)
    {
        ArgumentNullException.ThrowIfNull(device);
        TorchRuntime.Initialize();
        try
        {
            using var scope = NewDisposeScope();
            var x = linspace(-2, 2, 101, dtype: ScalarType.Float64, device: device).requires_grad_(true);
            var f = x.pow(3) + x.sin();
            var df = autograd.grad([f.sum()], [x], retain_graph: true, create_graph: true)[0];
            var d2f = autograd.grad([df.sum()], [x])[0];
            var exact = 6 * x.detach() - x.detach().sin();
            double err = (d2f - exact).abs().max().cpu().Value();
            bool ok = err < 1e-10;
            return new AutogradCheckResult(device.type.ToString().ToLowerInvariant(), ok, err, ok ? "ok" : $"max error {err:E2} exceeds 1e-10");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return new AutogradCheckResult(device.type.ToString().ToLowerInvariant(), false, double.NaN, e.Message.Split('\n')[0]);
        }
    }
}
