using PureHDF;
using PureHDF.VOL.Native;

namespace PdeKit.Numerics.Operators;

/// <summary>
/// Reads and writes operator data sets as HDF5 files (PureHDF, no native library), readable from Python with h5py.
/// </summary>
/// <remarks>
/// Layout (format_version 1): root attributes <c>generator</c> (string: "pdekit burgers-operator" or "pdekit darcy"),
/// <c>problem</c> (string: "burgers" or "darcy"), <c>format_version</c> (1) and every numeric generator parameter
/// (float64: seed, count, fine_resolution, grf_sigma2, grf_tau, grf_alpha; Burgers: nu, time; Darcy: source,
/// permeability_high, permeability_low, grf_modes). One group per resolution R named <c>res{R}</c>, with attribute
/// <c>resolution</c> and float64 datasets <c>x</c> [R] (grid coordinates), <c>a</c> (input) and <c>u</c> (output),
/// of shape [count, R] for Burgers (u(x, 0) and u(x, T) at x_j = j/R) and [count, R, R] for Darcy (a and u at
/// (x_i, y_j) = (i, j)/(R - 1), indexed [sample, j, i]).
/// </remarks>
public static class OperatorDataFile
{
    /// <summary>Format version written to and accepted from the <c>format_version</c> attribute.</summary>
    public const int FormatVersion = 1;

    /// <summary>Writes data sets of one problem (one per resolution) to an HDF5 file, replacing it.</summary>
    /// <param name="path">File to write.</param>
    /// <param name="datasets">At least one data set, all of the same problem and count, distinct resolutions.</param>
    /// <exception cref="ArgumentException">No data sets, mixed problems or counts, or repeated resolutions.</exception>
    public static void Write(string path, IReadOnlyList<OperatorDataset> datasets)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(datasets);
        if (datasets.Count == 0) throw new ArgumentException("Nothing to write: no data sets.", nameof(datasets));
        var first = datasets[0];
        if (datasets.Any(d => d.Problem != first.Problem || d.Count != first.Count)) throw new ArgumentException("All data sets of one file must share the problem and the sample count.", nameof(datasets));
        if (datasets.Select(d => d.Resolution).Distinct().Count() != datasets.Count) throw new ArgumentException("Each resolution may appear once per file.", nameof(datasets));
        var file = new H5File();
        file.Attributes["generator"] = first.Problem == OperatorProblem.Burgers ? "pdekit burgers-operator" : "pdekit darcy";
        file.Attributes["problem"] = ProblemName(first.Problem);
        file.Attributes["format_version"] = FormatVersion;
        foreach (var (key, value) in first.Parameters.Where(p => p.Key != "resolution")) file.Attributes[key] = value;
        foreach (var d in datasets)
        {
            ulong[] shape = d.Problem == OperatorProblem.Burgers ? [(ulong)d.Count, (ulong)d.Resolution] : [(ulong)d.Count, (ulong)d.Resolution, (ulong)d.Resolution];
            var group = new H5Group
            {
                ["x"] = d.Axis(),
                ["a"] = new H5Dataset(d.Inputs, fileDims: shape),
                ["u"] = new H5Dataset(d.Outputs, fileDims: shape),
            };
            group.Attributes["resolution"] = d.Resolution;
            file[GroupName(d.Resolution)] = group;
        }

        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        string temp = path + ".tmp";
        file.Write(temp);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The resolutions stored in a file.</summary>
    /// <param name="path">An operator data file.</param>
    /// <returns>The resolutions, ascending.</returns>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Not an operator data file of this format.</exception>
    public static IReadOnlyList<int> Resolutions(string path)
    {
        using var file = Open(path);
        return file.Children().Select(c => c.Name).Where(n => n.StartsWith("res", StringComparison.Ordinal) && int.TryParse(n.AsSpan(3), out _))
            .Select(n => int.Parse(n.AsSpan(3), System.Globalization.CultureInfo.InvariantCulture)).Order().ToArray();
    }

    /// <summary>Reads the data set at one resolution.</summary>
    /// <param name="path">An operator data file.</param>
    /// <param name="resolution">The resolution to read; null: the finest stored.</param>
    /// <returns>The data set with the file's numeric attributes as parameters.</returns>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Not an operator data file, or the resolution is not stored.</exception>
    public static OperatorDataset Read(string path, int? resolution = null)
    {
        var stored = Resolutions(path);
        int r = resolution ?? (stored.Count > 0 ? stored[^1] : throw new InvalidDataException($"{path} holds no res* groups: not an operator data file."));
        if (!stored.Contains(r)) throw new InvalidDataException($"{path} has no data at resolution {r} (stored: {string.Join(", ", stored)}).");
        using var file = Open(path);
        string problemName = file.Attribute("problem").Read<string>();
        var problem = problemName switch
        {
            "burgers" => OperatorProblem.Burgers,
            "darcy" => OperatorProblem.Darcy,
            _ => throw new InvalidDataException($"{path}: unknown problem '{problemName}'."),
        };
        var parameters = new Dictionary<string, double>();
        foreach (var attribute in file.Attributes())
        {
            if (attribute.Name is "generator" or "problem" or "format_version") continue;
            parameters[attribute.Name] = attribute.Read<double>();
        }

        parameters["resolution"] = r;
        var group = file.Group(GroupName(r));
        var a = group.Dataset("a");
        var dims = a.Space.Dimensions;
        int expectedRank = problem == OperatorProblem.Burgers ? 2 : 3;
        if (dims.Length != expectedRank || dims.Skip(1).Any(x => x != (ulong)r)) throw new InvalidDataException($"{path}: dataset {GroupName(r)}/a has shape [{string.Join(", ", dims)}], expected [count{(expectedRank == 2 ? ", R" : ", R, R")}] with R = {r}.");
        return new OperatorDataset(problem, r, (int)dims[0], a.Read<double[]>(), group.Dataset("u").Read<double[]>(), parameters);
    }

    private static string GroupName(int resolution) => $"res{resolution}";

    private static string ProblemName(OperatorProblem problem) => problem == OperatorProblem.Burgers ? "burgers" : "darcy";

    private static NativeFile Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Operator data file not found: {path} (make one with `pdekit data burgers-operator|darcy --out FILE`).", path);
        NativeFile file;
        try
        {
            file = H5File.OpenRead(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException($"{path} is not a readable HDF5 file: {e.Message}", e);
        }

        int version;
        try
        {
            version = file.Attribute("format_version").Read<int>();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            file.Dispose();
            throw new InvalidDataException($"{path} has no format_version attribute: not a PdeKit operator data file.", e);
        }

        if (version != FormatVersion)
        {
            file.Dispose();
            throw new InvalidDataException($"{path} has format_version {version}; this PdeKit reads version {FormatVersion}.");
        }

        return file;
    }
}
