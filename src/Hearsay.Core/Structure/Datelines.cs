using Hearsay.Document;

namespace Hearsay.Structure;

/// <summary>A dateline found at the start of a body paragraph; spans are absolute offsets.</summary>
internal readonly record struct DatelineMatch(TextSpan Whole, TextSpan? Place, TextSpan? Agency);

/// <summary>
/// Recognizes the dateline that opens a news report's first paragraph:
/// PLACE [, DATE] [(AGENCY)] DASH, as in "Pjöngjang –", "Berlin (dpa) -", "WASHINGTON (Reuters) -",
/// "NEW YORK, March 3 (AP) —", "Frankfurt am Main –", "Gaza/Jerusalem –", or an agency alone ("(dpa) –").
/// The place is one to five capitalized words (place particles allowed inside), the text after the dash
/// must start like a sentence.
/// </summary>
internal static class Datelines
{
    private const int MaxPlaceWords = 5;
    private const int MaxPlaceChars = 50;

    /// <summary>Tries a dateline at the very start of <paramref name="text"/>.</summary>
    public static bool TryMatch(ReadOnlySpan<char> text, int offset, out DatelineMatch match)
    {
        match = default;
        var lex = StructureLexicon.Default;
        int i = 0;
        int placeEnd = ParsePlace(text, lex);
        TextSpan? place = placeEnd > 0 ? new TextSpan(offset, placeEnd) : null;
        i = placeEnd;

        // ", March 3" / ", 3. März 2024": a date part must hold a digit.
        if (place is not null && i < text.Length && text[i] == ',')
        {
            int j = i + 1;
            bool digit = false;
            while (j < text.Length && j - i <= 30 && (char.IsLetterOrDigit(text[j]) || text[j] is ' ' or '.' or ','))
            {
                if (char.IsDigit(text[j])) digit = true;
                j++;
            }
            // Give back trailing spaces so the agency or dash test below sees them.
            while (j > i && text[j - 1] == ' ') j--;
            // Without a date, the part may name the region or country of the place: "ATHENS, Greece (AP) —",
            // "SPRINGFIELD, Ill. (AP) —"; then an agency or the dash must follow at once.
            if (!digit && !RegionThenAgencyOrDash(text, i + 1, j)) return false;
            i = j;
        }

        TextSpan? agency = null;
        int k = i;
        while (k < text.Length && text[k] == ' ') k++;
        if (k < text.Length && text[k] == '(')
        {
            int close = text[k..].IndexOf(')');
            if (close > 1 && close <= 41)
            {
                var inner = text.Slice(k + 1, close - 1).Trim(' ');
                if (IsBracketWords(inner))
                {
                    // "(dpa)", "(Reuters)": an agency; "(Utah)", "(Florida)": a region qualifying the place.
                    int innerStart = k + 1 + text.Slice(k + 1, close - 1).IndexOf(inner[0]);
                    if (NamesAgency(inner, lex)) agency = new TextSpan(offset + innerStart, inner.Length);
                    else if (place is null) return false;
                    i = k + close + 1;
                }
            }
        }
        if (place is null && agency is null) return false;
        if (place is null && k != 0) return false;

        // The dash: spaced "-", or an en/em dash with or without spaces.
        int d = i;
        int spaces = 0;
        while (d < text.Length && text[d] == ' ') { d++; spaces++; }
        if (d >= text.Length) return false;
        int dashEnd;
        if (text[d] is '–' or '—' or '―' or '‒') dashEnd = d + 1;
        else if (text[d] == '-' && spaces > 0) dashEnd = d + 1 < text.Length && text[d + 1] == '-' ? d + 2 : d + 1;
        else return false;
        int after = dashEnd;
        while (after < text.Length && text[after] == ' ') after++;
        if (after >= text.Length || (after == dashEnd && text[d] == '-')) return false;
        char c = text[after];
        if (!(char.IsUpper(c) || char.IsDigit(c) || Text.CharClass.IsQuote(c) || c == '(')) return false;

        match = new DatelineMatch(new TextSpan(offset, dashEnd), place, agency);
        return true;
    }

