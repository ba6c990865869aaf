using Hearsay.Document;
using Hearsay.Languages;

namespace Hearsay.Text;

/// <summary>
/// Splits text into tokens over spans. Rules, in the order they are tried at a position: URLs, words
/// and numbers (with inner hyphens, apostrophes, gender marks, digit-group separators, abbreviation
/// periods), quotation marks (flagged opening/closing by the characters around them), dashes,
/// ellipses, other punctuation. The tokens cover every non-space character of the text, in order.
/// </summary>
public static class Tokenizer
{
    public static Token[] Tokenize(string text, WordSet abbreviations)
    {
        var tokens = new List<Token>(Math.Max(16, text.Length / 5));
        Tokenize(text.AsSpan(), abbreviations, tokens);
        return tokens.ToArray();
    }

    public static void Tokenize(ReadOnlySpan<char> text, WordSet abbreviations, List<Token> tokens)
    {
        int n = text.Length;
        int i = 0;
        int lines = 0;
        bool space = false;
        while (i < n)
        {
            char c = text[i];
            if (CharClass.IsLineBreak(c))
            {
                if (c == '\r' && i + 1 < n && text[i + 1] == '\n') i++;
                lines++;
                space = true;
                i++;
                continue;
            }
            if (CharClass.IsSpace(c) || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                space = true;
                i++;
                continue;
            }

            var flags = TokenFlags.None;
            if (space) flags |= TokenFlags.SpaceBefore;
            if (lines >= 1) flags |= TokenFlags.LineBefore;
            if (lines >= 2 || (lines >= 1 && tokens.Count == 0)) flags |= TokenFlags.ParagraphBefore;
            lines = 0;
            space = false;

            int start = i;
            TokenKind kind;
            int end;
            if (IsUrlStart(text, i))
            {
                end = ScanUrl(text, i);
                kind = TokenKind.Url;
            }
            else if (CharClass.IsWordChar(c))
            {
                end = ScanWord(text, i, abbreviations, ref flags, out kind);
            }
            else if (CharClass.IsQuote(c))
            {
                end = i + 1;
                kind = TokenKind.Quote;
                flags |= QuoteFlags(text, i);
                // Two apostrophes or two backticks stand for a double quotation mark (''like this'', ``like this'').
                if ((c == '\'' || c == '`') && i + 1 < n && text[i + 1] == c)
                {
                    end = i + 2;
                    flags = (flags & ~TokenFlags.SingleQuote) | (QuoteFlags(text, i + 1) & (TokenFlags.Closing | TokenFlags.Opening)) | (QuoteFlags(text, i) & (TokenFlags.Opening | TokenFlags.Closing));
                    flags = DoubledQuoteFlags(text, i, flags);
                }
            }
            else if (CharClass.IsDash(c))
            {
                end = i + 1;
                while (end < n && CharClass.IsDash(text[end])) end++;
                kind = TokenKind.Dash;
            }
            else if (c == '.' || c == '…')
            {
                end = i + 1;
                while (end < n && text[end] == '.') end++;
                kind = TokenKind.Punctuation;
            }
            else
            {
                end = i + 1;
                if (char.IsSurrogatePair(text[i], end < n ? text[end] : '\0')) end++;
                kind = char.IsPunctuation(c) ? TokenKind.Punctuation : TokenKind.Symbol;
            }

            if (end < n && (CharClass.IsSpace(text[end]) || CharClass.IsLineBreak(text[end]) || char.IsWhiteSpace(text[end])))
                flags |= TokenFlags.SpaceAfter;
            tokens.Add(new Token(start, end - start, kind, flags));
            i = end;
        }
    }

