using System.Globalization;

namespace PdeKit.Numerics.NavierStokes;

/// <summary>A velocity profile along a centreline of the cavity: positions and values.</summary>
/// <param name="Position">y along the vertical centreline (u profiles) or x along the horizontal one (v profiles).</param>
/// <param name="Value">The velocity component at each position.</param>
/// <param name="Path">The file it was read from.</param>
public sealed record CentrelineProfile(double[] Position, double[] Value, string Path);

/// <summary>
/// Reads the centreline velocities of Ghia, Ghia and Shin (1982), J. Comput. Phys. 48:387-411, Tables I (u on x = 0.5)
/// and II (v on y = 0.5), from the files <c>ghia1982_u_re{Re}.csv</c> (columns y,u) and <c>ghia1982_v_re{Re}.csv</c>
/// (columns x,v) of the shared data folder (<c>../shared/data</c> from the repository root; lines starting with '#' are
/// comments that cite the source).
/// </summary>
public static class GhiaCavityData
{
    /// <summary>Environment variable naming a data folder to look in first.</summary>
    public const string DataVariable = "PDEKIT_DATA";

    /// <summary>File name of the u profile at <paramref name="re"/>.</summary>
    /// <param name="re">Reynolds number.</param>
    /// <returns>The file name.</returns>
    public static string UFile(int re) => FormattableString.Invariant($"ghia1982_u_re{re}.csv");

    /// <summary>File name of the v profile at <paramref name="re"/>.</summary>
    /// <param name="re">Reynolds number.</param>
    /// <returns>The file name.</returns>
    public static string VFile(int re) => FormattableString.Invariant($"ghia1982_v_re{re}.csv");

    /// <summary>
    /// The folder holding Ghia's files for <paramref name="re"/>: <paramref name="directory"/> if given, else
    /// <c>$PDEKIT_DATA</c>, else <c>shared/data</c> or <c>data</c> in the current directory, the program's folder, or a
    /// folder above either.
    /// </summary>
    /// <param name="re">Reynolds number (the files of 100 and 1000 are shipped).</param>
    /// <param name="directory">A folder to use, or null to search.</param>
    /// <returns>The folder.</returns>
    /// <exception cref="FileNotFoundException">Neither file found; the message lists where it looked.</exception>
    public static string FindDirectory(int re, string? directory = null)
    {
        var candidates = new List<string>();
        if (directory is not null)
        {
            candidates.Add(directory);
        }
        else
        {
            if (Environment.GetEnvironmentVariable(DataVariable) is { Length: > 0 } env)
            {
                candidates.Add(env);
            }

            foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                {
                    candidates.Add(System.IO.Path.Combine(dir.FullName, "shared", "data"));
                    candidates.Add(System.IO.Path.Combine(dir.FullName, "data"));
                }
            }
        }

        return candidates.FirstOrDefault(d => File.Exists(System.IO.Path.Combine(d, UFile(re))) && File.Exists(System.IO.Path.Combine(d, VFile(re))))
            ?? throw new FileNotFoundException(
                $"Ghia et al.'s cavity data for Re = {re} ({UFile(re)} and {VFile(re)}) not found in {string.Join(", ", candidates.Distinct().Take(6))}"
                + (candidates.Count > 6 ? " or the folders above" : string.Empty) + $"; pass the folder or set {DataVariable}.");
    }

    /// <summary>Loads both profiles at <paramref name="re"/>.</summary>
    /// <param name="re">Reynolds number.</param>
    /// <param name="directory">The data folder, or null to search (see <see cref="FindDirectory"/>).</param>
    /// <returns>u(0.5, y) and v(x, 0.5).</returns>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="FormatException">A file lacks its columns or has a bad number; the message names the file and line.</exception>
    public static (CentrelineProfile U, CentrelineProfile V) Load(int re, string? directory = null)
    {
        string dir = FindDirectory(re, directory);
        return (Read(System.IO.Path.Combine(dir, UFile(re)), "y", "u"), Read(System.IO.Path.Combine(dir, VFile(re)), "x", "v"));
    }

    /// <summary>Reads a profile file: '#' comment lines, a header naming the columns, then one point per line.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="positionColumn">Header of the position column.</param>
    /// <param name="valueColumn">Header of the value column.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="FormatException">A missing column, a short row, a bad number or no data; the message names the file and line.</exception>
    public static CentrelineProfile Read(string path, string positionColumn, string valueColumn)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Centreline profile file not found: {path}", path);
        }

        var lines = File.ReadAllLines(path);
        int? header = null;
        int xCol = -1, vCol = -1;
        var positions = new List<double>();
        var values = new List<double>();
        for (int k = 0; k < lines.Length; k++)
        {
            string line = lines[k].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var cells = line.Split(',').Select(c => c.Trim()).ToArray();
            if (header is null)
            {
                header = k;
                xCol = Array.FindIndex(cells, c => string.Equals(c, positionColumn, StringComparison.OrdinalIgnoreCase));
                vCol = Array.FindIndex(cells, c => string.Equals(c, valueColumn, StringComparison.OrdinalIgnoreCase));
                if (xCol < 0 || vCol < 0)
                {
                    throw new FormatException(
                        $"{path}, line {k + 1}: the header must name the columns '{positionColumn}' and '{valueColumn}', got '{line}'.");
                }

                continue;
            }

            if (cells.Length <= Math.Max(xCol, vCol))
            {
                throw new FormatException($"{path}, line {k + 1}: expected at least {Math.Max(xCol, vCol) + 1} columns, got '{line}'.");
            }

            positions.Add(Number(cells[xCol], path, k, positionColumn));
            values.Add(Number(cells[vCol], path, k, valueColumn));
        }

        if (positions.Count == 0)
        {
            throw new FormatException($"{path}: no data rows (expected a header '{positionColumn},{valueColumn}' and one point per line).");
        }

        return new CentrelineProfile([.. positions], [.. values], path);
    }

    private static double Number(string text, string path, int line, string column) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw new FormatException($"{path}, line {line + 1}: column '{column}' is not a finite number: '{text}'.");
}
