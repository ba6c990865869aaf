using Hearsay.Document;
using Hearsay.Learning;

namespace Hearsay.Entities;

/// <summary>
/// The features the name tagger (<see cref="NameTagger"/>) sees at each token, as hashes (see
/// <see cref="FeatureHash"/>): the word, its shape ("Xx", "XX", "Xx-Xx", "d"), prefixes and suffixes,
/// capitalization and whether it is expected there (sentence start), the entity lexicons (closed-class
/// word, first name, surname, one-word place name, role noun, organization keyword, geographic word, month,
/// particle, German noun ending; a genitive of a listed name), what the gazetteer and the rules
/// (<see cref="NameMatcher"/>, <see cref="EntityRecognizer"/>) proposed there (type and position in the
/// candidate), the parts of a hyphen compound, the place in a short quotation, and the same for the
/// neighbouring words. First each token's atoms are computed once (no strings: words are hashed
/// from their key in a stack buffer), then every position combines its own and its neighbours' atoms
/// into <see cref="PerToken"/> features, one per template.
/// <para>Changing a template or an atom changes what the models mean: retrain them
/// (<c>hearsay train ner</c>).</para>
/// </summary>
internal sealed class NameFeatures
{
    /// <summary>Features per token (one per template).</summary>
    public const int PerToken = 46;

    // atoms per token
    private const int AWord = 0, AShape = 1, ASuf2 = 2, ASuf3 = 3, ASuf4 = 4, ASuf5 = 5, APre2 = 6, APre3 = 7,
        AFlags = 8, ALex = 9, AGaz = 10, ARule = 11, AHead = 12, AModifier = 13, AQuote = 14, APre4 = 15;
    private const int Atoms = 16;

    /// <summary>Atom values beyond the sentence.</summary>
    private const uint Before = 0xB0B0_0001, After = 0xE0E0_0002, Before2 = 0xB0B0_0003, After2 = 0xE0E0_0004;

    /// <summary>The templates' seeds.</summary>
    private static readonly uint[] T = Enumerable.Range(0, PerToken).Select(t => TaggerFeatureHash.Template((uint)t)).ToArray();

    private readonly EntityContext _c;
    private readonly int[] _atoms;

    /// <param name="gazetteer">Gazetteer candidates (whole names; short forms and hyphen-compound adjectives as well).</param>
    /// <param name="rules">Candidates of the rules that find names from the text.</param>
    public NameFeatures(EntityContext context, List<Candidate> gazetteer, List<Candidate> shorts, List<Candidate> parts, List<Candidate> rules)
    {
        _c = context;
        var tokens = context.Tokens;
        _atoms = context.RentInts(tokens.Length * Atoms, 0);
        foreach (var sent in context.Article.Sentences)
            for (int i = sent.FirstToken; i < sent.EndToken; i++) TokenAtoms(i);
        MarkCandidates(shorts, AGaz, static (in Candidate c, Gazetteer g) => GazetteerCode(c, g, kind: 3));
        MarkCandidates(parts, AGaz, static (in Candidate c, Gazetteer g) => GazetteerCode(c, g, kind: 4));
        MarkCandidates(gazetteer, AGaz, static (in Candidate c, Gazetteer g) => c.Entry >= 0 ? GazetteerCode(c, g, kind: c.Kind switch { MentionKind.Name => 0, MentionKind.Metonym => 2, MentionKind.Modifier => 5, _ => 1 }) : 0);
        MarkCandidates(rules, ARule, static (in Candidate c, Gazetteer _) => (1 + (int)c.Type) | c.Rank << 4);
        MarkQuotations();
    }

