using PdeKit.Numerics.Meshes;

namespace PdeKit.Tests.Meshes;

/// <summary>Malformed .msh text must give a <see cref="MeshFormatException"/> naming the line and what was expected: never a crash, hang or huge allocation.</summary>
public class GmshReaderCorruptionTests
{
    private static readonly string Square41 = MeshTestFiles.Text("square.msh");
    private static readonly string Square22 = MeshTestFiles.Text("square-v22.msh");

    private static MeshFormatException Fails(string text)
    {
        var e = Assert.Throws<MeshFormatException>(() => GmshReader.Parse(text, "bad.msh"));
        Assert.That(e!.Message, Does.StartWith("bad.msh"));
        Assert.That(e.FileName, Is.EqualTo("bad.msh"));
        return e;
    }

    private static void FailsAt(string text, int line, string what)
    {
        var e = Fails(text);
        Assert.That(e.Line, Is.EqualTo(line), e.Message);
        Assert.That(e.Message, Does.Contain($"line {line}:").And.Contain(what));
    }

    [Test]
    public void EveryTruncationFailsCleanly([Values] bool v22)
    {
        var text = v22 ? Square22 : Square41;
        int full = text.TrimEnd().Length;
        for (int cut = 0; cut < full; cut++)
        {
            Assert.Throws<MeshFormatException>(() => GmshReader.Parse(text[..cut], "cut.msh"), $"cut at {cut}");
        }
    }

    [Test]
    public void TruncatedInTheNodesSaysWhatWasExpected()
    {
        int line = MeshTestFiles.LineOf(Square41, "0.2499999999994121 0 0");
        var text = string.Join('\n', Square41.Split('\n').Take(line - 1));
        FailsAt(text, line, "unexpected end of file; expected the coordinates 'x y z' of node tag 5");
    }

    [Test]
    public void EmptyFile() => FailsAt("", 1, "empty");

    [Test]
    public void NotAMeshFile() => FailsAt("hello world\n", 1, "expected $MeshFormat");

    [Test]
    public void MissingEndNodes()
    {
        int line = MeshTestFiles.LineOf(Square41, "$EndNodes");
        FailsAt(MeshTestFiles.WithLine(Square41, line, null), line, "expected $EndNodes, found '$Elements'");
    }

    [Test]
    public void MissingEndElementsAtTheEnd()
    {
        int line = MeshTestFiles.LineOf(Square41, "$EndElements");
        FailsAt(MeshTestFiles.WithLine(Square41, line, null), line, "expected $EndElements");
    }

    [Test]
    public void NonNumericCoordinate()
    {
        int line = MeshTestFiles.LineOf(Square41, "0.2499999999994121 0 0");
        FailsAt(MeshTestFiles.WithLine(Square41, line, "0.25 abc 0"), line, "expected a finite number for y of node 5, found 'abc'");
    }

    [TestCase("nan 0 0")]
    [TestCase("inf 0 0")]
    [TestCase("1e999 0 0")]
    public void NonFiniteCoordinate(string replacement)
    {
        int line = MeshTestFiles.LineOf(Square41, "0.2499999999994121 0 0");
        FailsAt(MeshTestFiles.WithLine(Square41, line, replacement), line, "finite number for x of node 5");
    }

    [Test]
    public void NonNumericNodeTag()
    {
        int line = MeshTestFiles.LineOf(Square41, "17");
        FailsAt(MeshTestFiles.WithLine(Square41, line, "x17"), line, "expected an integer node tag, found 'x17'");
    }

    [Test]
    public void TriangleReferencesAMissingNode()
    {
        int line = MeshTestFiles.LineOf(Square41, "17 19 22 23");
        FailsAt(MeshTestFiles.WithLine(Square41, line, "17 19 999 23"), line, "refers to node tag 999, which is not in $Nodes");
    }

    [Test]
    public void LineReferencesAMissingNode()
    {
        int line = MeshTestFiles.LineOf(Square22, "1 1 2 1 1 1 5");
        FailsAt(MeshTestFiles.WithLine(Square22, line, "1 1 2 1 1 1 555"), line, "refers to node tag 555");
    }

