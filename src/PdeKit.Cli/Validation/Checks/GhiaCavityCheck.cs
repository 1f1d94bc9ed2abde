using System.Globalization;
using PdeKit.Cli.Commands;
using PdeKit.Numerics.NavierStokes;
using PdeKit.Reporting;

namespace PdeKit.Cli.Validation.Checks;

/// <summary>
/// The lid-driven cavity's finite-difference reference (<see cref="CavitySolver"/>, uniform lid) against the centreline
/// tables of Ghia, Ghia and Shin (1982), J. Comput. Phys. 48:387-411, Tables I and II (shared/data/ghia1982_*.csv):
/// the largest deviation of u(0.5, y) and of v(x, 0.5) over the published points, in units of the lid speed.
/// Suite lines name the catalogue's cavity problem (the PINN problem whose reference this solver is).
/// </summary>
internal sealed class GhiaCavityCheck : IValidationCheck
{
    /// <inheritdoc />
    public string Name => "ghia-cavity";

    /// <inheritdoc />
    public string Description => "Lid-driven cavity, stream-function/vorticity finite differences (second order, multigrid stream function) "
        + "against Ghia, Ghia and Shin (1982) Tables I and II: max |u - u_Ghia| on x = 0.5 and max |v - v_Ghia| on y = 0.5 over the published points (lid speed 1).";

    /// <inheritdoc />
    public IReadOnlyList<string> Problems => ["cavity"];

    /// <inheritdoc />
    public IReadOnlyList<string> Metrics => ["max_dev_u", "max_dev_v", "steps"];

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Parameters => new Dictionary<string, string>
    {
        ["re"] = "Reynolds number with a published table (100 or 1000 shipped; default 100)",
        ["n"] = "nodes per side (default 129)",
        ["data"] = "folder of ghia1982_*.csv (relative to the suite file); default: shared/data/ above the current directory or the program, or $PDEKIT_DATA",
    };

    /// <inheritdoc />
    public CheckResult Run(CheckContext context)
    {
        double re = context.Number("re", 100);
        int n = (int)context.Number("n", 129);
        string? data = context.Parameters.TryGetValue("data", out var given) ? Path.GetFullPath(given, context.SuiteDirectory) : null;
        var (u, v) = GhiaCavityData.Load((int)Math.Round(re), data);
        var result = CavityReference.Compute(new CavityOptions(re, n), Path.GetDirectoryName(u.Path));
        var flow = result.Flow;
        if (!flow.Converged)
        {
            throw new InvalidOperationException(FormattableString.Invariant($"the cavity at Re = {re} did not converge (residual {flow.FinalResidual} after {flow.Steps} steps)"));
        }

        string method = FormattableString.Invariant($"stream function/vorticity FD, {n} x {n} nodes");
        const string source = "Ghia, Ghia and Shin 1982, Tables I and II";
        var measurements = new List<Measurement>
        {
            Measurement.AtMost(method, "max_dev_u", result.MaxDevU!.Value, source),
            Measurement.AtMost(method, "max_dev_v", result.MaxDevV!.Value, source),
            Measurement.AtMost(method, "steps", flow.Steps, "pseudo-time steps to the residual 1e-8"),
        };
        var ys = Enumerable.Range(0, 129).Select(k => k / 128.0).ToArray();
        string label = re.ToString("G6", CultureInfo.InvariantCulture);
        var uChart = new ChartSpec("cavity_u.png", $"cavity Re = {label}: u(0.5, y)", "u", "y",
            [new("finite difference", flow.CentrelineU(ys), ys), new("Ghia et al. 1982", u.Value, u.Position, Markers: true)]);
        var vChart = new ChartSpec("cavity_v.png", $"cavity Re = {label}: v(x, 0.5)", "x", "v",
            [new("finite difference", ys, flow.CentrelineV(ys)), new("Ghia et al. 1982", v.Position, v.Value, Markers: true)]);
        return new CheckResult(measurements, [uChart, vChart]);
    }
}
