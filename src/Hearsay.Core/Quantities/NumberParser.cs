using System.Globalization;

namespace Hearsay.Quantities;

/// <summary>
/// Parses numbers as German and English news write them: digits with the language's separators
/// ("100.000" and "1,3" in German, "100,000" and "1.3" in English, "100 000" in both), scales
/// ("1,3 Millionen", "$5bn", "2.5 million"), number words ("dreiundzwanzig", "zwei Dutzend",
/// "one hundred and six", "twenty-one") and simple fractions ("drei Viertel", "one and a half", "3/4").
/// Allocation-free; never throws on any input.
/// </summary>
public static class NumberParser
{
    private const int MaxAtoms = 48;

    /// <summary>Parses a whole string as one number. False when any part of it is not a number.</summary>
    /// <param name="language">"de" or "en" (decides what '.' and ',' mean); other codes read like English.</param>
    public static bool TryParse(ReadOnlySpan<char> text, string language, out double value)
    {
        value = 0;
        try
        {
            return TryParseCore(text, QuantityLexicon.For(language), out value, out _);
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or OverflowException or FormatException)
        {
            // A bug, not an input problem; the contract is to report "not a number" rather than throw.
            value = 0;
            return false;
        }
    }

    /// <summary>As <see cref="TryParse(ReadOnlySpan{char}, string, out double)"/>, and says whether the number is a
    /// vague plural ("Hunderte", "tens of thousands"): the value is then a lower bound and approximate.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, string language, out double value, out bool vague)
    {
        value = 0;
        vague = false;
        try
        {
            bool ok = TryParseCore(text, QuantityLexicon.For(language), out value, out var info);
            vague = ok && info.Vague;
            return ok;
        }
        catch (Exception e) when (e is ArgumentException or IndexOutOfRangeException or OverflowException or FormatException)
        {
            value = 0;
            return false;
        }
    }

    /// <summary>
    /// Parses digits with group and decimal separators. With only one separator that occurs once, the
    /// language decides: German reads "1.300" as 1300 and "1,3" as 1.3; English reads "1,300" as 1300 and
    /// "1.3" as 1.3. A separator groups thousands only when exactly three digits follow it (and at most
    /// three non-zero-led digits precede it); otherwise it is a decimal mark. With both separators the
    /// last one is the decimal mark ("1.300,5", "1,300.5"). Spaces (also no-break and thin) group digits.
    /// </summary>
    public static bool TryParseDigits(ReadOnlySpan<char> text, string language, out double value) =>
        TryParseDigits(text, language == "de" ? '.' : ',', out value);

    /// <summary>Parses an ordinal: "4." (German), "4th", "vierte", "dreiundzwanzigsten", "fourth", "twenty-first",
    /// and cardinal words before an ordinal ("one hundred twenty-fifth", "einhundert Millionste").</summary>
    public static bool TryParseOrdinal(ReadOnlySpan<char> text, string language, out long value)
    {
        value = 0;
        text = text.Trim();
        if (text.Length == 0 || text.Length > 120) return false;
        return TryParseOrdinalPhrase(text, QuantityLexicon.For(language), out value);
    }

    /// <summary>An ordinal, possibly cardinal words and then an ordinal word. The ordinal adds to the last place
    /// of the cardinal ("twenty" + "fifth", "one hundred" + "eleventh") or multiplies it when it is a power of
    /// ten ("two" + "hundredth", "einhundert" + "Millionste"); "zwei ersten" (the two first) is not one ordinal.</summary>
    internal static bool TryParseOrdinalPhrase(ReadOnlySpan<char> text, QuantityLexicon lex, out long value)
    {
        value = 0;
        if (text.Length == 0 || text.Length > 120) return false;
        int sp = text.LastIndexOf(' ');
        if (sp > 0)
        {
            if (!TryParseOrdinal(text[(sp + 1)..], lex, out long tail)) return false;
            var head = text[..sp].TrimEnd();
            if (head.EndsWith(" and", StringComparison.OrdinalIgnoreCase)) head = head[..^4];
            if (!TryParseCore(head, lex, out double h, out var info) || info.Vague || h <= 0 || h != Math.Floor(h)) return false;
            double v;
            if (IsPowerOfTen(tail) && tail >= 100 && h < 1000) v = h * tail;
            else if (h >= 20 && h % PlaceAbove(tail) == 0) v = h + tail;
            else return false;
            if (v > 9e15) return false;
            value = (long)v;
            return true;
        }
        return TryParseOrdinal(text, lex, out value);
    }

