using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using PdeKit.Numerics.Reservoir;
using PdeKit.Reporting;

namespace PdeKit.Cli.Commands;

/// <summary>
/// <c>pdekit fit-welltest</c>: classical interpretation of a constant-rate drawdown by nonlinear regression
/// of the radial finite-difference model (k, skin, wellbore storage, optional closed boundary).
/// </summary>
internal static class FitWellTestCommand
{
    internal static Command Create()
    {
        var csv = new Argument<string>("csv") { Description = "CSV with a header row; '#' lines are comments. Columns chosen with --time (elapsed hours since the rate change, increasing) and --pressure (flowing bottomhole pressure, psia)" };
        var time = new Option<string>("--time") { Description = "name of the elapsed-time column, hours", DefaultValueFactory = _ => "t_hr" };
        var pressure = new Option<string>("--pressure") { Description = "name of the pressure column, psia", DefaultValueFactory = _ => "p_psia" };
        var rate = Required("--rate", "oil rate q, STB/D");
        var fvf = Required("--fvf", "formation volume factor B, RB/STB");
        var viscosity = Required("--viscosity", "viscosity mu, cp");
        var porosity = Required("--porosity", "porosity phi, fraction");
        var ct = Required("--ct", "total compressibility c_t, 1/psi");
        var rw = Required("--rw", "wellbore radius r_w, ft");
        var h = Required("--thickness", "net thickness h, ft");
        var pi = Required("--initial-pressure", "initial reservoir pressure p_i, psia");
        var boundary = new Option<string>("--boundary") { Description = "infinite or closed (closed circle, radius fitted)", DefaultValueFactory = _ => "infinite" };
        var noStorage = new Option<bool>("--no-storage") { Description = "do not fit wellbore storage (C = 0)" };
        var outDir = new Option<string?>("--out") { Description = "output folder (default runs/welltest-<file>-<time>)" };
        var cmd = new Command("fit-welltest", "Estimate permeability, skin, wellbore storage (and drainage radius) from a drawdown test by regression of the finite-difference radial model.")
        {
            csv, time, pressure, rate, fvf, viscosity, porosity, ct, rw, h, pi, boundary, noStorage, outDir,
        };
        cmd.SetAction(r => CliApp.Guard(() => Run(
            r.GetValue(csv)!, r.GetValue(time)!, r.GetValue(pressure)!,
            new WellTestSetup(r.GetValue(rate), r.GetValue(fvf), r.GetValue(viscosity), r.GetValue(porosity), r.GetValue(ct), r.GetValue(rw), r.GetValue(h), r.GetValue(pi)),
            r.GetValue(boundary)!, !r.GetValue(noStorage), r.GetValue(outDir), r.GetValue(CliApp.Json))));
        return cmd;
    }

    private static Option<double> Required(string name, string description) => new(name) { Description = description, Required = true };

