using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Hearsay.Store.Indexing;

namespace Hearsay.Store.Sqlite;

/// <summary>
/// The writer connection's statements, prepared once and reused across batches: an article row, then its query
/// rows one by one (each name is counted, or inserted, and its id used by the links and attributions), problems,
/// running totals, and taking an older article out. They run inside the batch's transaction, which
/// <see cref="SqliteArticleStore.Write"/> opens and commits.
/// <para>The full-text passages of a batch go in last (<see cref="FlushPassages"/>). FTS5 keeps new entries in
/// memory and writes them to disk as a new index segment whenever a statement that needs a statement journal
/// (an upsert, RETURNING) runs after them; interleaved with such statements, every article made its own tiny
/// segment, which later merges then rewrote (measured: 60 µs more per article). In one run at the end, a batch
/// makes one segment.</para>
/// </summary>
internal sealed class WriteStatements : IDisposable
{
    /// <summary>Passage rowids are article id × 2^12 + passage number (see the schema).</summary>
    public const int PassageBits = 12;

    private readonly Statement _existing, _article, _nameId, _nameAdd, _nameNew, _link, _attribution, _claim, _passage, _problem, _total, _count;
    private readonly Statement[] _delete;
    private readonly List<long> _nameIds = new();
    private readonly List<(long ArticleId, ArticleFacts Facts)> _passages = new();

