using Hearsay.Provenance.Model;

namespace Hearsay.Provenance.Graph;

/// <summary>The kinds of node in the provenance graph.</summary>
public enum NodeKind : byte
{
    /// <summary>A claim cluster: one statement, however many articles and languages repeat it.</summary>
    Claim,
    /// <summary>Who a claim is attributed to: a person, an organization, a document, an anonymous or a vague source.</summary>
    Source,
    /// <summary>A medium or relay named in a sourcing chain (a TV channel, a newspaper) that publishes no article of the corpus.</summary>
    Media,
    /// <summary>An article of the corpus.</summary>
    Article,
    /// <summary>An outlet that publishes an article of the corpus (it may also be named as a relay by others).</summary>
    Outlet,
}

/// <summary>The kinds of edge in the provenance graph.</summary>
public enum EdgeKind : byte
{
    /// <summary>Source → claim: the source is cited as saying it.</summary>
    Said,
    /// <summary>Hop → next hop of a sourcing chain (source → medium → relay → outlet): what the first said or carried, the second passed on.</summary>
    RelayedBy,
    /// <summary>Claim → article: the claim appears in the article.</summary>
    AppearedIn,
    /// <summary>Article → outlet.</summary>
    PublishedBy,
    /// <summary>Article → outlet or medium it names as a source or relay.</summary>
    Cites,
}

/// <summary>A node. <see cref="Type"/> refines the kind: a source's kind (person, organization, document,
/// anonymous, vague, country), a medium's or outlet's "state" flag lives in <see cref="StateMedia"/>.</summary>
public sealed class Node
{
    public required string Id { get; init; }
    public required NodeKind Kind { get; set; }
    public required string Label { get; set; }
    public string? Type { get; set; }
    public bool StateMedia { get; set; }
    /// <summary>Articles: language, URL, date, outlet name. Claims: languages (comma-separated).</summary>
    public string? Language { get; set; }
    public string? Url { get; set; }
    public DateTimeOffset? Published { get; set; }
    public string? Outlet { get; set; }
    /// <summary>Claims: the cluster id ("k1a2b3c4d").</summary>
    public string? ClaimId { get; set; }
}

/// <summary>An edge; <see cref="ClaimId"/> says which claim cluster it belongs to (null for published-by and cites).</summary>
public sealed class Edge
{
    public required string Source { get; init; }
    public required string Target { get; init; }
    public required EdgeKind Kind { get; init; }
    public string? ClaimId { get; init; }
    /// <summary>Relayed-by: the role of the target hop ("medium", "relay", "outlet").</summary>
    public string? Role { get; init; }
    /// <summary>How many appearances (or mentions) the edge stands for.</summary>
    public int Count { get; set; } = 1;
    public DateTimeOffset? FirstSeen { get; set; }
    /// <summary>The analysis inferred the hop (a relay carried over from another statement of the same source).</summary>
    public bool Inferred { get; set; }
}

/// <summary>Where a claim goes back to, as far as the articles say: a source node and how it was found.</summary>
public sealed record OriginRef(string Key, string Name, string Kind)
{
    public string NodeId => "source/" + Key;
}

/// <summary>One article in which a claim appears.</summary>
public sealed class Appearance
{
    public required ArticleInfo Article { get; init; }
    /// <summary>Index of the article in the linker's articles.</summary>
    public int ArticleIndex { get; init; }
    /// <summary>Key and name of the article's outlet ("g:nypost", "New York Post"), or empty.</summary>
    public required (string Key, string Name) Outlet { get; init; }
    /// <summary>The claim's mentions in the article (a headline and the body sentence it summarizes, a quote and its paraphrase).</summary>
    public required IReadOnlyList<ClaimMention> Mentions { get; init; }
    /// <summary>The mention that stands for the article: the attributed one whose origin is the article's origin.</summary>
    public required ClaimMention Principal { get; init; }
    /// <summary>The origin the article names (most often among its mentions; a person before an organization
    /// before a document, an anonymous source, a medium or a country), or null when it names none.</summary>
    public OriginRef? StatedOrigin { get; set; }
    /// <summary>The stated origin comes only from the headline ("Zentra: hackers stole …"), which names whoever the
    /// story is about as often as who said it.</summary>
    public bool OriginFromHeadline { get; set; }
    /// <summary>The origin after following relays: the stated one, or, when the article names only a medium or an
    /// outlet that carries the claim elsewhere in the corpus, or no source at all but cites such an outlet,
    /// the origin found there.</summary>
    public OriginRef? Origin { get; set; }
    /// <summary>How <see cref="Origin"/> was found: "stated", "via-relay" (inherited from a cited appearance),
    /// "in-article" (the article names the claim's origin elsewhere, not for this claim), or "none".</summary>
    public string OriginBasis { get; set; } = "none";
    /// <summary>The chain from the origin to the article: media and relays named for the principal mention.</summary>
    public List<ChainHop> Hops { get; } = new();
    /// <summary>Outlets the article names as relays for this claim, or names at all (keys).</summary>
    public HashSet<string> Cites { get; } = new(StringComparer.Ordinal);
    /// <summary>The earlier appearance this one relays (an outlet it cites that carried the claim before), or null.</summary>
    public Appearance? Parent { get; set; }
    /// <summary>The quantity standing for the claim's number in this article (the closest to the first appearance's), or null.</summary>
    public QuantityFact? Quantity { get; set; }
    /// <summary>Position in the cluster's order of appearance (0 = first).</summary>
    public int Order { get; set; }
}

