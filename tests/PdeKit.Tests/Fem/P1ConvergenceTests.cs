using PdeKit.Numerics.Fem;
using PdeKit.Numerics.Meshes;
using PdeKit.Tests.Meshes;

namespace PdeKit.Tests.Fem;

/// <summary>Manufactured solutions under uniform refinement: P1 errors fall as h^2 in L2 and h in H1.</summary>
public class P1ConvergenceTests
{
    private sealed record Exact(Func<double, double, double> U, Func<double, double, (double, double)> Grad, EllipticProblem Problem);

    private static (double[] L2, double[] H1, double[] Max) Study(TriangleMesh coarse, int levels, Exact exact, string label)
    {
        var (l2, h1, max) = (new double[levels], new double[levels], new double[levels]);
        var mesh = coarse;
        for (int level = 0; level < levels; level++)
        {
            var solution = P1Solver.Solve(mesh, exact.Problem);
            l2[level] = FemNorms.L2Error(mesh, solution.Values, exact.U);
            h1[level] = FemNorms.H1SeminormError(mesh, solution.Values, exact.Grad);
            max[level] = FemNorms.MaxNodalError(mesh, solution.Values, exact.U);
            TestContext.Out.WriteLine(
                $"{label} level {level}: {mesh.NodeCount} nodes, {mesh.TriangleCount} triangles, CG {solution.Solve.Iterations} it "
                + $"({solution.Solve.Preconditioner}); L2 {l2[level]:E3}, H1 {h1[level]:E3}, max nodal {max[level]:E3}"
                + (level > 0 ? $"; orders L2 {Order(l2, level):F3}, H1 {Order(h1, level):F3}, max {Order(max, level):F3}" : ""));
            if (level + 1 < levels)
            {
                mesh = mesh.Refine();
            }
        }

        return (l2, h1, max);
    }

    private static double Order(double[] errors, int level) => Math.Log2(errors[level - 1] / errors[level]);

    private static void AssertOrders((double[] L2, double[] H1, double[] Max) e, int fromLevel)
    {
        for (int level = fromLevel; level < e.L2.Length; level++)
        {
            Assert.That(Order(e.L2, level), Is.InRange(1.8, 2.2), $"L2 order at level {level}");
            Assert.That(Order(e.H1, level), Is.InRange(0.9, 1.2), $"H1 order at level {level}");
            // Nodal maxima on unstructured meshes approach order 2 slowly (about 1.5 to 1.75 here).
            Assert.That(Order(e.Max, level), Is.GreaterThan(1.4), $"max nodal order at level {level}");
        }
    }

    [Test]
    public void SineOnTheGmshSquare()
    {
        var exact = new Exact(
            (x, y) => Math.Sin(Math.PI * x) * Math.Sin(Math.PI * y),
            (x, y) => (Math.PI * Math.Cos(Math.PI * x) * Math.Sin(Math.PI * y), Math.PI * Math.Sin(Math.PI * x) * Math.Cos(Math.PI * y)),
            new EllipticProblem { Source = (x, y) => 2 * Math.PI * Math.PI * Math.Sin(Math.PI * x) * Math.Sin(Math.PI * y) });
        var errors = Study(GmshReader.Read(MeshTestFiles.PathOf("square.msh")), 5, exact, "square sin sin");
        AssertOrders(errors, 3);
    }

    [Test]
    public void VariableCoefficientAndDirichletDataOnARectangle()
    {
        // u = exp(x + y/2), a = 1 + x^2 + y: f = -(a_x u_x + a_y u_y + a lap u) = -u (2x + 1/2 + 5/4 a).
        static double A(double x, double y) => 1 + (x * x) + y;
        static double U(double x, double y) => Math.Exp(x + (y / 2));
        var exact = new Exact(
            U,
            (x, y) => (U(x, y), U(x, y) / 2),
            new EllipticProblem
            {
                Coefficient = A,
                Source = (x, y) => -U(x, y) * ((2 * x) + 0.5 + (1.25 * A(x, y))),
                Dirichlet = U,
            });
        var errors = Study(StructuredMeshes.Rectangle(0, 1, 0, 1, 4, 4), 5, exact, "rectangle variable a");
        AssertOrders(errors, 2);
    }

    [Test]
    public void NaturalConditionOnTheSides()
    {
        // u = cos(pi x) sin(pi y): zero on bottom and top, zero normal derivative on left and right.
        var exact = new Exact(
            (x, y) => Math.Cos(Math.PI * x) * Math.Sin(Math.PI * y),
            (x, y) => (-Math.PI * Math.Sin(Math.PI * x) * Math.Sin(Math.PI * y), Math.PI * Math.Cos(Math.PI * x) * Math.Cos(Math.PI * y)),
            new EllipticProblem
            {
                Source = (x, y) => 2 * Math.PI * Math.PI * Math.Cos(Math.PI * x) * Math.Sin(Math.PI * y),
                DirichletParts = ["bottom", "top"],
            });
        var errors = Study(StructuredMeshes.Rectangle(0, 1, 0, 1, 4, 4), 5, exact, "rectangle mixed");
        AssertOrders(errors, 2);
    }

    [Test]
    public void TrigonometricSolutionOnThePlateWithHoles()
    {
        // u = sin(2x) cosh(y) + x y^2: -lap u = 3 sin(2x) cosh(y) - 2x; u imposed on every part.
        static double U(double x, double y) => (Math.Sin(2 * x) * Math.Cosh(y)) + (x * y * y);
        var exact = new Exact(
            U,
            (x, y) => ((2 * Math.Cos(2 * x) * Math.Cosh(y)) + (y * y), (Math.Sin(2 * x) * Math.Sinh(y)) + (2 * x * y)),
            new EllipticProblem { Source = (x, y) => (3 * Math.Sin(2 * x) * Math.Cosh(y)) - (2 * x), Dirichlet = U });
        var errors = Study(GmshReader.Read(MeshTestFiles.PathOf("plate-with-holes.msh")), 3, exact, "plate Dirichlet");
        AssertOrders(errors, 1);
    }

    [Test]
    public void DirichletOnTheHolesOnlyOnThePlate()
    {
        // u = cos(pi x / 2) cos(pi y) has zero normal derivative on all four sides of [0, 2] x [0, 1].
        const double K = (Math.PI * Math.PI / 4) + (Math.PI * Math.PI);
        static double U(double x, double y) => Math.Cos(Math.PI * x / 2) * Math.Cos(Math.PI * y);
        var exact = new Exact(
            U,
            (x, y) => (-Math.PI / 2 * Math.Sin(Math.PI * x / 2) * Math.Cos(Math.PI * y), -Math.PI * Math.Cos(Math.PI * x / 2) * Math.Sin(Math.PI * y)),
            new EllipticProblem { Source = (x, y) => K * U(x, y), Dirichlet = U, DirichletParts = ["hole1", "hole2"] });
        var errors = Study(GmshReader.Read(MeshTestFiles.PathOf("plate-with-holes.msh")), 3, exact, "plate holes Dirichlet");
        AssertOrders(errors, 1);
    }
}
