using PdeKit.Numerics.Poisson;

namespace PdeKit.Tests.Numerics.Poisson;

/// <summary>Bad inputs fail early with a message that names the problem.</summary>
public class PoissonInputValidationTests
{
    private static readonly Func<double, double, double> One = (_, _) => 1.0;

    private static void ThrowsNaming(TestDelegate action, params string[] fragments)
    {
        var e = Assert.Throws(Is.InstanceOf<ArgumentException>(), action)!;
        foreach (string fragment in fragments)
        {
            Assert.That(e.Message, Does.Contain(fragment));
        }
    }

    [Test]
    public void TooFewNodes() => ThrowsNaming(() => _ = new UniformGrid2D(0, 1, 0, 1, 2, 9), "nx must be at least 3", "nx = 2");

    [Test]
    public void NonFiniteBounds() => ThrowsNaming(() => _ = new UniformGrid2D(0, double.NaN, 0, 1, 9, 9), "x bounds", "finite");

    [Test]
    public void EmptyInterval() => ThrowsNaming(() => _ = new UniformGrid2D(0, 1, 2, 2, 9, 9), "y1 > y0");

    [Test]
    public void NonFiniteSource() =>
        ThrowsNaming(() => PoissonSolver.Solve(PoissonProblem.UnitSquare(9, (x, _) => x > 0.5 ? double.NaN : 1, One)), "source f", "NaN", "(x, y) = (0.625");

    [Test]
    public void NonFiniteBoundaryValue() =>
        ThrowsNaming(() => PoissonSolver.Solve(PoissonProblem.UnitSquare(9, One, (_, y) => y == 1 ? double.PositiveInfinity : 0)), "boundary value g", "Infinity");

    [Test]
    public void NonFiniteCoefficient() =>
        ThrowsNaming(() => PoissonSolver.Solve(PoissonProblem.UnitSquare(9, One, One) with { Coefficient = (_, _) => double.NaN }), "coefficient a", "finite");

    [Test]
    public void NonPositiveCoefficient() =>
        ThrowsNaming(
            () => PoissonSolver.Solve(PoissonProblem.UnitSquare(9, One, One) with { Coefficient = (x, _) => x - 0.5 }),
            "coefficient a", "must be positive", "face midpoint");

    [Test]
    public void MaskOfAnotherGrid() =>
        ThrowsNaming(
            () => PoissonSolver.Solve(PoissonProblem.UnitSquare(9, One, One) with { Mask = NodeMask.Rectangle(UniformGrid2D.UnitSquare(17)) }),
            "mask was built for 17 x 17", "9 x 9");

    [Test]
    public void MaskArrayOfTheWrongLength() =>
        ThrowsNaming(() => NodeMask.FromArray(UniformGrid2D.UnitSquare(9), new bool[80]), "80 flags", "81 nodes");

    [Test]
    public void ActiveBoundaryNodeInMaskArray()
    {
        var flags = new bool[81];
        flags[4] = true;
        ThrowsNaming(() => NodeMask.FromArray(UniformGrid2D.UnitSquare(9), flags), "Node (4, 0)", "boundary");
    }

    [Test]
    public void EmptyMask() =>
        ThrowsNaming(() => NodeMask.FromPredicate(UniformGrid2D.UnitSquare(9), (x, y) => x > 2), "no active node");

    [Test]
    public void BadTolerance() =>
        ThrowsNaming(() => PoissonSolver.Solve(PoissonProblem.UnitSquare(9, One, One), new() { Tolerance = 0 }), "Tolerance");

    [Test]
    public void BadSmoothing() =>
        ThrowsNaming(
            () => PoissonSolver.Solve(PoissonProblem.UnitSquare(9, One, One), new() { PreSmoothing = 0, PostSmoothing = 0 }),
            "PreSmoothing and PostSmoothing");

    [Test]
    public void GridSizeMultigridCannotCoarsen() =>
        ThrowsNaming(
            () => PoissonSolver.Solve(PoissonProblem.UnitSquare(1000, One, One), new() { Method = PoissonMethod.Multigrid }),
            "cannot coarsen", "1000 x 1000", "2^k + 1", "PoissonMethod.MathNet");
}
