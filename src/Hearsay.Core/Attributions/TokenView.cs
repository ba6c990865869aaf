using Hearsay.Document;
using Hearsay.Learning;
using Hearsay.Text;

namespace Hearsay.Attributions;

/// <summary>Read-only helpers over an article's tokens for the rule stages: word classes from the
/// lexicon, punctuation tests, noun-phrase chunking, and entity mentions by token. Built once per
/// article; holds no strings of its own.</summary>
internal sealed class TokenView
{
    public readonly Article Article;
    public readonly Token[] T;
    public readonly string Text;
    public readonly AttributionLexicon Lex;
    public readonly bool German;
    /// <summary>For each token, the index of the entity mention starting there, or -1. Names of works, events and
    /// products (<see cref="EntityType.Other"/>) and names inside compound words (<see cref="MentionKind.Modifier"/>)
    /// are left out: they are never a speaker, a medium or the head of a source phrase.</summary>
    public readonly int[] MentionAt;
    /// <summary>For each token, the token after the mention starting there.</summary>
    public readonly int[] MentionEnd;
    /// <summary>The learned cue detector's scores for this article's tokens, or null without a model.</summary>
    private readonly CueScorer? _cues;

    public TokenView(Article article, AttributionLexicon lex)
    {
        if (lex.CueModel is { } model) _cues = new CueScorer(model, article, lex);
        Article = article;
        T = article.Tokens;
        Text = article.Text;
        Lex = lex;
        German = lex.Language == "de";
        MentionAt = new int[T.Length];
        MentionEnd = new int[T.Length];
        _known = new byte[T.Length];
        Array.Fill(MentionAt, -1);
        for (int m = 0; m < article.Mentions.Count; m++)
        {
            var mention = article.Mentions[m];
            if (mention.Kind == MentionKind.Modifier || mention.EntityId >= 0 && article.Entities[mention.EntityId].Type == EntityType.Other) continue;
            var span = mention.Span;
            int first = article.TokenIndexAt(span.Start);
            if (first >= T.Length || T[first].Start != span.Start) continue;
            int last = first;
            while (last + 1 < T.Length && T[last + 1].Start < span.End) last++;
            if (MentionAt[first] < 0 || MentionEnd[first] < last + 1)
            {
                MentionAt[first] = m;
                MentionEnd[first] = last + 1;
            }
        }
    }

    public int Count => T.Length;

    /// <summary>A capitalized word that can be part of a name: function words count only inside a sentence ("Jonas Weil").</summary>
    public bool IsNameWord(int i) => IsCap(i) && (Fn(i) == FunctionClass.None || !AtSentenceStart(i));

    /// <summary>Whether token i opens a sentence or quotation (where function words are capitalized too).</summary>
    public bool AtSentenceStart(int i) =>
        i == 0 || T[i].Has(TokenFlags.ParagraphBefore) || IsTerminal(i - 1) || IsQuote(i - 1) || Is(i - 1, ':') || IsDash(i - 1);
    /// <summary>The text of token i; empty outside the tokens, like the other checks here (rules look one token ahead).</summary>
    public ReadOnlySpan<char> S(int i) => (uint)i < (uint)T.Length ? Text.AsSpan(T[i].Start, T[i].Length) : default;
    public bool IsWord(int i) => i >= 0 && i < T.Length && T[i].Kind == TokenKind.Word;
    public bool Is(int i, char c) => i >= 0 && i < T.Length && T[i].Length == 1 && Text[T[i].Start] == c;
    public bool IsComma(int i) => Is(i, ',');
    public bool Is(int i, string word) => i >= 0 && i < T.Length && S(i).Equals(word, StringComparison.OrdinalIgnoreCase);
    public bool IsCap(int i) => IsWord(i) && T[i].Has(TokenFlags.Capitalized);
    public bool IsLowerWord(int i) => IsWord(i) && char.IsLower(Text[T[i].Start]);
    public bool IsQuote(int i) => i >= 0 && i < T.Length && T[i].Kind == TokenKind.Quote;
    public bool IsClauseBreak(int i) => i >= 0 && i < T.Length && T[i].Length == 1 && Text[T[i].Start] is ',' or ';' or ':' or '(' or ')';
    public bool IsTerminal(int i) => i >= 0 && i < T.Length && T[i].Kind == TokenKind.Punctuation && CharClass.IsTerminal(Text[T[i].Start]);
    public bool IsDash(int i) => i >= 0 && i < T.Length && T[i].Kind == TokenKind.Dash;

