using System.Buffers;
using Hearsay.Document;

namespace Hearsay.Entities;

/// <summary>
/// Per-article state shared by the entity stage's steps: the tokens, each token's sentence, the word
/// ids of the gazetteer vocabulary (three per token: the word, its adjective base, its genitive base)
/// and small predicates over tokens. Built once per article; its per-token arrays, and those of the other
/// steps, are rented from the shared pool and returned on <see cref="Dispose"/>.
/// </summary>
internal sealed class EntityContext : IDisposable
{
    private readonly List<int[]> _rentedInts = new(4);
    private readonly List<bool[]> _rentedBools = new(1);
    /// <summary>The whole text in key form (<see cref="NameKeys"/> maps one character to one character, so a token's
    /// key is the same slice of it as the token is of the text): written once, read by every <see cref="Key"/>.</summary>
    private char[]? _keyText;

    public Article Article { get; }
    public Gazetteer Gazetteer { get; }
    public EntityLexicon Lexicon { get; }
    public Token[] Tokens { get; }
    public string Text { get; }
    public bool German => Lexicon.German;

    private readonly int[] _sentenceOf;
    /// <summary>Word ids per token: [3i] the word, [3i+1] adjective base ("Vereinigten" → "vereinigte"), [3i+2] genitive base ("Russlands" → "russland").</summary>
    public readonly int[] WordIds;

    public EntityContext(Article article, Gazetteer gazetteer, EntityLexicon lexicon)
    {
        Article = article;
        Gazetteer = gazetteer;
        Lexicon = lexicon;
        Tokens = article.Tokens;
        Text = article.Text;
        _keyText = ArrayPool<char>.Shared.Rent(Math.Max(1, Text.Length));
        NameKeys.Write(Text, _keyText);
        _sentenceOf = RentInts(Tokens.Length, 0);
        for (int s = 0; s < article.Sentences.Length; s++)
        {
            var sent = article.Sentences[s];
            for (int i = sent.FirstToken; i < sent.EndToken; i++) _sentenceOf[i] = s;
        }
        WordIds = RentInts(Tokens.Length * 3, -1);
        Span<char> key = stackalloc char[NameKeys.MaxLength];
        var trie = gazetteer.Trie;
        for (int i = 0; i < Tokens.Length; i++)
        {
            int b = 3 * i;
            WordIds[b] = WordIds[b + 1] = WordIds[b + 2] = -1;
            var k = Key(i, key);
            if (k.IsEmpty) continue;
            WordIds[b] = trie.WordId(k);
            if (Tokens[i].Kind != TokenKind.Word || k.Length < 3) continue;
            if (German && k.Length > 4 && k[^2] == 'e' && k[^1] is 'n' or 'm' or 'r' or 's')
                WordIds[b + 1] = trie.WordId(k[..^1]);
            WordIds[b + 2] = GenitiveId(k);
        }
    }

    /// <summary>Id of the word without its genitive or possessive ending, or -1.</summary>
    private int GenitiveId(ReadOnlySpan<char> k)
    {
        var trie = Gazetteer.Trie;
        if (k.EndsWith("'s")) return trie.WordId(k[..^2]);
        if (k[^1] == '\'') return trie.WordId(k[..^1]);
        if (!German || k[^1] != 's') return -1;
        int id = trie.WordId(k[..^1]);
        if (id < 0 && k.Length > 4 && k[^2] == 'e') id = trie.WordId(k[..^2]);
        return id;
    }

    /// <summary>A pooled array of at least <paramref name="length"/> ints, the first <paramref name="length"/> set to <paramref name="fill"/>.</summary>
    public int[] RentInts(int length, int fill)
    {
        var a = ArrayPool<int>.Shared.Rent(Math.Max(1, length));
        a.AsSpan(0, length).Fill(fill);
        _rentedInts.Add(a);
        return a;
    }

    /// <summary>A pooled array of at least <paramref name="length"/> bools, the first <paramref name="length"/> false.</summary>
    public bool[] RentBools(int length)
    {
        var a = ArrayPool<bool>.Shared.Rent(Math.Max(1, length));
        a.AsSpan(0, length).Clear();
        _rentedBools.Add(a);
        return a;
    }

    public void Dispose()
    {
        foreach (var a in _rentedInts) ArrayPool<int>.Shared.Return(a);
        foreach (var a in _rentedBools) ArrayPool<bool>.Shared.Return(a);
        _rentedInts.Clear();
        _rentedBools.Clear();
        if (_keyText is not null) ArrayPool<char>.Shared.Return(_keyText);
        _keyText = null;
    }

    public Sentence SentenceOf(int token) => Article.Sentences[_sentenceOf[token]];

    /// <summary>Per token: its role-noun lookup, 0 not done yet, 1 none, else 2 + 2 × gender + title.</summary>
    private int[]? _roleOf;
    /// <summary>Per token: its organization-keyword lookup, 0 not done yet, 1 none, else 2 + index in <see cref="_orgValues"/>.</summary>
    private int[]? _orgOf;
    private List<OrgKeyword>? _orgValues;

