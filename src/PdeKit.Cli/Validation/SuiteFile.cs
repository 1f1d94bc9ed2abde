using System.Globalization;
using CsvHelper;
using PdeKit.Problems;

namespace PdeKit.Cli.Validation;

/// <summary>
/// Reads a suite file: a CSV with the header <c>case,problem,kind,preset,set,metric,tolerance,notes</c> (preset, set
/// and notes may be left out), one case per line; '#' starts a comment line. Every problem with a line (unknown kind,
/// problem, check, setting or metric, a tolerance that is not a number, a repeated case name) is reported with its line
/// number, all at once, before anything runs.
/// </summary>
internal static class SuiteFile
{
    /// <summary>Columns a suite file must have.</summary>
    internal static readonly string[] Required = ["case", "problem", "kind", "metric", "tolerance"];

    /// <summary>Columns a suite file may have.</summary>
    internal static readonly string[] Optional = ["preset", "set", "notes"];

    /// <summary>Parses and checks <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">No such file.</exception>
    /// <exception cref="InvalidDataException">Malformed lines; the message lists each with its line number.</exception>
    internal static IReadOnlyList<SuiteCase> Parse(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"suite file {path} does not exist", path);
        var options = new CsvReaderOptions
        {
            HasHeader = true, Separator = ',', DetectSeparatorHint = false, TrackLineNumbers = true, SkipEmptyLines = true,
            CommentPrefix = '#', TrimWhitespace = true, MalformedData = CsvMalformedDataHandling.Throw, FieldCountMismatch = CsvFieldCountHandling.Allow,
        };
        var cases = new List<SuiteCase>();
        var errors = new List<string>();
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            using var reader = CsvReader.Create(stream, options, false);
            reader.ReadHeader();
            var header = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
            var missing = Required.Where(c => !header.Contains(c)).ToList();
            if (missing.Count > 0)
                throw new InvalidDataException($"{path}: the header lacks column(s) {string.Join(", ", missing)} (a suite file has {string.Join(",", Required.Concat(Optional))})");
            var unknown = header.Where(h => !Required.Contains(h) && !Optional.Contains(h)).ToList();
            if (unknown.Count > 0)
                throw new InvalidDataException($"{path}: unknown column(s) {string.Join(", ", unknown)} (a suite file has {string.Join(",", Required.Concat(Optional))})");
            while (reader.Read())
            {
                int line = (int)reader.LineNumber;
                if (reader.FieldCount != header.Length)
                {
                    errors.Add($"{path}, line {line}: expected {header.Length} cells ({string.Join(",", header)}) but found {reader.FieldCount}; quote a cell that holds a comma");
                    continue;
                }

                var cells = header.Select((h, i) => (h, v: reader.GetString(i).Trim())).ToDictionary(p => p.h, p => p.v);
                try
                {
                    cases.Add(ParseLine(path, line, c => cells.TryGetValue(c, out var v) ? v : ""));
                }
                catch (InvalidDataException e)
                {
                    errors.Add(e.Message);
                }
            }
        }
        catch (CsvFormatException e)
        {
            throw new InvalidDataException($"{path}, line {e.LineNumber}: malformed CSV: {e.Message}", e);
        }

        foreach (var dup in cases.GroupBy(c => c.Case, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            errors.Add($"{dup.Last().Where}: case '{dup.Key}' is already defined on line {dup.First().Line}; case names must be unique");
        if (errors.Count > 0) throw new InvalidDataException(string.Join(Environment.NewLine, errors));
        return cases;
    }

    private static SuiteCase ParseLine(string path, int line, Func<string, string> cell)
    {
        InvalidDataException Error(string what) => new($"{path}, line {line}: {what}");
        string name = cell("case");
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            throw Error($"case name '{name}' must be non-empty and hold only letters, digits, '-', '_' and '.' (it names the case's folder)");
        CatalogEntry entry;
        try
        {
            entry = ProblemCatalog.Find(cell("problem"));
        }
        catch (ArgumentException e)
        {
            throw Error(e.Message);
        }

        string kindText = cell("kind");
        CaseKind kind;
        string? check = null;
        if (string.Equals(kindText, "pinn", StringComparison.OrdinalIgnoreCase)) kind = CaseKind.Pinn;
        else if (string.Equals(kindText, "reference", StringComparison.OrdinalIgnoreCase)) kind = CaseKind.Reference;
        else if (kindText.StartsWith("check:", StringComparison.OrdinalIgnoreCase))
        {
            kind = CaseKind.Check;
            check = kindText["check:".Length..].Trim();
        }
        else throw Error($"unknown kind '{kindText}' (kinds: pinn, reference, check:NAME with NAME one of {string.Join(", ", CheckRegistry.All.Select(c => c.Name))})");

        string tolText = cell("tolerance");
        if (!double.TryParse(tolText, NumberStyles.Float, CultureInfo.InvariantCulture, out var tolerance) || !double.IsFinite(tolerance) || tolerance < 0)
            throw Error($"tolerance '{tolText}' is not a finite non-negative number");
        string metric = cell("metric");
        if (metric.Length == 0) throw Error("no metric: name the metric the tolerance applies to");
        var settings = ParseSettings(cell("set"), Error);
        var c = new SuiteCase(path, line, name, entry.Name, kind, check, cell("preset"), settings, metric, tolerance, cell("notes"));
        try
        {
            switch (kind)
            {
                case CaseKind.Pinn: PinnCase.Check(c); break;
                case CaseKind.Reference: ReferenceCase.Check(c); break;
                default: CheckRegistry.CheckLine(c); break;
            }
        }
        catch (ArgumentException e)
        {
            throw Error(e.Message);
        }

        return c;
    }

    /// <summary>
    /// Splits the set column: key=value pairs separated by ';'. A piece without '=' continues the previous value, so
    /// list values keep their ';' (weighting.causalEps=0.01;0.1;1).
    /// </summary>
    internal static List<KeyValuePair<string, string>> ParseSettings(string text, Func<string, Exception> error)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var piece in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            int eq = piece.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0)
            {
                if (pairs.Count == 0) throw error($"set: '{piece}' is not key=value (pairs are separated by ';')");
                pairs[^1] = new(pairs[^1].Key, pairs[^1].Value + ";" + piece);
                continue;
            }

            if (eq == 0 || eq == piece.Length - 1) throw error($"set: '{piece}' is not key=value");
            pairs.Add(new(piece[..eq].Trim(), piece[(eq + 1)..].Trim()));
        }

        return pairs;
    }
}
