using Hearsay.Provenance.Model;

namespace Hearsay.Provenance.Sources;

/// <summary>
/// Where the provenance layer gets its articles: each one's metadata and claims, in ingest order. The
/// implementations here read a list in memory, or files and folders (articles to analyze, or
/// hearsay.article/1 JSON and JSON Lines already analyzed). A store implements it by yielding its stored
/// analyses through <see cref="HearsayJsonClaimReader"/>, oldest first, so ingest order is the store's.
/// </summary>
public interface IClaimSource
{
    /// <summary>What the source reads, for messages ("3 paths", "store hearsay.db").</summary>
    string Description { get; }

    /// <summary>The articles in ingest order. Problems with single inputs go to <paramref name="problems"/>
    /// (one line each, naming the input) and do not stop the rest.</summary>
    IEnumerable<ClaimArticle> Read(Action<SourceProblem>? problems = null);
}

/// <summary>An input that could not be read: where and why.</summary>
public sealed record SourceProblem(string Input, string Message)
{
    public override string ToString() => $"{Input}: {Message}";
}

/// <summary>Articles already in memory, in the given order.</summary>
public sealed class InMemoryClaimSource(IEnumerable<ClaimArticle> articles, string description = "memory") : IClaimSource
{
    public string Description => description;
    public IEnumerable<ClaimArticle> Read(Action<SourceProblem>? problems = null) => articles;
}
