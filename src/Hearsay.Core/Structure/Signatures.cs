namespace Hearsay.Structure;

/// <summary>
/// Finds the author's or agency's signature that closes an article: "… betonen. (Ares Abasi)",
/// "(dpa)", "(dpa/AFP/jps)". The bracket must stand alone or follow a sentence end, and hold a short
/// run of names or lower-case agency and editor codes, no digits and no sentence punctuation.
/// </summary>
internal static class Signatures
{
    private const int MaxInner = 40;

    /// <summary>Where the signature's "(" is, relative to <paramref name="block"/>, and its inner text.</summary>
    public static bool TryFindTail(ReadOnlySpan<char> block, out int open, out int innerStart, out int innerEnd)
    {
        open = innerStart = innerEnd = 0;
        int end = block.Length;
        while (end > 0 && char.IsWhiteSpace(block[end - 1])) end--;
        if (end < 3 || block[end - 1] != ')') return false;
        int o = block[..(end - 1)].LastIndexOf('(');
        if (o < 0 || end - 1 - o - 1 > MaxInner) return false;
        if (o > 0)
        {
            int q = o - 1;
            if (!char.IsWhiteSpace(block[q])) return false;
            while (q > 0 && char.IsWhiteSpace(block[q])) q--;
            while (q > 0 && (Text.CharClass.IsQuote(block[q]) || block[q] == ')')) q--;
            if (!Text.CharClass.IsTerminal(block[q])) return false;
        }
        var inner = block[(o + 1)..(end - 1)];
        int lead = inner.Length - inner.TrimStart(' ').Length;
        inner = inner.Trim(' ');
        if (inner.Length < 2 || !char.IsLetter(inner[0])) return false;
        int words = 1;
        foreach (char c in inner)
        {
            if (c == ' ') words++;
            else if (!(char.IsLetter(c) || c is '/' or ',' or '-' or '\'' or '’' or '&')) return false;
        }
        if (words > 5) return false;
        open = o;
        innerStart = o + 1 + lead;
        innerEnd = innerStart + inner.Length;
        return true;
    }
}
