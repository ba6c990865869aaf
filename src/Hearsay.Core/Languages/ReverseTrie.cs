namespace Hearsay.Languages;

/// <summary>
/// Keys written backwards as a character trie, for the longest key a word ends in: the head of a compound
/// ("Regierungssprecher" → "sprecher"), a noun ending. One walk from the word's last character; most words leave
/// the trie after two or three characters, where probing every tail would hash each of them. Keys are compared as
/// given (callers normalize them and the probes alike). Each node's children are a linked list (first child, next
/// sibling); a node that ends a key holds its value. Immutable once built, so it may be shared across threads.
/// </summary>
public sealed class ReverseTrie<T>
{
    private readonly char[] _label;
    private readonly int[] _child, _sibling, _value;
    private readonly T[] _values;

    public ReverseTrie(IEnumerable<KeyValuePair<string, T>> entries)
    {
        var label = new List<char> { '\0' };
        var child = new List<int> { -1 };
        var sibling = new List<int> { -1 };
        var value = new List<int> { -1 };
        var values = new List<T>();
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
            if (value[node] >= 0) continue;   // a key given twice: the first value stays
            value[node] = values.Count;
            values.Add(v);
        }
        _label = label.ToArray();
        _child = child.ToArray();
        _sibling = sibling.ToArray();
        _value = value.ToArray();
        _values = values.ToArray();
    }

    /// <summary>The longest key that <paramref name="word"/> ends in, of at least <paramref name="minLength"/>
    /// characters and leaving at least <paramref name="minRest"/> in front of it; <paramref name="length"/> is its length.</summary>
    public bool TryGetLongestSuffix(ReadOnlySpan<char> word, int minLength, int minRest, out T value, out int length)
    {
        int node = 0, found = -1;
        length = 0;
        for (int n = 1; n <= word.Length - minRest; n++)
        {
            char ch = word[^n];
            int c = _child[node];
            while (c >= 0 && _label[c] != ch) c = _sibling[c];
            if (c < 0) break;
            node = c;
            if (_value[node] >= 0 && n >= minLength) { found = _value[node]; length = n; }
        }
        value = found >= 0 ? _values[found] : default!;
        return found >= 0;
    }
}
