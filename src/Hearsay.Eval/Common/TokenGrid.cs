using Hearsay.Document;

namespace Hearsay.Eval;

/// <summary>
/// A dataset's own tokens as character ranges [Start, End) in the analyzed text, in order. Maps Hearsay's
/// spans (character offsets) to the dataset's token ids by overlap: a dataset token belongs to a span
/// when they share at least one non-space character.
/// </summary>
public sealed class TokenGrid
{
    private readonly int[] _starts;
    private readonly int[] _ends;

    public TokenGrid(int[] starts, int[] ends)
    {
        if (starts.Length != ends.Length) throw new ArgumentException("starts and ends differ in length");
        _starts = starts;
        _ends = ends;
    }

    public int Count => _starts.Length;
    public int Start(int token) => _starts[token];
    public int End(int token) => _ends[token];

    /// <summary>Ids of the tokens overlapping the span, ascending.</summary>
    public IEnumerable<int> Overlapping(TextSpan span)
    {
        if (span.Length <= 0) yield break;
        // First token whose end is after the span start.
        int lo = 0, hi = _starts.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (_ends[mid] <= span.Start) lo = mid + 1; else hi = mid;
        }
        for (int t = lo; t < _starts.Length && _starts[t] < span.End; t++)
            if (_ends[t] > span.Start && _ends[t] > _starts[t]) yield return t;
    }

    /// <summary>Sorted, distinct ids of the tokens overlapping any of the spans.</summary>
    public int[] Tokens(IEnumerable<TextSpan> spans)
    {
        var set = new SortedSet<int>();
        foreach (var s in spans) foreach (var t in Overlapping(s)) set.Add(t);
        return set.ToArray();
    }

    public int[] Tokens(TextSpan? span) => span is { } s ? Overlapping(s).ToArray() : Array.Empty<int>();

    /// <summary>Contiguous runs of token ids as [first, last] pairs (for writing spans back out).</summary>
    public static IEnumerable<(int First, int Last)> Runs(IReadOnlyList<int> sortedIds)
    {
        int i = 0;
        while (i < sortedIds.Count)
        {
            int j = i;
            while (j + 1 < sortedIds.Count && sortedIds[j + 1] == sortedIds[j] + 1) j++;
            yield return (sortedIds[i], sortedIds[j]);
            i = j + 1;
        }
    }
}

/// <summary>
/// Rebuilds running text from a dataset's token list, recording where each token lands. Tokens are joined
/// with one space, except before closing punctuation and after opening brackets and quotation marks, so
/// that Hearsay's tokenizer and quotation pairing see ordinary typography ("sagte: „Wir …“, so er.").
/// Sentences are joined with a space; <see cref="Build"/> can start a paragraph (blank line) at given tokens.
/// </summary>
public static class Detokenizer
{
    public sealed record Result(string Text, TokenGrid Grid);

    public static Result Build(IReadOnlyList<string> tokens, Func<int, bool>? paragraphBefore = null, bool plainSpaces = false)
    {
        var sb = new System.Text.StringBuilder();
        var starts = new int[tokens.Count];
        var ends = new int[tokens.Count];
        bool noSpaceNext = true;
        var open = new QuoteState { GuillemetCloses = ClosingGuillemet(tokens) };
        for (int i = 0; i < tokens.Count; i++)
        {
            var tok = tokens[i];
            var role = plainSpaces ? Role.Word : Classify(tok, ref open);
            if (i > 0)
            {
                if (paragraphBefore?.Invoke(i) == true) sb.Append("\n\n");
                else if (plainSpaces || !(noSpaceNext || role == Role.Closing)) sb.Append(' ');
            }
            starts[i] = sb.Length;
            sb.Append(tok);
            ends[i] = sb.Length;
            noSpaceNext = role == Role.Opening;
        }
        return new Result(sb.ToString(), new TokenGrid(starts, ends));
    }

    private enum Role { Word, Opening, Closing }

