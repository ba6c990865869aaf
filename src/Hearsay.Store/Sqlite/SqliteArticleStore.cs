using System.Globalization;
using System.Text;
using Hearsay.Output;
using Hearsay.Pipeline;
using Hearsay.Store.Indexing;
using Microsoft.Data.Sqlite;

namespace Hearsay.Store.Sqlite;

/// <summary>
/// The embedded store: one SQLite file (plus its write-ahead log while open), no server.
/// <para>Crash safety: the log is in WAL mode with <c>synchronous = NORMAL</c>, and every
/// <see cref="Write"/> is one transaction, so a process killed at any moment leaves each article stored
/// whole or not at all; the next open rolls back what was not committed. (A power cut may lose the last
/// transactions, never consistency.)</para>
/// <para>Layout: <c>articles</c> keeps each article's metadata and its hearsay.article/1 JSON; the query tables
/// (<c>names</c>, <c>name_links</c>, <c>attributions</c>, <c>claims</c>) and the FTS5 table <c>passages</c> are
/// filled from the same analysis in the same transaction. Counts used by <c>hearsay sources</c> are kept
/// running, so queries do not scan. See docs/store.md.</para>
/// </summary>
public sealed class SqliteArticleStore : IArticleStore
{
    private const int PassageBits = WriteStatements.PassageBits;

    private readonly SqliteConnection _write;
    private readonly SqliteConnection _read;
    private readonly Lock _writeLock = new();
    private readonly Lock _readLock = new();
    private readonly string _path;
    private WriteStatements? _statements;
    private Statement? _stateOf;

    public string Location => _path;

    private SqliteArticleStore(string path, SqliteConnection write, SqliteConnection read)
    {
        _path = path;
        _write = write;
        _read = read;
    }

    /// <summary>Opens the store at <paramref name="path"/>, creating the file (and its folder) when
    /// <paramref name="create"/> is set, and migrates it to the current schema.</summary>
    /// <exception cref="StoreException">Missing (and not to be created), not a Hearsay store, newer, or unreadable.</exception>
    public static SqliteArticleStore Open(string path, bool create = true)
    {
        path = Path.GetFullPath(path);
        if (!create && !File.Exists(path))
            throw new StoreException($"no store at {path}. Run 'hearsay ingest PATH...' first, or name the store with --store.");
        if (Directory.Exists(path))
            throw new StoreException($"{path} is a folder; --store names the store's file.");
        if (create) Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        SqliteConnection? write = null, read = null;
        try
        {
            write = Connect(path, create);
            Exec(write, "PRAGMA journal_mode = WAL;");
            Schema.Migrate(write, path);
            read = Connect(path, create: false);
            return new SqliteArticleStore(path, write, read);
        }
        catch (SqliteException ex)
        {
            write?.Dispose();
            read?.Dispose();
            throw new StoreException($"{path}: {(ex.SqliteErrorCode == 26 ? "not an SQLite database (file is not a database)" : ex.Message)}", ex);
        }
        catch
        {
            write?.Dispose();
            read?.Dispose();
            throw;
        }
    }

