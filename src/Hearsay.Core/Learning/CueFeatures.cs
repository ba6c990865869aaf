using Hearsay.Attributions;
using Hearsay.Document;

namespace Hearsay.Learning;

/// <summary>
/// The features of one token for the cue detector, over an analyzed article's tokens, sentences and
/// quotations and the attribution lexicon (no part of speech, no parse): the word, a light stem, affixes
/// and shape; the neighbouring words; whether the word or its neighbours are reporting-verb forms and of
/// which class; function-word classes around it; punctuation and quotation context; its place in the
/// clause and sentence; the word that closes its clause (a separable particle: "stellen … fest"); what
/// follows a comma or colon after it ("sagen, dass"). Built once per article; <see cref="Extract"/>
/// writes hashed features into a caller's buffer and allocates nothing.
/// </summary>
public sealed class CueFeatures
{
    /// <summary>Changes whenever a feature changes meaning; a model records the version it was trained with.</summary>
    public const int Version = 1;
    /// <summary>Upper bound of features per token (the buffer size callers pass).</summary>
    public const int MaxFeatures = 40;

    private enum T : uint
    {
        Bias = 1, Word, Stem, Suffix2, Suffix3, Suffix4, Prefix3, Shape, SentencePosition,
        WordM1, WordP1, WordM2, WordP2, WordM1Stem, StemWordP1, Lexicon, LexiconLemma, LexiconM1, LexiconP1,
        FunctionM1, Function0, FunctionP1, PunctM1, PunctP1, AfterBreak, InQuote, ClauseFrom, ClauseTo,
        StemClauseLast, ClauseFirst, SentenceEnd, CapDeterminer, StemLength,
    }

    private static readonly string[] Endings = { "test", "tet", "ten", "est", "te", "st", "en", "em", "er", "es", "et", "e", "t", "n", "s" };

    private readonly Article _a;
    private readonly Token[] _t;
    private readonly string _text;
    private readonly AttributionLexicon _lex;
    private bool[]? _inQuote;

    public CueFeatures(Article article, AttributionLexicon lexicon)
    {
        _a = article;
        _t = article.Tokens;
        _text = article.Text;
        _lex = lexicon;
    }

    /// <summary>Per token: inside a quotation (built on the first feature request).</summary>
    private bool[] InQuote()
    {
        if (_inQuote is not null) return _inQuote;
        var inside = new bool[_t.Length];
        foreach (var q in _a.Quotations)
            for (int k = q.OpenToken + 1; k < q.CloseToken && k < inside.Length; k++) inside[k] = true;
        return _inQuote = inside;
    }

    public Article Article => _a;

    private ReadOnlySpan<char> S(int i) => _text.AsSpan(_t[i].Start, _t[i].Length);

    private bool IsClauseBreak(int i)
    {
        var k = _t[i].Kind;
        if (k is TokenKind.Quote or TokenKind.Dash) return true;
        return k == TokenKind.Punctuation && _t[i].Length == 1 && _text[_t[i].Start] is ',' or ';' or ':' or '(' or ')' or '.' or '!' or '?';
    }