    [Test]
    public void NodeCountInTheHeaderIsWrong()
    {
        int line = MeshTestFiles.LineOf(Square41, "9 30 1 30");
        FailsAt(MeshTestFiles.WithLine(Square41, line, "9 31 1 31"), line, "declares 31 nodes but its 9 block(s) hold 30");
        FailsAt(MeshTestFiles.WithLine(Square41, line, "9 29 1 30"), MeshTestFiles.LineOf(Square41, "2 1 0 14"), "more nodes than the 29 declared in the $Nodes header on line " + line);
    }

    [Test]
    public void BlockCountIsWrong()
    {
        int header = MeshTestFiles.LineOf(Square41, "9 30 1 30");
        // One block too few: the last block's header is then read where $EndNodes should be.
        FailsAt(MeshTestFiles.WithLine(Square41, header, "8 30 1 30"), header, "declares 30 nodes but its 8 block(s) hold 16");
        // A block with fewer nodes than it declares: the coordinates are read as tags.
        int block = MeshTestFiles.LineOf(Square41, "1 1 0 3");
        FailsAt(MeshTestFiles.WithLine(Square41, block, "1 1 0 4"), block + 4, "expected node tag 4 of 4 in block 5 alone on its line");
    }

    [Test]
    public void ElementCountsAreWrong()
    {
        int header = MeshTestFiles.LineOf(Square41, "5 58 1 58");
        FailsAt(MeshTestFiles.WithLine(Square41, header, "5 59 1 59"), header, "declares 59 elements");
        int block = MeshTestFiles.LineOf(Square41, "2 1 2 42");
        FailsAt(MeshTestFiles.WithLine(Square41, block, "2 1 2 43"), block, "more elements than the 58 declared in the $Elements header on line " + header);
        var more = MeshTestFiles.WithLine(MeshTestFiles.WithLine(Square41, header, "5 59 1 59"), block, "2 1 2 43");
        FailsAt(more, MeshTestFiles.LineOf(Square41, "$EndElements"), "needs a tag and 3 node tag(s), found 1 value(s): '$EndElements'");
        int count22 = MeshTestFiles.LineOf(Square22, "58");
        FailsAt(MeshTestFiles.WithLine(Square22, count22, "57"), MeshTestFiles.LineOf(Square22, "$EndElements") - 1, "expected $EndElements, found '58 2");
    }

    [TestCase("1 1 2 1 1 1", "needs 7 values, found 6")]
    [TestCase("1 1 2 1 1 1 5 6", "needs 7 values, found 8")]
    [TestCase("1 1 99 1 1 1 5", "number of element tags 99 is too large")]
    [TestCase("1 1 -2 1 1 1 5", "must not be negative")]
    [TestCase("1 3 2 1 1 1 5 6 7", "element type 3 (4-node quadrangle) is not supported")]
    [TestCase("1 x 2 1 1 1 5", "expected an integer element type, found 'x'")]
    public void BadVersion22Elements(string replacement, string what)
    {
        int line = MeshTestFiles.LineOf(Square22, "1 1 2 1 1 1 5");
        FailsAt(MeshTestFiles.WithLine(Square22, line, replacement), line, what);
    }

    [TestCase("5 0.25 0", "fewer than 4")]
    [TestCase("5 0.25 zero 0", "finite number for y of node 5, found 'zero'")]
    [TestCase("five 0.25 0 0", "integer node tag")]
    public void BadVersion22Nodes(string replacement, string what)
    {
        int line = MeshTestFiles.LineOf(Square22, "5 0.2499999999994121 0 0");
        FailsAt(MeshTestFiles.WithLine(Square22, line, replacement), line, what);
    }

    [Test]
    public void TriangleWithTwoNodes()
    {
        int line = MeshTestFiles.LineOf(Square41, "17 19 22 23");
        FailsAt(MeshTestFiles.WithLine(Square41, line, "17 19 22"), line, "needs a tag and 3 node tag(s), found 3 value(s)");
    }

