namespace Hearsay.Document;

/// <summary>Roles in a sourcing chain. Speaker: someone who passes on what another source said (a
/// commentator who cites "reports"). Document: a report or study that carries a source.</summary>
public enum ChainRole : byte { Origin, Speaker, Document, Medium, Relay, Author, Outlet }

/// <summary>One hop of a sourcing chain, from origin to the article's author.</summary>
public sealed record ChainLink(ChainRole Role, string Name, SourceKind Kind, TextSpan? Span, int EntityId, bool Inferred);

public enum OriginKind : byte { Named, Anonymous, Vague, Document, Unattributed }

/// <summary>What can be said about a claim's sourcing, without judging its truth.</summary>
public sealed class SourcingAssessment
{
    public OriginKind Origin { get; set; }
    public bool FirstHand { get; set; }
    public int IndependentSources { get; set; }
    public bool HedgedByAuthor { get; set; }
    public bool StateMediaOrigin { get; set; }
    public List<string> Notes { get; } = new();
}

/// <summary>A claim: an attributed statement or an unattributed assertion of the headline or teaser.</summary>
public sealed class Claim
{
    public required int Id { get; init; }
    public required TextSpan Content { get; init; }
    /// <summary>The attribution the claim comes from, or -1 for the author's own assertions.</summary>
    public int AttributionId { get; init; } = -1;
    public List<ChainLink> Chain { get; } = new();
    public SourcingAssessment Assessment { get; } = new();
    public List<int> Hedges { get; } = new();
    public List<int> Quantities { get; } = new();
    /// <summary>Other claims of the article stating the same thing (the headline and the body sentence it summarizes).</summary>
    public List<int> Supports { get; } = new();
}
