using System.Text.Encodings.Web;
using System.Text.Json;
using Spectre.Console;

namespace PdeKit.Cli;

/// <summary>Terminal output: Spectre tables on a TTY, plain text when redirected, JSON with --json.</summary>
internal static class Output
{
    internal static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    internal static bool Fancy => !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;

    internal static void WriteJson<T>(T value) => Console.WriteLine(JsonSerializer.Serialize(value, JsonOptions));

    /// <summary>Writes a two-or-more-column table with a title.</summary>
    internal static void Table(string title, string[] headers, IEnumerable<string[]> rows)
    {
        var list = rows.ToList();
        if (Fancy)
        {
            var t = new Table { Title = new TableTitle(title) };
            foreach (var h in headers) t.AddColumn(Markup.Escape(h));
            foreach (var r in list) t.AddRow(r.Select(Markup.Escape).ToArray());
            AnsiConsole.Write(t);
            return;
        }
        Console.WriteLine(title);
        var widths = headers.Select((h, i) => Math.Max(h.Length, list.Count == 0 ? 0 : list.Max(r => r[i].Length))).ToArray();
        Console.WriteLine(string.Join("  ", headers.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        foreach (var r in list) Console.WriteLine(string.Join("  ", r.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
    }
}