    private static bool IsUrlStart(ReadOnlySpan<char> t, int i)
    {
        var rest = t[i..];
        return rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase) && rest.Length > 5 && char.IsLetterOrDigit(rest[4]));
    }

    private static int ScanUrl(ReadOnlySpan<char> t, int i)
    {
        int j = i;
        while (j < t.Length && !char.IsWhiteSpace(t[j]) && !CharClass.IsQuote(t[j]) && t[j] != '<' && t[j] != '>') j++;
        // Trailing punctuation belongs to the sentence, not the URL.
        while (j > i + 1 && t[j - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')' or ']') j--;
        return j;
    }

    private static int ScanWord(ReadOnlySpan<char> t, int i, WordSet abbreviations, ref TokenFlags flags, out TokenKind kind)
    {
        int n = t.Length;
        int j = i;
        bool startsWithDigit = char.IsDigit(t[i]);
        bool allDigits = true;      // digits and group/decimal separators only
        int letters = 0, upper = 0;
        int runStart = i;            // start of the current alphanumeric run

        while (true)
        {
            while (j < n && CharClass.IsWordChar(t[j]))
            {
                char c = t[j];
                if (char.IsLetter(c)) { letters++; if (char.IsUpper(c)) upper++; allDigits = false; }
                else if (char.IsDigit(c)) flags |= TokenFlags.HasDigit;
                j++;
            }
            if (j >= n) break;
            char d = t[j];
            char next = j + 1 < n ? t[j + 1] : '\0';

            // Digit groups and decimals: 100.000  1,3  1.3  1,300  and "100 000" with a (narrow) no-break space.
            if (allDigits && (d == '.' || d == ',') && char.IsDigit(next) && char.IsDigit(t[j - 1]))
            {
                j++; runStart = j; continue;
            }
            if (allDigits && (d == '\u00A0' || d == '\u202F' || d == '\u2009') && j - runStart <= 3 && IsDigitGroup(t, j + 1))
            {
                j++; runStart = j; continue;
            }
            // Inner hyphen: Jong-un, Donbass-Region, 100-jährige, E-Mail.
            if ((d == '-' || d == '‐') && CharClass.IsWordChar(next))
            {
                flags |= TokenFlags.Hyphenated; allDigits = false;
                j++; runStart = j; continue;
            }
            // Gender marks: Soldat:innen, Student*innen, Lehrer_innen, Kolleg/innen.
            if ((d == ':' || d == '*' || d == '_' || d == '/') && letters > 0 && IsGenderSuffix(t, j + 1))
            {
                flags |= TokenFlags.Gendered;
                j++; runStart = j; continue;
            }
            // Inner apostrophe: don't, Kim's, O'Brien, geht's.
            if ((d == '\'' || d == '’') && letters > 0 && char.IsLetter(next))
            {
                j++; runStart = j; continue;
            }
            // E-mail address.
            if (d == '@' && letters > 0 && CharClass.IsWordChar(next))
            {
                j++;
                while (j < n && (CharClass.IsWordChar(t[j]) || (t[j] is '.' or '-' && j + 1 < n && CharClass.IsWordChar(t[j + 1])))) j++;
                kind = TokenKind.Email;
                return j;
            }
            if (d == '.')
            {
                int run = j - runStart;
                // Initialisms: U.S.  z.B.  e.g.  U.S.A.
                if (run == 1 && char.IsLetter(t[j - 1]) && char.IsLetter(next) && j + 2 < n && t[j + 2] == '.')
                {
                    j += 2; runStart = j; continue;
                }
                // Domain names inside a word: allinrechner.at, bild.de (lower-case letters after the dot).
                if (letters > 0 && char.IsLower(next) && IsDomainTail(t, j + 1))
                {
                    j++;
                    while (j < n && (CharClass.IsWordChar(t[j]) || (t[j] is '.' or '-' or '/' && j + 1 < n && CharClass.IsWordChar(t[j + 1])))) j++;
                    kind = TokenKind.Url;
                    return j;
                }
                if (letters > 0)
                {
                    bool initialism = j - i >= 3 && t[j - 2] == '.';
                    bool initial = j - i == 1 && char.IsUpper(t[i]);
                    // an abbreviation after a hyphen: "(R-Ga.)", "(D-Mass.)"
                    int hyphen = t[i..j].LastIndexOf('-');
                    bool afterHyphen = hyphen > 0 && i + hyphen + 1 < j && char.IsUpper(t[i + hyphen + 1]) && abbreviations.Contains(t[(i + hyphen + 1)..(j + 1)]);
                    if (initialism || initial || afterHyphen || abbreviations.Contains(t[i..(j + 1)]))
                    {
                        flags |= TokenFlags.Abbreviation;
                        j++;
                    }
                }
            }
            break;
        }

        if (letters > 0 && char.IsUpper(t[i])) flags |= TokenFlags.Capitalized;
        if (letters >= 2 && upper == letters) flags |= TokenFlags.AllCaps;
        if (startsWithDigit && allDigits)
        {
            kind = TokenKind.Number;
            flags |= TokenFlags.HasDigit;
        }
        else
        {
            kind = TokenKind.Word;
            // 4th, 21st, 2nd, 3rd
            if (startsWithDigit && letters == 2 && j - i <= 6)
            {
                var suf = t[(j - 2)..j];
                if (suf.Equals("th", StringComparison.OrdinalIgnoreCase) || suf.Equals("st", StringComparison.OrdinalIgnoreCase)
                    || suf.Equals("nd", StringComparison.OrdinalIgnoreCase) || suf.Equals("rd", StringComparison.OrdinalIgnoreCase))
                    flags |= TokenFlags.Ordinal;
            }
        }
        return j;
    }

    private static bool IsDigitGroup(ReadOnlySpan<char> t, int k) =>
        k + 3 <= t.Length && char.IsDigit(t[k]) && char.IsDigit(t[k + 1]) && char.IsDigit(t[k + 2])
        && (k + 3 == t.Length || !char.IsDigit(t[k + 3]));

    private static bool IsGenderSuffix(ReadOnlySpan<char> t, int k)
    {
        var rest = t[k..];
        int len = rest.StartsWith("innen", StringComparison.Ordinal) ? 5 : rest.StartsWith("in", StringComparison.Ordinal) ? 2 : 0;
        if (len == 0) return false;
        return rest.Length == len || !char.IsLetter(rest[len]) || (len == 5 && rest.Length > 5 && rest[5] == 's');
    }

    private static bool IsDomainTail(ReadOnlySpan<char> t, int k)
    {
        int j = k;
        while (j < t.Length && char.IsLower(t[j])) j++;
        int len = j - k;
        // a top-level domain is 2-6 lower-case letters followed by a non-letter
        return len is >= 2 and <= 6 && (j == t.Length || !char.IsLetter(t[j]));
    }

    /// <summary>A doubled mark opens when followed by a non-space and preceded by space, closes otherwise.</summary>
    private static TokenFlags DoubledQuoteFlags(ReadOnlySpan<char> t, int i, TokenFlags flags)
    {
        flags &= ~(TokenFlags.Opening | TokenFlags.Closing | TokenFlags.SingleQuote);
        char prev = i > 0 ? t[i - 1] : ' ';
        char next = i + 2 < t.Length ? t[i + 2] : ' ';
        bool prevSpace = char.IsWhiteSpace(prev) || CharClass.IsOpeningBracket(prev) || i == 0;
        bool nextSpace = char.IsWhiteSpace(next) || i + 2 >= t.Length;
        if (t[i] == '`') return flags | TokenFlags.Opening;
        if (prevSpace && !nextSpace) return flags | TokenFlags.Opening;
        if (!prevSpace && (nextSpace || !char.IsLetterOrDigit(next))) return flags | TokenFlags.Closing;
        return flags | TokenFlags.Opening | TokenFlags.Closing;
    }

    /// <summary>Opening/closing by flanking (as CommonMark does for emphasis): a mark followed by a
    /// non-space and preceded by space or punctuation opens; a mark preceded by a non-space closes.</summary>
    private static TokenFlags QuoteFlags(ReadOnlySpan<char> t, int i)
    {
        char c = t[i];
        char prev = i > 0 ? t[i - 1] : ' ';
        char next = i + 1 < t.Length ? t[i + 1] : ' ';
        var f = CharClass.IsSingleQuote(c) ? TokenFlags.SingleQuote : TokenFlags.None;
        bool prevSpace = char.IsWhiteSpace(prev) || CharClass.IsOpeningBracket(prev) || prev is '—' or '–' or '/' || (CharClass.IsQuote(prev) && prev != c);
        bool nextSpace = char.IsWhiteSpace(next) || (char.IsPunctuation(next) && !CharClass.IsQuote(next) && next != '(' && next != '[' && next != '.' && next != '…') || next == '\0';
        bool left = !char.IsWhiteSpace(next) && next != '\0' && (prevSpace || i == 0);
        bool right = !char.IsWhiteSpace(prev) && i > 0 && (nextSpace || !char.IsLetterOrDigit(next));
        // Marks that only ever open or only ever close in German and English typography.
        if (c is '„' or '‚') return f | TokenFlags.Opening;
        if (c == '”') return f | (left && !right ? TokenFlags.Opening : TokenFlags.Closing);
        if (left && !right) f |= TokenFlags.Opening;
        else if (right && !left) f |= TokenFlags.Closing;
        else if (left && right) f |= TokenFlags.Opening | TokenFlags.Closing;
        else f |= TokenFlags.Opening | TokenFlags.Closing;
        return f;
    }
}
