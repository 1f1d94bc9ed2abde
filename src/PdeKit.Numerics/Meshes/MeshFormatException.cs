namespace PdeKit.Numerics.Meshes;

/// <summary>
/// A mesh file that could not be read: the message names the file, the line (1-based) and what was expected
/// there (<see cref="FileName"/>, <see cref="Line"/> and <see cref="Problem"/> hold the parts).
/// </summary>
public sealed class MeshFormatException : FormatException
{
    /// <summary>Creates an exception without details.</summary>
    public MeshFormatException()
        : base("The mesh file is malformed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What was wrong.</param>
    public MeshFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the exception that caused it.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="innerException">The cause.</param>
    public MeshFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception for a place in a file.</summary>
    /// <param name="source">The file name (or another label for the text that was read).</param>
    /// <param name="line">The 1-based line number; 0 when the problem concerns no single line.</param>
    /// <param name="problem">What was wrong or expected, e.g. <c>expected $EndNodes</c>.</param>
    public MeshFormatException(string source, int line, string problem)
        : base(line > 0 ? $"{source}, line {line}: {problem}" : $"{source}: {problem}")
    {
        FileName = source;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file name (or label of the text) that was read; empty when not given.</summary>
    public string FileName { get; } = "";

    /// <summary>The 1-based line number of the problem; 0 when it concerns no single line.</summary>
    public int Line { get; }

    /// <summary>What was wrong or expected, without the file name and line.</summary>
    public string Problem { get; } = "";
}
