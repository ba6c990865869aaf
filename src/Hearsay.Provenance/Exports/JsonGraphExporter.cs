using System.Text.Encodings.Web;
using System.Text.Json;
using Hearsay.Provenance.Graph;
using Hearsay.Provenance.Model;

namespace Hearsay.Provenance.Exports;

/// <summary>
/// The "hearsay.provenance/1" JSON document (docs/provenance.md, docs/schema/hearsay-provenance-1.schema.json):
/// the claim clusters with everything derived for them (order of appearance, origins, relays, drift, appearances
/// with their mentions and chains), the articles, and the graph's nodes and edges. Fixed key order, snake_case
/// keys, kebab-case values; a key is always present (null when unknown).
/// </summary>
public sealed class JsonGraphExporter : IGraphExporter
{
    public const string SchemaName = "hearsay.provenance/1";

    public string Format => "json";
    public string FileExtension => ".json";
    public string MediaType => "application/json";

    public void Write(ProvenanceGraph graph, TextWriter output, ExportOptions options)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("schema", SchemaName);
            w.WriteString("hearsay_version", options.HearsayVersion);
            w.WriteString("generated", GraphExporters.Iso(options.Generated));
            w.WriteStartArray("claims");
            for (int i = 0; i < graph.Claims.Count; i++) WriteClaim(w, graph.Claims[i], i + 1);
            w.WriteEndArray();
            w.WriteStartArray("articles");
            foreach (var a in graph.Articles) WriteArticle(w, a);
            w.WriteEndArray();
            w.WriteStartArray("nodes");
            foreach (var n in graph.Nodes)
            {
                w.WriteStartObject();
                w.WriteString("id", n.Id);
                w.WriteString("kind", GraphExporters.Name(n.Kind));
                w.WriteString("label", n.Label);
                Str(w, "type", n.Type);
                w.WriteBoolean("state_media", n.StateMedia);
                Str(w, "language", n.Language);
                Str(w, "url", n.Url);
                Date(w, "published", n.Published);
                Str(w, "outlet", n.Outlet);
                Str(w, "claim", n.ClaimId);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartArray("edges");
            foreach (var e in graph.Edges)
            {
                w.WriteStartObject();
                w.WriteString("source", e.Source);
                w.WriteString("target", e.Target);
                w.WriteString("kind", GraphExporters.Name(e.Kind));
                Str(w, "claim", e.ClaimId);
                Str(w, "role", e.Role);
                w.WriteNumber("count", e.Count);
                Date(w, "first_seen", e.FirstSeen);
                w.WriteBoolean("inferred", e.Inferred);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.WriteLine();
    }

    private static void WriteClaim(Utf8JsonWriter w, ClusterReport r, int rank)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteNumber("rank", rank);
        w.WriteString("text", r.Text);
        w.WriteStartArray("languages");
        foreach (var l in r.Languages) w.WriteStringValue(l);
        w.WriteEndArray();
        w.WriteNumber("articles", r.Appearances.Count);
        w.WriteNumber("outlets", r.Outlets);
        w.WriteNumber("mentions", r.Mentions);
        w.WriteString("date_basis", r.DateBasis);
        w.WriteStartObject("first_appearance");
        w.WriteString("article", r.First.Article.Id);
        Str(w, "outlet", r.First.Outlet.Name.Length > 0 ? r.First.Outlet.Name : null);
        Date(w, "published", r.First.Article.Published);
        w.WriteString("language", r.First.Article.Language);
        w.WriteNumber("sequence", r.First.Article.Sequence);
        w.WriteEndObject();
        w.WriteStartArray("origins");
        foreach (var o in r.Origins)
        {
            w.WriteStartObject();
            OriginFields(w, o.Origin);
            w.WriteBoolean("counts", ProvenanceBuilder.Counts(o.Origin));
            w.WriteNumber("appearances", o.Appearances);
            w.WriteNumber("stated", o.Stated);
            w.WriteStartArray("media");
            foreach (var m in o.Media) w.WriteStringValue(m);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteNumber("independent_origins", r.IndependentOrigins);
        w.WriteNumber("repetitions", r.Repetitions);
        w.WriteNumber("unsourced", r.Unsourced);
        w.WriteNumber("vague_only", r.VagueOnly);
        w.WriteBoolean("single_origin", r.SingleOrigin);
        w.WriteStartArray("relays");
        foreach (var s in r.Relays)
        {
            w.WriteStartObject();
            w.WriteNumber("order", s.Order);
            w.WriteString("key", s.Key);
            w.WriteString("name", s.Name);
            w.WriteString("role", s.Role);
            Date(w, "first_seen", s.FirstSeen);
            w.WriteString("article", s.FirstArticleId);
            w.WriteBoolean("state_media", s.StateMedia);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("drift");
        w.WriteBoolean("drifted", r.Drift.Drifted);
        w.WriteString("summary", r.Drift.Summary);
        Num(w, "min", r.Drift.Min);
        Num(w, "max", r.Drift.Max);
        w.WriteStartArray("points");
        foreach (var p in r.Drift.Points)
        {
            w.WriteStartObject();
            w.WriteString("article", p.ArticleId);
            Date(w, "published", p.Published);
            w.WriteString("language", p.Language);
            w.WriteString("outlet", p.Outlet);
            QuantityFields(w, p.Quantity);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartArray("appearances");
        foreach (var a in r.Appearances)
        {
            w.WriteStartObject();
            w.WriteNumber("order", a.Order);
            w.WriteString("article", a.Article.Id);
            Str(w, "outlet", a.Outlet.Name.Length > 0 ? a.Outlet.Name : null);
            Date(w, "published", a.Article.Published);
            w.WriteString("language", a.Article.Language);
            Origin(w, "origin", a.Origin);
            w.WriteString("origin_basis", a.OriginBasis);
            Origin(w, "stated_origin", a.StatedOrigin);
            Str(w, "parent", a.Parent?.Article.Id);
            w.WriteStartArray("hops");
            foreach (var h in a.Hops) Hop(w, h);
            w.WriteEndArray();
            w.WriteStartArray("cites");
            foreach (var c in a.Cites.OrderBy(x => x, StringComparer.Ordinal)) w.WriteStringValue(c);
            w.WriteEndArray();
            if (a.Quantity is { } q)
            {
                w.WriteStartObject("quantity");
                QuantityFields(w, q);
                w.WriteEndObject();
            }
            else w.WriteNull("quantity");
            w.WriteStartArray("mentions");
            foreach (var m in a.Mentions)
            {
                w.WriteStartObject();
                w.WriteString("claim", m.LocalId);
                w.WriteString("text", m.Text);
                w.WriteString("form", m.Form);
                w.WriteBoolean("headline", m.Headline);
                w.WriteBoolean("principal", ReferenceEquals(m, a.Principal));
                w.WriteStartArray("chain");
                foreach (var h in m.Chain) Hop(w, h);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteArticle(Utf8JsonWriter w, ArticleInfo a)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        Str(w, "title", a.Title);
        Str(w, "url", a.Url);
        Str(w, "path", a.Path);
        Str(w, "outlet", a.Outlet);
        Date(w, "published", a.Published);
        w.WriteString("published_from", a.PublishedFrom switch { DateSource.Metadata => "metadata", DateSource.Text => "text", _ => "none" });
        w.WriteString("language", a.Language);
        w.WriteNumber("sequence", a.Sequence);
        w.WriteEndObject();
    }

    private static void Origin(Utf8JsonWriter w, string name, OriginRef? o)
    {
        if (o is null) { w.WriteNull(name); return; }
        w.WriteStartObject(name);
        OriginFields(w, o);
        w.WriteEndObject();
    }

    private static void OriginFields(Utf8JsonWriter w, OriginRef o)
    {
        w.WriteString("key", o.Key);
        w.WriteString("name", o.Name);
        w.WriteString("kind", o.Kind);
        w.WriteString("node", o.Kind == "media" ? "outlet/" + o.Key : o.NodeId);
    }

    private static void Hop(Utf8JsonWriter w, ChainHop h)
    {
        w.WriteStartObject();
        w.WriteString("role", h.Role);
        w.WriteString("name", h.Name);
        w.WriteString("kind", h.Kind);
        w.WriteString("key", h.Key);
        w.WriteBoolean("identified", h.Identified);
        w.WriteBoolean("state_media", h.StateMedia);
        w.WriteBoolean("inferred", h.Inferred);
        w.WriteEndObject();
    }

    private static void QuantityFields(Utf8JsonWriter w, QuantityFact q)
    {
        w.WriteString("as_written", q.AsWritten);
        w.WriteString("text", q.Text);
        w.WriteString("normalized", ProvenanceBuilder.Render(q));
        w.WriteString("kind", q.Kind);
        Num(w, "value", q.Value);
        Num(w, "upper_value", q.UpperValue);
        Str(w, "unit", q.Unit);
        w.WriteString("bound", q.Bound);
        w.WriteBoolean("approximate", q.Approximate);
    }

    private static void Str(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    private static void Date(Utf8JsonWriter w, string name, DateTimeOffset? value)
    {
        if (value is { } d) w.WriteString(name, GraphExporters.Iso(d)); else w.WriteNull(name);
    }

    private static void Num(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) w.WriteNumber(name, v); else w.WriteNull(name);
    }
}
