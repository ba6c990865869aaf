using Hearsay.Attributions;
using Hearsay.Document;
using Hearsay.Languages;

namespace Hearsay.Coreference;

/// <summary>What a pronoun was resolved to: the antecedent's span, and its entity and mention when it is one
/// of the article's entity mentions (else -1: a name found in the text only).</summary>
public readonly record struct PronounAntecedent(TextSpan Span, int EntityId, int MentionId);

/// <summary>
/// Resolves a third-person pronoun ("he", "her", "sie", "seine") to the person it most likely stands for,
/// with the rules of <see cref="SpeakerResolver"/> applied to any pronoun: the candidates are the person
/// mentions before it (the entity stage's persons, and capitalized name runs found in the text, so that it
/// also works where no entity stage has run); a candidate whose gender is known (the entity's gender, a
/// given name, a title such as "Mr"/"Frau") must agree with the pronoun's; among the rest the most recent
/// wins, with preference for the subject of its sentence (the first person named in it), for persons
/// named often, and for candidates in the same or the previous sentence.
/// </summary>
public static class PronounResolver
{
    private sealed class Data
    {
        public required WordMap<(Gender Gender, string Case)> Forms { get; init; }
        public required WordMap<Gender> FirstNames { get; init; }
        public required WordMap<Gender> Honorifics { get; init; }
        public required WordSet NameParticles { get; init; }
    }

    private static Data DataFor(LanguagePack pack) => pack.Compiled("pronoun-resolver", p => new Data
    {
        Forms = new WordMap<(Gender, string)>(p.Rows("pronoun-forms").Where(r => r.Length >= 3)
            .Select(r => KeyValuePair.Create(r[0], (AttributionLexicon.ParseGender(r[1]), r[2])))),
        FirstNames = new WordMap<Gender>(LanguagePack.CommonRows("first-names").Where(r => r.Length >= 2)
            .Select(r => KeyValuePair.Create(r[0], AttributionLexicon.ParseGender(r[1])))),
        Honorifics = new WordMap<Gender>(p.Rows("honorifics").Where(r => r.Length >= 2)
            .Select(r => KeyValuePair.Create(r[0], AttributionLexicon.ParseGender(r[1])))),
        NameParticles = new WordSet(LanguagePack.CommonRows("name-particles").Select(r => r[0])),
    });

    private sealed record Candidate(int First, int Last, int EntityId, int MentionId, Gender Gender, int Sentence);

    /// <summary>The antecedent of the pronoun at <paramref name="pronoun"/>, or null when no compatible person
    /// is named before it. The article must have been analyzed (tokens and sentences).</summary>
    public static PronounAntecedent? Resolve(Article article, TextSpan pronoun)
    {
        var pack = LanguageRegistry.Default.For(article.Language);
        if (!pack.IsSupported || article.Tokens.Length == 0) return null;
        var data = DataFor(pack);
        var lex = AttributionLexicon.For(pack);
        int p = article.TokenIndexAt(pronoun.Start);
        if (p >= article.Tokens.Length) return null;
        var gender = data.Forms.TryGet(article.Slice(article.Tokens[p]), out var form) ? form.Gender : Gender.Unknown;
        bool objectCase = form.Case is "obj" or "refl";
        var candidates = Candidates(article, data, lex, p);
        int pSentence = SentenceOfToken(article, p);

        // How often each name (its last word) occurs in the whole text: the article's main persons.
        var frequency = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in candidates)
        {
            var key = Key(article, c);
            frequency[key] = frequency.GetValueOrDefault(key) + 1;
        }
        var firstInSentence = new Dictionary<int, int>();
        foreach (var c in candidates)
            if (!firstInSentence.TryGetValue(c.Sentence, out var f) || c.First < f) firstInSentence[c.Sentence] = c.First;

