using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hearsay.Provenance.Graph;

namespace Hearsay.Provenance.Exports;

/// <summary>
/// schema.org ClaimReview in JSON-LD, one per claim cluster (in an "@graph"). The reviewed item is a
/// <c>Claim</c> with its <c>author</c> (the origin sources), <c>datePublished</c> and <c>firstAppearance</c>
/// (the first article), and <c>appearance</c> (every article: NewsArticle with url, headline, date, language and
/// publisher). The review's <c>reviewBody</c> states the sourcing found (origins, repetitions, number drift).
/// No <c>reviewRating</c> is written: Hearsay reports how a claim is sourced, not whether it is true.
/// </summary>
public sealed class ClaimReviewExporter : IGraphExporter
{
    public string Format => "claimreview";
    public string FileExtension => ".jsonld";
    public string MediaType => "application/ld+json";

    public void Write(ProvenanceGraph graph, TextWriter output, ExportOptions options)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("@context", "https://schema.org");
            w.WriteStartArray("@graph");
            foreach (var r in graph.Claims) Review(w, r, options);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.WriteLine();
    }

    private static void Review(Utf8JsonWriter w, ClusterReport r, ExportOptions options)
    {
        w.WriteStartObject();
        w.WriteString("@type", "ClaimReview");
        w.WriteString("@id", options.BaseIri + "claim/" + r.Id + "#review");
        w.WriteString("claimReviewed", r.Text);
        w.WriteString("datePublished", GraphExporters.IsoDate(options.Generated));
        w.WriteStartObject("author");
        w.WriteString("@type", "Organization");
        w.WriteString("name", "Hearsay");
        w.WriteString("description", "Claim-provenance engine: reports how a claim is sourced, not whether it is true.");
        w.WriteEndObject();
        w.WriteString("reviewBody", Summary(r));

        w.WriteStartObject("itemReviewed");
        w.WriteString("@type", "Claim");
        w.WriteString("@id", options.BaseIri + "claim/" + r.Id);
        w.WriteString("text", r.Text);
        w.WriteStartArray("inLanguage");
        foreach (var l in r.Languages) w.WriteStringValue(l);
        w.WriteEndArray();
        if (r.First.Article.Published is { } first) w.WriteString("datePublished", GraphExporters.IsoDate(first));
        var authors = r.Origins.Where(o => ProvenanceBuilder.Counts(o.Origin)).ToList();
        if (authors.Count > 0)
        {
            w.WriteStartArray("author");
            foreach (var o in authors)
            {
                w.WriteStartObject();
                w.WriteString("@type", o.Origin.Kind switch
                {
                    "person" => "Person",
                    "organization" or "media" or "country" => "Organization",
                    _ => "Thing",
                });
                w.WriteString("name", o.Origin.Name);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WritePropertyName("firstAppearance");
        Article(w, r.First, options);
        w.WriteStartArray("appearance");
        foreach (var a in r.Appearances) Article(w, a, options);
        w.WriteEndArray();
        w.WriteEndObject();

        w.WriteEndObject();
    }

    private static void Article(Utf8JsonWriter w, Appearance a, ExportOptions options)
    {
        w.WriteStartObject();
        w.WriteString("@type", "NewsArticle");
        w.WriteString("@id", a.Article.Url ?? options.BaseIri + "article/" + a.Article.Id);
        if (a.Article.Url is { } url) w.WriteString("url", url);
        if (a.Article.Title is { } title) w.WriteString("headline", title);
        if (a.Article.Published is { } d) w.WriteString("datePublished", GraphExporters.Iso(d));
        w.WriteString("inLanguage", a.Article.Language);
        if (a.Outlet.Name.Length > 0)
        {
            w.WriteStartObject("publisher");
            w.WriteString("@type", "Organization");
            w.WriteString("name", a.Outlet.Name);
            w.WriteEndObject();
        }
        w.WriteString("text", a.Principal.Text);
        w.WriteEndObject();
    }

    /// <summary>The sourcing in one paragraph, in English.</summary>
    internal static string Summary(ClusterReport r)
    {
        var ci = CultureInfo.InvariantCulture;
        var parts = new List<string>
        {
            string.Format(ci, "Sourcing only, no verdict on truth. The claim appears in {0} article(s) from {1} outlet(s) ({2}), first in {3}{4}.",
                r.Appearances.Count, r.Outlets, string.Join(", ", r.Languages),
                r.First.Outlet.Name.Length > 0 ? r.First.Outlet.Name : "an article",
                r.First.Article.Published is { } d ? " on " + GraphExporters.IsoDate(d) : " (first by ingest order)"),
        };
        var counted = r.Origins.Where(o => ProvenanceBuilder.Counts(o.Origin)).ToList();
        if (counted.Count == 0) parts.Add("No article names a source for it.");
        else parts.Add(string.Format(ci, "{0} independent origin(s): {1}; {2} repetition(s){3}.", r.IndependentOrigins,
            string.Join(", ", counted.Select(o => $"{o.Origin.Name} ({o.Origin.Kind}, {o.Appearances} appearance(s))")), r.Repetitions,
            r.SingleOrigin ? ": everything rests on a single origin" : ""));
        if (r.Unsourced > 0) parts.Add(string.Format(ci, "{0} appearance(s) name no source.", r.Unsourced));
        if (r.Drift.Drifted) parts.Add("The number drifts: " + r.Drift.Summary + ".");
        return string.Join(" ", parts);
    }
}
