namespace PdeKit.Numerics.Meshes;

/// <summary>
/// Reads 2D triangle meshes from Gmsh <c>.msh</c> files, ASCII format 4.1 (Gmsh's default) or 2.2: nodes,
/// 3-node triangles (element type 2), 2-node boundary lines (type 1) and physical group names. A boundary
/// line takes the name of its curve's physical group (<c>Physical Curve("left")</c>), a triangle the name of
/// its surface's group; a group without a name is called by its tag (e.g. <c>"3"</c>), and elements in no
/// group get <see cref="TriangleMesh.UnnamedPart"/>. When an entity is in several physical groups, the first
/// one names it. Nodes that no triangle uses are dropped; the rest keep their file order.
/// </summary>
/// <remarks>
/// Malformed input never crashes the reader: it throws <see cref="MeshFormatException"/> naming the file, the
/// line and what was expected there. Declared counts are not trusted for allocation.
/// </remarks>
public static class GmshReader
{
    /// <summary>Reads a mesh file.</summary>
    /// <param name="path">Path to a <c>.msh</c> file (ASCII, format 4.1 or 2.2).</param>
    /// <returns>The mesh; its <see cref="TriangleMesh.SourceName"/> is the file name.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="MeshFormatException">The file is not a readable 2D triangle mesh; the message says where and why.</exception>
    public static TriangleMesh Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"Mesh file '{full}' was not found; make it from its .geo with gmsh -2 -format msh41 (see meshes/README.md).", full);
        }

        using var reader = new StreamReader(full);
        return Read(reader, full);
    }

    /// <summary>Reads a mesh from text already in memory.</summary>
    /// <param name="text">The file's content.</param>
    /// <param name="sourceName">A name for messages, e.g. the file it came from.</param>
    /// <returns>The mesh.</returns>
    /// <exception cref="MeshFormatException">The text is not a readable 2D triangle mesh.</exception>
    public static TriangleMesh Parse(string text, string sourceName = "mesh text")
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Read(reader, sourceName);
    }

    /// <summary>Reads a mesh from a text reader.</summary>
    /// <param name="reader">The text, from the start of the file.</param>
    /// <param name="sourceName">A name for messages.</param>
    /// <returns>The mesh.</returns>
    /// <exception cref="MeshFormatException">The text is not a readable 2D triangle mesh.</exception>
    public static TriangleMesh Read(TextReader reader, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(sourceName);
        var r = new MshLineReader(reader, sourceName);
        var content = ReadSections(r);
        return content.ToMesh();
    }

    private static MshContent ReadSections(MshLineReader r)
    {
        var first = r.TryRead() ?? throw new MeshFormatException(r.Source, 1, "the file is empty; expected $MeshFormat");
        if (first[0] != "$MeshFormat")
        {
            throw r.Error($"expected $MeshFormat at the start of a Gmsh .msh file, found '{MshLineReader.Shorten(r.CurrentLine)}'");
        }

        bool v41 = ReadFormat(r);
        var content = new MshContent(r.Source, groupsAreEntities: v41);
        while (r.TryRead() is { } tokens)
        {
            string name = tokens[0];
            if (tokens.Length != 1 || !name.StartsWith('$') || name.StartsWith("$End", StringComparison.Ordinal))
            {
                throw r.Error($"expected the start of a section such as $Nodes or $Elements, found '{MshLineReader.Shorten(r.CurrentLine)}'");
            }

            switch (name)
            {
                case "$PhysicalNames":
                    MshSections.ReadPhysicalNames(r, content);
                    break;
                case "$Entities" when v41:
                    Gmsh41Sections.ReadEntities(r, content);
                    break;
                case "$Nodes":
                    Once(r, content.HasNodes, name);
                    content.HasNodes = true;
                    (v41 ? (Action<MshLineReader, MshContent>)Gmsh41Sections.ReadNodes : Gmsh22Sections.ReadNodes)(r, content);
                    break;
                case "$Elements":
                    Once(r, content.HasElements, name);
                    content.HasElements = true;
                    (v41 ? (Action<MshLineReader, MshContent>)Gmsh41Sections.ReadElements : Gmsh22Sections.ReadElements)(r, content);
                    break;
                default:
                    MshSections.Skip(r, name);
                    break;
            }
        }

        if (!content.HasNodes || !content.HasElements)
        {
            throw new MeshFormatException(r.Source, r.LineNumber + 1, $"unexpected end of file; the file has no {(content.HasNodes ? "$Elements" : "$Nodes")} section");
        }

        return content;
    }

    /// <summary>Reads <c>version file-type data-size</c> and <c>$EndMeshFormat</c>; true for 4.1, false for 2.2.</summary>
    private static bool ReadFormat(MshLineReader r)
    {
        var t = r.Read("the format line 'version file-type data-size', e.g. '4.1 0 8'", 3);
        bool v41 = t[0] == "4.1";
        if (!v41 && t[0] != "2.2")
        {
            throw r.Error($"unsupported .msh version '{MshLineReader.Shorten(t[0])}'; PdeKit reads ASCII versions 4.1 and 2.2 (gmsh -format msh41, or -format msh22)");
        }

        int fileType = r.Int(t[1], "file type");
        if (fileType == 1)
        {
            throw r.Error("this is a binary .msh file; PdeKit reads ASCII only (save without -bin, or with Mesh.Binary = 0)");
        }

        if (fileType != 0)
        {
            throw r.Error($"expected file type 0 (ASCII), found {fileType}");
        }

        r.Int(t[2], "data size");
        if (t.Length > 3)
        {
            throw r.Error($"expected the format line 'version file-type data-size', found '{MshLineReader.Shorten(r.CurrentLine)}'");
        }

        r.ReadMarker("$EndMeshFormat");
        return v41;
    }

    private static void Once(MshLineReader r, bool seen, string name)
    {
        if (seen)
        {
            throw r.Error($"a second {name} section; PdeKit reads files with one");
        }
    }
}
