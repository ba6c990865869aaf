using Hearsay.Document;

namespace Hearsay.Structure;

/// <summary>
/// Reads a byline: an optional opener ("Von:", "By", "Autor:"), one or more author names joined by
/// commas, "und"/"and"/"&amp;" or slashes, and an optional tail after a separator (", Berlin",
/// " | 3. März 2024"). Names are runs of capitalized words with name particles inside
/// ("Ursula von der Leyen"), or an agency's short name ("dpa").
/// </summary>
internal static class Bylines
{
    private const int MaxByline = 200;
    private const int MaxNameTokens = 6;

    /// <summary>True when the whole of <paramref name="block"/> reads as a byline. Author name spans,
    /// shifted by <paramref name="offset"/>, are added to <paramref name="names"/> only on success.</summary>
    /// <param name="requireMarker">Plain text needs an opener; an HTML element marked as a byline does not.</param>
    public static bool TryParse(ReadOnlySpan<char> block, int offset, bool requireMarker, List<TextSpan> names)
    {
        if (block.Length == 0 || block.Length > MaxByline) return false;
        var lex = StructureLexicon.Default;
        int i = 0;
        bool marked = false;
        foreach (var marker in lex.BylineMarkers)
        {
            int n = StructureLexicon.MatchMarker(block, marker);
            if (n == 0) continue;
            int k = n;
            while (k < block.Length && block[k] == ' ') k++;
            if (k < block.Length && block[k] == ':') k++;
            // The opener must be followed by a space (or a colon and a space): "Vonovia" is no byline.
            if (k == n && (k >= block.Length || !char.IsWhiteSpace(block[k]))) continue;
            i = k;
            marked = true;
            break;
        }
        if (requireMarker && !marked) return false;

        var found = new List<(int Start, int End, int Tokens, bool Agency)>(2);
        while (true)
        {
            while (i < block.Length && char.IsWhiteSpace(block[i])) i++;
            if (!TryName(block, i, out int end, out int tokens, out bool agency)) break;
            found.Add((i, end, tokens, agency));
            i = end;
            // A joiner leads to the next name; when none follows, what was consumed belongs to the tail.
            int j = SkipJoiner(block, i, lex);
            if (j < 0) break;
            int save = j;
            while (save < block.Length && char.IsWhiteSpace(block[save])) save++;
            if (!TryName(block, save, out _, out _, out _)) break;
            i = j;
        }
        if (found.Count == 0) return false;
        // "Von Anna Müller, Berlin": a last one-word "name" after others is the place, not an author.
        var last = found[^1];
        if (found.Count > 1 && last.Tokens == 1 && !last.Agency)
        {
            found.RemoveAt(found.Count - 1);
            i = found[^1].End;
        }
        var rest = block[found[^1].End..];
        // "By Anna Keller in Frankfurt": a place after a full name, opened by a preposition, is the tail too.
        if (!IsTail(rest) && !(marked && (found[^1].Tokens >= 2 || found[^1].Agency) && IsPlaceTail(rest, lex))) return false;
        // Without an opener, a lone one-word name is too weak (a kicker, a section name), unless an agency.
        if (!marked && found.Count == 1 && found[0].Tokens == 1 && !found[0].Agency) return false;
        foreach (var (s, e, _, _) in found) names.Add(TextSpan.FromBounds(offset + s, offset + e));
        return true;
    }

