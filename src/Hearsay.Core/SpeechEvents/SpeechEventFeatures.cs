using Hearsay.Attributions;
using Hearsay.Document;
using Hearsay.Learning;

namespace Hearsay.SpeechEvents;

/// <summary>
/// The features of the two speech-event taggers, over an analyzed article (tokens, sentences, quotations) and
/// the attribution lexicon; every feature is a hash (<see cref="FeatureHash"/>), a token always has exactly
/// <see cref="CueCount"/> or <see cref="RoleCount"/> of them (a missing one is a fixed padding hash), as the
/// <see cref="SequenceModel"/> trainer expects. Built once per article; extraction writes into a caller's
/// buffer and allocates nothing.
/// <list type="bullet">
/// <item>Cue tagger: the cue detector's token features (<see cref="CueFeatures"/>: word, light stem, affixes,
/// shape, neighbours, reporting-verb lexicon class and lemma, function-word classes, punctuation and quotation
/// context, clause position, clause-final particle, what opens the next clause), plus word bigrams and the
/// stem joined with the function class before it (a determiner before a noun cue: "die Forderung").</item>
/// <item>Role tagger, for one token relative to one cue: direction and distance to the cue, clause breaks
/// between them, whether a subordinate clause opens between them; the token's word, stem, suffix, shape,
/// function class and neighbours, each also joined with the direction; the cue's stem joined with direction,
/// breaks and the token's function class; whether token and cue are quoted. Since version 2 also: what the lexicons
/// say the token is (pronoun, role, source, medium or speech noun, mood form), the word opening the token's clause
/// joined with direction and breaks and with the cue's stem, a nominal cue and the word before the cue joined with the
/// token's function class, quotation marks between token and cue, shape by distance, the mood forms of the token's
/// clause (Konjunktiv I or II), other cues between token and cue (<see cref="MarkCue"/>) and whether the token is part
/// of one, and the first clause break on the way from the cue to the token.</item>
/// </list>
/// </summary>
public sealed class SpeechEventFeatures
{
    /// <summary>Changes whenever a feature changes meaning; a model records the version it was trained with.</summary>
    public const int Version = 2;
    public const int CueCount = CueFeatures.MaxFeatures + 4;
    public const int RoleCount = 44;

    private enum T : uint
    {
        Pad = 0x5E00, BigramLeft, BigramRight, StemAfterFunction, StemNominal,
        RBias, RDir, RDist, RBreaks, RSub, RWord, RStem, RSuffix, RShape, RFunc, RWordM1, RWordP1, RWordDir, RStemDir,
        RFuncDirBreaks, RCueStemDir, RCueStemDirBreaks, RCueStemFunc, RCueStemWord, RQuote, RCueNominal, RClauseFirst,
        RPunct, RSentenceEdge, RFuncM1Dir, RCueLexicon, RDirDistFunc, RStemDirDist, RCueWordP1, RCueWordM1, RCapDir,
        RLexClass, RLexClassDirBreaks, RClauseFirstDirBreaks, RClauseFirstCueStem,
        RNominalFuncDir, RCuePrevFuncDir, RQuoteBetween, RShapeDirDist, RClauseMood, RFirstBreak, ROtherCue,
    }

    private static readonly uint PadHash = FeatureHash.Finish(FeatureHash.Start((uint)T.Pad));

    private readonly Article _a;
    private readonly Token[] _t;
    private readonly string _text;
    private readonly AttributionLexicon _lex;
    private readonly CueFeatures _cue;
    private bool[]? _inQuote;
    /// <summary>Per token, computed on first request: the stem hash, the function-word code and the lexicon code
    /// (<see cref="Unknown"/> until then). The role tagger reads them once per cue for every token of a sentence.</summary>
    private uint[]? _stem, _func, _lexCode, _class;
    /// <summary>Per token: the mood forms its clause holds (bit 0: Konjunktiv I or reportive "sollen", bit 1: Konjunktiv II).</summary>
    private byte[]? _clauseMood;
    /// <summary>Per token: whether it is part of some cue of its sentence (<see cref="MarkCue"/>).</summary>
    private bool[]? _isCue;

