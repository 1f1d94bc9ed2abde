namespace PdeKit.Numerics.Meshes;

/// <summary>The sections of a Gmsh .msh 2.2 ASCII file that PdeKit reads: $Nodes and $Elements.</summary>
internal static class Gmsh22Sections
{
    /// <summary>$Nodes: a count, then lines <c>tag x y z</c>.</summary>
    public static void ReadNodes(MshLineReader r, MshContent content)
    {
        int count = r.Count(r.Read("the number of nodes")[0], "number of nodes");
        for (int i = 0; i < count; i++)
        {
            var t = r.Read($"node {i + 1} of {count}: 'tag x y z'", 4);
            long tag = r.Long(t[0], "node tag");
            content.AddNode(r, tag, r.Double(t[1], $"x of node {tag}"), r.Double(t[2], $"y of node {tag}"), r.Double(t[3], $"z of node {tag}"));
        }

        r.ReadMarker("$EndNodes");
    }

    /// <summary>$Elements: a count, then lines <c>tag type numTags tags... nodes...</c>; the first tag is the physical group.</summary>
    public static void ReadElements(MshLineReader r, MshContent content)
    {
        int count = r.Count(r.Read("the number of elements")[0], "number of elements");
        for (int i = 0; i < count; i++)
        {
            var t = r.Read($"element {i + 1} of {count}: 'tag type numTags tags... nodes...'", 3);
            long tag = r.Long(t[0], "element tag");
            int type = r.Int(t[1], "element type");
            int numTags = r.Count(t[2], "number of element tags", t.Length);
            int nodes = MshSections.NodesPerElement(r, type);
            if (t.Length != 3 + numTags + nodes)
            {
                throw r.Error($"element {tag} of type {type} with {numTags} tag(s) needs {3 + numTags + nodes} values, found {t.Length}");
            }

            int physical = numTags > 0 ? r.Int(t[3], "physical tag") : 0;
            int at = 3 + numTags;
            long a = r.Long(t[at], "node tag");
            long b = nodes > 1 ? r.Long(t[at + 1], "node tag") : 0;
            long c = nodes > 2 ? r.Long(t[at + 2], "node tag") : 0;
            int dim = type switch { 1 => 1, 2 => 2, _ => 0 };
            MshSections.AddElement(content, r, type, dim, new MshElement(tag, a, b, c, physical, r.LineNumber));
        }

        r.ReadMarker("$EndElements");
    }
}
