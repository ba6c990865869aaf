namespace Hearsay.Document;

public enum EntityType : byte { Person, Organization, Media, Country, Place, Other }

public enum MentionKind : byte
{
    /// <summary>The full name or a gazetteer alias ("Igor Korotchenko", "Kanal Eins").</summary>
    Name,
    /// <summary>A part of a name standing for the whole ("Korotchenko").</summary>
    PartialName,
    /// <summary>An adjective derived from the name ("nordkoreanische").</summary>
    Adjective,
    /// <summary>A place standing for its government ("Kreml", "Washington").</summary>
    Metonym,
    /// <summary>A description by role ("der russische Verteidigungsexperte", "the senator").</summary>
    Description,
    /// <summary>A personal pronoun ("er", "she").</summary>
    Pronoun,
    /// <summary>A name inside a compound word that names something else ("EU-weit", "Nato-Gipfel",
    /// "US-Präsident", "Europaminister"): the span is the name's part of the word where a hyphen sets it off,
    /// else the whole word.</summary>
    Modifier,
}

public static class MentionKinds
{
    /// <summary>The mention only qualifies another word (an adjective derived from a name, a name inside a
    /// compound word): the phrase around it is not about the entity, so it never stands for a source, an
    /// antecedent or the head of a phrase.</summary>
    public static bool Qualifies(this MentionKind kind) => kind is MentionKind.Adjective or MentionKind.Modifier;
}

public enum Gender : byte { Unknown, Masculine, Feminine, Neuter, Plural }

/// <summary>One mention of an entity in the text.</summary>
public sealed class Mention
{
    public required TextSpan Span { get; init; }
    public required MentionKind Kind { get; init; }
    /// <summary>Index into <see cref="Article.Entities"/>, or -1 while unresolved.</summary>
    public int EntityId { get; set; } = -1;
    /// <summary>Role noun of a description or apposition ("Militärexperte").</summary>
    public TextSpan? Role { get; set; }
    public Gender Gender { get; set; }
    /// <summary>True for descriptions introduced by an indefinite article ("Ein russischer Militärexperte").</summary>
    public bool Indefinite { get; set; }
}

/// <summary>An entity of the article: resolved against the gazetteer where possible, otherwise found from the text.</summary>
public sealed class Entity
{
    public required int Id { get; init; }
    public required EntityType Type { get; set; }
    public required string Canonical { get; set; }
    /// <summary>ISO 3166-1 alpha-2 code for countries.</summary>
    public string? Iso { get; set; }
    /// <summary>Gazetteer key, or null when the entity was found only from the text.</summary>
    public string? GazetteerId { get; set; }
    /// <summary>Media: owned or controlled by a state ("state media").</summary>
    public bool StateMedia { get; set; }
    /// <summary>Media kind or organization kind from the gazetteer ("tv", "newspaper", "agency", "think-tank").</summary>
    public string? Subtype { get; set; }
    /// <summary>Country (ISO code) the entity belongs to, where known.</summary>
    public string? Country { get; set; }
    public Gender Gender { get; set; }
    public List<int> Mentions { get; } = new();
    /// <summary>Role nouns seen with the entity ("Militärexperte", "Journalist").</summary>
    public List<string> Roles { get; } = new();
    /// <summary>Nationality or origin adjective stems seen with the entity ("russisch").</summary>
    public List<string> Attributes { get; } = new();
}
