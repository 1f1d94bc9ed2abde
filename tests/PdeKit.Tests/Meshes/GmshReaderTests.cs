using PdeKit.Numerics.Meshes;

namespace PdeKit.Tests.Meshes;

public class GmshReaderTests
{
    [Test]
    public void SquareHasNamedSidesAndUnitArea()
    {
        var mesh = GmshReader.Read(MeshTestFiles.PathOf("square.msh"));
        Assert.That(mesh.NodeCount, Is.EqualTo(30));
        Assert.That(mesh.TriangleCount, Is.EqualTo(42));
        Assert.That(mesh.BoundaryParts, Is.EqualTo(new[] { "bottom", "right", "top", "left" }));
        Assert.That(mesh.SurfaceParts, Is.EqualTo(new[] { "square" }));
        Assert.That(mesh.TotalArea, Is.EqualTo(1).Within(1e-12));
        Assert.That(mesh.TotalBoundaryLength, Is.EqualTo(4).Within(1e-12));
        foreach (var part in mesh.BoundaryParts)
        {
            Assert.That(mesh.BoundaryLength(part), Is.EqualTo(1).Within(1e-12), part);
        }

        Assert.That(mesh.BoundaryEdges, Has.Length.EqualTo(16));
        Assert.That(mesh.SourceName, Does.EndWith("square.msh"));
    }

    [Test]
    public void Version22ReadsTheSameMeshAsVersion41()
    {
        var a = GmshReader.Read(MeshTestFiles.PathOf("square.msh"));
        var b = GmshReader.Read(MeshTestFiles.PathOf("square-v22.msh"));
        Assert.That(b.X, Is.EqualTo(a.X));
        Assert.That(b.Y, Is.EqualTo(a.Y));
        Assert.That(b.Triangles, Is.EqualTo(a.Triangles));
        Assert.That(b.BoundaryEdges, Is.EqualTo(a.BoundaryEdges));
        Assert.That(b.BoundaryParts, Is.EqualTo(a.BoundaryParts));
        Assert.That(b.SurfaceParts, Is.EqualTo(a.SurfaceParts));
    }

    [Test]
    public void PlateHasOuterSidesTwoHolesAndTheRightArea()
    {
        var mesh = GmshReader.Read(MeshTestFiles.PathOf("plate-with-holes.msh"));
        TestContext.Out.WriteLine(mesh);
        Assert.That(mesh.TriangleCount, Is.InRange(1000, 5000));
        Assert.That(mesh.BoundaryParts, Is.EquivalentTo(new[] { "bottom", "right", "top", "left", "hole1", "hole2" }));
        Assert.That(mesh.SurfaceParts, Is.EqualTo(new[] { "plate" }));
        Assert.That(mesh.BoundaryLength("bottom"), Is.EqualTo(2).Within(1e-12));
        Assert.That(mesh.BoundaryLength("left"), Is.EqualTo(1).Within(1e-12));
        // Polygons inscribed in the circles: slightly shorter perimeters, slightly smaller holes.
        Assert.That(mesh.BoundaryLength("hole1"), Is.EqualTo(2 * Math.PI * 0.2).Within(2e-3));
        Assert.That(mesh.BoundaryLength("hole2"), Is.EqualTo(2 * Math.PI * 0.25).Within(2e-3));
        Assert.That(mesh.BoundaryLength("hole1"), Is.LessThan(2 * Math.PI * 0.2));
        double exact = 2 - (Math.PI * ((0.2 * 0.2) + (0.25 * 0.25)));
        Assert.That(mesh.TotalArea, Is.EqualTo(exact).Within(1e-3));
        Assert.That(mesh.TotalArea, Is.GreaterThan(exact));
        Assert.That(mesh.TriangleAreas.Sum(), Is.EqualTo(mesh.TotalArea).Within(1e-12));
    }

