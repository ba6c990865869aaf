namespace Hearsay.Languages;

/// <summary>A set of words looked up by span without allocating. Entries are stored lower-cased
/// (invariant); <see cref="Contains"/> lower-cases the probe on the stack.</summary>
public sealed class WordSet
{
    private readonly HashSet<string> _set;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordSet(IEnumerable<string> words)
    {
        _set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var w in words) if (w.Length > 0) _set.Add(w.ToLowerInvariant());
        _lookup = _set.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static readonly WordSet Empty = new(Array.Empty<string>());
    public int Count => _set.Count;
    public IEnumerable<string> Items => _set;

    /// <summary>Case-insensitive membership test.</summary>
    public bool Contains(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || word.Length > 128) return false;
        Span<char> buf = stackalloc char[word.Length];
        word.ToLowerInvariant(buf);
        return _lookup.Contains(buf);
    }

    /// <summary>Exact (case-sensitive on the lower-cased store) membership: the probe must already be lower case.</summary>
    public bool ContainsLower(ReadOnlySpan<char> lower) => _lookup.Contains(lower);
}

/// <summary>A map from lower-cased words to values, looked up by span without allocating.</summary>
public sealed class WordMap<T>
{
    private readonly Dictionary<string, T> _map;
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public WordMap(IEnumerable<KeyValuePair<string, T>> entries, bool firstWins = true)
    {
        _map = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var (k, v) in entries)
        {
            var key = k.ToLowerInvariant();
            if (firstWins) _map.TryAdd(key, v); else _map[key] = v;
        }
        _lookup = _map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _map.Count;
    public IEnumerable<KeyValuePair<string, T>> Items => _map;

    public bool TryGet(ReadOnlySpan<char> word, out T value)
    {
        value = default!;
        if (word.Length == 0 || word.Length > 128) return false;
        Span<char> buf = stackalloc char[word.Length];
        word.ToLowerInvariant(buf);
        return _lookup.TryGetValue(buf, out value!);
    }
}
