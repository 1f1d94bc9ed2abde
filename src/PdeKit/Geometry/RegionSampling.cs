namespace PdeKit.Geometry;

/// <summary>Uniform sampling of a region's boundary (by length) and interior (by area).</summary>
internal static class RegionSampling
{
    /// <summary>Stratified by length: point i falls in the i-th of n equal stretches of the (part's) boundary, the order then shuffled.</summary>
    public static BoundarySamples Boundary(Region2D region, int n, Random rng, string? part)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (n <= 0) throw new ArgumentException($"the number of boundary points must be positive (got {n})", nameof(n));
        var pieces = region.Part(part);
        var cumulative = new double[pieces.Count + 1];
        for (int k = 0; k < pieces.Count; k++) cumulative[k + 1] = cumulative[k] + pieces[k].Length;
        double total = cumulative[^1];
        var u = new double[n];
        for (int i = 0; i < n; i++) u[i] = (i + rng.NextDouble()) / n * total;
        rng.Shuffle(u);
        var samples = new BoundarySamples(new double[n], new double[n], new double[n], new double[n]);
        for (int i = 0; i < n; i++)
        {
            int k = Array.BinarySearch(cumulative, u[i]);
            if (k < 0) k = ~k - 1;
            k = Math.Clamp(k, 0, pieces.Count - 1);
            double s = Math.Clamp((u[i] - cumulative[k]) / pieces[k].Length, 0, 1);
            (samples.X[i], samples.Y[i]) = pieces[k].PointAt(s);
            (samples.Nx[i], samples.Ny[i]) = pieces[k].NormalAt(s);
        }
        return samples;
    }

    /// <summary>Independent uniform points in the bounding box, those outside rejected, until n are in.</summary>
    public static (double[] X, double[] Y) Interior(Region2D region, int n, Random rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        if (n <= 0) throw new ArgumentException($"the number of interior points must be positive (got {n})", nameof(n));
        var box = region.Bounds;
        double acceptance = AcceptanceRate(region, box);
        var xs = new double[n];
        var ys = new double[n];
        int have = 0;
        for (int round = 0; have < n; round++)
        {
            if (round == MaxRounds) throw TooFew(region, n, have);
            int m = BatchSize(n - have, acceptance);
            var bx = new double[m];
            var by = new double[m];
            var inside = new bool[m];
            for (int i = 0; i < m; i++)
            {
                bx[i] = box.XMin + box.Width * rng.NextDouble();
                by[i] = box.YMin + box.Height * rng.NextDouble();
            }
            region.Contains(bx, by, inside);
            for (int i = 0; i < m && have < n; i++)
            {
                if (!inside[i]) continue;
                xs[have] = bx[i];
                ys[have++] = by[i];
            }
        }
        return (xs, ys);
    }

    /// <summary>Rejection rounds before giving up.</summary>
    public const int MaxRounds = 64;

    /// <summary>Area over bounding-box area, checked positive.</summary>
    /// <exception cref="ArgumentException">The region has (next to) no area.</exception>
    public static double AcceptanceRate(Region2D region, BoundingBox2D box)
    {
        region.EnsureArea();
        return Math.Clamp(region.Area / box.Area, 1e-12, 1);
    }

    /// <summary>Candidates to draw for <paramref name="wanted"/> accepted points at the given rate, with a margin.</summary>
    public static int BatchSize(int wanted, double acceptance) =>
        (int)Math.Min(int.MaxValue / 8, Math.Ceiling(wanted / acceptance * 1.1) + 16);

    /// <summary>The error when rejection sampling keeps failing.</summary>
    public static InvalidOperationException TooFew(Region2D region, int n, int have) =>
        new($"rejection sampling found only {have} of {n} points inside {region} after {MaxRounds} rounds; its area ({region.Area}) is too small relative to its bounding box ({region.Bounds}) or its inside test disagrees with its boundary");
}
