using System.Buffers;
using System.Text;
using System.Text.Json;
using Hearsay.Store.Indexing;

namespace Hearsay.Store.Sqlite;

/// <summary>
/// The query rows of one write batch, gathered as JSON arrays (one per table) that the store inserts with one
/// statement each (<c>INSERT … SELECT … FROM json_each(?)</c>). Names are referred to by their unique key
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
        foreach (var n in facts.Names)
        {
            var w = _names.Row();
            w.WriteNumber("a", articleId);
            w.WriteNumber("r", (int)n.Role);
            w.WriteString("k", n.Kind);
            w.WriteString("n", n.Name);
            w.WriteString("m", n.Norm);
            w.WriteNumber("s", n.StateMedia ? 1 : 0);
            w.WriteNumber("t", n.Statements);
            _names.End();
        }
        foreach (var link in facts.Links)
        {
            var s = facts.Names[link.Source];
            var c = facts.Names[link.Channel];
            var w = _links.Row();
            w.WriteNumber("a", articleId);
            w.WriteString("sk", s.Kind);
            w.WriteString("sm", s.Norm);
            w.WriteNumber("cr", (int)c.Role);
            w.WriteString("ck", c.Kind);
            w.WriteString("cm", c.Norm);
            w.WriteNumber("t", link.Statements);
            _links.End();
        }
        foreach (var at in facts.Attributions)
        {
            var w = _attributions.Row();
            w.WriteNumber("a", articleId);
            w.WriteNumber("o", at.Ordinal);
            w.WriteString("k", at.Kind);
            if (at.Source >= 0)
            {
                w.WriteString("sk", facts.Names[at.Source].Kind);
                w.WriteString("sm", facts.Names[at.Source].Norm);
            }
            if (at.Medium >= 0)
            {
                w.WriteString("mk", facts.Names[at.Medium].Kind);
                w.WriteString("mm", facts.Names[at.Medium].Norm);
            }
            w.WriteString("c", at.Cue);
            _attributions.End();
        }
        foreach (var cl in facts.Claims)
        {
            var w = _claims.Row();
            w.WriteNumber("a", articleId);
            w.WriteNumber("o", cl.Ordinal);
            if (cl.Attribution >= 0) w.WriteNumber("at", cl.Attribution);
            w.WriteString("g", cl.Origin);
            w.WriteNumber("f", cl.FirstHand ? 1 : 0);
            w.WriteNumber("i", cl.IndependentSources);
            w.WriteNumber("h", cl.HedgedByAuthor ? 1 : 0);
            w.WriteNumber("s", cl.StateMediaOrigin ? 1 : 0);
            w.WriteString("c", cl.Chain);
            _claims.End();
        }
        for (int i = 0; i < facts.Passages.Count && i < ArticleFacts.MaxPassages; i++)
        {
            var ps = facts.Passages[i];
            var w = _passages.Row();
            w.WriteNumber("id", (articleId << PassageBits) | (long)i);
            w.WriteString("x", ps.Text);
            w.WriteString("k", ps.Kind);
            if (ps.Source is not null) w.WriteString("s", ps.Source);
            w.WriteString("r", ps.Ref);
            _passages.End();
        }
    }

    public (string Names, string Links, string Attributions, string Claims, string Passages) Finish() =>
        (_names.Finish(), _links.Finish(), _attributions.Finish(), _claims.Finish(), _passages.Finish());

    /// <summary>One JSON array of row objects.</summary>
    private sealed class Table
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
        private readonly Utf8JsonWriter _writer;

        public Table()
        {
            _writer = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            _writer.WriteStartArray();
        }

        public Utf8JsonWriter Row()
        {
            _writer.WriteStartObject();
            return _writer;
        }

        public void End() => _writer.WriteEndObject();

        public string Finish()
        {
            _writer.WriteEndArray();
            _writer.Flush();
            return Encoding.UTF8.GetString(_buffer.WrittenSpan);
        }
    }
}
