using static TorchSharp.torch;

namespace PdeKit.Operators;

/// <summary>Losses of operator training.</summary>
public static class OperatorLosses
{
    /// <summary>
    /// Mean over the batch of the per-sample relative L2 error <c>||pred - truth||_2 / ||truth||_2</c> (the FNO paper's
    /// training loss and test metric; on a uniform grid it approximates the ratio of the functions' L2 norms).
    /// </summary>
    /// <param name="prediction">Predictions <c>[B, ...]</c>.</param>
    /// <param name="truth">Truth, same shape.</param>
    /// <returns>Scalar tensor.</returns>
    /// <exception cref="ArgumentException">Shapes differ.</exception>
    public static Tensor RelativeL2(Tensor prediction, Tensor truth) => PerSampleRelativeL2(prediction, truth).mean();

    /// <summary>The per-sample relative L2 errors.</summary>
    /// <param name="prediction">Predictions <c>[B, ...]</c>.</param>
    /// <param name="truth">Truth, same shape.</param>
    /// <returns><c>[B]</c>.</returns>
    /// <exception cref="ArgumentException">Shapes differ.</exception>
    public static Tensor PerSampleRelativeL2(Tensor prediction, Tensor truth)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(truth);
        if (!prediction.shape.SequenceEqual(truth.shape)) throw new ArgumentException($"Prediction [{string.Join(", ", prediction.shape)}] and truth [{string.Join(", ", truth.shape)}] differ in shape.");
        long b = prediction.shape[0];
        var diff = (prediction - truth).reshape(b, -1).norm(1);
        var norm = truth.reshape(b, -1).norm(1).clamp_min(1e-30);
        return diff / norm;
    }

    /// <summary>
    /// Residual of Darcy flow <c>-div(a grad u) - f</c> at the interior nodes of the unit square, by the conservative
    /// 5-point scheme of the data solver (face permeability: harmonic mean of the two nodes), on the output grid.
    /// </summary>
    /// <param name="permeability">a at the nodes, <c>[B, 1, R, R]</c> in physical units.</param>
    /// <param name="pressure">u at the nodes, <c>[B, 1, R, R]</c> in physical units.</param>
    /// <param name="source">f (default 1).</param>
    /// <returns>Residual at the interior nodes, <c>[B, 1, R-2, R-2]</c>.</returns>
    /// <exception cref="ArgumentException">Shapes differ, or a grid below 3 x 3.</exception>
    public static Tensor DarcyResidual(Tensor permeability, Tensor pressure, double source = 1.0)
    {
        ArgumentNullException.ThrowIfNull(permeability);
        ArgumentNullException.ThrowIfNull(pressure);
        if (pressure.dim() != 4 || !permeability.shape.SequenceEqual(pressure.shape) || pressure.shape[2] != pressure.shape[3] || pressure.shape[2] < 3)
        {
            throw new ArgumentException($"Darcy residual needs a and u of one shape [B, 1, R, R] with R >= 3; got [{string.Join(", ", permeability.shape)}] and [{string.Join(", ", pressure.shape)}].");
        }

        long r = pressure.shape[2];
        double h = 1.0 / (r - 1);
        var a = permeability;
        var u = pressure;

        // Axis 2 is y (rows j), axis 3 is x (columns i), as in the data files: faces between neighbours along each axis.
        var ax = 2 * a[.., .., .., 1..] * a[.., .., .., ..^1] / (a[.., .., .., 1..] + a[.., .., .., ..^1]);   // [B,1,R,R-1]
        var ay = 2 * a[.., .., 1.., ..] * a[.., .., ..^1, ..] / (a[.., .., 1.., ..] + a[.., .., ..^1, ..]);   // [B,1,R-1,R]
        var fx = ax * (u[.., .., .., 1..] - u[.., .., .., ..^1]);
        var fy = ay * (u[.., .., 1.., ..] - u[.., .., ..^1, ..]);
        var divergence = ((fx[.., .., 1..^1, 1..] - fx[.., .., 1..^1, ..^1]) + (fy[.., .., 1.., 1..^1] - fy[.., .., ..^1, 1..^1])) / (h * h);
        return -divergence - source;
    }
}
