using System.Globalization;
using Hearsay.Document;

namespace Hearsay.Quantities;

/// <summary>
/// Dates: a calendar date as far as the text gives it ("4. April 2019", "April 2019", "4/17", "2019-04-04",
/// "Easter 2018", "the 1990s", "2017 Q1"), possibly in a period ("from March to May", "zwischen dem 3. und
/// dem 12. September", "2014 through 2018") or open at one end ("since 2019", "bis März 2008", "2016 and
/// after"), with the weekday, a part of the period ("Ende 1989", "mid-November") or a period noun ("the
/// year 2008") taken in. ValueText is ISO 8601 with X for what the text leaves open ("XXXX-05-09"), a
/// period is "start/end"; Value is the (first) year or 0.
/// </summary>
internal sealed partial class QuantityRecognizer
{
    /// <summary>A date as far as the text gives it (0 = not given).</summary>
    private struct DatePoint
    {
        public int Year, Month, Day;
        public int Quarter, Half;   // "2017 Q1", "2019 H2"
        public int Decade;          // 1990 for "the 1990s"; -90 for "the 90s" (century not given)
        public int Century;         // 21 for "the 21st century"
        public int Start, End;      // characters
        public int CoreStart;       // where the date itself starts, after a part, a weekday or a period noun (0: Start)
        public int Last;            // last token
        public bool Standalone;     // "on the 18th": a day of an unnamed month, a date on its own
        public bool Anchored;       // a period noun or part says it is a date ("year 2008", "end of 2000")
        public bool HasMonthOrMore => Month > 0 || Quarter > 0 || Half > 0;
        public bool Empty => Year == 0 && Month == 0 && Day == 0 && Quarter == 0 && Half == 0 && Decade == 0 && Century == 0;
    }

    /// <summary>The token after the last date found: "in 2007 and 2009" lists a second year.</summary>
    private int _dateListEnd = -1;

    private bool TryDate(in Scope s, int i, out Quantity? q, out int next)
    {
        q = null;
        next = i + 1;
        ref readonly var t0 = ref s.Tokens[i];
        // cheap exit: a date starts at a digit, a date word, a month, a weekday, a holiday, a day in words or "Q1"
        if (t0.Kind is not (TokenKind.Number or TokenKind.Word)) return false;
        if (t0.Kind == TokenKind.Word && !t0.Has(TokenFlags.HasDigit) && !t0.Has(TokenFlags.Hyphenated) && !MayStartDate(in s, i)) return false;

        int k = i;
        Bound bound = Bound.Exact;
        string? join = null;
        TextSpan? qualifier = null;
        int len = _lex.DateOpen.Match(s.Text, s.Tokens, k, s.End, out var open);
        if (len > 0)
        {
            bound = open;
            qualifier = SpanOf(in s, k, k + len - 1);
            k += len;
        }
        else if ((len = _lex.DateRange.Match(s.Text, s.Tokens, k, s.End, out var j)) > 0)
        {
            join = j;
            k += len;
        }
        bool context = len > 0 || IsDateList(in s, i)
            || i - 1 >= s.First && (_lex.RolesAt(s.Text, s.Tokens, i - 1, i) & ContextRole.DayBefore) != 0; // "on 5.12", "am 28.10."
        if (len > 0 && IsArticle(in s, k)) k++; // "since the end of 1989", "seit dem Jahr 2001", "between the ninth"
        if (k >= s.End) return false;

        bool bareDay = join is not null || k + 1 < s.End && s.Tokens[k].Kind == TokenKind.Number && _lex.DateJoin.Match(s.Text, s.Tokens, k + 1, s.End, out _) > 0;
        if (!TryDatePoint(in s, k, context, bareDay, out var a, out var a2))
        {
            // "the beginning of 2000": the word that opens a period is also a part of one
            if (len == 0 || k == i || !TryDatePoint(in s, i, IsDateList(in s, i), false, out a, out a2)) return false;
            bound = Bound.Exact;
            qualifier = null;
            join = null;
            k = i;
        }
        var b = a2;
        bool weakA = IsWeak(in a, context);
        // ---- the other end of a period: "to May", "through 2018", "bis zum 22.01.2016", "and the seventeenth of April"
        if (b is null && a.Last + 1 < s.End)
        {
            int m = a.Last + 1;
            int jl = DateJoinAt(in s, m, join, in a);
            if (jl > 0)
            {
                int n = m + jl;
                if (n < s.End && IsArticle(in s, n)) n++;
                if (n < s.End && TryDatePoint(in s, n, true, a.Month > 0, out var bp, out _) && Complete(ref a, ref bp, join is not null || jl > 0))
                    b = bp;
            }
        }
        if (b is null && (weakA || a.Day > 0 && a.Month == 0 && a.Year == 0 && !a.Standalone)) return false; // a bare year or day needs a second end or context
        if (b is { } bb && !Ordered(in a, in bb)) return false;

        int end = b?.Last ?? a.Last;
        int endChar = b?.End ?? a.End;
        int startChar = s.Tokens[i].Start;
        if (join is not null && b is null) startChar = a.Start; // "vom 09.03.2021" (of): no period, the opener is no part of the date
        // ---- "2016 and after", "1/1/2016 and after"
        if (b is null && bound == Bound.Exact && (len = _lex.DateAfter.Match(s.Text, s.Tokens, end + 1, s.End, out var after)) > 0)
        {
            bound = after;
            qualifier = SpanOf(in s, end + 1, end + len);
            end += len;
            endChar = s.Tokens[end].End;
        }
        if (s.Text[endChar - 1] == '.' && s.Tokens[end].Has(TokenFlags.Abbreviation) && _lex.Months.TryGet(s.Word(end), out _) && endChar - 1 > s.Tokens[end].Start)
        {
            endChar--; // "second of Aug."
            if (b is { } bx) { bx.End = Math.Min(bx.End, endChar); b = bx; } else a.End = Math.Min(a.End, endChar);
        }
        var number = TextSpan.FromBounds(a.CoreStart > 0 ? a.CoreStart : a.Start, b?.End ?? a.End);
        q = new Quantity
        {
            Span = TextSpan.FromBounds(startChar, endChar),
            Number = number,
            Kind = QuantityKind.Date,
            Value = a.Year > 0 ? a.Year : b?.Year ?? 0,
            UpperValue = b is { Year: > 0 } by && a.Year > 0 && by.Year != a.Year ? by.Year : null,
            ValueText = b is { } e ? Iso(in a) + "/" + Iso(in e) : Iso(in a),
            Bound = bound,
            Qualifier = qualifier,
        };
        next = end + 1;
        return true;
    }

    private bool MayStartDate(in Scope s, int i)
    {
        var w = s.Word(i);
        if (w.Length < 2 || w.Length > 40) return false;
        Span<char> lower = stackalloc char[w.Length];
        w.ToLowerInvariant(lower);
        if (_lex.DateStarts.TryGetLower(lower, out byte kind))
        {
            if (kind == 1) return true;
            // a weekday: "Tue May 9", "So 27.02.2022", "friday 5/12" (German "so" is no Sunday)
            if (s.Tokens[i].Has(TokenFlags.Capitalized) || w.Length > 3) return true;
        }
        if (s.Tokens[i].Has(TokenFlags.Hyphenated) && lower.StartsWith("mid-")) return true;
        if (w.Length == 2 && QuarterWord(w, out _, out _)) return true;
        // a day in words with a month soon after: "fourth of July", "twenty fifth of May", "neunundzwanzigsten Mai"
        return MayBeDayWord(lower) && (MonthWithin(in s, i + 1, 4) || _german && i + 1 < s.Tokens.Length && s.Tokens[i + 1].Kind == TokenKind.Number);
    }

