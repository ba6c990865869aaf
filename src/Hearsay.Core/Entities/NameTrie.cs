namespace Hearsay.Entities;

/// <summary>How a gazetteer alias refers to its entry.</summary>
internal enum AliasKind : byte
{
    /// <summary>A name ("Nordkorea", "New York Post").</summary>
    Name,
    /// <summary>An adjective derived from the name ("nordkoreanische", "North Korean").</summary>
    Adjective,
    /// <summary>A seat of government that always stands for its state ("Kreml", "White House").</summary>
    Metonym,
    /// <summary>A short form that refers to the entry only once a full name appeared in the article ("Kim", "the Post").</summary>
    Short,
    /// <summary>A name that is also a common word ("Bild", "Spiegel", "Essen"): needs a confirming context.</summary>
    Ambiguous,
}

/// <summary>What a trie node holds for one alias ending there.</summary>
internal readonly record struct AliasPayload(int Entry, AliasKind Kind, byte Tokens, ulong CapitalMask, ulong AllCapsMask);

/// <summary>
/// Gazetteer aliases as a trie over tokens. Words get integer ids from one vocabulary (keys as in
/// <see cref="NameKeys"/>); connector words that names use interchangeably ("of", "on", "for", "für")
/// share one id, so "Council for Foreign Relations" walks the path of "Council on Foreign Relations".
/// Edges are one dictionary keyed by (node, word id): a walk step is one hash probe, no allocation.
/// </summary>
internal sealed class NameTrie
{
    private readonly Dictionary<string, int> _vocab = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _vocabLookup;
    private readonly Dictionary<long, int> _edges = new();
    private readonly List<AliasPayload[]?> _terminals = new() { null };

    public NameTrie() => _vocabLookup = _vocab.GetAlternateLookup<ReadOnlySpan<char>>();

    public const int Root = 0;
    public int NodeCount => _terminals.Count;
    public int VocabularySize => _vocab.Count;

    /// <summary>Makes all <paramref name="keys"/> one word class (same id).</summary>
    public void AddEquivalentWords(IEnumerable<string> keys)
    {
        int id = -1;
        foreach (var k in keys)
        {
            if (id < 0) id = IdOrAdd(k);
            else _vocab.TryAdd(k, id);
        }
    }

    private int IdOrAdd(string key)
    {
        if (_vocab.TryGetValue(key, out int id)) return id;
        id = _vocab.Count;
        _vocab[key] = id;
        return id;
    }

    /// <summary>Adds an alias given as word keys.</summary>
    public void Add(IReadOnlyList<string> keys, AliasPayload payload)
    {
        int node = Root;
        foreach (var k in keys)
        {
            long edge = ((long)node << 32) | (uint)IdOrAdd(k);
            if (!_edges.TryGetValue(edge, out int child))
            {
                child = _terminals.Count;
                _terminals.Add(null);
                _edges[edge] = child;
            }
            node = child;
        }
        var old = _terminals[node];
        if (old is not null)
        {
            foreach (var p in old)
                if (p.Entry == payload.Entry && p.Kind == payload.Kind && p.CapitalMask == payload.CapitalMask && p.AllCapsMask == payload.AllCapsMask) return;
        }
        _terminals[node] = old is null ? new[] { payload } : [.. old, payload];
    }

    /// <summary>Id of a word key, or -1 when no alias uses the word.</summary>
    public int WordId(ReadOnlySpan<char> key) =>
        key.Length > 0 && _vocabLookup.TryGetValue(key, out int id) ? id : -1;

    /// <summary>The child of <paramref name="node"/> along word <paramref name="wordId"/>, or -1.</summary>
    public int Step(int node, int wordId) =>
        wordId >= 0 && _edges.TryGetValue(((long)node << 32) | (uint)wordId, out int child) ? child : -1;

    public ReadOnlySpan<AliasPayload> Terminals(int node) => _terminals[node];
}
