namespace Hearsay.Languages;

/// <summary>
/// A word map that also matches compounds by their head: German writes "Militärexperte",
/// "Live-Podiumsdiskussion", "Regierungssprecher" as one word, so a lookup tries the whole word, then
/// the part after the last hyphen, then the longest tail of at least <see cref="MinTail"/> letters that leaves
/// a modifier of at least three letters (one walk of a <see cref="ReverseTrie{T}"/> of the entries).
/// </summary>
public sealed class SuffixMap<T>
{
    private readonly WordMap<T> _map;
    private readonly ReverseTrie<T> _tails;
    public const int MinTail = 4;
    private const int MinModifier = 3;

    public SuffixMap(IEnumerable<KeyValuePair<string, T>> entries)
    {
        var list = entries.ToList();
        _map = new WordMap<T>(list);
        // Lowered as the word map lowers its keys; the first value of a key wins in both.
        _tails = new ReverseTrie<T>(list.Select(e => KeyValuePair.Create(e.Key.ToLowerInvariant(), e.Value)));
    }

    public bool TryGetExact(ReadOnlySpan<char> word, out T value) => _map.TryGet(word, out value);

    /// <summary>Finds the entry for the word or its compound head; <paramref name="headStart"/> is the offset of the head in the word.</summary>
    public bool TryGet(ReadOnlySpan<char> word, out T value, out int headStart)
    {
        // The word is lowered once; every tail probed is a piece of it (lowering keeps each character's place).
        headStart = 0;
        value = default!;
        if (word.Length == 0) return false;
        char[]? rented = null;
        Span<char> lower = word.Length <= 256 ? stackalloc char[word.Length] : (rented = System.Buffers.ArrayPool<char>.Shared.Rent(word.Length));
        lower = lower[..word.Length];
        word.ToLowerInvariant(lower);
        bool found = TryGetLower(lower, out value, out headStart);
        if (rented is not null) System.Buffers.ArrayPool<char>.Shared.Return(rented);
        return found;
    }

    private bool TryGetLower(ReadOnlySpan<char> word, out T value, out int headStart)
    {
        headStart = 0;
        if (_map.TryGetLower(word, out value)) return true;
        int hyphen = word.LastIndexOf('-');
        if (hyphen > 0 && hyphen < word.Length - 1)
        {
            if (_map.TryGetLower(word[(hyphen + 1)..], out value)) { headStart = hyphen + 1; return true; }
            word = word[(hyphen + 1)..];
            headStart = hyphen + 1;
        }
        if (!_tails.TryGetLongestSuffix(word, MinTail, MinModifier, out value, out int length)) return false;
        headStart += word.Length - length;
        return true;
    }
}
