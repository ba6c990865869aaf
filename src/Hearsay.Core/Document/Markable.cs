namespace Hearsay.Document;

/// <summary>What a markable is: an entity's mention (name, or a description or pronoun the entity stage or
/// speaker resolution linked), a definite description ("the minister", "die Regierung"), or a pronoun.</summary>
public enum MarkableKind : byte { Name, Description, Pronoun }

/// <summary>What a markable refers to, as far as its words tell: a person, a group of people, an organization,
/// a place, or something else (a thing, "it").</summary>
public enum Animacy : byte { Unknown, Person, Group, Organization, Place, Thing }

/// <summary>
/// One markable of the coreference layer: a span that refers to an entity. Markables with the same
/// <see cref="Chain"/> refer to the same entity; a chain that holds a mention of one of the article's entities
/// carries its <see cref="EntityId"/>. Spans are offsets into the text (an English possessive "'s" is left
/// out: "Obama" in "Obama's").
/// </summary>
public sealed class Markable
{
    public required TextSpan Span { get; init; }
    public required MarkableKind Kind { get; init; }
    /// <summary>Token index of the head word (the pronoun, the description's noun, the name's last word).</summary>
    public required int Head { get; init; }
    public Animacy Animacy { get; set; }
    /// <summary>Masculine, feminine, neuter, plural, or unknown.</summary>
    public Gender Gender { get; set; }
    /// <summary>Grammatical person of a pronoun (1, 2, 3); 3 for names and descriptions.</summary>
    public byte Person { get; init; } = 3;
    /// <summary>A description that introduces someone or something by an indefinite article or a possessive
    /// ("a spokesman", "his wife"): it continues no earlier chain except by apposition.</summary>
    public bool Indefinite { get; init; }
    /// <summary>Found by the learned mention detector, not by a rule (a noun phrase of any kind: "the storm").</summary>
    public bool Learned { get; init; }
    /// <summary>Index into <see cref="Article.Entities"/>, or -1 when the chain names no entity of the article.</summary>
    public int EntityId { get; set; } = -1;
    /// <summary>The chain (coreference cluster) the markable belongs to; each chain has a number of its own.</summary>
    public int Chain { get; set; } = -1;
}