    public FunctionClass Fn(int i)
    {
        if (!IsWord(i)) return FunctionClass.None;
        // The rules ask for the same token's class many times: each word is looked up once.
        int known = _known[i] & FnBits;
        if (known != 0) return (FunctionClass)(known - 1);
        var f = Lex.Function.TryGet(S(i), out var c) ? c : FunctionClass.None;
        _known[i] |= (byte)(f + 1);
        return f;
    }

    /// <summary>What is known of each token's lexicon lookups, in one byte: its function class + 1 in the low four
    /// bits (0: not looked up yet); whether it is a pronoun (<see cref="PronounChecked"/>, <see cref="PronounYes"/>);
    /// whether it is a form in the verb lexicon (<see cref="VerbChecked"/>, <see cref="VerbYes"/>).</summary>
    private readonly byte[] _known;
    private const int FnBits = 0x0F;
    private const byte PronounChecked = 0x10, PronounYes = 0x20, VerbChecked = 0x40, VerbYes = 0x80;

    static TokenView()
    {
        // The class + 1 must fit the low four bits: a fifteenth function class needs another layout.
        if (Enum.GetValues<FunctionClass>().Length >= FnBits) throw new InvalidOperationException("too many function classes for TokenView's byte per token");
    }

    /// <summary>The verb lexicon's forms for word token i, or null. Most words are no verb form: that is remembered,
    /// so only the verb forms are looked up again.</summary>
    private VerbForm[]? VerbEntry(int i)
    {
        byte known = _known[i];
        if ((known & VerbChecked) != 0 && (known & VerbYes) == 0) return null;
        bool found = Lex.Verbs.TryGet(S(i), out var forms);
        _known[i] |= found ? (byte)(VerbChecked | VerbYes) : VerbChecked;
        return found ? forms : null;
    }

    /// <summary>Reporting-verb forms of token i, or null. German verbs are lower-case except at a sentence start.
    /// With a learned cue model (<see cref="AttributionLexicon.CueModel"/>), see <see cref="ModelSays"/>.</summary>
    public VerbForm[]? Verb(int i, bool sentenceStart = false)
    {
        if (!IsWord(i)) return null;
        if (!IsLowerWord(i) && !sentenceStart) return null; // "Post", "May": names, not verbs
        var v = VerbEntry(i);
        if (v is null) return _cues is null ? null : ModelCandidate(i);
        if (Fn(i) == FunctionClass.Determiner) return null;  // "meine Damen und Herren" is no form of "meinen"
        return _cues is not null && !float.IsNegativeInfinity(_cues.Model.VetoBelow) && _cues.Score(i) < _cues.Model.VetoBelow ? null : v;
    }

    // ---------------------------------------------------------------- the learned cue model (optional)
    // The model (Learning/CueModel, trained on SpkAtt-2023 by `hearsay train cues`) only ever narrows or
    // widens the set of words the rules treat as reporting verbs: a lexicon form it scores below the
    // model's veto threshold is no cue here ("Das meinen wir"), and a lower-case finite-looking word outside
    // the lexicon whose stem was a cue in the training data and that it scores above the add threshold in
    // this context is a neutral speech verb ("Die Grünen begrüßen, dass …"). Participles are not added: in
    // news they are mostly passives of non-speech verbs ("wurden gezeigt"). All rules stay as they are.

    private static readonly VerbForm[] ModelFinite = { new("(model)", CueClass.Speech, null, false) };

    /// <summary>The model's score for token i as a cue (margin; positive means cue), or null without a model.</summary>
    public float? ModelSays(int i) => _cues?.Score(i);

    /// <summary>Per token: 0 not yet decided, 1 no candidate, 2 candidate (Verb is asked many times per token).</summary>
    private byte[]? _candidate;

