using System.Globalization;
using System.Text;
using Hearsay.Provenance.Graph;

namespace Hearsay.Provenance.Exports;

/// <summary>
/// CSV as RFC 4180 defines it (CRLF line ends, a header row, fields with a comma, a quote or a line break in
/// double quotes with quotes doubled), one row per appearance of a claim in an article, in rank then appearance
/// order. Columns are listed in <see cref="Columns"/> and explained in docs/provenance.md.
/// </summary>
public sealed class CsvGraphExporter : IGraphExporter
{
    public static readonly string[] Columns =
    [
        "claim_id", "claim_rank", "claim_text", "order", "article_id", "outlet", "published", "date_basis", "language",
        "url", "title", "origin", "origin_kind", "origin_basis", "stated_origin", "independent_origins", "single_origin",
        "parent_article", "parent_outlet", "hops", "quantity", "quantity_normalized", "quantity_value", "quantity_upper",
        "quantity_bound", "quantity_approximate", "mention_text", "mention_form", "mentions",
    ];

    public string Format => "csv";
    public string FileExtension => ".csv";
    public string MediaType => "text/csv";

    public void Write(ProvenanceGraph graph, TextWriter output, ExportOptions options)
    {
        Row(output, Columns);
        for (int i = 0; i < graph.Claims.Count; i++)
        {
            var r = graph.Claims[i];
            foreach (var a in r.Appearances)
            {
                var q = a.Quantity;
                Row(output,
                [
                    r.Id, (i + 1).ToString(CultureInfo.InvariantCulture), r.Text, a.Order.ToString(CultureInfo.InvariantCulture),
                    a.Article.Id, a.Outlet.Name, a.Article.Published is { } d ? GraphExporters.Iso(d) : "", r.DateBasis, a.Article.Language,
                    a.Article.Url ?? "", a.Article.Title ?? "", a.Origin?.Name ?? "", a.Origin?.Kind ?? "", a.OriginBasis, a.StatedOrigin?.Name ?? "",
                    r.IndependentOrigins.ToString(CultureInfo.InvariantCulture), r.SingleOrigin ? "true" : "false",
                    a.Parent?.Article.Id ?? "", a.Parent?.Outlet.Name ?? "", string.Join(" > ", a.Hops.Select(h => h.Name)),
                    q?.AsWritten ?? "", q is null ? "" : ProvenanceBuilder.Render(q), Num(q?.Value), Num(q?.UpperValue), q?.Bound ?? "",
                    q is null ? "" : q.Approximate ? "true" : "false",
                    a.Principal.Text, a.Principal.Form, a.Mentions.Count.ToString(CultureInfo.InvariantCulture),
                ]);
            }
        }
    }

    private static string Num(double? v) => v is { } x && double.IsFinite(x) ? x.ToString("R", CultureInfo.InvariantCulture) : "";

    private static void Row(TextWriter w, IReadOnlyList<string> fields)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (i > 0) w.Write(',');
            w.Write(Field(fields[i]));
        }
        w.Write("\r\n");
    }

    /// <summary>A field as RFC 4180 writes it: quoted when it holds a comma, a quote, CR or LF (or starts or ends with a space).</summary>
    internal static string Field(string value)
    {
        bool quote = value.Length > 0 && (value[0] == ' ' || value[^1] == ' ');
        foreach (char c in value)
            if (c is ',' or '"' or '\r' or '\n') { quote = true; break; }
        if (!quote) return value;
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value) { if (c == '"') sb.Append('"'); sb.Append(c); }
        return sb.Append('"').ToString();
    }
}
