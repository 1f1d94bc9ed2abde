using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using PdeKit.Numerics.Reservoir;
using PdeKit.Problems;
using PdeKit.Reporting;
using PdeKit.Runtime;

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
        var from = new Option<double?>("--from") { Description = "use only samples at or after this time, hours" };
        var to = new Option<double?>("--to") { Description = "use only samples at or before this time, hours" };
        var method = new Option<string>("--method") { Description = "lm: regression of the finite-difference model; pinn: also a physics-informed network with k, S, C as trainable unknowns (infinite-acting model), compared with the regression on the same samples", DefaultValueFactory = _ => "lm" };
        var seeds = new Option<int>("--seeds") { Description = "pinn: number of training seeds (the spread is the PINN's confidence)", DefaultValueFactory = _ => 3 };
        var preset = new Option<string>("--preset") { Description = "pinn: training preset, quick (CPU) or default (GPU)", DefaultValueFactory = _ => "quick" };
        var steps = new Option<int?>("--steps") { Description = "pinn: Adam steps (overrides the preset)" };
        var lbfgs = new Option<int?>("--lbfgs") { Description = "pinn: L-BFGS iterations (overrides the preset)" };
        var device = new Option<string?>("--device") { Description = "pinn: cpu, cuda or auto" };
        var cmd = new Command("fit-welltest", "Estimate permeability, skin, wellbore storage (and drainage radius) from a drawdown test by regression of the finite-difference radial model, and optionally by a PINN.")
        {
            csv, time, pressure, rate, fvf, viscosity, porosity, ct, rw, h, pi, boundary, noStorage, outDir, from, to, method, seeds, preset, steps, lbfgs, device,
        };
        cmd.SetAction(r => CliApp.Guard(() => Run(new FitArguments(
            r.GetValue(csv)!, r.GetValue(time)!, r.GetValue(pressure)!,
            new WellTestSetup(r.GetValue(rate), r.GetValue(fvf), r.GetValue(viscosity), r.GetValue(porosity), r.GetValue(ct), r.GetValue(rw), r.GetValue(h), r.GetValue(pi)),
            r.GetValue(boundary)!, !r.GetValue(noStorage), r.GetValue(outDir), r.GetValue(CliApp.Json),
            r.GetValue(from), r.GetValue(to), r.GetValue(method)!, r.GetValue(seeds), r.GetValue(preset)!, r.GetValue(steps), r.GetValue(lbfgs), r.GetValue(device)))));
        return cmd;
    }

    private sealed record FitArguments(string CsvPath, string TimeColumn, string PressureColumn, WellTestSetup Setup, string Boundary, bool Storage, string? OutDir, bool Json,
        double? From, double? To, string Method, int Seeds, string Preset, int? Steps, int? Lbfgs, string? Device);

    /// <summary>The samples within [from, to] hours; an error when fewer than three remain.</summary>
    private static WellTestData Window(WellTestData data, double? from, double? to)
    {
        if (from is { } f && !double.IsFinite(f)) throw new ArgumentException($"--from must be a finite number of hours (got {f})");
        if (to is { } t && !double.IsFinite(t)) throw new ArgumentException($"--to must be a finite number of hours (got {t})");
        if (from is null && to is null) return data;
        double lo = from ?? double.NegativeInfinity, hi = to ?? double.PositiveInfinity;
        var keep = Enumerable.Range(0, data.Time.Length).Where(i => data.Time[i] >= lo && data.Time[i] <= hi).ToArray();
        if (keep.Length < 3) throw new ArgumentException($"--from/--to keep {keep.Length} of {data.Time.Length} samples of {data.Path}; at least 3 are needed");
        return data with { Time = keep.Select(i => data.Time[i]).ToArray(), Pressure = keep.Select(i => data.Pressure[i]).ToArray() };
    }

    private static Option<double> Required(string name, string description) => new(name) { Description = description, Required = true };

    private static int Run(FitArguments a)
    {
        var (csvPath, timeColumn, pressureColumn, setup, storage, outDir, json) = (a.CsvPath, a.TimeColumn, a.PressureColumn, a.Setup, a.Storage, a.OutDir, a.Json);
        setup.Validate();
        var boundary = a.Boundary.Trim().ToLowerInvariant() switch
        {
            "infinite" => WellTestBoundary.Infinite,
            "closed" => WellTestBoundary.Closed,
            _ => throw new ArgumentException($"--boundary must be infinite or closed (got '{a.Boundary}')"),
        };
        bool pinn = a.Method.Trim().ToLowerInvariant() switch
        {
            "lm" => false,
            "pinn" => true,
            _ => throw new ArgumentException($"--method must be lm or pinn (got '{a.Method}')"),
        };
        if (pinn && boundary == WellTestBoundary.Closed)
            throw new ArgumentException("--method pinn fits the infinite-acting model; use --boundary infinite and --to to keep to the infinite-acting period");
        if (pinn && a.Seeds < 1) throw new ArgumentException($"--seeds must be at least 1 (got {a.Seeds})");
        var data = Window(WellTestCsv.Load(csvPath, timeColumn, pressureColumn), a.From, a.To);
        var clock = Stopwatch.StartNew();
        var fit = WellTestFit.Fit(setup, data.Time, data.Pressure, boundary, storage);
        double seconds = clock.Elapsed.TotalSeconds;
        WellTestPinnResult? pinnResult = null;
        if (pinn)
        {
            var drops = data.Pressure.Select(x => setup.InitialPressure - x).ToArray();
            var problem = new WellTestInverse(setup, data.Time, drops, fit.Parameters, referenceIsTruth: false, fitStorage: storage);
            var entry = ProblemCatalog.Find(problem.Name);
            var options = entry.Preset(a.Preset);
            if (a.Steps is { } st) options = options with { AdamSteps = st };
            if (a.Lbfgs is { } lb) options = options with { LbfgsIterations = lb };
            if (a.Device is { } dv) options = options with { Device = TorchRuntime.ParseDevice(dv) };
            options = options with { EvalEvery = 0 };
            if (!json) Console.WriteLine($"PINN ({a.Preset}: {options.AdamSteps} Adam + {options.LbfgsIterations} L-BFGS, {a.Seeds} seeds), k0 = {problem.K0:G4} md from the semilog guess:");
            pinnResult = WellTestPinnFit.Run(problem, options, a.Seeds, json ? null : Console.WriteLine);
        }

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
            samples = data.Time.Length,
            fromHours = data.Time[0],
            toHours = data.Time[^1],
            pinn = pinnResult is null ? null : new
            {
                permeabilityMd = pinnResult.Mean.Permeability,
                permeabilitySeedStdDev = pinnResult.StdDev.Permeability,
                skin = pinnResult.Mean.Skin,
                skinSeedStdDev = pinnResult.StdDev.Skin,
                storageBblPerPsi = pinnResult.Mean.Storage,
                storageSeedStdDev = pinnResult.StdDev.Storage,
                permeabilityVsRegression = pinnResult.Mean.Permeability / p.Permeability - 1,
                skinMinusRegression = pinnResult.Mean.Skin - p.Skin,
                runs = pinnResult.Runs.Select(r => new { r.Seed, permeabilityMd = r.Parameters.Permeability, skin = r.Parameters.Skin, storageBblPerPsi = r.Parameters.Storage, r.RmsPsi, r.FieldRelativeL2, r.WallSeconds }),
            },
        };
        writer.WriteJson("spec.json", new { command = "fit-welltest", csv = Path.GetFullPath(csvPath), timeColumn, pressureColumn, setup, boundary = result.boundary, storage, from = a.From, to = a.To, method = a.Method, seeds = a.Seeds, preset = a.Preset });
        writer.WriteJson("fit.json", result);
        var dp = data.Pressure.Select(x => setup.InitialPressure - x).ToArray();
        var derivData = BourdetDerivative.Compute(data.Time, dp, 0.2);
        var derivModel = BourdetDerivative.Compute(data.Time, fit.ModelDrop, 0.0);
        var sb = new StringBuilder("t_hr,p_psia,dp_psi,dp_model_psi,derivative_psi,derivative_model_psi" + (pinnResult is null ? "" : ",dp_pinn_psi") + "\n");
        for (int i = 0; i < data.Time.Length; i++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{data.Time[i]:R},{data.Pressure[i]:R},{dp[i]:R},{fit.ModelDrop[i]:R},{derivData[i]:R},{derivModel[i]:R}");
            if (pinnResult is not null) sb.Append(CultureInfo.InvariantCulture, $",{pinnResult.Runs[0].ModelDrop[i]:R}");
            sb.Append('\n');
        }
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
            .. pinnResult is null ? [] : new[]
            {
                new WellTestSeries($"Δp PINN (seed {pinnResult.Runs[0].Seed})", data.Time, pinnResult.Runs[0].ModelDrop, true),
                new WellTestSeries("Δp FD model at the PINN's mean k, S, C", tGrid, WellTestModel.PressureDrop(setup, pinnResult.Mean, tGrid), false),
            },
        ], pinnResult is null ? $"{name}: k = {p.Permeability:G4} md, S = {p.Skin:F2}"
            : $"{name}: regression k = {p.Permeability:G4} md, S = {p.Skin:F2}; PINN k = {pinnResult.Mean.Permeability:G4} md, S = {pinnResult.Mean.Skin:F2}");
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
            Console.WriteLine($"  rms misfit {fit.RmsPsi:F2} psi");
            if (pinnResult is { } pr)
            {
                Console.WriteLine($"PINN, mean ± standard deviation over {pr.Runs.Count} seeds:");
                Console.WriteLine($"  k   = {pr.Mean.Permeability:G5} ± {pr.StdDev.Permeability:G2} md ({100 * (pr.Mean.Permeability / p.Permeability - 1):+0.00;-0.00}% vs regression)");
                Console.WriteLine($"  S   = {pr.Mean.Skin:F3} ± {pr.StdDev.Skin:G2} ({pr.Mean.Skin - p.Skin:+0.000;-0.000} vs regression)");
                if (storage) Console.WriteLine($"  C   = {pr.Mean.Storage:G4} ± {pr.StdDev.Storage:G2} bbl/psi");
                Console.WriteLine($"  rms misfit {pr.Runs.Average(r => r.RmsPsi):F2} psi (mean over seeds)");
            }
            Console.WriteLine($"  written to {writer.Target}");
        }
        return 0;
    }
}
