using System.Buffers.Binary;
using System.Globalization;
using System.Xml.Linq;
using PdeKit.Numerics.Meshes;
using PdeKit.Reporting;
using PdeKit.Tests.Meshes;

namespace PdeKit.Tests.Reporting;

public class VtkTests : TempFolderFixture
{
    /// <summary>A .vtu file read back with System.Xml: the piece's counts and every data array by its name.</summary>
    private sealed record Vtu(int Points, int Cells, Dictionary<string, double[]> PointData, Dictionary<string, double[]> CellData, double[] Points3, long[] Connectivity, long[] Offsets, byte[] Types);

    private static Vtu ReadBack(string path)
    {
        var doc = XDocument.Load(path);
        var file = doc.Root!;
        Assert.That(file.Name.LocalName, Is.EqualTo("VTKFile"));
        Assert.That((string?)file.Attribute("type"), Is.EqualTo("UnstructuredGrid"));
        Assert.That((string?)file.Attribute("byte_order"), Is.EqualTo("LittleEndian"));
        var piece = file.Element("UnstructuredGrid")!.Element("Piece")!;
        double[] Doubles(XElement a) => Decode(a).Select(Convert.ToDouble).ToArray();
        Dictionary<string, double[]> Fields(string name)
            => piece.Element(name)!.Elements("DataArray").ToDictionary(a => (string)a.Attribute("Name")!, Doubles);
        var cells = piece.Element("Cells")!.Elements("DataArray").ToDictionary(a => (string)a.Attribute("Name")!);
        Assert.That((string?)piece.Element("Points")!.Element("DataArray")!.Attribute("NumberOfComponents"), Is.EqualTo("3"));
        return new Vtu(
            int.Parse((string)piece.Attribute("NumberOfPoints")!, CultureInfo.InvariantCulture),
            int.Parse((string)piece.Attribute("NumberOfCells")!, CultureInfo.InvariantCulture),
            Fields("PointData"),
            Fields("CellData"),
            Doubles(piece.Element("Points")!.Element("DataArray")!),
            Decode(cells["connectivity"]).Select(Convert.ToInt64).ToArray(),
            Decode(cells["offsets"]).Select(Convert.ToInt64).ToArray(),
            Decode(cells["types"]).Select(Convert.ToByte).ToArray());
    }

    /// <summary>The values of a DataArray in either format, as objects of the declared type.</summary>
    private static object[] Decode(XElement array)
    {
        string type = (string)array.Attribute("type")!;
        string text = array.Value.Trim();
        if ((string)array.Attribute("format")! == "ascii")
        {
            return text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select<string, object>(t => type switch
            {
                "Float64" => t == "nan" ? double.NaN : double.Parse(t, CultureInfo.InvariantCulture),
                "Int64" => long.Parse(t, CultureInfo.InvariantCulture),
                _ => byte.Parse(t, CultureInfo.InvariantCulture),
            }).ToArray();
        }

