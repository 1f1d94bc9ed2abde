using System.Text;

namespace PdeKit.Reporting;

/// <summary>Draws the standard plots of a run directory (what <c>pdekit plot &lt;run-dir&gt;</c> does).</summary>
public static class RunPlots
{
    /// <summary>File name of the predicted fields on the evaluation grid.</summary>
    public const string PredictionFile = "prediction.csv";

    /// <summary>File name of the reference fields on the same grid.</summary>
    public const string ReferenceFile = "reference.csv";

    /// <summary>File name of the training history (step, loss terms, weights, errors).</summary>
    public const string HistoryFile = "history.csv";

    private static readonly double[] SliceFractions = [0.25, 0.5, 0.75, 1.0];

    /// <summary>
    /// Reads <c>prediction.csv</c>, <c>reference.csv</c> and <c>history.csv</c> of <paramref name="runDirectory"/>
    /// and writes, per predicted field, heatmaps of the prediction, the reference and |prediction - reference|
    /// (<c>field_prediction.png</c>, <c>field_reference.png</c>, <c>field_abs_error.png</c>) and slices at the
    /// stored times nearest to 1/4, 1/2, 3/4 and all of the time range (<c>slices.png</c>); with several fields
    /// the names carry the field (<c>field_&lt;name&gt;_prediction.png</c>, ..., <c>slices_&lt;name&gt;.png</c>).
    /// From the history: <c>loss.png</c> (every column whose name starts with "loss") and, when a
    /// <c>rel_l2</c> column (or <c>rel_l2_&lt;field&gt;</c> columns) holds values, <c>error.png</c>.
    /// </summary>
    /// <returns>Full paths of the PNG files written, in the order above.</returns>
    /// <exception cref="DirectoryNotFoundException">The run directory does not exist.</exception>
    /// <exception cref="FileNotFoundException">One of the three CSV files is missing.</exception>
    /// <exception cref="InvalidDataException">A CSV file is malformed, or the reference lacks a predicted field or is on another grid.</exception>
    public static IReadOnlyList<string> DrawAll(string runDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runDirectory);
        var dir = Path.GetFullPath(runDirectory);
        if (!Directory.Exists(dir))
        {
            throw new DirectoryNotFoundException(
                $"Run directory '{dir}' does not exist; run `pdekit train <problem> --out {runDirectory}` first to produce one.");
        }

        var predictionPath = Require(dir, PredictionFile);
        var referencePath = HasFieldReference(dir) ? Require(dir, ReferenceFile) : null;
        var historyPath = Require(dir, HistoryFile);

        var predictions = FieldCsv.Read(predictionPath);
        var references = referencePath is null ? null : FieldCsv.Read(referencePath);
        var history = HistoryCsv.Read(historyPath);

        var written = new List<string>();
        if (references is null)
        {
            // No field reference (a benchmark validated by scalar quantities): the predicted fields only.
            foreach (var prediction in predictions)
            {
                var suffix = predictions.Count == 1 ? "" : "_" + FileSafe(prediction.Name);
                var path = Path.Combine(dir, $"field{suffix}_prediction.png");
                var range = PlotKit.FiniteRange(prediction.Values.Cast<double>());
                Plots.Heatmap(path, prediction, $"{prediction.Name}: prediction", range is { } r && r.Min < 0 && r.Max > 0, prediction.Name, range);
                written.Add(path);
            }
        }
        else
        {
            DrawAgainstReference(dir, predictionPath, referencePath!, predictions, references, written);
        }