    /// <summary>Words inside a short quotation (at most <see cref="ShortQuotation"/> words: a title, a nickname, a
    /// product) by their place in it (first, inside, last, only) and the quotation's length (1, 2, 3–4, more).</summary>
    private void MarkQuotations()
    {
        foreach (var q in _c.Article.Quotations)
        {
            int first = q.OpenToken + 1, end = q.CloseToken, n = end - first;
            if (n < 1 || n > ShortQuotation) continue;
            int length = n switch { 1 => 0, 2 => 1, <= 4 => 2, _ => 3 };
            for (int k = first; k < end; k++)
            {
                int pos = n == 1 ? 3 : k == first ? 0 : k == end - 1 ? 2 : 1;
                _atoms[k * Atoms + AQuote] = 1 | pos << 1 | length << 3 | (q.Single ? 1 << 5 : 0);
            }
        }
    }

    private const int ShortQuotation = 8;

    private delegate int Code(in Candidate c, Gazetteer g);

    private static int GazetteerCode(in Candidate c, Gazetteer g, int kind) =>
        (1 + (int)g.Entries[c.Entry].Type) | kind << 4 | (c.Genitive ? 1 << 7 : 0);

    /// <summary>Marks each candidate's tokens with its code and position (B, I, L, U); a later call overwrites an earlier one.</summary>
    private void MarkCandidates(List<Candidate> list, int atom, Code code)
    {
        foreach (var cand in list)
        {
            int value = code(cand, _c.Gazetteer);
            if (value == 0) continue;
            for (int k = cand.First; k < cand.End; k++)
            {
                int pos = cand.Length == 1 ? 3 : k == cand.First ? 0 : k == cand.End - 1 ? 2 : 1;
                _atoms[k * Atoms + atom] = value | pos << 8;
            }
        }
    }

    private void TokenAtoms(int i)
    {
        var a = _atoms.AsSpan(i * Atoms, Atoms);
        var tok = _c.Tokens[i];
        var surface = _c.Surface(i);
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        var key = _c.Key(i, buf);
        if (key.IsEmpty)
        {
            a[AWord] = a[AShape] = unchecked((int)0x70_0000_01);
            a[AFlags] = (int)tok.Kind << 8;
            return;
        }
        if (tok.Has(TokenFlags.HasDigit))
        {
            // Numbers by their form: "1998" and "2004" share a feature.
            Span<char> digits = stackalloc char[key.Length];
            for (int k = 0; k < key.Length; k++) digits[k] = char.IsDigit(key[k]) ? '0' : key[k];
            a[AWord] = (int)TaggerFeatureHash.Of(digits);
        }
        else a[AWord] = (int)TaggerFeatureHash.Of(key);
        a[AShape] = (int)Shape(surface);
        a[ASuf2] = (int)TaggerFeatureHash.Of(key[Math.Max(0, key.Length - 2)..], 2);
        a[ASuf3] = (int)TaggerFeatureHash.Of(key[Math.Max(0, key.Length - 3)..], 3);
        a[ASuf4] = (int)TaggerFeatureHash.Of(key[Math.Max(0, key.Length - 4)..], 4);
        a[ASuf5] = (int)TaggerFeatureHash.Of(key[Math.Max(0, key.Length - 5)..], 5);
        a[APre2] = (int)TaggerFeatureHash.Of(key[..Math.Min(2, key.Length)], 6);
        a[APre3] = (int)TaggerFeatureHash.Of(key[..Math.Min(3, key.Length)], 7);
        a[APre4] = (int)TaggerFeatureHash.Of(key[..Math.Min(4, key.Length)], 14);

        bool cap = char.IsUpper(surface[0]);
        int flags = cap ? 1 : 0;
        if (tok.Has(TokenFlags.AllCaps)) flags |= 2;
        if (tok.Kind == TokenKind.Word && cap && _c.CapitalizationExpected(i)) flags |= 4;
        if (tok.Has(TokenFlags.Hyphenated)) flags |= 8;
        if (tok.Has(TokenFlags.HasDigit)) flags |= 16;
        if (tok.Has(TokenFlags.Abbreviation)) flags |= 32;
        if (InnerCapital(surface)) flags |= 64;
        if (surface.IndexOfAnyInRange('A', 'Z') >= 0 || HasUpper(surface)) flags |= 128;
        flags |= (int)tok.Kind << 8;
        flags |= (tok.Length switch { 1 => 0, 2 => 1, 3 => 2, <= 5 => 3, <= 8 => 4, _ => 5 }) << 12;
        a[AFlags] = flags;

        if (tok.Kind != TokenKind.Word) return;
        a[ALex] = Lexical(i, key, cap);
        if (tok.Has(TokenFlags.Hyphenated))
        {
            int first = key.IndexOf('-'), last = key.LastIndexOf('-');
            if (first > 0 && last < key.Length - 1)
            {
                var head = key[(last + 1)..];
                a[AHead] = (int)TaggerFeatureHash.Of(head, 12);
                a[AModifier] = (int)TaggerFeatureHash.Of(key[..first], 13);
                var lex = _c.Lexicon;
                int headLex = 0;
                if (lex.TryOrgKeyword(head, out _)) headLex |= 1;
                if (lex.GeoHeads.Contains(head)) headLex |= 2;
                if (lex.TryRole(head, out _)) headLex |= 4;
                a[ALex] |= headLex << 24;
            }
        }
    }