    /// <summary>Marks token i as part of a cue (the stage marks what the cue tagger found; training marks the gold cues):
    /// the role features of another cue's tokens read it.</summary>
    public void MarkCue(int i) => (_isCue ??= new bool[_t.Length])[i] = true;
    private const uint Unknown = uint.MaxValue;

    public SpeechEventFeatures(Article article, AttributionLexicon lexicon)
    {
        _a = article;
        _t = article.Tokens;
        _text = article.Text;
        _lex = lexicon;
        _cue = new CueFeatures(article, lexicon);
    }

    public Article Article => _a;

    private ReadOnlySpan<char> S(int i) => _text.AsSpan(_t[i].Start, _t[i].Length);

    /// <summary>Whether the cue tagger may score a token (words only; every other token is "O").</summary>
    public bool IsCandidate(int i) => _t[i].Kind == TokenKind.Word;

    /// <summary>The light-stem key of token i (<see cref="CueFeatures.StemKey(ReadOnlySpan{char})"/>).</summary>
    public uint StemKey(int i) => CueFeatures.StemKey(S(i));

    /// <summary>Writes exactly <see cref="CueCount"/> features of token <paramref name="i"/> for the cue tagger.</summary>
    public void Cue(int i, Span<uint> f)
    {
        int n = _cue.Extract(i, f);
        int si = _a.SentenceIndexAt(_t[i].Start);
        int sStart = si >= 0 ? _a.Sentences[si].FirstToken : i, sEnd = si >= 0 ? _a.Sentences[si].EndToken : i + 1;
        var w = S(i);
        uint stem = StemHash(i);
        if (n < f.Length) f[n++] = FeatureHash.Finish(FeatureHash.AddLower(Word(T.BigramLeft, i - 1, sStart, sEnd), w));
        if (n < f.Length) f[n++] = FeatureHash.Finish(Word(T.BigramRight, i + 1, sStart, sEnd, FeatureHash.AddLower(FeatureHash.Start((uint)T.BigramRight), w)));
        if (n < f.Length) f[n++] = FeatureHash.Finish(FeatureHash.Add(FeatureHash.Add(FeatureHash.Start((uint)T.StemAfterFunction), stem), Function(i - 1, sStart, sEnd)));
        if (n < f.Length && _t[i].Has(TokenFlags.Capitalized) && i > sStart)
            f[n++] = FeatureHash.Finish(FeatureHash.Add(FeatureHash.Start((uint)T.StemNominal), stem));
        while (n < f.Length) f[n++] = PadHash;
    }

