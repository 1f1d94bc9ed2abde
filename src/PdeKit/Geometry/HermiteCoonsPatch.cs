using static TorchSharp.torch;

namespace PdeKit.Geometry;

/// <summary>
/// Values and normal derivatives on the four sides of a rectangle [a, b] x [c, d], blended into one smooth
/// function on the rectangle by the bicubically blended (Hermite) transfinite interpolation (Coons 1967;
/// Gordon and Hall, Int. J. Numer. Meth. Eng. 7, 1973): G = P_x f + P_y f - P_x P_y f, where P_x is cubic
/// Hermite interpolation in x of the values f and x-derivatives f_x given on x = a and x = b, and P_y the same
/// in y with f and f_y on y = c and y = d. G and its gradient equal those of the data on every side when the
/// data come from one smooth function f (their corner values, slopes and twists f_xy then agree), so
/// u = G + phi^2 N with phi vanishing on the sides holds both a function and its normal derivative exactly,
/// e.g. a stream function and, through it, the velocity. Only the data's values on the sides (and the corner
/// twists) are used: f, f_x and f_y are called with points on the sides only, never inside.
/// </summary>
public sealed class HermiteCoonsPatch
{
    private readonly Func<Tensor, Tensor, Tensor> f, fx, fy, fxy;
    private bool corners;
    private readonly double[,] cf = new double[2, 2], cfx = new double[2, 2], cfy = new double[2, 2], cfxy = new double[2, 2];

    /// <summary>Creates the blend from boundary data given as functions of (x, y), each [N, 1], [N, 1] to [N, 1].</summary>
    /// <param name="x">The x interval [a, b].</param>
    /// <param name="y">The y interval [c, d].</param>
    /// <param name="f">The values, used on all four sides.</param>
    /// <param name="fx">The x-derivative, used on x = a and x = b (and at the corners).</param>
    /// <param name="fy">The y-derivative, used on y = c and y = d (and at the corners).</param>
    /// <param name="fxy">The twist f_xy, used at the four corners only.</param>
    /// <exception cref="ArgumentException">An empty or non-finite interval.</exception>
    public HermiteCoonsPatch((double Min, double Max) x, (double Min, double Max) y,
        Func<Tensor, Tensor, Tensor> f, Func<Tensor, Tensor, Tensor> fx, Func<Tensor, Tensor, Tensor> fy, Func<Tensor, Tensor, Tensor> fxy)
    {
        if (!double.IsFinite(x.Min) || !double.IsFinite(x.Max) || !(x.Max > x.Min))
            throw new ArgumentException($"Hermite Coons patch: the x interval [{x.Min}, {x.Max}] must be finite and non-empty", nameof(x));
        if (!double.IsFinite(y.Min) || !double.IsFinite(y.Max) || !(y.Max > y.Min))
            throw new ArgumentException($"Hermite Coons patch: the y interval [{y.Min}, {y.Max}] must be finite and non-empty", nameof(y));
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(fx);
        ArgumentNullException.ThrowIfNull(fy);
        ArgumentNullException.ThrowIfNull(fxy);
        X = x;
        Y = y;
        (this.f, this.fx, this.fy, this.fxy) = (f, fx, fy, fxy);
    }

    /// <summary>
    /// The corner values, slopes and twists, computed on first use (not in the constructor, so that a problem
    /// can be built before the native runtime is loaded).
    /// </summary>
    /// <exception cref="ArgumentException">The data are not finite at a corner.</exception>
    private void EnsureCorners()
    {
        if (corners) return;
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
            {
                var cx = tensor(new[] { i == 0 ? X.Min : X.Max }, [1, 1], ScalarType.Float64);
                var cy = tensor(new[] { j == 0 ? Y.Min : Y.Max }, [1, 1], ScalarType.Float64);
                cf[i, j] = Corner(f, cx, cy, "f");
                cfx[i, j] = Corner(fx, cx, cy, "f_x");
                cfy[i, j] = Corner(fy, cx, cy, "f_y");
                cfxy[i, j] = Corner(fxy, cx, cy, "f_xy");
            }
        corners = true;
    }

    private static double Corner(Func<Tensor, Tensor, Tensor> g, Tensor x, Tensor y, string name)
    {
        double v = g(x, y).to(ScalarType.Float64).cpu().reshape(-1)[0].item<double>();
        return double.IsFinite(v) ? v
            : throw new ArgumentException($"Hermite Coons patch: the data {name} is not finite at the corner ({x.item<double>()}, {y.item<double>()})");
    }

    /// <summary>The x interval.</summary>
    public (double Min, double Max) X { get; }

    /// <summary>The y interval.</summary>
    public (double Min, double Max) Y { get; }

    /// <summary>The cubic Hermite basis at s in [0, 1]: (h00, h01, h10, h11) for value at 0, value at 1, slope at 0, slope at 1.</summary>
    private static (Tensor H00, Tensor H01, Tensor H10, Tensor H11) Basis(Tensor s)
    {
        var s2 = s.square();
        var s3 = s2 * s;
        return (2 * s3 - 3 * s2 + 1, 3 * s2 - 2 * s3, s3 - 2 * s2 + s, s3 - s2);
    }

    /// <summary>G at the points.</summary>
    /// <param name="x">x coordinates, [N, 1].</param>
    /// <param name="y">y coordinates, [N, 1].</param>
    /// <returns>G, [N, 1].</returns>
    /// <exception cref="ArgumentException">The data are not finite at a corner (checked on the first call).</exception>
    public Tensor Evaluate(Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        EnsureCorners();
        double lx = X.Max - X.Min, ly = Y.Max - Y.Min;
        var (a0, a1, a2, a3) = Basis((x - X.Min) / lx);
        var (b0, b1, b2, b3) = Basis((y - Y.Min) / ly);
        Tensor At(double v, Tensor like) => full_like(like, v);
        // P_x f: Hermite in x of the left and right sides' values and x-derivatives.
        var px = a0 * f(At(X.Min, y), y) + a1 * f(At(X.Max, y), y) + lx * (a2 * fx(At(X.Min, y), y) + a3 * fx(At(X.Max, y), y));
        // P_y f: Hermite in y of the bottom and top sides' values and y-derivatives.
        var py = b0 * f(x, At(Y.Min, x)) + b1 * f(x, At(Y.Max, x)) + ly * (b2 * fy(x, At(Y.Min, x)) + b3 * fy(x, At(Y.Max, x)));
        // P_x P_y f: the tensor-product Hermite interpolant of the corner values, slopes and twists.
        Tensor[] ax = [a0, a1], axs = [a2, a3], by = [b0, b1], bys = [b2, b3];
        Tensor pxy = zeros_like(px);
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 2; j++)
                pxy = pxy + ax[i] * by[j] * cf[i, j] + lx * axs[i] * by[j] * cfx[i, j] + ly * ax[i] * bys[j] * cfy[i, j] + lx * ly * axs[i] * bys[j] * cfxy[i, j];
        return px + py - pxy;
    }

    /// <summary>The square of the normalised bubble, (16 s (1 - s) r (1 - r))^2, [N, 1]: it and its gradient vanish on the sides (1 at the centre).</summary>
    /// <param name="x">x coordinates, [N, 1].</param>
    /// <param name="y">y coordinates, [N, 1].</param>
    public Tensor SquaredBubble(Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var s = (x - X.Min) / (X.Max - X.Min);
        var r = (y - Y.Min) / (Y.Max - Y.Min);
        return (16 * s * (1 - s) * r * (1 - r)).square();
    }
}
