namespace PdeKit.Numerics.Meshes;

/// <summary>The sections of a Gmsh .msh 4.1 ASCII file that PdeKit reads: $Entities, $Nodes, $Elements.</summary>
internal static class Gmsh41Sections
{
    /// <summary>$Entities: counts of points, curves, surfaces, volumes, then one line per entity with its physical tags.</summary>
    public static void ReadEntities(MshLineReader r, MshContent content)
    {
        var header = r.Read("the $Entities header 'numPoints numCurves numSurfaces numVolumes'", 4);
        for (int dim = 0; dim < 4; dim++)
        {
            int count = r.Count(header[dim], $"number of dimension-{dim} entities");
            int physAt = dim == 0 ? 4 : 7; // a point has x y z, others a bounding box
            for (int i = 0; i < count; i++)
            {
                var t = r.Read($"dimension-{dim} entity {i + 1} of {count}", physAt + 1);
                int tag = r.Int(t[0], "entity tag");
                int nPhys = r.Count(t[physAt], "number of physical tags", t.Length);
                int needed = physAt + 1 + nPhys + (dim == 0 ? 0 : 1);
                if (t.Length < needed)
                {
                    throw r.Error($"dimension-{dim} entity {tag} lists {nPhys} physical tag(s) but the line has only {t.Length} values");
                }

                content.EntityPhysical[(dim, tag)] = nPhys > 0 ? r.Int(t[physAt + 1], "physical tag") : 0;
            }
        }

        r.ReadMarker("$EndEntities");
    }

    /// <summary>$Nodes: a header, then blocks of node tags followed by their coordinates.</summary>
    public static void ReadNodes(MshLineReader r, MshContent content)
    {
        var header = r.Read("the $Nodes header 'numEntityBlocks numNodes minNodeTag maxNodeTag'", 4);
        int headerLine = r.LineNumber;
        int blocks = r.Count(header[0], "number of node blocks");
        int total = r.Count(header[1], "number of nodes");
        long seen = 0;
        for (int b = 0; b < blocks; b++)
        {
            var bh = r.Read($"node block {b + 1} of {blocks}: 'entityDim entityTag parametric numNodesInBlock'", 4);
            int dim = r.Int(bh[0], "entity dimension");
            int parametric = r.Int(bh[2], "parametric flag");
            int count = r.Count(bh[3], "number of nodes in the block");
            if (dim is < 0 or > 3 || parametric is not (0 or 1))
            {
                throw r.Error($"expected 'entityDim entityTag parametric numNodesInBlock' with entityDim 0 to 3 and parametric 0 or 1, found '{MshLineReader.Shorten(r.CurrentLine)}'");
            }

            seen += count;
            if (seen > total)
            {
                throw r.Error($"the node blocks hold more nodes than the {total} declared in the $Nodes header on line {headerLine}");
            }

            var tags = new List<long>(MshLineReader.Capacity(count));
            for (int i = 0; i < count; i++)
            {
                var t = r.Read($"node tag {i + 1} of {count} in block {b + 1}");
                if (t.Length != 1)
                {
                    throw r.Error($"expected node tag {i + 1} of {count} in block {b + 1} alone on its line, found '{MshLineReader.Shorten(r.CurrentLine)}'");
                }

                tags.Add(r.Long(t[0], "node tag"));
            }

            foreach (long tag in tags)
            {
                var c = r.Read($"the coordinates 'x y z' of node tag {tag}", 3);
                content.AddNode(r, tag, r.Double(c[0], $"x of node {tag}"), r.Double(c[1], $"y of node {tag}"), r.Double(c[2], $"z of node {tag}"));
            }
        }

        if (seen != total)
        {
            throw new MeshFormatException(r.Source, headerLine, $"the $Nodes header declares {total} nodes but its {blocks} block(s) hold {seen}");
        }

        r.ReadMarker("$EndNodes");
    }

    /// <summary>$Elements: a header, then blocks of elements of one type on one entity.</summary>
    public static void ReadElements(MshLineReader r, MshContent content)
    {
        var header = r.Read("the $Elements header 'numEntityBlocks numElements minElementTag maxElementTag'", 4);
        int headerLine = r.LineNumber;
        int blocks = r.Count(header[0], "number of element blocks");
        int total = r.Count(header[1], "number of elements");
        long seen = 0;
        for (int b = 0; b < blocks; b++)
        {
            var bh = r.Read($"element block {b + 1} of {blocks}: 'entityDim entityTag elementType numElementsInBlock'", 4);
            int dim = r.Int(bh[0], "entity dimension");
            int entity = r.Int(bh[1], "entity tag");
            int type = r.Int(bh[2], "element type");
            int count = r.Count(bh[3], "number of elements in the block");
            int nodes = MshSections.NodesPerElement(r, type);
            seen += count;
            if (seen > total)
            {
                throw r.Error($"the element blocks hold more elements than the {total} declared in the $Elements header on line {headerLine}");
            }

            for (int i = 0; i < count; i++)
            {
                var t = r.Read($"element {i + 1} of {count} in block {b + 1}: a tag and {nodes} node tag(s)");
                if (t.Length != 1 + nodes)
                {
                    throw r.Error($"an element of type {type} needs a tag and {nodes} node tag(s), found {t.Length} value(s): '{MshLineReader.Shorten(r.CurrentLine)}'");
                }

                long tag = r.Long(t[0], "element tag");
                long a = r.Long(t[1], "node tag");
                long bNode = nodes > 1 ? r.Long(t[2], "node tag") : 0;
                long c = nodes > 2 ? r.Long(t[3], "node tag") : 0;
                MshSections.AddElement(content, r, type, dim, new MshElement(tag, a, bNode, c, entity, r.LineNumber));
            }
        }

        if (seen != total)
        {
            throw new MeshFormatException(r.Source, headerLine, $"the $Elements header declares {total} elements but its {blocks} block(s) hold {seen}");
        }

        r.ReadMarker("$EndElements");
    }
}
