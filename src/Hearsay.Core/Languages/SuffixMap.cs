namespace Hearsay.Languages;

/// <summary>
/// A word map that also matches compounds by their head: German writes "Militärexperte",
/// "Live-Podiumsdiskussion", "Regierungssprecher" as one word, so a lookup tries the whole word, then
/// the part after the last hyphen, then ever shorter tails of at least <see cref="MinTail"/> letters
/// that leave a modifier of at least three letters.
/// </summary>
public sealed class SuffixMap<T>
{
    private readonly WordMap<T> _map;
    public const int MinTail = 4;

    public SuffixMap(IEnumerable<KeyValuePair<string, T>> entries) => _map = new WordMap<T>(entries);

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
        int baseOffset = headStart;
        for (int k = 3; k <= word.Length - MinTail; k++)
        {
            if (_map.TryGetLower(word[k..], out value)) { headStart = baseOffset + k; return true; }
        }
        value = default!;
        return false;
    }
}
