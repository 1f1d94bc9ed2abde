using PdeKit.Numerics.Reservoir;
using PdeKit.Reporting;

namespace PdeKit.Cli.Validation.Checks;

/// <summary>
/// Constant-rate well pressure in a closed circular reservoir, r_eD = 10 (no skin or storage), against van Everdingen
/// and Hurst (1949, Trans. AIME 186) as tabulated in Earlougher (1977, SPE Monograph 5): p_wD = 1.275 at t_D = 4
/// (still infinite acting), 2.401 at t_D = 40, and the pseudo-steady value 9.6751 at t_D = 400, from PdeKit's radial
/// finite-difference solver and its Stehfest inversion of the Laplace-space solution.
/// </summary>
internal sealed class VanEverdingenHurstCheck : IValidationCheck
{
    private const string Source = "van Everdingen and Hurst 1949";
    private static readonly (double TD, double Published, string Note)[] Published =
    [
        (4, 1.275, Source),
        (40, 2.401, Source),
        (400, 9.6751, Source + ", pseudo-steady state"),
    ];

    /// <inheritdoc />
    public string Name => "veh-rD10";

    /// <inheritdoc />
    public string Description => "p_wD of a well in a closed circle r_eD = 10 at t_D = 4, 40, 400: radial finite difference and Laplace (Stehfest) against van Everdingen and Hurst (1949): 1.275, 2.401, 9.6751.";

    /// <inheritdoc />
    public IReadOnlyList<string> Problems => ["diffusivity-radial", "diffusivity-radial-plain", "diffusivity-radial-inverse"];

    /// <inheritdoc />
    public IReadOnlyList<string> Metrics => [.. Published.SelectMany(p => new[] { $"p_wD:fd:t_D={p.TD}", $"p_wD:laplace:t_D={p.TD}" })];

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Parameters => new Dictionary<string, string>();

    /// <inheritdoc />
    public CheckResult Run(CheckContext context)
    {
        var closed = new RadialFdSolver(new RadialFdOptions(OuterRadiusRD: 10));
        var fd = closed.WellPressure(Published.Select(p => p.TD).ToArray());
        var measurements = new List<Measurement>();
        for (int i = 0; i < Published.Length; i++)
        {
            var (tD, value, note) = Published[i];
            measurements.Add(Measurement.Relative("radial finite difference", $"p_wD:fd:t_D={tD}", fd[i], value, note));
            measurements.Add(Measurement.Relative("Laplace (Stehfest)", $"p_wD:laplace:t_D={tD}", RadialFlow.WellborePressure(tD, reD: 10), value, note));
        }

        var times = Enumerable.Range(0, 61).Select(i => Math.Pow(10, -1 + 4.0 * i / 60)).ToArray();
        var late = times.Where(t => t >= 30).ToArray();
        var chart = new ChartSpec("veh_loglog.png", "Well pressure, closed circle r_eD = 10 (no skin, no storage)", "t_D", "p_wD",
        [
            new("finite difference, infinite", times, new RadialFdSolver().WellPressure(times)),
            new("pseudo-steady formula", late, late.Select(t => RadialFlow.PseudoSteadyClosed(t, 10)).ToArray()),
            new("finite difference, closed r_eD = 10", times, closed.WellPressure(times)),
            new("van Everdingen and Hurst 1949", Published.Select(p => p.TD).ToArray(), Published.Select(p => p.Published).ToArray(), Markers: true),
        ])
        { LogX = true, LogY = true };
        return new CheckResult(measurements, [chart]);
    }
}
