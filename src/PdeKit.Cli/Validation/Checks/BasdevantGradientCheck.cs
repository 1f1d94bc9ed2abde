using PdeKit.Numerics;
using PdeKit.Problems;
using PdeKit.Reporting;

namespace PdeKit.Cli.Validation.Checks;

/// <summary>
/// The steepest gradient of the Burgers benchmark (nu = 0.01/pi): max |u_x| = 152.00516 at x = 0, t = 1.6037/pi
/// (Basdevant, Deville, Haldenwang, Lacroix, Ouazzani, Peyret, Orlandi and Patera 1986, Computers and Fluids 14),
/// from PdeKit's Cole-Hopf solution (Gauss-Hermite) and its finite-difference solver, and the time of the peak.
/// </summary>
internal sealed class BasdevantGradientCheck : IValidationCheck
{
    private const string Source = "Basdevant et al. 1986";

    /// <inheritdoc />
    public string Name => "basdevant-gradient";

    /// <inheritdoc />
    public string Description => "max |u_x| at x = 0 of Burgers (nu = 0.01/pi) at t = 1.6037/pi: Cole-Hopf and finite difference against Basdevant et al. (1986), 152.00516; and the time of the peak of |u_x(0, t)| against 1.6037/pi.";

    /// <inheritdoc />
    public IReadOnlyList<string> Problems => ["burgers"];

    /// <inheritdoc />
    public IReadOnlyList<string> Metrics => ["max_slope:cole-hopf", "max_slope:fd", "peak_time:cole-hopf"];

    /// <inheritdoc />
    public IReadOnlyDictionary<string, string> Parameters => new Dictionary<string, string> { ["cells"] = "finite-difference cells (power of two, default 4096)" };

    /// <inheritdoc />
    public CheckResult Run(CheckContext context)
    {
        var burgers = (Burgers)context.Problem.Build();
        if (Math.Abs(burgers.Nu - 0.01 / Math.PI) > 1e-15) throw new ArgumentException($"the published value is for nu = 0.01/pi, not {burgers.Nu}");
        int cells = (int)context.Number("cells", 4096);
        double tStar = BurgersReferences.SteepestTime;
        var exact = new ColeHopfBurgers(burgers.Nu);
        double Slope(double t) => Math.Abs(exact.Ux(0, t));
        double peak = GoldenMax(Slope, 0.45, 0.6, 1e-9);

        // Finite difference: |u_x(0, t)| at a few times around the peak, t* among them.
        var fdTimes = Enumerable.Range(0, 13).Select(i => 0.3 + 0.05 * i).Append(tStar).Order().ToArray();
        var field = new BurgersFdSolver(burgers.Nu, cells).Solve(fdTimes);
        var fdSlopes = fdTimes.Select(t => Math.Abs(field.InterpolateDx(0, t))).ToArray();
        double fdAtStar = fdSlopes[Array.IndexOf(fdTimes, tStar)];

        var measurements = new List<Measurement>
        {
            Measurement.Relative("Cole-Hopf (Gauss-Hermite)", "max_slope:cole-hopf", Slope(tStar), BurgersReferences.PublishedMaxSlope, Source),
            Measurement.Relative($"finite difference ({cells} cells)", "max_slope:fd", fdAtStar, BurgersReferences.PublishedMaxSlope, Source),
            Measurement.Relative("Cole-Hopf, golden-section search", "peak_time:cole-hopf", peak, tStar, Source + ": t = 1.6037/pi"),
        };

        var ts = Enumerable.Range(0, 241).Select(i => 0.3 + 0.6 * i / 240.0).ToArray();
        var slopeChart = new ChartSpec("slope_at_zero.png", "Burgers: |u_x(0, t)|, nu = 0.01/pi", "t", "|u_x(0, t)|",
        [
            new("Cole-Hopf", ts, ts.Select(Slope).ToArray()),
            new($"finite difference ({cells} cells)", fdTimes, fdSlopes, Markers: true),
            new("Basdevant et al. 1986: 152.00516 at t = 1.6037/pi", [tStar], [BurgersReferences.PublishedMaxSlope], Markers: true),
        ]);
        var xs = Enumerable.Range(0, 201).Select(i => -0.05 + 0.1 * i / 200.0).ToArray();
        var fdX = field.X.Where(x => x is >= -0.05 and <= 0.05).ToArray();
        var profile = new ChartSpec("profile_at_peak.png", "Burgers: u(x, 1.6037/pi) across the front", "x", "u",
        [
            new("Cole-Hopf", xs, xs.Select(x => exact.U(x, tStar)).ToArray()),
            new($"finite difference nodes ({cells} cells)", fdX, fdX.Select(x => field.Interpolate(x, tStar)).ToArray(), Markers: true),
        ]);
        return new CheckResult(measurements, [slopeChart, profile]);
    }

    /// <summary>The maximiser of a unimodal function on [a, b] by golden-section search.</summary>
    internal static double GoldenMax(Func<double, double> f, double a, double b, double tolerance)
    {
        double g = (Math.Sqrt(5) - 1) / 2;
        double c = b - g * (b - a), d = a + g * (b - a);
        double fc = f(c), fd = f(d);
        while (b - a > tolerance)
        {
            if (fc > fd) { b = d; d = c; fd = fc; c = b - g * (b - a); fc = f(c); }
            else { a = c; c = d; fc = fd; d = a + g * (b - a); fd = f(d); }
        }

        return (a + b) / 2;
    }
}
