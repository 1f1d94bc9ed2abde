using PdeKit.Numerics.Meshes;

namespace PdeKit.Tests.Meshes;

public class TriangleMeshTests
{
    private static TriangleMeshData TwoTriangles(int[] triangles) => new()
    {
        X = [0.0, 1, 1, 0],
        Y = [0.0, 0, 1, 1],
        Triangles = triangles,
        NamedEdges = [new NamedEdge(0, 1, "bottom"), new NamedEdge(1, 0, "twice"), new NamedEdge(0, 2, "diagonal")],
        SourceName = "two",
    };

    [Test]
    public void ClockwiseTrianglesAreTurnedAndTheBoundaryFound()
    {
        var mesh = TriangleMesh.Create(TwoTriangles([0, 2, 1, 0, 2, 3]));
        Assert.That(mesh.Triangles, Is.EqualTo(new[] { 0, 1, 2, 0, 2, 3 }));
        Assert.That(mesh.TriangleAreas, Is.EqualTo(new[] { 0.5, 0.5 }));
        // The named interior diagonal is ignored; the first name of an edge wins; the rest is unnamed.
        Assert.That(mesh.BoundaryParts, Is.EqualTo(new[] { "bottom", TriangleMesh.UnnamedPart }));
        Assert.That(mesh.BoundaryEdges, Has.Length.EqualTo(4));
        Assert.That(mesh.BoundaryEdges[0], Is.EqualTo(new BoundaryEdge(0, 1, 0, 0)));
        Assert.That(mesh.BoundaryLength("bottom"), Is.EqualTo(1));
        Assert.That(mesh.BoundaryLength(""), Is.EqualTo(3));
        Assert.That(mesh.BoundaryNodes(["bottom"]), Is.EqualTo(new[] { 0, 1 }));
        Assert.That(mesh.BoundaryNodes(), Is.EqualTo(new[] { 0, 1, 2, 3 }));
        Assert.That(mesh.Bounds, Is.EqualTo(new MeshBounds(0, 0, 1, 1)));
    }

    [Test]
    public void UnknownPartNamesTheKnownOnes()
    {
        var mesh = StructuredMeshes.Rectangle(0, 1, 0, 1, 2, 2);
        var e = Assert.Throws<ArgumentException>(() => mesh.BoundaryLength("outer"));
        Assert.That(e!.Message, Does.Contain("no boundary part 'outer'").And.Contain("'bottom', 'right', 'top', 'left'"));
    }

    [TestCase(new[] { 0, 1, 7 }, "refers to node 7")]
    [TestCase(new[] { 0, 1, 1 }, "repeats a node")]
    [TestCase(new[] { 0, 1, 2, 0, 1 }, "3 node indices per triangle")]
    [TestCase(new[] { 0, 1, 2 }, "node 3 is used by no triangle")]
    [TestCase(new[] { 0, 1, 2, 0, 1, 2, 0, 2, 3 }, "overlap")]
    public void BadTrianglesAreNamed(int[] triangles, string what)
    {
        var e = Assert.Throws<ArgumentException>(() => TriangleMesh.Create(TwoTriangles(triangles)));
        Assert.That(e!.Message, Does.StartWith("two: ").And.Contain(what));
    }

    [Test]
    public void DegenerateNonManifoldAndNonFiniteInputs()
    {
        var flat = new TriangleMeshData { X = [0.0, 1, 2], Y = [0.0, 0, 0], Triangles = [0, 1, 2] };
        Assert.That(Assert.Throws<ArgumentException>(() => TriangleMesh.Create(flat))!.Message, Does.Contain("degenerate"));
        var fan = new TriangleMeshData { X = [0.0, 1, 0, 0, 1], Y = [0.0, 0, 1, -1, 1], Triangles = [0, 1, 2, 1, 0, 3, 0, 1, 4] };
        Assert.That(Assert.Throws<ArgumentException>(() => TriangleMesh.Create(fan))!.Message, Does.Contain("non-manifold").Or.Contain("overlap"));
        var nan = new TriangleMeshData { X = [0.0, 1, double.NaN], Y = [0.0, 0, 1], Triangles = [0, 1, 2] };
        Assert.That(Assert.Throws<ArgumentException>(() => TriangleMesh.Create(nan))!.Message, Does.Contain("node 2").And.Contain("not finite"));
        var lengths = new TriangleMeshData { X = [0.0, 1, 0], Y = [0.0, 0], Triangles = [0, 1, 2] };
        Assert.That(Assert.Throws<ArgumentException>(() => TriangleMesh.Create(lengths))!.Message, Does.Contain("X has 3 entries but Y has 2"));
        var badEdge = TwoTriangles([0, 1, 2, 0, 2, 3]) with { NamedEdges = [new NamedEdge(1, 3, "x")] };
        Assert.That(Assert.Throws<ArgumentException>(() => TriangleMesh.Create(badEdge))!.Message, Does.Contain("named edge 0 joins nodes 1 and 3"));
    }

