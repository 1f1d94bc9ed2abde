using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using PdeKit.Training;

namespace PdeKit.Cli;

/// <summary>Applies <c>--set key=value</c> overrides to training options through their JSON form, and (de)serializes run specs.</summary>
internal static class OptionsBinder
{
    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Applies "a.b=value" pairs; keys are case-insensitive paths into the options JSON.</summary>
    /// <exception cref="ArgumentException">Malformed pair, unknown key, or a value of the wrong type.</exception>
    internal static TrainingOptions Apply(TrainingOptions options, IEnumerable<KeyValuePair<string, string>> sets)
    {
        var result = ApplyTo(options, sets);
        result.Validate();
        return result;
    }

    /// <summary>Applies "a.b=value" pairs to any JSON-serializable settings record (validation is the caller's).</summary>
    /// <exception cref="ArgumentException">Malformed pair, unknown key, or a value of the wrong type.</exception>
    internal static T ApplyTo<T>(T options, IEnumerable<KeyValuePair<string, string>> sets)
        where T : class
    {
        var root = JsonSerializer.SerializeToNode(options, Json)!.AsObject();
        foreach (var (key, value) in sets)
        {
            var path = key.Split('.');
            JsonObject node = root;
            bool termWeights = false;
            for (int i = 0; i < path.Length - 1; i++)
            {
                string name = Actual(node, path[i], key);
                // Per-term weights (weighting.weights.NAME=w) are a map that may start out empty (null).
                termWeights = i == path.Length - 2 && string.Equals(name, "weights", StringComparison.Ordinal) && node == root["weighting"];
                if (termWeights && node[name] is null) node[name] = new JsonObject();
                node = node[name] as JsonObject ?? throw new ArgumentException($"--set {key}: '{path[i]}' is not a group of settings");
            }
            if (termWeights)
            {
                // A term's weight is a number whether or not the map already names the term.
                node[path[^1]] = Parse(JsonValue.Create(1.0), value, key);
                continue;
            }
            string leaf = Actual(node, path[^1], key);
            node[leaf] = Parse(node[leaf], value, key);
        }
        try
        {
            return root.Deserialize<T>(Json)!;
        }
        catch (JsonException e)
        {
            throw new ArgumentException(WrongType(e));
        }
    }

    /// <summary>"--set: engine has the wrong type (expected one of: autograd, jet, auto)" from a deserialization error.</summary>
    private static string WrongType(JsonException e)
    {
        string where = string.IsNullOrEmpty(e.Path) ? "a value" : e.Path.TrimStart('$', '.');
        var match = System.Text.RegularExpressions.Regex.Match(e.Message, @"converted to ([\w\.\+`]+)");
        var type = match.Success ? typeof(TrainingOptions).Assembly.GetType(match.Groups[1].Value.TrimEnd('.')) : null;
        if (type is { IsEnum: true })
            return $"--set: {where} has the wrong value (expected one of: {string.Join(", ", Enum.GetNames(type).Select(n => JsonNamingPolicy.CamelCase.ConvertName(n)))})";
        return $"--set: {where} has the wrong type ({e.Message.Split(" Path:")[0]})";
    }

    private static string Actual(JsonObject node, string name, string key)
    {
        var match = node.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        return match ?? throw new ArgumentException($"--set {key}: unknown setting '{name}' (known: {string.Join(", ", node.Select(p => p.Key))})");
    }

    private static JsonNode? Parse(JsonNode? current, string text, string key)
    {
        if (current is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
        {
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
                throw new ArgumentException($"--set {key}={text}: expected a finite number");
            return d == Math.Floor(d) && Math.Abs(d) < 1e15 ? JsonValue.Create((long)d) : JsonValue.Create(d);
        }
        if (current is JsonValue b && (b.GetValueKind() is JsonValueKind.True or JsonValueKind.False))
        {
            return bool.TryParse(text, out var flag) ? JsonValue.Create(flag) : throw new ArgumentException($"--set {key}={text}: expected true or false");
        }
        if (current is JsonArray)
        {
            var array = new JsonArray();
            if (text is "none" or "[]") return array; // an empty list, e.g. model.interfaces=none
            var items = text.Split([';', ','], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            foreach (var item in items)
            {
                if (!double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || !double.IsFinite(d))
                    throw new ArgumentException($"--set {key}={text}: expected finite numbers separated by ';' (got '{item}')");
                array.Add(JsonValue.Create(d));
            }
            return array;
        }
        if (current is JsonObject) throw new ArgumentException($"--set {key}: is a group of settings; set one of its fields, e.g. {key}.{current.AsObject().First().Key}=...");
        return JsonValue.Create(text);
    }

    /// <summary>Splits "key=value" texts.</summary>
    internal static List<KeyValuePair<string, string>> Pairs(IEnumerable<string> texts) => texts.Select(t =>
    {
        int eq = t.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0 || eq == t.Length - 1) throw new ArgumentException($"--set expects key=value, got '{t}'");
        return new KeyValuePair<string, string>(t[..eq].Trim(), t[(eq + 1)..].Trim());
    }).ToList();
}
