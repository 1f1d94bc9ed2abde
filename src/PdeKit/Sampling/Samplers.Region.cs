using PdeKit.Geometry;
using PdeKit.Physics;
using static TorchSharp.torch;

namespace PdeKit.Sampling;

/// <summary>Points on a region's boundary with their outward unit normals.</summary>
/// <param name="Points">The points in the domain's coordinates, [n, d] (x, y (and z) on the boundary; other axes such as t spread over their interval).</param>
/// <param name="Normals">Outward unit normals in (x, y), [n, 2], or in (x, y, z), [n, 3], for a 3D region.</param>
public sealed record BoundaryPoints(Tensor Points, Tensor Normals);

public static partial class Sampler
{
    /// <summary>
    /// Draws <paramref name="n"/> points on the boundary of the domain's region (or on its named part),
    /// uniform by length (2D) or by area (3D), with outward unit normals; other axes (such as t) are Latin-hypercube spread.
    /// </summary>
    /// <param name="domain">A domain with a 2D or 3D region.</param>
    /// <param name="n">Number of points, positive.</param>
    /// <param name="rng">Random source.</param>
    /// <param name="device">Device of the tensors.</param>
    /// <param name="dtype">Floating type of the tensors.</param>
    /// <param name="part">Boundary part name, or null for the whole boundary.</param>
    /// <returns>Points [n, d] and normals [n, 2] (2D region) or [n, 3] (3D region).</returns>
    /// <exception cref="ArgumentException">The domain has no region, no such part, or n is not positive.</exception>
    public static BoundaryPoints DrawBoundary(Domain domain, int n, Random rng, Device device, ScalarType dtype = ScalarType.Float32, string? part = null)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(rng);
        if (!domain.HasRegion)
            throw new ArgumentException($"the domain {domain} is a box without a region; its faces are drawn with DrawFace", nameof(domain));
        double[][] coordinates, normalColumns;
        if (domain.Solid is { } solid)
        {
            var s = solid.SampleBoundary(n, rng, part);
            (coordinates, normalColumns) = ([s.X, s.Y, s.Z], [s.Nx, s.Ny, s.Nz]);
        }
        else
        {
            var s = domain.Region!.SampleBoundary(n, rng, part);
            (coordinates, normalColumns) = ([s.X, s.Y], [s.Nx, s.Ny]);
        }
        var axes = domain.RegionAxes.Select(domain.IndexOf).ToArray();
        int d = domain.Dimension, k = axes.Length;
        var points = ToBox(LatinHypercubeUnit(n, d, rng), domain);
        var normals = new double[k * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < k; j++)
            {
                points[i * d + axes[j]] = coordinates[j][i];
                normals[k * i + j] = normalColumns[j][i];
            }
        using var scope = NewDisposeScope();
        var p = tensor(points, [n, d], dtype: ScalarType.Float64).to(dtype).to(device);
        var nn = tensor(normals, [n, k], dtype: ScalarType.Float64).to(dtype).to(device);
        return new BoundaryPoints(p.MoveToOuterDisposeScope(), nn.MoveToOuterDisposeScope());
    }

    /// <summary>n points inside the domain's 2D or 3D region by rejection of larger draws of the same kind in the box, row-major [n * d].</summary>
    private static double[] InRegion(SamplerKind kind, Domain domain, int n, Random rng)
    {
        int d = domain.Dimension;
        var axes = domain.RegionAxes.Select(domain.IndexOf).ToArray();
        double boxMeasure = axes.Aggregate(1.0, (p, j) => p * domain.Axes[j].Length);
        var solid = domain.Solid;
        var region = domain.Region;
        double measure;
        if (solid is not null)
        {
            solid.EnsureVolume();
            measure = solid.Volume;
        }
        else
        {
            region!.EnsureArea();
            measure = region.Area;
        }
        double acceptance = Math.Clamp(measure / boxMeasure, 1e-12, 1);
        var shift = kind == SamplerKind.Sobol ? RandomShift(d, rng) : null;
        var result = new double[n * d];
        int have = 0, m = RegionSampling.BatchSize(n, acceptance);
        for (int round = 0; have < n; round++)
        {
            if (round == RegionSampling.MaxRounds || m > 1 << 30)
                throw solid is not null ? RegionSampling3D.TooFew(solid, n, have) : RegionSampling.TooFew(region!, n, have);
            double[] batch;
            if (shift is not null)
            {
                // A longer prefix of the same shifted sequence: its first n inside points, in order.
                batch = ToBox(SobolShifted(m, d, shift), domain);
                have = 0;
            }
            else batch = InBox(kind, domain, m, rng);
            var columns = axes.Select(_ => new double[m]).ToArray();
            var inside = new bool[m];
            for (int i = 0; i < m; i++)
                for (int k = 0; k < axes.Length; k++) columns[k][i] = batch[i * d + axes[k]];
            if (solid is not null) solid.Contains(columns[0], columns[1], columns[2], inside);
            else region!.Contains(columns[0], columns[1], inside);
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