/// <summary>A source the claim goes back to, with how many appearances rest on it.</summary>
public sealed record OriginReport(OriginRef Origin, int Appearances, int Stated, IReadOnlyList<string> Media);

/// <summary>A medium, relay or outlet that carried the claim, in the order it first did.</summary>
public sealed record RelayStep(int Order, string Key, string Name, string Role, DateTimeOffset? FirstSeen, string FirstArticleId, bool StateMedia);

/// <summary>A claim's number as one appearance states it.</summary>
public sealed record DriftPoint(string ArticleId, DateTimeOffset? Published, string Language, string Outlet, QuantityFact Quantity);

/// <summary>How a claim's number changed from appearance to appearance ("100.000" → "up to 100,000" →
/// "tens of thousands"): the values and bounds in order, their range, and whether they changed at all.</summary>
public sealed class DriftReport
{
    public List<DriftPoint> Points { get; } = new();
    public double? Min { get; set; }
    public double? Max { get; set; }
    /// <summary>True when the appearances state different values, bounds or precision.</summary>
    public bool Drifted { get; set; }
    /// <summary>The distinct forms in order of first appearance, joined by " → ".</summary>
    public string Summary { get; set; } = "";
}

/// <summary>What the graph derives for one claim cluster.</summary>
public sealed class ClusterReport
{
    public required string Id { get; init; }
    /// <summary>The claim as its first appearance states it.</summary>
    public required string Text { get; init; }
    public required IReadOnlyList<Appearance> Appearances { get; init; }
    public IReadOnlyList<string> Languages { get; init; } = Array.Empty<string>();
    public int Mentions { get; init; }
    public int Outlets { get; init; }
    /// <summary>How the appearances are ordered: "publication-date", "ingest-order", or
    /// "publication-date+ingest-order" (dated ones by date, then the undated ones by ingest order); with
    /// "+citations" when undated articles were reordered so that an article citing another's outlet comes after it.</summary>
    public required string DateBasis { get; init; }
    public Appearance First => Appearances[0];
    public List<OriginReport> Origins { get; } = new();
    /// <summary>Distinct sources the claim rests on (named or anonymous; vague ones and none do not count).</summary>
    public int IndependentOrigins { get; set; }
    /// <summary>Appearances that repeat an origin already counted (directly or through a relay).</summary>
    public int Repetitions { get; set; }
    /// <summary>Appearances that name no source and cite no outlet carrying the claim.</summary>
    public int Unsourced { get; set; }
    /// <summary>Appearances whose only source is vague ("reports", "Russian media").</summary>
    public int VagueOnly { get; set; }
    /// <summary>Everything the articles say goes back to one source.</summary>
    public bool SingleOrigin => IndependentOrigins == 1;
    public List<RelayStep> Relays { get; } = new();
    public DriftReport Drift { get; } = new();
    /// <summary>Spread for ranking: articles, then outlets, then languages.</summary>
    public (int Articles, int Outlets, int Languages) Spread => (Appearances.Count, Outlets, Languages.Count);
}

/// <summary>The provenance graph of a set of articles: typed nodes and edges, and the facts derived per claim cluster.</summary>
public sealed class ProvenanceGraph
{
    public List<Node> Nodes { get; } = new();
    public List<Edge> Edges { get; } = new();
    /// <summary>Claim clusters, ranked by spread (articles, outlets, languages), then by first appearance.</summary>
    public List<ClusterReport> Claims { get; } = new();
    public List<ArticleInfo> Articles { get; } = new();

    public ClusterReport? Claim(string id) => Claims.FirstOrDefault(c => c.Id == id);

    /// <summary>The subgraph of one claim: its node, the nodes its edges reach, and the published-by and cites
    /// edges of its articles.</summary>
    public ProvenanceGraph Subgraph(string claimId)
    {
        var sub = new ProvenanceGraph();
        var claim = Claim(claimId) ?? throw new ArgumentException($"no claim {claimId}", nameof(claimId));
        sub.Claims.Add(claim);
        var articleIds = claim.Appearances.Select(a => "article/" + a.Article.Id).ToHashSet(StringComparer.Ordinal);
        sub.Articles.AddRange(Articles.Where(a => articleIds.Contains("article/" + a.Id)));
        var keep = new HashSet<string>(StringComparer.Ordinal) { "claim/" + claimId };
        foreach (var e in Edges)
        {
            bool mine = e.ClaimId == claimId || (e.ClaimId is null && articleIds.Contains(e.Source));
            if (!mine) continue;
            sub.Edges.Add(e);
            keep.Add(e.Source);
            keep.Add(e.Target);
        }
        sub.Nodes.AddRange(Nodes.Where(n => keep.Contains(n.Id)));
        return sub;
    }
}