    [TestCase("square.msh")]
    [TestCase("square-v22.msh")]
    [TestCase("plate-with-holes.msh")]
    public void TrianglesAreCounterClockwiseAndNormalsPointOutward(string file)
    {
        var mesh = GmshReader.Read(MeshTestFiles.PathOf(file));
        for (int k = 0; k < mesh.TriangleCount; k++)
        {
            int a = mesh.Triangles[3 * k], b = mesh.Triangles[(3 * k) + 1], c = mesh.Triangles[(3 * k) + 2];
            double twice = ((mesh.X[b] - mesh.X[a]) * (mesh.Y[c] - mesh.Y[a])) - ((mesh.X[c] - mesh.X[a]) * (mesh.Y[b] - mesh.Y[a]));
            Assert.That(twice / 2, Is.EqualTo(mesh.TriangleAreas[k]).Within(1e-14));
        }

        // The outward normal (dy, -dx) points away from the opposite corner of the edge's triangle.
        foreach (var e in mesh.BoundaryEdges)
        {
            int third = Enumerable.Range(0, 3).Select(i => mesh.Triangles[(3 * e.Triangle) + i]).Single(v => v != e.Node0 && v != e.Node1);
            double nx = mesh.Y[e.Node1] - mesh.Y[e.Node0], ny = -(mesh.X[e.Node1] - mesh.X[e.Node0]);
            double toThird = (nx * (mesh.X[third] - mesh.X[e.Node0])) + (ny * (mesh.Y[third] - mesh.Y[e.Node0]));
            Assert.That(toThird, Is.LessThan(0));
        }
    }

    [Test]
    public void PlateHoleNormalsPointIntoTheHoles()
    {
        var mesh = GmshReader.Read(MeshTestFiles.PathOf("plate-with-holes.msh"));
        foreach (var s in mesh.BoundarySegments(["hole1"]))
        {
            double mx = (s.X0 + s.X1) / 2, my = (s.Y0 + s.Y1) / 2;
            double nx = (s.Y1 - s.Y0) / s.Length, ny = -(s.X1 - s.X0) / s.Length;
            // Outward from the plate is towards the hole's centre (0.5, 0.5).
            Assert.That((nx * (0.5 - mx)) + (ny * (0.5 - my)), Is.GreaterThan(0.19));
            Assert.That(s.Part, Is.EqualTo("hole1"));
        }
    }

    [Test]
    public void UnnamedGroupsAndMissingPhysicalNames()
    {
        // 2.2 text without $PhysicalNames: the boundary lines of group 7 are named "7"; untagged triangles are unnamed.
        const string text = "$MeshFormat\n2.2 0 8\n$EndMeshFormat\n$Nodes\n4\n1 0 0 0\n2 1 0 0\n3 1 1 0\n4 0 1 0\n$EndNodes\n"
            + "$Elements\n3\n1 1 2 7 1 1 2\n2 2 0 1 2 3\n3 2 0 1 3 4\n$EndElements\n";
        var mesh = GmshReader.Parse(text, "inline");
        Assert.That(mesh.BoundaryParts, Is.EqualTo(new[] { "7", TriangleMesh.UnnamedPart }));
        Assert.That(mesh.BoundaryLength("7"), Is.EqualTo(1));
        Assert.That(mesh.BoundaryLength(""), Is.EqualTo(3));
        Assert.That(mesh.SurfaceParts, Is.EqualTo(new[] { TriangleMesh.UnnamedPart }));
    }

    [Test]
    public void UnusedNodesAreDroppedAndOtherSectionsSkipped()
    {
        const string text = "$MeshFormat\n2.2 0 8\n$EndMeshFormat\n$Comments\nanything $Nodes\n$EndComments\n$Nodes\n4\n1 0 0 0\n9 5 5 0\n2 1 0 0\n3 0 1 0\n$EndNodes\n"
            + "$Elements\n2\n1 15 2 0 9 9\n2 2 0 3 2 1\n$EndElements\n$NodeData\n1\n\"u\"\n$EndNodeData\n";
        var mesh = GmshReader.Parse(text);
        Assert.That(mesh.NodeCount, Is.EqualTo(3));
        Assert.That(mesh.X, Is.EqualTo(new[] { 0.0, 1.0, 0.0 }));
        Assert.That(mesh.Triangles, Is.EqualTo(new[] { 2, 0, 1 }).Or.EqualTo(new[] { 0, 1, 2 }).Or.EqualTo(new[] { 1, 2, 0 }));
    }

    [Test]
    public void CrLfLineEndsAndBlankLinesAreAccepted()
    {
        var text = MeshTestFiles.Text("square.msh").Replace("\n", "\r\n\r\n", StringComparison.Ordinal);
        Assert.That(GmshReader.Parse(text).TriangleCount, Is.EqualTo(42));
    }

    [Test]
    public void MissingFileIsFileNotFoundWithThePath()
    {
        var path = Path.Combine(Path.GetTempPath(), "pdekit-no-such-mesh.msh");
        var e = Assert.Throws<FileNotFoundException>(() => GmshReader.Read(path));
        Assert.That(e!.Message, Does.Contain(path).And.Contain("not found"));
        Assert.That(e.FileName, Is.EqualTo(path));
    }
}