    /// <summary>A cheap look at a word's ending: an ordinal ("fourth", "2nd", "zweiten") or an English number word ("fifteen").</summary>
    private bool MayBeDayWord(ReadOnlySpan<char> lower)
    {
        if (_german)
            return lower.Length >= 4 && (lower.EndsWith("te") || lower.EndsWith("ten") || lower.EndsWith("ter") || lower.EndsWith("tes") || lower.EndsWith("tem"));
        if (lower.EndsWith("th") || lower.EndsWith("st") || lower.EndsWith("nd") || lower.EndsWith("rd") || lower is "second" || lower.IndexOf('-') > 0) return true;
        return _lex.NumberWords.TryGetLower(lower, out var atom) && atom.Class is AtomClass.Unit or AtomClass.Ten;
    }

    /// <summary>A year right after "and"/"or"/"und"/"oder"/"," that follows a date: "in 2007 and 2009".</summary>
    private bool IsDateList(in Scope s, int i)
    {
        if (_dateListEnd < 0 || i != _dateListEnd + 1 || i - 1 < s.First) return false;
        if (s.IsChar(i - 1, ',')) return true;
        var w = s.Word(i - 1);
        return w.Equals("and", StringComparison.OrdinalIgnoreCase) || w.Equals("or", StringComparison.OrdinalIgnoreCase)
            || w.Equals("und", StringComparison.OrdinalIgnoreCase) || w.Equals("oder", StringComparison.OrdinalIgnoreCase);
    }

