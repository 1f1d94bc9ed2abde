using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PdeKit.Cli;

/// <summary>One compared quantity of two runs.</summary>
/// <param name="Quantity">What it is, e.g. "rel L2 (u)".</param>
/// <param name="A">Value in the first run (empty when absent).</param>
/// <param name="B">Value in the second run.</param>
/// <param name="Ratio">B / A for numbers, else empty.</param>
internal sealed record ComparedValue(string Quantity, string A, string B, string Ratio);

/// <summary>A setting whose value differs between two run specs (or exists in one only).</summary>
/// <param name="Setting">Dotted path into spec.json, e.g. options.model.width.</param>
/// <param name="A">Value in the first spec ("(absent)" when missing).</param>
/// <param name="B">Value in the second spec.</param>
internal sealed record SettingDifference(string Setting, string A, string B);

/// <summary>
/// Two run directories of <c>pdekit train</c> side by side: errors, benchmark quantities, unknowns, times and device from summary.json, and
/// the settings that differ from spec.json (what <c>pdekit compare</c> prints).
/// </summary>
internal sealed record RunComparison(string A, string B, IReadOnlyList<ComparedValue> Values, IReadOnlyList<SettingDifference>? Settings)
{
    /// <summary>Reads both run directories.</summary>
    /// <exception cref="DirectoryNotFoundException">A run directory does not exist.</exception>
    /// <exception cref="FileNotFoundException">A run directory has no summary.json.</exception>
    /// <exception cref="InvalidDataException">A summary.json or spec.json is not valid JSON.</exception>
    internal static RunComparison Load(string a, string b)
    {
        using var sa = Read(a, "summary.json", required: true)!;
        using var sb = Read(b, "summary.json", required: true)!;
        var values = new List<ComparedValue>();
        foreach (var key in new[] { "problem", "preset", "reference", "device", "deviceName", "date" })
            values.Add(Text(key, Get(sa.RootElement, key), Get(sb.RootElement, key)));
        var fields = Fields(sa.RootElement).Concat(Fields(sb.RootElement)).Distinct().ToList();
        foreach (var f in fields)
        {
            values.Add(Number($"rel L2 ({f})", Error(sa.RootElement, f, "relativeL2"), Error(sb.RootElement, f, "relativeL2")));
            values.Add(Number($"max abs error ({f})", Error(sa.RootElement, f, "maxAbs"), Error(sb.RootElement, f, "maxAbs")));
        }

        foreach (var q in QuantityNames(sa.RootElement).Concat(QuantityNames(sb.RootElement)).Distinct())
        {
            values.Add(Number($"quantity {q}", Quantity(sa.RootElement, q, "value"), Quantity(sb.RootElement, q, "value")));
            values.Add(Number($"quantity {q} relative error", Quantity(sa.RootElement, q, "relativeError"), Quantity(sb.RootElement, q, "relativeError")));
        }

        foreach (var u in Names(sa.RootElement, "unknowns").Concat(Names(sb.RootElement, "unknowns")).Distinct())
            values.Add(Number($"unknown {u}", Get(Get(sa.RootElement, "unknowns"), u), Get(Get(sb.RootElement, "unknowns"), u)));
        foreach (var key in new[] { "wallSeconds", "adamSteps", "lbfgsIterations", "adamStepsPerSecond", "finalLoss" })
            values.Add(Number(key, Get(sa.RootElement, key), Get(sb.RootElement, key)));

        using var pa = Read(a, "spec.json", required: false);
        using var pb = Read(b, "spec.json", required: false);
        List<SettingDifference>? settings = null;
        if (pa is not null && pb is not null)
        {
            var fa = Flatten(pa.RootElement);
            var fb = Flatten(pb.RootElement);
            settings = fa.Keys.Union(fb.Keys).Order(StringComparer.Ordinal)
                .Where(k => !fa.TryGetValue(k, out var x) || !fb.TryGetValue(k, out var y) || x != y)
                .Select(k => new SettingDifference(k, fa.GetValueOrDefault(k, "(absent)"), fb.GetValueOrDefault(k, "(absent)"))).ToList();
        }

        return new RunComparison(Path.GetFullPath(a), Path.GetFullPath(b), values, settings);
    }