    /// <summary>Writes exactly <see cref="RoleCount"/> features of token <paramref name="j"/> for the role tagger,
    /// relative to the cue on tokens [<paramref name="cueFirst"/>, <paramref name="cueEnd"/>) of the sentence
    /// [<paramref name="sStart"/>, <paramref name="sEnd"/>).</summary>
    public void Role(int j, int cueFirst, int cueEnd, int sStart, int sEnd, Span<uint> f)
    {
        int n = 0;
        void Put(Span<uint> buf, uint h) { if (n < buf.Length) buf[n++] = FeatureHash.Finish(h); }

        uint dir = j < cueFirst ? 1u : j >= cueEnd ? 2u : 3u;
        int dist = j < cueFirst ? cueFirst - j : j >= cueEnd ? j - cueEnd + 1 : 0;
        uint distB = Bucket(dist, 1, 2, 3, 4, 6, 10, 16);
        int from = Math.Min(j, cueFirst), to = Math.Max(j, cueEnd - 1);
        int breaks = 0, otherCues = 0;
        uint quoteMarks = 0, firstBreak = 0;
        bool sub = false;
        var isCue = _isCue;
        for (int k = from + 1; k < to; k++)
        {
            if (isCue is not null && isCue[k] && (k < cueFirst || k >= cueEnd) && (k == from + 1 || !isCue[k - 1])) otherCues++;
            if (_t[k].Kind == TokenKind.Quote && quoteMarks < 2) quoteMarks++;
            // the first clause break on the way from the cue to the token (',' ':' a quotation mark …)
            if ((k >= cueEnd || k < cueFirst) && IsClauseBreak(k) && (firstBreak == 0 || j < cueFirst)) firstBreak = Punct(k, sStart, sEnd);
            if (IsClauseBreak(k)) breaks++;
            else if (_t[k].Kind == TokenKind.Word && Function(k, sStart, sEnd) is var c && (c == (uint)FunctionClass.Subordinator + 1 || c == (uint)FunctionClass.Relative + 1)) sub = true;
        }
        uint breaksB = (uint)Math.Min(breaks, 3);
        uint cueStem = StemHash(cueFirst);
        uint func = Function(j, sStart, sEnd);
        uint stem = StemHash(j);
        var w = S(j);
        uint start(T t) => FeatureHash.Start((uint)t);

        Put(f, start(T.RBias));
        Put(f, FeatureHash.Add(start(T.RDir), dir));
        Put(f, FeatureHash.Add(FeatureHash.Add(start(T.RDist), dir), distB));
        Put(f, FeatureHash.Add(FeatureHash.Add(start(T.RBreaks), dir), breaksB));
        Put(f, FeatureHash.Add(FeatureHash.Add(start(T.RSub), dir), sub ? 1u : 0u));
        Put(f, FeatureHash.AddLower(start(T.RWord), w));
        Put(f, FeatureHash.Add(start(T.RStem), stem));
        if (w.Length >= 4) Put(f, FeatureHash.AddLower(start(T.RSuffix), w[^3..]));
        Put(f, FeatureHash.Add(start(T.RShape), Shape(j, sStart)));
        Put(f, FeatureHash.Add(start(T.RFunc), func));
        Put(f, Word(T.RWordM1, j - 1, sStart, sEnd));
        Put(f, Word(T.RWordP1, j + 1, sStart, sEnd));
        Put(f, FeatureHash.AddLower(FeatureHash.Add(start(T.RWordDir), dir), w));
        Put(f, FeatureHash.Add(FeatureHash.Add(start(T.RStemDir), dir), stem));
        Put(f, FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(start(T.RFuncDirBreaks), func), dir), breaksB));
        Put(f, FeatureHash.Add(FeatureHash.Add(start(T.RCueStemDir), cueStem), dir));
        Put(f, FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(start(T.RCueStemDirBreaks), cueStem), dir), breaksB));
        Put(f, FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(start(T.RCueStemFunc), cueStem), dir), func));
        Put(f, FeatureHash.AddLower(FeatureHash.Add(FeatureHash.Add(start(T.RCueStemWord), cueStem), dir), w));
        var quotes = InQuote();
        Put(f, FeatureHash.Add(FeatureHash.Add(start(T.RQuote), quotes[j] ? 1u : 0u), quotes[cueFirst] ? 1u : 0u));
        Put(f, FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(start(T.RCueNominal), _t[cueFirst].Has(TokenFlags.Capitalized) && cueFirst > sStart ? 1u : 0u), dir), distB));
        int cs = j;
        while (cs > sStart && !IsClauseBreak(cs - 1)) cs--;
        Put(f, FeatureHash.Add(cs < j && _t[cs].Kind == TokenKind.Word ? FeatureHash.AddLower(start(T.RClauseFirst), S(cs)) : start(T.RClauseFirst), dir));
        Put(f, FeatureHash.Add(FeatureHash.Add(start(T.RPunct), Punct(j - 1, sStart, sEnd)), Punct(j + 1, sStart, sEnd)));
        Put(f, FeatureHash.Add(start(T.RSentenceEdge), (j == sStart ? 1u : 0u) | (j == sEnd - 1 ? 2u : 0u) | (j == sEnd - 2 ? 4u : 0u)));
        Put(f, FeatureHash.Add(FeatureHash.Add(start(T.RFuncM1Dir), Function(j - 1, sStart, sEnd)), dir));
        Put(f, FeatureHash.Add(FeatureHash.Add(start(T.RCueLexicon), LexiconCode(cueFirst)), dir));
        Put(f, FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(start(T.RDirDistFunc), dir), distB), func));
        Put(f, FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(start(T.RStemDirDist), stem), dir), Bucket(dist, 1, 3, 8)));
        Put(f, Word(T.RCueWordP1, cueEnd, sStart, sEnd, FeatureHash.Add(start(T.RCueWordP1), dir)));
        Put(f, Word(T.RCueWordM1, cueFirst - 1, sStart, sEnd, FeatureHash.Add(start(T.RCueWordM1), dir)));
        Put(f, FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(start(T.RCapDir), _t[j].Has(TokenFlags.Capitalized) ? 1u : 0u), dir), breaksB));
        uint cls = LexClass(j);
        Put(f, FeatureHash.Add(FeatureHash.Add(start(T.RLexClass), cls), dir));
        Put(f, FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(start(T.RLexClassDirBreaks), cls), dir), breaksB));
        uint first = cs < j && _t[cs].Kind == TokenKind.Word ? FeatureHash.AddLower(FeatureHash.Start(1), S(cs)) : 0u;
        Put(f, FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(start(T.RClauseFirstDirBreaks), first), dir), breaksB));
        Put(f, FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(start(T.RClauseFirstCueStem), first), dir), cueStem));
        uint nominal = _t[cueFirst].Has(TokenFlags.Capitalized) && cueFirst > sStart ? 1u : 0u;
        Put(f, FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(start(T.RNominalFuncDir), nominal), func), dir));
        Put(f, FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(start(T.RCuePrevFuncDir), Function(cueFirst - 1, sStart, sEnd)), func), dir), distB));
        Put(f, FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(start(T.RQuoteBetween), quoteMarks), dir), quotes[j] ? 1u : 0u));
        Put(f, FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(start(T.RShapeDirDist), Shape(j, sStart)), dir), distB));
        Put(f, FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(start(T.RClauseMood), ClauseMood()[j]), dir), breaksB));
        uint own = isCue is not null && isCue[j] ? 1u : 0u;
        Put(f, FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(start(T.ROtherCue), (uint)Math.Min(otherCues, 2)), own), dir), breaksB));
        Put(f, FeatureHash.Add(FeatureHash.Add(FeatureHash.Add(start(T.RFirstBreak), firstBreak), dir), breaksB));
        while (n < f.Length) f[n++] = PadHash;
    }

    private bool[] InQuote()
    {
        if (_inQuote is not null) return _inQuote;
        var inside = new bool[_t.Length];
        foreach (var q in _a.Quotations)
            for (int k = q.OpenToken + 1; k < q.CloseToken && k < inside.Length; k++) inside[k] = true;
        return _inQuote = inside;
    }

    /// <summary>A small code of what the lexicons say a token is: a pronoun, a role noun ("Ministerin"), a source noun
    /// (by kind), a medium noun, a speech noun, a mood form (by mood); 0 for none.</summary>
    private uint LexClass(int k)
    {
        if (_t[k].Kind != TokenKind.Word) return 0;
        var cache = _class ??= NewCache();
        if (cache[k] != Unknown) return cache[k];
        var w = S(k);
        uint c = 0;
        if (_lex.MoodForms.TryGet(w, out var mood)) c = 20 + (uint)mood;
        else if (_lex.Pronouns.TryGet(w, out _)) c = 1;
        else if (_t[k].Has(TokenFlags.Capitalized))
        {
            if (_lex.Roles.TryGet(w, out _, out _)) c = 2;
            else if (_lex.SourceNouns.TryGet(w, out var kind, out _)) c = 3 + (uint)kind;
            else if (_lex.MediaNouns.TryGet(w, out _, out _)) c = 10;
            else if (_lex.SpeechNouns.TryGet(w, out _, out _)) c = 11;
        }
        return cache[k] = c;
    }

    private byte[] ClauseMood()
    {
        if (_clauseMood is not null) return _clauseMood;
        var mood = new byte[_t.Length];
        foreach (var s in _a.Sentences)
        {
            int k = s.FirstToken;
            while (k < s.EndToken)
            {
                int e = k;
                byte m = 0;
                while (e < s.EndToken && !IsClauseBreak(e))
                {
                    if (_t[e].Kind == TokenKind.Word && _lex.MoodForms.TryGet(S(e), out var form))
                        m |= form is MoodForm.SubjunctiveI or MoodForm.Reportive ? (byte)1 : form == MoodForm.SubjunctiveII ? (byte)2 : (byte)0;
                    e++;
                }
                for (int x = k; x < e; x++) mood[x] = m;
                k = e + 1;
            }
        }
        return _clauseMood = mood;
    }

    private bool IsClauseBreak(int i)
    {
        var k = _t[i].Kind;
        if (k is TokenKind.Quote or TokenKind.Dash) return true;
        return k == TokenKind.Punctuation && _t[i].Length == 1 && _text[_t[i].Start] is ',' or ';' or ':' or '(' or ')' or '.' or '!' or '?';
    }

    /// <summary>An unfinished hash of a neighbouring word (or an edge or number placeholder).</summary>
    private uint Word(T template, int k, int sStart, int sEnd, uint? seed = null)
    {
        uint h = seed ?? FeatureHash.Start((uint)template);
        if (k < sStart) return FeatureHash.Add(h, '<');
        if (k >= sEnd) return FeatureHash.Add(h, '>');
        if (_t[k].Kind == TokenKind.Number) return FeatureHash.Add(h, '0');
        return FeatureHash.AddLower(h, S(k));
    }

    private uint StemHash(int i)
    {
        var cache = _stem ??= NewCache();
        if (cache[i] != Unknown) return cache[i];
        return cache[i] = ComputeStemHash(i);
    }

    private uint[] NewCache()
    {
        var a = new uint[_t.Length];
        Array.Fill(a, Unknown);
        return a;
    }

    private uint ComputeStemHash(int i)
    {
        var w = S(i);
        Span<char> lower = stackalloc char[Math.Min(w.Length, 48)];
        w[..lower.Length].ToLowerInvariant(lower);
        return FeatureHash.AddLower(FeatureHash.Start(0x5E7E), CueFeatures.Stem(lower));
    }

    private uint Function(int k, int sStart, int sEnd)
    {
        if (k < sStart || k >= sEnd) return 100;
        if (_t[k].Kind != TokenKind.Word) return 101 + (uint)_t[k].Kind;
        var cache = _func ??= NewCache();
        if (cache[k] != Unknown) return cache[k];
        return cache[k] = _lex.Function.TryGet(S(k), out var c) ? (uint)c + 1 : 0;
    }

    private uint LexiconCode(int k)
    {
        if (_t[k].Kind != TokenKind.Word) return 0;
        var cache = _lexCode ??= NewCache();
        if (cache[k] != Unknown) return cache[k];
        return cache[k] = _lex.Verbs.TryGet(S(k), out var forms) ? (uint)forms[0].Class + 1 : 0;
    }

    private uint Punct(int k, int sStart, int sEnd) => TokenCodes.Punct(_t, _text, k, sStart, sEnd);

    private uint Shape(int i, int sStart) => TokenCodes.Shape(_t[i], i == sStart, hyphen: false);

    private static uint Bucket(int value, params ReadOnlySpan<int> bounds)
    {
        uint b = 0;
        foreach (var x in bounds) if (value >= x) b++;
        return b;
    }
}