    /// <summary><see cref="EntityLexicon.TryRole"/> of the token's key, looked up once per token: the rules,
    /// the resolver and the tagger's features all ask, and the compound lookup is not cheap.</summary>
    public bool TryRole(int i, out RoleNoun role)
    {
        var cache = _roleOf ??= RentInts(Tokens.Length, 0);
        int v = cache[i];
        if (v == 0)
        {
            Span<char> buf = stackalloc char[NameKeys.MaxLength];
            var key = IsWord(i) ? Key(i, buf) : ReadOnlySpan<char>.Empty;
            v = !key.IsEmpty && Lexicon.TryRole(key, out var r) ? 2 + 2 * (int)r.Gender + (r.Title ? 1 : 0) : 1;
            cache[i] = v;
        }
        role = v >= 2 ? new RoleNoun((Gender)((v - 2) >> 1), ((v - 2) & 1) == 1) : default;
        return v >= 2;
    }

    /// <summary><see cref="EntityLexicon.TryOrgKeyword"/> of the token's key, looked up once per token.</summary>
    public bool TryOrgKeyword(int i, out OrgKeyword keyword)
    {
        var cache = _orgOf ??= RentInts(Tokens.Length, 0);
        int v = cache[i];
        if (v == 0)
        {
            Span<char> buf = stackalloc char[NameKeys.MaxLength];
            var key = IsWord(i) ? Key(i, buf) : ReadOnlySpan<char>.Empty;
            if (!key.IsEmpty && Lexicon.TryOrgKeyword(key, out var k))
            {
                _orgValues ??= new List<OrgKeyword>(4);
                int at = _orgValues.IndexOf(k);
                if (at < 0) { at = _orgValues.Count; _orgValues.Add(k); }
                v = 2 + at;
            }
            else v = 1;
            cache[i] = v;
        }
        keyword = v >= 2 ? _orgValues![v - 2] : default;
        return v >= 2;
    }

    private sbyte[]? _titleCase;

    /// <summary>The token's sentence is an English headline in title case ("Hillary Clinton Wins Kentucky
    /// Primary"): there capitals do not mark names, so only the gazetteer and plain first-name rules apply.</summary>
    public bool InTitleCase(int token)
    {
        if (German) return false;
        int s = _sentenceOf[token];
        _titleCase ??= new sbyte[Article.Sentences.Length];
        if (_titleCase[s] == 0)
        {
            // A headline ends without a period, and capitalizes (nearly) all words of four letters or more
            // after the first, function words included ("With", "From"); running text leaves most in lower case.
            var sent = Article.Sentences[s];
            if (IsPunct(sent.EndToken - 1, '.')) { _titleCase[s] = -1; return false; }
            int words = 0, lower = 0;
            bool first = true;
            for (int i = sent.FirstToken; i < sent.EndToken; i++)
            {
                if (!IsWord(i) || Tokens[i].Has(TokenFlags.HasDigit)) continue;
                if (first) { first = false; continue; }
                if (Tokens[i].Length < 4) continue;
                words++;
                if (!char.IsUpper(Text[Tokens[i].Start])) lower++;
            }
            _titleCase[s] = (sbyte)(words >= 3 && (lower == 0 || lower == 1 && words >= 6) ? 1 : -1);
        }
        return _titleCase[s] > 0;
    }

    /// <summary>The key of a token (see <see cref="NameKeys"/>); empty when longer than <paramref name="buffer"/> (the
    /// callers' limit on words worth a lookup, <see cref="NameKeys.MaxLength"/>). The key is a slice of the article's
    /// key text, valid while the context lives; <paramref name="buffer"/> only gives the limit.</summary>
    public ReadOnlySpan<char> Key(int i, Span<char> buffer)
    {
        var t = Tokens[i];
        if (t.Length > buffer.Length) return ReadOnlySpan<char>.Empty;
        return _keyText.AsSpan(t.Start, t.Length);
    }

    public ReadOnlySpan<char> Surface(int i) => Text.AsSpan(Tokens[i].Start, Tokens[i].Length);

    public bool IsWord(int i) => i >= 0 && i < Tokens.Length && Tokens[i].Kind == TokenKind.Word;

    /// <summary>A word starting with an upper-case letter.</summary>
    public bool IsCapWord(int i) => IsWord(i) && char.IsUpper(Text[Tokens[i].Start]);

    public bool IsLowerWord(int i) => IsWord(i) && char.IsLower(Text[Tokens[i].Start]);

    public bool IsPunct(int i, char c) => i >= 0 && i < Tokens.Length && Tokens[i].Length == 1 && Text[Tokens[i].Start] == c
                                          && Tokens[i].Kind is TokenKind.Punctuation or TokenKind.Symbol or TokenKind.Dash;

    public WordClass ClassOf(int i)
    {
        if (!IsWord(i)) return WordClass.None;
        Span<char> buf = stackalloc char[NameKeys.MaxLength];
        return Lexicon.ClassOf(Key(i, buf));
    }

    /// <summary>Where capitalization says nothing: the first word of a sentence, a line, a quotation or after a colon.</summary>
    public bool CapitalizationExpected(int i)
    {
        var t = Tokens[i];
        if (t.Has(TokenFlags.LineBefore)) return true;
        var sent = SentenceOf(i);
        int k = i - 1;
        while (k >= sent.FirstToken && (Tokens[k].Kind is TokenKind.Quote or TokenKind.Dash || IsPunct(k, '(') || IsPunct(k, '[')))
        {
            if (Tokens[k].Kind == TokenKind.Quote && Tokens[k].Has(TokenFlags.Opening)) return true;
            k--;
        }
        if (k < sent.FirstToken) return true;
        return IsPunct(k, ':') || IsPunct(k, '•') || IsPunct(k, '|');
    }
}