    /// <summary>Writes the hashed features of token <paramref name="i"/> (not yet reduced to buckets) and returns how many.</summary>
    public int Extract(int i, Span<uint> f)
    {
        int n = 0;
        void Put(Span<uint> buf, uint h) { if (n < buf.Length) buf[n++] = FeatureHash.Finish(h); }

        int si = _a.SentenceIndexAt(_t[i].Start);
        int sStart = si >= 0 ? _a.Sentences[si].FirstToken : i;
        int sEnd = si >= 0 ? _a.Sentences[si].EndToken : i + 1;
        var w = S(i);

        Span<char> lower = stackalloc char[Math.Min(w.Length, 48)];
        w[..lower.Length].ToLowerInvariant(lower);
        var stem = Stem(lower);

        Put(f, FeatureHash.Start((uint)T.Bias));
        Put(f, FeatureHash.AddLower(FeatureHash.Start((uint)T.Word), w));
        Put(f, FeatureHash.AddLower(FeatureHash.Start((uint)T.Stem), stem));
        if (lower.Length >= 3) Put(f, FeatureHash.AddLower(FeatureHash.Start((uint)T.Suffix2), lower[^2..]));
        if (lower.Length >= 4) Put(f, FeatureHash.AddLower(FeatureHash.Start((uint)T.Suffix3), lower[^3..]));
        if (lower.Length >= 6) Put(f, FeatureHash.AddLower(FeatureHash.Start((uint)T.Suffix4), lower[^4..]));
        if (lower.Length >= 5) Put(f, FeatureHash.AddLower(FeatureHash.Start((uint)T.Prefix3), lower[..3]));
        Put(f, FeatureHash.Add(FeatureHash.Start((uint)T.Shape), Shape(i, sStart)));
        Put(f, FeatureHash.Add(FeatureHash.Start((uint)T.SentencePosition), Bucket(i - sStart, 0, 1, 2, 3, 6)));
        Put(f, FeatureHash.Add(FeatureHash.Start((uint)T.StemLength), Bucket(stem.Length, 0, 3, 5, 7, 10)));

        Put(f, Neighbour(T.WordM1, i - 1, sStart, sEnd));
        Put(f, Neighbour(T.WordP1, i + 1, sStart, sEnd));
        Put(f, Neighbour(T.WordM2, i - 2, sStart, sEnd));
        Put(f, Neighbour(T.WordP2, i + 2, sStart, sEnd));
        Put(f, FeatureHash.AddLower(Neighbour(T.WordM1Stem, i - 1, sStart, sEnd), stem));
        Put(f, Neighbour(T.StemWordP1, i + 1, sStart, sEnd, seed: FeatureHash.AddLower(FeatureHash.Start((uint)T.StemWordP1), stem)));

        // The reporting-verb lexicon: class and form of this word, and whether a neighbour is one.
        if (_t[i].Kind == TokenKind.Word && _lex.Verbs.TryGet(w, out var forms))
        {
            var v = forms[0];
            uint code = (uint)v.Class + 1 | (v.Participle ? 64u : 0) | (v.Particle is null ? 0 : 128u) | (char.IsUpper(w[0]) ? 256u : 0);
            Put(f, FeatureHash.Add(FeatureHash.Start((uint)T.Lexicon), code));
            Put(f, FeatureHash.AddLower(FeatureHash.Start((uint)T.LexiconLemma), v.Lemma));
        }
        else Put(f, FeatureHash.Add(FeatureHash.Start((uint)T.Lexicon), 0u));
        Put(f, FeatureHash.Add(FeatureHash.Start((uint)T.LexiconM1), LexiconCode(i - 1, sStart, sEnd)));
        Put(f, FeatureHash.Add(FeatureHash.Start((uint)T.LexiconP1), LexiconCode(i + 1, sStart, sEnd)));

        Put(f, FeatureHash.Add(FeatureHash.Start((uint)T.FunctionM1), FunctionCode(i - 1, sStart, sEnd)));
        Put(f, FeatureHash.Add(FeatureHash.Start((uint)T.Function0), FunctionCode(i, sStart, sEnd)));
        Put(f, FeatureHash.Add(FeatureHash.Start((uint)T.FunctionP1), FunctionCode(i + 1, sStart, sEnd)));
        // A capitalized word after a determiner is a noun ("die Forderung"), not a sentence-initial verb.
        if (_t[i].Has(TokenFlags.Capitalized) && i > sStart && FunctionCode(i - 1, sStart, sEnd) == (uint)FunctionClass.Determiner + 1)
            Put(f, FeatureHash.AddLower(FeatureHash.Start((uint)T.CapDeterminer), stem));

        Put(f, FeatureHash.Add(FeatureHash.Start((uint)T.PunctM1), PunctCode(i - 1, sStart, sEnd)));
        Put(f, FeatureHash.Add(FeatureHash.Start((uint)T.PunctP1), PunctCode(i + 1, sStart, sEnd)));
        Put(f, FeatureHash.Add(FeatureHash.Start((uint)T.InQuote), InQuote()[i] ? 1u : 0u));

        // What opens the next clause: ", dass", ", ob", ": " (a complement clause or a quotation).
        int next = i + 1;
        while (next < sEnd && next < i + 6 && !IsClauseBreak(next)) next++;
        if (next < sEnd && next < i + 6)
        {
            uint h = FeatureHash.AddLower(FeatureHash.Start((uint)T.AfterBreak), S(next));
            h = next + 1 < sEnd && _t[next + 1].Kind == TokenKind.Word ? FeatureHash.AddLower(h, S(next + 1)) : FeatureHash.Add(h, '#');
            Put(f, h);
        }

        // Place in the clause, and the word that closes it (a separable particle).
        int cs = i, ce = i + 1;
        while (cs > sStart && !IsClauseBreak(cs - 1)) cs--;
        while (ce < sEnd && !IsClauseBreak(ce)) ce++;
        Put(f, FeatureHash.Add(FeatureHash.Start((uint)T.ClauseFrom), Bucket(i - cs, 0, 1, 2, 3, 5)));
        Put(f, FeatureHash.Add(FeatureHash.Start((uint)T.ClauseTo), Bucket(ce - 1 - i, 0, 1, 2, 3, 5)));
        if (ce - 1 > i && _t[ce - 1].Kind == TokenKind.Word && _t[ce - 1].Length <= 7 && char.IsLower(_text[_t[ce - 1].Start]))
            Put(f, FeatureHash.AddLower(FeatureHash.AddLower(FeatureHash.Start((uint)T.StemClauseLast), stem), S(ce - 1)));
        if (cs < i && _t[cs].Kind == TokenKind.Word)
            Put(f, FeatureHash.AddLower(FeatureHash.Start((uint)T.ClauseFirst), S(cs)));
        // The sentence's closing mark: questions ("Sind Sie der Auffassung …?") and colons ("ich zitiere:").
        int last = sEnd - 1;
        Put(f, FeatureHash.Add(FeatureHash.Start((uint)T.SentenceEnd), last > i && _t[last].Kind == TokenKind.Punctuation ? _text[_t[last].Start] : '#'));
        return n;
    }

