using System.Diagnostics;
using PdeKit.Numerics;
using PdeKit.Physics;

namespace PdeKit.Problems;

/// <summary>Burgers' two references side by side: exact Cole-Hopf and the finite-difference solver.</summary>
public static class BurgersReferences
{
    /// <summary>Time of the steepest gradient for nu = 0.01/pi, t = 1.6037/pi (Basdevant et al. 1986).</summary>
    public const double SteepestTime = 1.6037 / Math.PI;

    /// <summary>Published max |u_x| = 152.00516 at x = 0, t = 1.6037/pi (Basdevant et al. 1986, Computers and Fluids 14, for nu = 0.01/pi).</summary>
    public const double PublishedMaxSlope = 152.00516;

    /// <summary>Computes both references on the evaluation grid and compares them.</summary>
    public static ReferenceStudy Study(Burgers problem, int cells = 4096)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var axes = problem.EvaluationAxes;
        double[] xs = axes[0], ts = axes[1];
        var clock = Stopwatch.StartNew();
        var exact = new ColeHopfBurgers(problem.Nu);
        var pts = Evaluation.Evaluator.GridPoints(axes);
        var ch = exact.U(pts.Select(p => p[0]).ToArray(), pts.Select(p => p[1]).ToArray());
        double chSeconds = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var solver = new BurgersFdSolver(problem.Nu, cells);
        var fd = solver.Solve([.. ts]);
        var fdGrid = fd.Resample(xs, ts);
        double fdSeconds = clock.Elapsed.TotalSeconds;
        var fdFlat = new double[pts.Length];
        for (int it = 0; it < ts.Length; it++)
            for (int ix = 0; ix < xs.Length; ix++) fdFlat[it * xs.Length + ix] = fdGrid[it, ix];

        var figures = new List<ReferenceFigure>
        {
            new("relative L2, finite difference vs Cole-Hopf (256 x 100 grid)", ErrorMetrics.RelativeL2(fdFlat, ch), null, $"{cells} cells") { Key = "fd-vs-cole-hopf:rel_l2" },
            new("max abs difference, finite difference vs Cole-Hopf", ErrorMetrics.MaxAbs(fdFlat, ch), null, "") { Key = "fd-vs-cole-hopf:max_abs" },
            new("Cole-Hopf time (s)", chSeconds, null, "25600 points") { Key = "time_s:cole-hopf" },
            new("finite-difference time (s)", fdSeconds, null, $"{cells} cells to t = {ts[^1]}") { Key = "time_s:fd" },
        };
        if (Math.Abs(problem.Nu - 0.01 / Math.PI) < 1e-15)
        {
            figures.Add(new("Cole-Hopf |u_x|(0, 1.6037/pi)", Math.Abs(exact.Ux(0, SteepestTime)), PublishedMaxSlope, "Basdevant et al. 1986") { Key = "max_slope:cole-hopf" });
            var slope = solver.Solve([SteepestTime]);
            figures.Add(new("finite-difference |u_x|(0, 1.6037/pi)", SlopeAtZero(slope), PublishedMaxSlope, "Basdevant et al. 1986") { Key = "max_slope:fd" });
        }
        return new ReferenceStudy(figures, new Dictionary<string, double[,]> { ["cole-hopf"] = Column(ch), ["finite-difference"] = Column(fdFlat) });
    }

    /// <summary>|u_x| at x = 0 and the field's last stored time, from the solver's high-order interpolant.</summary>
    public static double SlopeAtZero(SpaceTimeField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return Math.Abs(field.InterpolateDx(0, field.T[^1]));
    }

    private static double[,] Column(double[] v)
    {
        var a = new double[v.Length, 1];
        for (int i = 0; i < v.Length; i++) a[i, 0] = v[i];
        return a;
    }
}
