using Hearsay.Document;

namespace Hearsay.Entities;

/// <summary>A possible mention, before overlapping candidates are settled.</summary>
internal struct Candidate
{
    /// <summary>Token range [First, End).</summary>
    public int First, End;
    /// <summary>Character range [Start, Stop): the tokens' bounds, or part of one token for an adjective in a hyphen compound.</summary>
    public int Start, Stop;
    /// <summary>Gazetteer entry, or -1 for a name found from the text alone.</summary>
    public int Entry;
    public MentionKind Kind;
    /// <summary>Type of a name found from the text (gazetteer candidates take the entry's type).</summary>
    public EntityType Type;
    public Gender Gender;
    /// <summary>The last token matched in a genitive or possessive form ("Moskaus", "Moscow's").</summary>
    public bool Genitive;
    /// <summary>Characters at the end that are an inflection, not part of the name: 1 for a German genitive
    /// "-s" ("Egon Schieles"), 2 for an English possessive "'s" ("Ted Cruz's").</summary>
    public byte KeyTrim;
    /// <summary>Which finder proposed it; on equal spans the lower rank wins: 0 gazetteer, then the rules
    /// in <see cref="Ranks"/> order.</summary>
    public byte Rank;
    public readonly bool Rule => Rank > 0;
    /// <summary>Token of a role noun or title right before a person's name, or -1.</summary>
    public int Role;
    /// <summary>Subtype of an organization found by its keyword ("university", "company").</summary>
    public string? Subtype;

    public readonly int Length => End - First;

    public static Candidate Gazetteer(int first, int end, Token[] tokens, int entry, MentionKind kind, bool genitive) => new()
    {
        First = first, End = end, Start = tokens[first].Start, Stop = tokens[end - 1].End,
        Entry = entry, Kind = kind, Genitive = genitive, Role = -1,
    };

    public static Candidate Found(int first, int end, Token[] tokens, EntityType type, Gender gender, byte rank) => new()
    {
        First = first, End = end, Start = tokens[first].Start, Stop = tokens[end - 1].End,
        Entry = -1, Kind = MentionKind.Name, Type = type, Gender = gender, Rank = rank, Role = -1,
    };
}

/// <summary>Ranks of the rules that find names from the text (lower wins on equal spans).</summary>
internal static class Ranks
{
    public const byte Gazetteer = 0;
    public const byte Author = 1;
    public const byte Keyword = 2;
    public const byte Role = 3;
    public const byte FirstName = 4;
    /// <summary>A span only the learned name tagger proposed (<see cref="NameTagger"/>).</summary>
    public const byte Tagger = 5;
}
