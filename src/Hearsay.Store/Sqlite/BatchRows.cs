using System.Buffers;
using System.Text;
using System.Text.Json;
using Hearsay.Store.Indexing;

namespace Hearsay.Store.Sqlite;

/// <summary>
/// The query rows of one write batch, gathered as JSON arrays (one per table, each row an array of column
/// values) that the store inserts with one statement each (<c>INSERT … SELECT value->>0, … FROM json_each(?)</c>). Names are referred to by their unique key
/// (role, kind, case-folded name), which the statements look up after the names are upserted, so no ids need
/// to travel back to the caller.
/// </summary>
internal sealed class BatchRows
{
    private const int PassageBits = 12;

    private readonly Table _names = new(), _links = new(), _attributions = new(), _claims = new(), _passages = new();

    public bool IsEmpty { get; private set; } = true;

    public void Add(long articleId, ArticleFacts facts)
    {
        IsEmpty = false;
        var w = _names.Writer;
        foreach (var n in facts.Names)
        {
            // [role, kind, name, norm, state media, statements]
            w.WriteStartArray();
            w.WriteNumberValue((int)n.Role);
            w.WriteStringValue(n.Kind);
            w.WriteStringValue(n.Name);
            w.WriteStringValue(n.Norm);
            w.WriteNumberValue(n.StateMedia ? 1 : 0);
            w.WriteNumberValue(n.Statements);
            w.WriteEndArray();
        }
        w = _links.Writer;
        foreach (var link in facts.Links) LinkRow(w, facts, link);
        w = _attributions.Writer;
        foreach (var at in facts.Attributions)
        {
            // [article, ordinal, kind, source kind, source norm, medium kind, medium norm, cue]
            w.WriteStartArray();
            w.WriteNumberValue(articleId);
            w.WriteNumberValue(at.Ordinal);
            w.WriteStringValue(at.Kind);
            NameKey(w, facts, at.Source);
            NameKey(w, facts, at.Medium);
            w.WriteStringValue(at.Cue);
            w.WriteEndArray();
        }
        w = _claims.Writer;
        foreach (var cl in facts.Claims)
        {
            // [article, ordinal, attribution, origin, first hand, independent sources, hedged, state-media origin, chain]
            w.WriteStartArray();
            w.WriteNumberValue(articleId);
            w.WriteNumberValue(cl.Ordinal);
            if (cl.Attribution >= 0) w.WriteNumberValue(cl.Attribution); else w.WriteNullValue();
            w.WriteStringValue(cl.Origin);
            w.WriteNumberValue(cl.FirstHand ? 1 : 0);
            w.WriteNumberValue(cl.IndependentSources);
            w.WriteNumberValue(cl.HedgedByAuthor ? 1 : 0);
            w.WriteNumberValue(cl.StateMediaOrigin ? 1 : 0);
            w.WriteStringValue(cl.Chain);
            w.WriteEndArray();
        }
        w = _passages.Writer;
        for (int i = 0; i < facts.Passages.Count && i < ArticleFacts.MaxPassages; i++)
        {
            // [rowid, text, kind, source, ref]
            var ps = facts.Passages[i];
            w.WriteStartArray();
            w.WriteNumberValue((articleId << PassageBits) | (long)i);
            w.WriteStringValue(ps.Text);
            w.WriteStringValue(ps.Kind);
            if (ps.Source is null) w.WriteNullValue(); else w.WriteStringValue(ps.Source);
            w.WriteStringValue(ps.Ref);
            w.WriteEndArray();
        }
    }

    /// <summary>[source kind, source norm, channel role, channel kind, channel norm, statements]</summary>
    private static void LinkRow(Utf8JsonWriter w, ArticleFacts facts, LinkFact link)
    {
        var s = facts.Names[link.Source];
        var c = facts.Names[link.Channel];
        w.WriteStartArray();
        w.WriteStringValue(s.Kind);
        w.WriteStringValue(s.Norm);
        w.WriteNumberValue((int)c.Role);
        w.WriteStringValue(c.Kind);
        w.WriteStringValue(c.Norm);
        w.WriteNumberValue(link.Statements);
        w.WriteEndArray();
    }

    /// <summary>A name's key (kind, norm), or two nulls.</summary>
    private static void NameKey(Utf8JsonWriter w, ArticleFacts facts, int index)
    {
        if (index < 0)
        {
            w.WriteNullValue();
            w.WriteNullValue();
            return;
        }
        w.WriteStringValue(facts.Names[index].Kind);
        w.WriteStringValue(facts.Names[index].Norm);
    }

    /// <summary>An article's part of the running counts, kept with it (<c>articles.shares</c>) so that it can be
    /// subtracted when the article is replaced: <c>{"names": [[role, kind, norm, statements]…], "links": [link rows]}</c>.</summary>
    public static string Shares(ArticleFacts facts)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteStartArray("names");
            foreach (var n in facts.Names)
            {
                w.WriteStartArray();
                w.WriteNumberValue((int)n.Role);
                w.WriteStringValue(n.Kind);
                w.WriteStringValue(n.Norm);
                w.WriteNumberValue(n.Statements);
                w.WriteEndArray();
            }
            w.WriteEndArray();
            w.WriteStartArray("links");
            foreach (var link in facts.Links) LinkRow(w, facts, link);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public (string Names, string Links, string Attributions, string Claims, string Passages) Finish() =>
        (_names.Finish(), _links.Finish(), _attributions.Finish(), _claims.Finish(), _passages.Finish());

    /// <summary>One JSON array of rows, each row an array of column values (cheaper for SQLite than objects).</summary>
    private sealed class Table
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
        private readonly Utf8JsonWriter _writer;

        public Table()
        {
            _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            _writer.WriteStartArray();
        }

        public Utf8JsonWriter Writer => _writer;

        public string Finish()
        {
            _writer.WriteEndArray();
            _writer.Flush();
            return Encoding.UTF8.GetString(_buffer.WrittenSpan);
        }
    }
}
