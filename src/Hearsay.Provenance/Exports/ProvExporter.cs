using System.Text.Encodings.Web;
using System.Text.Json;
using Hearsay.Provenance.Graph;

namespace Hearsay.Provenance.Exports;

/// <summary>
/// W3C PROV as PROV-O in JSON-LD (one "@graph", a self-contained "@context", ids relative to <see cref="ExportOptions.BaseIri"/>):
/// <list type="bullet">
/// <item><b>Agents</b>: sources (prov:Person, prov:Organization, or prov:Agent for anonymous and vague ones),
///   media and outlets (prov:Organization).</item>
/// <item><b>Entities</b>: the claim cluster; per cluster the origin's utterance (wasAttributedTo the source),
///   the statement as each medium or relay outside the corpus carried it, and the statement in each article;
///   the articles themselves (generatedAtTime).</item>
/// <item><b>Activities</b>: the publication of each article (wasAssociatedWith its outlet).</item>
/// <item><b>Derivations</b>: each statement wasDerivedFrom the hop before it (an earlier article it relays, a
///   relay, the origin's utterance); a direct quotation of the origin is prov:wasQuotedFrom the utterance.
///   Every statement is prov:specializationOf its claim cluster.</item>
/// </list>
/// </summary>
public sealed class ProvExporter : IGraphExporter
{
    public const string ProvNs = "http://www.w3.org/ns/prov#";
    public const string HearsayNs = "https://hearsay.dev/ns/provenance#";

    public string Format => "prov";
    public string FileExtension => ".jsonld";
    public string MediaType => "application/ld+json";

    public void Write(ProvenanceGraph graph, TextWriter output, ExportOptions options)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartObject("@context");
            w.WriteString("prov", ProvNs);
            w.WriteString("xsd", "http://www.w3.org/2001/XMLSchema#");
            w.WriteString("rdfs", "http://www.w3.org/2000/01/rdf-schema#");
            w.WriteString("schema", "https://schema.org/");
            w.WriteString("hearsay", HearsayNs);
            w.WriteString("@base", options.BaseIri);
            w.WriteEndObject();
            w.WriteStartArray("@graph");
            new Renderer(w, graph).Render();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.Write(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
        output.WriteLine();
    }

    /// <summary>A relative IRI for a graph id: path segments kept, everything else percent-encoded.</summary>
    internal static string Iri(string id) => string.Join('/', id.Split('/').Select(Uri.EscapeDataString));

    private sealed class Renderer(Utf8JsonWriter w, ProvenanceGraph graph)
    {
        private readonly HashSet<string> _written = new(StringComparer.Ordinal);

        public void Render()
        {
            // Agents: every source, medium and outlet node.
            foreach (var n in graph.Nodes)
            {
                if (n.Kind is not (NodeKind.Source or NodeKind.Media or NodeKind.Outlet)) continue;
                w.WriteStartObject();
                w.WriteString("@id", Iri(n.Id));
                w.WriteStartArray("@type");
                w.WriteStringValue("prov:Agent");
                if (n.Kind is NodeKind.Media or NodeKind.Outlet) w.WriteStringValue("prov:Organization");
                else if (n.Type == "person") w.WriteStringValue("prov:Person");
                else if (n.Type is "organization" or "country") w.WriteStringValue("prov:Organization");
                w.WriteStringValue(n.Kind switch { NodeKind.Source => "hearsay:Source", NodeKind.Outlet => "hearsay:Outlet", _ => "hearsay:Medium" });
                w.WriteEndArray();
                w.WriteString("rdfs:label", n.Label);
                if (n.Type is { } t) w.WriteString("hearsay:sourceKind", t);
                if (n.StateMedia) Bool("hearsay:stateMedia", true);
                w.WriteEndObject();
            }
            // Articles and their publication.
            var publishers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var e in graph.Edges)
                if (e.Kind == EdgeKind.PublishedBy) publishers.TryAdd(e.Source, e.Target);
            foreach (var a in graph.Articles)
            {
                var articleIri = Iri("article/" + a.Id);
                var outlet = publishers.GetValueOrDefault("article/" + a.Id);
                w.WriteStartObject();
                w.WriteString("@id", articleIri);
                w.WriteStartArray("@type");
                w.WriteStringValue("prov:Entity");
                w.WriteStringValue("schema:NewsArticle");
                w.WriteEndArray();
                if (a.Title is { } title) w.WriteString("rdfs:label", title);
                if (a.Url is { } url) Ref("schema:url", url);
                w.WriteString("schema:inLanguage", a.Language);
                if (a.Published is { } d) DateTime("prov:generatedAtTime", d);
                Ref("prov:wasGeneratedBy", Iri("publication/" + a.Id));
                if (outlet is not null) Ref("prov:wasAttributedTo", Iri(outlet));
                w.WriteEndObject();

                w.WriteStartObject();
                w.WriteString("@id", Iri("publication/" + a.Id));
                w.WriteString("@type", "prov:Activity");
                w.WriteString("rdfs:label", "publication of " + (a.Title ?? a.Id));
                if (a.Published is { } e) DateTime("prov:endedAtTime", e);
                if (outlet is not null) Ref("prov:wasAssociatedWith", Iri(outlet));
                w.WriteEndObject();
            }
            foreach (var r in graph.Claims) Claim(r);
        }