    /// <summary>What the entity lexicons say about a word, as bits: one lookup in the lists' merged map, and
    /// for a capitalized word the compound heads of roles and organizations ("Militär|experte",
    /// "Forschungs|institut") and German common-noun endings.</summary>
    private int Lexical(int i, ReadOnlySpan<char> key, bool cap)
    {
        var lex = _c.Lexicon;
        int v = lex.TaggerBits.TryGet(key, out int bits) ? bits : 0;
        if (!cap) return v;
        // A genitive or possessive of a listed name: "Bhuttos", "Helmands", "Heidegger's".
        if (v == 0 && key.Length > 3 && key[^1] == 's' && lex.TaggerBits.TryGet(key[..^(key[^2] == '\'' ? 2 : 1)], out bits))
            v = (bits & (FirstName | Surname | PlaceName)) != 0 ? bits & (FirstName | Surname | PlaceName) | GenitiveName : 0;
        if (_c.TryRole(i, out var role)) v |= role.Title ? RoleTitle : RoleNoun;
        if (_c.TryOrgKeyword(i, out var org)) v |= org.Legal ? OrgLegal : org.Media ? OrgMedia : OrgOther;
        if (lex.German && lex.HasNounEnding(key)) v |= NounEnding;
        return v;
    }

    private const int FirstName = 1 << 4, CommonFirstName = 1 << 5, Month = 1 << 6, Speech = 1 << 9, Cue = 1 << 10, Connector = 1 << 11,
        NameSuffix = 1 << 12, GeoPrefix = 1 << 13, Direction = 1 << 14, RoleTitle = 1 << 15, RoleNoun = 1 << 16, OrgLegal = 1 << 17,
        OrgMedia = 1 << 18, OrgOther = 1 << 19, GeoHead = 1 << 20, NounEnding = 1 << 21, Surname = 1 << 22, PlaceName = 1 << 23, GenitiveName = 1 << 27;

    /// <summary>The merged map of the word lists the tagger reads: word → bits (closed class in the low 4 bits,
    /// particle kind in bits 7–8).</summary>
    internal static KeyMap<int> WordBits(EntityLexicon lex)
    {
        var bits = new Dictionary<string, int>(StringComparer.Ordinal);
        void Or<T>(KeyMap<T> map, Func<T, int> f)
        {
            foreach (var (k, v) in map.Entries) bits[k] = bits.GetValueOrDefault(k) | f(v);
        }
        Or(lex.ClosedClass, c => (int)c);
        Or(lex.FirstNames, f => FirstName | (f.CommonWord ? CommonFirstName : 0));
        Or(lex.Surnames, _ => Surname);
        Or(lex.PlaceNames, _ => PlaceName);
        Or(lex.Months, _ => Month);
        Or(lex.Particles, p => (1 + (int)p) << 7);
        Or(lex.SpeechWords, _ => Speech);
        Or(lex.NameCues, _ => Cue);
        Or(lex.Connectors, _ => Connector);
        Or(lex.NameSuffixes, _ => NameSuffix);
        Or(lex.GeoPrefixes, _ => GeoPrefix);
        Or(lex.DirectionWords, _ => Direction);
        Or(lex.GeoHeads, _ => GeoHead);
        Or(lex.Roles, r => r.Title ? RoleTitle : RoleNoun);
        Or(lex.OrgKeywords, o => o.Legal ? OrgLegal : o.Media ? OrgMedia : OrgOther);
        var map = new KeyMap<int>();
        foreach (var (k, v) in bits) map.Add(k, v);
        return map;
    }

