using PdeKit.Numerics.Poisson;
using static PdeKit.Tests.Numerics.Poisson.PoissonTestProblems;

namespace PdeKit.Tests.Numerics.Poisson;

/// <summary>The L-shaped domain with the corner singularity <c>r^(2/3) sin(2 theta / 3)</c>.</summary>
public class LShapeTests
{
    [Test]
    public void MaskMatchesTheDomain()
    {
        var grid = new UniformGrid2D(-1, 1, -1, 1, 9, 9);
        NodeMask mask = NodeMask.LShape(grid);

        // Interior 7 x 7 nodes minus the removed quadrant's closure: x >= 0 and y <= 0 is 4 x 4 of them.
        Assert.That(mask.ActiveCount, Is.EqualTo(49 - 16));
        Assert.That(mask.IsActive(4, 4), Is.False, "re-entrant corner (0, 0)");
        Assert.That(mask.IsActive(3, 4), Is.True, "(-0.25, 0)");
        Assert.That(mask.IsActive(4, 5), Is.True, "(0, 0.25)");
        Assert.That(mask.IsActive(5, 4), Is.False, "(0.25, 0) on the edge y = 0");
        Assert.That(mask.IsActive(4, 3), Is.False, "(0, -0.25) on the edge x = 0");
        Assert.That(mask.IsActive(3, 3), Is.True, "(-0.25, -0.25)");
    }

    [Test]
    public void ExactDataVanishOnTheReentrantEdgesAndAreContinuous()
    {
        Assert.That(LShapeExact(0.5, 0.0), Is.EqualTo(0).Within(1e-15));
        Assert.That(LShapeExact(0.5, -0.0), Is.EqualTo(0).Within(1e-15));
        Assert.That(LShapeExact(0.0, -0.5), Is.EqualTo(0).Within(1e-15));

        // Continuous across the negative x axis (inside the domain) and the positive y axis.
        Assert.That(LShapeExact(-0.5, 1e-12), Is.EqualTo(LShapeExact(-0.5, -1e-12)).Within(1e-9));
        Assert.That(LShapeExact(1e-12, 0.5), Is.EqualTo(LShapeExact(-1e-12, 0.5)).Within(1e-9));
    }

    [Test]
    public void ErrorsConvergeWithTheReducedOrdersOfTheCornerSingularity()
    {
        // Measured (n = 33 .. 257, h = 2 / (n - 1)): max-norm errors 1.30e-2, 8.30e-3, 5.25e-3, 3.31e-3 with orders
        // 0.651, 0.661, 0.664 (to 0.666 at n = 1025), the 2/3 of the corner singularity r^(2/3), reached next to
        // the corner; L2 errors 2.67e-3, 1.10e-3, 4.47e-4, 1.80e-4 with orders 1.278, 1.300, 1.313 (1.326 at
        // n = 1025), tending to 4/3 = 2 * 2/3.
        int[] sizes = [33, 65, 129, 257];
        var max = new List<double>();
        var l2 = new List<double>();
        foreach (int n in sizes)
        {
            var grid = new UniformGrid2D(-1, 1, -1, 1, n, n);
            var mask = NodeMask.LShape(grid);
            var problem = new PoissonProblem(grid, (_, _) => 0.0, LShapeExact) { Mask = mask };
            PoissonSolution solution = PoissonSolver.Solve(problem, Tight);
            var (m, l) = Errors(solution, mask, LShapeExact);
            max.Add(m);
            l2.Add(l);
        }

        double[] maxOrders = Orders(max), l2Orders = Orders(l2);
        TestContext.Out.WriteLine($"L-shape max orders {string.Join(", ", maxOrders.Select(o => o.ToString("F3")))}; L2 orders {string.Join(", ", l2Orders.Select(o => o.ToString("F3")))}");
        Assert.That(maxOrders, Has.All.InRange(0.60, 0.72));
        Assert.That(l2Orders, Has.All.InRange(1.2, 1.4));
    }

    [Test]
    public void MultigridConvergesFastOnTheLShape()
    {
        // Measured F(2,2) factors (cycles 3 on, until 1e-9) 0.0365 (65), 0.0372 (129), 0.0376 (257).
        foreach (int n in new[] { 65, 129, 257 })
        {
            var grid = new UniformGrid2D(-1, 1, -1, 1, n, n);
            var problem = new PoissonProblem(grid, (_, _) => 1.0, (_, _) => 0.0) { Mask = NodeMask.LShape(grid) };
            PoissonSolution solution = PoissonSolver.Solve(problem, Tight with { FullMultigridStart = false });
            Assert.That(solution.Converged, Is.True);
            TestContext.Out.WriteLine($"L-shape F(2,2) factor n = {n}: {AsymptoticFactor(solution):F4}");
            Assert.That(AsymptoticFactor(solution), Is.LessThan(0.06), $"n = {n}");
        }
    }
}
