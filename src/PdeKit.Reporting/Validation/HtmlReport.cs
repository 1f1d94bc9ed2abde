using System.Globalization;
using System.Net;
using System.Text;

namespace PdeKit.Reporting.Validation;

/// <summary>
/// Writes report.html: one self-contained file (styles inline, every image embedded as a base64 data URI) that
/// opens in any browser without the files beside it.
/// </summary>
public static class HtmlReport
{
    private const string Style = """
        body { font-family: 'DejaVu Sans', Arial, sans-serif; margin: 2em auto; max-width: 1200px; color: #222; }
        table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
        th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; }
        th { background: #f0f0f0; }
        td.num { text-align: right; font-family: 'DejaVu Sans Mono', monospace; }
        .pass { background: #d9f2d9; font-weight: bold; }
        .fail, .error { background: #f8d0d0; font-weight: bold; }
        .info { color: #777; }
        .verdict { font-size: 1.2em; padding: 0.5em; }
        .verdict.ok { background: #d9f2d9; } .verdict.bad { background: #f8d0d0; }
        figure { display: inline-block; margin: 0.5em; vertical-align: top; }
        figure img { max-width: 560px; border: 1px solid #ddd; }
        figcaption { font-size: 0.85em; color: #555; max-width: 560px; }
        section { border-top: 2px solid #ddd; margin-top: 2em; }
        """;

    /// <summary>Writes the report atomically; image paths relative to the report's folder are resolved there.</summary>
    /// <exception cref="FileNotFoundException">An image of a section does not exist.</exception>
    public static void Write(string path, ValidationReportData data)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(data);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{E(data.Title)}</title>\n<style>\n{Style}</style>\n</head>\n<body>\n");
        sb.Append(CultureInfo.InvariantCulture, $"<h1>{E(data.Title)}</h1>\n<table>\n");
        foreach (var (k, v) in data.Facts) sb.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(k)}</th><td>{E(v)}</td></tr>\n");
        sb.Append(CultureInfo.InvariantCulture, $"</table>\n<p class=\"verdict {(data.Failures == 0 ? "ok" : "bad")}\">Result: {E(data.Verdict)}.</p>\n");
        sb.Append("<h2>Cases</h2>\n<table>\n<tr><th>case</th><th>method</th><th>metric</th><th>value</th><th>reference</th><th>tolerance</th><th>status</th><th>time (s)</th></tr>\n");
        foreach (var r in data.Gated)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"#{ValidationReport.Anchor(r.Case)}\">{E(r.Case)}</a></td><td>{E(r.Method)}</td><td>{E(r.Metric)}</td>");
            sb.Append(CultureInfo.InvariantCulture, $"<td class=\"num\">{ValidationReport.Number(r.Value)}</td><td class=\"num\">{Optional(r.Reference)}</td><td>{E(ValidationReport.Tolerance(r))}</td>");
            sb.Append(CultureInfo.InvariantCulture, $"{StatusCell(r.Status)}<td class=\"num\">{r.TimeSeconds:F1}</td></tr>\n");
        }

        sb.Append("</table>\n");
        foreach (var s in data.Sections)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<section id=\"{ValidationReport.Anchor(s.Case)}\">\n");
            foreach (var name in s.Aliases) sb.Append(CultureInfo.InvariantCulture, $"<a id=\"{ValidationReport.Anchor(name)}\"></a>");
            sb.Append(CultureInfo.InvariantCulture, $"<h2>{E(s.Title)}</h2>\n");
            if (s.Description.Length > 0) sb.Append(CultureInfo.InvariantCulture, $"<p>{E(s.Description)}</p>\n");
            sb.Append("<table>\n<tr><th>method</th><th>metric</th><th>value</th><th>reference</th><th>tolerance</th><th>status</th><th>note</th></tr>\n");
            foreach (var r in s.Rows)
            {
                sb.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(r.Method)}</td><td>{E(r.Metric)}</td><td class=\"num\">{ValidationReport.Number(r.Value)}</td><td class=\"num\">{Optional(r.Reference)}</td>");
                sb.Append(CultureInfo.InvariantCulture, $"<td>{E(ValidationReport.Tolerance(r))}</td>{StatusCell(r.Status)}<td>{E(r.Note)}</td></tr>\n");
            }

            sb.Append("</table>\n");
            foreach (var image in s.Images)
            {
                var file = Path.GetFullPath(image.Path, folder);
                if (!File.Exists(file)) throw new FileNotFoundException($"report image {file} does not exist", file);
                var data64 = Convert.ToBase64String(File.ReadAllBytes(file));
                sb.Append(CultureInfo.InvariantCulture, $"<figure><img alt=\"{E(image.Caption)}\" src=\"data:image/png;base64,{data64}\"><figcaption>{E(image.Caption)}</figcaption></figure>\n");
            }

            sb.Append("</section>\n");
        }

        sb.Append("</body>\n</html>\n");
        AtomicFile.Write(path, temp => File.WriteAllText(temp, sb.ToString()));
    }

    private static string StatusCell(ValidationStatus s) =>
        $"<td class=\"{ValidationCsv.Name(s)}\">{ValidationReport.StatusText(s)}</td>";

    private static string Optional(double? v) => v is { } x ? ValidationReport.Number(x) : "";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
