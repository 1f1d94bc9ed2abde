using PdeKit.Numerics.Reservoir;
using PdeKit.Reporting;

namespace PdeKit.Cli.Validation.Checks;

/// <summary>
/// PdeKit's exponential integrals E1(x) and Ei(x) (the line-source solution's function) against tabulated values:
/// 20-digit values from mpmath 1.3.0 (mp.dps = 30, the independent arbitrary-precision implementation the unit tests
/// use); E1(1) = 0.219383934 is Abramowitz and Stegun's Table 5.1 value to its 9 decimals.
/// </summary>
internal sealed class ExponentialIntegralTableCheck : IValidationCheck
{
    private static readonly (double X, double Value)[] E1Table =
    [
        (1e-5, 10.935719800043695533), (0.01, 4.0379295765381138112), (0.1, 1.8229239584193906159), (0.25, 1.0442826344437381945),
        (0.5, 0.55977359477616081175), (1.0, 0.21938393439552027368), (1.5, 0.1000195824066326519), (2.0, 0.048900510708061119567),
        (3.0, 0.013048381094197037413), (5.0, 0.0011482955912753257973), (10.0, 4.1569689296853242774e-6), (20.0, 9.8355252906498816904e-11),
        (50.0, 3.7832640295504590187e-24), (100.0, 3.6835977616820321802e-46),
    ];

    private static readonly (double X, double Value)[] EiTable =
    [
        (1e-8, -17.843465069050832566), (0.1, -1.6228128139692766136), (0.3, -0.30266853926582593442), (0.5, 0.45421990486317357992),
        (1.0, 1.8951178163559367555), (2.0, 4.9542343560018901634), (5.0, 40.185275355803177455), (10.0, 2492.2289762418777591),
        (20.0, 25615652.66405658882), (40.0, 6039718263611241.5784), (50.0, 1.0585636897131690963e+20), (100.0, 2.7155527448538798219e+41),
    ];

    /// <inheritdoc />
    public string Name => "ei-table";

    /// <inheritdoc />
    public string Description => "E1(x) at 14 and Ei(x) at 12 points from 1e-8 to 100 against 20-digit tabulated values (mpmath 1.3.0); the worst relative error of each.";

    /// <inheritdoc />
    public IReadOnlyList<string> Problems => ["diffusivity-radial", "diffusivity-radial-plain", "diffusivity-radial-inverse"];

    /// <inheritdoc />
    public IReadOnlyList<string> Metrics => ["max_rel_err:e1", "max_rel_err:ei"];

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Parameters => new Dictionary<string, string>();

    /// <inheritdoc />
    public CheckResult Run(CheckContext context)
    {
        var e1 = E1Table.Select(p => Math.Abs(ExponentialIntegral.E1(p.X) / p.Value - 1)).ToArray();
        var ei = EiTable.Select(p => Math.Abs(ExponentialIntegral.Ei(p.X) / p.Value - 1)).ToArray();
        const string note = "mpmath 1.3.0, 20 digits";
        var measurements = new List<Measurement>
        {
            Measurement.AtMost("PdeKit E1 (series / continued fraction)", "max_rel_err:e1", e1.Max(), note),
            Measurement.AtMost("PdeKit Ei (series / asymptotic)", "max_rel_err:ei", ei.Max(), note),
        };
        // Exact agreement (error 0) is drawn at 1e-17 so that it shows on the log axis.
        const double floor = 1e-17;
        var chart = new ChartSpec("ei_errors.png", "Exponential integrals: relative error against the table (0 drawn at 1e-17)", "x", "relative error",
        [
            new("E1", E1Table.Select(p => p.X).ToArray(), e1.Select(e => Math.Max(e, floor)).ToArray(), Markers: true),
            new("Ei", EiTable.Select(p => p.X).ToArray(), ei.Select(e => Math.Max(e, floor)).ToArray(), Markers: true),
        ])
        { LogX = true, LogY = true };
        return new CheckResult(measurements, [chart]);
    }
}