    private VerbForm[]? ModelCandidate(int i)
    {
        if (float.IsPositiveInfinity(_cues!.Model.AddAbove)) return null;
        _candidate ??= new byte[T.Length];
        if (_candidate[i] == 0) _candidate[i] = IsModelCandidate(i) ? (byte)2 : (byte)1;
        return _candidate[i] == 2 ? ModelFinite : null;
    }

    private bool IsModelCandidate(int i)
    {
        if (!IsLowerWord(i) || T[i].Length < 4 || Fn(i) != FunctionClass.None) return false;
        var s = S(i);
        if (s.EndsWith("iert") || (s.StartsWith("ge") && s.Length >= 6 && (s.EndsWith("t") || s.EndsWith("en")))) return false; // a participle
        return _cues!.IsCueStem(i) && _cues.Score(i) > _cues.Model.AddAbove;
    }

    /// <summary>Skips adverbs and particles that can stand between a verb and its subject ("sagte zumindest der …").</summary>
    public int SkipAdverbs(int i, int end)
    {
        while (i < end && (Fn(i) is FunctionClass.Adverb or FunctionClass.Negation) && !IsPronoun(i)) i++;
        return i;
    }

    public bool IsPronoun(int i)
    {
        if (!IsWord(i)) return false;
        byte known = _known[i];
        if ((known & PronounChecked) == 0)
            _known[i] = known |= Lex.Pronouns.TryGet(S(i), out _) ? (byte)(PronounChecked | PronounYes) : PronounChecked;
        return (known & PronounYes) != 0;
    }

    /// <summary>Whether token i looks like an attributive adjective or participle (lower case, not a function word or verb).</summary>
    public bool IsAdjectiveLike(int i)
    {
        if (!IsLowerWord(i) || Fn(i) != FunctionClass.None) return false;
        if (!German) return Verb(i) is null;
        var s = S(i);
        return s.EndsWith("e") || s.EndsWith("en") || s.EndsWith("er") || s.EndsWith("es") || s.EndsWith("em") || s.EndsWith("isch");
    }

