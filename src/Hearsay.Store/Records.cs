using Hearsay.Store.Indexing;

namespace Hearsay.Store;

/// <summary>What the store knows about a key before anything is analysed.</summary>
public enum ArticleState
{
    /// <summary>Not stored.</summary>
    Absent,
    /// <summary>Stored by the current pipeline version: nothing to do.</summary>
    Current,
    /// <summary>Stored by an older pipeline version: redone with --reanalyze, otherwise kept.</summary>
    Older,
}

/// <summary>One analysed article, ready to store: identity, metadata, the hearsay.article/1 JSON and the facts
/// for the query tables.</summary>
public sealed class ArticleRecord
{
    public required ArticleKey Key { get; init; }
    public string? Url { get; init; }
    public string? Title { get; init; }
    public string? Outlet { get; init; }
    public DateTimeOffset? Published { get; init; }
    public required string Language { get; init; }
    /// <summary>Where it came from: the input as named plus a locator ("feed.jsonl line 12").</summary>
    public required string Origin { get; init; }
    public int Characters { get; init; }
    public required string PipelineVersion { get; init; }
    /// <summary>The hearsay.article/1 JSON (compact, with the text), compressed by <see cref="AnalysisCodec"/>.</summary>
    public required byte[] Analysis { get; init; }
    public required ArticleFacts Facts { get; init; }
    public int AttributionCount { get; init; }
    public int ClaimCount { get; init; }
    /// <summary>May replace a stored article of the same key made by an older pipeline (--reanalyze).</summary>
    public bool ReplaceOlder { get; init; }
}

public enum ProblemSeverity : byte { Error, Warning }

/// <summary>An input, or a record inside one, that could not be stored (an error) or was stored with a
/// caveat (a warning), with the reason in words a user can act on.</summary>
/// <param name="Input">The file as named on the command line (or below a named folder).</param>
/// <param name="Locator">Where in the file ("line 12", "record 3", "byte 40960"), or "" for the whole file.</param>
/// <param name="Kind">A short code: empty, binary, too-large, unreadable, encoding, truncated, malformed, …</param>
public sealed record ProblemRecord(string Input, string Locator, ProblemSeverity Severity, string Kind, string Message)
{
    public string Where => Locator.Length == 0 ? Input : $"{Input} ({Locator})";
}

/// <summary>Something for the writer to store in a batch: an article or a problem.</summary>
public readonly record struct StoreWrite(ArticleRecord? Article, ProblemRecord? Problem)
{
    public static StoreWrite Of(ArticleRecord article) => new(article, null);
    public static StoreWrite Of(ProblemRecord problem) => new(null, problem);
}

public enum WriteOutcome : byte
{
    /// <summary>A new article.</summary>
    Added,
    /// <summary>An article of an older pipeline, redone.</summary>
    Replaced,
    /// <summary>Already stored (the same key earlier in this run, or by a concurrent run): nothing written.</summary>
    Unchanged,
    /// <summary>A problem recorded.</summary>
    Problem,
}

/// <summary>A run of <c>hearsay ingest</c>, as recorded in the store.</summary>
public sealed record RunRecord(long Id, DateTimeOffset Started, DateTimeOffset? Finished, string Command, string PipelineVersion,
    string Status, long Added, long Replaced, long Unchanged, long Failed, long Warnings);

/// <summary>Totals of a run, written when it ends.</summary>
public sealed record RunTotals(long Added, long Replaced, long Unchanged, long Failed, long Warnings);

/// <summary>A source, medium or relay across the store.</summary>
public sealed record NameStat(string Name, string Kind, long Statements, long Articles, bool StateMedia)
{
    /// <summary>For sources: the media and relays it was cited through, most statements first.</summary>
    public IReadOnlyList<ChannelStat> Channels { get; init; } = [];
}

public sealed record ChannelStat(string Name, NameRole Role, long Statements);

public sealed record SourceQuery
{
    /// <summary>Only sources of this kind (person, organization, media, document, anonymous, vague, unknown).</summary>
    public string? Kind { get; init; }
    public int Limit { get; init; } = 25;
    /// <summary>Media and relays listed per source.</summary>
    public int ChannelsPerSource { get; init; } = 3;
}

/// <param name="UnresolvedPronouns">Statements whose source is a pronoun without antecedent ("er", "she"): counted
/// apart from the named sources, since across articles such a pronoun names no one.</param>
public sealed record SourceReport(long Articles, long Attributions, IReadOnlyList<NameStat> Sources,
    IReadOnlyList<NameStat> Media, IReadOnlyList<NameStat> Relays, NameStat? UnresolvedPronouns = null);

public sealed record SearchQuery
{
    public required string Text { get; init; }
    /// <summary>Pass <see cref="Text"/> to FTS5 as a query expression (AND, OR, NOT, "phrases", prefix*) instead of as words.</summary>
    public bool Raw { get; init; }
    /// <summary>"claim" or "quote", or null for both.</summary>
    public string? Kind { get; init; }
    public int Limit { get; init; } = 20;
}

/// <summary>One passage found: where, what kind, its text and the same with the matches marked by
/// <see cref="SearchHit.MatchStart"/>/<see cref="SearchHit.MatchEnd"/> characters.</summary>
public sealed record SearchHit(string ArticleId, string? Title, string? Url, string Kind, string Ref, string? Source,
    string Text, string Marked, double Score)
{
    public const char MatchStart = '\u0002';
    public const char MatchEnd = '\u0003';
}

/// <summary>A stored article: its metadata and the hearsay.article/1 JSON.</summary>
public sealed record StoredArticle(string Id, string KeyHex, string? Url, string? Title, string? Outlet, string? Published,
    string Language, string Origin, string PipelineVersion, string Stored, string Json);

public sealed record StoreSummary(string Location, int SchemaVersion, long Articles, long Attributions, long Claims,
    long Passages, long Problems, long FileBytes, IReadOnlyDictionary<string, long> PipelineVersions);

/// <summary>An id prefix that fits several stored articles.</summary>
public sealed class AmbiguousIdException(string id, IReadOnlyList<string> candidates)
    : Exception($"'{id}' fits {candidates.Count} articles ({string.Join(", ", candidates.Take(5))}{(candidates.Count > 5 ? ", …" : "")}); give more digits.")
{
    public IReadOnlyList<string> Candidates { get; } = candidates;
}

/// <summary>The store cannot be used: not a Hearsay store, made by a newer Hearsay, or damaged.</summary>
public sealed class StoreException(string message, Exception? inner = null) : Exception(message, inner);
