namespace PdeKit.Tests.Meshes;

/// <summary>The committed meshes under the repository's <c>meshes/</c> folder, found by walking up from the test binaries.</summary>
internal static class MeshTestFiles
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "meshes");
            if (File.Exists(Path.Combine(candidate, "square.msh")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"No meshes/ folder with square.msh above {TestContext.CurrentContext.TestDirectory}.");
    });

    /// <summary>The full path of a committed mesh file, e.g. <c>square.msh</c>.</summary>
    public static string PathOf(string name) => Path.Combine(Folder.Value, name);

    /// <summary>The text of a committed mesh file, with '\n' line ends.</summary>
    public static string Text(string name) => File.ReadAllText(PathOf(name)).ReplaceLineEndings("\n");

    /// <summary>The 1-based number of the first line equal to <paramref name="line"/> (after trimming).</summary>
    public static int LineOf(string text, string line)
    {
        var lines = text.Split('\n');
        int i = Array.FindIndex(lines, l => l.Trim() == line);
        Assert.That(i, Is.GreaterThanOrEqualTo(0), $"line '{line}' not found");
        return i + 1;
    }

    /// <summary>The text with line <paramref name="number"/> (1-based) replaced, or removed when <paramref name="replacement"/> is null.</summary>
    public static string WithLine(string text, int number, string? replacement)
    {
        var lines = text.Split('\n').ToList();
        if (replacement is null)
        {
            lines.RemoveAt(number - 1);
        }
        else
        {
            lines[number - 1] = replacement;
        }

        return string.Join('\n', lines);
    }
}
