using CsvHelper;
using PdeKit.Reporting;

namespace PdeKit.Cli.Validation;

/// <summary>suite.csv of a validation's output: the lines that ran, with the file and line each came from.</summary>
internal static class SuiteCopy
{
    /// <summary>Writes the lines atomically in the suite-file format plus a source column.</summary>
    internal static void Write(string path, IReadOnlyList<SuiteCase> lines) => AtomicFile.WriteStream(path, stream =>
    {
        using var writer = CsvWriter.Create(stream, new CsvWriterOptions { HasHeader = false, Separator = ',' }, true);
        writer.WriteHeader(["case", "problem", "kind", "preset", "set", "metric", "tolerance", "notes", "source"]);
        foreach (var l in lines)
        {
            writer.WriteRecord([l.Case, l.Problem, l.KindText, l.Preset, string.Join(";", l.Settings.Select(kv => $"{kv.Key}={kv.Value}")),
                l.Metric, l.Tolerance.ToString("R", System.Globalization.CultureInfo.InvariantCulture), l.Notes, l.Where]);
        }

        writer.Flush();
    });
}
