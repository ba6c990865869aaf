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
    /// One walk from the key's last character through a trie of the reversed entries (<see cref="SuffixTrie"/>),
    /// built on first use: most words leave the trie after two or three characters, where probing every suffix
    /// would hash each of them.</summary>
    public bool TryGetSuffix(ReadOnlySpan<char> key, int minLength, int minRest, out T value)
    {
        var trie = _suffixes;
        if (trie is null)
        {
            trie = new SuffixTrie(_map);
            Interlocked.CompareExchange(ref _suffixes, trie, null);
        }
        return trie.TryGet(key, minLength, minRest, out value);
    }

    private SuffixTrie? _suffixes;

    /// <summary>The entries written backwards as a character trie: each node's children are a linked list
    /// (first child, next sibling), a node that ends an entry holds its value. Immutable once built.</summary>
    private sealed class SuffixTrie
    {
        private readonly char[] _label;
        private readonly int[] _child, _sibling, _value;
        private readonly T[] _values;

        public SuffixTrie(Dictionary<string, T> entries)
        {
            var label = new List<char> { '\0' };
            var child = new List<int> { -1 };
            var sibling = new List<int> { -1 };
            var value = new List<int> { -1 };
            var values = new List<T>(entries.Count);
            foreach (var (word, v) in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                int node = 0;
                for (int k = word.Length - 1; k >= 0; k--)
                {
                    char ch = word[k];
                    int c = child[node];
                    while (c >= 0 && label[c] != ch) c = sibling[c];
                    if (c < 0)
                    {
                        c = label.Count;
                        label.Add(ch);
                        child.Add(-1);
                        sibling.Add(child[node]);
                        value.Add(-1);
                        child[node] = c;
                    }
                    node = c;
                }
                value[node] = values.Count;
                values.Add(v);
            }
            _label = label.ToArray();
            _child = child.ToArray();
            _sibling = sibling.ToArray();
            _value = value.ToArray();
            _values = values.ToArray();
        }

        public bool TryGet(ReadOnlySpan<char> key, int minLength, int minRest, out T value)
        {
            int node = 0, found = -1;
            // The suffix grows one character at a time; the last entry met that fits is the longest.
            for (int length = 1; length <= key.Length - minRest; length++)
            {
                char ch = key[^length];
                int c = _child[node];
                while (c >= 0 && _label[c] != ch) c = _sibling[c];
                if (c < 0) break;
                node = c;
                if (_value[node] >= 0 && length >= minLength) found = _value[node];
            }
            value = found >= 0 ? _values[found] : default!;
            return found >= 0;
        }
    }
}
