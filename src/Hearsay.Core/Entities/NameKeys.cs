using Hearsay.Languages;

namespace Hearsay.Entities;

/// <summary>
/// The key form of a word used by every entity lookup: lower case (invariant), typographic apostrophes
/// folded to <c>'</c> and typographic hyphens to <c>-</c>. The mapping is one character to one
/// character, so offsets in a key are offsets in the text.
/// </summary>
internal static class NameKeys
{
    /// <summary>Longest word the lookups consider; longer tokens are never names.</summary>
    public const int MaxLength = 64;

    /// <summary>Writes the key of <paramref name="word"/> into <paramref name="key"/> (same length).</summary>
    public static void Write(ReadOnlySpan<char> word, Span<char> key)
    {
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            key[i] = c switch
            {
                '’' or '‘' or 'ʼ' or '´' or '`' => '\'',
                '‐' or '‑' => '-',
                _ => char.ToLowerInvariant(c),
            };
        }
    }

    public static string Of(string word)
    {
        Span<char> buf = word.Length <= 256 ? stackalloc char[word.Length] : new char[word.Length];
        Write(word, buf);
        return new string(buf);
    }
}

/// <summary>A read-only map from word keys (see <see cref="NameKeys"/>) to values, probed with spans
/// that are already keys, so a lookup neither lower-cases nor allocates.</summary>
internal sealed class KeyMap<T>
{
    private readonly Dictionary<string, T> _map = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public KeyMap() => _lookup = _map.GetAlternateLookup<ReadOnlySpan<char>>();

    public int Count => _map.Count;
    public IEnumerable<KeyValuePair<string, T>> Entries => _map;

    /// <summary>Adds an entry (the word is turned into its key); the first value for a key wins.</summary>
    public void Add(string word, T value)
    {
        if (word.Length == 0) return;
        if (_map.TryAdd(NameKeys.Of(word), value)) _suffixes = null;
    }

    public bool TryGet(ReadOnlySpan<char> key, out T value)
    {
        if (key.Length == 0) { value = default!; return false; }
        return _lookup.TryGetValue(key, out value!);
    }

    public bool Contains(ReadOnlySpan<char> key) => key.Length > 0 && _lookup.ContainsKey(key);

    /// <summary>Finds the longest proper suffix of <paramref name="key"/> (at least <paramref name="minLength"/>
    /// characters, leaving at least <paramref name="minRest"/> in front) that is an entry: the head of a compound.
    /// One walk through a <see cref="ReverseTrie{T}"/> of the entries, built on first use.</summary>
    public bool TryGetSuffix(ReadOnlySpan<char> key, int minLength, int minRest, out T value)
    {
        var trie = _suffixes;
        if (trie is null)
        {
            trie = new ReverseTrie<T>(_map);
            Interlocked.CompareExchange(ref _suffixes, trie, null);
        }
        return trie.TryGetLongestSuffix(key, minLength, minRest, out value, out _);
    }

    private ReverseTrie<T>? _suffixes;
}