    [Test]
    public void RectangleHasTheDocumentedLayout()
    {
        var mesh = StructuredMeshes.Rectangle(-1, 3, 0, 2, 4, 2);
        Assert.That(mesh.NodeCount, Is.EqualTo(15));
        Assert.That(mesh.TriangleCount, Is.EqualTo(16));
        Assert.That(mesh.TotalArea, Is.EqualTo(8).Within(1e-12));
        Assert.That((mesh.X[7], mesh.Y[7]), Is.EqualTo((1.0, 1.0)));
        Assert.That(mesh.BoundaryLength("bottom"), Is.EqualTo(4).Within(1e-12));
        Assert.That(mesh.BoundaryLength("left"), Is.EqualTo(2).Within(1e-12));
        Assert.That(mesh.SurfaceParts, Is.EqualTo(new[] { "rectangle" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => StructuredMeshes.Rectangle(0, 1, 0, 1, 0, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => StructuredMeshes.Rectangle(1, 1, 0, 1, 2, 3));
    }

    [Test]
    public void RefinementQuadruplesTrianglesAndKeepsPartsAndLengths()
    {
        var plate = GmshReader.Read(MeshTestFiles.PathOf("plate-with-holes.msh"));
        var fine = plate.Refine();
        Assert.That(fine.TriangleCount, Is.EqualTo(4 * plate.TriangleCount));
        // Euler: new nodes = old nodes + edges, edges = (3 T + boundary edges) / 2.
        Assert.That(fine.NodeCount, Is.EqualTo(plate.NodeCount + (((3 * plate.TriangleCount) + plate.BoundaryEdges.Length) / 2)));
        Assert.That(fine.BoundaryEdges, Has.Length.EqualTo(2 * plate.BoundaryEdges.Length));
        Assert.That(fine.BoundaryParts, Is.EqualTo(plate.BoundaryParts));
        Assert.That(fine.SurfaceParts, Is.EqualTo(plate.SurfaceParts));
        Assert.That(fine.TotalArea, Is.EqualTo(plate.TotalArea).Within(1e-12));
        foreach (var part in plate.BoundaryParts)
        {
            Assert.That(fine.BoundaryLength(part), Is.EqualTo(plate.BoundaryLength(part)).Within(1e-12), part);
        }

        Assert.That(fine.X.Take(plate.NodeCount), Is.EqualTo(plate.X));
        Assert.That(fine.TriangleAreas.Min(), Is.EqualTo(plate.TriangleAreas.Min() / 4).Within(1e-15));
        Assert.That(fine.SourceName, Does.EndWith("plate-with-holes.msh (refined 1x)"));
        Assert.That(MeshRefinement.Refine(plate, 2).SourceName, Does.EndWith("(refined 2x)"));
    }

    [Test]
    public void SegmentsFollowTheBoundaryEdges()
    {
        var mesh = GmshReader.Read(MeshTestFiles.PathOf("square.msh"));
        var all = mesh.BoundarySegments();
        Assert.That(all, Has.Length.EqualTo(mesh.BoundaryEdges.Length));
        Assert.That(all.Sum(s => s.Length), Is.EqualTo(4).Within(1e-12));
        var left = mesh.BoundarySegments(["left"]);
        Assert.That(left, Has.Length.EqualTo(4));
        Assert.That(left.All(s => s.X0 == 0 && s.X1 == 0 && s.Y1 < s.Y0 && s.Part == "left"), Is.True, "the left side runs downwards, the square on its left");
        Assert.That(mesh.BoundarySegments(["left", "top"]), Has.Length.EqualTo(8));
    }
}
