using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using System.Xml;

namespace PdeKit.Reporting;

/// <summary>A checked, ready-to-write VTK unstructured grid: points (in the plane z = 0 unless Z is given), cells of one type, fields.</summary>
internal sealed record VtkGrid(
    double[] X, double[] Y, long[] Connectivity, int NodesPerCell, byte CellType, IReadOnlyList<VtkField> PointFields, IReadOnlyList<VtkField> CellFields, double[]? Z = null)
{
    /// <summary>VTK_VERTEX.</summary>
    public const byte Vertex = 1;

    /// <summary>VTK_TRIANGLE.</summary>
    public const byte Triangle = 5;

    /// <summary>VTK_QUAD.</summary>
    public const byte Quad = 9;

    public int CellCount => Connectivity.Length / NodesPerCell;
}

/// <summary>Writes a <see cref="VtkGrid"/> as a VTK XML UnstructuredGrid (.vtu) document, version 1.0, UInt64 headers.</summary>
internal static class VtkXmlWriter
{
    public static void Write(Stream stream, VtkGrid grid, VtkEncoding encoding)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var xml = XmlWriter.Create(stream, settings);
        xml.WriteStartDocument();
        xml.WriteStartElement("VTKFile");
        xml.WriteAttributeString("type", "UnstructuredGrid");
        xml.WriteAttributeString("version", "1.0");
        xml.WriteAttributeString("byte_order", "LittleEndian");
        xml.WriteAttributeString("header_type", "UInt64");
        xml.WriteStartElement("UnstructuredGrid");
        xml.WriteStartElement("Piece");
        xml.WriteAttributeString("NumberOfPoints", Invariant(grid.X.Length));
        xml.WriteAttributeString("NumberOfCells", Invariant(grid.CellCount));

        WriteFields(xml, "PointData", grid.PointFields, encoding);
        WriteFields(xml, "CellData", grid.CellFields, encoding);

        xml.WriteStartElement("Points");
        var points = new double[3 * grid.X.Length];
        for (int i = 0; i < grid.X.Length; i++)
        {
            points[3 * i] = grid.X[i];
            points[(3 * i) + 1] = grid.Y[i];
            points[(3 * i) + 2] = grid.Z?[i] ?? 0;
        }

        WriteArray(xml, "Float64", "Points", 3, points, encoding);
        xml.WriteEndElement();

        xml.WriteStartElement("Cells");
        var offsets = new long[grid.CellCount];
        for (int c = 0; c < offsets.Length; c++)
        {
            offsets[c] = (long)(c + 1) * grid.NodesPerCell;
        }

        var types = new byte[grid.CellCount];
        Array.Fill(types, grid.CellType);
        WriteArray(xml, "Int64", "connectivity", 1, grid.Connectivity, encoding);
        WriteArray(xml, "Int64", "offsets", 1, offsets, encoding);
        WriteArray(xml, "UInt8", "types", 1, types, encoding);
        xml.WriteEndElement();

        xml.WriteEndElement(); // Piece
        xml.WriteEndElement(); // UnstructuredGrid
        xml.WriteEndElement(); // VTKFile
        xml.WriteEndDocument();
    }

    private static void WriteFields(XmlWriter xml, string element, IReadOnlyList<VtkField> fields, VtkEncoding encoding)
    {
        xml.WriteStartElement(element);
        if (fields.Count > 0)
        {
            xml.WriteAttributeString("Scalars", fields[0].Name);
        }

        foreach (var field in fields)
        {
            WriteArray(xml, "Float64", field.Name, 1, field.Values, encoding);
        }

        xml.WriteEndElement();
    }

    private static void WriteArray<T>(XmlWriter xml, string type, string name, int components, T[] values, VtkEncoding encoding)
        where T : struct
    {
        xml.WriteStartElement("DataArray");
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("Name", name);
        if (components != 1)
        {
            xml.WriteAttributeString("NumberOfComponents", Invariant(components));
        }

        xml.WriteAttributeString("format", encoding == VtkEncoding.Ascii ? "ascii" : "binary");
        xml.WriteString(encoding == VtkEncoding.Ascii ? Ascii(values) : Base64(values));
        xml.WriteEndElement();
    }

    /// <summary>Numbers separated by spaces, 12 per line; doubles in their shortest round-trip form.</summary>
    private static string Ascii<T>(T[] values)
        where T : struct
    {
        var text = new StringBuilder((values.Length * 8) + 16);
        for (int i = 0; i < values.Length; i++)
        {
            text.Append(i % 12 == 0 ? "\n" : " ");
            text.Append(values[i] switch
            {
                double d when double.IsNaN(d) => "nan",
                double d when double.IsInfinity(d) => d > 0 ? "inf" : "-inf",
                double d => d.ToString("R", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var other => other.ToString(),
            });
        }

        return text.Append('\n').ToString();
    }

    /// <summary>VTK's inline binary form: base64 of a UInt64 byte count followed by the little-endian data.</summary>
    private static string Base64<T>(T[] values)
        where T : struct
    {
        int size = values switch { double[] => 8, long[] => 8, byte[] => 1, _ => throw new NotSupportedException(typeof(T).Name) };
        var bytes = new byte[8 + (size * values.Length)];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)(size * values.Length));
        var data = bytes.AsSpan(8);
        switch (values)
        {
            case double[] d:
                for (int i = 0; i < d.Length; i++)
                {
                    BinaryPrimitives.WriteDoubleLittleEndian(data[(8 * i)..], d[i]);
                }

                break;
            case long[] l:
                for (int i = 0; i < l.Length; i++)
                {
                    BinaryPrimitives.WriteInt64LittleEndian(data[(8 * i)..], l[i]);
                }

                break;
            case byte[] b:
                b.CopyTo(data);
                break;
        }

        return "\n" + Convert.ToBase64String(bytes) + "\n";
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