    /// <summary>The smallest power of ten above a value: 10 for 5, 100 for 11, 1000 for 100.</summary>
    private static double PlaceAbove(long v)
    {
        double p = 10;
        while (p <= v && p < 1e16) p *= 10;
        return p;
    }

    private static bool IsPowerOfTen(long v)
    {
        while (v >= 10 && v % 10 == 0) v /= 10;
        return v == 1;
    }

    // ---------------------------------------------------------------- digits

    internal static bool TryParseDigits(ReadOnlySpan<char> s, char groupSeparator, out double value)
    {
        value = 0;
        if (s.Length == 0 || s.Length > 48) return false;
        int dots = 0, commas = 0, lastDot = -1, lastComma = -1, digitCount = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c is >= '0' and <= '9') digitCount++;
            else if (c == '.') { dots++; lastDot = i; }
            else if (c == ',') { commas++; lastComma = i; }
            else if (!IsGroupSpace(c)) return false;
        }
        if (digitCount == 0) return false;
        if (!char.IsAsciiDigit(s[^1])) return false;
        if (!char.IsAsciiDigit(s[0]) && !(s[0] is '.' or ',' && s.Length > 1 && char.IsAsciiDigit(s[1]) && dots + commas == 1)) return false;

        int decimalAt = -1;           // index of the decimal mark, -1 when none
        char group = '\0';
        if (dots > 0 && commas > 0)
        {
            decimalAt = Math.Max(lastDot, lastComma);
            char dec = s[decimalAt];
            if ((dec == '.' ? dots : commas) != 1) return false;
            group = dec == '.' ? ',' : '.';
            if ((group == '.' ? lastDot : lastComma) > decimalAt) return false;
        }
        else if (dots + commas > 1)
        {
            group = dots > 0 ? '.' : ',';
        }
        else if (dots + commas == 1)
        {
            int at = dots > 0 ? lastDot : lastComma;
            int after = 0;
            for (int i = at + 1; i < s.Length && char.IsAsciiDigit(s[i]); i++) after++;
            int before = 0;
            for (int i = at - 1; i >= 0 && char.IsAsciiDigit(s[i]); i--) before++;
            bool groupedLooking = after == 3 && at + 4 == s.Length && before is >= 1 and <= 3 && !(s[at - before] == '0');
            if (s[at] == groupSeparator && groupedLooking) group = s[at];
            else decimalAt = at;
        }

        // Validate groups: the first run 1-3 digits, each later run (after a group mark or space) exactly 3.
        // Indian English groups by two above the thousands: "12,34,567.89".
        int end = decimalAt >= 0 ? decimalAt : s.Length;
        int run = 0, runs = 0;
        bool grouped = false;
        bool indian = group == ',' && IsIndianGrouping(s[..end]);
        for (int i = 0; i < end && !indian; i++)
        {
            char c = s[i];
            if (char.IsAsciiDigit(c)) { run++; continue; }
            if (c == group || IsGroupSpace(c))
            {
                if (run == 0 || (runs == 0 ? run > 3 : run != 3)) return false;
                runs++;
                run = 0;
                grouped = true;
                continue;
            }
            return false;
        }
        if (grouped && run != 3) return false;
        if (decimalAt >= 0)
        {
            for (int i = decimalAt + 1; i < s.Length; i++) if (!char.IsAsciiDigit(s[i])) return false;
            if (decimalAt == s.Length - 1) return false;
        }

        Span<char> buf = stackalloc char[s.Length + 1];
        int n = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsAsciiDigit(c)) buf[n++] = c;
            else if (i == decimalAt) { if (n == 0) buf[n++] = '0'; buf[n++] = '.'; }
        }
        return double.TryParse(buf[..n], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>"12,34,567": one or two digits, pairs, then a group of three, all joined by commas.</summary>
    private static bool IsIndianGrouping(ReadOnlySpan<char> s)
    {
        int c = s.LastIndexOf(',');
        if (c < 0 || s.Length - c - 1 != 3) return false;
        int pairs = 0, run = 0;
        for (int i = 0; i < c; i++)
        {
            if (char.IsAsciiDigit(s[i])) { run++; continue; }
            if (s[i] != ',' || run == 0 || (pairs == 0 ? run > 2 : run != 2)) return false;
            pairs++;
            run = 0;
        }
        if (pairs == 0 ? run > 2 : run != 2) return false;
        for (int i = c + 1; i < s.Length; i++) if (!char.IsAsciiDigit(s[i])) return false;
        return pairs >= 1 && run > 0;
    }

    private static bool IsDigitGroupPiece(ReadOnlySpan<char> p)
    {
        foreach (char c in p) if (!char.IsAsciiDigit(c) && c is not ('.' or ',')) return false;
        return p.Length > 0 && char.IsAsciiDigit(p[0]) && char.IsAsciiDigit(p[^1]);
    }

    internal static bool IsGroupSpace(char c) => c is '\u00A0' or '\u202F' or '\u2009' or '\u2007' or ' ';

    // ---------------------------------------------------------------- words

    /// <summary>The atoms of one word: a number word, a hyphenated one ("twenty-one"), or a German compound
    /// ("dreihundertzwanzig"). Returns the atom count (0 when the word is not a number word).</summary>
    internal static int WordAtoms(ReadOnlySpan<char> word, QuantityLexicon lex, Span<NumberAtom> dest)
    {
        if (word.Length == 0 || word.Length > 120 || dest.Length == 0) return 0;
        Span<char> lower = stackalloc char[word.Length];
        int len = 0;
        foreach (char c in word)
        {
            if (c == '\u00AD') continue; // soft hyphen
            lower[len++] = char.ToLowerInvariant(c);
        }
        lower = lower[..len];
        if (lex.NumberWords.TryGetLower(lower, out var atom))
        {
            dest[0] = atom;
            return 1;
        }
        // "twenty-firsts", "thirtieths": a plural ordinal is the denominator of a fraction ("three twenty-firsts")
        if (!lex.Compounds && len > 4 && lower[^1] == 's' && EnglishOrdinal(lower[..^1], lex, out long denominator) && denominator >= 3)
        {
            dest[0] = new NumberAtom(AtomClass.Fraction, denominator);
            return 1;
        }
        if (lower.IndexOfAny('-', '‐') > 0)
        {
            int count = 0;
            ReadOnlySpan<char> rest = lower;
            while (rest.Length > 0)
            {
                int h = rest.IndexOfAny('-', '‐');
                var part = h < 0 ? rest : rest[..h];
                rest = h < 0 ? ReadOnlySpan<char>.Empty : rest[(h + 1)..];
                if (part.Length == 0 || count >= dest.Length) return 0;
                if (lex.NumberWords.TryGetLower(part, out var a)) dest[count++] = a;
                else if (lex.Compounds)
                {
                    int k = Decompose(part, lex, dest[count..], 0);
                    if (k == 0) return 0;
                    count += k;
                }
                else return 0;
            }
            return count;
        }
        if (lex.Compounds && len >= 4) return Decompose(lower, lex, dest, 0);
        return 0;
    }

    /// <summary>Splits a lower-case German compound into number words, longest piece first, backtracking
    /// when the rest cannot be split ("eineinhalb" = ein + einhalb, not eine + ...).</summary>
    private static int Decompose(ReadOnlySpan<char> lower, QuantityLexicon lex, Span<NumberAtom> dest, int depth)
    {
        if (lower.Length == 0) return 0;
        if (depth > 20 || dest.Length == 0 || lower.Length < 2) return 0;
        if (!lex.NumberWordStarts.TryGetLower(lower[..2], out _)) return 0;
        for (int len = Math.Min(lex.NumberWords.MaxLength, lower.Length); len >= 2; len--)
        {
            if (!lex.NumberWords.TryGetLower(lower[..len], out var atom)) continue;
            if (!AllowedInCompound(atom, len)) continue;
            dest[0] = atom;
            if (len == lower.Length) return 1;
            int rest = Decompose(lower[len..], lex, dest[1..], depth + 1);
            if (rest > 0) return 1 + rest;
        }
        return 0;
    }

    private static bool AllowedInCompound(NumberAtom a, int length) => a.Class switch
    {
        AtomClass.Unit or AtomClass.Ten or AtomClass.Hundred or AtomClass.Scale or AtomClass.And
            or AtomClass.Fraction or AtomClass.HalfAdd => true,
        AtomClass.Article => length == 3, // "ein" in "einhundert", "einundzwanzig"
        _ => false,
    };

    // ---------------------------------------------------------------- whole strings

    internal static bool TryParseCore(ReadOnlySpan<char> text, QuantityLexicon lex, out double value, out NumberInfo info)
    {
        value = 0;
        info = default;
        text = text.Trim();
        if (text.Length == 0 || text.Length > 400) return false;

        Span<NumberAtom> atoms = stackalloc NumberAtom[MaxAtoms];
        int n = 0;
        bool negative = false;
        if (text[0] is '-' or '−' or '–' or '+')
        {
            negative = text[0] != '+';
            text = text[1..].TrimStart();
            if (text.Length == 0) return false;
        }

        int groupable = -1; // index of a Digits atom that a following "000" piece may extend ("1 234 567")
        int pos = 0;
        while (pos < text.Length)
        {
            while (pos < text.Length && char.IsWhiteSpace(text[pos])) pos++;
            if (pos >= text.Length) break;
            int start = pos;
            while (pos < text.Length && !char.IsWhiteSpace(text[pos])) pos++;
            var piece = text[start..pos];
            if (n >= MaxAtoms - 4) return false;

            // a lone dash joins spoken numbers: "fifty - two"
            if (piece.Length == 1 && piece[0] is '-' or '–' or '‐') { groupable = -1; continue; }

            if (char.IsAsciiDigit(piece[0]) || (piece[0] is '.' or ',' && piece.Length > 1 && char.IsAsciiDigit(piece[1])))
            {
                // "1 234 567,89": digit groups separated by spaces form one number
                if (groupable < 0 && IsDigitGroupPiece(piece))
                {
                    int best = -1, scan = pos;
                    while (scan < text.Length && IsGroupSpace(text[scan]) && scan + 1 < text.Length && char.IsAsciiDigit(text[scan + 1]))
                    {
                        int e = scan + 1;
                        while (e < text.Length && !char.IsWhiteSpace(text[e])) e++;
                        if (!IsDigitGroupPiece(text[(scan + 1)..e])) break;
                        if (TryParseDigits(text[start..e], lex.GroupSeparator, out _)) best = e;
                        scan = e;
                    }
                    if (best > 0)
                    {
                        TryParseDigits(text[start..best], lex.GroupSeparator, out double joined);
                        atoms[n++] = new NumberAtom(AtomClass.Digits, joined);
                        pos = best;
                        continue;
                    }
                }
                if (!DigitPieceAtoms(piece, lex, atoms, ref n, ref groupable)) return false;
                continue;
            }
            groupable = -1;
            if (piece.Length == 1 && char.GetUnicodeCategory(piece[0]) == UnicodeCategory.OtherNumber)
            {
                double f = char.GetNumericValue(piece[0]);
                if (f < 0) return false;
                if (n > 0 && atoms[n - 1].Class == AtomClass.Digits && atoms[n - 1].Value == Math.Floor(atoms[n - 1].Value))
                    atoms[n - 1] = new NumberAtom(AtomClass.Digits, atoms[n - 1].Value + f);
                else atoms[n++] = new NumberAtom(AtomClass.Digits, f);
                continue;
            }
            int k = WordAtoms(piece, lex, atoms[n..]);
            if (k == 0) return false;
            n += k;
        }
        if (n == 0) return false;
        int used = NumberEvaluator.Evaluate(atoms[..n], out value, out info);
        if (used != n) return false;
        if (negative) value = -value;
        return true;
    }

    private static bool DigitPieceAtoms(ReadOnlySpan<char> piece, QuantityLexicon lex, Span<NumberAtom> atoms, ref int n, ref int groupable)
    {
        // "1 234 567": a piece of exactly three digits extends the number before it.
        if (groupable >= 0 && groupable == n - 1 && piece.Length == 3 && char.IsAsciiDigit(piece[0]) && char.IsAsciiDigit(piece[1]) && char.IsAsciiDigit(piece[2]))
        {
            atoms[n - 1] = new NumberAtom(AtomClass.Digits, atoms[n - 1].Value * 1000 + (piece[0] - '0') * 100 + (piece[1] - '0') * 10 + (piece[2] - '0'));
            return true;
        }
        groupable = -1;

        // fraction "3/4", mixed with a preceding integer: "1 4/5"
        int slash = piece.IndexOf('/');
        if (slash > 0)
        {
            if (!TryParseDigits(piece[..slash], lex.GroupSeparator, out double num) || !TryParseDigits(piece[(slash + 1)..], lex.GroupSeparator, out double den) || den == 0)
                return false;
            double f = num / den;
            if (n > 0 && atoms[n - 1].Class == AtomClass.Digits && atoms[n - 1].Value == Math.Floor(atoms[n - 1].Value) && f < 1)
                atoms[n - 1] = new NumberAtom(AtomClass.Digits, atoms[n - 1].Value + f);
            else atoms[n++] = new NumberAtom(AtomClass.Digits, f);
            return true;
        }

        // digits, then possibly letters glued on: "10k", "1.2bn", "1.3e6", "2½"
        int d = 0;
        while (d < piece.Length && (char.IsAsciiDigit(piece[d]) || piece[d] is '.' or ',' || (piece[d] is '\u00A0' or '\u202F' or '\u2009'))) d++;
        while (d > 0 && piece[d - 1] is '.' or ',') d--;
        var digits = piece[..d];
        var tail = piece[d..];
        if (!TryParseDigits(digits, lex.GroupSeparator, out double value)) return false;

        if (tail.Length > 0 && tail[0] is 'e' or 'E' && tail.Length > 1 && (char.IsAsciiDigit(tail[1]) || (tail[1] is '+' or '-' && tail.Length > 2 && char.IsAsciiDigit(tail[2]))))
        {
            if (!int.TryParse(tail[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int exp) || exp is > 300 or < -300) return false;
            double r = value * Math.Pow(10, exp);
            if (double.IsInfinity(r)) return false;
            atoms[n++] = new NumberAtom(AtomClass.Digits, r);
            return true;
        }

        atoms[n++] = new NumberAtom(AtomClass.Digits, value);
        if (tail.Length == 0)
        {
            bool plain = true;
            foreach (char c in digits) if (!char.IsAsciiDigit(c)) { plain = false; break; }
            if (plain && digits.Length <= 3) groupable = n - 1;
            return true;
        }
        if (tail.Length == 1 && char.GetUnicodeCategory(tail[0]) == UnicodeCategory.OtherNumber)
        {
            double f = char.GetNumericValue(tail[0]);
            if (f < 0 || value != Math.Floor(value)) return false;
            atoms[n - 1] = new NumberAtom(AtomClass.Digits, value + f);
            return true;
        }
        // glued scale or suffix: "10k", "5bn", "3Mio."
        if (lex.NumberWords.TryGet(tail, out var atom) && atom.Class is AtomClass.Suffix or AtomClass.Scale)
        {
            atoms[n++] = atom;
            return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- ordinals

    internal static bool TryParseOrdinal(ReadOnlySpan<char> text, QuantityLexicon lex, out long value)
    {
        value = 0;
        // digits: "4." (German), "4th", "21st", "2nd", "3rd"
        int d = 0;
        while (d < text.Length && char.IsAsciiDigit(text[d])) d++;
        if (d > 0)
        {
            if (d > 9) return false;
            var tail = text[d..];
            bool ok = lex.Language == "de" ? tail is "." : tail.Length == 2 && (tail.Equals("st", StringComparison.OrdinalIgnoreCase)
                || tail.Equals("nd", StringComparison.OrdinalIgnoreCase) || tail.Equals("rd", StringComparison.OrdinalIgnoreCase)
                || tail.Equals("th", StringComparison.OrdinalIgnoreCase));
            if (!ok) return false;
            value = long.Parse(text[..d], CultureInfo.InvariantCulture);
            return value > 0;
        }
        Span<char> lower = stackalloc char[text.Length];
        text.ToLowerInvariant(lower);
        return lex.Language == "de" ? GermanOrdinal(lower, lex, out value) : EnglishOrdinal(lower, lex, out value);
    }

    private static readonly string[] GermanEndings = { "en", "er", "es", "em", "e" };

    private static bool GermanOrdinal(ReadOnlySpan<char> lower, QuantityLexicon lex, out long value)
    {
        value = 0;
        foreach (var ending in GermanEndings)
        {
            if (!lower.EndsWith(ending, StringComparison.Ordinal)) continue;
            var stem = lower[..^ending.Length];
            if (stem.Length < 3) continue;
            if (GermanOrdinalStem(stem, lex, out value)) return true;
        }
        return false;
    }

    /// <summary>"viert" 4, "dritt" 3, "zwanzigst" 20, "vierzehnt" 14, "hundertdritt" 103.</summary>
    internal static bool GermanOrdinalStem(ReadOnlySpan<char> stem, QuantityLexicon lex, out long value)
    {
        value = 0;
        if (lex.Ordinals.TryGetLower(stem, out int known)) { value = known; return true; }
        Span<NumberAtom> atoms = stackalloc NumberAtom[24];
        // cardinal + "st" (20 and up) or + "t" (4-19)
        if (stem.EndsWith("st", StringComparison.Ordinal) && v20(stem[..^2], lex, atoms, out double v))
        {
            value = (long)Math.Min(v, 9e15);
            return true;
        }
        if (stem.EndsWith('t') && CardinalWord(stem[..^1], lex, atoms, out v) && v is >= 4 and < 20 && v == Math.Floor(v))
        {
            value = (long)v;
            return true;
        }
        // compound ending in an irregular stem: "hundertdritt", "einundzwanzigst" handled above
        for (int k = 2; k < stem.Length - 3; k++)
        {
            if (lex.Ordinals.TryGetLower(stem[k..], out int tailValue) && CardinalWord(stem[..k], lex, atoms, out v) && v >= 100 && v == Math.Floor(v))
            {
                value = (long)Math.Min(v + tailValue, 9e15);
                return true;
            }
        }
        return false;
    }

    /// <summary>The cardinal under a "-st" ordinal: 20 and up ("zwanzig", "hundert", "milliard(e)").</summary>
    private static bool v20(ReadOnlySpan<char> head, QuantityLexicon lex, Span<NumberAtom> atoms, out double v)
    {
        if (CardinalWord(head, lex, atoms, out v) && v >= 20 && v == Math.Floor(v)) return true;
        if (head.Length > 3 && head.Length < 40)
        {
            Span<char> withE = stackalloc char[head.Length + 1];
            head.CopyTo(withE);
            withE[^1] = 'e';
            if (CardinalWord(withE, lex, atoms, out v) && v >= 20 && v == Math.Floor(v)) return true; // "milliardst" -> "milliarde"
        }
        return false;
    }

    private static bool EnglishOrdinal(ReadOnlySpan<char> lower, QuantityLexicon lex, out long value)
    {
        value = 0;
        int h = lower.LastIndexOfAny('-', '‐');
        if (h > 0)
        {
            // "twenty-first", "one-hundredth"
            if (!EnglishOrdinal(lower[(h + 1)..], lex, out long last)) return false;
            Span<NumberAtom> atoms = stackalloc NumberAtom[24];
            if (!CardinalWord(lower[..h], lex, atoms, out double head) || head != Math.Floor(head)) return false;
            if (head >= 20 && head < 100 && last < 10) { value = (long)head + last; return true; }
            if (head >= 1 && head < 10 && last >= 100) { value = (long)head * last; return true; }
            return false;
        }
        if (lex.Ordinals.TryGetLower(lower, out int known)) { value = known; return true; }
        Span<NumberAtom> buf = stackalloc NumberAtom[8];
        Span<char> stem = stackalloc char[lower.Length + 1];
        if (lower.EndsWith("ieth", StringComparison.Ordinal))
        {
            // "twentieth" -> "twenty"
            lower[..^4].CopyTo(stem);
            stem[lower.Length - 4] = 'y';
            if (CardinalWord(stem[..(lower.Length - 3)], lex, buf, out double v) && v >= 20) { value = (long)v; return true; }
            return false;
        }
        if (lower.EndsWith("th", StringComparison.Ordinal) && CardinalWord(lower[..^2], lex, buf, out double w) && w >= 4 && w == Math.Floor(w))
        {
            value = (long)Math.Min(w, 9e15);
            return true;
        }
        return false;
    }

    /// <summary>A single word read as a whole cardinal number.</summary>
    private static bool CardinalWord(ReadOnlySpan<char> lower, QuantityLexicon lex, Span<NumberAtom> atoms, out double value)
    {
        value = 0;
        int k = WordAtoms(lower, lex, atoms);
        if (k == 0) return false;
        if (k == 1 && atoms[0].Class is AtomClass.Scale or AtomClass.Hundred) { value = atoms[0].Value; return true; } // "millionth"
        if (NumberEvaluator.Evaluate(atoms[..k], out value, out var info) != k || info.Vague) return false;
        return true;
    }
}