    private struct QuoteState
    {
        public bool Straight, StraightSingle, German, GermanSingle, English;
        /// <summary>Which guillemet closes in this text: '«' (»…«, German) or '»' («…», Swiss and French).</summary>
        public char GuillemetCloses;
        public string? Previous;
    }

    /// <summary>Which guillemet closes, by votes over the text (a text may begin inside a quotation, so the first
    /// mark seen does not tell; and in dialogue a mark after a full stop is as often the next speech opening as
    /// the end of one). A mark votes for "closing" when a comma, semicolon or bracket follows it (2), when it
    /// follows a comma, "!", "?", "…" or ";" (1), or a full stop with a lower-case word after it (1); and
    /// against it when a colon precedes it (2). Ties go to '«' (German »…«).</summary>
    private static char ClosingGuillemet(IReadOnlyList<string> tokens)
    {
        int left = 0, right = 0; // votes for « and » being the closing mark
        for (int i = 0; i < tokens.Count; i++)
        {
            if (tokens[i] is not ("«" or "»")) continue;
            var prev = i > 0 ? tokens[i - 1] : null;
            var next = i + 1 < tokens.Count ? tokens[i + 1] : null;
            int vote = 0;
            if (next is "," or ";" or ")") vote += 2;
            if (prev is ":") vote -= 2;
            if (prev is "," or "!" or "?" or "…" or "..." or ";") vote++;
            if (prev is "." && next is { Length: > 0 } && char.IsLower(next[0])) vote++;
            if (tokens[i] == "«") left += vote; else right += vote;
        }
        return right > left ? '»' : '«';
    }

    /// <summary>A straight mark closes after closing punctuation, opens after a colon or at the start, else
    /// alternates.</summary>
    private static bool StraightOpens(string? previous, bool wasOpen) => previous switch
    {
        null or ":" => true,
        "." or "," or "!" or "?" or ";" or "…" or "..." => false,
        _ => !wasOpen,
    };

    private static Role Classify(string tok, ref QuoteState q)
    {
        var role = ClassifyCore(tok, ref q);
        q.Previous = tok;
        return role;
    }

    private static Role ClassifyCore(string tok, ref QuoteState q)
    {
        if (tok.Length == 0) return Role.Word;
        if (tok.Length == 1 || tok is "..." or "''" or "``")
        {
            switch (tok)
            {
                case "." or "," or ";" or ":" or "!" or "?" or ")" or "]" or "}" or "%" or "..." or "…": return Role.Closing;
                case "(" or "[" or "{": return Role.Opening;
                case "„": q.German = true; return Role.Opening;
                case "‚": q.GermanSingle = true; return Role.Opening;
                case "“":
                    // German closing after „, else English opening.
                    if (q.German) { q.German = false; return Role.Closing; }
                    q.English = true; return Role.Opening;
                case "”": q.English = false; return Role.Closing;
                case "‘":
                    // German closing single after ‚; else ambiguous (English opening): leave spaced.
                    if (q.GermanSingle) { q.GermanSingle = false; return Role.Closing; }
                    return Role.Word;
                case "’": return Role.Closing;
                case "»" or "«":
                    return tok[0] == q.GuillemetCloses ? Role.Closing : Role.Opening;
                case "›" or "‹":
                    // Single guillemets point the way the double ones do (›…‹ inside »…«).
                    return (tok[0] == '‹') == (q.GuillemetCloses == '«') ? Role.Closing : Role.Opening;
                case "\"" when q.German:
                    // „…" (old and OCR typography closes a German quote with a straight mark).
                    q.German = false; return Role.Closing;
                case "\"" or "''" or "``":
                    q.Straight = StraightOpens(q.Previous, q.Straight);
                    return q.Straight ? Role.Opening : Role.Closing;
                case "'":
                    q.StraightSingle = StraightOpens(q.Previous, q.StraightSingle);
                    return q.StraightSingle ? Role.Opening : Role.Closing;
            }
        }
        if (tok[0] == '\'' && tok.Length <= 3 && char.IsLetter(tok[^1])) return Role.Closing; // English clitics: 's, 're, n't stays a word
        if (tok is "n't") return Role.Closing;
        return Role.Word;
    }
}
