using System.Globalization;
using System.Xml;
using Hearsay.Provenance.Graph;

namespace Hearsay.Provenance.Exports;

/// <summary>
/// GraphML (graphml.graphdrawing.org) as Gephi and yEd read it: one directed graph, every node and edge attribute
/// declared as a typed &lt;key&gt; (string, int, boolean), node ids "n0", "n1", … (GraphML ids are XML name
/// tokens) with Hearsay's own id in the "hearsay_id" attribute, and a "label" attribute on nodes and edges
/// that both tools show. Claim nodes carry the derived facts (articles, origins, single origin, drift).
/// </summary>
public sealed class GraphMlExporter : IGraphExporter
{
    public const string Namespace = "http://graphml.graphdrawing.org/xmlns";

    public string Format => "graphml";
    public string FileExtension => ".graphml";
    public string MediaType => "application/graphml+xml";

    /// <summary>The attribute keys: id, domain, name, type.</summary>
    public static readonly (string Id, string For, string Name, string Type)[] Keys =
    [
        ("d0", "node", "label", "string"),
        ("d1", "node", "kind", "string"),
        ("d2", "node", "hearsay_id", "string"),
        ("d3", "node", "type", "string"),
        ("d4", "node", "state_media", "boolean"),
        ("d5", "node", "language", "string"),
        ("d6", "node", "url", "string"),
        ("d7", "node", "published", "string"),
        ("d8", "node", "outlet", "string"),
        ("d9", "node", "articles", "int"),
        ("d10", "node", "independent_origins", "int"),
        ("d11", "node", "repetitions", "int"),
        ("d12", "node", "single_origin", "boolean"),
        ("d13", "node", "drift", "string"),
        ("d14", "node", "first_seen", "string"),
        ("d20", "edge", "label", "string"),
        ("d21", "edge", "kind", "string"),
        ("d22", "edge", "claim", "string"),
        ("d23", "edge", "role", "string"),
        ("d24", "edge", "count", "int"),
        ("d25", "edge", "first_seen", "string"),
        ("d26", "edge", "inferred", "boolean"),
    ];

    public void Write(ProvenanceGraph graph, TextWriter output, ExportOptions options)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new System.Text.UTF8Encoding(false), OmitXmlDeclaration = false };
        using var x = XmlWriter.Create(output, settings);
        x.WriteStartDocument();
        x.WriteStartElement("graphml", Namespace);
        x.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        x.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance",
            Namespace + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
        x.WriteComment($" Hearsay {options.HearsayVersion} provenance graph, {GraphExporters.Iso(options.Generated)} ");
        foreach (var (id, domain, name, type) in Keys)
        {
            x.WriteStartElement("key", Namespace);
            x.WriteAttributeString("id", id);
            x.WriteAttributeString("for", domain);
            x.WriteAttributeString("attr.name", name);
            x.WriteAttributeString("attr.type", type);
            x.WriteEndElement();
        }
        x.WriteStartElement("graph", Namespace);
        x.WriteAttributeString("id", "hearsay");
        x.WriteAttributeString("edgedefault", "directed");

        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        var claims = graph.Claims.ToDictionary(c => c.Id, StringComparer.Ordinal);
        foreach (var n in graph.Nodes)
        {
            var gid = "n" + ids.Count.ToString(CultureInfo.InvariantCulture);
            ids[n.Id] = gid;
            x.WriteStartElement("node", Namespace);
            x.WriteAttributeString("id", gid);
            Data(x, "d0", n.Kind == NodeKind.Claim ? Short(n.Label) : n.Label);
            Data(x, "d1", GraphExporters.Name(n.Kind));
            Data(x, "d2", n.Id);
            if (n.Type is { } t) Data(x, "d3", t);
            Data(x, "d4", n.StateMedia ? "true" : "false");
            if (n.Language is { } l) Data(x, "d5", l);
            if (n.Url is { } u) Data(x, "d6", u);
            if (n.Published is { } p) Data(x, "d7", GraphExporters.Iso(p));
            if (n.Outlet is { } o) Data(x, "d8", o);
            if (n.ClaimId is { } cid && claims.TryGetValue(cid, out var r))
            {
                Data(x, "d9", r.Appearances.Count.ToString(CultureInfo.InvariantCulture));
                Data(x, "d10", r.IndependentOrigins.ToString(CultureInfo.InvariantCulture));
                Data(x, "d11", r.Repetitions.ToString(CultureInfo.InvariantCulture));
                Data(x, "d12", r.SingleOrigin ? "true" : "false");
                if (r.Drift.Summary.Length > 0) Data(x, "d13", r.Drift.Summary);
                if (r.First.Article.Published is { } f) Data(x, "d14", GraphExporters.Iso(f));
            }
            x.WriteEndElement();
        }
        int e = 0;
        foreach (var edge in graph.Edges)
        {
            if (!ids.TryGetValue(edge.Source, out var s) || !ids.TryGetValue(edge.Target, out var t)) continue;
            x.WriteStartElement("edge", Namespace);
            x.WriteAttributeString("id", "e" + (e++).ToString(CultureInfo.InvariantCulture));
            x.WriteAttributeString("source", s);
            x.WriteAttributeString("target", t);
            Data(x, "d20", GraphExporters.Name(edge.Kind));
            Data(x, "d21", GraphExporters.Name(edge.Kind));
            if (edge.ClaimId is { } c) Data(x, "d22", c);
            if (edge.Role is { } role) Data(x, "d23", role);
            Data(x, "d24", edge.Count.ToString(CultureInfo.InvariantCulture));
            if (edge.FirstSeen is { } fs) Data(x, "d25", GraphExporters.Iso(fs));
            Data(x, "d26", edge.Inferred ? "true" : "false");
            x.WriteEndElement();
        }
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteEndDocument();
    }

    /// <summary>The text without characters XML 1.0 cannot hold (control characters other than tab and line breaks).</summary>
    private static string XmlSafe(string value)
    {
        foreach (char c in value)
            if (!XmlConvert.IsXmlChar(c) && !char.IsSurrogate(c))
                return new string(value.Where(ch => XmlConvert.IsXmlChar(ch) || char.IsSurrogate(ch)).ToArray());
        return value;
    }

    private static string Short(string text) => text.Length <= 80 ? text : text[..77] + "...";

    private static void Data(XmlWriter x, string key, string value)
    {
        x.WriteStartElement("data", Namespace);
        x.WriteAttributeString("key", key);
        x.WriteString(XmlSafe(value));
        x.WriteEndElement();
    }
}