    /// <summary>The (unfinished) hash of a neighbouring word, or of a sentence edge or number placeholder.</summary>
    private uint Neighbour(T template, int k, int sStart, int sEnd, uint? seed = null)
    {
        uint h = seed ?? FeatureHash.Start((uint)template);
        if (k < sStart) h = FeatureHash.Add(h, '<');
        else if (k >= sEnd) h = FeatureHash.Add(h, '>');
        else if (_t[k].Kind == TokenKind.Number) h = FeatureHash.Add(h, '0');
        else h = FeatureHash.AddLower(h, S(k));
        return h;
    }

    private uint LexiconCode(int k, int sStart, int sEnd)
    {
        if (k < sStart || k >= sEnd || _t[k].Kind != TokenKind.Word) return 0;
        return _lex.Verbs.TryGet(S(k), out var forms) ? (uint)forms[0].Class + 1 : 0;
    }

    private uint FunctionCode(int k, int sStart, int sEnd)
    {
        if (k < sStart || k >= sEnd) return 100;
        if (_t[k].Kind != TokenKind.Word) return 101 + (uint)_t[k].Kind;
        return _lex.Function.TryGet(S(k), out var c) ? (uint)c + 1 : 0;
    }

    private uint PunctCode(int k, int sStart, int sEnd) => TokenCodes.Punct(_t, _text, k, sStart, sEnd);

    private uint Shape(int i, int sStart) => TokenCodes.Shape(_t[i], i == sStart, hyphen: true);

    /// <summary>A hash of the light stem of token i (lower-cased): the key of <see cref="CueModel.IsCueStem"/>.</summary>
    public uint StemKey(int i) => StemKey(S(i));

    public static uint StemKey(ReadOnlySpan<char> word)
    {
        Span<char> lower = stackalloc char[Math.Min(word.Length, 48)];
        word[..lower.Length].ToLowerInvariant(lower);
        return FeatureHash.Finish(FeatureHash.AddLower(FeatureHash.Start((uint)T.Stem), Stem(lower)));
    }

    private static uint Bucket(int value, params ReadOnlySpan<int> bounds)
    {
        uint b = 0;
        foreach (var x in bounds) if (value >= x) b++;
        return b;
    }

    /// <summary>A light stem of a lower-cased word: one inflectional ending off (when three letters stay),
    /// then a participle "ge-" ("gesagt", "sagte", "sagen" → "sag").</summary>
    public static ReadOnlySpan<char> Stem(ReadOnlySpan<char> lower)
    {
        var s = lower;
        foreach (var e in Endings)
            if (s.Length - e.Length >= 3 && s.EndsWith(e, StringComparison.Ordinal)) { s = s[..^e.Length]; break; }
        if (s.Length >= 5 && s.StartsWith("ge", StringComparison.Ordinal)) s = s[2..];
        return s;
    }
}