        if (FlowPlots.IsFlow(predictions)) written.AddRange(FlowPlots.Draw(dir, predictions, references));
        written.AddRange(HistoryPlots.Draw(dir, history.Columns, history.Rows, PublishedQuantities(dir)));
        return written;
    }

    private static void DrawAgainstReference(string dir, string predictionPath, string referencePath, IReadOnlyList<GridField> predictions,
        IReadOnlyList<GridField> references, List<string> written)
    {
        foreach (var prediction in predictions)
        {
            var reference = references.FirstOrDefault(r => r.Name == prediction.Name)
                ?? throw new InvalidDataException(
                    $"{referencePath} has no field '{prediction.Name}' (it has {string.Join(", ", references.Select(r => r.Name))}), "
                    + $"but {predictionPath} predicts it.");
            if (!reference.SameGridAs(prediction))
            {
                throw new InvalidDataException(
                    $"Field '{prediction.Name}' is on different grids in {predictionPath} (nt={prediction.T.Length}, nx={prediction.X.Length}) "
                    + $"and {referencePath} (nt={reference.T.Length}, nx={reference.X.Length}).");
            }

            var suffix = predictions.Count == 1 ? "" : "_" + FileSafe(prediction.Name);
            written.AddRange(DrawField(dir, prediction, reference, suffix));
        }
    }

    /// <summary>The published values of the benchmark quantities in the run's summary.json (<c>quantities: [{name, published}]</c>); empty without them.</summary>
    private static Dictionary<string, double> PublishedQuantities(string dir)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        var summary = Path.Combine(dir, "summary.json");
        if (!File.Exists(summary)) return result;
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(summary));
        if (doc.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object || !doc.RootElement.TryGetProperty("quantities", out var list)
            || list.ValueKind != System.Text.Json.JsonValueKind.Array) return result;
        foreach (var q in list.EnumerateArray())
            if (q.ValueKind == System.Text.Json.JsonValueKind.Object && q.TryGetProperty("name", out var n) && n.ValueKind == System.Text.Json.JsonValueKind.String
                && q.TryGetProperty("published", out var v) && v.ValueKind == System.Text.Json.JsonValueKind.Number)
                result[n.GetString()!] = v.GetDouble();
        return result;
    }

    /// <summary>
    /// False only when the run's <c>summary.json</c> says <c>"fieldReference": false</c> (a problem validated by benchmark
    /// quantities, which has no reference.csv); true otherwise, so a missing reference.csv of any other run is an error.
    /// </summary>
    private static bool HasFieldReference(string dir)
    {
        var summary = Path.Combine(dir, "summary.json");
        if (!File.Exists(summary)) return true;
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(summary));
            return !(doc.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                && doc.RootElement.TryGetProperty("fieldReference", out var f) && f.ValueKind == System.Text.Json.JsonValueKind.False);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidDataException($"{summary} is not valid JSON ({e.Message}); rewrite it with `pdekit train` or delete it.", e);
        }
    }

    private static List<string> DrawField(string dir, GridField prediction, GridField reference, string suffix)
    {
        var name = prediction.Name;
        var range = PlotKit.FiniteRange(prediction.Values.Cast<double>().Concat(reference.Values.Cast<double>()));
        var symmetric = range is { } r && r.Min < 0 && r.Max > 0;
        var paths = new List<string>();

        var path = Path.Combine(dir, $"field{suffix}_prediction.png");
        Plots.Heatmap(path, prediction, $"{name}: prediction", symmetric, name, range);
        paths.Add(path);

        path = Path.Combine(dir, $"field{suffix}_reference.png");
        Plots.Heatmap(path, reference, $"{name}: reference", symmetric, name, range);
        paths.Add(path);

        var error = new double[prediction.T.Length, prediction.X.Length];
        for (var it = 0; it < prediction.T.Length; it++)
        {
            for (var ix = 0; ix < prediction.X.Length; ix++)
            {
                error[it, ix] = Math.Abs(prediction.Values[it, ix] - reference.Values[it, ix]);
            }
        }

        path = Path.Combine(dir, $"field{suffix}_abs_error.png");
        var errorField = new GridField($"{name}_abs_error", prediction.X, prediction.T, error) { XName = prediction.XName, TName = prediction.TName };
        Plots.Heatmap(path, errorField, $"{name}: |prediction - reference|", colorbarLabel: $"|{name} - {name}_ref|");
        paths.Add(path);

        path = Path.Combine(dir, $"slices{suffix}.png");
        var slices = SliceTimes(prediction.T)
            .Select(it => (prediction.T[it], Row(prediction.Values, it), Row(reference.Values, it)))
            .ToList();
        Plots.Slices(path, prediction.X, slices, name, xLabel: prediction.XName, sliceAxis: prediction.TName);
        paths.Add(path);
        return paths;
    }

    /// <summary>Indices of the stored times nearest to 1/4, 1/2, 3/4 and all of the time range, without repeats.</summary>
    /// <param name="t">Stored times, ascending, at least one.</param>
    public static int[] SliceTimes(double[] t)
    {
        ArgumentNullException.ThrowIfNull(t);
        PlotKit.CheckNotEmpty(t, nameof(t));
        var (t0, t1) = (t[0], t[^1]);
        return SliceFractions
            .Select(f => t0 + f * (t1 - t0))
            .Select(target => Enumerable.Range(0, t.Length).MinBy(i => Math.Abs(t[i] - target)))
            .Distinct()
            .ToArray();
    }

    private static double[] Row(double[,] values, int it)
    {
        var row = new double[values.GetLength(1)];
        for (var ix = 0; ix < row.Length; ix++)
        {
            row[ix] = values[it, ix];
        }

        return row;
    }

    private static string Require(string dir, string file)
    {
        var path = Path.Combine(dir, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"Run directory '{dir}' has no {file}; it is written by `pdekit train` (run it first, or check the path).", path);
        }

        return path;
    }

    private static string FileSafe(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_');
        }

        return builder.ToString();
    }
}