    public WriteStatements(Microsoft.Data.Sqlite.SqliteConnection c)
    {
        _existing = new Statement(c, "SELECT id, pipeline_version FROM articles WHERE key = ?1");
        _article = new Statement(c,
            "INSERT INTO articles(id, key, url, title, outlet, published, language, origin, chars, attributions, claims, pipeline_version, run_id, stored, shares, analysis) " +
            "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
        // A name is looked up, then counted by id or inserted: cheaper than an upsert with RETURNING (measured 3.3
        // against 4.8 µs a name), which needs a statement journal.
        _nameId = new Statement(c, "SELECT id FROM names WHERE role = ?1 AND kind = ?2 AND norm = ?3");
        _nameAdd = new Statement(c, "UPDATE names SET statements = statements + ?2, articles = articles + 1, state_media = max(state_media, ?3) WHERE id = ?1");
        _nameNew = new Statement(c, "INSERT INTO names(role, kind, name, norm, state_media, statements, articles) VALUES(?1, ?2, ?3, ?4, ?5, ?6, 1)");
        _link = new Statement(c,
            "INSERT INTO name_links(source_id, channel_id, statements) VALUES(?1, ?2, ?3) " +
            "ON CONFLICT(source_id, channel_id) DO UPDATE SET statements = statements + excluded.statements");
        _attribution = new Statement(c,
            "INSERT INTO attributions(article_id, ord, kind, source_id, medium_id, cue) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
        _claim = new Statement(c,
            "INSERT INTO claims(article_id, ord, attribution, origin, first_hand, independent_sources, hedged_by_author, state_media_origin, chain) " +
            "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
        _passage = new Statement(c, "INSERT INTO passages(rowid, text, kind, source, ref) VALUES(?1, ?2, ?3, ?4, ?5)");
        _problem = new Statement(c,
            "INSERT INTO problems(run_id, input, locator, severity, kind, message) VALUES(?1, ?2, ?3, ?4, ?5, ?6) " +
            "ON CONFLICT(input, locator, severity) DO UPDATE SET run_id = excluded.run_id, kind = excluded.kind, message = excluded.message");
        _total = new Statement(c, "INSERT INTO totals(name, value) VALUES(?1, ?2) ON CONFLICT(name) DO UPDATE SET value = value + excluded.value");
        _count = new Statement(c,
            "SELECT (SELECT count(*) FROM attributions WHERE article_id = ?1), (SELECT count(*) FROM claims WHERE article_id = ?1), " +
            $"(SELECT count(*) FROM passages WHERE rowid >= ?1 << {PassageBits} AND rowid < (?1 + 1) << {PassageBits})");
        // Taking an article out: its shares (a JSON column) are subtracted from the running counts, then its rows go.
        _delete =
        [
            new Statement(c, "UPDATE names SET statements = names.statements - (j.value->>3), articles = names.articles - 1 " +
                             "FROM json_each((SELECT shares FROM articles WHERE id = ?1), '$.names') j " +
                             "WHERE names.role = j.value->>0 AND names.kind = j.value->>1 AND names.norm = j.value->>2"),
            new Statement(c, "UPDATE name_links SET statements = name_links.statements - (j.value->>5) " +
                             "FROM json_each((SELECT shares FROM articles WHERE id = ?1), '$.links') j, names s, names ch " +
                             "WHERE s.role = 0 AND s.kind = j.value->>0 AND s.norm = j.value->>1 " +
                             "AND ch.role = j.value->>2 AND ch.kind = j.value->>3 AND ch.norm = j.value->>4 " +
                             "AND name_links.source_id = s.id AND name_links.channel_id = ch.id"),
            new Statement(c, "DELETE FROM attributions WHERE article_id = ?1"),
            new Statement(c, "DELETE FROM claims WHERE article_id = ?1"),
            new Statement(c, $"DELETE FROM passages WHERE rowid >= ?1 << {PassageBits} AND rowid < (?1 + 1) << {PassageBits}"),
            new Statement(c, "DELETE FROM articles WHERE id = ?1"),
        ];
    }

    public (long Id, string Version)? Existing(ArticleKey key)
    {
        try
        {
            _existing.Bind(1, key.Bytes);
            return _existing.Step() ? (_existing.Int64(0), _existing.Text(1) ?? "") : null;
        }
        finally
        {
            _existing.Reset();
        }
    }

    /// <summary>Takes an article out with its share of every count.</summary>
    public (long Attributions, long Claims, long Passages) Delete(long id)
    {
        long attributions, claims, passages;
        try
        {
            _count.Bind(1, id);
            _count.Step();
            (attributions, claims, passages) = (_count.Int64(0), _count.Int64(1), _count.Int64(2));
        }
        finally
        {
            _count.Reset();
        }
        foreach (var statement in _delete) statement.Bind(1, id).Run();
        return (attributions, claims, passages);
    }

    /// <summary>Inserts the article row and its query rows (its passages wait for <see cref="FlushPassages"/>);
    /// returns its id.</summary>
    public long Insert(ArticleRecord a, long? id, long runId, string now)
    {
        var s = _article;
        if (id is { } reuse) s.Bind(1, reuse); else s.Null(1);
        s.Bind(2, a.Key.Bytes).Bind(3, a.Url).Bind(4, a.Title).Bind(5, a.Outlet)
         .Bind(6, a.Published is { } d ? d.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : null)
         .Bind(7, a.Language).Bind(8, a.Origin).Bind(9, a.Characters).Bind(10, a.AttributionCount).Bind(11, a.ClaimCount)
         .Bind(12, a.PipelineVersion).Bind(13, runId).Bind(14, now).BindUtf8(15, ArticleShares.Utf8(a.Facts)).Bind(16, a.Analysis);
        long articleId = s.Insert();
        Rows(articleId, a.Facts);
        _passages.Add((articleId, a.Facts));
        return articleId;
    }

    /// <summary>The article's sources, media and relays (with its share of their counts), links, attributions
    /// and claims.</summary>
    private void Rows(long articleId, ArticleFacts facts)
    {
        var ids = _nameIds;
        ids.Clear();
        foreach (var n in facts.Names)
        {
            if (_nameId.Bind(1, (int)n.Role).Bind(2, n.Kind).Bind(3, n.Norm).Run() is { } id)
                _nameAdd.Bind(1, id).Bind(2, n.Statements).Bind(3, n.StateMedia).Run();
            else
                id = _nameNew.Bind(1, (int)n.Role).Bind(2, n.Kind).Bind(3, n.Name).Bind(4, n.Norm).Bind(5, n.StateMedia).Bind(6, n.Statements).Insert();
            ids.Add(id);
        }
        foreach (var link in facts.Links)
            _link.Bind(1, ids[link.Source]).Bind(2, ids[link.Channel]).Bind(3, link.Statements).Run();
        foreach (var at in facts.Attributions)
        {
            _attribution.Bind(1, articleId).Bind(2, at.Ordinal).Bind(3, at.Kind);
            if (at.Source >= 0) _attribution.Bind(4, ids[at.Source]); else _attribution.Null(4);
            if (at.Medium >= 0) _attribution.Bind(5, ids[at.Medium]); else _attribution.Null(5);
            _attribution.Bind(6, at.Cue).Run();
        }
        foreach (var cl in facts.Claims)
        {
            _claim.Bind(1, articleId).Bind(2, cl.Ordinal);
            if (cl.Attribution >= 0) _claim.Bind(3, cl.Attribution); else _claim.Null(3);
            _claim.Bind(4, cl.Origin).Bind(5, cl.FirstHand).Bind(6, cl.IndependentSources).Bind(7, cl.HedgedByAuthor)
                  .Bind(8, cl.StateMediaOrigin).Bind(9, cl.Chain).Run();
        }
    }

    /// <summary>The full-text passages of the articles inserted since the last call: the batch's last statements.</summary>
    public void FlushPassages()
    {
        foreach (var (articleId, facts) in _passages)
            for (int i = 0; i < facts.Passages.Count && i < ArticleFacts.MaxPassages; i++)
            {
                var p = facts.Passages[i];
                _passage.Bind(1, (articleId << PassageBits) | (long)i).Bind(2, p.Text).Bind(3, p.Kind).Bind(4, p.Source).Bind(5, p.Ref).Run();
            }
        _passages.Clear();
    }

    /// <summary>Forgets the passages of a batch that was rolled back.</summary>
    public void Discard() => _passages.Clear();

    public void Problem(long runId, ProblemRecord problem) =>
        _problem.Bind(1, runId).Bind(2, problem.Input).Bind(3, problem.Locator)
                .Bind(4, problem.Severity == ProblemSeverity.Error ? "error" : "warning").Bind(5, problem.Kind).Bind(6, problem.Message).Run();

    public void AddTotals(long articles, long attributions, long claims, long passages)
    {
        Add("articles", articles);
        Add("attributions", attributions);
        Add("claims", claims);
        Add("passages", passages);

        void Add(string name, long value)
        {
            if (value != 0) _total.Bind(1, name).Bind(2, value).Run();
        }
    }

    public void Dispose()
    {
        foreach (var s in (Statement[])[_existing, _article, _nameId, _nameAdd, _nameNew, _link, _attribution, _claim, _passage, _problem, _total, _count, .. _delete])
            s.Dispose();
    }
}

/// <summary>An article's part of the running counts, kept with it (<c>articles.shares</c>) so that it can be
/// subtracted when the article is replaced: <c>{"names": [[role, kind, norm, statements]…], "links": [[source kind,
/// source norm, channel role, channel kind, channel norm, statements]…]}</c>.</summary>
internal static class ArticleShares
{
    private static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic] private static ArrayBufferWriter<byte>? _buffer;

    /// <summary>The JSON as UTF-8, in a buffer of the calling thread that the next call overwrites.</summary>
    public static ReadOnlySpan<byte> Utf8(ArticleFacts facts)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        using (var w = new Utf8JsonWriter(buffer, Options))
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
            foreach (var link in facts.Links)
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
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.WrittenSpan;
    }
}
