using PdeKit.Geometry;
using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Sampling;

/// <summary>Points on a region's boundary with their outward unit normals.</summary>
/// <param name="Points">The points in the domain's coordinates, [n, d] (x, y on the boundary; other axes such as t spread over their interval).</param>
/// <param name="Normals">Outward unit normals in (x, y), [n, 2].</param>
public sealed record BoundaryPoints(Tensor Points, Tensor Normals);

public static partial class Sampler
{
    /// <summary>
    /// Draws <paramref name="n"/> points on the boundary of the domain's region (or on its named part),
    /// uniform by length, with outward unit normals; other axes (such as t) are Latin-hypercube spread.
    /// </summary>
    /// <param name="domain">A domain with a region.</param>
    /// <param name="n">Number of points, positive.</param>
    /// <param name="rng">Random source.</param>
    /// <param name="device">Device of the tensors.</param>
    /// <param name="dtype">Floating type of the tensors.</param>
    /// <param name="part">Boundary part name, or null for the whole boundary.</param>
    /// <returns>Points [n, d] and normals [n, 2].</returns>
    /// <exception cref="ArgumentException">The domain has no region, no such part, or n is not positive.</exception>
    public static BoundaryPoints DrawBoundary(Domain domain, int n, Random rng, Device device, ScalarType dtype = ScalarType.Float32, string? part = null)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(rng);
        var region = domain.Region
            ?? throw new ArgumentException($"the domain {domain} is a box without a region; its faces are drawn with DrawFace", nameof(domain));
        var samples = region.SampleBoundary(n, rng, part);
        int d = domain.Dimension, ix = domain.IndexOf("x"), iy = domain.IndexOf("y");
        var points = ToBox(LatinHypercubeUnit(n, d, rng), domain);
        var normals = new double[2 * n];
        for (int i = 0; i < n; i++)
        {
            points[i * d + ix] = samples.X[i];
            points[i * d + iy] = samples.Y[i];
            normals[2 * i] = samples.Nx[i];
            normals[2 * i + 1] = samples.Ny[i];
        }
        using var scope = NewDisposeScope();
        var p = tensor(points, [n, d], dtype: ScalarType.Float64).to(dtype).to(device);
        var nn = tensor(normals, [n, 2], dtype: ScalarType.Float64).to(dtype).to(device);
        return new BoundaryPoints(p.MoveToOuterDisposeScope(), nn.MoveToOuterDisposeScope());
    }

    /// <summary>n points inside the region by rejection of larger draws of the same kind in the box, row-major [n * d].</summary>
    private static double[] InRegion(SamplerKind kind, Domain domain, Region2D region, int n, Random rng)
    {
        int d = domain.Dimension, ix = domain.IndexOf("x"), iy = domain.IndexOf("y");
        double boxArea = domain.Axes[ix].Length * domain.Axes[iy].Length;
        region.EnsureArea();
        double acceptance = Math.Clamp(region.Area / boxArea, 1e-12, 1);
        var shift = kind == SamplerKind.Sobol ? RandomShift(d, rng) : null;
        var result = new double[n * d];
        int have = 0, m = RegionSampling.BatchSize(n, acceptance);
        for (int round = 0; have < n; round++)
        {
            if (round == RegionSampling.MaxRounds || m > 1 << 30) throw RegionSampling.TooFew(region, n, have);
            double[] batch;
            if (shift is not null)
            {
                // A longer prefix of the same shifted sequence: its first n inside points, in order.
                batch = ToBox(SobolShifted(m, d, shift), domain);
                have = 0;
            }
            else batch = InBox(kind, domain, m, rng);
            var x = new double[m];
            var y = new double[m];
            var inside = new bool[m];
            for (int i = 0; i < m; i++)
            {
                x[i] = batch[i * d + ix];
                y[i] = batch[i * d + iy];
            }
            region.Contains(x, y, inside);
            for (int i = 0; i < m && have < n; i++)
            {
                if (!inside[i]) continue;
                Array.Copy(batch, i * d, result, have * d, d);
                have++;
            }
            m = shift is not null ? 2 * m : RegionSampling.BatchSize(n - have, acceptance);
        }
        return result;
    }
}
