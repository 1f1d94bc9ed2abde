using System.Globalization;
using System.Text;
using PdeKit.Numerics.NavierStokes;
using PdeKit.Reporting;

namespace PdeKit.Cli.Commands;

/// <summary>
/// <c>pdekit reference cavity</c>: the lid-driven cavity's finite-difference reference (not a PINN problem of the
/// catalogue): solves it, compares the centrelines with Ghia, Ghia and Shin (1982) where their table exists (uniform lid,
/// Re = 100 and 1000 shipped in shared/data), and writes CSVs, VTK and plots.
/// </summary>
internal static class CavityReference
{
    /// <summary>The name the reference command recognises.</summary>
    internal const string Name = "cavity";

    /// <summary>What the comparison with Ghia gave (null members where no table was found).</summary>
    internal sealed record Comparison(CavityFlow Flow, double? MaxDevU, double? MaxDevV, string? GhiaNote);

    /// <summary>Parses the lid option.</summary>
    /// <exception cref="ArgumentException">Unknown profile.</exception>
    internal static LidProfile ParseLid(string text) => text.ToLowerInvariant() switch
    {
        "uniform" => LidProfile.Uniform,
        "smoothed" => LidProfile.Smoothed,
        _ => throw new ArgumentException($"--lid must be uniform or smoothed, got '{text}'"),
    };

    /// <summary>Solves and compares with Ghia's table for this Re if the lid is uniform and the files are found.</summary>
    internal static Comparison Compute(CavityOptions options, string? dataDirectory = null)
    {
        var flow = CavitySolver.Solve(options);
        double rounded = Math.Round(options.Re);
        if (options.Lid != LidProfile.Uniform)
        {
            return new Comparison(flow, null, null, "no published table for the smoothed lid");
        }

        if (rounded != options.Re)
        {
            return new Comparison(flow, null, null, "Ghia's tables are for integer Re");
        }

        CentrelineProfile u, v;
        try
        {
            (u, v) = GhiaCavityData.Load((int)rounded, dataDirectory);
        }
        catch (FileNotFoundException e)
        {
            return new Comparison(flow, null, null, e.Message);
        }

        double du = u.Value.Zip(flow.CentrelineU(u.Position), (a, b) => Math.Abs(a - b)).Max();
        double dv = v.Value.Zip(flow.CentrelineV(v.Position), (a, b) => Math.Abs(a - b)).Max();
        return new Comparison(flow, du, dv, Path.GetDirectoryName(u.Path));
    }

    /// <summary>Runs the command.</summary>
    internal static int Run(double re, int n, string lid, string? outDir, bool json)
    {
        var options = new CavityOptions(re, n, ParseLid(lid));
        var result = Compute(options);
        var flow = result.Flow;
        if (outDir is not null)
        {
            Write(outDir, result);
        }

        var figures = new List<string[]>
        {
            new[] { "grid", $"{n} x {n} nodes" },
            new[] { "lid", options.Lid.ToString() },
            new[] { "steps", flow.Steps.ToString(CultureInfo.InvariantCulture) },
            new[] { "final residual", flow.FinalResidual.ToString("G3", CultureInfo.InvariantCulture) + (flow.Converged ? "" : " (NOT converged)") },
            new[] { "time (s)", flow.Seconds.ToString("F1", CultureInfo.InvariantCulture) },
            new[] { "max |u - Ghia| on x = 0.5", result.MaxDevU?.ToString("F5", CultureInfo.InvariantCulture) ?? "-" },
            new[] { "max |v - Ghia| on y = 0.5", result.MaxDevV?.ToString("F5", CultureInfo.InvariantCulture) ?? "-" },
            new[] { "psi min (primary vortex)", flow.Field.Psi.Min().ToString("F6", CultureInfo.InvariantCulture) },
        };
        if (json)
        {
            Output.WriteJson(new
            {
                problem = Name, re, n, lid = options.Lid.ToString(), steps = flow.Steps, finalResidual = flow.FinalResidual, converged = flow.Converged,
                seconds = flow.Seconds, maxDevU = result.MaxDevU, maxDevV = result.MaxDevV, ghia = result.GhiaNote, psiMin = flow.Field.Psi.Min(), outDir,
            });
        }
        else
        {
            Output.Table(FormattableString.Invariant($"lid-driven cavity, Re = {re}, {options.Lid.ToString().ToLowerInvariant()} lid (stream function/vorticity FD{(result.MaxDevU is null ? "" : " vs Ghia et al. 1982")})"), ["figure", "value"], figures);
            if (result.MaxDevU is null)
            {
                Console.WriteLine($"Ghia comparison skipped: {result.GhiaNote}");
            }
        }

        return flow.Converged ? 0 : 1;
    }