    private static int Run(string csvPath, string timeColumn, string pressureColumn, WellTestSetup setup, string boundaryText, bool storage, string? outDir, bool json)
    {
        setup.Validate();
        var boundary = boundaryText.Trim().ToLowerInvariant() switch
        {
            "infinite" => WellTestBoundary.Infinite,
            "closed" => WellTestBoundary.Closed,
            _ => throw new ArgumentException($"--boundary must be infinite or closed (got '{boundaryText}')"),
        };
        var data = WellTestCsv.Load(csvPath, timeColumn, pressureColumn);
        var clock = Stopwatch.StartNew();
        var fit = WellTestFit.Fit(setup, data.Time, data.Pressure, boundary, storage);
        double seconds = clock.Elapsed.TotalSeconds;

        string target = outDir ?? Path.Combine("runs", $"welltest-{Path.GetFileNameWithoutExtension(csvPath)}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        using var writer = new RunWriter(target);
        var p = fit.Parameters;
        var result = new
        {
            file = Path.GetFullPath(csvPath),
            boundary = boundary.ToString().ToLowerInvariant(),
            permeabilityMd = p.Permeability,
            permeabilityStdErr = fit.StandardErrors[0],
            skin = p.Skin,
            skinStdErr = fit.StandardErrors[1],
            storageBblPerPsi = p.Storage,
            storageStdErr = fit.StandardErrors[2],
            outerRadiusFt = p.OuterRadius,
            outerRadiusStdErr = fit.StandardErrors[3],
            rmsPsi = fit.RmsPsi,
            iterations = fit.Iterations,
            converged = fit.Converged,
            initialGuess = fit.Initial,
            seconds,
            setup,
        };
        writer.WriteJson("spec.json", new { command = "fit-welltest", csv = Path.GetFullPath(csvPath), timeColumn, pressureColumn, setup, boundary = result.boundary, storage });
        writer.WriteJson("fit.json", result);
        var dp = data.Pressure.Select(x => setup.InitialPressure - x).ToArray();
        var derivData = BourdetDerivative.Compute(data.Time, dp, 0.2);
        var derivModel = BourdetDerivative.Compute(data.Time, fit.ModelDrop, 0.0);
        var sb = new StringBuilder("t_hr,p_psia,dp_psi,dp_model_psi,derivative_psi,derivative_model_psi\n");
        for (int i = 0; i < data.Time.Length; i++)
            sb.Append(CultureInfo.InvariantCulture, $"{data.Time[i]:R},{data.Pressure[i]:R},{dp[i]:R},{fit.ModelDrop[i]:R},{derivData[i]:R},{derivModel[i]:R}\n");
        File.WriteAllText(writer.PathOf("fit.csv"), sb.ToString());
        // Smooth model curves on a log grid for the plots.
        var tGrid = Enumerable.Range(0, 121).Select(i => data.Time[0] * Math.Pow(data.Time[^1] / data.Time[0], i / 120.0)).ToArray();
        var dpGrid = WellTestModel.PressureDrop(setup, p, tGrid);
        var derivGrid = BourdetDerivative.Compute(tGrid, dpGrid);
        string name = Path.GetFileName(csvPath);
        Plots.WellTestLogLog(writer.PathOf("loglog.png"),
        [
            new WellTestSeries("Δp data", data.Time, dp, true),
            new WellTestSeries("derivative data (L = 0.2)", data.Time, derivData, true),
            new WellTestSeries("Δp model", tGrid, dpGrid, false),
            new WellTestSeries("derivative model", tGrid, derivGrid, false),
        ], $"{name}: k = {p.Permeability:G4} md, S = {p.Skin:F2}");
        Plots.WellTestSemilog(writer.PathOf("semilog.png"),
        [
            new WellTestSeries("data", data.Time, data.Pressure, true),
            new WellTestSeries("model", tGrid, dpGrid.Select(d => setup.InitialPressure - d).ToArray(), false),
        ], $"{name}: semilog");
        writer.Commit();
        if (json) Output.WriteJson(new { directory = writer.Target, result });
        else
        {
            Console.WriteLine($"{name}: {data.Time.Length} points, {boundary.ToString().ToLowerInvariant()} radial model, fitted in {seconds:F1} s ({fit.Iterations} iterations{(fit.Converged ? "" : ", NOT converged")})");
            Console.WriteLine($"  k   = {p.Permeability:G5} ± {fit.StandardErrors[0]:G2} md");
            Console.WriteLine($"  S   = {p.Skin:F3} ± {fit.StandardErrors[1]:G2}");
            if (storage) Console.WriteLine($"  C   = {p.Storage:G4} ± {fit.StandardErrors[2]:G2} bbl/psi");
            if (p.OuterRadius is { } re) Console.WriteLine($"  r_e = {re:G5} ± {fit.StandardErrors[3]:G2} ft");
            Console.WriteLine($"  rms misfit {fit.RmsPsi:F2} psi; written to {writer.Target}");
        }
        return 0;
    }
}
