namespace Hearsay.Document;

public enum AttributionKind : byte
{
    /// <summary>A verbatim quotation in quotation marks.</summary>
    Direct,
    /// <summary>Reported speech: a "dass"/"that" clause, a verb-second clause in Konjunktiv, an infinitive.</summary>
    Indirect,
    /// <summary>Indirect speech with a verbatim fragment in quotation marks.</summary>
    Mixed,
    /// <summary>"laut X", "X zufolge", "nach Angaben von X", "according to X", "…, so X".</summary>
    AccordingTo,
    /// <summary>A speech act summarized without its words: "Kritiker fürchten Interessenskonflikte",
    /// "The union demanded higher wages". The content is the whole clause.</summary>
    Reported,
}

public enum SourceKind : byte { Unknown, Person, Organization, Media, Document, Anonymous, Vague }

/// <summary>Who a statement is attributed to: the span naming the source, the entity it resolves to, and its type.</summary>
public sealed class SourceRef
{
    public TextSpan? Span { get; set; }
    public int EntityId { get; set; } = -1;
    public int MentionId { get; set; } = -1;
    public SourceKind Kind { get; set; }
    /// <summary>The role noun that describes the source ("Militärexperte", "spokesman").</summary>
    public TextSpan? Role { get; set; }
    /// <summary>True when the source's name is withheld ("eine nordkoreanische Quelle", "a senior official").</summary>
    public bool Anonymous => Kind == SourceKind.Anonymous;
}

/// <summary>A relay: a medium or outlet through which the author received the statement ("wie die New York Post berichtete").</summary>
public sealed class Relay
{
    public required TextSpan Span { get; init; }
    public TextSpan? Name { get; set; }
    public int EntityId { get; set; } = -1;
    /// <summary>True when the relay is not stated for this statement but carried over from another statement of the same source.</summary>
    public bool Inferred { get; set; }
}

[Flags]
public enum SpeechSignals : byte
{
    None = 0,
    SubjunctiveI = 1,
    SubjunctiveII = 2,
    ThatClause = 4,
    Colon = 8,
    Backward = 16,
    Continued = 32,
}

/// <summary>One attribution: content attributed through a cue to a source, with medium and relays.</summary>
public sealed class Attribution
{
    public required int Id { get; set; }
    public required AttributionKind Kind { get; set; }
    /// <summary>The cue: a verb, noun phrase or preposition ("sagte", "Nach Angaben", "zufolge"). Empty (length 0, at the
    /// content's start) for a German sentence in Konjunktiv I that reports speech with no frame or source in reach.</summary>
    public required TextSpan Cue { get; set; }
    /// <summary>Second part of a discontinuous cue: the particle of a separable verb ("hinzu").</summary>
    public TextSpan? CueParticle { get; set; }
    /// <summary>The attributed content. For split quotes, <see cref="ContentParts"/> has the pieces.</summary>
    public required TextSpan Content { get; set; }
    public List<TextSpan> ContentParts { get; } = new();
    public SourceRef Source { get; set; } = new();
    /// <summary>The medium of the statement ("im Staatsfernsehen", "told CNN", "in a statement").</summary>
    public TextSpan? Medium { get; set; }
    public int MediumEntityId { get; set; } = -1;
    public List<Relay> Relays { get; } = new();
    /// <summary>The attribution this one sits inside (a source cited within a quote), or -1.</summary>
    public int ParentId { get; set; } = -1;
    public SpeechSignals Signals { get; set; }
    /// <summary>Hedges whose scope overlaps the content or which sit in the attributing clause.</summary>
    public List<int> Hedges { get; } = new();
    /// <summary>The attribution whose source this statement's medium is (a source quoted in a report cited elsewhere), or -1.</summary>
    public int CarrierId { get; set; } = -1;
}