    [Test]
    public void RepeatedNodeInATriangle()
    {
        int line = MeshTestFiles.LineOf(Square41, "17 19 22 23");
        FailsAt(MeshTestFiles.WithLine(Square41, line, "17 19 19 23"), line, "triangle element 17 repeats a node: node tags 19, 19, 23");
    }

    [Test]
    public void BinaryFlag() => FailsAt(Square41.Replace("4.1 0 8", "4.1 1 8", StringComparison.Ordinal), 2, "binary");

    [TestCase("4 0 8")]
    [TestCase("4.0 0 8")]
    [TestCase("3.0 0 8")]
    [TestCase("2.1 0 8")]
    [TestCase("banana 0 8")]
    public void UnsupportedVersion(string format)
        => FailsAt(Square41.Replace("4.1 0 8", format, StringComparison.Ordinal), 2, "unsupported .msh version");

    [TestCase("-5 30 1 30", "must not be negative")]
    [TestCase("9 -30 1 30", "must not be negative")]
    [TestCase("9 99999999999 1 30", "too large")]
    [TestCase("9 30", "fewer than 4")]
    public void BadNodesHeader(string header, string what)
    {
        int line = MeshTestFiles.LineOf(Square41, "9 30 1 30");
        FailsAt(MeshTestFiles.WithLine(Square41, line, header), line, what);
    }

