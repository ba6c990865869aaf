namespace Hearsay.Languages;

/// <summary>A set of words looked up by span without allocating. Entries are stored lower-cased
/// (invariant); <see cref="Contains"/> lower-cases the probe on the stack.</summary>
public sealed class WordSet
{
    private readonly HashSet<string> _set;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private readonly WordFilter _filter;

    public WordSet(IEnumerable<string> words)
    {
        _set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in words) if (w.Length > 0) _set.Add(w.ToLowerInvariant());
        _lookup = _set.GetAlternateLookup<ReadOnlySpan<char>>();
        _filter = new WordFilter(_set);
    }

    public static readonly WordSet Empty = new(Array.Empty<string>());
    public int Count => _set.Count;
    public IEnumerable<string> Items => _set;

    /// <summary>Case-insensitive membership test.</summary>
    public bool Contains(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || word.Length > 128 || !_filter.MayHold(word)) return false;
        Span<char> buf = stackalloc char[word.Length];
        word.ToLowerInvariant(buf);
        return _lookup.Contains(buf);
    }

    /// <summary>Exact (case-sensitive on the lower-cased store) membership: the probe must already be lower case.</summary>
    public bool ContainsLower(ReadOnlySpan<char> lower) => lower.Length > 0 ? _filter.MayHoldLower(lower) && _lookup.Contains(lower) : _lookup.Contains(lower);
}

/// <summary>A map from lower-cased words to values, looked up by span without allocating.</summary>
public sealed class WordMap<T>
{
    private readonly Dictionary<string, T> _map;
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private readonly WordFilter _filter;

    public WordMap(IEnumerable<KeyValuePair<string, T>> entries, bool firstWins = true)
    {
        _map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (k, v) in entries)
        {
            var key = k.ToLowerInvariant();
            if (firstWins) _map.TryAdd(key, v); else _map[key] = v;
        }
        _lookup = _map.GetAlternateLookup<ReadOnlySpan<char>>();
        _filter = new WordFilter(_map.Keys);
    }

    public int Count => _map.Count;
    public IEnumerable<KeyValuePair<string, T>> Items => _map;

    public bool TryGet(ReadOnlySpan<char> word, out T value)
    {
        value = default!;
        if (word.Length == 0 || word.Length > 128 || !_filter.MayHold(word)) return false;
        Span<char> buf = stackalloc char[word.Length];
        word.ToLowerInvariant(buf);
        return _lookup.TryGetValue(buf, out value!);
    }

    /// <summary>As <see cref="TryGet"/> for a probe that is already lower case (invariant), such as a piece of a word
    /// the caller lowered once.</summary>
    public bool TryGetLower(ReadOnlySpan<char> lower, out T value)
    {
        value = default!;
        if (lower.Length == 0 || lower.Length > 128 || !_filter.MayHoldLower(lower)) return false;
        return _lookup.TryGetValue(lower, out value!);
    }
}

/// <summary>
/// A quick refusal for the probes of a lower-cased word set (most probes are of words it does not hold): the
/// lengths of its keys as a bit mask (bit n: a key of n characters; bit 0: a key of 64 or more), and a bit table
/// over (length, first character, last character). A probe whose length or whose (length, first, last) no key
/// has is refused before it is lowered and hashed; every other probe goes on to the real lookup, so the filter
/// changes no answer. Only the two end characters are lowered, one by one as lowering the whole word would
/// lower them; a probe that ends in half of a surrogate pair is never refused by the table.
/// </summary>
internal sealed class WordFilter
{
    private readonly ulong _lengths;
    private readonly ulong[] _table;
    private readonly int _mask;

    public WordFilter(IEnumerable<string> lowerKeys)
    {
        var keys = lowerKeys as ICollection<string> ?? lowerKeys.ToList();
        int bits = 64;
        while (bits < keys.Count * 16 && bits < 1 << 20) bits <<= 1;
        _table = new ulong[bits / 64];
        _mask = bits - 1;
        foreach (var k in keys)
        {
            _lengths |= 1UL << (k.Length < 64 ? k.Length : 0);
            if (k.Length == 0) continue;
            int slot = Slot(k.Length, k[0], k[^1]);
            _table[slot >> 6] |= 1UL << slot;
        }
    }

    private int Slot(int length, char first, char last)
    {
        uint h = first * 0x9E3779B1u ^ last * 0x85EBCA77u ^ (uint)length * 0xC2B2AE3Du;
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 13;
        return (int)(h & (uint)_mask);
    }

    /// <summary>Whether a key may have this length.</summary>
    public bool MayHaveLength(int length) => (_lengths >> (length < 64 ? length : 0) & 1) != 0;

    /// <summary>Whether the set may hold the word (any case; not empty).</summary>
    public bool MayHold(ReadOnlySpan<char> word)
    {
        if (!MayHaveLength(word.Length)) return false;
        char first = word[0], last = word[^1];
        if (char.IsSurrogate(first) || char.IsSurrogate(last)) return true;
        int slot = Slot(word.Length, char.ToLowerInvariant(first), char.ToLowerInvariant(last));
        return (_table[slot >> 6] >> slot & 1) != 0;
    }

    /// <summary>Whether the set may hold the word, which is already lower case (not empty).</summary>
    public bool MayHoldLower(ReadOnlySpan<char> lower)
    {
        if (!MayHaveLength(lower.Length)) return false;
        int slot = Slot(lower.Length, lower[0], lower[^1]);
        return (_table[slot >> 6] >> slot & 1) != 0;
    }
}
