using System.Globalization;

namespace PdeKit.Numerics.Meshes;

/// <summary>A node as read from a .msh file.</summary>
internal readonly record struct MshNode(long Tag, double X, double Y, int Line);

/// <summary>
/// A line (2 nodes) or triangle (3 nodes) as read: node tags, the group it belongs to (the entity tag in
/// format 4.1, the physical tag in format 2.2) and the line it was on.
/// </summary>
internal readonly record struct MshElement(long Tag, long A, long B, long C, int Group, int Line);

/// <summary>
/// What a .msh file holds that PdeKit uses, before it becomes a <see cref="TriangleMesh"/>: nodes by tag,
/// triangles, boundary lines, physical names and (format 4.1) the physical group of each entity.
/// </summary>
internal sealed class MshContent
{
    public MshContent(string source, bool groupsAreEntities)
    {
        Source = source;
        GroupsAreEntities = groupsAreEntities;
    }

    public string Source { get; }

    /// <summary>True for format 4.1, where an element's group is its entity tag; false for 2.2 (physical tag).</summary>
    public bool GroupsAreEntities { get; }

    public List<MshNode> Nodes { get; } = [];

    public Dictionary<long, int> NodeIndex { get; } = [];

    public List<MshElement> Triangles { get; } = [];

    public List<MshElement> Lines { get; } = [];

    /// <summary>Physical names by (dimension, physical tag).</summary>
    public Dictionary<(int Dim, int Tag), string> PhysicalNames { get; } = [];

    /// <summary>Format 4.1: the first physical tag of each entity, by (dimension, entity tag); 0 when it has none.</summary>
    public Dictionary<(int Dim, int Tag), int> EntityPhysical { get; } = [];

    public bool HasNodes { get; set; }

    public bool HasElements { get; set; }

    /// <summary>Adds a node, rejecting a tag seen before.</summary>
    public void AddNode(MshLineReader reader, long tag, double x, double y, double z)
    {
        if (Math.Abs(z) > 1e-9 * (1 + Math.Abs(x) + Math.Abs(y)))
        {
            throw reader.Error($"node tag {tag} has z = {z.ToString(CultureInfo.InvariantCulture)}; only planar meshes in the plane z = 0 can be read");
        }

        if (!NodeIndex.TryAdd(tag, Nodes.Count))
        {
            throw reader.Error($"node tag {tag} appears a second time (first on line {Nodes[NodeIndex[tag]].Line})");
        }

        Nodes.Add(new MshNode(tag, x, y, reader.LineNumber));
    }

    /// <summary>The physical group name of an element of dimension <paramref name="dim"/>.</summary>
    public string GroupName(int dim, int group)
    {
        int physical = GroupsAreEntities ? EntityPhysical.GetValueOrDefault((dim, group)) : group;
        if (physical == 0)
        {
            return TriangleMesh.UnnamedPart;
        }

        return PhysicalNames.TryGetValue((dim, physical), out var name) ? name : physical.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Builds the mesh: keeps the nodes that triangles use (in file order), maps tags to indices, and reports
    /// any problem at the line of the element that causes it.
    /// </summary>
    public TriangleMesh ToMesh()
    {
        if (Triangles.Count == 0)
        {
            throw new MeshFormatException(Source, 0, "the file has no triangle elements (type 2); PdeKit reads 2D triangle meshes (gmsh -2)");
        }

        var used = new bool[Nodes.Count];
        var corners = new int[3 * Triangles.Count];
        for (int k = 0; k < Triangles.Count; k++)
        {
            var t = Triangles[k];
            corners[3 * k] = Resolve(t, t.A, "triangle");
            corners[(3 * k) + 1] = Resolve(t, t.B, "triangle");
            corners[(3 * k) + 2] = Resolve(t, t.C, "triangle");
            used[corners[3 * k]] = used[corners[(3 * k) + 1]] = used[corners[(3 * k) + 2]] = true;
        }

        var newIndex = new int[Nodes.Count];
        var x = new List<double>(Nodes.Count);
        var y = new List<double>(Nodes.Count);
        var tags = new List<long>(Nodes.Count);
        for (int i = 0; i < Nodes.Count; i++)
        {
            newIndex[i] = used[i] ? x.Count : -1;
            if (used[i])
            {
                x.Add(Nodes[i].X);
                y.Add(Nodes[i].Y);
                tags.Add(Nodes[i].Tag);
            }
        }

        for (int i = 0; i < corners.Length; i++)
        {
            corners[i] = newIndex[corners[i]];
        }

        var named = new List<NamedEdge>(Lines.Count);
        foreach (var line in Lines)
        {
            int a = newIndex[Resolve(line, line.A, "line")], b = newIndex[Resolve(line, line.B, "line")];
            if (a < 0 || b < 0)
            {
                throw new MeshFormatException(Source, line.Line, $"line element {line.Tag} joins nodes {line.A} and {line.B}, which no triangle uses; the line does not bound the triangle mesh");
            }

            named.Add(new NamedEdge(a, b, GroupName(1, line.Group)));
        }

        var data = new TriangleMeshData
        {
            X = x,
            Y = y,
            Triangles = corners,
            TriangleSurfaces = Triangles.ConvertAll(t => GroupName(2, t.Group)),
            NamedEdges = named,
            SourceName = Source,
        };
        var labels = new MeshLabels("node tag", i => tags[i], k => $"triangle element {Triangles[k].Tag}", j => $"line element {Lines[j].Tag}");
        return TriangleMeshBuilder.Build(
            data,
            (item, index, problem) => item switch
            {
                MeshItem.Triangle => new MeshFormatException(Source, Triangles[index].Line, problem),
                MeshItem.NamedEdge => new MeshFormatException(Source, Lines[index].Line, problem),
                _ => new MeshFormatException(Source, 0, problem),
            },
            labels);
    }

    private int Resolve(MshElement element, long nodeTag, string kind)
        => NodeIndex.TryGetValue(nodeTag, out int i)
            ? i
            : throw new MeshFormatException(Source, element.Line, $"{kind} element {element.Tag} refers to node tag {nodeTag}, which is not in $Nodes");
}
