using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Geometry;

/// <summary>
/// Dirichlet data given piece by piece (one smooth function per boundary part), blended into one function
/// g on the whole domain that equals each part's data on that part: the transfinite interpolation of
/// Sukumar and Srivastava (2022, CMAME 389, sec. 4), g = sum_i w_i g_i with inverse-distance weights
/// w_i = phi_i^-mu / sum_j phi_j^-mu, phi_i the distance function of part i. The ansatz
/// u = g + phi N (phi the distance function of the whole Dirichlet boundary) then holds the data exactly
/// without knowing the solution inside. The weights are computed as (phi_i^mu + eps)^-1 normalised, so
/// they stay finite on the boundary; on part i, g differs from g_i by O(eps / phi_j^mu), below 1e-12
/// relative away from the ends of the part (at a corner two parts meet and their data should agree).
/// </summary>
public sealed class TransfiniteInterpolation
{
    private readonly IReadOnlyList<(Func<Coords, Tensor> Phi, Func<Coords, Tensor> Data)> parts;
    private readonly double mu, eps;

    /// <summary>Creates the blend of the given parts.</summary>
    /// <param name="parts">Per part: its distance function and its data g_i as a smooth function on the whole domain, [N, 1].</param>
    /// <param name="mu">Weight exponent (Sukumar and Srivastava use 1 to 2; 2 gives smoother blends).</param>
    /// <exception cref="ArgumentException">No parts, or mu not positive.</exception>
    public TransfiniteInterpolation(IReadOnlyList<(DistanceFunction Phi, Func<Coords, Tensor> Data)> parts, double mu = 2)
        : this(Check(parts).Select(p => ((Func<Coords, Tensor>)p.Phi.Evaluate, p.Data)).ToList(), parts.Max(p => p.Phi.Scale), mu)
    {
    }

    /// <summary>Creates the blend of the given parts of a 3D region.</summary>
    /// <param name="parts">Per part: its distance function and its data g_i as a smooth function on the whole domain, [N, 1].</param>
    /// <param name="mu">Weight exponent.</param>
    /// <exception cref="ArgumentException">No parts, or mu not positive.</exception>
    public static TransfiniteInterpolation Of3D(IReadOnlyList<(DistanceFunction3D Phi, Func<Coords, Tensor> Data)> parts, double mu = 2) =>
        new(Check(parts).Select(p => ((Func<Coords, Tensor>)p.Phi.Evaluate, p.Data)).ToList(), parts.Max(p => p.Phi.Scale), mu);

    private TransfiniteInterpolation(IReadOnlyList<(Func<Coords, Tensor> Phi, Func<Coords, Tensor> Data)> parts, double scale, double mu)
    {
        if (!(mu > 0) || !double.IsFinite(mu)) throw new ArgumentException($"mu must be a positive number (got {mu})", nameof(mu));
        this.parts = parts;
        this.mu = mu;
        eps = Math.Pow(1e-14 * scale, mu);
    }

    private static IReadOnlyList<T> Check<T>(IReadOnlyList<T> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0) throw new ArgumentException("a transfinite interpolation needs at least one boundary part", nameof(parts));
        return parts;
    }

    /// <summary>Blends the data of the parts of <paramref name="region"/> named in <paramref name="data"/> (part name to g_i).</summary>
    /// <exception cref="ArgumentException">A name that is not a part of the region.</exception>
    public static TransfiniteInterpolation FromParts(Region2D region, IReadOnlyDictionary<string, Func<Coords, Tensor>> data, double mu = 2)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(data);
        return new TransfiniteInterpolation(data.Select(kv => (new DistanceFunction(region.Part(kv.Key)), kv.Value)).ToList(), mu);
    }

    /// <summary>Blends the data of the parts of the 3D region <paramref name="region"/> named in <paramref name="data"/> (part name to g_i).</summary>
    /// <exception cref="ArgumentException">A name that is not a part of the region.</exception>
    public static TransfiniteInterpolation FromParts(Region3D region, IReadOnlyDictionary<string, Func<Coords, Tensor>> data, double mu = 2)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(data);
        return Of3D(data.Select(kv => (new DistanceFunction3D(region.Part(kv.Key)), kv.Value)).ToList(), mu);
    }

    /// <summary>g at the coordinates, [N, 1].</summary>
    /// <param name="c">Coordinates with axes x and y (and z for a 3D region), [N, d].</param>
    public Tensor Evaluate(Coords c)
    {
        ArgumentNullException.ThrowIfNull(c);
        Tensor? numerator = null, denominator = null;
        foreach (var (phi, data) in parts)
        {
            var w = (phi(c).pow(mu) + eps).reciprocal();
            var g = data(c);
            numerator = numerator is null ? w * g : numerator + w * g;
            denominator = denominator is null ? w : denominator + w;
        }
        return numerator! / denominator!;
    }
}
