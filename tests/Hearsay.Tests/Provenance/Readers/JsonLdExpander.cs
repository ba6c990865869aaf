using System.Text.Json;

namespace Hearsay.Tests.Provenance.Readers;

/// <summary>
/// A small, independent JSON-LD reader for the tests: it expands a document the way JSON-LD 1.1 expansion does for
/// the features the exports use (a context of prefixes, @vocab and @base; compact IRIs; @id, @type, @value, @graph;
/// nested node objects, blank nodes, arrays) and flattens the result into nodes keyed by IRI. It shares no code with
/// the writers. Keys that would not expand to an IRI are collected in <see cref="Dropped"/> (a JSON-LD processor
/// silently drops them, so a correct document has none). The remote context "https://schema.org" is resolved
/// offline as the schema.org context defines it: @vocab "https://schema.org/".
/// </summary>
public sealed class JsonLdExpander
{
    public sealed class Node
    {
        public required string Id { get; init; }
        public HashSet<string> Types { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, List<Value>> Properties { get; } = new(StringComparer.Ordinal);
        public IEnumerable<Value> Get(string iri) => Properties.TryGetValue(iri, out var v) ? v : [];
    }

    /// <summary>A property value: a reference to a node (IRI or blank node id) or a literal with an optional datatype.</summary>
    public sealed record Value(string? Ref, string? Literal, string? Datatype);

    public Dictionary<string, Node> Nodes { get; } = new(StringComparer.Ordinal);
    public List<string> Dropped { get; } = new();
    private int _blank;

    private sealed record Context(Dictionary<string, string> Terms, string? Vocab, string? Base);

    public static JsonLdExpander Expand(string json)
    {
        var e = new JsonLdExpander();
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var ctx = root.TryGetProperty("@context", out var c) ? ReadContext(c) : new Context(new(), null, null);
        if (root.TryGetProperty("@graph", out var graph))
            foreach (var item in graph.EnumerateArray()) e.NodeObject(item, ctx);
        else e.NodeObject(root, ctx);
        return e;
    }

    private static Context ReadContext(JsonElement c)
    {
        if (c.ValueKind == JsonValueKind.String)
        {
            if (c.GetString() is "https://schema.org" or "https://schema.org/" or "http://schema.org") return new Context(new(), "https://schema.org/", null);
            throw new InvalidOperationException("remote context not available offline: " + c.GetString());
        }
        var terms = new Dictionary<string, string>(StringComparer.Ordinal);
        string? vocab = null, @base = null;
        foreach (var p in c.EnumerateObject())
        {
            if (p.Name == "@vocab") vocab = p.Value.GetString();
            else if (p.Name == "@base") @base = p.Value.GetString();
            else if (p.Value.ValueKind == JsonValueKind.String) terms[p.Name] = p.Value.GetString()!;
            else throw new InvalidOperationException("expanded term definitions are not used by the exports: " + p.Name);
        }
        return new Context(terms, vocab, @base);
    }

    private static bool IsAbsolute(string s) =>
        Uri.TryCreate(s, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" or "urn" or "mailto";

    /// <summary>A key or @type value: a keyword, a compact IRI, an absolute IRI, or a term under @vocab.</summary>
    private string? ExpandVocab(string s, Context ctx)
    {
        if (s.StartsWith('@')) return s;
        int colon = s.IndexOf(':');
        if (colon > 0 && ctx.Terms.TryGetValue(s[..colon], out var prefix) && !s[(colon + 1)..].StartsWith("//")) return prefix + s[(colon + 1)..];
        if (ctx.Terms.TryGetValue(s, out var term)) return term;
        if (IsAbsolute(s)) return s;
        return ctx.Vocab is null ? null : ctx.Vocab + s;
    }

    /// <summary>An @id value: a compact or absolute IRI, or a reference relative to @base.</summary>
    private static string ExpandId(string s, Context ctx)
    {
        if (s.StartsWith("_:")) return s;
        int colon = s.IndexOf(':');
        if (colon > 0 && ctx.Terms.TryGetValue(s[..colon], out var prefix) && !s[(colon + 1)..].StartsWith("//")) return prefix + s[(colon + 1)..];
        if (IsAbsolute(s)) return s;
        if (ctx.Base is null) throw new InvalidOperationException("relative @id without @base: " + s);
        return new Uri(new Uri(ctx.Base), s).AbsoluteUri;
    }

    private string NodeObject(JsonElement obj, Context ctx)
    {
        if (obj.TryGetProperty("@context", out var inner)) ctx = ReadContext(inner);
        string id = obj.TryGetProperty("@id", out var idEl) ? ExpandId(idEl.GetString()!, ctx) : "_:b" + _blank++;
        if (!Nodes.TryGetValue(id, out var node)) Nodes[id] = node = new Node { Id = id };
        foreach (var p in obj.EnumerateObject())
        {
            if (p.Name is "@id" or "@context") continue;
            if (p.Name == "@type")
            {
                foreach (var t in p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray().ToArray() : [p.Value])
                {
                    var iri = ExpandVocab(t.GetString()!, ctx);
                    if (iri is null) Dropped.Add("@type " + t.GetString());
                    else node.Types.Add(iri);
                }
                continue;
            }
            var key = ExpandVocab(p.Name, ctx);
            if (key is null || key.StartsWith('@')) { Dropped.Add(p.Name); continue; }
            if (!node.Properties.TryGetValue(key, out var list)) node.Properties[key] = list = new List<Value>();
            foreach (var v in p.Value.ValueKind == JsonValueKind.Array ? p.Value.EnumerateArray().ToArray() : [p.Value])
            {
                var value = ValueOf(v, ctx);
                if (!list.Contains(value)) list.Add(value); // a node described twice states each value once (RDF is a set)
            }
        }
        return id;
    }

    private Value ValueOf(JsonElement v, Context ctx)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.String: return new Value(null, v.GetString(), null);
            case JsonValueKind.Number: return new Value(null, v.GetRawText(), "http://www.w3.org/2001/XMLSchema#double");
            case JsonValueKind.True or JsonValueKind.False: return new Value(null, v.GetRawText(), "http://www.w3.org/2001/XMLSchema#boolean");
            case JsonValueKind.Object when v.TryGetProperty("@value", out var lit):
                string? type = v.TryGetProperty("@type", out var t) ? ExpandVocab(t.GetString()!, ctx) : null;
                return new Value(null, lit.ValueKind == JsonValueKind.String ? lit.GetString() : lit.GetRawText(), type);
            case JsonValueKind.Object when v.EnumerateObject().All(p => p.Name == "@id"):
                return new Value(ExpandId(v.GetProperty("@id").GetString()!, ctx), null, null);
            case JsonValueKind.Object:
                return new Value(NodeObject(v, ctx), null, null);
            default:
                throw new InvalidOperationException("unexpected JSON-LD value: " + v.GetRawText());
        }
    }
}