    private static SqliteConnection Connect(string path, bool create)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            // One long-lived connection per role; pooling would keep the file open after Dispose.
            Pooling = false,
            DefaultTimeout = 60,
        };
        var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        // A checkpoint (copying the log into the database, with an fsync) every 10,000 pages (40 MB) rather than
        // SQLite's 1,000: at ingest rates the default checkpoints several times a second and costs more than the writes.
        Exec(connection, "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -16000; PRAGMA wal_autocheckpoint = 10000;");
        return connection;
    }

    public void Dispose()
    {
        lock (_writeLock)
        {
            _statements?.Dispose();
            _statements = null;
            _write.Dispose();
        }
        lock (_readLock)
        {
            _stateOf?.Dispose();
            _read.Dispose();
        }
    }

    // ---- state and runs ------------------------------------------------------------------------------

    public ArticleState StateOf(ArticleKey key)
    {
        lock (_readLock)
        {
            // Called once per input record: the statement is prepared once.
            var s = _stateOf ??= new Statement(_read, "SELECT pipeline_version FROM articles WHERE key = ?1");
            try
            {
                s.Bind(1, key.Bytes);
                if (!s.Step()) return ArticleState.Absent;
                return s.Text(0) == AnalysisPipeline.Version ? ArticleState.Current : ArticleState.Older;
            }
            finally
            {
                s.Reset();
            }
        }
    }

    public long BeginRun(string command)
    {
        lock (_writeLock)
        {
            using var tx = _write.BeginTransaction();
            using var cmd = _write.CreateCommand();
            cmd.Transaction = tx;
            // A run still marked as running was killed (or is running in parallel, which the lock serializes).
            cmd.CommandText = "UPDATE runs SET status = 'interrupted' WHERE status = 'running';" +
                              "INSERT INTO runs(started, command, hearsay_version, pipeline_version, status) " +
                              "VALUES($started, $command, $hv, $pv, 'running') RETURNING id";
            cmd.Parameters.AddWithValue("$started", Now());
            cmd.Parameters.AddWithValue("$command", command);
            cmd.Parameters.AddWithValue("$hv", JsonArticleWriter.HearsayVersion);
            cmd.Parameters.AddWithValue("$pv", AnalysisPipeline.Version);
            long id = Convert.ToInt64(cmd.ExecuteScalar());
            tx.Commit();
            return id;
        }
    }

    public void EndRun(long runId, string status, RunTotals totals)
    {
        lock (_writeLock)
        {
            using var cmd = _write.CreateCommand();
            cmd.CommandText = "UPDATE runs SET finished = $finished, status = $status, added = $added, replaced = $replaced, " +
                              "unchanged = $unchanged, failed = $failed, warnings = $warnings WHERE id = $id";
            cmd.Parameters.AddWithValue("$finished", Now());
            cmd.Parameters.AddWithValue("$status", status);
            cmd.Parameters.AddWithValue("$added", totals.Added);
            cmd.Parameters.AddWithValue("$replaced", totals.Replaced);
            cmd.Parameters.AddWithValue("$unchanged", totals.Unchanged);
            cmd.Parameters.AddWithValue("$failed", totals.Failed);
            cmd.Parameters.AddWithValue("$warnings", totals.Warnings);
            cmd.Parameters.AddWithValue("$id", runId);
            cmd.ExecuteNonQuery();
        }
    }

    public void Optimize()
    {
        lock (_writeLock)
        {
            // Bounded work: merges some FTS segments rather than rewriting the whole index.
            Exec(_write, "INSERT INTO passages(passages, rank) VALUES('merge', 200); PRAGMA optimize; PRAGMA wal_checkpoint(TRUNCATE);");
        }
    }

    // ---- writing -------------------------------------------------------------------------------------

    public IReadOnlyList<WriteOutcome> Write(long runId, IReadOnlyList<StoreWrite> batch)
    {
        var outcomes = new WriteOutcome[batch.Count];
        lock (_writeLock)
        {
            var c = _statements ??= new WriteStatements(_write);
            using var tx = _write.BeginTransaction();
            try
            {
                WriteBatch(c, runId, batch, outcomes);
                tx.Commit();
            }
            catch
            {
                c.Discard();
                throw;
            }
        }
        return outcomes;
    }

    private static void WriteBatch(WriteStatements c, long runId, IReadOnlyList<StoreWrite> batch, WriteOutcome[] outcomes)
    {
        long articles = 0, attributions = 0, claims = 0, passages = 0;
        string now = Now();
        for (int i = 0; i < batch.Count; i++)
        {
            var item = batch[i];
            if (item.Problem is { } problem)
            {
                c.Problem(runId, problem);
                outcomes[i] = WriteOutcome.Problem;
                continue;
            }
            var record = item.Article!;
            var existing = c.Existing(record.Key);
            long? reuseId = null;
            if (existing is { } e)
            {
                if (e.Version == record.PipelineVersion || !record.ReplaceOlder)
                {
                    outcomes[i] = WriteOutcome.Unchanged;
                    continue;
                }
                var removed = c.Delete(e.Id);
                articles--; attributions -= removed.Attributions; claims -= removed.Claims; passages -= removed.Passages;
                reuseId = e.Id;
            }
            c.Insert(record, reuseId, runId, now);
            articles++; attributions += record.Facts.Attributions.Count; claims += record.Facts.Claims.Count; passages += record.Facts.Passages.Count;
            outcomes[i] = reuseId is null ? WriteOutcome.Added : WriteOutcome.Replaced;
        }
        c.AddTotals(articles, attributions, claims, passages);
        c.FlushPassages();
    }

    // ---- queries -------------------------------------------------------------------------------------

    public SourceReport Sources(SourceQuery query)
    {
        lock (_readLock)
        {
            using var tx = _read.BeginTransaction(deferred: true);   // one snapshot for all parts of the report
            var sources = Names(tx, NameRole.Source, query.Kind, query.Limit);
            var withChannels = new List<NameStat>(sources.Count);
            foreach (var (id, stat) in sources)
            {
                var channels = new List<ChannelStat>();
                using var cmd = _read.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = "SELECT n.name, n.role, l.statements FROM name_links l JOIN names n ON n.id = l.channel_id " +
                                  "WHERE l.source_id = $id AND l.statements > 0 ORDER BY l.statements DESC, n.name LIMIT $k";
                cmd.Parameters.AddWithValue("$id", id);
                cmd.Parameters.AddWithValue("$k", query.ChannelsPerSource);
                using (var r = cmd.ExecuteReader())
                    while (r.Read()) channels.Add(new ChannelStat(r.GetString(0), (NameRole)r.GetInt32(1), r.GetInt64(2)));
                withChannels.Add(stat with { Channels = channels });
            }
            var media = Names(tx, NameRole.Medium, null, query.Limit).Select(x => x.Stat).ToList();
            var relays = Names(tx, NameRole.Relay, null, query.Limit).Select(x => x.Stat).ToList();
            NameStat? pronouns = null;
            using (var cmd = _read.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = "SELECT sum(statements), sum(articles) FROM names WHERE role = 0 AND norm = $norm AND statements > 0";
                cmd.Parameters.AddWithValue("$norm", ArticleFacts.UnresolvedPronoun);
                using var r = cmd.ExecuteReader();
                if (r.Read() && !r.IsDBNull(0)) pronouns = new NameStat(ArticleFacts.UnresolvedPronoun, "pronoun", r.GetInt64(0), r.GetInt64(1), false);
            }
            var totals = Totals(tx);
            return new SourceReport(totals.GetValueOrDefault("articles"), totals.GetValueOrDefault("attributions"), withChannels, media, relays, pronouns);
        }
    }

    private List<(long Id, NameStat Stat)> Names(SqliteTransaction tx, NameRole role, string? kind, int limit)
    {
        using var cmd = _read.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT id, name, kind, statements, articles, state_media FROM names " +
                          "WHERE role = $role AND statements > 0 AND norm <> $pronoun" + (kind is null ? "" : " AND kind = $kind") +
                          " ORDER BY statements DESC, articles DESC, name LIMIT $limit";
        cmd.Parameters.AddWithValue("$role", (int)role);
        cmd.Parameters.AddWithValue("$pronoun", ArticleFacts.UnresolvedPronoun);
        if (kind is not null) cmd.Parameters.AddWithValue("$kind", kind);
        cmd.Parameters.AddWithValue("$limit", limit);
        var list = new List<(long, NameStat)>();
        using var r = cmd.ExecuteReader();
        while (r.Read())
            list.Add((r.GetInt64(0), new NameStat(r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5) != 0)));
        return list;
    }

    private Dictionary<string, long> Totals(SqliteTransaction? tx)
    {
        using var cmd = _read.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT name, value FROM totals";
        var totals = new Dictionary<string, long>(StringComparer.Ordinal);
        using var r = cmd.ExecuteReader();
        while (r.Read()) totals[r.GetString(0)] = r.GetInt64(1);
        return totals;
    }

    /// <summary>Matching passages ranked by BM25 are taken from at most this many matches, the most recently
    /// stored first: ranking every match of a very common word would grow with the store.</summary>
    public const int SearchCandidates = 5000;

    public IReadOnlyList<SearchHit> Search(SearchQuery query)
    {
        string match = query.Raw ? query.Text : ToMatch(query.Text);
        if (match.Length == 0) return [];
        lock (_readLock)
        {
            using var tx = _read.BeginTransaction(deferred: true);
            // 1. The best passages by BM25 among the newest candidates. No highlighting here: SQLite would compute
            //    it for every candidate before sorting.
            var ranked = new List<(long Rowid, double Score)>();
            using (var cmd = _read.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText =
                    "SELECT rowid, score FROM (SELECT rowid, bm25(passages) AS score FROM passages WHERE passages MATCH $match" +
                    (query.Kind is null ? "" : " AND kind = $kind") + " ORDER BY rowid DESC LIMIT $candidates) ORDER BY score LIMIT $limit";
                cmd.Parameters.AddWithValue("$match", match);
                if (query.Kind is not null) cmd.Parameters.AddWithValue("$kind", query.Kind);
                cmd.Parameters.AddWithValue("$candidates", SearchCandidates);
                cmd.Parameters.AddWithValue("$limit", query.Limit);
                try
                {
                    using var r = cmd.ExecuteReader();
                    while (r.Read()) ranked.Add((r.GetInt64(0), r.GetDouble(1)));
                }
                catch (SqliteException ex) when (query.Raw)
                {
                    throw new ArgumentException($"not a valid full-text query: {ex.Message.Replace("SQLite Error 1: ", "")}", nameof(query), ex);
                }
            }
            // 2. The hits, highlighted, with their articles.
            using var passage = _read.CreateCommand();
            passage.Transaction = tx;
            passage.CommandText = "SELECT kind, source, ref, text, highlight(passages, 0, char(2), char(3)) FROM passages WHERE passages MATCH $match AND rowid = $id";
            passage.Parameters.AddWithValue("$match", match);
            var passageId = passage.Parameters.Add(new SqliteParameter("$id", 0L));
            using var info = _read.CreateCommand();
            info.Transaction = tx;
            info.CommandText = "SELECT key, title, url FROM articles WHERE id = $id";
            var articleId = info.Parameters.Add(new SqliteParameter("$id", 0L));
            var articles = new Dictionary<long, (string Id, string? Title, string? Url)>();
            var hits = new List<SearchHit>(ranked.Count);
            foreach (var (rowid, score) in ranked)
            {
                long article = rowid >> PassageBits;
                if (!articles.TryGetValue(article, out var a))
                {
                    articleId.Value = article;
                    using var r = info.ExecuteReader();
                    a = r.Read() ? (new ArticleKey((byte[])r.GetValue(0)).Id, r.IsDBNull(1) ? null : r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2))
                                 : ("?", null, null);
                    articles[article] = a;
                }
                passageId.Value = rowid;
                using var p = passage.ExecuteReader();
                if (!p.Read()) continue;
                hits.Add(new SearchHit(a.Id, a.Title, a.Url, p.GetString(0), p.GetString(2), p.IsDBNull(1) ? null : p.GetString(1),
                    p.GetString(3), p.GetString(4).Replace('\u0002', SearchHit.MatchStart).Replace('\u0003', SearchHit.MatchEnd), -score));
            }
            return hits;
        }
    }

    /// <summary>Plain words to an FTS5 query: every word a quoted term (so punctuation and operators in the
    /// text are just text), all required; a word ending in '*' matches as a prefix.</summary>
    public static string ToMatch(string text)
    {
        var sb = new StringBuilder();
        foreach (var raw in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            bool prefix = raw.Length > 1 && raw[^1] == '*';
            var word = (prefix ? raw[..^1] : raw).Trim('"');
            if (word.Length == 0 || !word.Any(char.IsLetterOrDigit)) continue;
            if (sb.Length > 0) sb.Append(' ');
            sb.Append('"').Append(word.Replace("\"", "\"\"")).Append('"');
            if (prefix) sb.Append('*');
        }
        return sb.ToString();
    }

    public IEnumerable<StoredArticle> All(int pageSize = 500)
    {
        long last = -1;
        while (true)
        {
            var page = new List<(long Row, StoredArticle Article)>(pageSize);
            lock (_readLock)
            {
                using var cmd = _read.CreateCommand();
                cmd.CommandText = "SELECT id, key, url, title, outlet, published, language, origin, pipeline_version, stored, analysis FROM articles WHERE id > $last ORDER BY id LIMIT $n";
                cmd.Parameters.AddWithValue("$last", last);
                cmd.Parameters.AddWithValue("$n", pageSize);
                using var r = cmd.ExecuteReader();
                while (r.Read())
                {
                    var key = new ArticleKey((byte[])r.GetValue(1));
                    string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
                    page.Add((r.GetInt64(0), new StoredArticle(key.Id, key.Hex, S(2), S(3), S(4), S(5), r.GetString(6), r.GetString(7), r.GetString(8), r.GetString(9),
                        AnalysisCodec.Decode((byte[])r.GetValue(10)))));
                }
            }
            foreach (var (_, article) in page) yield return article;
            if (page.Count < pageSize) yield break;
            last = page[^1].Row;
        }
    }

    public StoredArticle? Find(string idOrUrl)
    {
        idOrUrl = idOrUrl.Trim();
        lock (_readLock)
        {
            using var cmd = _read.CreateCommand();
            const string columns = "key, url, title, outlet, published, language, origin, pipeline_version, stored, analysis";
            if (idOrUrl.Contains("://", StringComparison.Ordinal))
            {
                cmd.CommandText = $"SELECT {columns} FROM articles WHERE url = $url ORDER BY id DESC LIMIT 1";
                cmd.Parameters.AddWithValue("$url", idOrUrl);
            }
            else
            {
                if (idOrUrl.Length is < 4 or > ArticleKey.Size * 2 || !idOrUrl.All(Uri.IsHexDigit)) return null;
                string hex = idOrUrl.ToLowerInvariant();
                cmd.CommandText = $"SELECT {columns} FROM articles WHERE key BETWEEN $lo AND $hi LIMIT 6";
                cmd.Parameters.AddWithValue("$lo", Convert.FromHexString(hex.PadRight(ArticleKey.Size * 2, '0')));
                cmd.Parameters.AddWithValue("$hi", Convert.FromHexString(hex.PadRight(ArticleKey.Size * 2, 'f')));
            }
            var found = new List<StoredArticle>();
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var key = new ArticleKey((byte[])r.GetValue(0));
                string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
                found.Add(new StoredArticle(key.Id, key.Hex, S(1), S(2), S(3), S(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8),
                    AnalysisCodec.Decode((byte[])r.GetValue(9))));
            }
            if (found.Count > 1) throw new AmbiguousIdException(idOrUrl, found.Select(f => f.Id).ToList());
            return found.Count == 1 ? found[0] : null;
        }
    }

    public IReadOnlyList<ProblemRecord> Problems(long? runId = null)
    {
        lock (_readLock)
        {
            using var cmd = _read.CreateCommand();
            cmd.CommandText = "SELECT input, locator, severity, kind, message FROM problems" +
                              (runId is null ? "" : " WHERE run_id = $run") + " ORDER BY id";
            if (runId is { } id) cmd.Parameters.AddWithValue("$run", id);
            var list = new List<ProblemRecord>();
            using var r = cmd.ExecuteReader();
            while (r.Read())
                list.Add(new ProblemRecord(r.GetString(0), r.GetString(1), r.GetString(2) == "error" ? ProblemSeverity.Error : ProblemSeverity.Warning,
                    r.GetString(3), r.GetString(4)));
            return list;
        }
    }

    public IReadOnlyList<RunRecord> Runs(int limit = 20)
    {
        lock (_readLock)
        {
            using var cmd = _read.CreateCommand();
            cmd.CommandText = "SELECT id, started, finished, command, pipeline_version, status, added, replaced, unchanged, failed, warnings " +
                              "FROM runs ORDER BY id DESC LIMIT $limit";
            cmd.Parameters.AddWithValue("$limit", limit);
            var list = new List<RunRecord>();
            using var r = cmd.ExecuteReader();
            while (r.Read())
                list.Add(new RunRecord(r.GetInt64(0), DateTimeOffset.Parse(r.GetString(1), CultureInfo.InvariantCulture),
                    r.IsDBNull(2) ? null : DateTimeOffset.Parse(r.GetString(2), CultureInfo.InvariantCulture),
                    r.GetString(3), r.GetString(4), r.GetString(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), r.GetInt64(10)));
            return list;
        }
    }

    public StoreSummary Summary()
    {
        lock (_readLock)
        {
            using var tx = _read.BeginTransaction(deferred: true);
            var totals = Totals(tx);
            var versions = new Dictionary<string, long>(StringComparer.Ordinal);
            using (var cmd = _read.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = "SELECT pipeline_version, count(*) FROM articles GROUP BY pipeline_version";
                using var r = cmd.ExecuteReader();
                while (r.Read()) versions[r.GetString(0)] = r.GetInt64(1);
            }
            long problems;
            using (var cmd = _read.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = "SELECT count(*) FROM problems";
                problems = Convert.ToInt64(cmd.ExecuteScalar());
            }
            long bytes = 0;
            foreach (var suffix in new[] { "", "-wal" })
                if (File.Exists(_path + suffix)) bytes += new FileInfo(_path + suffix).Length;
            return new StoreSummary(_path, (int)Schema.Scalar(_read, "PRAGMA user_version"), totals.GetValueOrDefault("articles"),
                totals.GetValueOrDefault("attributions"), totals.GetValueOrDefault("claims"), totals.GetValueOrDefault("passages"),
                problems, bytes, versions);
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static void Exec(SqliteConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static string Now() => DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