    /// <summary>
    /// Chunks a noun phrase starting at <paramref name="i"/> and ending before <paramref name="limit"/>:
    /// determiner, adjectives (German: also an extended attribute "in New York ansässigen"), a head of
    /// capitalized words or an entity mention, an apposed name, and one genitive attachment. Returns
    /// the end (exclusive) or -1 when no noun phrase starts here.
    /// </summary>
    public int NounPhrase(int i, int limit, bool allowGenitive = true)
    {
        if (i >= limit) return -1;
        // English possessives are pronouns and determiners: "His spokesman", "her campaign" (a noun follows) are phrases
        if (IsPronoun(i) && !(!German && Fn(i) == FunctionClass.Determiner && i + 1 < limit && IsLowerWord(i + 1) && Fn(i + 1) == FunctionClass.None && Verb(i + 1) is null))
            return i + 1;
        int k = i;
        bool det = false;
        if (Fn(k) == FunctionClass.Determiner) { k++; det = true; }
        if (German && det && Fn(k) == FunctionClass.Preposition)
        {
            // extended attribute: des [in New York ansässigen] Council …
            for (int j = k + 1; j < Math.Min(limit, k + 8); j++)
            {
                if (IsClauseBreak(j) || IsTerminal(j)) break;
                if (IsLowerWord(j) && IsAdjectiveLike(j) && (IsCap(j + 1) || MentionAt[Math.Min(j + 1, T.Length - 1)] >= 0)) { k = j; break; }
            }
        }
        // English: a verb-like word right before a noun is a modifier ("state television", "report card").
        if (!German && IsLowerWord(k) && Fn(k) == FunctionClass.None && Verb(k) is not null && k + 1 < limit && IsLowerWord(k + 1) && Fn(k + 1) == FunctionClass.None && Verb(k + 1) is null)
            k++;
        while (k < limit && (IsAdjectiveLike(k) || T[k].Kind == TokenKind.Number || (IsLowerWord(k) && Is(k + 1, ',') && IsAdjectiveLike(k + 2))))
        {
            // English: a past tense after a noun ends the phrase ("The senator defended the bill")
            if (!German && k > (det ? i + 1 : i) && S(k).EndsWith("ed", StringComparison.Ordinal) && IsLowerWord(k - 1) && !S(k - 1).EndsWith("ly", StringComparison.Ordinal)) break;
            // a comma joins two adjectives ("a tall, thin man"); in English, before anything else it ends the phrase
            // ("According to exit polls, Mitt Romney had …")
            if (Is(k + 1, ',') && (German || IsAdjectiveLike(k + 2) && IsLowerWord(k + 3) && Fn(k + 3) == FunctionClass.None && Verb(k + 3) is null)) k++;
            else if (!German && Is(k + 1, ',')) { k++; break; }
            k++;
        }
        int headStart = k;
        int adjectivesFrom = det ? i + 1 : i;
        while (k < limit)
        {
            if (MentionAt[k] >= 0) { k = Math.Min(limit, MentionEnd[k]); continue; }
            if (IsCap(k) && (Fn(k) == FunctionClass.None || (k > i && !AtSentenceStart(k))) && Verb(k) is null) { k++; continue; }
            if (!German && IsLowerWord(k) && Fn(k) == FunctionClass.None && Verb(k) is null && k > headStart - 1 && IsNounLikeEnglish(k)
                && !(k > i && IsWord(k - 1) && Fn(k - 1) == FunctionClass.None && !S(k - 1).EndsWith("ly", StringComparison.Ordinal)
                     && S(k).EndsWith("ed", StringComparison.Ordinal) && !Lex.Roles.TryGetExact(S(k), out _))) { k++; continue; }  // "The senator defended …": a past tense after the head ends the phrase
            // English: a cue form right after an article or possessive is a noun ("The report shows", "his claims")
            if (!German && det && k == headStart && k == i + 1 && IsLowerWord(k) && Fn(k) == FunctionClass.None && Verb(k) is not null
                && !S(k).EndsWith("ing", StringComparison.Ordinal) && !S(k).EndsWith("ed", StringComparison.Ordinal) && !Is(i, "that") && !Is(i, "this")) { k++; continue; }
            if (T[k].Kind == TokenKind.Quote && k + 1 < limit && IsCap(k + 1)) { k++; continue; }
            // English names joined by a slash: "the Reuters/Ipsos poll", "ABC/Washington Post"
            if (!German && k > headStart && Is(k, '/') && IsCap(k - 1) && k + 1 < limit && IsCap(k + 1)) { k++; continue; }
            // Lower-case names with digits or hyphens: n-tv, n24, t-online.
            if (IsLowerWord(k) && (T[k].Has(TokenFlags.HasDigit) || T[k].Has(TokenFlags.Hyphenated)) && Fn(k) == FunctionClass.None && Verb(k) is null && !IsAdjectiveLike(k)) { k++; continue; }
            // Name-internal function words: "Council for Foreign Relations", "Bank of England".
            if (k > headStart && IsLowerWord(k) && T[k].Length <= 4 && IsCap(k + 1) && k + 1 < limit && IsNameLink(k)) { k++; continue; }
            break;
        }
        if (k == headStart)
        {
            // English common nouns are lower case: "a statement", "the senator" end in the last word taken.
            if (German || k == adjectivesFrom) return -1;
        }
        // English role attachments: "a reporter for USA Today", "a spokesman at the Pentagon".
        // Plural roles and common-noun organizations too: "attorneys for the family", "a spokeswoman for the campaign".
        if (!German && k < limit && (Is(k, "for") || Is(k, "at") || Is(k, "with") || Is(k, "from")) && k > headStart - 1
            && IsRoleNoun(k - 1) && (IsCap(k + 1) || Fn(k + 1) == FunctionClass.Determiner && (IsCap(k + 2) || IsLowerWord(k + 2))))
        {
            int pp = NounPhrase(k + 1, limit, allowGenitive: false);
            // a common noun outside the lexicons after the article: "for the family"
            if (pp <= k + 1 && Fn(k + 1) == FunctionClass.Determiner && k + 2 < limit && IsLowerWord(k + 2) && Fn(k + 2) == FunctionClass.None && Verb(k + 2) is null)
                pp = k + 3;
            if (pp > k + 1) k = pp;
        }
        // English documents with their author: "an estimate by the epidemiologist Marta Ruiz", "a study by Loyola Law School".
        if (!German && k < limit && Is(k, "by") && k > i && Lex.SourceNouns.TryGetExact(S(k - 1), out var docKind) && docKind == NounSourceKind.Document)
        {
            int by = NounPhrase(k + 1, limit, allowGenitive: false);
            if (by > k + 1) k = by;
        }
        // A genitive attachment: "der Sprecher des Ministeriums", "the head of the agency".
        if (allowGenitive && k < limit)
        {
            if (German && (Is(k, "des") || (Is(k, "der") && IsCap(k + 1) && !IsCap(k - 1))))
            {
                int g = NounPhrase(k, limit, allowGenitive: false);
                if (g > 0) k = g;
            }
            else if (!German && Is(k, "of") && (Fn(k + 1) == FunctionClass.Determiner || IsCap(k + 1)))
            {
                int g = NounPhrase(k + 1, limit, allowGenitive: false);
                if (g > 0) k = g;
            }
            // English bare plurals after a group or quantity noun: "A group of doctors", "dozens of papers"
            else if (!German && Is(k, "of") && k + 1 < limit && IsLowerWord(k + 1) && Fn(k + 1) == FunctionClass.None && Verb(k + 1) is null)
            {
                int g = k + 1;
                while (g < limit && g - k <= 3 && IsLowerWord(g) && Fn(g) == FunctionClass.None && Verb(g) is null && !S(g).EndsWith("ing", StringComparison.Ordinal)) g++;
                if (g > k + 1) k = g;
            }
        }
        return k;
    }

