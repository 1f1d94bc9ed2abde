using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Sampling;

/// <summary>How collocation points are drawn in the domain.</summary>
public enum SamplerKind
{
    /// <summary>Independent uniform points.</summary>
    Uniform,

    /// <summary>Latin hypercube: each axis stratified into N equal bins, one point per bin.</summary>
    LatinHypercube,

    /// <summary>Scrambled-free Sobol sequence (Joe-Kuo direction numbers), randomly shifted (Cranley-Patterson) per draw.</summary>
    Sobol,
}

/// <summary>Draws points in a domain (a box, or a region in (x, y) or (x, y, z) times intervals) and on its boundary.</summary>
public static partial class Sampler
{
    /// <summary>
    /// Draws <paramref name="n"/> points in <paramref name="domain"/>, shape [n, d], float32 on <paramref name="device"/>.
    /// In a domain with a region, points lie inside the region: a larger draw of the same kind in the
    /// bounding box, the points outside rejected (for Sobol, the first n inside points of one shifted sequence).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is not positive.</exception>
    public static Tensor Draw(SamplerKind kind, Domain domain, int n, Random rng, Device device, ScalarType dtype = ScalarType.Float32)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(rng);
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "the number of points must be positive");
        int d = domain.Dimension;
        var points = domain.HasRegion ? InRegion(kind, domain, n, rng) : InBox(kind, domain, n, rng);
        using var scope = NewDisposeScope();
        return tensor(points, [n, d], dtype: ScalarType.Float64).to(dtype).to(device).MoveToOuterDisposeScope();
    }

    /// <summary>n points of the given kind in the domain's box, row-major [n * d].</summary>
    private static double[] InBox(SamplerKind kind, Domain domain, int n, Random rng)
    {
        int d = domain.Dimension;
        var unit = kind switch
        {
            SamplerKind.Uniform => UniformUnit(n, d, rng),
            SamplerKind.LatinHypercube => LatinHypercubeUnit(n, d, rng),
            SamplerKind.Sobol => SobolShifted(n, d, RandomShift(d, rng)),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown sampler"),
        };
        return ToBox(unit, domain);
    }

    /// <summary>Maps unit-cube points [n * d] onto the domain's box, in place.</summary>
    private static double[] ToBox(double[] unit, Domain domain)
    {
        int d = domain.Dimension;
        for (int i = 0; i < unit.Length / d; i++)
            for (int j = 0; j < d; j++)
                unit[i * d + j] = domain.Axes[j].Min + domain.Axes[j].Length * unit[i * d + j];
        return unit;
    }

    /// <summary>Points on the face where axis <paramref name="axis"/> equals its min (<paramref name="upper"/> false) or max, uniform over the other axes, shape [n, d].</summary>
    public static Tensor DrawFace(Domain domain, string axis, bool upper, int n, Random rng, Device device, ScalarType dtype = ScalarType.Float32)
    {
        ArgumentNullException.ThrowIfNull(domain);
        int j = domain.IndexOf(axis);
        if (domain.RegionAxes.Contains(axis))
            throw new ArgumentException($"the domain is a region; a face at {axis} = {(upper ? domain.Axes[j].Max : domain.Axes[j].Min)} is its bounding box's, not its boundary: use boundary parts (Constraint.OnBoundary, Sampler.DrawBoundary)", nameof(axis));
        using var scope = NewDisposeScope();
        var pts = Draw(SamplerKind.LatinHypercube, domain, n, rng, CPU, ScalarType.Float64);
        pts[.., j] = tensor(upper ? domain.Axes[j].Max : domain.Axes[j].Min, ScalarType.Float64);
        return pts.to(dtype).to(device).MoveToOuterDisposeScope();
    }

    internal static double[] UniformUnit(int n, int d, Random rng)
    {
        var u = new double[n * d];
        for (int i = 0; i < u.Length; i++) u[i] = rng.NextDouble();
        return u;
    }

    internal static double[] LatinHypercubeUnit(int n, int d, Random rng)
    {
        var u = new double[n * d];
        var perm = new int[n];
        for (int j = 0; j < d; j++)
        {
            for (int i = 0; i < n; i++) perm[i] = i;
            rng.Shuffle(perm);
            for (int i = 0; i < n; i++) u[i * d + j] = (perm[i] + rng.NextDouble()) / n;
        }
        return u;
    }

    private static double[] RandomShift(int d, Random rng)
    {
        var shift = new double[d];
        for (int j = 0; j < d; j++) shift[j] = rng.NextDouble();
        return shift;
    }

    private static double[] SobolShifted(int n, int d, double[] shift)
    {
        var u = SobolSequence.Generate(n, d);
        for (int j = 0; j < d; j++)
        {
            for (int i = 0; i < n; i++)
            {
                double v = u[i * d + j] + shift[j];
                u[i * d + j] = v >= 1 ? v - 1 : v;
            }
        }
        return u;
    }
}