        private void Claim(ClusterReport r)
        {
            var claimIri = Iri("claim/" + r.Id);
            w.WriteStartObject();
            w.WriteString("@id", claimIri);
            w.WriteStartArray("@type");
            w.WriteStringValue("prov:Entity");
            w.WriteStringValue("hearsay:ClaimCluster");
            w.WriteEndArray();
            w.WriteString("rdfs:label", r.Text);
            w.WriteString("prov:value", r.Text);
            Int("hearsay:independentOrigins", r.IndependentOrigins);
            Int("hearsay:repetitions", r.Repetitions);
            Bool("hearsay:singleOrigin", r.SingleOrigin);
            w.WriteString("hearsay:dateBasis", r.DateBasis);
            if (r.Drift.Drifted) w.WriteString("hearsay:numberDrift", r.Drift.Summary);
            w.WriteEndObject();

            string Statement(Appearance a) => Iri($"statement/{r.Id}/{a.Article.Id}");
            foreach (var a in r.Appearances)
            {
                // What this statement rests on: the parent article's statement, the media and relays, the utterance.
                var derivedFrom = new List<string>();
                string? quoted = null;
                string? previous = null;
                if (a.Origin is { } o && a.OriginBasis == "stated")
                {
                    previous = Utterance(r, o);
                    if (a.Principal.Form == "direct" && a.Hops.Count == 0 && a.Parent is null) quoted = previous;
                }
                foreach (var h in a.Hops)
                {
                    if (a.Parent is { } p && p.Outlet.Key == h.Key) { previous = Statement(p); continue; }
                    var carried = Iri($"carried/{r.Id}/{h.Key}");
                    if (_written.Add(carried))
                    {
                        w.WriteStartObject();
                        w.WriteString("@id", carried);
                        w.WriteString("@type", "prov:Entity");
                        w.WriteString("rdfs:label", $"the claim as carried by {h.Name}");
                        Ref("prov:specializationOf", claimIri);
                        Ref("prov:wasAttributedTo", Iri("outlet/" + h.Key));
                        if (previous is not null) Ref("prov:wasDerivedFrom", previous);
                        w.WriteEndObject();
                    }
                    previous = carried;
                }
                if (a.Parent is { } parent && !derivedFrom.Contains(Statement(parent)) && previous != Statement(parent)) derivedFrom.Add(Statement(parent));
                if (previous is not null && previous != quoted) derivedFrom.Add(previous);

                w.WriteStartObject();
                w.WriteString("@id", Statement(a));
                w.WriteStartArray("@type");
                w.WriteStringValue("prov:Entity");
                w.WriteStringValue("hearsay:Statement");
                w.WriteEndArray();
                w.WriteString("prov:value", a.Principal.Text);
                w.WriteString("hearsay:form", a.Principal.Form);
                Ref("prov:specializationOf", claimIri);
                Ref("prov:wasGeneratedBy", Iri("publication/" + a.Article.Id));
                Ref("schema:isPartOf", Iri("article/" + a.Article.Id));
                if (a.Outlet.Key.Length > 0) Ref("prov:wasAttributedTo", Iri("outlet/" + a.Outlet.Key));
                if (a.Article.Published is { } d) DateTime("prov:generatedAtTime", d);
                if (quoted is not null) Ref("prov:wasQuotedFrom", quoted);
                if (derivedFrom.Count > 0) Refs("prov:wasDerivedFrom", derivedFrom);
                if (a.Quantity is { } q) w.WriteString("hearsay:number", q.AsWritten);
                w.WriteEndObject();
            }
        }

        /// <summary>The origin's utterance of the claim: one entity per claim and origin.</summary>
        private string Utterance(ClusterReport r, OriginRef o)
        {
            var id = Iri($"utterance/{r.Id}/{o.Key}");
            if (_written.Add(id))
            {
                w.WriteStartObject();
                w.WriteString("@id", id);
                w.WriteString("@type", "prov:Entity");
                w.WriteString("rdfs:label", $"{o.Name}: the claim at its origin");
                Ref("prov:specializationOf", Iri("claim/" + r.Id));
                Ref("prov:wasAttributedTo", Iri(o.Kind == "media" ? "outlet/" + o.Key : o.NodeId));
                w.WriteEndObject();
            }
            return id;
        }

        private void Ref(string name, string iri)
        {
            w.WriteStartObject(name);
            w.WriteString("@id", iri);
            w.WriteEndObject();
        }

        private void Refs(string name, List<string> iris)
        {
            w.WriteStartArray(name);
            foreach (var iri in iris)
            {
                w.WriteStartObject();
                w.WriteString("@id", iri);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        private void DateTime(string name, DateTimeOffset d)
        {
            w.WriteStartObject(name);
            w.WriteString("@value", GraphExporters.Iso(d));
            w.WriteString("@type", "xsd:dateTime");
            w.WriteEndObject();
        }

        private void Int(string name, int value)
        {
            w.WriteStartObject(name);
            w.WriteString("@value", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("@type", "xsd:integer");
            w.WriteEndObject();
        }

        private void Bool(string name, bool value)
        {
            w.WriteStartObject(name);
            w.WriteString("@value", value ? "true" : "false");
            w.WriteString("@type", "xsd:boolean");
            w.WriteEndObject();
        }
    }
}
