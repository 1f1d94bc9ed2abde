using PdeKit.Numerics.Fem;
using PdeKit.Numerics.Meshes;
using PdeKit.Tests.Meshes;

namespace PdeKit.Tests.Fem;

public class P1SolverTests
{
    private static readonly TriangleMesh Plate = GmshReader.Read(MeshTestFiles.PathOf("plate-with-holes.msh"));

    [Test]
    public void LinearSolutionsAreReproducedExactly()
    {
        // The patch test: P1 contains u = 1 + 2x - 3y, which solves -lap u = 0 with its own boundary data.
        var solution = P1Solver.Solve(Plate, new EllipticProblem { Source = (_, _) => 0, Dirichlet = (x, y) => 1 + (2 * x) - (3 * y) });
        for (int i = 0; i < Plate.NodeCount; i++)
        {
            Assert.That(solution.Values[i], Is.EqualTo(1 + (2 * Plate.X[i]) - (3 * Plate.Y[i])).Within(1e-8));
        }

        Assert.That(solution.DirichletNodes, Is.EqualTo(Plate.BoundaryNodes().Length));
        Assert.That(solution.Solve.Converged, Is.True);
        Assert.That(solution.Solve.Preconditioner, Is.EqualTo(Preconditioner.IncompleteCholesky));
    }

    [TestCase(Preconditioner.None)]
    [TestCase(Preconditioner.Jacobi)]
    [TestCase(Preconditioner.IncompleteCholesky)]
    public void PreconditionersAgree(Preconditioner preconditioner)
    {
        var problem = new EllipticProblem { Source = (x, y) => 1 + x, DirichletParts = ["left", "hole2"] };
        var reference = P1Solver.Solve(Plate, problem, new ConjugateGradientOptions { Tolerance = 1e-12, Preconditioner = Preconditioner.IncompleteCholesky });
        var solution = P1Solver.Solve(Plate, problem, new ConjugateGradientOptions { Tolerance = 1e-12, Preconditioner = preconditioner });
        TestContext.Out.WriteLine($"{preconditioner}: {solution.Solve.Iterations} iterations");
        Assert.That(solution.Values, Is.EqualTo(reference.Values).Within(1e-9));
        Assert.That(solution.Solve.Preconditioner, Is.EqualTo(preconditioner));
    }

    [Test]
    public void BadProblemsAreNamed()
    {
        var square = StructuredMeshes.Rectangle(0, 1, 0, 1, 4, 4);
        var e = Assert.Throws<ArgumentException>(() => P1Solver.Solve(square, new EllipticProblem { Source = (_, _) => 1, DirichletParts = ["outer"] }));
        Assert.That(e!.Message, Does.Contain("no boundary part 'outer'"));
        e = Assert.Throws<ArgumentException>(() => P1Solver.Solve(square, new EllipticProblem { Source = (_, _) => 1, Coefficient = (x, _) => x - 0.5 }));
        Assert.That(e!.Message, Does.Contain("coefficient a is").And.Contain("must be positive"));
        e = Assert.Throws<ArgumentException>(() => P1Solver.Solve(square, new EllipticProblem { Source = (x, _) => x > 0.5 ? double.NaN : 0 }));
        Assert.That(e!.Message, Does.Contain("source f is NaN"));
        e = Assert.Throws<ArgumentException>(() => P1Solver.Solve(square, new EllipticProblem { Source = (_, _) => 0, Dirichlet = (_, _) => double.PositiveInfinity }));
        Assert.That(e!.Message, Does.Contain("Dirichlet value g is"));
        var ex = Assert.Throws<InvalidOperationException>(() => P1Solver.Solve(
            StructuredMeshes.Rectangle(0, 1, 0, 1, 16, 16), new EllipticProblem { Source = (_, _) => 1 }, new ConjugateGradientOptions { MaxIterations = 2 }));
        Assert.That(ex!.Message, Does.Contain("stopped after 2 iterations"));
    }

    [Test]
    public void EveryNodeOnTheDirichletBoundaryNeedsNoIteration()
    {
        var mesh = TriangleMesh.Create(new TriangleMeshData
        {
            X = [0.0, 1, 0],
            Y = [0.0, 0, 1],
            Triangles = [0, 1, 2],
            NamedEdges = [new NamedEdge(0, 1, "a"), new NamedEdge(1, 2, "b"), new NamedEdge(2, 0, "c")],
        });
        var solution = P1Solver.Solve(mesh, new EllipticProblem { Source = (_, _) => 1, DirichletParts = ["a", "b", "c"] });
        Assert.That(solution.Values, Is.EqualTo(new double[3]));
        Assert.That(solution.Solve.Iterations, Is.Zero);
    }
}
