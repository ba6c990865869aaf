namespace Hearsay.Structure;

/// <summary>
/// Finds a photo credit closing a block: "… an. © UPI Photo/Imago", "… (Foto: dpa)", "Photo: Reuters",
/// "Bild: Michael Kappeler/dpa". The credit must run to the end of the block and be short; a word marker
/// ("Foto:") must not follow a word ("das Foto: Merkel lacht" is prose), a "©" may follow anything.
/// </summary>
internal static class Credits
{
    private const int Window = 140;
    private const int MaxCredit = 100;
    private const int MaxCreditWords = 12;

    /// <summary>Positions relative to <paramref name="block"/>: where the marker starts and the credit text
    /// (marker, spaces and a closing bracket excluded).</summary>
    public static bool TryFindTail(ReadOnlySpan<char> block, out int markerStart, out int creditStart, out int creditEnd)
    {
        markerStart = creditStart = creditEnd = 0;
        var lex = StructureLexicon.Default;
        int from = Math.Max(0, block.Length - Window);
        for (int p = from; p < block.Length; p++)
        {
            char c = block[p];
            if (!(c == '©' || char.IsLetter(c))) continue;
            if (p > 0 && char.IsLetterOrDigit(block[p - 1])) continue;
            foreach (var marker in lex.CreditMarkers)
            {
                int n = StructureLexicon.MatchMarker(block[p..], marker);
                if (n == 0) continue;
                if (marker[0] != '©' && !FollowsBoundary(block, p)) break;
                if (TryCredit(block, p, p + n, out creditStart, out creditEnd))
                {
                    markerStart = p;
                    return true;
                }
                break;
            }
        }
        return false;
    }

    /// <summary>Credit text of an element that holds only a credit ("© AP", "Foto: dpa", "Reuters"): the
    /// marker is skipped when present. Positions relative to <paramref name="text"/>.</summary>
    public static (int Start, int End) StripMarker(ReadOnlySpan<char> text)
    {
        var lex = StructureLexicon.Default;
        int s = 0;
        while (s < text.Length && (char.IsWhiteSpace(text[s]) || text[s] is '(' or '[')) s++;
        for (int round = 0; round < 2; round++)
            foreach (var marker in lex.CreditMarkers)
            {
                int n = StructureLexicon.MatchMarker(text[s..], marker);
                if (n == 0) continue;
                s += n;
                while (s < text.Length && char.IsWhiteSpace(text[s])) s++;
                break;
            }
        int e = text.Length;
        while (e > s && (char.IsWhiteSpace(text[e - 1]) || text[e - 1] is ')' or ']' or '.')) e--;
        return e > s ? (s, e) : (0, text.Length);
    }

    /// <summary>A word marker must open the block, a line, a bracket, or follow a sentence end or a separator.</summary>
    private static bool FollowsBoundary(ReadOnlySpan<char> block, int p)
    {
        int q = p - 1;
        while (q >= 0 && block[q] is ' ' or '\t' or '\u00A0') q--;
        if (q < 0) return true;
        char c = block[q];
        return c is '\n' or '\r' or '(' or '[' or '|' or '/' or ',' or ';' or '–' or '—' or '-' or '·' or '•'
               || Text.CharClass.IsTerminal(c) || Text.CharClass.IsQuote(c);
    }

    private static bool TryCredit(ReadOnlySpan<char> block, int markerStart, int afterMarker, out int start, out int end)
    {
        start = afterMarker;
        while (start < block.Length && char.IsWhiteSpace(block[start])) start++;
        // "Foto: © dpa": a second marker right after the first.
        if (start < block.Length && block[start] == '©')
        {
            start++;
            while (start < block.Length && char.IsWhiteSpace(block[start])) start++;
        }
        end = block.Length;
        while (end > start && char.IsWhiteSpace(block[end - 1])) end--;
        bool bracketed = markerStart > 0 && block[markerStart - 1] is '(' or '[';
        if (bracketed)
        {
            if (end <= start || block[end - 1] is not (')' or ']')) return false;
            end--;
        }
        if (end > start && block[end - 1] == '.') end--;
        while (end > start && char.IsWhiteSpace(block[end - 1])) end--;
        var credit = block[start..end];
        if (credit.Length < 2 || credit.Length > MaxCredit) return false;
        int words = 1, letters = 0;
        for (int i = 0; i < credit.Length; i++)
        {
            char c = credit[i];
            if (char.IsLetter(c)) letters++;
            else if (c is '\n' or '\r' or '!' or '?') return false;
            else if (c == ' ') words++;
            // A period followed by a space ends a sentence unless it closes an initial ("J. Smith").
            else if (c == '.' && i + 1 < credit.Length && credit[i + 1] == ' '
                     && !(i >= 1 && char.IsUpper(credit[i - 1]) && (i == 1 || !char.IsLetter(credit[i - 2])))) return false;
        }
        return letters >= 2 && words <= MaxCreditWords;
    }
}
