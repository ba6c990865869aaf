using Hearsay.Document;

namespace Hearsay.Languages;

/// <summary>
/// Matches multi-word phrases from a lexicon over tokens, longest first. Phrases are keyed by their
/// first word; a trailing '*' on a word matches any ending ("sogenannt*"). Lookups allocate nothing.
/// </summary>
public sealed class PhraseMatcher<T>
{
    private sealed record Entry(string[] Words, T Value);
    private readonly WordMap<Entry[]> _byFirst;
    private readonly Entry[] _prefixFirst; // phrases whose first word ends with '*'

    public PhraseMatcher(IEnumerable<(string Phrase, T Value)> phrases)
    {
        var all = phrases.Select(p => new Entry(p.Phrase.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries), p.Value))
            .Where(e => e.Words.Length > 0).ToList();
        _byFirst = new WordMap<Entry[]>(all.Where(e => !e.Words[0].EndsWith('*')).GroupBy(e => e.Words[0])
            .Select(g => KeyValuePair.Create(g.Key, g.OrderByDescending(e => e.Words.Length).ToArray())));
        _prefixFirst = all.Where(e => e.Words[0].EndsWith('*')).OrderByDescending(e => e.Words.Length).ToArray();
    }

    /// <summary>Tries to match a phrase starting at token <paramref name="i"/>; returns its token count, or 0.</summary>
    public int Match(string text, Token[] tokens, int i, int end, out T value)
    {
        value = default!;
        if (tokens[i].Kind != TokenKind.Word) return 0;
        var first = text.AsSpan(tokens[i].Start, tokens[i].Length);
        if (_byFirst.TryGet(first, out var entries))
            foreach (var e in entries)
                if (Matches(text, tokens, i, end, e.Words)) { value = e.Value; return e.Words.Length; }
        foreach (var e in _prefixFirst)
            if (Matches(text, tokens, i, end, e.Words)) { value = e.Value; return e.Words.Length; }
        return 0;
    }

    private static bool Matches(string text, Token[] tokens, int i, int end, string[] words)
    {
        if (i + words.Length > end) return false;
        for (int w = 0; w < words.Length; w++)
        {
            var t = tokens[i + w];
            if (t.Kind != TokenKind.Word && !(t.Kind == TokenKind.Punctuation && words[w].Length == 1)) return false;
            var s = text.AsSpan(t.Start, t.Length);
            var word = words[w];
            if (word.EndsWith('*'))
            {
                if (!s.StartsWith(word.AsSpan(0, word.Length - 1), StringComparison.OrdinalIgnoreCase)) return false;
            }
            else if (!s.Equals(word, StringComparison.OrdinalIgnoreCase)) return false;
        }
        return true;
    }
}