    /// <summary>Reads one name at <paramref name="start"/>: capitalized words and particles, ending on a
    /// capitalized word; or a single agency short name.</summary>
    internal static bool TryName(ReadOnlySpan<char> text, int start, out int end, out int tokens, out bool agency)
    {
        var lex = StructureLexicon.Default;
        end = start; tokens = 0; agency = false;
        int i = start;
        int lastGood = -1, goodTokens = 0;
        while (i < text.Length && tokens < MaxNameTokens)
        {
            int s = i;
            while (i < text.Length && !IsNameStop(text[i])) i++;
            if (i == s) break;
            var word = text[s..i];
            // A trailing period belongs to an initial ("J.") but not to a sentence ("Abasi.").
            if (word[^1] == '.' && !(word.Length == 2 && char.IsUpper(word[0])))
            {
                word = word[..^1];
                i--;
                if (word.Length == 0) break;
            }
            if (tokens == 0 && lex.Agencies.Contains(word))
            {
                end = i; tokens = 1; agency = true;
                return true;
            }
            if (lex.Joiners.Contains(word)) break;
            if (IsNameWord(word))
            {
                tokens++;
                lastGood = i; goodTokens = tokens;
            }
            else if (tokens > 0 && lex.NameParticles.Contains(word)) tokens++;
            else break;
            if (i < text.Length && text[i] == ' ' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1])) i++;
            else break;
        }
        if (lastGood < 0) return false;
        end = lastGood; tokens = goodTokens;
        return true;
    }

    private static bool IsNameStop(char c) => char.IsWhiteSpace(c) || c is ',' or ';' or '|' or '(' or ')' or '/' or ':' or '•' or '·' or '&' or '–' or '—';

    /// <summary>A capitalized word of letters, hyphens, apostrophes ("Jean-Luc", "O'Brien", "J."), or a
    /// particle glued to one ("al-Assad", "d'Estaing").</summary>
    internal static bool IsNameWord(ReadOnlySpan<char> word)
    {
        if (word.Length == 0 || word.Length > 30) return false;
        int letters = 0;
        foreach (char c in word)
        {
            if (char.IsLetter(c)) letters++;
            else if (c is not ('-' or '\'' or '’' or '.')) return false;
        }
        if (letters == 0) return false;
        if (char.IsUpper(word[0])) return true;
        int glue = word.IndexOfAny('-', '\'', '’');
        return glue > 0 && glue + 1 < word.Length && char.IsUpper(word[glue + 1])
               && StructureLexicon.Default.NameParticles.Contains(word[..glue]);
    }

    /// <summary>Position after a joiner (",", "/", "&amp;", "und", "and", ", und") at <paramref name="i"/>, or -1.</summary>
    private static int SkipJoiner(ReadOnlySpan<char> text, int i, StructureLexicon lex)
    {
        int j = i;
        while (j < text.Length && text[j] == ' ') j++;
        bool any = false;
        if (j < text.Length && text[j] is ',' or '/' or '&')
        {
            j++; any = true;
            while (j < text.Length && text[j] == ' ') j++;
        }
        int w = j;
        while (w < text.Length && char.IsLetter(text[w])) w++;
        if (w > j && w < text.Length && text[w] == ' ' && lex.Joiners.Contains(text[j..w]))
        {
            j = w + 1; any = true;
        }
        return any ? j : -1;
    }

    /// <summary>A place introduced by a byline place opener ("in Frankfurt", "aus Brüssel", "in New York"):
    /// one to four capitalized words (place particles inside), then nothing or an ordinary tail.</summary>
    private static bool IsPlaceTail(ReadOnlySpan<char> tail, StructureLexicon lex)
    {
        var t = tail.TrimStart(' ');
        int w = 0;
        while (w < t.Length && char.IsLetter(t[w])) w++;
        if (w == 0 || w >= t.Length || t[w] != ' ' || !lex.PlaceOpeners.Contains(t[..w])) return false;
        int i = w + 1, words = 0, lastGood = -1;
        while (i < t.Length && words < 4)
        {
            int s = i;
            while (i < t.Length && !IsNameStop(t[i])) i++;
            if (i == s) break;
            var word = t[s..i];
            if (IsNameWord(word) && char.IsUpper(word[0])) lastGood = i;
            else if (!(words > 0 && lex.PlaceParticles.Contains(word))) return false;
            words++;
            if (i < t.Length && t[i] == ' ' && i + 1 < t.Length && !char.IsWhiteSpace(t[i + 1])) i++;
            else break;
        }
        if (lastGood < 0) return false;
        return IsTail(t[lastGood..]);
    }

    /// <summary>What may follow the names: nothing, or a separator and a short remainder (place, date, agency).</summary>
    private static bool IsTail(ReadOnlySpan<char> tail)
    {
        var t = tail.TrimStart(' ');
        if (t.IsEmpty || t.IsWhiteSpace()) return true;
        if (t.Length > 120) return false;
        return t[0] is ',' or '|' or '–' or '—' or '-' or '(' or '/' or '•' or '·' or '\n' or '\r' or '\t' or ';';
    }
}