    /// <summary>The comparison as Markdown.</summary>
    internal string Markdown()
    {
        var sb = new StringBuilder($"# Run comparison\n\n- A: `{A}`\n- B: `{B}`\n\n| quantity | A | B | B/A |\n|---|---|---|---|\n");
        foreach (var v in Values) sb.Append(CultureInfo.InvariantCulture, $"| {v.Quantity} | {v.A} | {v.B} | {v.Ratio} |\n");
        if (Settings is null) sb.Append("\nSettings not compared: a run directory has no spec.json.\n");
        else if (Settings.Count == 0) sb.Append("\nThe settings (spec.json) are identical.\n");
        else
        {
            sb.Append("\n## Settings that differ (spec.json)\n\n| setting | A | B |\n|---|---|---|\n");
            foreach (var s in Settings) sb.Append(CultureInfo.InvariantCulture, $"| {s.Setting} | {s.A} | {s.B} |\n");
        }

        return sb.ToString();
    }

    private static JsonDocument? Read(string dir, string file, bool required)
    {
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"run directory {dir} does not exist");
        var path = Path.Combine(dir, file);
        if (!File.Exists(path))
        {
            if (!required) return null;
            throw new FileNotFoundException($"{dir} has no {file}: it is not a finished `pdekit train` run directory (a validation case folder under cases/ is one; ablate folders are not)", path);
        }

        try
        {
            return JsonDocument.Parse(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not valid JSON: {e.Message}");
        }
    }

    private static JsonElement? Get(JsonElement? e, string name) =>
        e is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var v) ? v : null;

    private static IEnumerable<string> Names(JsonElement e, string name) =>
        Get(e, name) is { ValueKind: JsonValueKind.Object } o ? o.EnumerateObject().Select(p => p.Name) : [];

    private static IEnumerable<string> Fields(JsonElement e) =>
        Get(e, "errors") is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().Select(x => Get(x, "field")?.GetString() ?? "?") : [];

    private static JsonElement? Error(JsonElement e, string field, string key) =>
        Get(e, "errors") is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().Where(x => Get(x, "field")?.GetString() == field).Select(x => Get(x, key)).FirstOrDefault() : null;

    private static IEnumerable<string> QuantityNames(JsonElement e) =>
        Get(e, "quantities") is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().Select(x => Get(x, "name")?.GetString() ?? "?") : [];

    private static JsonElement? Quantity(JsonElement e, string name, string key) =>
        Get(e, "quantities") is { ValueKind: JsonValueKind.Array } a ? a.EnumerateArray().Where(x => Get(x, "name")?.GetString() == name).Select(x => Get(x, key)).FirstOrDefault() : null;

    private static ComparedValue Text(string q, JsonElement? a, JsonElement? b) => new(q, Show(a), Show(b), "");

    private static ComparedValue Number(string q, JsonElement? a, JsonElement? b)
    {
        double? x = AsDouble(a), y = AsDouble(b);
        string ratio = x is { } u && y is { } v && u != 0 && double.IsFinite(u) && double.IsFinite(v) ? (v / u).ToString("G3", CultureInfo.InvariantCulture) : "";
        return new(q, Show(a), Show(b), ratio);
    }

    private static double? AsDouble(JsonElement? e) => e switch
    {
        { ValueKind: JsonValueKind.Number } n => n.GetDouble(),
        { ValueKind: JsonValueKind.String } s when double.TryParse(s.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    private static string Show(JsonElement? e) => e switch
    {
        null => "",
        { ValueKind: JsonValueKind.Number } n => n.GetDouble().ToString("G6", CultureInfo.InvariantCulture),
        { ValueKind: JsonValueKind.String } s => s.GetString() ?? "",
        { } other => other.GetRawText(),
    };

    /// <summary>Leaves of a JSON document as dotted paths ("options.model.width") with their raw text; arrays stay whole.</summary>
    internal static Dictionary<string, string> Flatten(JsonElement root)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonElement e, string prefix)
        {
            if (e.ValueKind == JsonValueKind.Object)
                foreach (var p in e.EnumerateObject()) Walk(p.Value, prefix.Length == 0 ? p.Name : prefix + "." + p.Name);
            else result[prefix] = e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : e.GetRawText();
        }

        Walk(root, "");
        return result;
    }
}