    private static bool HasUpper(ReadOnlySpan<char> s)
    {
        foreach (char ch in s) if (char.IsUpper(ch)) return true;
        return false;
    }

    /// <summary>Whether the tagger scores the token at all: a token with a capital letter, or a token next to one
    /// that can join the words of a name. In English only a closed-class word or name particle ("of", "von"),
    /// a number ("Schalke 04") or "&amp;", "-", ".", "/", "'" can; in German any word can, for German names hold
    /// lower-case adjectives ("Bundesverband deutscher Banken"). Every other token is outside every name, and
    /// gets "O" without being scored.</summary>
    public bool Scored(int i, Sentence sent) =>
        Upper(i) || (_c.German || Joiner(i)) && (i > sent.FirstToken && Upper(i - 1) || i + 1 < sent.EndToken && Upper(i + 1));

    private bool Joiner(int i)
    {
        var t = _c.Tokens[i];
        return t.Kind switch
        {
            TokenKind.Word => (_atoms[i * Atoms + ALex] & (15 | 3 << 7 | Connector)) != 0,
            TokenKind.Number => true,
            TokenKind.Url => true,
            _ => t.Length == 1 && "-&./'".IndexOf(_c.Text[t.Start]) >= 0,
        };
    }

    private bool Upper(int i) => (_atoms[i * Atoms + AFlags] & 128) != 0;

    private static bool InnerCapital(ReadOnlySpan<char> s)
    {
        for (int k = 1; k < s.Length; k++)
            if (char.IsUpper(s[k]) && char.IsLower(s[k - 1])) return true;
        return false;
    }

    /// <summary>The word's shape with runs collapsed: "Xx", "XX", "Xx-Xx", "d.d", "xX"; at most 12 symbols.</summary>
    private static uint Shape(ReadOnlySpan<char> s)
    {
        Span<char> shape = stackalloc char[12];
        int n = 0;
        char last = '\0';
        foreach (char ch in s)
        {
            char k = char.IsUpper(ch) ? 'X' : char.IsLower(ch) ? 'x' : char.IsDigit(ch) ? 'd' : ch;
            if (k == last) continue;
            if (n == shape.Length) break;
            shape[n++] = last = k;
        }
        return TaggerFeatureHash.Of(shape[..n], 11);
    }

    private uint Atom(int i, int atom, int first, int end) =>
        i < first ? (i == first - 1 ? Before : Before2) : i >= end ? (i == end ? After : After2) : (uint)_atoms[i * Atoms + atom];