    /// <summary>An English role noun, singular or a plural in -s of a listed singular ("attorneys", "aides").</summary>
    private bool IsRoleNoun(int i)
    {
        var s = S(i);
        if (Lex.Roles.TryGetExact(s, out _)) return true;
        return s.Length > 3 && s[^1] == 's' && Lex.Roles.TryGetExact(s[..^1], out _);
    }

    private bool IsNameLink(int i)
    {
        var s = S(i);
        return s is "for" or "of" or "on" or "and" or "für" or "the" or "de" or "del" or "van" or "von" or "der" or "al";
    }

    private bool IsNounLikeEnglish(int i)
    {
        var s = S(i);
        if (s.EndsWith("ly")) return false;
        return IsRoleNoun(i) || Lex.SourceNouns.TryGetExact(s, out _) || Lex.MediaNouns.TryGetExact(s, out _) || IsAdjectiveLike(i) && !s.EndsWith("ing");
    }

    /// <summary>Index of the last content token of a phrase: the head noun.</summary>
    public int Head(int start, int end)
    {
        for (int k = end - 1; k >= start; k--)
        {
            if (MentionAt[k] >= 0 && MentionEnd[k] == end) return k;
            if (T[k].Kind == TokenKind.Word && Fn(k) == FunctionClass.None) return k;
        }
        return end - 1;
    }

    /// <summary>The entity mention that names the phrase [start, end): a person anywhere in it, else the mention
    /// at its head (the last one ending at the phrase's end). Adjectives ("russische") and places inside a
    /// larger phrase ("des in New York ansässigen Council") describe the phrase; they do not name it.</summary>
    public int MentionIn(int start, int end)
    {
        int atHead = -1;
        for (int k = start; k < end; k++)
        {
            int m = MentionAt[k];
            if (m < 0) continue;
            var mention = Article.Mentions[m];
            if (mention.Kind.Qualifies()) continue;
            var e = mention.EntityId;
            if (e >= 0 && Article.Entities[e].Type == EntityType.Person) return m;
            int mEnd = MentionEnd[k];
            bool whole = k == start || (k == start + 1 && Fn(start) == FunctionClass.Determiner);
            if (mEnd >= end || whole || mEnd == HeadEnd(start, end)) atHead = m;
        }
        return atHead;
    }

    /// <summary>The token after the phrase's head noun, before any genitive or apposition.</summary>
    private int HeadEnd(int start, int end)
    {
        for (int k = start + 1; k < end; k++)
            if (Is(k, "des") || Is(k, "der") && k > start + 1 || Is(k, "of") || IsComma(k)) return k;
        return end;
    }
}
