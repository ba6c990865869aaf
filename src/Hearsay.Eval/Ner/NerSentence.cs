using Hearsay.Document;

namespace Hearsay.Eval.Ner;

/// <summary>One sentence of a CoNLL-style NER file: tokens, gold tags (outer level) and the text analyzed.</summary>
public sealed class NerSentence
{
    public required string Id { get; init; }
    public required string[] Tokens { get; init; }
    public required string[] Tags { get; init; }
    /// <summary>The sentence text given by the file ("# text = …"), or null to rebuild it from the tokens.</summary>
    public string? Text { get; init; }
    /// <summary>The comment lines before the sentence ("#\tURL", "# text = …"), kept for writing predictions.</summary>
    public IReadOnlyList<string> Comments { get; init; } = Array.Empty<string>();
    /// <summary>Other columns of the token lines, kept for writing predictions back out.</summary>
    public required string[][] Columns { get; init; }

    /// <summary>The text and each token's characters: the given text when the tokens are found in it in order,
    /// else the tokens joined by <see cref="Detokenizer"/>.</summary>
    public Detokenizer.Result Layout()
    {
        if (Text is not null && Align(Text, Tokens) is { } grid) return new Detokenizer.Result(Text, grid);
        return Detokenizer.Build(Tokens);
    }

    private static TokenGrid? Align(string text, string[] tokens)
    {
        var starts = new int[tokens.Length];
        var ends = new int[tokens.Length];
        int pos = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            while (pos < text.Length && char.IsWhiteSpace(text[pos])) pos++;
            if (string.CompareOrdinal(text, pos, tokens[i], 0, tokens[i].Length) != 0) return null;
            starts[i] = pos;
            pos += tokens[i].Length;
            ends[i] = pos;
        }
        return new TokenGrid(starts, ends);
    }
}

/// <summary>Hearsay's entity mentions as typed token spans of a sentence.</summary>
public static class NerMapping
{
    /// <summary>Person → PER; Organization and Media → ORG; Country and Place → LOC. Names, partial names and
    /// metonyms keep the type. With <paramref name="allClasses"/> (GermEval's twelve classes) also Other → OTH,
    /// adjectives derived from a name → "-deriv" (LOCderiv: "deutsche") and names inside compound words
    /// (modifiers) → "-part" (ORGpart: "EU-weit"); without it those are not mapped, as the corpus has no such
    /// classes. Descriptions and pronouns are not named entities. An English possessive that the corpus
    /// splits off ("Italy" "'s") is not part of the name.</summary>
    public static List<EntitySpan> Spans(Article article, TokenGrid grid, bool allClasses)
    {
        var result = new HashSet<EntitySpan>();
        foreach (var m in article.Mentions)
        {
            if (m.EntityId < 0 || m.EntityId >= article.Entities.Count) continue;
            var type = article.Entities[m.EntityId].Type switch
            {
                EntityType.Person => "PER",
                EntityType.Organization or EntityType.Media => "ORG",
                EntityType.Country or EntityType.Place => "LOC",
                EntityType.Other when allClasses => "OTH",
                _ => null,
            };
            if (type is null) continue;
            switch (m.Kind)
            {
                case MentionKind.Name or MentionKind.PartialName or MentionKind.Metonym: break;
                case MentionKind.Adjective when allClasses: type += "deriv"; break;
                case MentionKind.Modifier when allClasses: type += "part"; break;
                default: continue;
            }
            var tokens = grid.Overlapping(m.Span).ToList();
            // Hearsay keeps an English possessive on its token ("Italy's"); corpora that split it off ("Italy" "'s")
            // tag the name without it.
            if (tokens.Count >= 2 && IsPossessiveClitic(article.Text.AsSpan(grid.Start(tokens[^1]), grid.End(tokens[^1]) - grid.Start(tokens[^1]))))
                tokens.RemoveAt(tokens.Count - 1);
            if (tokens.Count == 0) continue;
            result.Add(new EntitySpan(tokens[0], tokens[^1], type));
        }
        return result.OrderBy(s => s.First).ThenBy(s => s.Last).ToList();
    }

    private static bool IsPossessiveClitic(ReadOnlySpan<char> token) => token is "'s" or "’s" or "'" or "’";
}
