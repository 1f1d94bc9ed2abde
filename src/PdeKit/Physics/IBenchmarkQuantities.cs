using static TorchSharp.torch;

namespace PdeKit.Physics;

/// <summary>A scalar a problem is validated by, with its published value.</summary>
/// <param name="Name">Short name used in history columns (<c>q_NAME</c>) and suite metrics (<c>quantity:NAME</c>), e.g. "cD"; letters, digits and '_' only.</param>
/// <param name="Description">What it is, e.g. "drag coefficient 2 F_x / (U_mean^2 D)".</param>
/// <param name="Published">The published value it should equal.</param>
/// <param name="Source">Where <paramref name="Published"/> comes from.</param>
public sealed record BenchmarkQuantity(string Name, string Description, double Published, string Source);

/// <summary>
/// A problem validated by scalar benchmark quantities computed from the trained network (drag, lift, a pressure
/// difference ...) instead of, or beside, a pointwise field reference. The trainer logs them at every evaluation
/// step, the run directory keeps them in history.csv (<c>q_NAME</c> columns) and summary.json (with the published
/// values and relative errors), and validation suites select them as <c>quantity:NAME</c>.
/// </summary>
public interface IBenchmarkQuantities
{
    /// <summary>The quantities, in the order <see cref="ComputeQuantities"/> returns them.</summary>
    IReadOnlyList<BenchmarkQuantity> BenchmarkQuantities { get; }

    /// <summary>Computes the quantities from a flow.</summary>
    /// <param name="solution">Maps points [N, d] to the problem's outputs [N, outputs], differentiably (a trained network's forward, ansatz included).</param>
    /// <param name="dtype">The floating-point type of <paramref name="solution"/>'s parameters.</param>
    /// <param name="device">The device of <paramref name="solution"/>'s parameters.</param>
    /// <returns>One value per entry of <see cref="BenchmarkQuantities"/>, in that order.</returns>
    IReadOnlyList<double> ComputeQuantities(Func<Tensor, Tensor> solution, ScalarType dtype, Device device);
}
