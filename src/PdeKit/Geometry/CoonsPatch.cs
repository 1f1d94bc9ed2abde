using static TorchSharp.torch;

namespace PdeKit.Geometry;

/// <summary>
/// Dirichlet data on the four sides of a rectangle [a, b] x [c, d], blended into one smooth function on the
/// rectangle by the bilinearly blended transfinite (Coons) interpolation (S. A. Coons, "Surfaces for
/// computer-aided design of space forms", MIT MAC-TR-41, 1967; Gordon and Hall, Int. J. Numer. Meth. Eng. 7,
/// 1973): with s = (x - a)/(b - a) and r = (y - c)/(d - c),
/// g = (1 - s) L(y) + s R(y) + (1 - r) B(x) + r T(x) - [(1 - s)(1 - r) B(a) + s (1 - r) B(b) + (1 - s) r T(a) + s r T(b)].
/// g equals each side's data on that side exactly when the data agree at the corners, and it is as smooth
/// as the data (unlike inverse-distance blending, whose derivatives grow near the corners). Together with a
/// distance function that vanishes on the sides, u = g + phi N holds the data exactly without knowing the
/// solution inside. Each side's data is a function of that side's own coordinate only (x for bottom and top,
/// y for left and right), shape [N, 1] to [N, k].
/// </summary>
public sealed class CoonsPatch
{
    private readonly Func<Tensor, Tensor> bottom, right, top, left;

    /// <summary>Creates the blend.</summary>
    /// <param name="x">The x interval [a, b].</param>
    /// <param name="y">The y interval [c, d].</param>
    /// <param name="bottom">Data B(x) on y = c.</param>
    /// <param name="right">Data R(y) on x = b.</param>
    /// <param name="top">Data T(x) on y = d.</param>
    /// <param name="left">Data L(y) on x = a.</param>
    /// <exception cref="ArgumentException">An empty or non-finite interval.</exception>
    public CoonsPatch((double Min, double Max) x, (double Min, double Max) y,
        Func<Tensor, Tensor> bottom, Func<Tensor, Tensor> right, Func<Tensor, Tensor> top, Func<Tensor, Tensor> left)
    {
        if (!double.IsFinite(x.Min) || !double.IsFinite(x.Max) || !(x.Max > x.Min))
            throw new ArgumentException($"Coons patch: the x interval [{x.Min}, {x.Max}] must be finite and non-empty", nameof(x));
        if (!double.IsFinite(y.Min) || !double.IsFinite(y.Max) || !(y.Max > y.Min))
            throw new ArgumentException($"Coons patch: the y interval [{y.Min}, {y.Max}] must be finite and non-empty", nameof(y));
        ArgumentNullException.ThrowIfNull(bottom);
        ArgumentNullException.ThrowIfNull(right);
        ArgumentNullException.ThrowIfNull(top);
        ArgumentNullException.ThrowIfNull(left);
        X = x;
        Y = y;
        (this.bottom, this.right, this.top, this.left) = (bottom, right, top, left);
    }

    /// <summary>The x interval.</summary>
    public (double Min, double Max) X { get; }

    /// <summary>The y interval.</summary>
    public (double Min, double Max) Y { get; }

    /// <summary>g at the points.</summary>
    /// <param name="x">x coordinates, [N, 1].</param>
    /// <param name="y">y coordinates, [N, 1].</param>
    /// <returns>g, [N, k] (k the width of the side data).</returns>
    public Tensor Evaluate(Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var s = (x - X.Min) / (X.Max - X.Min);
        var r = (y - Y.Min) / (Y.Max - Y.Min);
        Tensor Corner(Func<Tensor, Tensor> side, double at) => side(full_like(x[..1], at));
        var edges = (1 - s) * left(y) + s * right(y) + (1 - r) * bottom(x) + r * top(x);
        var corners = (1 - s) * (1 - r) * Corner(bottom, X.Min) + s * (1 - r) * Corner(bottom, X.Max)
            + (1 - s) * r * Corner(top, X.Min) + s * r * Corner(top, X.Max);
        return edges - corners;
    }

    /// <summary>The normalised bubble 16 s (1 - s) r (1 - r), zero on the sides and 1 at the centre, [N, 1]: a smooth distance-like factor for the ansatz.</summary>
    /// <param name="x">x coordinates, [N, 1].</param>
    /// <param name="y">y coordinates, [N, 1].</param>
    public Tensor Bubble(Tensor x, Tensor y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var s = (x - X.Min) / (X.Max - X.Min);
        var r = (y - Y.Min) / (Y.Max - Y.Min);
        return 16 * s * (1 - s) * r * (1 - r);
    }
}