        Candidate? best = null;
        double bestScore = double.MinValue;
        foreach (var c in candidates)
        {
            if (!Compatible(gender, c.Gender)) continue;
            int sentenceDistance = pSentence - c.Sentence;
            if (sentenceDistance < 0) continue;
            bool subject = LooksLikeSubject(article, lex, c);
            bool first = firstInSentence[c.Sentence] == c.First;
            double score;
            if (c.Last < p)
            {
                // A subject is not the antecedent of an object pronoun of its own clause ("Smith praised him").
                if (objectCase && subject && sentenceDistance == 0 && !ClauseBreakBetween(article, c.Last, p)) continue;
                score = -0.02 * (p - c.Last) - 0.5 * Math.Min(sentenceDistance, 3);
            }
            else
            {
                // Cataphora: "When asked about her plans, Smith said …" — a subject after the pronoun's clause,
                // when no person is named before the pronoun in its sentence.
                if (sentenceDistance != 0 || !subject || firstInSentence[c.Sentence] < p || !ClauseBreakBetween(article, p, c.First)) continue;
                score = -0.5 - 0.02 * (c.First - p);
            }
            score += (subject ? 1.5 : 0) + (first ? 0.5 : 0)
                   + 1.2 * Math.Log(1 + frequency[Key(article, c)])
                   + (c.Gender != Gender.Unknown && c.Gender == gender ? 0.5 : 0);
            if (score > bestScore) { bestScore = score; best = c; }
        }
        if (best is null) return null;
        return new PronounAntecedent(article.SpanOfTokens(best.First, best.Last), best.EntityId, best.MentionId);
    }

    /// <summary>A name followed by what can only be its verb: an auxiliary or a lower-case content word, adverbs
    /// skipped ("Chernow was", "Smith later became"). A possessive ("Smith's") is not a subject.</summary>
    private static bool LooksLikeSubject(Article a, AttributionLexicon lex, Candidate c)
    {
        var last = a.Slice(a.Tokens[c.Last]);
        if (last.EndsWith("'s") || last.EndsWith("’s")) return false;
        for (int k = c.Last + 1; k < a.Tokens.Length && k <= c.Last + 3; k++)
        {
            var t = a.Tokens[k];
            if (t.Kind != TokenKind.Word || t.Has(TokenFlags.Capitalized)) return false;
            if (!lex.Function.TryGet(a.Slice(t), out var fn)) return true;
            if (fn == FunctionClass.Auxiliary) return true;
            if (fn is not (FunctionClass.Adverb or FunctionClass.Negation)) return false;
        }
        return false;
    }

    private static bool Compatible(Gender pronoun, Gender candidate) => pronoun switch
    {
        Gender.Masculine => candidate != Gender.Feminine,
        Gender.Feminine => candidate != Gender.Masculine,
        _ => true,
    };

    private static string Key(Article a, Candidate c)
    {
        var w = a.Slice(a.Tokens[c.Last]);
        if (w.EndsWith("'s") || w.EndsWith("’s")) w = w[..^2];
        return w.ToString();
    }

    private static bool ClauseBreakBetween(Article a, int from, int to)
    {
        for (int k = from + 1; k < to; k++)
        {
            var t = a.Tokens[k];
            if (t.Length == 1 && a.Text[t.Start] is ',' or ';' or ':') return true;
        }
        return false;
    }

    private static int SentenceOfToken(Article a, int token)
    {
        int s = a.SentenceIndexAt(a.Tokens[token].Start);
        return s < 0 ? 0 : s;
    }

    /// <summary>Person mentions of the entity stage, and capitalized name runs the entity stage did not cover
    /// (runs over a non-person entity's mention are places or organizations and are left out).</summary>
    private static List<Candidate> Candidates(Article a, Data data, AttributionLexicon lex, int pronounToken)
    {
        var list = new List<Candidate>();
        var covered = new bool[a.Tokens.Length];
        for (int m = 0; m < a.Mentions.Count; m++)
        {
            var mention = a.Mentions[m];
            if (mention.EntityId < 0 || mention.EntityId >= a.Entities.Count) continue;
            var entity = a.Entities[mention.EntityId];
            int first = a.TokenIndexAt(mention.Span.Start);
            int last = Math.Max(first, a.TokenIndexAt(mention.Span.End) - 1);
            if (first >= a.Tokens.Length) continue;
            for (int k = first; k <= last && k < covered.Length; k++) covered[k] = true;
            if (entity.Type != EntityType.Person) continue;
            if (mention.Kind is not (MentionKind.Name or MentionKind.PartialName or MentionKind.Description)) continue;
            var g = entity.Gender != Gender.Unknown ? entity.Gender : NameGender(a, data, first, last);
            list.Add(new Candidate(first, last, mention.EntityId, m, g, SentenceOfToken(a, first)));
        }

        // Words seen capitalized inside a sentence are names wherever they occur.
        var midSentence = new HashSet<string>(StringComparer.Ordinal);
        for (int k = 0; k < a.Tokens.Length; k++)
            if (IsNameWord(a, lex, data, k) && !SentenceInitial(a, k)) midSentence.Add(a.Slice(a.Tokens[k]).ToString());

        int i = 0;
        while (i < a.Tokens.Length)
        {
            if (covered[i] || !IsNameWord(a, lex, data, i)) { i++; continue; }
            int start = i, end = i;
            while (true)
            {
                int next = end + 1;
                if (next < a.Tokens.Length && !covered[next] && IsNameWord(a, lex, data, next) && SameSentence(a, end, next)) { end = next; continue; }
                // Lower-case name particles inside a name: "Ludwig van Beethoven", "Alfredo Di Stéfano".
                if (next + 1 < a.Tokens.Length && IsParticle(a, data, next) && IsNameWord(a, lex, data, next + 1) && SameSentence(a, end, next + 1)) { end = next + 1; continue; }
                break;
            }
            i = end + 1;
            // A sentence-initial capital is only a name when the word is also capitalized elsewhere or is a given name.
            while (start <= end && SentenceInitial(a, start) && !midSentence.Contains(a.Slice(a.Tokens[start]).ToString())
                   && !data.FirstNames.TryGet(a.Slice(a.Tokens[start]), out _))
                start++;
            if (start > end) continue;
            var gender = NameGender(a, data, start, end);
            // "the Grand Tour", "die Bundesregierung": a determiner before a name without a given name or title
            // marks a thing, and German capitalizes every noun, so there a name needs a given name or a title.
            bool determiner = start > 0 && lex.Function.TryGet(a.Slice(a.Tokens[start - 1]), out var fn) && fn == FunctionClass.Determiner;
            if (gender == Gender.Unknown && (determiner || lex.Language == "de")) continue;
            list.Add(new Candidate(start, end, -1, -1, gender, SentenceOfToken(a, start)));
        }
        list.Sort((x, y) => x.First.CompareTo(y.First));
        return list;
    }

    private static bool IsNameWord(Article a, AttributionLexicon lex, Data data, int k)
    {
        var t = a.Tokens[k];
        if (t.Kind != TokenKind.Word || !t.Has(TokenFlags.Capitalized)) return false;
        var w = a.Slice(t);
        if (lex.Function.TryGet(w, out _) || data.Forms.TryGet(w, out _) || lex.Months.Contains(w) || lex.Pronouns.TryGet(w, out _)) return false;
        if (data.Honorifics.TryGet(w.TrimEnd('.'), out _)) return false;
        return true;
    }

    private static bool IsParticle(Article a, Data data, int k)
    {
        var t = a.Tokens[k];
        return t.Kind == TokenKind.Word && !t.Has(TokenFlags.Capitalized) && data.NameParticles.Contains(a.Slice(t));
    }

    private static bool SameSentence(Article a, int x, int y) => a.SentenceIndexAt(a.Tokens[x].Start) == a.SentenceIndexAt(a.Tokens[y].Start);

    private static bool SentenceInitial(Article a, int k)
    {
        int s = a.SentenceIndexAt(a.Tokens[k].Start);
        if (s < 0) return k == 0;
        int first = a.Sentences[s].FirstToken;
        // Skip opening quotation marks and brackets.
        while (first < k && a.Tokens[first].Kind is TokenKind.Quote or TokenKind.Punctuation) first++;
        return first == k;
    }

    /// <summary>Gender from a title before the name ("Mr", "Frau") or from a given name inside it.</summary>
    private static Gender NameGender(Article a, Data data, int first, int last)
    {
        if (first > 0)
        {
            var before = a.Slice(a.Tokens[first - 1]).TrimEnd('.');
            if (data.Honorifics.TryGet(before, out var hg)) return hg;
        }
        for (int k = first; k <= last; k++)
            if (data.FirstNames.TryGet(a.Slice(a.Tokens[k]), out var g) && char.IsUpper(a.Text[a.Tokens[k].Start])) return g;
        return Gender.Unknown;
    }
}
