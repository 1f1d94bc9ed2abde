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

/// <summary>Draws points in a box domain.</summary>
public static class Sampler
{
    /// <summary>Draws <paramref name="n"/> points in <paramref name="domain"/>, shape [n, d], float32 on <paramref name="device"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> is not positive.</exception>
    public static Tensor Draw(SamplerKind kind, Domain domain, int n, Random rng, Device device, ScalarType dtype = ScalarType.Float32)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(rng);
        if (n <= 0) throw new ArgumentOutOfRangeException(nameof(n), n, "the number of points must be positive");
        int d = domain.Dimension;
        var unit = kind switch
        {
            SamplerKind.Uniform => UniformUnit(n, d, rng),
            SamplerKind.LatinHypercube => LatinHypercubeUnit(n, d, rng),
            SamplerKind.Sobol => SobolShifted(n, d, rng),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown sampler"),
        };
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
                unit[i * d + j] = domain.Axes[j].Min + domain.Axes[j].Length * unit[i * d + j];
        using var scope = NewDisposeScope();
        return tensor(unit, [n, d], dtype: ScalarType.Float64).to(dtype).to(device).MoveToOuterDisposeScope();
    }

    /// <summary>Points on the face where axis <paramref name="axis"/> equals its min (<paramref name="upper"/> false) or max, uniform over the other axes, shape [n, d].</summary>
    public static Tensor DrawFace(Domain domain, string axis, bool upper, int n, Random rng, Device device, ScalarType dtype = ScalarType.Float32)
    {
        ArgumentNullException.ThrowIfNull(domain);
        int j = domain.IndexOf(axis);
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

    private static double[] SobolShifted(int n, int d, Random rng)
    {
        var u = SobolSequence.Generate(n, d);
        for (int j = 0; j < d; j++)
        {
            double shift = rng.NextDouble();
            for (int i = 0; i < n; i++)
            {
                double v = u[i * d + j] + shift;
                u[i * d + j] = v >= 1 ? v - 1 : v;
            }
        }
        return u;
    }
}
