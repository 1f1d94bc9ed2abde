using System.Diagnostics;
using PdeKit.Evaluation;
using PdeKit.Numerics;
using PdeKit.Numerics.Reservoir;
using PdeKit.Physics;

namespace PdeKit.Problems;

/// <summary>The reference study of each problem that has one (<see cref="Compute"/>); Burgers' lives in <see cref="BurgersReferences"/>.</summary>
public static class ReferenceStudies
{
    /// <summary>Whether <paramref name="problem"/> has a reference study (<see cref="Compute"/>).</summary>
    public static bool Has(IProblem problem) => problem is Burgers or PdeKit.Problems.AllenCahn or RadialDiffusivity or PoissonSquare or PoissonLShape or PlateWells;

    /// <summary>The reference study of <paramref name="problem"/>: what <c>pdekit reference</c> and validation suites compute.</summary>
    /// <exception cref="ArgumentException">The problem has no reference study.</exception>
    public static ReferenceStudy Compute(IProblem problem) => problem switch
    {
        Burgers burgers => BurgersReferences.Study(burgers),
        PdeKit.Problems.AllenCahn allenCahn => AllenCahn(allenCahn),
        RadialDiffusivity radial => Radial(radial),
        PoissonSquare square => PoissonReferences.Square(square),
        PoissonLShape lshape => PoissonReferences.LShape(lshape),
        PlateWells plate => PoissonReferences.Plate(plate),
        null => throw new ArgumentNullException(nameof(problem)),
        _ => throw new ArgumentException($"{problem.Name} has no reference study yet (studies: burgers, allen-cahn, diffusivity-radial, diffusivity-radial-plain, poisson-square, poisson-square-k4, poisson-lshape, poisson-plate)"),
    };

    /// <summary>Allen-Cahn: the spectral solver at its default 2048 modes against 4096 modes, on the 512 x 201 grid.</summary>
    public static ReferenceStudy AllenCahn(AllenCahn problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var clock = Stopwatch.StartNew();
        var coarse = new AllenCahnSolver(problem.Diffusion, problem.Reaction).Solve(AllenCahnEvaluationGrid.T);
        double seconds = clock.Elapsed.TotalSeconds;
        var fine = new AllenCahnSolver(problem.Diffusion, problem.Reaction, modes: 4096).Solve(AllenCahnEvaluationGrid.T);
        var xs = AllenCahnEvaluationGrid.X;
        var ts = AllenCahnEvaluationGrid.T;
        var a = coarse.Resample(xs, ts);
        var b = fine.Resample(xs, ts);
        var fa = Flatten(a);
        var fb = Flatten(b);
        return new ReferenceStudy(
        [
            new("relative L2, 2048 vs 4096 modes (512 x 201 grid)", ErrorMetrics.RelativeL2(fa, fb), null, "spectral + ETDRK4, dt 5e-4") { Key = "2048-vs-4096:rel_l2" },
            new("max abs difference, 2048 vs 4096 modes", ErrorMetrics.MaxAbs(fa, fb), null, "") { Key = "2048-vs-4096:max_abs" },
            new("spectral solver time, 2048 modes (s)", seconds, null, "to t = 1") { Key = "time_s:spectral" },
        ], new Dictionary<string, double[,]> { ["spectral-2048"] = Column(fa), ["spectral-4096"] = Column(fb) });
    }

    /// <summary>
    /// Radial flow: the finite-difference solver and the Laplace-space solutions at van Everdingen and Hurst's
    /// published points, and the finite-difference well-and-reservoir field against the line source on the
    /// evaluation grid (they differ near the well at early times by the well's finite radius).
    /// </summary>
    public static ReferenceStudy Radial(RadialDiffusivity problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var figures = new List<ReferenceFigure>();
        // van Everdingen and Hurst (1949), Trans. AIME 186, as tabulated in well-testing texts; the pseudo-steady value from their long-time formula.
        var infinite = new RadialFdSolver(new RadialFdOptions());
        var closed = new RadialFdSolver(new RadialFdOptions(OuterRadiusRD: 10));
        figures.Add(new("FD p_wD, infinite, t_D = 4", infinite.WellPressure([4.0])[0], 1.275, "van Everdingen-Hurst 1949") { Key = "p_wD:fd:infinite:t_D=4" });
        figures.Add(new("Laplace (Stehfest) p_wD, infinite, t_D = 4", RadialFlow.WellborePressure(4.0), 1.275, "van Everdingen-Hurst 1949") { Key = "p_wD:laplace:infinite:t_D=4" });
        figures.Add(new("FD p_wD, closed r_eD = 10, t_D = 40", closed.WellPressure([40.0])[0], 2.401, "van Everdingen-Hurst 1949") { Key = "p_wD:fd:reD=10:t_D=40" });
        figures.Add(new("Laplace (Stehfest) p_wD, closed r_eD = 10, t_D = 40", RadialFlow.WellborePressure(40.0, reD: 10), 2.401, "van Everdingen-Hurst 1949") { Key = "p_wD:laplace:reD=10:t_D=40" });
        figures.Add(new("FD p_wD, closed r_eD = 10, t_D = 400", closed.WellPressure([400.0])[0], 9.6751, "pseudo-steady formula") { Key = "p_wD:fd:reD=10:t_D=400" });
        figures.Add(new("pseudo-steady formula, r_eD = 10, t_D = 400", RadialFlow.PseudoSteadyClosed(400, 10), 9.6751, "van Everdingen-Hurst 1949") { Key = "p_wD:pseudo-steady:reD=10:t_D=400" });

        var axes = problem.EvaluationAxes;
        var pts = Evaluator.GridPoints(axes);
        double R(double v) => problem.LogCoordinates ? Math.Exp(v) : v;
        var times = axes[1].Select(R).ToArray();
        var clock = Stopwatch.StartNew();
        var field = infinite.Solve(times);
        double fdSeconds = clock.Elapsed.TotalSeconds;
        var fd = pts.Select(p => field.Interpolate(R(p[0]), R(p[1]))).ToArray();
        var line = pts.Select(p => RadialFlow.LineSource(R(p[0]), R(p[1]))).ToArray();
        figures.Add(new("relative L2, FD (finite well radius) vs line source, evaluation grid", ErrorMetrics.RelativeL2(fd, line), null, "differ near r_D = 1 at early t_D") { Key = "fd-vs-line-source:rel_l2" });
        figures.Add(new("FD solver time for the grid (s)", fdSeconds, null, $"{times.Length} times to t_D = {times[^1]:G3}") { Key = "time_s:fd" });
        return new ReferenceStudy(figures, new Dictionary<string, double[,]> { ["finite-difference"] = Column(fd), ["line-source"] = Column(line) });
    }

    private static double[] Flatten(double[,] g)
    {
        int nt = g.GetLength(0), nx = g.GetLength(1);
        var f = new double[nt * nx];
        for (int it = 0; it < nt; it++)
            for (int ix = 0; ix < nx; ix++) f[it * nx + ix] = g[it, ix];
        return f;
    }

    private static double[,] Column(double[] v)
    {
        var c = new double[v.Length, 1];
        for (int i = 0; i < v.Length; i++) c[i, 0] = v[i];
        return c;
    }
}
