namespace Hearsay.Provenance.Model;

/// <summary>Where an article's publication date came from. The provenance graph orders appearances by
/// date when it has one and says which dates it had.</summary>
public enum DateSource : byte
{
    /// <summary>No date known: the article is placed by ingest order.</summary>
    None,
    /// <summary>Given with the article: HTML metadata, a JSON Lines field, front matter, the store.</summary>
    Metadata,
    /// <summary>Read from the article's byline or dateline.</summary>
    Text,
}

/// <summary>What the provenance layer knows about one article apart from its claims.</summary>
public sealed record ArticleInfo
{
    /// <summary>Stable id: from the URL when there is one, else from the content (see <see cref="ArticleIds"/>).</summary>
    public required string Id { get; init; }
    public string? Path { get; init; }
    public string? Url { get; init; }
    public string? Title { get; init; }
    /// <summary>The publishing outlet as given ("New York Post"), or null.</summary>
    public string? Outlet { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateSource PublishedFrom { get; init; }
    /// <summary>"de", "en" or "und".</summary>
    public string Language { get; init; } = "und";
    /// <summary>Position in ingest order (0-based), set by the source that yields the article.</summary>
    public long Sequence { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = Array.Empty<string>();
}

/// <summary>One article as the provenance layer sees it: its metadata, the entities it names, the claims it
/// makes with their sourcing chains, and the outlets it cites as relays. Built from an analyzed
/// <see cref="Document.Article"/> (<see cref="Sources.ArticleClaimsExtractor"/>) or from a hearsay.article/1
/// document (<see cref="Sources.HearsayJsonClaimReader"/>), so stored analyses never need re-analysis.</summary>
public sealed class ClaimArticle
{
    public required ArticleInfo Info { get; set; }
    public List<EntityFact> Entities { get; } = new();
    public List<ClaimMention> Claims { get; } = new();
}

/// <summary>An entity of one article, with a key that is the same in every article and language:
/// the gazetteer id when the entity is known ("KP", "nypost"), otherwise a folded form of its name.</summary>
public sealed record EntityFact(string LocalId, string Type, string Canonical, string Key, bool StateMedia);

/// <summary>One hop of a claim's sourcing chain (origin, speaker, document, medium, relay, author, outlet).</summary>
/// <param name="Role">"origin", "speaker", "document", "medium", "relay", "author" or "outlet".</param>
/// <param name="Kind">"person", "organization", "media", "document", "anonymous", "vague" or "unknown".</param>
/// <param name="Key">Language-independent identity of the hop: the entity key, else a folded name.</param>
/// <param name="Identified">The hop is an entity of the article or an outlet of the media gazetteer, not only a phrase.</param>
public sealed record ChainHop(string Role, string Name, string Kind, string Key, bool Inferred, bool StateMedia = false, bool Identified = false);

/// <summary>A quantity stated in a claim, normalized by the quantity stage.</summary>
/// <param name="Kind">"count", "measure", "money", "percent", "date", "rank" or "duration".</param>
/// <param name="Bound">"exact", "lower" (at least, tens of thousands) or "upper" (up to, almost).</param>
/// <param name="Text">The whole expression as written ("bis zu 50.000 Kämpfer").</param>
/// <param name="NumberText">The number as written ("50.000", "Zehntausende").</param>
public sealed record QuantityFact(string Kind, double Value, double? UpperValue, string? Unit, string Bound, bool Approximate,
    string Text, string? Qualifier, string? ValueText, string NumberText = "")
{
    /// <summary>The number with its qualifier, as written ("bis zu 50.000", "tens of thousands").</summary>
    public string AsWritten => Qualifier is { Length: > 0 } q && !NumberText.StartsWith(q, StringComparison.OrdinalIgnoreCase)
        ? q + " " + NumberText : NumberText.Length > 0 ? NumberText : Text;

    /// <summary>Quantities that can drift between reports: not dates, ranks or durations.</summary>
    public bool Drifts => Kind is "count" or "measure" or "money" or "percent";
}

/// <summary>One claim as it appears in one article: its words, how the article sources it, and what it names.</summary>
public sealed class ClaimMention
{
    public required string ArticleId { get; init; }
    /// <summary>The claim's id inside its article ("c3").</summary>
    public required string LocalId { get; init; }
    public required string Text { get; init; }
    public int Start { get; init; }
    public int End { get; init; }
    /// <summary>"direct", "indirect", "mixed", "according-to", or "unattributed" for the author's own statement.</summary>
    public string Form { get; init; } = "unattributed";
    /// <summary>"named", "anonymous", "vague", "document" or "unattributed".</summary>
    public string Origin { get; init; } = "unattributed";
    public bool StateMediaOrigin { get; init; }
    public bool HedgedByAuthor { get; init; }
    /// <summary>True for a headline or teaser sentence (the author's summary of the article).</summary>
    public bool Headline { get; init; }
    public List<ChainHop> Chain { get; init; } = new();
    public List<QuantityFact> Quantities { get; init; } = new();
    /// <summary>Keys of the entities named inside the claim (see <see cref="EntityFact.Key"/>).</summary>
    public List<string> EntityKeys { get; init; } = new();
    /// <summary>Spans of the claim text (relative to <see cref="Text"/>) covered by entity names and numbers:
    /// the matcher reads them through <see cref="EntityKeys"/> and <see cref="Quantities"/>, not as words.</summary>
    public List<(int Start, int End)> Covered { get; init; } = new();
    /// <summary>Local ids of the article's attributed claims that a headline claim restates.</summary>
    public List<string> Supports { get; init; } = new();
    public List<string> HedgeKinds { get; init; } = new();

    /// <summary>The first hop that is the claim's origin (or the author's hop for unattributed claims).</summary>
    public ChainHop? OriginHop => Chain.Count > 0 ? Chain[0] : null;
}