        Assert.That((string)array.Attribute("format")!, Is.EqualTo("binary"));
        var bytes = Convert.FromBase64String(text);
        ulong length = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.That(length, Is.EqualTo((ulong)(bytes.Length - 8)), "the UInt64 header holds the data's byte count");
        var data = bytes.AsSpan(8);
        return type switch
        {
            "Float64" => Enumerable.Range(0, data.Length / 8).Select(i => (object)BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(8 + (8 * i)))).ToArray(),
            "Int64" => Enumerable.Range(0, data.Length / 8).Select(i => (object)BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(8 + (8 * i)))).ToArray(),
            _ => data.ToArray().Select(b => (object)b).ToArray(),
        };
    }

    [TestCase(VtkEncoding.Base64)]
    [TestCase(VtkEncoding.Ascii)]
    public void TriangleMeshRoundTrips(VtkEncoding encoding)
    {
        var mesh = GmshReader.Read(MeshTestFiles.PathOf("square.msh"));
        var u = Enumerable.Range(0, mesh.NodeCount).Select(i => Math.Sin(mesh.X[i]) + (mesh.Y[i] / 3)).ToArray();
        var v = Enumerable.Range(0, mesh.NodeCount).Select(i => (double)i).ToArray();
        var path = Path.Combine(Dir, "out", "square.vtu");
        Vtk.WriteTriangleMesh(path, mesh, [new VtkField("u", u), new VtkField("node index", v)], [new VtkField("area", [.. mesh.TriangleAreas])], new VtkOptions { Encoding = encoding });

        var back = ReadBack(path);
        Assert.That(back.Points, Is.EqualTo(30));
        Assert.That(back.Cells, Is.EqualTo(42));
        Assert.That(back.PointData["u"], Is.EqualTo(u), "doubles round-trip bitwise");
        Assert.That(back.PointData["node index"], Is.EqualTo(v));
        Assert.That(back.CellData["area"], Is.EqualTo(mesh.TriangleAreas));
        Assert.That(back.Connectivity, Is.EqualTo(mesh.Triangles.Select(t => (long)t)));
        Assert.That(back.Offsets, Is.EqualTo(Enumerable.Range(1, 42).Select(c => 3L * c)));
        Assert.That(back.Types, Is.All.EqualTo((byte)5));
        Assert.That(back.Points3.Where((_, i) => i % 3 == 0), Is.EqualTo(mesh.X));
        Assert.That(back.Points3.Where((_, i) => i % 3 == 1), Is.EqualTo(mesh.Y));
        Assert.That(back.Points3.Where((_, i) => i % 3 == 2), Is.All.EqualTo(0.0));
        Assert.That(ReportingTestFiles.TempLeftovers(Dir), Is.Empty);
    }

    [TestCase(VtkEncoding.Base64)]
    [TestCase(VtkEncoding.Ascii)]
    public void MaskedGridKeepsPointsAndDropsInactiveCells(VtkEncoding encoding)
    {
        double[] x = [0, 1, 2, 3];
        double[] y = [0, 0.5, 1];
        // Node (3, 2) is inactive and holds NaN: the top-right cell goes, the other five stay.
        var mask = new bool[3, 4];
        var u = new double[3, 4];
        for (int j = 0; j < 3; j++)
        {
            for (int i = 0; i < 4; i++)
            {
                mask[j, i] = !(i == 3 && j == 2);
                u[j, i] = mask[j, i] ? (10 * j) + i : double.NaN;
            }
        }

        var path = Path.Combine(Dir, "grid.vtu");
        Vtk.WriteGrid(path, x, y, [VtkField.FromGrid("u", u)], mask, new VtkOptions { Encoding = encoding });
        var back = ReadBack(path);
        Assert.That(back.Points, Is.EqualTo(12));
        Assert.That(back.Cells, Is.EqualTo(5));
        Assert.That(back.Types, Is.All.EqualTo((byte)9));
        Assert.That(back.Offsets, Is.EqualTo(new long[] { 4, 8, 12, 16, 20 }));
        // Counter-clockwise corners (i, j), (i+1, j), (i+1, j+1), (i, j+1) with point index j nx + i.
        Assert.That(back.Connectivity.Take(4), Is.EqualTo(new long[] { 0, 1, 5, 4 }));
        Assert.That(back.Connectivity.Skip(16), Is.EqualTo(new long[] { 5, 6, 10, 9 }));
        Assert.That(back.PointData["u"][6], Is.EqualTo(12));
        Assert.That(back.PointData["u"][11], Is.NaN);
        Assert.That((back.Points3[3 * 6], back.Points3[(3 * 6) + 1]), Is.EqualTo((2.0, 0.5)));
    }

    [Test]
    public void UnmaskedGridHasAllCells()
    {
        var path = Path.Combine(Dir, "full.vtu");
        Vtk.WriteGrid(path, [0.0, 1, 2], [0.0, 1], [new VtkField("u", [1.0, 2, 3, 4, 5, 6])]);
        var back = ReadBack(path);
        Assert.That((back.Points, back.Cells), Is.EqualTo((6, 2)));
    }

    [Test]
    public void BadFieldsGiveClearErrorsAndLeaveNoFile()
    {
        var mesh = StructuredMeshes.Rectangle(0, 1, 0, 1, 2, 2);
        var path = Path.Combine(Dir, "bad.vtu");
        var e = Assert.Throws<ArgumentException>(() => Vtk.WriteTriangleMesh(path, mesh, [new VtkField("u", new double[5])]));
        Assert.That(e!.Message, Does.Contain("point field 'u' has 5 values").And.Contain("has 9 nodes"));
        e = Assert.Throws<ArgumentException>(() => Vtk.WriteTriangleMesh(path, mesh, [new VtkField("u", new double[9]), new VtkField("u", new double[9])]));
        Assert.That(e!.Message, Does.Contain("Two point fields are named 'u'"));
        var nan = new double[9];
        nan[4] = double.NaN;
        e = Assert.Throws<ArgumentException>(() => Vtk.WriteTriangleMesh(path, mesh, [new VtkField("u", nan)]));
        Assert.That(e!.Message, Does.Contain("NaN at index 4").And.Contain("AllowNonFinite"));
        e = Assert.Throws<ArgumentException>(() => Vtk.WriteGrid(path, [0.0, 1], [0.0, 1, 2], [new VtkField("u", new double[4])]));
        Assert.That(e!.Message, Does.Contain("has 4 values").And.Contain("2 x 3 = 6 nodes"));
        e = Assert.Throws<ArgumentException>(() => Vtk.WriteGrid(path, [0.0, 0], [0.0, 1], []));
        Assert.That(e!.Message, Does.Contain("strictly increasing"));
        e = Assert.Throws<ArgumentException>(() => Vtk.WriteGrid(path, [0.0, 1], [0.0, 1], [], new bool[1, 2]));
        Assert.That(e!.Message, Does.Contain("mask has shape [1, 2] but must be [ny, nx] = [2, 2]"));
        Assert.That(File.Exists(path), Is.False);
        Assert.That(Directory.GetFiles(Dir, "*", SearchOption.AllDirectories), Is.Empty);
    }

    [Test]
    public void NonFiniteValuesCanBeAllowed()
    {
        var mesh = StructuredMeshes.Rectangle(0, 1, 0, 1, 1, 1);
        var path = Path.Combine(Dir, "nan.vtu");
        Vtk.WriteTriangleMesh(path, mesh, [new VtkField("u", [double.NaN, 1, 2, 3])], options: new VtkOptions { AllowNonFinite = true });
        Assert.That(ReadBack(path).PointData["u"][0], Is.NaN);
    }
}