    private bool IsArticle(in Scope s, int k)
    {
        if (k >= s.End || s.Tokens[k].Kind != TokenKind.Word) return false;
        var w = s.Word(k);
        return w.Equals("the", StringComparison.OrdinalIgnoreCase) || _german && (w.Equals("dem", StringComparison.OrdinalIgnoreCase)
            || w.Equals("den", StringComparison.OrdinalIgnoreCase) || w.Equals("der", StringComparison.OrdinalIgnoreCase) || w.Equals("des", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A bare year without anything saying it is a date: left to the number rules (a count or a year).</summary>
    private static bool IsWeak(in DatePoint p, bool context) =>
        !context && !p.Anchored && p.Year > 0 && p.Month == 0 && p.Day == 0 && p.Quarter == 0 && p.Half == 0 && p.Decade == 0 && p.Century == 0;

    /// <summary>The words joining two dates; with an opener only its own joining word or a "to"-like one.</summary>
    private int DateJoinAt(in Scope s, int m, string? openerJoin, in DatePoint a)
    {
        if (m >= s.End) return 0;
        if (openerJoin is "and" or "und" && s.Word(m).Equals(openerJoin, StringComparison.OrdinalIgnoreCase)) return 1;
        int len = _lex.DateJoin.Match(s.Text, s.Tokens, m, s.End, out _);
        if (len == 0) return 0;
        // "to" without "from" joins only dates with a month ("May to March"), not "2014 to 2018 people"
        if (openerJoin is null && s.Word(m).Equals("to", StringComparison.OrdinalIgnoreCase) && !a.HasMonthOrMore && !(a.Day > 0 && a.Year == 0)) return 0;
        return len;
    }

    /// <summary>Two ends of a period lend each other what one leaves out: "3 and 12 of Sept" (the month),
    /// "April 9th through 17th" (the month), "from May to Oct 2020" (the year).</summary>
    private static bool Complete(ref DatePoint a, ref DatePoint b, bool joined)
    {
        if (a.Empty || b.Empty) return false;
        if (a.Decade != 0 || b.Decade != 0 || a.Century != 0 || b.Century != 0) return a.Decade != 0 == (b.Decade != 0) && a.Century != 0 == (b.Century != 0);
        bool aDayOnly = a.Day > 0 && a.Month == 0 && a.Year == 0;
        bool bDayOnly = b.Day > 0 && b.Month == 0 && b.Year == 0;
        if (aDayOnly && bDayOnly) return false;
        if (aDayOnly) { if (b.Month == 0) return false; a.Month = b.Month; a.Year = b.Year; }
        if (bDayOnly) { if (a.Month == 0) return false; b.Month = a.Month; b.Year = a.Year; }
        if (a.Year == 0 && b.Year > 0 && a.Month > 0) a.Year = a.Month <= b.Month || b.Month == 0 ? b.Year : b.Year - 1;
        if (b.Year == 0 && a.Year > 0 && b.Month > 0) b.Year = b.Month >= a.Month ? a.Year : a.Year + 1;
        // the same kind of date on both ends, roughly: a year with a year or a date, a month with a month
        return joined && (a.Year > 0 || a.Month > 0 || a.Quarter > 0) && (b.Year > 0 || b.Month > 0 || b.Quarter > 0);
    }

    private static bool Ordered(in DatePoint a, in DatePoint b)
    {
        if (a.Year == 0 || b.Year == 0) return true; // "May to March": months of some year
        long x = a.Year * 10000L + Math.Max(a.Month, a.Quarter > 0 ? a.Quarter * 3 - 2 : 0) * 100 + a.Day;
        long y = b.Year * 10000L + Math.Max(b.Month, b.Quarter > 0 ? b.Quarter * 3 - 2 : 0) * 100 + b.Day;
        return x <= y || a.Year <= b.Year && (a.Month == 0 || b.Month == 0);
    }

    private static string Iso(in DatePoint p)
    {
        if (p.Century > 0) return $"{p.Century - 1:D2}XX";
        if (p.Decade > 0) return $"{p.Decade / 10:D3}X";
        if (p.Decade < 0) return $"XX{-p.Decade / 10:D1}X";
        string y = p.Year > 0 ? p.Year.ToString("D4", CultureInfo.InvariantCulture) : "XXXX";
        if (p.Quarter > 0) return $"{y}-Q{p.Quarter}";
        if (p.Half > 0) return $"{y}-H{p.Half}";
        if (p.Month == 0 && p.Day == 0) return y;
        string m = p.Month > 0 ? p.Month.ToString("D2", CultureInfo.InvariantCulture) : "XX";
        return p.Day > 0 ? $"{y}-{m}-{p.Day:D2}" : $"{y}-{m}";
    }

    // ================================================================ one date

    /// <summary>
    /// One date at token k, with what may stand before it: a part ("mid", "the end of", "Ende"), a weekday
    /// ("Tue", "Donnerstag"), a period noun ("year", "Jahr"). <paramref name="context"/>: a date word came before,
    /// so a bare year or month is a date. <paramref name="bareDay"/>: a bare day may start a period ("between 3
    /// and 12 of Sept"). A glued compact form may hold a whole period ("5/1-5/7/2020"): then <paramref name="end"/>.
    /// </summary>
    private bool TryDatePoint(in Scope s, int k, bool context, bool bareDay, out DatePoint p, out DatePoint? end)
    {
        p = default;
        end = null;
        if (k >= s.End) return false;
        if (s.Tokens[k].Kind == TokenKind.Word && !s.Tokens[k].Has(TokenFlags.HasDigit) && !s.Tokens[k].Has(TokenFlags.Hyphenated) && !MayStartDate(in s, k)
            && !(s.Tokens[k].Has(TokenFlags.Ordinal) || bareDay)) return false; // most words start no date
        int start = s.Tokens[k].Start;

        // a part of the period: "mid 1989", "the end of March", "Ende 1989", "early September"
        int len = _lex.DatePart.Match(s.Text, s.Tokens, k, s.End, out _);
        if (len > 0 && k + len < s.End && TryDatePoint(in s, k + len, true, false, out p, out end) && (p.Year > 0 || p.Month > 0))
        {
            if (p.CoreStart == 0) p.CoreStart = p.Start;
            p.Start = start;
            p.Anchored = true;
            return true;
        }
        // "mid-November", "mid-2019"
        if (s.Tokens[k].Kind == TokenKind.Word && s.Tokens[k].Has(TokenFlags.Hyphenated) && s.Word(k).StartsWith("mid-", StringComparison.OrdinalIgnoreCase))
        {
            var rest = s.Word(k)[4..];
            if (_lex.Months.TryGet(rest, out int mm)) { p = new DatePoint { Month = mm, Start = start, End = s.Tokens[k].End, Last = k, Anchored = true }; AddYearAfter(in s, ref p); return true; }
            if (rest.Length == 4 && IsPlainDigits(rest) && int.Parse(rest, CultureInfo.InvariantCulture) is >= 1000 and <= 2200 and var yy)
            { p = new DatePoint { Year = yy, Start = start, End = s.Tokens[k].End, Last = k, Anchored = true }; return true; }
            return false;
        }
        // a period noun: "year 2008", "fiscal year 2019", "Jahr 2009", "the year of 2008"
        len = _lex.DateNoun.Match(s.Text, s.Tokens, k, s.End, out _);
        if (len > 0)
        {
            int y = k + len;
            if (y < s.End && s.Word(y).Equals("of", StringComparison.OrdinalIgnoreCase)) y++;
            if (YearAt(in s, y, false, out int year, out int yl))
            {
                p = new DatePoint { Year = year, Start = start, End = s.Tokens[yl].End, Last = yl, Anchored = true, CoreStart = s.Tokens[yl].Start };
                return true;
            }
            return false;
        }
        // a weekday before a date: "Tue May 9", "Friday 7/6", "So 27.02.2022"
        if (s.Tokens[k].Kind == TokenKind.Word && _lex.Weekdays.TryGet(s.Word(k), out _) && k + 1 < s.End
            && (s.Tokens[k].Has(TokenFlags.Capitalized) || s.Word(k).Length > 3))
        {
            int d = k + 1;
            if (d < s.End && s.IsChar(d, ',')) d++;
            if (d < s.End && IsArticle(in s, d)) d++;
            if (d < s.End && TryDatePoint(in s, d, true, false, out p, out end) && (p.Day > 0 || end is not null))
            {
                if (p.CoreStart == 0) p.CoreStart = p.Start;
                p.Start = start;
                return true;
            }
            return false;
        }
        if (TryHoliday(in s, k, out p)) return true;
        if (TryCentury(in s, k, out p)) return true;
        if (TryCompactDate(in s, k, context, out p, out end)) return true;
        if (TrySpokenDate(in s, k, context, bareDay, out p, out end)) return true;
        return false;
    }

    // ---------------------------------------------------------------- spoken forms

    /// <summary>Day, month and year as words and separate tokens: "4. April 2019", "the 9th of March 2021",
    /// "fourth of july, 1995", "May twenty nine", "April 4, 2019", "April 2019", "april of 87", "October two
    /// thousand and five", "2017 april", "1990 s", "2017 Q1", "Q3 2019"; a bare day only to start a period.</summary>
    private bool TrySpokenDate(in Scope s, int k, bool context, bool bareDay, out DatePoint p, out DatePoint? end)
    {
        p = default;
        end = null;
        ref readonly var t = ref s.Tokens[k];
        int start = t.Start;

        // month first: "April 4, 2019", "May twenty nine", "april of 1987", "october, 1st", "june the 28th 2020"
        if (MonthAt(in s, k, out int month))
        {
            p = new DatePoint { Month = month, Start = start, End = t.End, Last = k };
            int d = k + 1;
            if (d < s.End && s.IsChar(d, '.') && s.Glued(d) && !_german) d++; // "Sept."
            int dd = d;
            if (dd < s.End && s.IsChar(dd, ',') && dd + 1 < s.End && s.Tokens[dd + 1].Has(TokenFlags.Ordinal)) dd++; // "October, 1st"
            if (dd < s.End && IsArticle(in s, dd)) dd++; // "june the 28th"
            // "November 18-19", "Nov 18-Dec 19, 2015": a period of days in a hyphenated token
            if (dd < s.End && s.Tokens[dd].Kind == TokenKind.Word && s.Tokens[dd].Has(TokenFlags.Hyphenated) && char.IsAsciiDigit(s.Text[s.Tokens[dd].Start])
                && TryDayPeriod(in s, dd, month, ref p, out var e))
            {
                end = e;
                return true;
            }
            if (dd < s.End && !YearAt(in s, dd, false, out _, out _) && DayAt(in s, dd, true, out int day, out int dl))
            {
                bool ordinal = s.Tokens[dd].Has(TokenFlags.Ordinal) || s.Tokens[dd].Kind == TokenKind.Word;
                p.Day = day;
                p.Last = dl;
                p.End = s.Tokens[dl].End;
                if (!ValidDayOrLeap(day, month)) return false;
                if (AddYearAfter(in s, ref p)) return true;
                // "May 5 people": without a year or an ordinal day, a number before a word is not a date (but "June 1 and June 5")
                if (!_german && !ordinal && !context && dl + 1 < s.End && s.Tokens[dl + 1].Kind == TokenKind.Word
                    && _lex.DateJoin.Match(s.Text, s.Tokens, dl + 1, s.End, out _) == 0) return false;
                return !IsAmbiguousMonth(in s, k) || context || ordinal || dl + 1 >= s.End || s.Tokens[dl + 1].Kind != TokenKind.Word;
            }
            if (AddYearAfter(in s, ref p)) return true;
            // a month alone: after a date word ("in May", "since August", "im März") or at the start of a period ("May to March")
            return LoneMonthAllowed(in s, k, context) || MonthJoinFollows(in s, k + 1);
        }

        // day first: "4. April 2019", "4 April", "9th of March 2021", "fourth of july", "the 15th day of June",
        // "neunundzwanzigsten Mai", "fifteen August nineteen hundred ninety three"
        if ((bareDay || MonthWithin(in s, k + 1, 5) || _german && context) && DayAt(in s, k, !_german, out int day2, out int dl2))
        {
            int m = dl2 + 1;
            if (m < s.End && s.IsChar(m, '.') && s.Glued(m) && _german && s.Tokens[k].Kind == TokenKind.Number) m++;
            // "am 27. 11.": German day and month in digits with a space between
            // (the sentence splitter may have ended the sentence after "27."); "am siebter 4.": an ordinal word day, then the month in digits
            if (_german && context && (m > dl2 + 1 || s.Tokens[k].Kind == TokenKind.Word) && m + 1 < s.Tokens.Length && !s.Tokens[m].Has(TokenFlags.LineBefore) && s.Tokens[m].Kind == TokenKind.Number && IsPlainDigits(s.Word(m)) && s.Tokens[m].Length <= 2
                && s.IsChar(m + 1, '.') && s.Glued(m + 1) && int.Parse(s.Word(m), CultureInfo.InvariantCulture) is >= 1 and <= 12 and var gm && ValidDayOrLeap(day2, gm))
            {
                p = new DatePoint { Day = day2, Month = gm, Start = start, End = s.Tokens[m + 1].End, Last = m + 1 };
                AddYearAfter(in s, ref p);
                return true;
            }
            // "am 7. vierten": the month as an ordinal, as German dates are read aloud
            if (_german && context && m < s.End && s.Tokens[m].Kind == TokenKind.Word && !s.Tokens[m].Has(TokenFlags.Capitalized)
                && NumberParser.TryParseOrdinal(s.Word(m), _lex, out long om) && om is >= 1 and <= 12 && ValidDayOrLeap(day2, (int)om))
            {
                p = new DatePoint { Day = day2, Month = (int)om, Start = start, End = s.Tokens[m].End, Last = m };
                AddYearAfter(in s, ref p);
                return true;
            }
            if (m + 1 < s.End && s.Word(m).Equals("day", StringComparison.OrdinalIgnoreCase) && s.Word(m + 1).Equals("of", StringComparison.OrdinalIgnoreCase)) m += 2;
            else if (m < s.End && s.Word(m).Equals("of", StringComparison.OrdinalIgnoreCase)) m++;
            if (m < s.End && MonthAt(in s, m, out int month2) && (s.Tokens[m].Has(TokenFlags.Capitalized) || !IsAmbiguousMonth(in s, m) || m > dl2 + 1))
            {
                if (!ValidDayOrLeap(day2, month2)) return false;
                p = new DatePoint { Day = day2, Month = month2, Start = start, End = s.Tokens[m].End, Last = m };
                AddYearAfter(in s, ref p);
                return true;
            }
            // a bare day starts a period whose other end gives the month ("between 3 and 12 of Sept")
            if (bareDay && day2 is >= 1 and <= 31)
            {
                int bareEnd = s.Tokens[k].Kind == TokenKind.Number && _german && dl2 + 1 < s.End && s.IsChar(dl2 + 1, '.') && s.Glued(dl2 + 1) ? dl2 + 1 : dl2;
                p = new DatePoint { Day = day2, Start = start, End = s.Tokens[bareEnd].End, Last = bareEnd };
                return true;
            }
        }

        // "on the 18th": a day of an unnamed month
        if (!_german && t.Has(TokenFlags.Ordinal) && k >= s.First + 2 && IsArticle(in s, k - 1) && s.Word(k - 2).Equals("on", StringComparison.OrdinalIgnoreCase)
            && NumberParser.TryParseOrdinal(s.Word(k), _lex, out long od) && od is >= 1 and <= 31
            && !(k + 1 < s.End && s.Tokens[k + 1].Kind == TokenKind.Word && !s.Tokens[k + 1].Has(TokenFlags.Capitalized)))
        {
            p = new DatePoint { Day = (int)od, Start = t.Start, End = t.End, Last = k, Standalone = true };
            return true;
        }

        // a year: "2017 april", "2017 Q1", "1990 s", or a bare year in a date context
        if (YearAt(in s, k, false, out int year, out int yl))
        {
            p = new DatePoint { Year = year, Start = start, End = s.Tokens[yl].End, Last = yl };
            int n = yl + 1;
            if (n < s.End && s.Tokens[yl].Kind == TokenKind.Number)
            {
                if (QuarterAt(in s, n, out int quarter, out int half)) { p.Quarter = quarter; p.Half = half; p.End = s.Tokens[n].End; p.Last = n; return true; }
                if (MonthAt(in s, n, out int m3) && (n + 1 >= s.End || s.Tokens[n + 1].Kind != TokenKind.Word))
                { p.Month = m3; p.End = s.Tokens[n].End; p.Last = n; return true; }
                if (s.Tokens[n].Kind == TokenKind.Word && (s.Word(n) is "s" || _german && s.Word(n) is "er") && year % 10 == 0)
                { p = new DatePoint { Decade = year, Start = start, End = s.Tokens[n].End, Last = n }; return true; }
            }
            if (s.Tokens[yl].Kind == TokenKind.Word && !context) return false; // a year in words needs a date word
            if (!context) return true; // weak: the caller decides
            // "since 2019 people": a year before a counted noun is a count
            if (n < s.End && s.Tokens[n].Kind == TokenKind.Word && TryCounted(in s, n, false, out _, out _)
                && !(_lex.RolesAt(s.Text, s.Tokens, n, n + 1) != ContextRole.None) && !MonthAt(in s, n, out _)
                && (_german ? s.Tokens[n].Has(TokenFlags.Capitalized) : !_lex.CountedStops.Contains(s.Word(n))))
                return false;
            return true;
        }
        // "90 s": a decade without its century
        if (t.Kind == TokenKind.Number && t.Length == 2 && IsPlainDigits(s.Word(k)) && k + 1 < s.End && s.Word(k + 1) is "s"
            && s.Word(k)[1] == '0')
        {
            p = new DatePoint { Decade = -int.Parse(s.Word(k), CultureInfo.InvariantCulture), Start = start, End = s.Tokens[k + 1].End, Last = k + 1 };
            return true;
        }
        // "Q3 2019", "q1 of 2017"
        if (QuarterAt(in s, k, out int q2, out int h2))
        {
            int y = k + 1;
            if (y < s.End && s.Word(y).Equals("of", StringComparison.OrdinalIgnoreCase)) y++;
            if (YearAt(in s, y, false, out int qy, out int qyl))
            {
                p = new DatePoint { Year = qy, Quarter = q2, Half = h2, Start = start, End = s.Tokens[qyl].End, Last = qyl };
                return true;
            }
        }
        return false;
    }

    /// <summary>"18-19" (days of the same month) or "18-Dec" + "19" (a day, then the next date's month and day).</summary>
    private bool TryDayPeriod(in Scope s, int k, int month, ref DatePoint p, out DatePoint end)
    {
        end = default;
        ref readonly var t = ref s.Tokens[k];
        var w = s.Word(k);
        int h = w.IndexOf('-');
        if (h is < 1 or > 2 || !IsPlainDigits(w[..h])) return false;
        int d1 = int.Parse(w[..h], CultureInfo.InvariantCulture);
        var right = w[(h + 1)..];
        if (right.Length is >= 1 and <= 2 && IsPlainDigits(right))
        {
            int d2 = int.Parse(right, CultureInfo.InvariantCulture);
            if (!ValidDayOrLeap(d1, month) || !ValidDayOrLeap(d2, month) || d2 <= d1) return false;
            p.Day = d1; p.End = t.Start + h; p.Last = k;
            end = new DatePoint { Month = month, Day = d2, Start = t.Start + h + 1, End = t.End, Last = k };
        }
        else if (_lex.Months.TryGet(right, out int m2) && k + 1 < s.End && DayAt(in s, k + 1, false, out int d2, out int dl))
        {
            if (!ValidDayOrLeap(d1, month) || !ValidDayOrLeap(d2, m2)) return false;
            p.Day = d1; p.End = t.Start + h; p.Last = k;
            end = new DatePoint { Month = m2, Day = d2, Start = t.Start + h + 1, End = s.Tokens[dl].End, Last = dl };
        }
        else return false;
        AddYearAfter(in s, ref end);
        if (p.Year == 0 && end.Year > 0) p.Year = month <= end.Month ? end.Year : end.Year - 1;
        return true;
    }

    /// <summary>A year after a month or a day and month: "2019", ", 2019", "of 1987", "of 87", "in 2020",
    /// "'87", "nineteen eighty six", "two thousand and five".</summary>
    private bool AddYearAfter(in Scope s, ref DatePoint p)
    {
        int y = p.Last + 1;
        if (y >= s.End) return false;
        bool of = false;
        if (s.IsChar(y, ',')) y++;
        else if (s.Word(y).Equals("of", StringComparison.OrdinalIgnoreCase) || s.Word(y).Equals("in", StringComparison.OrdinalIgnoreCase)) { y++; of = true; }
        if (y >= s.End) return false;
        if (!YearAt(in s, y, of || s.IsChar(y, '\''), out int year, out int yl))
        {
            if (!WordYearAt(in s, y, out year, out yl)) return false;
        }
        p.Year = year;
        p.Last = yl;
        p.End = s.Tokens[yl].End;
        return true;
    }

    private bool MonthJoinFollows(in Scope s, int m)
    {
        int jl = m < s.End ? _lex.DateJoin.Match(s.Text, s.Tokens, m, s.End, out _) : 0;
        return jl > 0 && m + jl < s.End && MonthAt(in s, m + jl, out _) && (s.Tokens[m + jl].Has(TokenFlags.Capitalized) || !IsAmbiguousMonth(in s, m + jl));
    }

    /// <summary>A month name among the next words ("fourth of July", "the 15th day of June"); stops at anything not a word.</summary>
    private bool MonthWithin(in Scope s, int from, int count)
    {
        for (int m = from; m < s.End && m < from + count; m++)
        {
            if (s.Tokens[m].Kind != TokenKind.Word) return s.Tokens[m].Kind == TokenKind.Punctuation && s.IsChar(m, '.') && m + 1 < s.End && m == from && MonthWithin(in s, m + 1, 1);
            if (MonthAt(in s, m, out _)) return true;
        }
        return false;
    }

    private bool LoneMonthAllowed(in Scope s, int k, bool context)
    {
        if (context) return true;
        int b = k - 1;
        if (b >= s.First && IsArticle(in s, b) && !_german) b--; // "in the april"
        if (b < s.First) return false;
        if ((_lex.RolesAt(s.Text, s.Tokens, b, b + 1) & ContextRole.DateBefore) == 0) return false;
        // "in May" is a month; "since August" too; but not "may" the verb after "in": the date word must come right before
        return s.Tokens[k].Has(TokenFlags.Capitalized) || !IsAmbiguousMonth(in s, k) || b == k - 1;
    }

    private bool IsAmbiguousMonth(in Scope s, int k) => !s.Tokens[k].Has(TokenFlags.Capitalized) && _lex.AmbiguousMonths.Contains(s.Word(k))
        || !_german && s.Word(k).Equals("May", StringComparison.Ordinal);

    /// <summary>A month name at token k, in any case ("April", "april", "Sept", "Okt.").</summary>
    private bool MonthAt(in Scope s, int k, out int month)
    {
        month = 0;
        if (k < s.First || k >= s.End) return false;
        ref readonly var t = ref s.Tokens[k];
        if (t.Kind != TokenKind.Word || t.Length < 3) return false;
        if (!_lex.Months.TryGet(s.Word(k), out month)) return false;
        // German nouns are capitalized: "mai" is no month in German text, "august" no month in English lower case either way
        return !_german || t.Has(TokenFlags.Capitalized);
    }

    /// <summary>A month name written with a capital, as a title or date part ("der 4. Mai" is no rank).</summary>
    private bool IsMonth(in Scope s, int k, out int month)
    {
        month = 0;
        if (k < 0 || k >= s.Tokens.Length) return false;
        ref readonly var t = ref s.Tokens[k];
        if (t.Kind != TokenKind.Word || !t.Has(TokenFlags.Capitalized)) return false;
        return _lex.Months.TryGet(s.Word(k), out month);
    }

    /// <summary>A day of the month: "4", "4." (German), "4th", "fourth", "twenty third", "neunundzwanzigsten";
    /// with <paramref name="cardinalWords"/> also "twenty nine", "fifteen".</summary>
    private bool DayAt(in Scope s, int k, bool cardinalWords, out int day, out int last)
    {
        day = 0;
        last = k;
        if (k >= s.End) return false;
        ref readonly var t = ref s.Tokens[k];
        var w = s.Word(k);
        if (t.Kind == TokenKind.Number)
        {
            if (!IsPlainDigits(w) || w.Length > 2) return false;
            day = int.Parse(w, CultureInfo.InvariantCulture);
            return day is >= 1 and <= 31;
        }
        if (t.Kind != TokenKind.Word) return false;
        if (t.Has(TokenFlags.Ordinal))
        {
            if (!NumberParser.TryParseOrdinal(w, _lex, out long o) || o is < 1 or > 31) return false;
            day = (int)o;
            return true;
        }
        if (char.IsAsciiDigit(w[0])) return false;
        if (TryOrdinalPhrase(in s, k, out long op, out int ol) && op is >= 1 and <= 31) { day = (int)op; last = ol; return true; }
        if (NumberParser.TryParseOrdinal(w, _lex, out long ow) && ow is >= 1 and <= 31 && !IsCardinalWord(w))
        {
            day = (int)ow;
            return true;
        }
        if (cardinalWords && TryCore(in s, k, false, out var c) && c.Words && !c.Info.Vague && c.Value is >= 1 and <= 31 && c.Value == Math.Floor(c.Value)
            && !(c.Last == k && _lex.NumberWords.TryGet(w, out var atom) && atom.Class == AtomClass.Article))
        {
            day = (int)c.Value;
            last = c.Last;
            return true;
        }
        return false;
    }

    /// <summary>A year in digits: four digits 1000-2200; two digits (read with a pivot) where "of" or "'" says so.</summary>
    private bool YearAt(in Scope s, int k, bool twoDigits, out int year, out int last)
    {
        year = 0;
        last = k;
        if (k >= s.End) return false;
        if (s.IsChar(k, '\'') && k + 1 < s.End && s.Glued(k + 1)) { k++; last = k; twoDigits = true; }
        if (s.Tokens[k].Kind != TokenKind.Number) return false;
        var w = s.Word(k);
        if (!IsPlainDigits(w)) return false;
        if (w.Length == 4)
        {
            year = int.Parse(w, CultureInfo.InvariantCulture);
            return year is >= 1000 and <= 2200;
        }
        if (w.Length == 2 && twoDigits) { year = ParseYear(w); return true; }
        return false;
    }

    /// <summary>A year in words: "two thousand and fifteen", "nineteen hundred ninety three", "nineteen eighty six".</summary>
    private bool WordYearAt(in Scope s, int k, out int year, out int last)
    {
        year = 0;
        last = k;
        if (k >= s.End || s.Tokens[k].Kind != TokenKind.Word || !TryCore(in s, k, false, out var c) || !c.Words || c.Info.Vague) return false;
        if (c.Value is >= 1000 and <= 2200 && c.Value == Math.Floor(c.Value)) { year = (int)c.Value; last = c.Last; return true; }
        if (c.Value is >= 10 and <= 21 && c.Value == Math.Floor(c.Value) && c.Last + 1 < s.End && s.Tokens[c.Last + 1].Kind == TokenKind.Word
            && TryCore(in s, c.Last + 1, false, out var d) && d.Words && !d.Info.Vague && d.Value is >= 10 and <= 99 && d.Value == Math.Floor(d.Value))
        {
            year = (int)c.Value * 100 + (int)d.Value; // "nineteen eighty six"
            last = d.Last;
            return true;
        }
        return false;
    }

    /// <summary>"Q1".."Q4", "H1", "H2".</summary>
    private static bool QuarterAt(in Scope s, int k, out int quarter, out int half)
    {
        quarter = half = 0;
        if (k >= s.End || s.Tokens[k].Kind != TokenKind.Word || s.Tokens[k].Length != 2) return false;
        var w = s.Word(k);
        return QuarterWord(w, out quarter, out half);
    }

    private static bool QuarterWord(ReadOnlySpan<char> w, out int quarter, out int half)
    {
        quarter = half = 0;
        if (w.Length != 2 || !char.IsAsciiDigit(w[1])) return false;
        int n = w[1] - '0';
        if (w[0] is 'q' or 'Q' && n is >= 1 and <= 4) { quarter = n; return true; }
        if (w[0] is 'h' or 'H' && n is 1 or 2) { half = n; return true; }
        return false;
    }

    /// <summary>"21st century", "the 15th  century", "das 21. Jahrhundert", "twentieth century".</summary>
    private bool TryCentury(in Scope s, int k, out DatePoint p)
    {
        p = default;
        ref readonly var t = ref s.Tokens[k];
        int n = k + 1;
        long c;
        // (German "19. Jahrhundert": the sentence splitter may end the sentence after "19.")
        int limit = _german ? Math.Min(s.Tokens.Length, k + 4) : s.End;
        if (n >= limit || _lex.Century.Match(s.Text, s.Tokens, n, limit, out _) == 0 && !(n + 1 < limit && _lex.Century.Match(s.Text, s.Tokens, n + 1, limit, out _) > 0)) return false;
        if (t.Kind == TokenKind.Number && _german && n < limit && s.IsChar(n, '.') && s.Glued(n) && IsPlainDigits(s.Word(k)) && t.Length <= 2)
        {
            c = int.Parse(s.Word(k), CultureInfo.InvariantCulture);
            n++;
        }
        else if (t.Kind == TokenKind.Word && NumberParser.TryParseOrdinal(s.Word(k), _lex, out c) && (t.Has(TokenFlags.Ordinal) || !IsCardinalWord(s.Word(k)))) { }
        else return false;
        if (c is < 1 or > 22 || n >= limit) return false;
        int len = _lex.Century.Match(s.Text, s.Tokens, n, limit, out _);
        if (len == 0) return false;
        p = new DatePoint { Century = (int)c, Start = t.Start, End = s.Tokens[n + len - 1].End, Last = n + len - 1 };
        return true;
    }

    // ---------------------------------------------------------------- holidays

    /// <summary>A named day with a year: "Easter 2018", "black friday 2010", "Pfingsten 2022", "Heilige Drei Könige im Jahr 2020".</summary>
    private bool TryHoliday(in Scope s, int k, out DatePoint p)
    {
        p = default;
        if (s.Tokens[k].Kind != TokenKind.Word) return false;
        int len = _lex.Holidays.Match(s.Text, s.Tokens, k, s.End, out var rule);
        if (len == 0) return false;
        int y = k + len;
        if (y < s.End && s.IsChar(y, ',')) y++;
        else if (y + 1 < s.End && s.Word(y).Equals("im", StringComparison.OrdinalIgnoreCase) && s.Word(y + 1).Equals("Jahr", StringComparison.OrdinalIgnoreCase)) y += 2;
        else if (y + 2 < s.End && s.Word(y).Equals("in", StringComparison.OrdinalIgnoreCase) && s.Word(y + 1).Equals("the", StringComparison.OrdinalIgnoreCase)
                 && s.Word(y + 2).Equals("year", StringComparison.OrdinalIgnoreCase)) y += 3;
        if (!YearAt(in s, y, false, out int year, out int yl)) return false;
        if (!HolidayDate(rule, year, out var date)) return false;
        p = new DatePoint { Year = year, Month = date.Month, Day = date.Day, Start = s.Tokens[k].Start, End = s.Tokens[yl].End, Last = yl };
        return true;
    }

    /// <summary>The date of a holiday rule in a year: "MM-DD", "E+N" (Easter), "N:WD:MM" / "L:WD:MM" (+D).</summary>
    internal static bool HolidayDate(string rule, int year, out DateOnly date)
    {
        date = default;
        if (year is < 1583 or > 4099) return false;
        int plus = 0;
        int p = rule.IndexOf('+', 1);
        string core = rule;
        if (p > 0 && rule[0] != 'E') { plus = int.Parse(rule[(p + 1)..], CultureInfo.InvariantCulture); core = rule[..p]; }
        if (core[0] == 'E')
        {
            int offset = int.Parse(core[1..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            date = EasterSunday(year).AddDays(offset);
            return true;
        }
        var parts = core.Split(':');
        if (parts.Length == 3)
        {
            int wd = int.Parse(parts[1], CultureInfo.InvariantCulture) % 7; // ISO 1..7 -> DayOfWeek 1..6, 0
            int month = int.Parse(parts[2], CultureInfo.InvariantCulture);
            if (parts[0] == "L")
            {
                var d = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
                while ((int)d.DayOfWeek != wd) d = d.AddDays(-1);
                date = d.AddDays(plus);
            }
            else
            {
                int nth = int.Parse(parts[0], CultureInfo.InvariantCulture);
                var d = new DateOnly(year, month, 1);
                while ((int)d.DayOfWeek != wd) d = d.AddDays(1);
                date = d.AddDays(7 * (nth - 1) + plus);
            }
            return true;
        }
        if (core.Length == 5 && core[2] == '-')
        {
            date = new DateOnly(year, int.Parse(core[..2], CultureInfo.InvariantCulture), int.Parse(core[3..], CultureInfo.InvariantCulture));
            return true;
        }
        return false;
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous Gregorian computus).</summary>
    internal static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100;
        int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4, k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }

    // ---------------------------------------------------------------- compact forms

    private const int MaxFields = 8;

    /// <summary>
    /// Dates written without spaces: "4.4.2019", "04.04.19", "5/17/2018", "2019-04-04", "2015-3", "12-2015",
    /// "22/04", "Oct/2", "Dec-2018", "05-Aug-2016", "Sep-23-2020", "2019/aug/01", "20161016", "2017-Q1",
    /// "q1-2019", "1990s", "1990er", "Dec31", "28.10." (German), and periods "5/1-5/7/2020", "10-1-2018-10-7-2018",
    /// "Dec/2018-May/2019". Two numbers alone ("7/6", "5.12", "7-6") are a date only with a date word before.
    /// </summary>
    private bool TryCompactDate(in Scope s, int k, bool context, out DatePoint p, out DatePoint? end)
    {
        p = default;
        end = null;
        ref readonly var t = ref s.Tokens[k];
        bool digitLed = t.Kind == TokenKind.Number || t.Kind == TokenKind.Word && (t.Has(TokenFlags.HasDigit) || t.Has(TokenFlags.Hyphenated));
        if (!digitLed && !(t.Kind == TokenKind.Word && k + 1 < s.End && s.Glued(k + 1) && (s.IsChar(k + 1, '/') || s.Tokens[k + 1].Kind == TokenKind.Dash)))
            return false;
        // the glued chunk
        int last = k;
        while (last + 1 < s.End && last - k < 10 && s.Glued(last + 1)
               && (s.Tokens[last + 1].Kind is TokenKind.Number or TokenKind.Word or TokenKind.Dash || s.IsChar(last + 1, '/') || s.IsChar(last + 1, '.') || s.IsChar(last + 1, '~')))
            last++;
        int startChar = t.Start;
        int endChar = s.Tokens[last].End;
        var chunk = s.Text.AsSpan(startChar, endChar - startChar);
        if (chunk.Length > 40) return false;
        // German "28.10.", "4.4." (day and month; the year may follow, even after a sentence break: "29.8. 2015")
        if (_german && GermanDayMonth(chunk))
        {
            int dot = chunk.IndexOf('.');
            int d = int.Parse(chunk[..dot], CultureInfo.InvariantCulture), m = int.Parse(chunk[(dot + 1)..^1], CultureInfo.InvariantCulture);
            if (!ValidDayOrLeap(d, m)) return false;
            p = new DatePoint { Day = d, Month = m, Start = startChar, End = endChar, Last = last };
            var wide = new Scope(s.Text, s.Tokens, s.First, Math.Max(s.End, Math.Min(s.Tokens.Length, last + 2)));
            if (last + 1 < s.Tokens.Length && !s.Tokens[last + 1].Has(TokenFlags.LineBefore) && YearAt(in wide, last + 1, false, out int gy, out int gyl))
            {
                p.Year = gy; p.Last = gyl; p.End = s.Tokens[gyl].End;
            }
            return true;
        }
        // a sentence period or a dash glued at the end is not part of the date ("-2020-07-01-")
        if (chunk.Length > 1 && chunk[^1] is '.' or '-' or '/')
        {
            chunk = chunk[..^1];
            endChar--;
            if (s.IsChar(last, '.') || s.IsChar(last, '/') || s.Tokens[last].Kind == TokenKind.Dash) last--;
        }
        if (last < k || chunk.Length == 0) return false;
        bool trailingDot = false;

        Span<Field> fields = stackalloc Field[MaxFields];
        Span<char> seps = stackalloc char[MaxFields];
        int n = SplitFields(chunk, fields, seps);
        if (n == 0) return false;

        // one field: "20161016", "1990s", "1990er", "Dec31", "FY2019", "2019-Q1" handled below
        if (n == 1)
        {
            var f = fields[0];
            if (f.Kind == FieldKind.Digits && f.Length == 8 && trailingDot == false)
            {
                int y = f.Value / 10000, m = f.Value / 100 % 100, d = f.Value % 100;
                if (y is >= 1900 and <= 2100 && ValidDay(d, m))
                {
                    p = Point(y, m, d, startChar, endChar, last);
                    return true;
                }
            }
            if (f.Kind == FieldKind.Decade) { p = new DatePoint { Decade = f.Value, Start = startChar, End = endChar, Last = last }; return FinishDecade(in s, ref p); }
            if (f.Kind == FieldKind.MonthDay && ValidDayOrLeap(f.Value % 100, f.Value / 100))
            {
                p = new DatePoint { Month = f.Value / 100, Day = f.Value % 100, Start = startChar, End = endChar, Last = last };
                AddYearAfter(in s, ref p);
                return true;
            }
            if (f.Kind == FieldKind.FiscalYear) { p = new DatePoint { Year = f.Value, Start = startChar, End = endChar, Last = last, Anchored = true }; return true; }
            return false;
        }
        // "between 2014-2018", "from 2014~2018": a period of years after a date word (else the number rules read it)
        if (n == 2 && fields[0].Kind == FieldKind.Digits && fields[1].Kind == FieldKind.Digits && fields[0].Length == 4 && fields[1].Length == 4
            && seps[0] is '-' or '~' or '–')
        {
            if (!context || fields[1].Value <= fields[0].Value || fields[0].Value is < 1000 or > 2200 || fields[1].Value > 2200) return false;
            p = new DatePoint { Year = fields[0].Value, Start = startChar, End = startChar + fields[0].End, Last = last };
            end = new DatePoint { Year = fields[1].Value, Start = startChar + fields[1].Start, End = endChar, Last = last };
            return true;
        }
        // a period in one chunk: split where both halves are dates
        if (n >= 4 || n == 2 && fields[0].Kind == FieldKind.Month && fields[1].Kind == FieldKind.Month || n == 3 && seps[0] != seps[1])
        {
            for (int cut = 1; cut < n; cut++)
            {
                if (seps[cut - 1] is not ('-' or '~' or '–')) continue;
                if (!ReadFields(fields[..cut], seps[..(cut - 1)], context: true, out var a) || !ReadFields(fields[cut..n], seps[cut..(n - 1)], context: true, out var b)) continue;
                if (!Complete(ref a, ref b, true) || !Ordered(in a, in b)) continue;
                a.Start = startChar; a.End = startChar + fields[cut - 1].End; a.Last = last;
                b.Start = startChar + fields[cut].Start; b.End = endChar; b.Last = last;
                if (b.Month > 0 && b.Day == 0 && b.Last + 1 < s.End && DayAt(in s, b.Last + 1, false, out int bd, out int bdl) && ValidDayOrLeap(bd, b.Month)
                    && s.Tokens[b.Last + 1].Has(TokenFlags.Ordinal))
                {
                    b.Day = bd; b.Last = bdl; b.End = s.Tokens[bdl].End; last = bdl; endChar = b.End; // "Nov-Feb 5th, 2017"
                }
                if (b.Year == 0 && AddYearAfter(in s, ref b))
                {
                    if (a.Year == 0) a.Year = a.Month <= b.Month || a.Month == 0 || b.Month == 0 ? b.Year : b.Year - 1; // "Nov-Feb 2017"
                    last = b.Last;
                    endChar = b.End;
                }
                p = a;
                end = b;
                return true;
            }
            if (n >= 4) return false;
        }
        if (!ReadFields(fields[..n], seps[..(n - 1)], context, out p)) return false;
        p.Start = startChar;
        p.End = endChar;
        p.Last = last;
        if (p.Year == 0 && p.Month > 0 && p.Day > 0) AddYearAfter(in s, ref p);
        return true;
    }

    private static bool GermanDayMonth(ReadOnlySpan<char> chunk)
    {
        // "28.10." : day, month, final period
        int dot = chunk.IndexOf('.');
        return dot is 1 or 2 && chunk.Length - dot - 2 is 1 or 2 && chunk[^1] == '.' && IsPlainDigits(chunk[..dot]) && IsPlainDigits(chunk[(dot + 1)..^1]);
    }

    private bool FinishDecade(in Scope s, ref DatePoint p)
    {
        // "die 1990er Jahre": the noun belongs to the decade
        int n = p.Last + 1;
        if (_german && n < s.End && s.Word(n).StartsWith("Jahre", StringComparison.OrdinalIgnoreCase)) { p.Last = n; p.End = s.Tokens[n].End; }
        return true;
    }

    private static DatePoint Point(int y, int m, int d, int start, int end, int last) =>
        new() { Year = y, Month = m, Day = d, Start = start, End = end, Last = last };

    private enum FieldKind : byte { Digits, Month, Quarter, Half, Decade, MonthDay, FiscalYear }

    private struct Field
    {
        public FieldKind Kind;
        public int Value;
        public int Length; // digits
        public int Start, End; // within the chunk
    }

    /// <summary>Splits "05-Aug-2016" into fields at '-', '/', '.', '~'; each a number, a month name, a quarter
    /// ("Q1", "H2"), a decade ("1990s", "1990er") or a month with a glued day ("Dec31"). 0 when a field is none.</summary>
    private int SplitFields(ReadOnlySpan<char> chunk, Span<Field> fields, Span<char> seps)
    {
        int n = 0, pos = 0;
        while (pos <= chunk.Length)
        {
            int e = pos;
            while (e < chunk.Length && chunk[e] is not ('-' or '/' or '.' or '~' or '–')) e++;
            if (e == pos || n >= MaxFields) return 0;
            var piece = chunk[pos..e];
            if (!ReadField(piece, out var f)) return 0;
            f.Start = pos;
            f.End = e;
            fields[n] = f;
            if (e < chunk.Length) seps[n] = chunk[e];
            n++;
            pos = e + 1;
            if (e == chunk.Length) break;
        }
        return n;
    }

    private bool ReadField(ReadOnlySpan<char> piece, out Field f)
    {
        f = default;
        if (IsPlainDigits(piece))
        {
            if (piece.Length > 8) return false;
            f = new Field { Kind = FieldKind.Digits, Value = int.Parse(piece, CultureInfo.InvariantCulture), Length = piece.Length };
            return true;
        }
        if (QuarterWord(piece, out int q, out int h)) { f = new Field { Kind = q > 0 ? FieldKind.Quarter : FieldKind.Half, Value = q > 0 ? q : h }; return true; }
        if (_lex.Months.TryGet(piece, out int m)) { f = new Field { Kind = FieldKind.Month, Value = m }; return true; }
        int d = 0;
        while (d < piece.Length && char.IsAsciiDigit(piece[d])) d++;
        // "1990s", "90s", "1990er"
        if (d is 2 or 4 && (piece[d..] is "s" || _german && piece[d..] is "er") && piece[d - 1] == '0')
        {
            int v = int.Parse(piece[..d], CultureInfo.InvariantCulture);
            f = new Field { Kind = FieldKind.Decade, Value = d == 4 ? v : -v };
            return d == 2 || v is >= 1000 and <= 2200;
        }
        // "Dec31": a month with its day glued on
        int l = 0;
        while (l < piece.Length && char.IsLetter(piece[l])) l++;
        if (l >= 3 && l < piece.Length && IsPlainDigits(piece[l..]) && piece.Length - l <= 2 && _lex.Months.TryGet(piece[..l], out int mm))
        {
            f = new Field { Kind = FieldKind.MonthDay, Value = mm * 100 + int.Parse(piece[l..], CultureInfo.InvariantCulture) };
            return true;
        }
        // "FY2019", "FY19", "CY2018", "SY18": fiscal, calendar and school years
        if (l == 2 && (piece[0] is 'F' or 'f' or 'C' or 'c' or 'S' or 's') && piece[1] is 'Y' or 'y' && piece.Length is 4 or 6 && IsPlainDigits(piece[2..]))
        {
            int v = int.Parse(piece[2..], CultureInfo.InvariantCulture);
            f = new Field { Kind = FieldKind.FiscalYear, Value = piece.Length == 4 ? ParseYear2(v) : v };
            return f.Value is >= 1900 and <= 2100;
        }
        return false;
    }

    /// <summary>Reads 2 or 3 fields as one date, by their kinds and the language's order.</summary>
    private bool ReadFields(ReadOnlySpan<Field> f, ReadOnlySpan<char> seps, bool context, out DatePoint p)
    {
        p = default;
        int n = f.Length;
        static bool Y4(in Field x) => x.Kind == FieldKind.Digits && x.Length == 4 && x.Value is >= 1000 and <= 2200;
        static bool Num(in Field x, int max) => x.Kind == FieldKind.Digits && x.Length <= 2 && x.Value >= 1 && x.Value <= max;
        if (n == 1)
        {
            // one end of a period: "Jan" in "Jan-Feb", "2014" in "2014-May/2018"
            if (f[0].Kind == FieldKind.Month) { p.Month = f[0].Value; return true; }
            if (Y4(f[0])) { p.Year = f[0].Value; return true; }
            return false;
        }
        if (n > 3) return false;
        char sep = seps[0];

        if (n == 2)
        {
            var a = f[0];
            var b = f[1];
            if (a.Kind == FieldKind.Month && Y4(b)) { p.Month = a.Value; p.Year = b.Value; return true; }            // "Dec-2018", "Dec/2018"
            if (a.Kind == FieldKind.Month && Num(b, 31) && ValidDayOrLeap(b.Value, a.Value)) { p.Month = a.Value; p.Day = b.Value; return true; } // "Oct/2"
            if (Num(a, 31) && b.Kind == FieldKind.Month && ValidDayOrLeap(a.Value, b.Value)) { p.Month = b.Value; p.Day = a.Value; return true; } // "2/Oct"
            if (a.Kind == FieldKind.Month && b.Kind == FieldKind.Month) return false;
            if (Y4(a) && b.Kind is FieldKind.Quarter or FieldKind.Half) { p.Year = a.Value; Set(ref p, b); return true; } // "2017-Q1"
            if (a.Kind is FieldKind.Quarter or FieldKind.Half && Y4(b)) { p.Year = b.Value; Set(ref p, a); return true; } // "q1-2019"
            if (Y4(a) && Num(b, 12) && sep is '-' or '/') { p.Year = a.Value; p.Month = b.Value; return true; }        // "2015-3"
            if (Num(a, 12) && Y4(b) && sep is '-' or '/' or '.') { p.Year = b.Value; p.Month = a.Value; return true; } // "12-2015"
            if (Y4(a) && Y4(b)) { if (!context || b.Value <= a.Value) return false; p.Year = a.Value; return false; }
            if (Num(a, 31) && Num(b, 31))
            {
                // "11/20", "22/04" (en: month/day, or day/month when the first cannot be a month); "29/2" (de: day/month);
                // "28.10." (de, with its final period); "5.12", "7-6" only after a date word
                int m, d;
                if (sep == '.' && _german) return false; // German "d.m." is read with its period by GermanDayMonth
                if (sep is '.' or '-' && !context) return false;
                // "3/4", "1/2": a usual fraction, unless a date word says otherwise
                if (!context && a.Value < b.Value && b.Value is 2 or 3 or 4 or 5 or 6 or 8 or 10 or 16) return false;
                if (!_german && a.Value <= 12) { m = a.Value; d = b.Value; }
                else { d = a.Value; m = b.Value; }
                if (!ValidDayOrLeap(d, m)) return false;
                if (!_german && a.Value > 12 && !context && f[1].Length != 2 && sep == '/') return false; // "24/7" is no date
                if (a.Value == 24 && b.Value == 7 && sep == '/') return false; // "24/7": around the clock
                p.Month = m; p.Day = d;
                return true;
            }
            return false;
        }
        // three fields
        var x0 = f[0]; var x1 = f[1]; var x2 = f[2];
        int mi = x0.Kind == FieldKind.Month ? 0 : x1.Kind == FieldKind.Month ? 1 : x2.Kind == FieldKind.Month ? 2 : -1;
        if (mi >= 0)
        {
            // a month name and two numbers: the four-digit one is the year ("05-Aug-2016", "Sep-23-2020", "2019/aug/01", "2020/23/Sep")
            Field o1 = mi == 0 ? x1 : x0, o2 = mi == 2 ? x1 : x2;
            int month = f[mi].Value;
            if (Y4(o1) && Num(o2, 31)) { p.Year = o1.Value; p.Day = o2.Value; }
            else if (Y4(o2) && Num(o1, 31)) { p.Year = o2.Value; p.Day = o1.Value; }
            else if (Num(o1, 31) && o2.Kind == FieldKind.Digits && o2.Length == 2 && mi != 2) { p.Day = o1.Value; p.Year = ParseYear2(o2.Value); }
            else return false;
            p.Month = month;
            return ValidDayOrLeap(p.Day, month);
        }
        if (x0.Kind != FieldKind.Digits || x1.Kind != FieldKind.Digits || x2.Kind != FieldKind.Digits || seps[0] != seps[1]) return false;
        if (Y4(x0) && Num(x1, 12) && Num(x2, 31)) { p = Point(x0.Value, x1.Value, x2.Value, 0, 0, 0); return ValidDayOrLeap(p.Day, p.Month); } // "2019-04-04", "2018-7-6"
        if (!(x2.Length is 2 or 4)) return false;
        int year = x2.Length == 4 ? x2.Value : ParseYear2(x2.Value);
        if (x2.Length == 4 && year is < 1000 or > 2200) return false;
        if (!Num(x0, 31) || !Num(x1, 31)) return false;
        // "4.4.2019" day first; "5/17/2018" month first in English; "17/5/2018" and all German day first
        bool monthFirst = !_german && sep is '/' or '-' && x0.Value <= 12;
        if (monthFirst && !ValidDayOrLeap(x1.Value, x0.Value)) monthFirst = false;
        int mo = monthFirst ? x0.Value : x1.Value, da = monthFirst ? x1.Value : x0.Value;
        if (!ValidDayOrLeap(da, mo)) return false;
        p = Point(year, mo, da, 0, 0, 0);
        return true;
    }

    private static void Set(ref DatePoint p, in Field f)
    {
        if (f.Kind == FieldKind.Quarter) p.Quarter = f.Value; else p.Half = f.Value;
    }

    private static int ParseYear2(int yy) => yy < 40 ? 2000 + yy : 1900 + yy;

    private static int ParseYear(ReadOnlySpan<char> w)
    {
        if (!IsPlainDigits(w)) return 0;
        if (w.Length == 4) return int.Parse(w, CultureInfo.InvariantCulture);
        if (w.Length == 2) return ParseYear2(int.Parse(w, CultureInfo.InvariantCulture));
        return 0;
    }

    private static bool ValidDay(int day, int month) => month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2000, month);

    /// <summary>A day the month can have in some year; "February 30" is kept as written (the text says it).</summary>
    private static bool ValidDayOrLeap(int day, int month) => month is >= 1 and <= 12 && day >= 1 && day <= (month == 2 ? 30 : DateTime.DaysInMonth(2000, month));
}