    /// <summary>One to three capitalized words (periods allowed, no digit) in [from, to), followed after spaces
    /// by "(" or a dash.</summary>
    private static bool RegionThenAgencyOrDash(ReadOnlySpan<char> text, int from, int to)
    {
        var part = text[from..to].Trim(' ');
        if (part.IsEmpty || part.Contains(',')) return false;
        int words = 0;
        foreach (var w in part.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!char.IsUpper(w[0])) return false;
            foreach (char ch in w) if (!(char.IsLetter(ch) || ch == '.')) return false;
            words++;
        }
        if (words is 0 or > 3) return false;
        int k = to;
        while (k < text.Length && text[k] == ' ') k++;
        return k < text.Length && text[k] is '(' or '–' or '—' or '―' or '‒' or '-';
    }

    /// <summary>Looks for a dateline at the start of <paramref name="text"/> or right after one of its
    /// first sentences, for texts whose title or teaser runs into the body on one line
    /// ("… beschränkt gehört. Wien – Die Gewerkschaft …").</summary>
    public static bool TryFindNearStart(ReadOnlySpan<char> text, int offset, out DatelineMatch match, int maxChars = 600, int maxSentences = 4)
    {
        if (TryMatch(text, offset, out match)) return true;
        int limit = Math.Min(text.Length, maxChars);
        int sentences = 0;
        for (int p = 1; p < limit; p++)
        {
            if (!char.IsWhiteSpace(text[p - 1]) || char.IsWhiteSpace(text[p])) continue;
            int q = p - 1;
            while (q > 0 && char.IsWhiteSpace(text[q])) q--;
            while (q > 0 && (Text.CharClass.IsQuote(text[q]) || text[q] == ')')) q--;
            if (!Text.CharClass.IsTerminal(text[q])) continue;
            // "am 1. Oktober – …": an ordinal's period ends no sentence.
            if (text[q] == '.' && q > 0 && char.IsDigit(text[q - 1])) continue;
            if (++sentences > maxSentences) break;
            if (TryMatch(text[p..], offset + p, out match)) return true;
        }
        match = default;
        return false;
    }

    /// <summary>Length of the place at the start, or 0.</summary>
    private static int ParsePlace(ReadOnlySpan<char> text, StructureLexicon lex)
    {
        int i = 0, words = 0, lastWordEnd = 0, capitalized = 0, particles = 0;
        while (i < text.Length && words < MaxPlaceWords + 2)
        {
            int s = i;
            while (i < text.Length && (char.IsLetter(text[i]) || text[i] is '.' or '-' or '\'' or '’')) i++;
            if (i == s) break;
            // A period ends the place unless it closes a short abbreviation ("St. Pölten").
            if (text[i - 1] == '.' && i - s > 4) i--;
            var word = text[s..i];
            if (word.IsEmpty) break;
            if (words == 0 && lex.NotPlace.Contains(word.TrimEnd('.'))) return 0;
            if (char.IsUpper(word[0]) && CountLetters(word) >= 2 && word[^1] != '-')
            {
                lastWordEnd = i;
                // "Neusiedl am See", "Rio de Janeiro": with a particle, two capitalized words per place;
                // "Neue Kämpfe im Donbass" is a headline.
                if (word[^1] != '.' && ++capitalized > 2 && particles > 0) return 0;
            }
            else if (words > 0 && lex.PlaceParticles.Contains(word)) particles++;
            else { i = s; break; }
            words++;
            if (lastWordEnd > MaxPlaceChars) return 0;
            // Words are joined by one space or a slash ("Gaza/Jerusalem").
            if (i + 1 < text.Length && text[i] == '/' && char.IsLetter(text[i + 1])) { i++; capitalized = particles = 0; }
            else if (i + 1 < text.Length && text[i] == ' ' && char.IsLetter(text[i + 1])) i++;
            else break;
        }
        if (words > MaxPlaceWords + 1) return 0;
        return lastWordEnd;
    }

    private static int CountLetters(ReadOnlySpan<char> w)
    {
        int n = 0;
        foreach (char c in w) if (char.IsLetter(c)) n++;
        return n;
    }

    /// <summary>An agency list: some part is a known agency ("dpa/AFP", "Reuters"), or every part is a short
    /// lower-case code ("red", "sda/jps").</summary>
    private static bool NamesAgency(ReadOnlySpan<char> inner, StructureLexicon lex)
    {
        bool allCodes = true, known = false;
        foreach (var range in inner.SplitAny("/,&"))
        {
            var part = inner[range].Trim(' ');
            if (part.IsEmpty) continue;
            if (lex.Agencies.Contains(part)) known = true;
            else if (part.Length > 6 || part.ContainsAnyExceptInRange('a', 'z')) allCodes = false;
        }
        return known || allCodes;
    }

    /// <summary>Letters with slashes, commas, spaces; no digits; at most four words.</summary>
    private static bool IsBracketWords(ReadOnlySpan<char> inner)
    {
        if (inner.Length == 0 || inner.Length > 40 || !char.IsLetter(inner[0])) return false;
        int words = 1;
        foreach (char c in inner)
        {
            if (c == ' ') words++;
            else if (!(char.IsLetter(c) || c is '/' or ',' or '.' or '-' or '&')) return false;
        }
        return words <= 4;
    }
}
