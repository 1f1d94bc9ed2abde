using System.Globalization;
using System.Xml.Linq;
using PdeKit.Reporting;

namespace PdeKit.Tests.Geometry3D;

/// <summary>The VTK point-cloud writer for fields on 3D points.</summary>
public class VtkPointsTests
{
    [Test]
    public void PointsAreWrittenWithTheirThreeCoordinatesAndFields()
    {
        string path = Path.Combine(Path.GetTempPath(), "pdekit-points-" + Guid.NewGuid().ToString("N") + ".vtu");
        try
        {
            Vtk.WritePoints(path, [0, 1], [2, 3], [4, 5], [new VtkField("u", [0.5, -0.5])], new VtkOptions { Encoding = VtkEncoding.Ascii });
            var doc = XDocument.Load(path);
            var piece = doc.Descendants("Piece").Single();
            Assert.That(piece.Attribute("NumberOfPoints")!.Value, Is.EqualTo("2"));
            var points = doc.Descendants("Points").Single().Element("DataArray")!.Value
                .Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture));
            Assert.That(points, Is.EqualTo(new double[] { 0, 2, 4, 1, 3, 5 }));
            var types = doc.Descendants("DataArray").Single(d => (string?)d.Attribute("Name") == "types").Value.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
            Assert.That(types, Is.EqualTo(new[] { "1", "1" }), "VTK_VERTEX cells");
        }
        finally
        {
            if (File.Exists(path)) File.Delete(path);
        }
    }

    [Test]
    public void BadPointsAreRejectedBeforeAnythingIsWritten()
    {
        string path = Path.Combine(Path.GetTempPath(), "pdekit-points-" + Guid.NewGuid().ToString("N") + ".vtu");
        Assert.That(() => Vtk.WritePoints(path, [0, 1], [2], [4, 5], []), Throws.ArgumentException.With.Message.Contains("same length"));
        Assert.That(() => Vtk.WritePoints(path, [0, double.NaN], [2, 3], [4, 5], []), Throws.ArgumentException.With.Message.Contains("not finite"));
        Assert.That(() => Vtk.WritePoints(path, [0, 1], [2, 3], [4, 5], [new VtkField("u", [1.0])]), Throws.ArgumentException.With.Message.Contains("has 1 values"));
        Assert.That(File.Exists(path), Is.False);
    }
}
