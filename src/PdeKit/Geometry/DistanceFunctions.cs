using static TorchSharp.torch;

namespace PdeKit.Geometry;

/// <summary>
/// Approximate distance functions (ADFs) as differentiable TorchSharp functions, after N. Sukumar and
/// A. Srivastava, "Exact imposition of boundary conditions with distance functions in physics-informed
/// deep neural networks", Computer Methods in Applied Mechanics and Engineering 389 (2022) 114333.
/// A piece's ADF is zero exactly on the piece, positive elsewhere and normalised to first order (its
/// normal derivative is 1 on the piece): for a segment or arc, the trimmed construction
/// phi = sqrt(f^2 + ((sqrt(t^2 + f^4) - t) / 2)^2), with f the signed distance to the supporting line
/// (or (r^2 - |x - c|^2) / (2 r) for a circle) and t a trimming function that is non-negative exactly
/// where the piece is. Pieces are joined by R-equivalence, phi = (sum_i phi_i^-m)^(-1/m).
/// </summary>
/// <remarks>
/// Numerical care: square roots are guarded so that points exactly on the boundary or at vertices
/// give finite first and second derivatives. Within a thin band (1e-6 of the geometry's size) on the
/// inner side of an oriented piece phi is the signed distance f itself, which the trimmed phi equals
/// there to rounding; so autograd at sampled boundary points gives the inward unit normal as the
/// gradient (one-sided from inside), whatever side float rounding put the point on.
/// </remarks>
public static class DistanceFunctions
{
    /// <summary>Relative width of the band next to an oriented piece in which phi is the signed distance.</summary>
    public const double RelativeBand = 1e-6;

    /// <summary>The trimmed ADF of the segment from (x0, y0) to (x1, y1), oriented with the region on its left.</summary>
    /// <remarks>A convenience for one-off use; in an ansatz, build a <see cref="DistanceFunction"/> once (it keeps its constants on the device).</remarks>
    /// <param name="x">x coordinates, e.g. [N, 1].</param>
    /// <param name="y">y coordinates, same shape as <paramref name="x"/>.</param>
    /// <param name="x0">Start x.</param>
    /// <param name="y0">Start y.</param>
    /// <param name="x1">End x.</param>
    /// <param name="y1">End y.</param>
    /// <returns>phi, the shape of <paramref name="x"/>.</returns>
    /// <exception cref="ArgumentException">A non-finite or zero-length segment.</exception>
    public static Tensor Segment(Tensor x, Tensor y, double x0, double y0, double x1, double y1) =>
        new DistanceFunction([new LineSegment(x0, y0, x1, y1)]).Evaluate(x, y);

    /// <summary>The ADF of a circle, |r^2 - |x - c|^2| / (2 r), one-sided toward the disk at the circle.</summary>
    /// <remarks>A convenience for one-off use; in an ansatz, build a <see cref="DistanceFunction"/> once.</remarks>
    /// <param name="x">x coordinates, e.g. [N, 1].</param>
    /// <param name="y">y coordinates, same shape as <paramref name="x"/>.</param>
    /// <param name="cx">Centre x.</param>
    /// <param name="cy">Centre y.</param>
    /// <param name="radius">Radius, positive.</param>
    /// <returns>phi, the shape of <paramref name="x"/>.</returns>
    /// <exception cref="ArgumentException">A non-finite centre or a radius that is not positive.</exception>
    public static Tensor Circle(Tensor x, Tensor y, double cx, double cy, double radius) =>
        new DistanceFunction([CircularArc.Circle(cx, cy, radius)]).Evaluate(x, y);

