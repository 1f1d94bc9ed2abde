namespace PdeKit.Geometry;

/// <summary>Uniform sampling of a 3D region's boundary (by area) and interior (by volume).</summary>
internal static class RegionSampling3D
{
    /// <summary>Stratified by area over the patches: point i falls in the i-th of n equal shares of the (part's) area, the order then shuffled.</summary>
    public static BoundarySamples3D Boundary(Region3D region, int n, Random rng, string? part)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (n <= 0) throw new ArgumentException($"the number of boundary points must be positive (got {n})", nameof(n));
        var patches = region.Part(part);
        var cumulative = new double[patches.Count + 1];
        for (int k = 0; k < patches.Count; k++) cumulative[k + 1] = cumulative[k] + patches[k].Area;
        var u = new double[n];
        for (int i = 0; i < n; i++) u[i] = (i + rng.NextDouble()) / n * cumulative[^1];
        rng.Shuffle(u);
        var s = new BoundarySamples3D(new double[n], new double[n], new double[n], new double[n], new double[n], new double[n]);
        for (int i = 0; i < n; i++)
        {
            int k = Array.BinarySearch(cumulative, u[i]);
            if (k < 0) k = ~k - 1;
            k = Math.Clamp(k, 0, patches.Count - 1);
            (s.X[i], s.Y[i], s.Z[i], s.Nx[i], s.Ny[i], s.Nz[i]) = patches[k].Sample(rng);
        }
        return s;
    }

    /// <summary>Independent uniform points in the bounding box, those outside rejected, until n are in.</summary>
    public static (double[] X, double[] Y, double[] Z) Interior(Region3D region, int n, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (n <= 0) throw new ArgumentException($"the number of interior points must be positive (got {n})", nameof(n));
        var box = region.Bounds;
        region.EnsureVolume();
        double acceptance = Math.Clamp(region.Volume / box.Volume, 1e-12, 1);
        var (xs, ys, zs) = (new double[n], new double[n], new double[n]);
        int have = 0;
        for (int round = 0; have < n; round++)
        {
            if (round == RegionSampling.MaxRounds) throw TooFew(region, n, have);
            int m = RegionSampling.BatchSize(n - have, acceptance);
            var (bx, by, bz, inside) = (new double[m], new double[m], new double[m], new bool[m]);
            for (int i = 0; i < m; i++)
            {
                bx[i] = box.XMin + box.Width * rng.NextDouble();
                by[i] = box.YMin + box.Height * rng.NextDouble();
                bz[i] = box.ZMin + box.Depth * rng.NextDouble();
            }
            region.Contains(bx, by, bz, inside);
            for (int i = 0; i < m && have < n; i++)
            {
                if (!inside[i]) continue;
                (xs[have], ys[have], zs[have]) = (bx[i], by[i], bz[i]);
                have++;
            }
        }
        return (xs, ys, zs);
    }

    /// <summary>The error when rejection sampling keeps failing.</summary>
    public static InvalidOperationException TooFew(Region3D region, int n, int have) =>
        new($"rejection sampling found only {have} of {n} points inside {region} after {RegionSampling.MaxRounds} rounds; its volume ({region.Volume}) is too small relative to its bounding box ({region.Bounds}) or its inside test disagrees with its boundary");
}
