namespace PdeKit.Numerics.Meshes;

/// <summary>Reads the .msh sections that formats 2.2 and 4.1 share, and the element types PdeKit knows.</summary>
internal static class MshSections
{
    /// <summary>The number of nodes of element types PdeKit reads: 1 (2-node line), 2 (3-node triangle), 15 (point).</summary>
    public static int NodesPerElement(MshLineReader r, int type) => type switch
    {
        1 => 2,
        2 => 3,
        15 => 1,
        _ => throw r.Error($"element type {type} ({TypeName(type)}) is not supported; PdeKit reads first-order "
            + "triangles (type 2), lines (type 1) and points (type 15): mesh in 2D with Mesh.ElementOrder = 1 and no recombination"),
    };

    /// <summary>Files a line, triangle or point element; points are dropped.</summary>
    public static void AddElement(MshContent content, MshLineReader r, int type, int dim, MshElement element)
    {
        int expected = type switch { 1 => 1, 2 => 2, _ => 0 };
        if (dim != expected)
        {
            throw r.Error($"element {element.Tag} of type {type} belongs to an entity of dimension {dim}, expected {expected}");
        }

        if (type == 1)
        {
            content.Lines.Add(element);
        }
        else if (type == 2)
        {
            content.Triangles.Add(element);
        }
    }

    /// <summary>$PhysicalNames: a count, then lines <c>dimension tag "name"</c>.</summary>
    public static void ReadPhysicalNames(MshLineReader r, MshContent content)
    {
        int count = r.Count(r.Read("the number of physical names")[0], "number of physical names");
        for (int i = 0; i < count; i++)
        {
            var tokens = r.Read($"physical name {i + 1} of {count}: 'dimension tag \"name\"'", 3);
            int dim = r.Int(tokens[0], "physical dimension");
            int tag = r.Int(tokens[1], "physical tag");
            string line = r.CurrentLine;
            int open = line.IndexOf('"', StringComparison.Ordinal), close = line.LastIndexOf('"');
            if (dim is < 0 or > 3 || open < 0 || close <= open)
            {
                throw r.Error($"expected 'dimension tag \"name\"' with a dimension from 0 to 3 and a quoted name, found '{MshLineReader.Shorten(line)}'");
            }

            content.PhysicalNames[(dim, tag)] = line[(open + 1)..close];
        }

        r.ReadMarker("$EndPhysicalNames");
    }

    /// <summary>Skips a section PdeKit does not use, up to its end marker.</summary>
    public static void Skip(MshLineReader r, string name)
    {
        int start = r.LineNumber;
        string end = "$End" + name[1..];
        while (r.TryRead() is { } tokens)
        {
            if (tokens[0] == end)
            {
                return;
            }
        }

        throw new MeshFormatException(r.Source, r.LineNumber + 1, $"unexpected end of file in section {name} (started on line {start}); expected {end}");
    }

    private static string TypeName(int type) => type switch
    {
        3 => "4-node quadrangle",
        4 => "4-node tetrahedron",
        5 => "8-node hexahedron",
        6 => "6-node prism",
        7 => "5-node pyramid",
        8 => "3-node second-order line",
        9 => "6-node second-order triangle",
        10 => "9-node second-order quadrangle",
        11 => "10-node second-order tetrahedron",
        16 => "8-node second-order quadrangle",
        _ => "unknown to PdeKit",
    };
}