    /// <summary>R-equivalence of two ADFs, (a^-m + b^-m)^(-1/m) = a b / (|a|^m + |b|^m)^(1/m), zero where either is.</summary>
    /// <param name="a">First ADF values, any shape.</param>
    /// <param name="b">Second ADF values, broadcastable with <paramref name="a"/>.</param>
    /// <param name="m">Order, 1 or 2.</param>
    /// <returns>The joined ADF, the broadcast shape.</returns>
    /// <exception cref="ArgumentException">m is not 1 or 2.</exception>
    public static Tensor REquivalence(Tensor a, Tensor b, int m = 1)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        CheckOrder(m);
        var den = m == 1 ? a.abs() + b.abs() : a.square() + b.square();
        var positive = den > 0;
        var safe = where(positive, den, ones_like(den));
        var ratio = m == 1 ? a * b / safe : a * b * safe.rsqrt();
        return where(positive, ratio, zeros_like(ratio));
    }

    /// <summary>R-equivalence of many ADFs, (sum_i phi_i^-m)^(-1/m).</summary>
    /// <param name="phis">ADF values, each of the same (or a broadcastable) shape.</param>
    /// <param name="m">Order, 1 or 2.</param>
    /// <returns>The joined ADF.</returns>
    /// <exception cref="ArgumentException">No ADF given, or m is not 1 or 2.</exception>
    public static Tensor REquivalence(IReadOnlyList<Tensor> phis, int m = 1)
    {
        ArgumentNullException.ThrowIfNull(phis);
        if (phis.Count == 0) throw new ArgumentException("R-equivalence needs at least one distance function", nameof(phis));
        var level = phis.ToList();
        while (level.Count > 1)
        {
            var next = new List<Tensor>((level.Count + 1) / 2);
            for (int i = 0; i + 1 < level.Count; i += 2) next.Add(REquivalence(level[i], level[i + 1], m));
            if (level.Count % 2 == 1) next.Add(level[^1]);
            level = next;
        }
        return level[0];
    }

    /// <summary>R-equivalence over the columns of [N, K] values: a balanced tree of pairwise joins, [N, 1].</summary>
    internal static Tensor REquivalenceColumns(Tensor phis, int m)
    {
        var level = phis;
        while (level.shape[1] > 1)
        {
            long k = level.shape[1], pairs = k / 2;
            var paired = level.narrow(1, 0, 2 * pairs).reshape(level.shape[0], pairs, 2);
            var joined = REquivalence(paired.select(2, 0), paired.select(2, 1), m);
            level = k % 2 == 1 ? cat([joined, level.narrow(1, k - 1, 1)], 1) : joined;
        }
        return level;
    }

    /// <summary>
    /// The trimmed ADF from the signed distance <paramref name="f"/> (positive on the region side) and the
    /// trimming function <paramref name="t"/> (non-negative where the piece is).
    /// </summary>
    /// <param name="f">Signed distance to the supporting line or circle, [N, K].</param>
    /// <param name="t">Trimming function, [N, K].</param>
    /// <param name="band">Half-width of the band where phi = f (oriented pieces), or 0 (unoriented).</param>
    internal static Tensor Trimmed(Tensor f, Tensor t, double band)
    {
        var f2 = f.square();
        var f4 = f2.square();
        var s = GuardedSqrt(t.square() + f4);
        var den = s + t.abs();
        // sqrt(t^2 + f^4) - t without cancellation where t > 0.
        var twoRho = where(t >= 0, f4 / where(den > 0, den, ones_like(den)), den);
        var u = f2 + 0.25 * twoRho.square();
        var phi = GuardedSqrt(u);
        return band > 0 ? where((u < band * band).logical_and(t > 0), f, phi) : phi;
    }

    /// <summary>The ADF of a full circle from its signed f: |f|, or one-sided f within the band.</summary>
    internal static Tensor FullCircle(Tensor f, double band) => band > 0 ? where(f > -band, f, -f) : f.abs();

    /// <summary>sqrt(u) for u &gt;= 0 with a finite gradient (zero) where u = 0.</summary>
    internal static Tensor GuardedSqrt(Tensor u)
    {
        var positive = u > 0;
        var root = where(positive, u, ones_like(u)).sqrt();
        return where(positive, root, zeros_like(root));
    }

    internal static void CheckOrder(int m)
    {
        if (m != 1 && m != 2) throw new ArgumentException($"the R-equivalence order m must be 1 or 2 (got {m})", nameof(m));
    }
}