    /// <summary>Writes the <see cref="PerToken"/> features of every token of a sentence, token by token
    /// (with <paramref name="scoredOnly"/>, only of the tokens <see cref="Scored"/> selects).</summary>
    public void Extract(Sentence sent, Span<uint> features, bool scoredOnly = false)
    {
        int first = sent.FirstToken, end = sent.EndToken;
        for (int i = first; i < end; i++)
        {
            if (scoredOnly && !Scored(i, sent)) continue;
            var f = features.Slice((i - first) * PerToken, PerToken);
            uint A(int k, int atom) => Atom(k, atom, first, end);
            uint w0 = A(i, AWord), wp = A(i - 1, AWord), wn = A(i + 1, AWord);
            uint s0 = A(i, AShape), sp = A(i - 1, AShape), sn = A(i + 1, AShape);
            uint f0 = A(i, AFlags);
            int n = 0;
            f[n++] = TaggerFeatureHash.Feature(T[0], 0);
            f[n++] = TaggerFeatureHash.Feature(T[1], w0);
            f[n++] = TaggerFeatureHash.Feature(T[2], wp);
            f[n++] = TaggerFeatureHash.Feature(T[3], wn);
            f[n++] = TaggerFeatureHash.Feature(T[4], A(i - 2, AWord));
            f[n++] = TaggerFeatureHash.Feature(T[5], A(i + 2, AWord));
            f[n++] = TaggerFeatureHash.Feature(T[6], s0);
            f[n++] = TaggerFeatureHash.Feature(T[7], sp);
            f[n++] = TaggerFeatureHash.Feature(T[8], sn);
            f[n++] = TaggerFeatureHash.Feature(T[9], sp, s0);
            f[n++] = TaggerFeatureHash.Feature(T[10], s0, sn);
            f[n++] = TaggerFeatureHash.Feature(T[11], A(i, ASuf2));
            f[n++] = TaggerFeatureHash.Feature(T[12], A(i, ASuf3));
            f[n++] = TaggerFeatureHash.Feature(T[13], A(i, ASuf4));
            f[n++] = TaggerFeatureHash.Feature(T[14], A(i, ASuf5));
            f[n++] = TaggerFeatureHash.Feature(T[15], A(i, APre2));
            f[n++] = TaggerFeatureHash.Feature(T[16], A(i, APre3));
            f[n++] = TaggerFeatureHash.Feature(T[17], f0);
            f[n++] = TaggerFeatureHash.Feature(T[18], A(i - 1, AFlags));
            f[n++] = TaggerFeatureHash.Feature(T[19], A(i + 1, AFlags));
            f[n++] = TaggerFeatureHash.Feature(T[20], A(i, ALex));
            f[n++] = TaggerFeatureHash.Feature(T[21], A(i - 1, ALex));
            f[n++] = TaggerFeatureHash.Feature(T[22], A(i + 1, ALex));
            f[n++] = TaggerFeatureHash.Feature(T[23], A(i, AGaz));
            f[n++] = TaggerFeatureHash.Feature(T[24], A(i - 1, AGaz));
            f[n++] = TaggerFeatureHash.Feature(T[25], A(i + 1, AGaz));
            f[n++] = TaggerFeatureHash.Feature(T[26], A(i, ARule));
            f[n++] = TaggerFeatureHash.Feature(T[27], A(i - 1, ARule));
            f[n++] = TaggerFeatureHash.Feature(T[28], A(i + 1, ARule));
            f[n++] = TaggerFeatureHash.Feature(T[29], wp, w0);
            f[n++] = TaggerFeatureHash.Feature(T[30], w0, wn);
            f[n++] = TaggerFeatureHash.Feature(T[31], wp, s0);
            f[n++] = TaggerFeatureHash.Feature(T[32], s0, wn);
            f[n++] = TaggerFeatureHash.Feature(T[33], f0, A(i - 1, ALex));
            f[n++] = TaggerFeatureHash.Feature(T[34], w0, f0 & 7);
            f[n++] = TaggerFeatureHash.Feature(T[35], A(i, AHead));
            f[n++] = TaggerFeatureHash.Feature(T[36], A(i, AModifier));
            f[n++] = TaggerFeatureHash.Feature(T[37], A(i - 2, ALex));
            f[n++] = TaggerFeatureHash.Feature(T[38], A(i - 1, ASuf3));
            f[n++] = TaggerFeatureHash.Feature(T[39], A(i, AGaz), f0 & 7);
            uint q0 = A(i, AQuote);
            f[n++] = TaggerFeatureHash.Feature(T[40], q0);
            f[n++] = TaggerFeatureHash.Feature(T[41], q0, s0);
            f[n++] = TaggerFeatureHash.Feature(T[42], A(i, APre4));
            f[n++] = TaggerFeatureHash.Feature(T[43], A(i + 1, ASuf3));
            f[n++] = TaggerFeatureHash.Feature(T[44], A(i - 2, AGaz));
            f[n++] = TaggerFeatureHash.Feature(T[45], A(i + 2, AGaz));
        }
    }
}
