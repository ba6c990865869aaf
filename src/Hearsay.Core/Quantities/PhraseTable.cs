using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Text;

namespace Hearsay.Quantities;

/// <summary>A map from lower-cased words to values, probed with spans that are already lower case
/// (the caller lowers a token once into a stack buffer and probes several maps with it).</summary>
internal sealed class LowerMap<T>
{
    private readonly Dictionary<string, T> _map = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public LowerMap(IEnumerable<KeyValuePair<string, T>> entries)
    {
        foreach (var (k, v) in entries) _map.TryAdd(k.ToLowerInvariant(), v);
        _lookup = _map.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var k in _map.Keys) MaxLength = Math.Max(MaxLength, k.Length);
        _filter = new WordFilter(_map.Keys);
    }

    /// <summary>Refuses most probes of words that are no key before they are lowered and hashed (see <see cref="WordFilter"/>).</summary>
    private readonly WordFilter _filter;

    public int MaxLength { get; }
    public int Count => _map.Count;
    public IEnumerable<string> Keys => _map.Keys;

    public bool TryGetLower(ReadOnlySpan<char> lower, out T value)
    {
        if (lower.Length > 0 && !_filter.MayHoldLower(lower)) { value = default!; return false; }
        return _lookup.TryGetValue(lower, out value!);
    }

    /// <summary>Case-insensitive probe (lowers on the stack).</summary>
    public bool TryGet(ReadOnlySpan<char> word, out T value)
    {
        value = default!;
        if (word.Length == 0 || word.Length > 64 || !_filter.MayHold(word)) return false;
        Span<char> buf = stackalloc char[word.Length];
        word.ToLowerInvariant(buf);
        return _lookup.TryGetValue(buf, out value!);
    }
}

/// <summary>
/// Multi-word phrases ("mehr als", "bis zu", "per cent") matched against the article's tokens. Each
/// phrase is tokenized with the same tokenizer as the article, so "ca." or "Mio." match the single
/// tokens the article has. Matching is case-insensitive and allocation-free; the longest phrase wins.
/// </summary>
internal sealed class PhraseTable<T>
{
    private readonly LowerMap<Entry[]> _byFirst;

    private sealed record Entry(string[] Rest, T Value);

    public PhraseTable(IEnumerable<(string Phrase, T Value)> phrases, WordSet abbreviations)
    {
        var groups = new Dictionary<string, List<Entry>>(StringComparer.Ordinal);
        foreach (var (phrase, value) in phrases)
        {
            var toks = Tokenizer.Tokenize(phrase, abbreviations);
            if (toks.Length == 0) continue;
            var words = toks.Select(t => phrase.Substring(t.Start, t.Length).ToLowerInvariant()).ToArray();
            if (!groups.TryGetValue(words[0], out var list)) groups[words[0]] = list = new List<Entry>();
            list.Add(new Entry(words[1..], value));
        }
        _byFirst = new LowerMap<Entry[]>(groups.Select(g => KeyValuePair.Create(g.Key,
            g.Value.OrderByDescending(e => e.Rest.Length).ToArray())));
        Count = groups.Sum(g => g.Value.Count);
    }

    public int Count { get; }

    /// <summary>The first words of the phrases (lower case).</summary>
    public IEnumerable<string> FirstWords => _byFirst.Keys;

    /// <summary>Longest phrase starting at token <paramref name="index"/> that ends before <paramref name="limit"/>.
    /// Returns its length in tokens (0 when none).</summary>
    public int Match(string text, Token[] tokens, int index, int limit, out T value)
    {
        value = default!;
        if (index < 0 || index >= limit) return 0;
        ref readonly var first = ref tokens[index];
        if (!_byFirst.TryGet(text.AsSpan(first.Start, first.Length), out var entries)) return 0;
        foreach (var e in entries)
        {
            if (index + 1 + e.Rest.Length > limit) continue;
            bool ok = true;
            for (int k = 0; k < e.Rest.Length && ok; k++)
            {
                ref readonly var t = ref tokens[index + 1 + k];
                ok = text.AsSpan(t.Start, t.Length).Equals(e.Rest[k], StringComparison.OrdinalIgnoreCase);
            }
            if (ok)
            {
                value = e.Value;
                return 1 + e.Rest.Length;
            }
        }
        return 0;
    }

    /// <summary>The value of a one-word phrase, probed with a span (a piece of a token: "USD" in "USD115").</summary>
    public bool TryGetWord(ReadOnlySpan<char> word, out T value)
    {
        value = default!;
        if (!_byFirst.TryGet(word, out var entries)) return false;
        foreach (var e in entries)
            if (e.Rest.Length == 0) { value = e.Value; return true; }
        return false;
    }

    /// <summary>As <see cref="Match"/>, but the phrase's last token may carry a sentence period the tokenizer
    /// glued to it ("18 °C." where "C." looks like an initial). <paramref name="period"/> says so; the phrase then
    /// ends one character before its last token does.</summary>
    public int Match(string text, Token[] tokens, int index, int limit, out T value, out bool period)
    {
        period = false;
        int len = Match(text, tokens, index, limit, out value);
        // a longer phrase whose last token has a period cut off wins ("°C." over "°")
        for (int last = index + Math.Max(len, 0); last < limit && last < index + 4; last++)
        {
            ref readonly var t = ref tokens[last];
            if (t.Length < 2 || text[t.End - 1] != '.' || !t.Has(TokenFlags.Abbreviation)) continue;
            if (!_byFirst.TryGet(text.AsSpan(tokens[index].Start, last == index ? t.Length - 1 : tokens[index].Length), out var entries)) return len;
            foreach (var e in entries)
            {
                if (e.Rest.Length != last - index) continue;
                bool ok = true;
                for (int k = 0; k < e.Rest.Length && ok; k++)
                {
                    ref readonly var tk = ref tokens[index + 1 + k];
                    int l = index + 1 + k == last ? tk.Length - 1 : tk.Length;
                    ok = text.AsSpan(tk.Start, l).Equals(e.Rest[k], StringComparison.OrdinalIgnoreCase);
                }
                if (ok)
                {
                    value = e.Value;
                    period = true;
                    return 1 + e.Rest.Length;
                }
            }
        }
        return len;
    }

    /// <summary>Longest phrase that ends at token <paramref name="lastIndex"/> (inclusive) and starts at or after <paramref name="floor"/>.
    /// Returns its length in tokens (0 when none).</summary>
    public int MatchEndingAt(string text, Token[] tokens, int lastIndex, int floor, int maxTokens, out T value)
    {
        value = default!;
        for (int len = Math.Min(maxTokens, lastIndex - floor + 1); len >= 1; len--)
        {
            int start = lastIndex - len + 1;
            int got = Match(text, tokens, start, lastIndex + 1, out var v);
            if (got == len) { value = v; return len; }
        }
        return 0;
    }
}
