using PdeKit.Numerics.Reservoir;
using PdeKit.Reporting;

namespace PdeKit.Cli.Validation.Checks;

/// <summary>
/// The drawdown of Lee, Rollins and Spivey (2003, Pressure Transient Testing, SPE Textbook 9), Example 2.12, interpreted
/// by regression of PdeKit's radial finite-difference model (closed circle, storage and skin), compared with the
/// regression recorded for the same data in the open-source well-test program captas
/// (github.com/capico/captas, examples/Lee_2003_2_12/Lee_example_2_12.ini: k = 7.1366 md, S = 5.4410,
/// C = 0.021464 m3/(kgf/cm2) = 0.0094918 bbl/psi, r_e = 457.8377 m = 1502.09 ft) and with the classical semilog
/// analysis of the same data (k from the Bourdet-derivative plateau between 10 and 100 hours).
/// </summary>
internal sealed class LeeDrawdownFitCheck : IValidationCheck
{
    /// <summary>The data file's name (shipped beside the checkout in shared/data).</summary>
    internal const string DataFile = "lee2003_example_2_12_drawdown.csv";

    private const string Captas = "captas regression, Lee_example_2_12.ini";

    private static readonly WellTestSetup Setup = new(Rate: 250, FormationVolumeFactor: 1.136, Viscosity: 0.8, Porosity: 0.039,
        TotalCompressibility: 17e-6, WellboreRadius: 0.198, Thickness: 69, InitialPressure: 4412);

    /// <inheritdoc />
    public string Name => "lee-2.12-fit";

    /// <inheritdoc />
    public string Description => "Lee, Rollins and Spivey (2003) Example 2.12 drawdown: regression of the radial finite-difference model (closed circle) against captas' regression of the same data and the semilog straight line.";

    /// <inheritdoc />
    public IReadOnlyList<string> Problems => ["diffusivity-radial", "diffusivity-radial-plain", "diffusivity-radial-inverse"];

    /// <inheritdoc />
    public IReadOnlyList<string> Metrics => ["k:captas", "k:semilog", "skin:captas", "storage:captas", "re:captas", "rms_psi"];

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Parameters => new Dictionary<string, string>
    {
        ["data"] = $"path of {DataFile} (relative to the suite file); default: shared/data/ beside or above the current directory or the program, or $PDEKIT_DATA",
    };

    /// <inheritdoc />
    public CheckResult Run(CheckContext context)
    {
        var data = WellTestCsv.Load(FindData(context), "t_hr", "p_psia_derived");
        var fit = WellTestFit.Fit(Setup, data.Time, data.Pressure, WellTestBoundary.Closed);
        var p = fit.Parameters;
        var dp = data.Pressure.Select(x => Setup.InitialPressure - x).ToArray();
        var derivative = BourdetDerivative.Compute(data.Time, dp, 0.2);
        double plateau = Enumerable.Range(0, derivative.Length).Where(i => data.Time[i] is >= 10 and <= 100).Select(i => derivative[i]).Average();
        double kSemilog = 70.6 * Setup.Rate * Setup.FormationVolumeFactor * Setup.Viscosity / (Setup.Thickness * plateau);
        const string method = "radial FD regression, closed circle";
        var measurements = new List<Measurement>
        {
            Measurement.Relative(method, "k:captas", p.Permeability, 7.1366, Captas + " (md)"),
            Measurement.Relative(method, "k:semilog", p.Permeability, kSemilog, "semilog: derivative plateau 10-100 hr (md)"),
            Measurement.Relative(method, "skin:captas", p.Skin, 5.4410, Captas),
            Measurement.Relative(method, "storage:captas", p.Storage, 0.0094918, Captas + " (bbl/psi)"),
            Measurement.Relative(method, "re:captas", p.OuterRadius ?? double.NaN, 1502.09, Captas + " (ft)"),
            Measurement.AtMost(method, "rms_psi", fit.RmsPsi, $"{data.Time.Length} pressures, {(fit.Converged ? "converged" : "NOT converged")} in {fit.Iterations} iterations"),
        };
        var tGrid = Enumerable.Range(0, 121).Select(i => data.Time[0] * Math.Pow(data.Time[^1] / data.Time[0], i / 120.0)).ToArray();
        var dpGrid = WellTestModel.PressureDrop(Setup, p, tGrid);
        var loglog = new ChartSpec("lee_loglog.png", $"Lee et al. 2003, Example 2.12: k = {p.Permeability:G4} md, S = {p.Skin:F2}", "elapsed time (hr)", "Δp, t dΔp/dt (psi)",
        [
            new("Δp data", data.Time, dp, Markers: true),
            new("derivative data (L = 0.2)", data.Time, derivative, Markers: true),
            new("Δp model", tGrid, dpGrid),
            new("derivative model", tGrid, BourdetDerivative.Compute(tGrid, dpGrid)),
        ])
        { LogX = true, LogY = true };
        var semilog = new ChartSpec("lee_semilog.png", "Lee et al. 2003, Example 2.12: semilog", "elapsed time (hr)", "pressure (psia)",
        [
            new("data", data.Time, data.Pressure, Markers: true),
            new("model", tGrid, dpGrid.Select(d => Setup.InitialPressure - d).ToArray()),
        ])
        { LogX = true };
        return new CheckResult(measurements, [loglog, semilog]);
    }

    /// <summary>The data file: the data parameter, else shared/data/ above the current directory, the suite or the program, else $PDEKIT_DATA.</summary>
    /// <exception cref="FileNotFoundException">Not found; the message says where it looked.</exception>
    internal static string FindData(CheckContext context)
    {
        if (context.Parameters.TryGetValue("data", out var given))
        {
            var path = Path.IsPathRooted(given) ? given : Path.GetFullPath(given, context.SuiteDirectory);
            if (File.Exists(path)) return path;
            if (File.Exists(given)) return Path.GetFullPath(given);
            throw new FileNotFoundException($"data={given}: no such file (looked at {path})", path);
        }

        var tried = new List<string>();
        if (Environment.GetEnvironmentVariable("PDEKIT_DATA") is { Length: > 0 } env) tried.Add(Path.Combine(env, DataFile));
        foreach (var start in new[] { Environment.CurrentDirectory, context.SuiteDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                tried.Add(Path.Combine(dir.FullName, "shared", "data", DataFile));
                tried.Add(Path.Combine(dir.FullName, "data", DataFile));
            }
        }

        return tried.FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"{DataFile} not found in shared/data/ or data/ above {Environment.CurrentDirectory}, {context.SuiteDirectory} or {AppContext.BaseDirectory}; give data=PATH in the suite line's set column or set PDEKIT_DATA");
    }
}
