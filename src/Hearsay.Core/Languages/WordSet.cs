namespace Hearsay.Languages;

/// <summary>A set of words looked up by span without allocating. Entries are stored lower-cased
/// (invariant); <see cref="Contains"/> lower-cases the probe on the stack.</summary>
public sealed class WordSet
{
    private readonly HashSet<string> _set;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private readonly ulong _lengths;

    public WordSet(IEnumerable<string> words)
    {
        _set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in words) if (w.Length > 0) _set.Add(w.ToLowerInvariant());
        _lookup = _set.GetAlternateLookup<ReadOnlySpan<char>>();
        _lengths = WordLengths.Of(_set);
    }

    public static readonly WordSet Empty = new(Array.Empty<string>());
    public int Count => _set.Count;
    public IEnumerable<string> Items => _set;

    /// <summary>Case-insensitive membership test.</summary>
    public bool Contains(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || word.Length > 128 || !WordLengths.Has(_lengths, word.Length)) return false;
        Span<char> buf = stackalloc char[word.Length];
        word.ToLowerInvariant(buf);
        return _lookup.Contains(buf);
    }

    /// <summary>Exact (case-sensitive on the lower-cased store) membership: the probe must already be lower case.</summary>
    public bool ContainsLower(ReadOnlySpan<char> lower) => WordLengths.Has(_lengths, lower.Length) && _lookup.Contains(lower);
}

/// <summary>A map from lower-cased words to values, looked up by span without allocating.</summary>
public sealed class WordMap<T>
{
    private readonly Dictionary<string, T> _map;
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    private readonly ulong _lengths;

    public WordMap(IEnumerable<KeyValuePair<string, T>> entries, bool firstWins = true)
    {
        _map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (k, v) in entries)
        {
            var key = k.ToLowerInvariant();
            if (firstWins) _map.TryAdd(key, v); else _map[key] = v;
        }
        _lookup = _map.GetAlternateLookup<ReadOnlySpan<char>>();
        _lengths = WordLengths.Of(_map.Keys);
    }

    public int Count => _map.Count;
    public IEnumerable<KeyValuePair<string, T>> Items => _map;

    public bool TryGet(ReadOnlySpan<char> word, out T value)
    {
        value = default!;
        if (word.Length == 0 || word.Length > 128 || !WordLengths.Has(_lengths, word.Length)) return false;
        Span<char> buf = stackalloc char[word.Length];
        word.ToLowerInvariant(buf);
        return _lookup.TryGetValue(buf, out value!);
    }

    /// <summary>As <see cref="TryGet"/> for a probe that is already lower case (invariant), such as a piece of a word
    /// the caller lowered once.</summary>
    public bool TryGetLower(ReadOnlySpan<char> lower, out T value)
    {
        value = default!;
        if (lower.Length == 0 || lower.Length > 128 || !WordLengths.Has(_lengths, lower.Length)) return false;
        return _lookup.TryGetValue(lower, out value!);
    }
}

/// <summary>The lengths of a set's keys as a bit mask (bit n: a key of n characters; bit 0: a key of 64 or more),
/// so a probe of a length no key has is refused before it is lowered and hashed.</summary>
internal static class WordLengths
{
    public static ulong Of(IEnumerable<string> keys)
    {
        ulong mask = 0;
        foreach (var k in keys) mask |= 1UL << (k.Length < 64 ? k.Length : 0);
        return mask;
    }

    public static bool Has(ulong mask, int length) => (mask >> (length < 64 ? length : 0) & 1) != 0;
}
