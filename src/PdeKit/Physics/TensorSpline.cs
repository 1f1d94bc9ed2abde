using MathNet.Numerics.Interpolation;
using static TorchSharp.torch;

namespace PdeKit.Physics;

/// <summary>
/// A cubic spline through tabulated values on uniform knots, evaluated as a differentiable tensor
/// expression: twice continuously differentiable, so it can carry initial or boundary data from a table
/// (e.g. an exact solution computed by Laplace inversion) into an ansatz whose residual differentiates
/// it twice. Outside the knots the end cubics are extended.
/// </summary>
public sealed class TensorSpline
{
    private readonly double x0, h;
    private readonly double[] coefficients; // per interval: a, b, c, d in a + b s + c s^2 + d s^3, s = (x - x_i)/h

    /// <summary>Fits the clamped spline through f at <paramref name="knots"/> uniform points on [x0, x1], with end slopes from one-sided differences of f.</summary>
    /// <exception cref="ArgumentException">Fewer than 4 knots, a bad interval, or a non-finite value of f.</exception>
    public TensorSpline(Func<double, double> f, double x0, double x1, int knots)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (knots < 4) throw new ArgumentException($"a spline needs at least 4 knots (got {knots})", nameof(knots));
        if (!double.IsFinite(x0) || !double.IsFinite(x1) || !(x1 > x0)) throw new ArgumentException($"the spline interval [{x0}, {x1}] must be finite and non-empty");
        this.x0 = x0;
        h = (x1 - x0) / (knots - 1);
        var xs = Enumerable.Range(0, knots).Select(i => x0 + i * h).ToArray();
        var ys = xs.Select(f).ToArray();
        int bad = Array.FindIndex(ys, v => !double.IsFinite(v));
        if (bad >= 0) throw new ArgumentException($"the tabulated function is {ys[bad]} at x = {xs[bad]}");
        // End slopes from one-sided fourth-order differences of f at half the knot spacing (f is only
        // sampled inside [x0, x1]), so the ends are as accurate as the interior.
        double EndSlope(double x, double step)
        {
            double f0 = f(x), f1 = f(x + step), f2 = f(x + 2 * step), f3 = f(x + 3 * step), f4 = f(x + 4 * step);
            return (-25 * f0 + 48 * f1 - 36 * f2 + 16 * f3 - 3 * f4) / (12 * step);
        }
        double left = EndSlope(x0, h / 2), right = EndSlope(x1, -h / 2);
        if (!double.IsFinite(left) || !double.IsFinite(right)) throw new ArgumentException($"the tabulated function is not finite near the ends of [{x0}, {x1}]");
        var spline = CubicSpline.InterpolateBoundaries(xs, ys, SplineBoundaryCondition.FirstDerivative, left, SplineBoundaryCondition.FirstDerivative, right);
        coefficients = new double[(knots - 1) * 4];
        for (int i = 0; i < knots - 1; i++)
        {
            double d2a = spline.Differentiate2(xs[i]), d2b = spline.Differentiate2(xs[i + 1] - 1e-12 * h);
            coefficients[4 * i] = ys[i];
            coefficients[4 * i + 1] = spline.Differentiate(xs[i]) * h;
            coefficients[4 * i + 2] = d2a * h * h / 2;
            coefficients[4 * i + 3] = (d2b - d2a) * h * h / 6;
        }
    }

    /// <summary>Number of intervals.</summary>
    public int Intervals => coefficients.Length / 4;

    /// <summary>The spline at <paramref name="x"/> (any shape), differentiable in x.</summary>
    public Tensor Evaluate(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        using var table = tensor(coefficients, [Intervals, 4], dtype: x.dtype, device: x.device);
        var u = (x - x0) / h;
        var i = u.detach().floor().clamp(0, Intervals - 1).to(ScalarType.Int64);
        var s = u - i.to(x.dtype);
        var flat = i.flatten();
        var c = table.index_select(0, flat).reshape([.. x.shape, 4]);
        var (a, b, cc, d) = (c.select(-1, 0), c.select(-1, 1), c.select(-1, 2), c.select(-1, 3));
        return a + s * (b + s * (cc + s * d));
    }
}
