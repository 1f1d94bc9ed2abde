using System.Diagnostics;
using PdeKit.Evaluation;
using PdeKit.Numerics;
using PdeKit.Numerics.Meshes;
using PdeKit.Numerics.Poisson;
using PdeKit.Physics;

namespace PdeKit.Problems;

/// <summary>The reference studies of the Poisson problems: PdeKit's own solvers against the exact solutions, and their convergence.</summary>
public static class PoissonReferences
{
    /// <summary>
    /// The unit square: the 5-point multigrid solution against sin(k pi x) sin(k pi y) at 129 x 129 nodes (the
    /// evaluation grid) and at 257 x 257, giving the observed order.
    /// </summary>
    public static ReferenceStudy Square(PoissonSquare problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var figures = new List<ReferenceFigure>();
        double e129 = 0, e257 = 0;
        double[]? fd = null, exact = null;
        foreach (int n in new[] { 129, 257 })
        {
            var grid = UniformGrid2D.UnitSquare(n);
            var clock = Stopwatch.StartNew();
            var solution = PoissonSolver.Solve(new PoissonProblem(grid, problem.Source, static (_, _) => 0));
            double seconds = clock.Elapsed.TotalSeconds;
            var ex = grid.Sample(problem.Exact);
            double err = ErrorMetrics.RelativeL2(solution.Values, ex);
            figures.Add(new($"relative L2, multigrid FD {n} x {n} vs exact", err, null, $"{solution.Method}, {solution.Iterations} cycles, residual {solution.RelativeResidual:E1}, {seconds:F2} s") { Key = $"fd-vs-exact:{n}:rel_l2" });
            if (n == 129) (e129, fd, exact) = (err, solution.Values, ex);
            else e257 = err;
        }
        figures.Add(new("observed order, 129 -> 257", Math.Log2(e129 / e257), null, "theory 2 (second-order 5-point scheme)") { Key = "fd:order" });
        return new ReferenceStudy(figures, new Dictionary<string, double[,]> { ["finite-difference-129"] = Column(fd!), ["exact-129"] = Column(exact!) });
    }

    /// <summary>
    /// The L-shape: the 5-point multigrid solution on the masked grid against the exact corner solution at 129^2
    /// and 257^2 nodes; the observed order is reduced (about 4/3 in relative L2, 2/3 in the max norm near the
    /// corner) by the r^(2/3) singularity.
    /// </summary>
    public static ReferenceStudy LShape(PoissonLShape problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var figures = new List<ReferenceFigure>();
        var errors = new Dictionary<int, (double L2, double Max)>();
        double[]? fd = null, exact = null;
        foreach (int n in new[] { 129, 257 })
        {
            var grid = new UniformGrid2D(-1, 1, -1, 1, n, n);
            var clock = Stopwatch.StartNew();
            var solution = PoissonSolver.Solve(new PoissonProblem(grid, static (_, _) => 0, PoissonLShape.Exact) { Mask = NodeMask.LShape(grid) });
            double seconds = clock.Elapsed.TotalSeconds;
            var mask = NodeMask.LShape(grid).ToArray();
            var ex = grid.Sample(PoissonLShape.Exact);
            var inside = Enumerable.Range(0, ex.Length).Where(i => mask[i]).ToArray();
            var a = inside.Select(i => solution.Values[i]).ToArray();
            var b = inside.Select(i => ex[i]).ToArray();
            errors[n] = (ErrorMetrics.RelativeL2(a, b), ErrorMetrics.MaxAbs(a, b));
            figures.Add(new($"relative L2, multigrid FD {n} x {n} (masked L) vs exact", errors[n].L2, null, $"{solution.Iterations} cycles, residual {solution.RelativeResidual:E1}, {seconds:F2} s") { Key = $"fd-vs-exact:{n}:rel_l2" });
            figures.Add(new($"max abs error, {n} x {n}", errors[n].Max, null, "largest next to the re-entrant corner") { Key = $"fd-vs-exact:{n}:max_abs" });
            if (n == 129) (fd, exact) = (Enumerable.Range(0, ex.Length).Select(i => mask[i] ? solution.Values[i] : double.NaN).ToArray(), Enumerable.Range(0, ex.Length).Select(i => mask[i] ? ex[i] : double.NaN).ToArray());
        }
        figures.Add(new("observed order (relative L2), 129 -> 257", Math.Log2(errors[129].L2 / errors[257].L2), null, "reduced by the r^(2/3) singularity") { Key = "fd:order:l2" });
        figures.Add(new("observed order (max), 129 -> 257", Math.Log2(errors[129].Max / errors[257].Max), null, "theory 2/3: the r^(2/3) singularity gives h^(2/3) at the corner") { Key = "fd:order:max" });
        return new ReferenceStudy(figures, new Dictionary<string, double[,]> { ["finite-difference-129"] = Column(fd!), ["exact-129"] = Column(exact!) });
    }

    /// <summary>The plate: P1 finite elements on the mesh refined once and twice, compared on the evaluation grid (the reference's own accuracy).</summary>
    public static ReferenceStudy Plate(PlateWells problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var pts = Evaluator.GridPoints(problem.EvaluationAxes);
        var values = new List<double[]>();
        var figures = new List<ReferenceFigure>();
        foreach (int refinements in new[] { 1, 2 })
        {
            var clock = Stopwatch.StartNew();
            var (mesh, solution) = PlateWells.FiniteElementSolution(refinements);
            double seconds = clock.Elapsed.TotalSeconds;
            var locator = new MeshLocator(mesh);
            values.Add(pts.Select(p => locator.Interpolate(solution.Values, p[0], p[1])).ToArray());
            figures.Add(new($"P1 solve, mesh refined {refinements}x ({mesh.TriangleCount} triangles) (s)", seconds, null, $"{solution.Solve.Iterations} CG iterations") { Key = $"time_s:fem:{refinements}" });
        }
        var inside = Enumerable.Range(0, pts.Length).Where(i => !double.IsNaN(values[0][i]) && !double.IsNaN(values[1][i])).ToArray();
        var a = inside.Select(i => values[0][i]).ToArray();
        var b = inside.Select(i => values[1][i]).ToArray();
        figures.Insert(0, new("relative L2, P1 refined once vs twice (evaluation grid)", ErrorMetrics.RelativeL2(a, b), null, "about 4x the twice-refined solution's own error (order 2)") { Key = "fem-1-vs-2:rel_l2" });
        figures.Insert(1, new("max abs difference, refined once vs twice", ErrorMetrics.MaxAbs(a, b), null, "") { Key = "fem-1-vs-2:max_abs" });
        return new ReferenceStudy(figures, new Dictionary<string, double[,]> { ["fem-refined-1"] = Column(values[0]), ["fem-refined-2"] = Column(values[1]) });
    }

    private static double[,] Column(double[] v)
    {
        var c = new double[v.Length, 1];
        for (int i = 0; i < v.Length; i++) c[i, 0] = v[i];
        return c;
    }
}
