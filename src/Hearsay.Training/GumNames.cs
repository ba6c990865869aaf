using Hearsay.Eval.Gum;

namespace Hearsay.Training;

/// <summary>
/// Named-entity spans from GUM's entity mentions. GUM marks every mention of a person, place or
/// organization, named or not ("the company", "she", "Biologist Nick Bos", "the University of Helsinki"),
/// so the name inside a mention is found by its capitals:
/// <list type="number">
/// <item>the last run of capitalized words in the mention, outside mentions nested in it and joined by
/// connectors ("of", "for", "and", "de", "-"): "curator <b>Elaine Gustafon</b>", "the <b>Church of
/// Scientology</b> 's", "<b>Duke University</b> , located in Durham";</item>
/// <item>a run followed by a lower-case word that is no preposition or relative is a modifier ("the
/// Afghan team", "the NATO military alliance") and counts only when the mention's Wikipedia identity
/// spells it word for word ("NATO");</item>
/// <item>pronouns are no names; a person's leading role, title and nationality words are not part of the
/// name ("President", "Afghan Ambassador", "Biologist": role nouns, nationality adjectives and words also
/// seen in lower case); a leading "The" is dropped unless the identity has it;</item>
/// <item>a run that shares no word with the mention's identity is no name ("a self-described Libertarian
/// Socialist" for Noam_Chomsky), unless it is an acronym; without an identity, a one-word run at the
/// start of a sentence that is also seen in lower case is no name ("Hundreds");</item>
/// <item>an organization whose name is elsewhere a place's ("North Korea" for its government, "Sweden"
/// for its team) is a place, as NER corpora tag country names;</item>
/// <item>overlapping names: the longest wins ("University of Helsinki" over "Helsinki").</item>
/// </list>
/// </summary>
public sealed class GumNames
{
    private static readonly HashSet<string> Connectors = new(StringComparer.OrdinalIgnoreCase)
        { "of", "for", "and", "&", "de", "van", "von", "der", "al", "bin", "the", "du", "la", "le", "del", "da" };
    private static readonly HashSet<string> Follow = new(StringComparer.OrdinalIgnoreCase)
        { "of", "in", "at", "from", "who", "which", "that", "whose", "with", "for", "on", "and", "based", "located", "'s", "'", "whom", "where", "to", "as", "or", "by", "near", "outside", "himself", "herself", "itself", "et" };
    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase)
        { "i", "we", "you", "he", "she", "they", "it", "my", "our", "your", "his", "her", "their", "its", "me", "us", "him", "them", "mr.", "mrs.", "ms.", "dr.", "sir", "this", "that", "these", "those",
          "someone", "somebody", "anyone", "anybody", "everyone", "everybody", "nobody", "none", "all", "both", "each" };

    private readonly HashSet<string> _lowerCase;
    private readonly HashSet<string> _placeNames = new(StringComparer.Ordinal);
    /// <summary>English names of the countries and places in Hearsay's gazetteer ("North Korea" for its government
    /// or its team is still a country's name).</summary>
    private static readonly HashSet<string> KnownPlaces =
        Languages.LanguagePack.CommonRows("countries").Where(r => r.Length > 3).SelectMany(r => r[3].Split('|').Append(r[1]))
            .Concat(Languages.LanguagePack.CommonRows("places").Where(r => r.Length > 6).SelectMany(r => r[6].Split('|').Append(r[1])))
            .Where(n => n != "-").ToHashSet(StringComparer.Ordinal);
    /// <summary>Words that stand before a person's name without being part of it: English role nouns and
    /// titles (Hearsay's person-roles list) and nationality adjectives (countries.tsv).</summary>
    private readonly Func<string, bool> _beforeName;

    public GumNames(HashSet<string> lowerCaseWords, IEnumerable<GumDocument> documents)
    {
        _lowerCase = lowerCaseWords;
        var lexicon = Entities.EntityLexicon.For(Languages.LanguageRegistry.Default.For("en"));
        var nationalities = Languages.LanguagePack.CommonRows("countries").Where(r => r.Length > 5)
            .SelectMany(r => r[5].Split('|')).Where(a => a != "-").ToHashSet(StringComparer.OrdinalIgnoreCase);
        _beforeName = w => nationalities.Contains(w) || lexicon.TryRole(Entities.NameKeys.Of(w), out _)
                           || _lowerCase.Contains(w.ToLowerInvariant()) && !lexicon.FirstNames.Contains(Entities.NameKeys.Of(w));
        foreach (var d in documents)
            foreach (var m in d.Mentions)
                if (m.Type == "place" && Run(d, m) is { } run) _placeNames.Add(Words(d, run.First, run.Last));
    }

    public List<GoldName> Names(GumDocument d)
    {
        var found = new List<(int First, int Last, string Type)>();
        foreach (var m in d.Mentions)
        {
            if (m.Type is not ("person" or "place" or "organization")) continue;
            if (Run(d, m) is not { } run) continue;
            var type = m.Type switch { "person" => "PER", "place" => "LOC", _ => "ORG" };
            if (type == "ORG" && (_placeNames.Contains(Words(d, run.First, run.Last)) || KnownPlaces.Contains(Words(d, run.First, run.Last)))) type = "LOC";
            found.Add((run.First, run.Last, type));
        }
        // Longest first; a name overlapping one already taken is dropped.
        var taken = new bool[d.Tokens.Length];
        var names = new List<GoldName>();
        foreach (var (first, last, type) in found.Distinct().OrderByDescending(f => f.Last - f.First).ThenBy(f => f.First))
        {
            bool free = true;
            for (int k = first; k <= last; k++) free &= !taken[k];
            if (!free) continue;
            for (int k = first; k <= last; k++) taken[k] = true;
            names.Add(new GoldName(d.Grid.Start(first), d.Grid.End(last), type));
        }
        names.Sort((a, b) => a.Start.CompareTo(b.Start));
        return names;
    }

    /// <summary>The name run inside a mention, or null.</summary>
    private (int First, int Last)? Run(GumDocument d, GumMention m)
    {
        var tokens = d.Tokens;
        var nested = d.Mentions.Where(o => o.Chain != m.Chain && o.First >= m.First && o.Last <= m.Last && (o.First, o.Last) != (m.First, m.Last)).ToList();
        bool Cap(int k) => k >= m.First && k <= m.Last && tokens[k].Length > 0 && char.IsUpper(tokens[k][0]);

        // Runs of capitalized words, joined by connectors ("of", "de") and by hyphens before any word that is
        // no ordinary word ("Kim Jong - un": GUM's text is tokenized with spaces). The last run that is not
        // wholly a nested mention's is the name ("Duke University , located in Durham" keeps "Duke University";
        // "Mexico City" keeps the whole run around the nested "Mexico").
        string? identity = m.Identity?.Replace("%2D", "-").Replace("%27", "'");
        var idWords = identity is null ? new HashSet<string>() : identity.Split('_', '(', ')', ',', '%').Where(w => w.Length > 0).Select(w => w.ToLowerInvariant()).ToHashSet();
        // A connector joins words of the same nested mentions; into a nested mention only in an organization's
        // or place's name the identity spells ("University of Helsinki"), never in a person's ("Matthew Ingram
        // of The Globe and Mail") and never with "and" ("Morocco and Iran").
        bool Joins(int a, int b, string connector)
        {
            bool same = nested.All(o => (o.First <= a && a <= o.Last) == (o.First <= b && b <= o.Last));
            if (same) return true;
            if (m.Type == "person" || connector is "and" or "&") return false;
            return idWords.Count == 0 || idWords.Contains(tokens[b].ToLowerInvariant());
        }
        bool InNested(int k) => nested.Any(o => o.First <= k && k <= o.Last);

        (int, int)? last = null;
        for (int k = m.First; k <= m.Last; k++)
        {
            if (!Cap(k)) continue;
            int e = k;
            while (e + 1 <= m.Last)
            {
                if (Cap(e + 1)) { e++; continue; }
                var next = tokens[e + 1];
                if (e + 2 <= m.Last && (next == "-" && (Cap(e + 2) || !_lowerCase.Contains(tokens[e + 2].ToLowerInvariant()))
                                        || Connectors.Contains(next) && Cap(e + 2) && Joins(e, e + 2, next))) { e += 2; continue; }
                break;
            }
            int first = k, lastToken = e;
            if (!nested.Any(o => o.First <= first && lastToken <= o.Last)) last = (k, e);
            k = e;
        }
        if (last is not var (s, end)) return null;
        bool allCaps = Enumerable.Range(s, end - s + 1).All(k => !tokens[k].Any(char.IsLetter) || tokens[k].Where(char.IsLetter).All(char.IsUpper));

        // A modifier of a lower-case head: only when the identity spells it, word for word ("NATO").
        if (end + 1 <= m.Last && tokens[end + 1].Length > 0 && char.IsLower(tokens[end + 1][0]) && !Follow.Contains(tokens[end + 1]))
        {
            var runWords = Enumerable.Range(s, end - s + 1).Where(k => tokens[k].Any(char.IsLetter)).Select(k => tokens[k].ToLowerInvariant()).ToHashSet();
            if (idWords.Count == 0 || !runWords.SetEquals(idWords)) return null;
        }
        if (s == end && Pronouns.Contains(tokens[s])) return null;
        // A group of people ("Afghans", "Muslims", "Commanders") is no person's name.
        if (m.Type == "person" && s == end && tokens[s].EndsWith('s') && !idWords.Contains(tokens[s].ToLowerInvariant())) return null;
        if (m.Type == "person")
        {
            // Roles, titles, nationalities, ordinary words and other mentions before the name: "Afghan Ambassador
            // Hamdullah Mohib", "U.S. President Donald Trump", "Pan - democrat Lam Cheuk - ting".
            while (s < end)
            {
                int w = s;
                while (w + 2 <= end && tokens[w + 1] == "-" && Touching(d, w, w + 1) && Touching(d, w + 1, w + 2)) w += 2;
                if (w >= end) break;
                if (w > s ? !_lowerCase.Contains(tokens[w].ToLowerInvariant()) : !_beforeName(tokens[s]) && !InNested(s)) break;
                s = w + 1;
            }
        }
        if (tokens[s] == "The" && s < end && !(identity?.StartsWith("The_", StringComparison.Ordinal) ?? false)) s++;

        bool sentenceStart = s == 0 || d.Text[d.Grid.Start(s) - 1] == '\n';
        if (idWords.Count > 0)
        {
            bool shares = Enumerable.Range(s, end - s + 1).Any(k => idWords.Contains(tokens[k].ToLowerInvariant())
                                                                 || idWords.Any(w => w.Length > 3 && tokens[k].Length > 3 && w.Contains(tokens[k], StringComparison.OrdinalIgnoreCase)));
            if (!shares && !allCaps) return null;
        }
        else if (sentenceStart && Enumerable.Range(s, end - s + 1).All(k => _lowerCase.Contains(tokens[k].ToLowerInvariant())))
        {
            return null;
        }
        return (s, end);
    }

    /// <summary>No space between two tokens in the text.</summary>
    private static bool Touching(GumDocument d, int a, int b) => d.Grid.End(a) == d.Grid.Start(b);

    private static string Words(GumDocument d, int first, int last) => string.Join(' ', d.Tokens[first..(last + 1)]);
}
