namespace Hearsay.Store;

/// <summary>
/// Where analysed articles are kept and asked about. <see cref="Sqlite.SqliteArticleStore"/> is the embedded
/// implementation; the contract leaves room for a server database.
/// <para>Thread use: <see cref="StateOf"/> and the queries may be called from any thread;
/// <see cref="Write"/> from one writer at a time. Every <see cref="Write"/> is one transaction: after a crash
/// the store holds each article of a batch completely or not at all.</para>
/// </summary>
public interface IArticleStore : IDisposable
{
    /// <summary>Where the store is (a file path, a connection name).</summary>
    string Location { get; }

    /// <summary>Whether the key is stored, and by which pipeline.</summary>
    ArticleState StateOf(ArticleKey key);

    /// <summary>Records the start of an ingest run; returns its id.</summary>
    long BeginRun(string command);

    /// <summary>Stores a batch atomically. Returns one outcome per item, in order.</summary>
    IReadOnlyList<WriteOutcome> Write(long runId, IReadOnlyList<StoreWrite> batch);

    /// <summary>Records the end of a run: "done", "partial", "interrupted" or "failed".</summary>
    void EndRun(long runId, string status, RunTotals totals);

    /// <summary>Optional housekeeping after a large ingest (merging index segments, checkpointing the log).</summary>
    void Optimize();

    SourceReport Sources(SourceQuery query);

    IReadOnlyList<SearchHit> Search(SearchQuery query);

    /// <summary>The article with this id (a unique prefix of its key, at least 4 hex digits) or URL; null when none.</summary>
    /// <exception cref="AmbiguousIdException">The prefix fits several articles.</exception>
    StoredArticle? Find(string idOrUrl);

    /// <summary>Every stored article in ingest order, read page by page (for cross-article linking).</summary>
    IEnumerable<StoredArticle> All(int pageSize = 500);

    /// <summary>The problems recorded by a run, or by every run when <paramref name="runId"/> is null.</summary>
    IReadOnlyList<ProblemRecord> Problems(long? runId = null);

    IReadOnlyList<RunRecord> Runs(int limit = 20);

    StoreSummary Summary();
}