    [Test]
    public void HugeDeclaredCountsDoNotAllocate()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        int header = MeshTestFiles.LineOf(Square41, "9 30 1 30");
        var text = MeshTestFiles.WithLine(Square41, header, "9 2000000000 1 2000000000");
        text = MeshTestFiles.WithLine(text, header + 1, "0 1 0 2000000000");
        Fails(text);
        Fails("$MeshFormat\n2.2 0 8\n$EndMeshFormat\n$Nodes\n2147483647\n1 0 0 0\n");
        Fails("$MeshFormat\n2.2 0 8\n$EndMeshFormat\n$Elements\n2147483647\n");
        Fails("$MeshFormat\n2.2 0 8\n$EndMeshFormat\n$PhysicalNames\n2147483647\n");
        Fails("$MeshFormat\n4.1 0 8\n$EndMeshFormat\n$Entities\n2147483647 2147483647 0 0\n");
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(50_000_000));
    }

    [Test]
    public void UnsupportedElementType()
    {
        int block = MeshTestFiles.LineOf(Square41, "2 1 2 42");
        FailsAt(MeshTestFiles.WithLine(Square41, block, "2 1 3 42"), block, "element type 3 (4-node quadrangle) is not supported");
        FailsAt(MeshTestFiles.WithLine(Square41, block, "2 1 9 42"), block, "second-order triangle");
    }

    [Test]
    public void ElementTypeOnTheWrongDimension()
    {
        int block = MeshTestFiles.LineOf(Square41, "2 1 2 42");
        FailsAt(MeshTestFiles.WithLine(Square41, block, "1 1 2 42"), block + 1, "dimension 1, expected 2");
    }

    [Test]
    public void BadPhysicalName()
    {
        int line = MeshTestFiles.LineOf(Square41, "1 1 \"bottom\"");
        FailsAt(MeshTestFiles.WithLine(Square41, line, "1 1 bottom"), line, "quoted name");
        FailsAt(MeshTestFiles.WithLine(Square41, line, "1 x \"bottom\""), line, "integer physical tag");
    }

    [Test]
    public void EntityWithTooFewPhysicalTags()
    {
        int line = MeshTestFiles.LineOf(Square41, "1 0 0 0 1 0 0 1 1 2 1 -2");
        FailsAt(MeshTestFiles.WithLine(Square41, line, "1 0 0 0 1 0 0 3 1"), line, "lists 3 physical tag(s)");
    }

    [Test]
    public void DuplicateNodeTag()
    {
        int line = MeshTestFiles.LineOf(Square22, "6 0.499999999998694 0 0");
        FailsAt(MeshTestFiles.WithLine(Square22, line, "5 0.499999999998694 0 0"), line, "node tag 5 appears a second time (first on line " + (line - 1) + ")");
    }

    [Test]
    public void NodeOffThePlane()
    {
        int line = MeshTestFiles.LineOf(Square22, "6 0.499999999998694 0 0");
        FailsAt(MeshTestFiles.WithLine(Square22, line, "6 0.5 0 0.25"), line, "z = 0.25");
    }

    [Test]
    public void MissingSections()
    {
        int nodes = MeshTestFiles.LineOf(Square22, "$Elements");
        var noElements = string.Join('\n', Square22.Split('\n').Take(nodes - 1));
        Assert.That(Fails(noElements).Message, Does.Contain("no $Elements section"));
        Assert.That(Fails("$MeshFormat\n4.1 0 8\n$EndMeshFormat\n").Message, Does.Contain("no $Nodes section"));
    }

    [Test]
    public void NoTriangles()
        => Assert.That(
            Fails("$MeshFormat\n2.2 0 8\n$EndMeshFormat\n$Nodes\n2\n1 0 0 0\n2 1 0 0\n$EndNodes\n$Elements\n1\n1 1 0 1 2\n$EndElements\n").Message,
            Does.Contain("no triangle elements"));

    [Test]
    public void UnterminatedUnknownSection()
        => FailsAt("$MeshFormat\n4.1 0 8\n$EndMeshFormat\n$Comments\nhello\n", 6, "in section $Comments (started on line 4); expected $EndComments");

    [Test]
    public void StrayTextBetweenSections()
    {
        int line = MeshTestFiles.LineOf(Square41, "$EndNodes");
        FailsAt(MeshTestFiles.WithLine(Square41, line + 1, "garbage"), line + 1, "expected the start of a section");
    }

    [Test]
    public void LineElementNotOnTheMesh()
    {
        // A 2.2 mesh of one triangle with a line joining two nodes that no triangle edge joins.
        const string text = "$MeshFormat\n2.2 0 8\n$EndMeshFormat\n$Nodes\n4\n1 0 0 0\n2 1 0 0\n3 0 1 0\n4 1 1 0\n$EndNodes\n"
            + "$Elements\n3\n1 2 0 1 2 3\n2 2 0 2 4 3\n3 1 1 5 1 4\n$EndElements\n";
        FailsAt(text, 15, "line element 3 joins node tags 1 and 4, which are not joined by an edge of any triangle");
    }

    [Test]
    public void RandomBytesFailCleanly()
    {
        var rng = new Random(7);
        for (int i = 0; i < 50; i++)
        {
            var bytes = new byte[rng.Next(0, 2000)];
            rng.NextBytes(bytes);
            var text = i % 2 == 0 ? System.Text.Encoding.Latin1.GetString(bytes) : "$MeshFormat\n4.1 0 8\n$EndMeshFormat\n" + System.Text.Encoding.Latin1.GetString(bytes);
            Assert.Throws<MeshFormatException>(() => GmshReader.Parse(text, "random.msh"));
        }
    }

    [Test]
    public void RandomEditsEitherParseOrFailCleanly([Values] bool v22)
    {
        var lines = (v22 ? Square22 : Square41).Split('\n');
        var rng = new Random(v22 ? 22 : 41);
        string[] junk = ["", "x", "-1", "0", "99999999999", "1e400", "nan", "$Nodes", "$EndElements", "\"", "1 2", "3.5"];
        int failures = 0;
        for (int trial = 0; trial < 400; trial++)
        {
            var edited = lines.ToList();
            int at = rng.Next(edited.Count);
            switch (rng.Next(4))
            {
                case 0: edited.RemoveAt(at); break;
                case 1: edited.Insert(at, edited[rng.Next(edited.Count)]); break;
                case 2: edited[at] = junk[rng.Next(junk.Length)]; break;
                default:
                    var tokens = edited[at].Split(' ');
                    tokens[rng.Next(tokens.Length)] = junk[rng.Next(junk.Length)];
                    edited[at] = string.Join(' ', tokens);
                    break;
            }

            try
            {
                GmshReader.Parse(string.Join('\n', edited), "edited.msh");
            }
            catch (MeshFormatException e)
            {
                Assert.That(e.Message, Does.StartWith("edited.msh"));
                failures++;
            }
        }

        Assert.That(failures, Is.GreaterThan(200));
    }
}
