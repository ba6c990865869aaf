using Hearsay.Document;

namespace Hearsay.Entities;

/// <summary>
/// A name found from the text right after an organization head noun is an organization, whatever type
/// the rules or the tagger guessed: "des Herstellers Velmar", "des Energiekonzerns Norvik", "the company
/// Brightwell", "carmaker Velmar". The head nouns are a reviewed list per language (org-appositives.tsv);
/// names from the gazetteer keep their entry's type. In English a determiner before the head may open a
/// relative clause without its pronoun ("the company Walter Keene founded"): there a name that starts with a
/// known first name stays a person.
/// </summary>
internal static class OrgAppositives
{
    private const int MinCompoundHead = 6;
    private const int MinCompoundRest = 3;

    public static void Retype(EntityContext c, List<Candidate> names)
    {
        var lex = c.Lexicon;
        if (lex.OrgAppositives.Count == 0) return;
        Span<char> buffer = stackalloc char[NameKeys.MaxLength];
        var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(names);
        for (int n = 0; n < span.Length; n++)
        {
            ref var cand = ref span[n];
            if (cand.Entry >= 0 || cand.Kind != MentionKind.Name) continue;
            if (cand.Type is not (EntityType.Person or EntityType.Place)) continue;
            int head = cand.First - 1;
            if (!c.IsWord(head)) continue;
            var key = c.Key(head, buffer);
            if (!lex.OrgAppositives.TryGet(key, out var subtype)
                && !(key.Length >= MinCompoundHead + MinCompoundRest
                     && lex.OrgAppositiveHeads.TryGetSuffix(key, MinCompoundHead, MinCompoundRest, out subtype)))
                continue;
            // English leaves out the relative pronoun: in "the company Walter Keene founded" the name is the
            // founder. After an article or determiner, a name that opens with a known first name stays a person.
            if (!c.German && cand.Type == EntityType.Person && head > 0
                && lex.ClassOf(c.Key(head - 1, buffer)) is WordClass.Article or WordClass.Determiner
                && lex.FirstNames.Contains(c.Key(cand.First, buffer)))
                continue;
            cand.Type = EntityType.Organization;
            cand.Gender = c.German ? Gender.Unknown : Gender.Neuter;
            cand.Role = -1;
            if (subtype.Length > 0 && subtype != "-") cand.Subtype = subtype;
        }
    }
}