    /// <summary>Writes centreline CSVs (with Ghia's points), fields.csv, fields.vtu and the PNG plots.</summary>
    internal static void Write(string outDir, Comparison result)
    {
        Directory.CreateDirectory(outDir);
        var flow = result.Flow;
        var f = flow.Field;
        var g = flow.Grid;
        double[] xs = Enumerable.Range(0, g.Nx).Select(g.X).ToArray();
        double[] ys = Enumerable.Range(0, g.Ny).Select(g.Y).ToArray();

        // Centrelines: the FD profile at every node row/column, and Ghia's points beside.
        var uLine = flow.CentrelineU(ys);
        var vLine = flow.CentrelineV(xs);
        WriteCsv(Path.Combine(outDir, "centreline_u.csv"), "y,u_fd", ys.Select((y, k) => new[] { y, uLine[k] }));
        WriteCsv(Path.Combine(outDir, "centreline_v.csv"), "x,v_fd", xs.Select((x, k) => new[] { x, vLine[k] }));
        var uSeries = new List<ChartSeries> { new("finite difference", uLine, ys) };
        var vSeries = new List<ChartSeries> { new("finite difference", xs, vLine) };
        if (result.MaxDevU is not null)
        {
            var (gu, gv) = GhiaCavityData.Load((int)Math.Round(flow.Options.Re), result.GhiaNote);
            var fu = flow.CentrelineU(gu.Position);
            var fv = flow.CentrelineV(gv.Position);
            WriteCsv(Path.Combine(outDir, "centreline_u_vs_ghia.csv"), "y,u_ghia,u_fd,deviation", gu.Position.Select((y, k) => new[] { y, gu.Value[k], fu[k], fu[k] - gu.Value[k] }));
            WriteCsv(Path.Combine(outDir, "centreline_v_vs_ghia.csv"), "x,v_ghia,v_fd,deviation", gv.Position.Select((x, k) => new[] { x, gv.Value[k], fv[k], fv[k] - gv.Value[k] }));
            uSeries.Add(new ChartSeries("Ghia et al. 1982", gu.Value, gu.Position, Markers: true));
            vSeries.Add(new ChartSeries("Ghia et al. 1982", gv.Position, gv.Value, Markers: true));
        }

        string re = flow.Options.Re.ToString("G6", CultureInfo.InvariantCulture);
        Plots.Draw(Path.Combine(outDir, "centreline_u.png"), new ChartSpec("centreline_u.png", $"cavity Re = {re}: u(0.5, y)", "u", "y", uSeries));
        Plots.Draw(Path.Combine(outDir, "centreline_v.png"), new ChartSpec("centreline_v.png", $"cavity Re = {re}: v(x, 0.5)", "x", "v", vSeries));

        // Node fields: CSV and VTK.
        var speed = f.Speed();
        var named = new (string Name, double[] Values)[] { ("u", f.U), ("v", f.V), ("p", f.P), ("psi", f.Psi), ("omega", f.Omega), ("speed", speed) };
        var sb = new StringBuilder("x,y," + string.Join(',', named.Select(c => c.Name)) + "\n");
        for (int j = 0; j < g.Ny; j++)
        {
            for (int i = 0; i < g.Nx; i++)
            {
                int p = g.Index(i, j);
                sb.Append(CultureInfo.InvariantCulture, $"{xs[i]:R},{ys[j]:R}");
                foreach (var (_, values) in named)
                {
                    sb.Append(CultureInfo.InvariantCulture, $",{values[p]:R}");
                }

                sb.Append('\n');
            }
        }

        File.WriteAllText(Path.Combine(outDir, "fields.csv"), sb.ToString());
        Vtk.WriteGrid(Path.Combine(outDir, "fields.vtu"), xs, ys, named.Select(c => new VtkField(c.Name, c.Values)).ToArray());

        // Maps: speed with streamlines (contours of psi), pressure (colour range clipped at the 2nd and 98th percentiles:
        // the lid corners of the uniform lid are singular) with streamlines.
        var psi = Grid2(g.Nx, g.Ny, f.Psi);
        var levels = StreamlineLevels(f.Psi);
        Plots.FlowMap(Path.Combine(outDir, "speed.png"), xs, ys, Grid2(g.Nx, g.Ny, speed), $"cavity Re = {re}: |u| and streamlines", "|u|", psi, levels);
        var sorted = f.P.Order().ToArray();
        (double, double) pRange = (sorted[(int)(0.02 * (sorted.Length - 1))], sorted[(int)(0.98 * (sorted.Length - 1))]);
        Plots.FlowMap(Path.Combine(outDir, "pressure.png"), xs, ys, Grid2(g.Nx, g.Ny, f.P), $"cavity Re = {re}: pressure (zero mean; 2-98 % range)", "p", psi, levels,
            pRange.Item2 > pRange.Item1 ? pRange : null);
        Plots.FlowMap(Path.Combine(outDir, "vorticity.png"), xs, ys, Grid2(g.Nx, g.Ny, f.Omega), $"cavity Re = {re}: vorticity (-5 to 5)", "omega", psi, levels, (-5, 5));
    }

    /// <summary>Stream-function levels: 10 through the primary vortex (psi &lt; 0) and 4 through the secondary ones (psi &gt; 0), geometric there.</summary>
    internal static double[] StreamlineLevels(double[] psi)
    {
        double min = psi.Min(), max = psi.Max();
        var levels = new List<double>();
        for (int k = 1; k <= 10; k++)
        {
            levels.Add(min * (k - 0.5) / 10);
        }

        if (max > 0)
        {
            for (int k = 0; k < 4; k++)
            {
                levels.Add(max * Math.Pow(0.3, k) * 0.9);
            }
        }

        return levels.Where(l => l != 0).ToArray();
    }

    private static double[,] Grid2(int nx, int ny, double[] values)
    {
        var grid = new double[ny, nx];
        for (int j = 0; j < ny; j++)
        {
            for (int i = 0; i < nx; i++)
            {
                grid[j, i] = values[(j * nx) + i];
            }
        }

        return grid;
    }

    private static void WriteCsv(string path, string header, IEnumerable<double[]> rows)
    {
        var sb = new StringBuilder(header).Append('\n');
        foreach (var row in rows)
        {
            sb.Append(string.Join(',', row.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))).Append('\n');
        }

        File.WriteAllText(path, sb.ToString());
    }
}
