using PdeKit.Numerics.Fem;
using PdeKit.Numerics.Meshes;

namespace PdeKit.Tests.Fem;

public class FemNormsTests
{
    [Test]
    public void QuarticIntegralsAreExact()
    {
        // The degree-4 rule integrates (x y)^2 exactly: ||x y||_L2(unit square) = 1/3.
        var mesh = StructuredMeshes.Rectangle(0, 1, 0, 1, 3, 2);
        var zero = new double[mesh.NodeCount];
        Assert.That(FemNorms.L2Error(mesh, zero, (x, y) => x * y), Is.EqualTo(1.0 / 3).Within(1e-13));
        // |grad (x^2 y)|^2 = 4 x^2 y^2 + x^4, integral 4/9 + 1/5.
        Assert.That(FemNorms.H1SeminormError(mesh, zero, (x, y) => (2 * x * y, x * x)), Is.EqualTo(Math.Sqrt((4.0 / 9) + 0.2)).Within(1e-13));
        Assert.That(FemNorms.MaxNodalError(mesh, zero, (x, y) => x + y), Is.EqualTo(2));
    }

    [Test]
    public void LinearFunctionsHaveNoError()
    {
        var mesh = StructuredMeshes.Rectangle(0, 2, -1, 1, 5, 3);
        var nodal = Enumerable.Range(0, mesh.NodeCount).Select(i => 2 - mesh.X[i] + (4 * mesh.Y[i])).ToArray();
        Assert.That(FemNorms.L2Error(mesh, nodal, (x, y) => 2 - x + (4 * y)), Is.LessThan(1e-13));
        Assert.That(FemNorms.H1SeminormError(mesh, nodal, (_, _) => (-1, 4)), Is.LessThan(1e-12));
        Assert.Throws<ArgumentException>(() => FemNorms.L2Error(mesh, new double[2], (_, _) => 0));
    }
}
