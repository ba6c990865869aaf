using System.Collections.Concurrent;
using System.Globalization;
using Hearsay.Document;
using Hearsay.Text;

namespace Hearsay.Quantities;

/// <summary>
/// Finds quantities in an article's tokens, sentence by sentence, left to right. At each token it tries,
/// in order: a date ("4. April 2019", "April 2019"), a rank ("viertgrößte", "fourth-largest", "der 4.
/// Platz"), and a quantity: [qualifier] [range opener] [currency] number [range join + number] [unit]
/// [counted noun phrase] [suffix qualifier]. Numbers that are references ("S. 12"), clock times, phone
/// numbers or bare years outside a date context are skipped.
/// </summary>
internal sealed partial class QuantityRecognizer
{
    private const int MaxAtoms = 32;
    private const int MaxNumberTokens = 12;

    private readonly QuantityLexicon _lex;
    private readonly bool _german;

    public QuantityRecognizer(QuantityLexicon lexicon)
    {
        _lex = lexicon;
        _german = lexicon.Language == "de";
    }

    public void Recognize(Article article)
    {
        var text = article.Text;
        var tokens = article.Tokens;
        int resume = 0; // a match may reach into the next sentence ("der 4. | Platz", "29.8. | 2015")
        foreach (var sentence in article.Sentences)
        {
            var s = new Scope(text, tokens, sentence.FirstToken, sentence.EndToken);
            int i = Math.Max(s.First, resume);
            int lastEnd = -1; // the token after the last quantity found in this sentence
            _dateListEnd = -1;
            while (i < s.End)
            {
                bool found = TryMatch(in s, i, out var quantity, out int next);
                if (found && quantity is not null)
                {
                    if (quantity.Kind == QuantityKind.Date) _dateListEnd = Math.Max(next, i + 1);
                    if (lastEnd >= 0 && i == lastEnd + 1 && IsBoundJoin(in s, lastEnd)
                        && TryJoinBounds(article.Quantities[^1], quantity, out var joined))
                        article.Quantities[^1] = joined; // "more than 10 and less than 40"
                    else
                        article.Quantities.Add(quantity);
                    lastEnd = Math.Max(next, i + 1);
                }
                i = Math.Max(next, i + 1);
            }
            resume = i;
        }
    }

    /// <summary>A cheap first test for a word without digits: most words start no quantity. A quantity may start at a
    /// number word, an ordinal, a qualifier, an opener, a unit or date word (<see cref="QuantityLexicon.StartWords"/>),
    /// a word that begins like a number word (German compounds: "dreihundert"), or one with an ordinal's ending.</summary>
    private bool MayStartQuantity(in Scope s, int i)
    {
        var w = s.Word(i);
        if (w.Length > 64) return false;
        // The maps refuse most words before lowering them; only the ending is lowered here.
        if (_lex.StartWords.TryGet(w, out _)) return true;
        if (w.Length >= 2 && _lex.NumberWordStarts.TryGet(w[..2], out _)) return true;
        Span<char> end = stackalloc char[3];
        end = end[..Math.Min(3, w.Length)];
        w[^end.Length..].ToLowerInvariant(end);
        if (_german) return end.EndsWith("te") || end.EndsWith("ten") || end.EndsWith("ter") || end.EndsWith("tes") || end.EndsWith("tem");
        return end.EndsWith("th");
    }

    /// <summary>"and", "but", "und", "aber" or a comma between two bounds.</summary>
    private static bool IsBoundJoin(in Scope s, int k)
    {
        if (k >= s.End) return false;
        if (s.IsChar(k, ',')) return true;
        var w = s.Word(k);
        return w.Equals("and", StringComparison.OrdinalIgnoreCase) || w.Equals("but", StringComparison.OrdinalIgnoreCase)
            || w.Equals("und", StringComparison.OrdinalIgnoreCase) || w.Equals("aber", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A lower and an upper bound of the same kind and unit, lower below upper, make one range:
    /// "more than 10 and less than 40", "at most 100 and at least 20", "mehr als 10 und weniger als 40".</summary>
    private static bool TryJoinBounds(Quantity a, Quantity b, out Quantity joined)
    {
        joined = a;
        if (a.Qualifier is null || b.Qualifier is null || a.UpperValue is not null || b.UpperValue is not null) return false;
        if (a.Kind != b.Kind || a.Unit != b.Unit || a.Kind is QuantityKind.Date or QuantityKind.Rank or QuantityKind.Ordinal) return false;
        if (a.Bound == Bound.Exact || b.Bound == Bound.Exact || a.Bound == b.Bound || a.Approximate || b.Approximate) return false;
        if (a.Counted is not null && b.Counted is not null && a.Kind == QuantityKind.Count) return false; // two counted things
        var (lo, hi) = a.Bound == Bound.Lower ? (a, b) : (b, a);
        if (lo.Value >= hi.Value) return false;
        joined = new Quantity
        {
            Span = a.Span.Union(b.Span),
            Number = a.Number.Union(b.Number),
            Kind = a.Kind,
            Value = lo.Value,
            UpperValue = hi.Value,
            Counted = b.Counted ?? a.Counted,
            Unit = a.Unit,
            Bound = Bound.Exact,
            Qualifier = a.Qualifier.Value.Union(b.Qualifier.Value),
        };
        return true;
    }

    /// <summary>The tokens of one sentence.</summary>
    private readonly struct Scope(string text, Token[] tokens, int first, int end)
    {
        public readonly string Text = text;
        public readonly Token[] Tokens = tokens;
        public readonly int First = first;
        public readonly int End = end;
        public ReadOnlySpan<char> Word(int i) => Text.AsSpan(Tokens[i].Start, Tokens[i].Length);
        public bool Is(int i, TokenKind kind) => i >= First && i < End && Tokens[i].Kind == kind;
        public bool IsChar(int i, char c) => i >= 0 && i < Tokens.Length && Tokens[i].Length == 1 && Text[Tokens[i].Start] == c;
        /// <summary>Token i follows token i-1 with no space between.</summary>
        public bool Glued(int i) => i > 0 && i < Tokens.Length && Tokens[i - 1].End == Tokens[i].Start;
    }

    /// <summary>A number: its tokens, its characters, its value.</summary>
    private struct Core
    {
        public int First, Last;
        public int NumStart, NumEnd;
        public double Value;
        public NumberInfo Info;
        public bool Words;
        public bool YearLike;
        public UnitInfo? GluedUnit;
        public TextSpan GluedUnitSpan;
        /// <summary>"1.3x10" waiting for its exponent ("^6").</summary>
        public bool TimesTen;
    }

    // ================================================================ quantities

    private bool TryMatch(in Scope s, int i, out Quantity? q, out int next)
    {
        q = null;
        next = i + 1;
        var kind0 = s.Tokens[i].Kind;
        if (kind0 is TokenKind.Url or TokenKind.Email) return false;
        if (kind0 == TokenKind.Word && !s.Tokens[i].Has(TokenFlags.HasDigit) && !s.Tokens[i].Has(TokenFlags.Hyphenated) && !MayStartQuantity(in s, i)) return false;

        if (TryDate(in s, i, out q, out next)) return true;
        if (TryRank(in s, i, out q, out next)) return true;
        next = i + 1;

        int j = i;
        QualifierInfo? prefix = null;
        int qualFirst = -1, qualLast = -1;
        int len = _lex.Prefixes.Match(s.Text, s.Tokens, j, s.End, out var qi);
        // "=>30", "<>30": an arrow or "not equal" is no bound
        if (len == 1 && s.Tokens[j].Kind == TokenKind.Symbol && j - 1 >= s.First && s.Glued(j) && (s.IsChar(j - 1, '=') || s.IsChar(j - 1, '<') || s.IsChar(j - 1, '>')))
            len = 0;
        if (len > 0) { prefix = qi; qualFirst = j; qualLast = j + len - 1; j += len; }

        string? rangeJoin = null;
        int openerFirst = -1;
        len = _lex.RangeOpeners.Match(s.Text, s.Tokens, j, s.End, out var joinWord);
        if (len > 0) { rangeJoin = joinWord; openerFirst = j; j += len; }

        UnitInfo? unitBefore = null;
        int ubFirst = -1, ubLast = -1;
        len = _lex.UnitsBefore.Match(s.Text, s.Tokens, j, s.End, out var ub);
        if (len > 0) { unitBefore = ub; ubFirst = j; ubLast = j + len - 1; j += len; }

        if (j >= s.End) return false;
        // "minus 5 Grad", "-5 degrees": a sign before digits
        int signTok = -1;
        if (j + 1 < s.End && (s.Tokens[j + 1].Kind == TokenKind.Number || s.Tokens[j + 1].Kind == TokenKind.Word && char.IsAsciiDigit(s.Text[s.Tokens[j + 1].Start]))
            && IsSign(in s, j))
        {
            if (prefix is null && TryDate(in s, j + 1, out _, out _)) { next = j + 1; return false; } // "-20200701-": a date, not a negative number
            signTok = j;
            j++;
        }
        bool money = unitBefore?.Kind == QuantityKind.Money;
        bool isRange = false;
        Core upper = default;
        Core core;
        if (prefix is null && rangeJoin is null && unitBefore is null && signTok < 0 && TryHyphenUnit(in s, j, out q))
        {
            next = j + 1;
            return true;
        }
        if (TryHyphenRange(in s, j, out core, out upper))
        {
            // "3-5", "2019-2021"
            if (rangeJoin is not null || !MakeRange(ref core, in upper) || LooksLikePhoneNumber(s.Word(j))) { next = j + 1; return false; }
            isRange = true;
        }
        else if (TryGluedCurrency(in s, j, out core, out var gluedCurrency))
        {
            unitBefore = gluedCurrency; // "USD115"
            ubFirst = ubLast = j;
            money = true;
        }
        else if (!TryCore(in s, j, money, out core) && !TryArticleBeforeUnit(in s, j, out core) && !TryLoneFraction(in s, j, prefix, out core)) return false;
        // "about 2019 Q1", "around March 2019": a year-like number after a qualifier may start a date
        if (core.YearLike && !isRange && (prefix is not null || rangeJoin is not null) && TryDate(in s, core.First, out _, out _))
        {
            next = core.First;
            return false;
        }
        if (!isRange && core.GluedUnit is null) TryPower(in s, ref core);
        else if (!isRange && core.GluedUnit is { Kind: QuantityKind.Measure } gu && core.Last + 2 < s.End && s.IsChar(core.Last + 1, '^') && s.Glued(core.Last + 1)
                 && s.Glued(core.Last + 2) && s.Word(core.Last + 2) is "2" or "3")
        {
            // "4,18m^2": a square or cubic unit
            var power = s.Word(core.Last + 2)[0];
            core.GluedUnit = PoweredUnits.GetOrAdd((gu.Unit, power), key => new UnitInfo(key.Item1 + key.Item2, QuantityKind.Measure, UnitPosition.After));
            core.GluedUnitSpan = TextSpan.FromBounds(core.GluedUnitSpan.Start, s.Tokens[core.Last + 2].End);
            core.Last += 2;
        }
        if (core.TimesTen) return false;
        if (IsNotAQuantity(in s, in core, out int skipTo))
        {
            next = Math.Max(next, skipTo);
            return false;
        }
        if (signTok >= 0)
        {
            core.Value = -core.Value;
            core.NumStart = s.Tokens[signTok].Start;
            core.First = signTok;
            core.YearLike = false;
        }

        // ---- range (unless the token held both ends: "3-5")
        int k = core.Last + 1;
        if (isRange)
        {
        }
        else if (rangeJoin is not null)
        {
            if (k < s.End && s.Word(k).Equals(rangeJoin, StringComparison.OrdinalIgnoreCase)
                && TryCore(in s, k + 1, money, out upper) && MakeRange(ref core, in upper))
                isRange = true;
            else
                return false; // "zwischen 3 Staaten": not a range; the number alone is found from the next token
        }
        else if (k < s.End && core.GluedUnit is null)
        {
            int joinLen = 0;
            if (s.Tokens[k].Kind == TokenKind.Dash && s.Tokens[k].Length == 1) joinLen = 1;
            else if ((_lex.RolesAt(s.Text, s.Tokens, k, k + 1) & ContextRole.RangeJoin) != 0) joinLen = 1;
            if (joinLen > 0 && TryCore(in s, k + joinLen, money, out upper) && !IsNotAQuantity(in s, in upper, out _)
                && MakeRange(ref core, in upper))
                isRange = true;
        }
        // "one out of three", "two out of five hundred TVs": a ratio, the share of the whole
        bool ratio = false;
        if (!isRange && rangeJoin is null && k + 2 < s.End && s.Word(k).Equals("out", StringComparison.OrdinalIgnoreCase) && s.Word(k + 1).Equals("of", StringComparison.OrdinalIgnoreCase)
            && TryCore(in s, k + 2, false, out var ofWhole) && ofWhole.Value > 0 && ofWhole.Value >= core.Value && !ofWhole.Info.Vague && !ofWhole.YearLike)
        {
            upper = ofWhole;
            ratio = true;
            core.Value = Math.Round(core.Value / ofWhole.Value, 12);
            core.YearLike = false;
        }
        var last = isRange || ratio ? upper : core;
        int end = last.Last;

        // ---- unit
        UnitInfo? unit = null;
        TextSpan? unitSpan = null;
        int spanEndChar = -1; // when the unit's last token carries a sentence period ("18 °C.")
        if (last.GluedUnit is not null)
        {
            unit = last.GluedUnit;
            unitSpan = last.GluedUnitSpan;
        }
        else
        {
            len = _lex.UnitsAfter.Match(s.Text, s.Tokens, end + 1, s.End, out var ua, out bool period);
            int skipOf = 0;
            if (len == 0 && last.Info.Vague && end + 2 < s.End && s.Tokens[end + 1].Kind == TokenKind.Word
                && (s.Word(end + 1).Equals("of", StringComparison.OrdinalIgnoreCase) || s.Word(end + 1).Equals("von", StringComparison.OrdinalIgnoreCase)))
            {
                // "millions of dollars", "Millionen von Euro"
                len = _lex.UnitsAfter.Match(s.Text, s.Tokens, end + 2, s.End, out ua);
                if (len > 0 && ua.Kind != QuantityKind.Money) len = 0;
                skipOf = 1;
                period = false;
            }
            // "$ 20,000.00 $ 37,305.97": a currency sign that opens the next amount is not this one's unit
            // "20 (kg)", "20 [kg]": a unit in brackets, as tables write it
            if (len == 0 && skipOf == 0 && end + 3 < s.End && IsOpeningBracket(in s, end + 1) && s.Glued(end + 2) && s.Glued(end + 3)
                && _lex.UnitsAfter.Match(s.Text, s.Tokens, end + 2, end + 3, out var bu) == 1 && bu.Kind == QuantityKind.Measure && IsClosingBracket(in s, end + 3, s.Text[s.Tokens[end + 1].Start]))
            {
                unit = bu;
                unitSpan = SpanOf(in s, end + 2, end + 2);
                end += 3;
                len = -1;
            }
            if (len > 0 && ua.Position == UnitPosition.Both && end + skipOf + len + 1 < s.End
                && s.Tokens[end + skipOf + len + 1].Kind == TokenKind.Number && s.Tokens[end + 1 + skipOf].Kind == TokenKind.Symbol
                && (_lex.UnitsAfter.Match(s.Text, s.Tokens, end + skipOf + len + 2, s.End, out _) == 0 // but "10 $ 30 $", "10 $ 30 cent"
                    || s.Glued(end + skipOf + len + 1))) // "1 $10": the sign is glued to the next amount
                len = 0;
            if (len > 0)
            {
                unit = ua;
                unitSpan = SpanOf(in s, end + 1 + skipOf, end + skipOf + len);
                end += len + skipOf;
                if (period)
                {
                    unitSpan = TextSpan.FromBounds(unitSpan.Value.Start, unitSpan.Value.End - 1);
                    spanEndChar = unitSpan.Value.End;
                }
            }
            else if (unitBefore is not null && len == 0)
            {
                unit = unitBefore;
                unitSpan = SpanOf(in s, ubFirst, ubLast);
            }
        }
        // "361 million pounds", "2,5 Milliarden Pfund": a weight unit that names a currency when the amount is scaled
        if (unit is not null && unit.Kind == QuantityKind.Measure && unitSpan is { } us2 && last.Info.Scale >= 1_000_000
            && _lex.ScaledMoney.Match(s.Text, s.Tokens, s.Tokens.Length > 0 ? IndexAt(in s, us2.Start) : 0, s.End, out var money2) > 0)
            unit = money2;
        // "im Alter von 45 Jahren", "aged 45": an age, in the unit after the number if there is one
        if (unitBefore?.Kind == QuantityKind.Age)
        {
            if (unit is null || unit == unitBefore) unit = unitBefore;
            else if (unit.Kind == QuantityKind.Duration) unit = AgeIn(unit);
            else unit = null;
            if (unit is null) return false;
        }
        double unitScale = unit?.Scale ?? 1;
        if (unit is not null && spanEndChar < 0)
        {
            // "75 USD million": a scale after the currency
            if (unit.Kind == QuantityKind.Money && !isRange && end + 1 < s.End && s.Tokens[end + 1].Kind == TokenKind.Word
                && _lex.NumberWords.TryGet(s.Word(end + 1), out var sc) && sc.Class == AtomClass.Scale)
            {
                unitScale *= sc.Value;
                end++;
            }
            // "10 km per hour", "50 km/ms", "244 Metern pro Sekunde"
            else if (unit.Kind == QuantityKind.Measure && TryRate(in s, end + 1, unit, out var rate, out int rateLast))
            {
                unit = rate;
                unitSpan = unitSpan is { } us0 ? us0.Union(SpanOf(in s, rateLast, rateLast)) : unitSpan;
                end = rateLast;
            }
            // "45 years old", "6 weeks of age", "drei Monate alt"
            else if (unit.Kind == QuantityKind.Duration)
            {
                int al = _lex.Context.Match(s.Text, s.Tokens, end + 1, s.End, out var ar);
                if (al > 0 && (ar & ContextRole.AgeAfter) != 0)
                {
                    unit = AgeIn(unit);
                    unitSpan = unitSpan is { } us1 ? us1.Union(SpanOf(in s, end + 1, end + al)) : unitSpan;
                    end += al;
                }
            }
            // "a 45 degrees angle", "Rotate 90°": degrees of an angle, not of temperature
            if (unit.Unit == "°" && IsAngle(in s, core.First, end))
                unit = AngleDegrees;
        }
        double minorAdd = 0;
        if (unit is not null && !isRange && spanEndChar < 0 && _lex.MinorUnits.TryGetValue(unit.Unit, out var minors))
        {
            // "3 dollars 50 cents", "5 feet and 2 inches", "zwei Euro und fünfzig Cent", "15 dollars 50"
            if (TryMinorAmount(in s, end + 1, unit, core.Value == Math.Floor(core.Value) && unitScale == 1, minors, out double add, out int minorLast))
            {
                minorAdd = add;
                end = minorLast;
            }
        }
        if (unitScale != 1 || minorAdd != 0)
        {
            core.Value = Math.Round(core.Value * unitScale + minorAdd, 9);
            if (isRange) upper.Value = Math.Round(upper.Value * unitScale, 9);
        }
        var kind = unit?.Kind ?? QuantityKind.Count;

        // ---- suffix qualifier right after the number ("100 oder mehr Soldaten")
        QualifierInfo? suffix = null;
        int sufFirst = -1, sufLast = -1;
        if (TrySuffix(in s, end + 1, out var sq, out int sl) && SuffixGoesWith(prefix, sq))
        {
            suffix = sq; sufFirst = end + 1; sufLast = end + sl; end += sl;
        }

        // ---- a year after "im Jahr", "seit", "in" is a date, whatever follows it
        bool yearRange = isRange && core.YearLike && upper.YearLike;
        bool yearInContext = false;
        if ((core.YearLike && !isRange || yearRange) && unit is null && unitBefore is null)
        {
            int before = (openerFirst >= 0 ? openerFirst : core.First) - 1;
            yearInContext = (_lex.RolesEndingAt(s.Text, s.Tokens, before, s.First) & ContextRole.DateBefore) != 0;
        }

        // ---- counted noun phrase
        TextSpan? counted = null;
        if (kind == QuantityKind.Count && !yearInContext && TryCounted(in s, end + 1, core.Info.Vague || last.Info.Vague, out var countedSpan, out int npLast)
            && !(core.YearLike && _german && npLast > end + 1 && s.Tokens[end + 1].Kind == TokenKind.Word && !s.Tokens[end + 1].Has(TokenFlags.Capitalized)))
        {
            // (a year-like "2014 annektierte Russland": a verb in -te looks like an adjective; "2014 Mitarbeiter" counts)
            counted = countedSpan;
            end = npLast;
            if (suffix is null && TrySuffix(in s, end + 1, out sq, out sl) && SuffixGoesWith(prefix, sq))
            {
                suffix = sq; sufFirst = end + 1; sufLast = end + sl; end += sl;
            }
        }

        // ---- years: a date in a date context, a count only when something is counted ("2000 Soldaten")
        if ((core.YearLike && !isRange || yearRange) && unit is null && unitBefore is null && counted is null)
        {
            if (yearInContext || (yearRange && prefix is null))
            {
                return MakeYear(in s, openerFirst >= 0 ? openerFirst : core.First, isRange ? upper.Last : core.Last, in core, in upper, isRange, out q, out next);
            }
            if (prefix is null || prefix.Value.Bound == Bound.Exact)
            {
                // "about 2019 Q1": the year may still start a date
                next = prefix is null ? (isRange ? upper.Last : core.Last) + 1 : core.First;
                return false;
            }
            // "more than 2000", "below 1500": a bound makes it an amount, not a year
        }
        // English writes counts from 1,000 with a comma: a bare "2016" is a year ("the 2016 election")
        if (!_german && core.YearLike && !isRange && unit is null && unitBefore is null && prefix is null)
            return MakeYear(in s, core.First, core.Last, in core, in upper, false, out q, out next);
        bool hasQualifier = prefix is not null || suffix is not null || rangeJoin is not null;
        if (kind == QuantityKind.Count && counted is null && !isRange && !hasQualifier)
        {
            // "Windows 10", "Kanal 5": a bare number right after a name is part of the name.
            int p = core.First - 1;
            if (p >= s.First && !IsSentenceStart(in s, p) && s.Tokens[p].Kind == TokenKind.Word && s.Tokens[p].Has(TokenFlags.Capitalized)
                && !s.Tokens[p].Has(TokenFlags.AllCaps) && !s.Glued(p + 1) && !core.Info.Vague
                && !(core.Last > core.First && s.Tokens[core.First].Kind == TokenKind.Number)) // "Bevölkerung 1 414 021 100" is not a name
            {
                next = core.Last + 1;
                return false;
            }
        }
        // "eins", "one", "null": a word number of 0 or 1 is rarely a claim ("one of them", "one put it");
        // keep it with a unit ("one day") or a qualifier only.
        if (kind == QuantityKind.Count && core.Words && (core.Value == 0 || core.Value == 1) && !core.Info.Vague && !hasQualifier && !isRange)
        {
            next = core.Last + 1;
            return false;
        }

        // ---- assemble
        int startTok = qualFirst >= 0 ? qualFirst : openerFirst >= 0 ? openerFirst : ubFirst >= 0 ? ubFirst : core.First;
        if (kind == QuantityKind.Duration && startTok - 1 >= s.First
            && (_lex.RolesAt(s.Text, s.Tokens, startTok - 1, startTok) & ContextRole.DurationLead) != 0)
            startTok--; // "seit mehr als fünf Monaten"
        bool vague = core.Info.Vague || (isRange && upper.Info.Vague);
        // with a prefix and a suffix ("about 500 or more", "more than 5000 or equal"), the one that bounds wins
        bool suffixBounds = suffix is { } sfx && (prefix is null || sfx.Bound != Bound.Exact);
        var qual = suffixBounds ? suffix : prefix ?? suffix;
        TextSpan? qualSpan = suffixBounds ? SpanOf(in s, sufFirst, sufLast) : prefix is not null ? SpanOf(in s, qualFirst, qualLast) : suffix is not null ? SpanOf(in s, sufFirst, sufLast) : null;
        bool qualApprox = (prefix?.Approximate ?? false) || (suffix?.Approximate ?? false);

        var whole = SpanOf(in s, startTok, end);
        if (spanEndChar > whole.Start && spanEndChar < whole.End) whole = TextSpan.FromBounds(whole.Start, spanEndChar);
        q = new Quantity
        {
            Span = whole,
            Number = TextSpan.FromBounds(core.NumStart, last.NumEnd),
            Kind = kind,
            Value = core.Value,
            UpperValue = isRange ? upper.Value : null,
            Counted = counted ?? unitSpan,
            Unit = unit?.Unit,
            Approximate = qualApprox || vague,
            Bound = isRange ? Bound.Exact : qual?.Bound ?? (vague ? Bound.Lower : Bound.Exact),
            Qualifier = qualSpan,
        };
        next = end + 1;
        return true;
    }

    private static bool MakeYear(in Scope s, int first, int lastTok, in Core core, in Core upper, bool isRange, out Quantity? q, out int next)
    {
        int y = (int)core.Value;
        q = new Quantity
        {
            Span = SpanOf(in s, first, lastTok),
            Number = TextSpan.FromBounds(core.NumStart, isRange ? upper.NumEnd : core.NumEnd),
            Kind = QuantityKind.Date,
            Value = y,
            UpperValue = isRange ? upper.Value : null,
            ValueText = isRange ? $"{y:D4}/{(int)upper.Value:D4}" : y.ToString("D4", CultureInfo.InvariantCulture),
        };
        next = lastTok + 1;
        return true;
    }

    /// <summary>"3 bis 5 Millionen": the scale of the upper end applies to the lower one when it is smaller.</summary>
    private static bool MakeRange(ref Core lower, in Core upper)
    {
        if (upper.Info.Scale > 1 && lower.Info.Scale == 1 && !lower.Info.Vague)
        {
            double baseUpper = upper.Value / upper.Info.Scale;
            if (lower.Value < baseUpper) lower.Value *= upper.Info.Scale;
        }
        return upper.Value > lower.Value && !lower.YearLike == !upper.YearLike;
    }

    /// <summary>The token starting at a character offset (within the sentence).</summary>
    private static int IndexAt(in Scope s, int start)
    {
        for (int k = s.First; k < s.End; k++) if (s.Tokens[k].Start == start) return k;
        return s.End;
    }

    private static bool IsOpeningBracket(in Scope s, int k) => s.IsChar(k, '(') || s.IsChar(k, '[') || s.IsChar(k, '{') || s.IsChar(k, '<');

    private static bool IsClosingBracket(in Scope s, int k, char open) =>
        s.IsChar(k, open switch { '(' => ')', '[' => ']', '{' => '}', _ => '>' });

    private static readonly UnitInfo AngleDegrees = new("deg", QuantityKind.Measure, UnitPosition.After);
    private static readonly ConcurrentDictionary<string, UnitInfo> AgeUnits = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, UnitInfo> DurationUnits = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<(string, string), UnitInfo> RateUnits = new();
    private static readonly ConcurrentDictionary<(string, char), UnitInfo> PoweredUnits = new();

    /// <summary>The same time unit as an age ("years" in "45 years old").</summary>
    private static UnitInfo AgeIn(UnitInfo unit) =>
        unit.Kind == QuantityKind.Age ? unit : AgeUnits.GetOrAdd(unit.Unit, u => new UnitInfo(u, QuantityKind.Age, UnitPosition.After));

    private static UnitInfo DurationIn(UnitInfo unit) =>
        DurationUnits.GetOrAdd(unit.Unit, u => new UnitInfo(u, QuantityKind.Duration, UnitPosition.After));

    /// <summary>A rate after a unit: "per hour", "/ms", "pro Sekunde". The unit becomes "km/h", "m/s".</summary>
    private bool TryRate(in Scope s, int k, UnitInfo unit, out UnitInfo rate, out int last)
    {
        rate = unit;
        last = -1;
        if (k + 1 >= s.End) return false;
        if ((_lex.RolesAt(s.Text, s.Tokens, k, k + 1) & ContextRole.RatePer) == 0) return false;
        int len = _lex.RateTimes.Match(s.Text, s.Tokens, k + 1, s.End, out var time);
        if (len == 0) return false;
        rate = RateUnits.GetOrAdd((unit.Unit, time), key => new UnitInfo(key.Item1 + "/" + key.Item2, QuantityKind.Measure, UnitPosition.After));
        last = k + len;
        return true;
    }

    /// <summary>Degrees next to an angle word: "a 45 degrees angle", "Rotate 90°", "90° drehen".</summary>
    private bool IsAngle(in Scope s, int first, int last)
    {
        if (last + 1 < s.End && (_lex.RolesAt(s.Text, s.Tokens, last + 1, last + 2) & ContextRole.AngleContext) != 0) return true;
        // "Rotate 90°", "turn left 45 degrees", "links abbiegen 45 Grad"
        for (int p = first - 1; p >= s.First && p >= first - 2; p--)
            if ((_lex.RolesAt(s.Text, s.Tokens, p, p + 1) & ContextRole.AngleContext) != 0) return true;
        return false;
    }

    /// <summary>The smaller amount after a larger unit: "50 cents" after "3 dollars" (also after "and"/"und"),
    /// "2 inches" after "5 feet"; money also without the smaller unit at the end of the phrase ("15 dollars 50").</summary>
    private bool TryMinorAmount(in Scope s, int k, UnitInfo unit, bool wholeMajor, PhraseTable<MinorUnit> minors, out double add, out int last)
    {
        add = 0;
        last = -1;
        int m = k;
        bool and = m < s.End && s.Tokens[m].Kind == TokenKind.Word && (s.Word(m).Equals("and", StringComparison.OrdinalIgnoreCase) || s.Word(m).Equals("und", StringComparison.OrdinalIgnoreCase));
        if (and) m++;
        if (m >= s.End || !TryCore(in s, m, false, out var minor) || minor.GluedUnit is not null || minor.Info.Vague
            || minor.Value <= 0 || minor.Value != Math.Floor(minor.Value) || minor.YearLike)
            return false;
        int after = minor.Last + 1;
        int ml = minors.Match(s.Text, s.Tokens, after, s.End, out var mu);
        if (ml > 0)
        {
            if (minor.Value >= mu.PerMajor) return false;
            add = minor.Value / mu.PerMajor;
            last = after + ml - 1;
            return true;
        }
        if (unit.Kind != QuantityKind.Money || minor.Value >= 100 || !wholeMajor) return false;
        if (after < s.End && s.Tokens[after].Kind == TokenKind.Word)
        {
            if (and) return false; // "$4 and 32 people"
            var w = s.Word(after);
            bool joins = w.Equals("and", StringComparison.OrdinalIgnoreCase) || w.Equals("und", StringComparison.OrdinalIgnoreCase)
                         || w.Equals("or", StringComparison.OrdinalIgnoreCase) || w.Equals("oder", StringComparison.OrdinalIgnoreCase);
            if (!joins && !_lex.CountedStops.Contains(w)) return false;
        }
        else if (after < s.End && s.Tokens[after].Kind is TokenKind.Number or TokenKind.Symbol) return false;
        add = minor.Value / 100;
        last = minor.Last;
        return true;
    }

    /// <summary>"USD115", "usd50": a currency code glued before the digits.</summary>
    private bool TryGluedCurrency(in Scope s, int j, out Core core, out UnitInfo unit)
    {
        core = default;
        unit = null!;
        ref readonly var t = ref s.Tokens[j];
        if (t.Kind != TokenKind.Word || !t.Has(TokenFlags.HasDigit) || t.Has(TokenFlags.Hyphenated) || !char.IsLetter(s.Text[t.Start])) return false;
        var w = s.Word(j);
        int d = 0;
        while (d < w.Length && char.IsLetter(w[d])) d++;
        if (d is < 2 or > 4 || d == w.Length || !char.IsAsciiDigit(w[d])) return false;
        if (!_lex.UnitsBefore.TryGetWord(w[..d], out var u) || u.Kind != QuantityKind.Money) return false;
        if (!NumberParser.TryParseDigits(w[d..], _lex.GroupSeparator, out double v)) return false;
        unit = u;
        int last = j;
        // "USD115.5": the decimals after a glued point
        if (j + 2 < s.End && s.Glued(j + 1) && s.Glued(j + 2) && (s.IsChar(j + 1, '.') || s.IsChar(j + 1, ',')) && s.Tokens[j + 2].Kind == TokenKind.Number
            && IsPlainDigits(s.Word(j + 2)) && NumberParser.TryParseDigits(string.Concat(w[d..], s.Word(j + 1), s.Word(j + 2)), _lex.GroupSeparator, out double dv))
        {
            v = dv;
            last = j + 2;
        }
        core = new Core { First = j, Last = last, NumStart = t.Start + d, NumEnd = s.Tokens[last].End, Value = v * u.Scale, Info = new NumberInfo { Scale = 1 } };
        return true;
    }

    /// <summary>"more than half", "fast die Hälfte" not: a fraction word alone after a bound ("more than half", "weniger als ein Drittel" is read anyway).</summary>
    private bool TryLoneFraction(in Scope s, int j, QualifierInfo? prefix, out Core core)
    {
        core = default;
        if (prefix is not { Bound: not Bound.Exact } || j >= s.End || s.Tokens[j].Kind != TokenKind.Word) return false;
        if (!_lex.NumberWords.TryGet(s.Word(j), out var atom) || atom.Class != AtomClass.Fraction || atom.Value < 2) return false;
        core = new Core { First = j, Last = j, NumStart = s.Tokens[j].Start, NumEnd = s.Tokens[j].End, Value = 1 / atom.Value, Info = new NumberInfo { Scale = 1 }, Words = true };
        return true;
    }

    /// <summary>German "einen Euro", "ein Pfund", "einen Teelöffel": the article counts one of a unit of money or measure.</summary>
    private bool TryArticleBeforeUnit(in Scope s, int j, out Core core)
    {
        core = default;
        if (!_german || j + 1 >= s.End || s.Tokens[j].Kind != TokenKind.Word) return false;
        if (!_lex.NumberWords.TryGet(s.Word(j), out var atom) || atom.Class != AtomClass.Article) return false;
        int len = _lex.UnitsAfter.Match(s.Text, s.Tokens, j + 1, s.End, out var ua);
        if (len == 0 || ua.Kind is not (QuantityKind.Money or QuantityKind.Measure or QuantityKind.Percent) || ua.Unit == "°" || s.Tokens[j + 1].Length < 2) return false;
        core = new Core
        {
            First = j, Last = j, NumStart = s.Tokens[j].Start, NumEnd = s.Tokens[j].End,
            Value = 1, Info = new NumberInfo { Scale = 1 }, Words = true,
        };
        return true;
    }

    /// <summary>"minus" or a minus sign glued to the digits after it ("-5", but not the dash in "3 - 5").</summary>
    private bool IsSign(in Scope s, int j)
    {
        ref readonly var t = ref s.Tokens[j];
        if (t.Kind == TokenKind.Dash)
            return t.Length == 1 && s.Text[t.Start] is '-' or '−' && s.Glued(j + 1)
                   && (j == s.First || t.Has(TokenFlags.SpaceBefore) || s.IsChar(j - 1, '<') || s.IsChar(j - 1, '>') || s.IsChar(j - 1, '='))
                   && !(j - 1 >= s.First && s.Tokens[j - 1].Kind == TokenKind.Number);
        if (s.Text[t.Start] == '−' && t.Length == 1) return s.Glued(j + 1);
        if (t.Kind != TokenKind.Word) return false;
        return _lex.NumberWords.TryGet(s.Word(j), out var atom) && atom.Class == AtomClass.Minus;
    }

    private bool TrySuffix(in Scope s, int k, out QualifierInfo q, out int len)
    {
        len = _lex.Suffixes.Match(s.Text, s.Tokens, k, s.End, out q);
        if (len == 0) return false;
        // "100+" is glued; "+" after a space is something else
        if (len == 1 && s.Tokens[k].Kind != TokenKind.Word && !s.Glued(k)) { len = 0; return false; }
        // "5000 or less than 6000", "200 or equal to 190": the words begin the next comparison
        int after = k + len;
        if (after < s.End && (s.Tokens[after].Kind == TokenKind.Number || IsNumberWordAt(in s, after) || s.Word(after).Equals("than", StringComparison.OrdinalIgnoreCase) || s.Word(after).Equals("als", StringComparison.OrdinalIgnoreCase)))
        {
            len = 0;
            return false;
        }
        return true;
    }

    private bool IsNumberWordAt(in Scope s, int k)
    {
        if (k >= s.End || s.Tokens[k].Kind != TokenKind.Word) return false;
        Span<NumberAtom> atoms = stackalloc NumberAtom[8];
        int c = NumberParser.WordAtoms(s.Word(k), _lex, atoms);
        return c > 0 && atoms[0].Class is AtomClass.Unit or AtomClass.Ten or AtomClass.Digits or AtomClass.Hundred;
    }

    /// <summary>A suffix after a prefix: a bound after an exact or approximate prefix ("about 500 or more"),
    /// or "or equal" after a bound ("more than 5000 or equal to").</summary>
    private static bool SuffixGoesWith(QualifierInfo? prefix, QualifierInfo suffix) =>
        prefix is not { } p || p.Bound == Bound.Exact || (suffix.Bound == Bound.Exact && !suffix.Approximate);

    // ================================================================ numbers

    /// <summary>The number starting at token j: digits (with a scale: "1,3 Millionen"), digits with a glued
    /// scale or unit ("10k", "5km"), or number words ("dreiundzwanzig", "two dozen", "Hunderte").</summary>
    private bool TryCore(in Scope s, int j, bool money, out Core core)
    {
        core = default;
        if (j < s.First || j >= s.End) return false;
        ref readonly var t = ref s.Tokens[j];
        Span<NumberAtom> atoms = stackalloc NumberAtom[MaxAtoms];
        Span<int> atomEnds = stackalloc int[MaxNumberTokens]; // atom count after each token
        int n = 0, ntok = 0;
        int lastDigitTok = j;
        bool yearLike = false;

        if (t.Kind == TokenKind.Number)
        {
            var w = s.Word(j);
            if (!NumberParser.TryParseDigits(w, _lex.GroupSeparator, out double v)) return false;
            // "1 234 567" with ordinary spaces
            bool plain = IsPlainDigits(w);
            if (plain && w.Length <= 3)
            {
                while (lastDigitTok + 1 < s.End && s.Tokens[lastDigitTok + 1].Kind == TokenKind.Number && s.Tokens[lastDigitTok + 1].Length == 3
                       && IsPlainDigits(s.Word(lastDigitTok + 1)) && s.Tokens[lastDigitTok + 1].Has(TokenFlags.SpaceBefore)
                       && s.Tokens[lastDigitTok + 1].Start - s.Tokens[lastDigitTok].End == 1)
                {
                    var g = s.Word(lastDigitTok + 1);
                    v = v * 1000 + (g[0] - '0') * 100 + (g[1] - '0') * 10 + (g[2] - '0');
                    lastDigitTok++;
                }
            }
            yearLike = plain && w.Length == 4 && lastDigitTok == j && v is >= 1500 and <= 2150;
            if (plain && lastDigitTok == j)
            {
                // "3/4", "1/2"; "2 1/4", "10 1/2 miles"; "2½"
                if (TryFraction(in s, j, out double f, out int fl)) { v = f; lastDigitTok = fl; }
                else if (w.Length <= 3 && j + 1 < s.End && s.Tokens[j + 1].Has(TokenFlags.SpaceBefore) && TryFraction(in s, j + 1, out f, out fl) && f < 1)
                {
                    v += f; lastDigitTok = fl;
                }
                else if (j + 1 < s.End && s.Glued(j + 1) && VulgarFraction(in s, j + 1) is double vf) { v += vf; lastDigitTok = j + 1; }
            }
            atoms[n++] = new NumberAtom(AtomClass.Digits, v);
            atomEnds[ntok++] = n;
        }
        else if (t.Kind == TokenKind.Word && char.IsAsciiDigit(s.Text[t.Start]))
        {
            return TryGluedCore(in s, j, money, out core);
        }
        else if (VulgarFraction(in s, j) is double vf0)
        {
            // "½", "¾"
            atoms[n++] = new NumberAtom(AtomClass.Digits, vf0);
            atomEnds[ntok++] = n;
        }
        else if (t.Kind == TokenKind.Punctuation && s.IsChar(j, '.') && j + 1 < s.End && s.Tokens[j + 1].Kind == TokenKind.Number && s.Glued(j + 1)
                 && (j == s.First || t.Has(TokenFlags.SpaceBefore)) && IsPlainDigits(s.Word(j + 1)))
        {
            // ".08": a decimal without its leading zero
            var d = s.Word(j + 1);
            double frac = 0, scale = 1;
            foreach (char c in d) { scale /= 10; frac += (c - '0') * scale; }
            atoms[n++] = new NumberAtom(AtomClass.Digits, Math.Round(frac, 12));
            atomEnds[ntok++] = n;
            lastDigitTok = j + 1;
        }
        else if (t.Kind != TokenKind.Word)
        {
            return false;
        }

        // number words (after digits: only scales and the like)
        int k = lastDigitTok + (n > 0 ? 1 : 0);
        while (k < s.End && ntok < MaxNumberTokens && n < MaxAtoms - 8)
        {
            ref readonly var tk = ref s.Tokens[k];
            if (tk.Kind == TokenKind.Number && n > 0 && atoms[n - 1].Class is AtomClass.Scale or AtomClass.Hundred or AtomClass.And or AtomClass.Divide
                && NumberParser.TryParseDigits(s.Word(k), _lex.GroupSeparator, out double dv)
                // "1 over 3", but not "$2000 over 3 years"
                && !(atoms[n - 1].Class == AtomClass.Divide && k + 1 < s.End && s.Tokens[k + 1].Kind == TokenKind.Word))
            {
                // "4 thousand 3 hundred and 21", "1 over 3"
                atoms[n++] = new NumberAtom(AtomClass.Digits, dv);
                atomEnds[ntok++] = n;
                k++;
                continue;
            }
            if (tk.Kind != TokenKind.Word || char.IsAsciiDigit(s.Text[tk.Start])) break;
            int c = NumberParser.WordAtoms(s.Word(k), _lex, atoms[n..]);
            if (c == 0) break;
            if (!CapitalizationAllows(in s, k, atoms[n]))
                break;
            // single-letter scale suffixes ("m", "k", "b") only count glued to digits ("10k")
            if (c == 1 && atoms[n].Class == AtomClass.Suffix && tk.Length <= 1) break;
            // "scores of people", but "test scores"
            if (c == 1 && atoms[n].Class == AtomClass.Vague && (_lex.RolesAt(s.Text, s.Tokens, k, k + 1) & ContextRole.VagueNeedsOf) != 0
                && !(k + 1 < s.End && s.Word(k + 1).Equals("of", StringComparison.OrdinalIgnoreCase))) break;
            n += c;
            atomEnds[ntok++] = n;
            k++;
        }
        if (n == 0) return false;

        // the longest prefix that is a number and ends at a token boundary
        double value = 0;
        NumberInfo info = default;
        int usedTokens = 0;
        int limit = n;
        while (limit > 0)
        {
            int used = NumberEvaluator.Evaluate(atoms[..limit], out value, out info);
            if (used == 0) return false;
            int tb = 0;
            while (tb < ntok && atomEnds[tb] <= used) tb++;
            // tb = number of whole tokens within the used atoms
            if (tb == 0) return false;
            if (atomEnds[tb - 1] == used) { usedTokens = tb; break; }
            limit = atomEnds[tb - 1];
        }
        if (usedTokens == 0) return false;

        int lastTok = lastDigitTok > j || s.Tokens[j].Kind == TokenKind.Number ? lastDigitTok + (usedTokens - 1) : j + usedTokens - 1;

        // a lone article ("ein", "a") is not a number
        bool words = s.Tokens[j].Kind == TokenKind.Word;
        if (words && usedTokens == 1)
        {
            Span<NumberAtom> one = stackalloc NumberAtom[8];
            int c = NumberParser.WordAtoms(s.Word(j), _lex, one);
            if (c == 1 && one[0].Class == AtomClass.Article) return false;
        }

        core = new Core
        {
            First = j,
            Last = lastTok,
            NumStart = s.Tokens[j].Start,
            NumEnd = s.Tokens[lastTok].End,
            Value = value,
            Info = info,
            Words = words,
            YearLike = yearLike && lastTok == j,
        };
        return true;
    }

    /// <summary>"3/4", "1/2": a proper fraction in digits, with a usual denominator; not "24/7", "9/11" or a date "5/17/2018".</summary>
    private bool TryFraction(in Scope s, int j, out double value, out int last)
    {
        value = 0;
        last = -1;
        if (j + 2 >= s.End || s.Tokens[j].Kind != TokenKind.Number || !s.IsChar(j + 1, '/') || !s.Glued(j + 1) || !s.Glued(j + 2)
            || s.Tokens[j + 2].Kind != TokenKind.Number) return false;
        var a = s.Word(j);
        var b = s.Word(j + 2);
        if (!IsPlainDigits(a) || !IsPlainDigits(b) || a.Length > 3 || b.Length > 3) return false;
        if (j + 3 < s.Tokens.Length && s.Glued(j + 3) && (s.IsChar(j + 3, '/') || s.Tokens[j + 3].Kind == TokenKind.Dash)) return false; // "5/17/2018", "10/1-11/7"
        if (j - 1 >= 0 && s.Glued(j) && (s.IsChar(j - 1, '/') || s.Tokens[j - 1].Kind == TokenKind.Dash && j - 2 >= 0 && s.Tokens[j - 2].Kind == TokenKind.Number && s.Glued(j - 1))) return false;
        int num = int.Parse(a, CultureInfo.InvariantCulture), den = int.Parse(b, CultureInfo.InvariantCulture);
        if (num <= 0 || num >= den || den is not (2 or 3 or 4 or 5 or 6 or 8 or 10 or 16 or 32 or 64 or 100)) return false;
        value = (double)num / den;
        last = j + 2;
        return true;
    }

    /// <summary>"½", "¾", "⅔": a vulgar fraction character.</summary>
    private static double? VulgarFraction(in Scope s, int k)
    {
        if (k >= s.End || s.Tokens[k].Length != 1) return null;
        char c = s.Text[s.Tokens[k].Start];
        if (char.GetUnicodeCategory(c) != UnicodeCategory.OtherNumber) return null;
        double v = char.GetNumericValue(c);
        return v is > 0 and < 1 ? v : null;
    }

    /// <summary>"3-5", "5k-20k", "2019-2021": one hyphenated token holding both ends of a range.</summary>
    private bool TryHyphenRange(in Scope s, int j, out Core lower, out Core upper)
    {
        lower = upper = default;
        if (j >= s.End) return false;
        ref readonly var t = ref s.Tokens[j];
        if (t.Kind != TokenKind.Word || !t.Has(TokenFlags.Hyphenated) || !char.IsAsciiDigit(s.Text[t.Start])) return false;
        var w = s.Word(j);
        int h = w.IndexOfAny('-', '‐');
        if (h <= 0 || h == w.Length - 1 || w[(h + 1)..].IndexOfAny('-', '‐') >= 0) return false;
        if (!RangeEnd(w[..h], out double a, out double sa) || !RangeEnd(w[(h + 1)..], out double b, out double sb)) return false;
        bool ya = IsPlainDigits(w[..h]) && h == 4 && a is >= 1500 and <= 2150;
        bool yb = IsPlainDigits(w[(h + 1)..]) && w.Length - h - 1 == 4 && b is >= 1500 and <= 2150;
        if (w[0] == '0' && h > 1) return false;
        lower = new Core { First = j, Last = j, NumStart = t.Start, NumEnd = t.Start + h, Value = a, Info = new NumberInfo { Scale = sa }, YearLike = ya };
        upper = new Core { First = j, Last = j, NumStart = t.Start + h + 1, NumEnd = t.End, Value = b, Info = new NumberInfo { Scale = sb }, YearLike = yb };
        return true;
    }

    /// <summary>A number and a unit joined by a hyphen: "45-acre", "2.5-mile", "three-day", "5-Prozent-Hürde".</summary>
    private bool TryHyphenUnit(in Scope s, int j, out Quantity? q)
    {
        q = null;
        ref readonly var t = ref s.Tokens[j];
        if (t.Kind != TokenKind.Word || !t.Has(TokenFlags.Hyphenated)) return false;
        var w = s.Word(j);
        int h = w.IndexOfAny('-', '‐');
        if (h <= 0 || h == w.Length - 1) return false;
        int h2 = w[(h + 1)..].IndexOfAny('-', '‐');
        var unitPart = h2 < 0 ? w[(h + 1)..] : w.Slice(h + 1, h2);
        if (!_lex.WordUnits.TryGet(unitPart, out var unit)) return false;
        double value;
        var left = w[..h];
        if (char.IsAsciiDigit(left[0]))
        {
            if (!NumberParser.TryParseDigits(left, _lex.GroupSeparator, out value)) return false;
        }
        else
        {
            Span<NumberAtom> atoms = stackalloc NumberAtom[12];
            int n = NumberParser.WordAtoms(left, _lex, atoms);
            if (n == 0 || NumberEvaluator.Evaluate(atoms[..n], out value, out var info) != n || info.Vague) return false;
            if (n == 1 && atoms[0].Class == AtomClass.Article) return false;
        }
        if (unit.Kind == QuantityKind.Age && char.IsLower(unitPart[0])
            && !(j + 1 < s.End && (_lex.RolesAt(s.Text, s.Tokens, j + 1, j + 2) & ContextRole.AgeNoun) != 0))
            unit = DurationIn(unit); // "die 5-jährige Haftstrafe" is a time span; "der 45-jährige Mann" an age
        else if (unit.Kind == QuantityKind.Duration && h2 >= 0 && _lex.Context.TryGetWord(w[(h + 1 + h2 + 1)..], out var role) && (role & ContextRole.AgeAfter) != 0)
            unit = AgeIn(unit); // "45-year-old"
        q = new Quantity
        {
            Span = t.Span,
            Number = new TextSpan(t.Start, h),
            Kind = unit.Kind,
            Value = value,
            Counted = new TextSpan(t.Start + h + 1, unitPart.Length),
            Unit = unit.Unit,
        };
        return true;
    }

    /// <summary>"555-1234": a 3-digit and a 4-digit group, neither of them round, is a phone number, not a range.</summary>
    private static bool LooksLikePhoneNumber(ReadOnlySpan<char> w)
    {
        int h = w.IndexOfAny('-', '‐');
        var a = w[..h];
        var b = w[(h + 1)..];
        return IsPlainDigits(a) && IsPlainDigits(b) && a.Length >= 3 && b.Length >= 4 && b.Length > a.Length
            && a[^1] != '0' && !b.EndsWith("00");
    }

    private bool RangeEnd(ReadOnlySpan<char> part, out double value, out double scale)
    {
        scale = 1;
        value = 0;
        int d = 0;
        while (d < part.Length && (char.IsAsciiDigit(part[d]) || part[d] is '.' or ',')) d++;
        if (d == 0 || !NumberParser.TryParseDigits(part[..d], _lex.GroupSeparator, out value)) return false;
        if (d == part.Length) return true;
        if (_lex.NumberWords.TryGet(part[d..], out var atom) && atom.Class is AtomClass.Suffix)
        {
            scale = atom.Value;
            value = Math.Round(value * scale, 6);
            return true;
        }
        return false;
    }

    /// <summary>"10k", "5bn", "5km", "3,5%"-style tokens: digits with a scale or unit glued on.</summary>
    private bool TryGluedCore(in Scope s, int j, bool money, out Core core)
    {
        core = default;
        ref readonly var t = ref s.Tokens[j];
        if (t.Has(TokenFlags.Ordinal)) return false;
        var w = s.Word(j);
        int d = 0;
        while (d < w.Length && (char.IsAsciiDigit(w[d]) || w[d] is '.' or ',')) d++;
        while (d > 0 && w[d - 1] is '.' or ',') d--;
        if (d == 0 || d == w.Length) return false;
        if (!NumberParser.TryParseDigits(w[..d], _lex.GroupSeparator, out double v)) return false;
        var tail = w[d..];
        if (TryExponent(in s, j, tail, out int exp, out int expLast))
        {
            // "1e10", "1.3e6", "12e-1", "12.32e+14"
            double r = v * Math.Pow(10, exp);
            if (double.IsInfinity(r) || r == 0 && v != 0) return false;
            core = new Core { First = j, Last = expLast, NumStart = t.Start, NumEnd = s.Tokens[expLast].End, Value = r, Info = new NumberInfo { Scale = 1 } };
            return true;
        }
        if (t.Has(TokenFlags.Hyphenated)) return false;
        if (tail is "x10" or "×10" or "X10" && j + 2 < s.End && s.IsChar(j + 1, '^') && s.Glued(j + 1))
        {
            // "1.3x10^6": the exponent follows
            core = new Core { First = j, Last = j, NumStart = t.Start, NumEnd = t.End, Value = v, Info = new NumberInfo { Scale = 1 }, TimesTen = true };
            return true;
        }
        // "10M", "10G": a capital letter is a scale (million, giga), not a unit (metres, grams)
        bool capitalLetter = tail.Length == 1 && char.IsUpper(tail[0]);

        bool nextIsMoney = _lex.UnitsAfter.Match(s.Text, s.Tokens, j + 1, s.End, out var after) > 0 && after.Kind == QuantityKind.Money;
        UnitInfo? glued = null;
        if (!capitalLetter) _lex.GluedUnits.TryGet(tail, out glued);
        if (_lex.NumberWords.TryGet(tail, out var atom) && atom.Class is AtomClass.Suffix or AtomClass.Scale
            && (glued is null || money || nextIsMoney))
        {
            core = new Core
            {
                First = j, Last = j, NumStart = t.Start, NumEnd = t.End,
                Value = Math.Round(v * atom.Value, 6),
                Info = new NumberInfo { Scale = atom.Value },
            };
            return true;
        }
        if (glued is not null)
        {
            core = new Core
            {
                First = j, Last = j, NumStart = t.Start, NumEnd = t.Start + d,
                Value = v,
                Info = new NumberInfo { Scale = 1 },
                GluedUnit = glued,
                GluedUnitSpan = TextSpan.FromBounds(t.Start + d, t.End),
            };
            return true;
        }
        return false;
    }

    /// <summary>"e10", "e-1" (the hyphenated token), or "e" then a glued "+14" / "-1".</summary>
    private static bool TryExponent(in Scope s, int j, ReadOnlySpan<char> tail, out int exp, out int last)
    {
        exp = 0;
        last = j;
        if (tail.Length == 0 || tail[0] is not ('e' or 'E')) return false;
        var rest = tail[1..];
        if (rest.Length > 0)
            return rest.Length <= 4 && int.TryParse(rest, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exp) && exp is > -300 and < 300
                   && (char.IsAsciiDigit(rest[0]) || rest.Length > 1);
        if (j + 2 >= s.End || !s.Glued(j + 1) || !s.Glued(j + 2) || s.Tokens[j + 2].Kind != TokenKind.Number || !IsPlainDigits(s.Word(j + 2))) return false;
        bool minus = s.Tokens[j + 1].Kind == TokenKind.Dash || s.IsChar(j + 1, '−');
        if (!minus && !s.IsChar(j + 1, '+')) return false;
        var digits = s.Word(j + 2);
        if (digits.Length > 3) return false;
        exp = int.Parse(digits, CultureInfo.InvariantCulture) * (minus ? -1 : 1);
        last = j + 2;
        return true;
    }

    /// <summary>"1.1^23", "2.5^-1", "1.3x10^6": a power after the number.</summary>
    private static bool TryPower(in Scope s, ref Core core)
    {
        int k = core.Last + 1;
        if (k + 1 >= s.End || !s.IsChar(k, '^') || !s.Glued(k) || !s.Glued(k + 1)) return false;
        int e = k + 1;
        int sign = 1;
        if ((s.Tokens[e].Kind == TokenKind.Dash || s.IsChar(e, '+') || s.IsChar(e, '−')) && e + 1 < s.End && s.Glued(e + 1))
        {
            sign = s.IsChar(e, '+') ? 1 : -1;
            e++;
        }
        if (s.Tokens[e].Kind != TokenKind.Number || !IsPlainDigits(s.Word(e)) || s.Tokens[e].Length > 3) return false;
        int exp = sign * int.Parse(s.Word(e), CultureInfo.InvariantCulture);
        double r = core.TimesTen ? core.Value * Math.Pow(10, exp) : Math.Pow(core.Value, exp);
        if (double.IsInfinity(r) || double.IsNaN(r)) return false;
        core.Value = r;
        core.Last = e;
        core.NumEnd = s.Tokens[e].End;
        core.TimesTen = false;
        core.YearLike = false;
        return true;
    }

    /// <summary>Number words written with a capital are names ("Kanal Eins", "Channel One") unless they
    /// start the sentence; German number nouns ("Hunderte", "Millionen", "Dutzend") are always capitalized.</summary>
    private bool CapitalizationAllows(in Scope s, int k, NumberAtom first)
    {
        if (!s.Tokens[k].Has(TokenFlags.Capitalized)) return true;
        if (first.Class is AtomClass.Scale or AtomClass.Suffix or AtomClass.Vague or AtomClass.Dozen or AtomClass.Fraction or AtomClass.Hundred or AtomClass.Point)
            return true;
        if (IsSentenceStart(in s, k)) return true;
        if (s.Tokens[k].Has(TokenFlags.AllCaps)) return true; // headline in capitals
        return false;
    }

    private static bool IsSentenceStart(in Scope s, int k)
    {
        int p = k - 1;
        while (p >= s.First && s.Tokens[p].Kind == TokenKind.Quote && s.Tokens[p].Has(TokenFlags.Opening)) p--;
        if (p < s.First) return true;
        if (s.Tokens[p].Length == 1 && s.Text[s.Tokens[p].Start] is ':' or '(' or '–' or '—') return true;
        return false;
    }

    private static bool IsPlainDigits(ReadOnlySpan<char> w)
    {
        foreach (char c in w) if (!char.IsAsciiDigit(c)) return false;
        return w.Length > 0;
    }

    /// <summary>References, clock times, scores, phone numbers: skip the number and say where to go on.</summary>
    private bool IsNotAQuantity(in Scope s, in Core core, out int skipTo)
    {
        skipTo = core.Last + 1;
        if (!IsNotAQuantityCore(in s, in core, ref skipTo)) return false;
        if (!core.Words)
        {
            // the rest of a phone number or reference: "0800 123456", "+49 30 1234567", "030/1234-5"
            int q = skipTo;
            while (q < s.End && (s.Tokens[q].Kind == TokenKind.Number
                   || (s.Tokens[q].Kind == TokenKind.Word && s.Tokens[q].Has(TokenFlags.Hyphenated) && char.IsAsciiDigit(s.Text[s.Tokens[q].Start]))
                   || ((s.IsChar(q, '/') || s.Tokens[q].Kind == TokenKind.Dash) && s.Glued(q) && q + 1 < s.End && s.Glued(q + 1))))
                q++;
            skipTo = q;
        }
        return true;
    }

    private bool IsNotAQuantityCore(in Scope s, in Core core, ref int skipTo)
    {
        var tokens = s.Tokens;
        int p = core.First - 1;
        // "S. 12", "Artikel 5", "Tel. 030 ..."
        if ((_lex.RolesEndingAt(s.Text, tokens, p, s.First) & ContextRole.RefBefore) != 0) return true;
        // "14 Uhr", "5 p.m."
        if ((_lex.RolesAt(s.Text, tokens, core.Last + 1, s.End) & ContextRole.SkipAfter) != 0) return true;
        if (core.Words) return false;
        // "+49 30 1234567": a number glued to a plus sign
        if (p >= s.First && s.IsChar(p, '+') && s.Glued(core.First)) return true;
        // "030", "0800": a leading zero
        var w = s.Word(core.First);
        if (w.Length >= 3 && w[0] == '0' && IsPlainDigits(w)) return true;
        // "14:30", "3:1", "1:0-Sieg", "030/1234567", "24/7", "1&1"
        int nxt = core.Last + 1;
        if (nxt + 1 < s.End && s.Glued(nxt) && IsNumberJoiner(in s, nxt) && s.Glued(nxt + 1) && StartsWithDigit(in s, nxt + 1))
            return true;
        if (p - 1 >= s.First && s.Glued(core.First) && IsNumberJoiner(in s, p) && s.Glued(p) && EndsWithDigit(in s, p - 1))
            return true;
        // "(15.)", "(75. Hwang)": a match minute or list mark in brackets
        if (nxt < s.Tokens.Length && s.IsChar(nxt, '.') && s.Glued(nxt) && p >= s.First && s.IsChar(p, '(') && s.Glued(core.First))
        {
            skipTo = nxt + 1;
            return true;
        }
        // "Anja Hagenauer (46)", "Aysha (35, Name geändert)": an age after a name
        if (p - 1 >= s.First && s.IsChar(p, '(') && s.Tokens[p - 1].Kind == TokenKind.Word && s.Tokens[p - 1].Has(TokenFlags.Capitalized)
            && nxt < s.End && (s.IsChar(nxt, ')') || s.IsChar(nxt, ',')) && core.Value is >= 1 and < 120)
            return true;
        return false;
    }

    private static bool IsNumberJoiner(in Scope s, int k) => s.IsChar(k, ':') || s.IsChar(k, '/') || s.IsChar(k, '&');
    private static bool StartsWithDigit(in Scope s, int k) => k < s.Tokens.Length && char.IsAsciiDigit(s.Text[s.Tokens[k].Start]);
    private static bool EndsWithDigit(in Scope s, int k) => k >= 0 && char.IsAsciiDigit(s.Text[s.Tokens[k].End - 1]);

    // ================================================================ counted noun phrase

    /// <summary>The noun phrase a number counts: German [adjectives] Noun ("aktive Soldat:innen"), English
    /// [modifiers] noun ("North Korean volunteers"), possibly in quotes („Freiwillige“).</summary>
    private bool TryCounted(in Scope s, int k, bool vague, out TextSpan counted, out int lastTok)
    {
        counted = default;
        lastTok = -1;
        if (k >= s.End) return false;
        // "Tausende von Menschen", "dozens of people"
        if (vague && s.Tokens[k].Kind == TokenKind.Word && (s.Word(k).Equals("of", StringComparison.OrdinalIgnoreCase) || s.Word(k).Equals("von", StringComparison.OrdinalIgnoreCase)))
            k++;
        bool quoted = false;
        if (k < s.End && s.Tokens[k].Kind == TokenKind.Quote && s.Tokens[k].Has(TokenFlags.Opening)) { quoted = true; k++; }
        if (k >= s.End) return false;

        int head = _german ? GermanHead(in s, k) : EnglishHead(in s, k);
        if (head < 0) return false;
        // The whole phrase, modifiers included: "1,3 Millionen aktive Soldat:innen" counts active soldiers.
        counted = TextSpan.FromBounds(s.Tokens[k].Start, s.Tokens[head].End);
        lastTok = head;
        if (quoted && head + 1 < s.End && s.Tokens[head + 1].Kind == TokenKind.Quote && s.Tokens[head + 1].Has(TokenFlags.Closing))
            lastTok = head + 1;
        return true;
    }

    private int GermanHead(in Scope s, int k)
    {
        int adjectives = 0;
        while (k < s.End)
        {
            ref readonly var t = ref s.Tokens[k];
            if (t.Kind != TokenKind.Word || char.IsAsciiDigit(s.Text[t.Start])) return -1;
            var w = s.Word(k);
            if (t.Has(TokenFlags.Capitalized))
            {
                if (_lex.Months.TryGet(w, out _)) return -1;
                if (_lex.CountedStops.Contains(w)) return -1;
                return k;
            }
            if (adjectives >= 3 || _lex.CountedStops.Contains(w) || !LooksLikeGermanAdjective(w)) return -1;
            adjectives++;
            k++;
        }
        return -1;
    }

    /// <summary>An inflected attributive adjective or participle: lower case, ending in -e, -en, -er, -es, -em.</summary>
    private static bool LooksLikeGermanAdjective(ReadOnlySpan<char> w)
    {
        if (w.Length < 4 || !char.IsLower(w[0])) return false;
        return w.EndsWith("e") || w.EndsWith("en") || w.EndsWith("er") || w.EndsWith("es") || w.EndsWith("em");
    }

    private int EnglishHead(in Scope s, int k)
    {
        int first = k, lastWord = -1, count = 0;
        Span<NumberAtom> probe = stackalloc NumberAtom[8];
        while (k < s.End && count < 4)
        {
            ref readonly var t = ref s.Tokens[k];
            if (t.Kind != TokenKind.Word || char.IsAsciiDigit(s.Text[t.Start]) || t.Has(TokenFlags.HasDigit)) break;
            var w = s.Word(k);
            if (_lex.CountedStops.Contains(w)) break;
            if (w.Length > 3 && w.EndsWith("ly", StringComparison.OrdinalIgnoreCase)) break;
            if (t.Has(TokenFlags.Capitalized) && _lex.Months.TryGet(w, out _)) break;
            if (NumberParser.WordAtoms(w, _lex, probe) > 0) break;
            lastWord = k;
            count++;
            k++;
            // a plural noun followed by a lower-case word usually ends the phrase ("people died")
            if (IsLikelyPluralNoun(w) && k < s.End && s.Tokens[k].Kind == TokenKind.Word && !s.Tokens[k].Has(TokenFlags.Capitalized))
                break;
        }
        if (lastWord < 0) return -1;
        // trailing verbs: "5 people killed", "10 soldiers fleeing"
        while (lastWord > first && LooksLikeVerbForm(s.Word(lastWord))) lastWord--;
        if (lastWord == first && LooksLikeVerbForm(s.Word(first)) && !(first + 1 < s.End && s.Tokens[first + 1].Kind == TokenKind.Word)) return -1;
        return lastWord;
    }

    private static bool IsLikelyPluralNoun(ReadOnlySpan<char> w) =>
        w.Length > 3 && (w[^1] == 's' || w[^1] == 'S') && !w.EndsWith("ss", StringComparison.OrdinalIgnoreCase)
        && !w.EndsWith("us", StringComparison.OrdinalIgnoreCase) && !w.EndsWith("is", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeVerbForm(ReadOnlySpan<char> w) =>
        w.Length > 4 && (w.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || w.EndsWith("ing", StringComparison.OrdinalIgnoreCase));

    // ================================================================ ranks and ordinals

    /// <summary>
    /// An ordinal at token i. A rank when a superlative or a rank noun goes with it ("viertgrößte", "third
    /// largest", "4th place", "Platz 4"); otherwise a place in a sequence ("die dritte Runde", "the 11th",
    /// "one hundred twenty-fifth"). Homographs ("achten", "second") need an article before or a noun after.
    /// </summary>
    private bool TryRank(in Scope s, int i, out Quantity? q, out int next)
    {
        q = null;
        next = i + 1;
        ref readonly var t = ref s.Tokens[i];
        long rank = 0;
        int last = -1;
        TextSpan number = default;
        var kind = QuantityKind.Rank;

        if (t.Kind == TokenKind.Word)
        {
            var w = s.Word(i);
            if (w.Length > 64) return false;
            Span<char> lower = stackalloc char[w.Length];
            w.ToLowerInvariant(lower);
            int h = lower.IndexOfAny('-', '‐');
            if (h > 0 && NumberParser.TryParseOrdinal(lower[..h], _lex, out long rh) && IsSuperlative(lower[(h + 1)..], out bool most0))
            {
                // "fourth-largest", "4th-biggest", "second-most [populous]"
                rank = rh;
                last = i;
                if (most0 && i + 1 < s.End && s.Tokens[i + 1].Kind == TokenKind.Word) last = i + 1;
            }
            else if (h < 0 && _german && TryGermanRankCompound(lower, out long rc))
            {
                rank = rc; last = i; // "viertgrößte", "drittstärkste"
            }
            else if ((!char.IsAsciiDigit(w[0]) || t.Has(TokenFlags.Ordinal))
                     && NumberParser.TryParseOrdinal(w, _lex, out long r) && r > 0 && (t.Has(TokenFlags.Ordinal) || !IsCardinalWord(w)))
            {
                // "third largest", "4th place", "dritter Platz"; else a plain ordinal ("die dritte Banane", "11th")
                if (i + 1 < s.End && s.Tokens[i + 1].Kind == TokenKind.Word && IsSuperlativeAt(in s, i + 1, out bool most))
                {
                    rank = r;
                    last = i + 1;
                    if (most && i + 2 < s.End && s.Tokens[i + 2].Kind == TokenKind.Word) last = i + 2;
                }
                else if (i + 1 < s.End && (_lex.RolesAt(s.Text, s.Tokens, i + 1, s.End) & ContextRole.RankNoun) != 0)
                {
                    rank = r;
                    last = i + 1;
                }
                else if (i - 1 >= s.First && (_lex.RolesAt(s.Text, s.Tokens, i - 1, i) & ContextRole.RankVerb) != 0)
                {
                    rank = r; // "she finished second", "er wurde Zweiter"
                    last = i;
                }
                else if (!IsHomograph(in s, i) || OrdinalContext(in s, i))
                {
                    rank = r;
                    last = i;
                    kind = QuantityKind.Ordinal;
                }
            }
            // "zuerst", "firstly": an ordinal as an adverb
            if (rank == 0 && _lex.OrdinalAdverbs.TryGetWord(w, out int adverb))
            {
                rank = adverb;
                last = i;
                kind = QuantityKind.Ordinal;
            }
            if (rank > 0) number = t.Span;
            // "Platz 4", "Rang zwei"
            if (rank == 0 && _german && i + 1 < s.End && (_lex.RolesAt(s.Text, s.Tokens, i, i + 1) & ContextRole.RankNoun) != 0)
            {
                ref readonly var nt = ref s.Tokens[i + 1];
                Span<NumberAtom> atoms = stackalloc NumberAtom[8];
                if (nt.Kind == TokenKind.Number && IsPlainDigits(s.Word(i + 1)) && nt.Length <= 3)
                    rank = int.Parse(s.Word(i + 1), CultureInfo.InvariantCulture);
                else if (nt.Kind == TokenKind.Word && !nt.Has(TokenFlags.Capitalized))
                {
                    int c = NumberParser.WordAtoms(s.Word(i + 1), _lex, atoms);
                    if (c > 0 && NumberEvaluator.Evaluate(atoms[..c], out double v, out var info) == c && !info.Vague && v >= 1 && v < 1000 && v == Math.Floor(v))
                        rank = (long)v;
                }
                if (rank > 0)
                {
                    last = i + 1;
                    number = nt.Span;
                    q = new Quantity { Span = SpanOf(in s, i, i + 1), Number = number, Kind = QuantityKind.Rank, Value = rank, Counted = t.Span };
                    next = i + 2;
                    return true;
                }
            }
            // "one hundred twenty-fifth", "a hundred trillionth", "einhundert Millionste"
            if (rank == 0 && i + 1 < s.End && s.Tokens[i + 1].Kind == TokenKind.Word
                && (lower.Length >= 2 ? _lex.NumberWordStarts.TryGetLower(lower[..2], out _) : _lex.NumberWords.TryGetLower(lower, out _))
                && TryOrdinalPhrase(in s, i, out long rp, out int lastWord))
            {
                rank = rp;
                last = lastWord;
                kind = QuantityKind.Ordinal;
                number = SpanOf(in s, i, lastWord);
                if (lastWord + 1 < s.End && s.Tokens[lastWord + 1].Kind == TokenKind.Word && IsSuperlativeAt(in s, lastWord + 1, out _))
                {
                    kind = QuantityKind.Rank;
                    last = lastWord + 1;
                }
            }
        }
        else if (t.Kind == TokenKind.Number && _german)
        {
            // "der 4. Platz", "die 2. Liga", "am 3. größten": digits, a glued period, an article before, a word after
            var w = s.Word(i);
            if (!IsPlainDigits(w) || w.Length > 3 || i + 2 >= s.Tokens.Length) return false;
            if (!s.IsChar(i + 1, '.') || !s.Glued(i + 1) || s.Tokens[i + 2].Has(TokenFlags.ParagraphBefore) || s.Tokens[i + 2].Kind != TokenKind.Word) return false;
            if ((_lex.RolesEndingAt(s.Text, s.Tokens, i - 1, s.First) & ContextRole.OrdinalBefore) == 0) return false;
            if (IsMonth(in s, i + 2, out _)) return false;
            rank = int.Parse(w, CultureInfo.InvariantCulture);
            if (rank == 0) return false;
            number = TextSpan.FromBounds(t.Start, s.Tokens[i + 1].End);
            last = i + 1;
            var nw = s.Word(i + 2);
            Span<char> nl = stackalloc char[Math.Min(nw.Length, 64)];
            nw[..nl.Length].ToLowerInvariant(nl);
            if (IsSuperlative(nl, out _) || (_lex.RolesAt(s.Text, s.Tokens, i + 2, s.Tokens.Length) & ContextRole.RankNoun) != 0) last = i + 2;
            else kind = QuantityKind.Ordinal;
        }
        if (rank <= 0 || last < 0) return false;

        // the ranked noun, when it follows: "die viertgrößte Armee", "fourth-largest army"
        TextSpan? counted = null;
        int end = last;
        int n = last + 1;
        int limit = Math.Max(s.End, Math.Min(s.Tokens.Length, last + 2));
        if (n < limit && s.Tokens[n].Kind == TokenKind.Word && !char.IsAsciiDigit(s.Text[s.Tokens[n].Start]))
        {
            var nw = s.Word(n);
            bool noun = _german
                ? s.Tokens[n].Has(TokenFlags.Capitalized) && !_lex.CountedStops.Contains(nw) && !s.Tokens[n].Has(TokenFlags.ParagraphBefore)
                : !_lex.CountedStops.Contains(nw) && !s.Tokens[n].Has(TokenFlags.Capitalized) && n < s.End;
            if (noun && (_lex.RolesAt(s.Text, s.Tokens, last, last + 1) & ContextRole.RankNoun) == 0)
            {
                counted = s.Tokens[n].Span;
                end = n;
            }
        }
        if ((_lex.RolesAt(s.Text, s.Tokens, last, last + 1) & ContextRole.RankNoun) != 0 && last != i) counted = s.Tokens[last].Span;

        q = new Quantity
        {
            Span = TextSpan.FromBounds(s.Tokens[i].Start, s.Tokens[end].End),
            Number = number,
            Kind = kind,
            Value = rank,
            Counted = counted,
        };
        next = end + 1;
        return true;
    }

    private bool IsSuperlativeAt(in Scope s, int k, out bool most)
    {
        var nw = s.Word(k);
        Span<char> nl = stackalloc char[Math.Min(nw.Length, 64)];
        nw[..nl.Length].ToLowerInvariant(nl);
        return IsSuperlative(nl, out most);
    }

    /// <summary>A word that is an ordinal and something else ("achten": to heed; "second": a unit of time).</summary>
    private bool IsHomograph(in Scope s, int i) => (_lex.RolesAt(s.Text, s.Tokens, i, i + 1) & ContextRole.OrdinalHomograph) != 0;

    /// <summary>An article or possessive before the ordinal, or a noun after it: "die achten Klassen", "a second term".</summary>
    private bool OrdinalContext(in Scope s, int i)
    {
        if (i - 1 >= s.First && (_lex.RolesAt(s.Text, s.Tokens, i - 1, i) & ContextRole.OrdinalBefore) != 0) return true;
        int n = i + 1;
        if (n >= s.End || s.Tokens[n].Kind != TokenKind.Word || char.IsAsciiDigit(s.Text[s.Tokens[n].Start])) return false;
        var nw = s.Word(n);
        if (_lex.CountedStops.Contains(nw)) return false;
        return _german ? s.Tokens[n].Has(TokenFlags.Capitalized) : !s.Tokens[n].Has(TokenFlags.Capitalized) && !nw.EndsWith("ly", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Cardinal number words, then an ordinal word: "one hundred twenty-fifth", "two hundredth",
    /// "twenty-one trillion and three hundred twenty second", "einhundert Millionste". Not "one fifth" or
    /// "forty two and a third" (fractions).</summary>
    private bool TryOrdinalPhrase(in Scope s, int i, out long value, out int lastWord)
    {
        value = 0;
        lastWord = -1;
        // cheap test first: the next word must begin like a number or ordinal word
        if (i + 1 >= s.End || s.Tokens[i + 1].Length < 2) return false;
        Span<char> next2 = stackalloc char[2];
        next2[0] = char.ToLowerInvariant(s.Text[s.Tokens[i + 1].Start]);
        next2[1] = char.ToLowerInvariant(s.Text[s.Tokens[i + 1].Start + 1]);
        if (!_lex.DayWordStarts.TryGetLower(next2, out _)) return false;
        Span<NumberAtom> atoms = stackalloc NumberAtom[8];
        if (NumberParser.WordAtoms(s.Word(i), _lex, atoms) == 0 || atoms[0].Class is AtomClass.And or AtomClass.Of or AtomClass.Vague or AtomClass.Minus or AtomClass.Point or AtomClass.Divide)
            return false;
        if (s.Tokens[i].Has(TokenFlags.Capitalized) && !CapitalizationAllows(in s, i, atoms[0])) return false;
        int k = i + 1;
        Span<char> two = stackalloc char[2];
        while (k < s.End && k - i < 12 && s.Tokens[k].Kind == TokenKind.Word && !char.IsAsciiDigit(s.Text[s.Tokens[k].Start]))
        {
            var w = s.Word(k);
            // cheap test first: the word must begin like a number or ordinal word
            if (w.Length < 2) return false;
            two[0] = char.ToLowerInvariant(w[0]);
            two[1] = char.ToLowerInvariant(w[1]);
            if (!_lex.DayWordStarts.TryGetLower(two, out _)) return false;
            if (NumberParser.TryParseOrdinal(w, _lex, out long tail) && tail > 0)
            {
                // a fraction word after "one"/"a" is a fraction: "one fifth", "a third"
                int c = NumberParser.WordAtoms(w, _lex, atoms);
                bool fractionWord = c == 1 && atoms[0].Class == AtomClass.Fraction;
                if (NumberParser.TryParseOrdinalPhrase(s.Text.AsSpan(s.Tokens[i].Start, s.Tokens[k].End - s.Tokens[i].Start), _lex, out long v)
                    && !(fractionWord && k == i + 1 && v == tail))
                {
                    value = v;
                    lastWord = k;
                    return true;
                }
                return false;
            }
            if (NumberParser.WordAtoms(w, _lex, atoms) == 0) return false;
            k++;
        }
        return false;
    }

    /// <summary>"acht" is a cardinal (the eight best), "fourth" is an ordinal even though it also names a fraction.</summary>
    private bool IsCardinalWord(ReadOnlySpan<char> w)
    {
        Span<NumberAtom> atoms = stackalloc NumberAtom[8];
        int n = NumberParser.WordAtoms(w, _lex, atoms);
        if (n == 0) return false;
        for (int k = 0; k < n; k++) if (atoms[k].Class == AtomClass.Fraction) return false; // "twenty-fifth"
        return true;
    }

    /// <summary>"viertgrößte": an ordinal stem, then a superlative (-ste, -sten, -ster, -stes, -stem).</summary>
    private bool TryGermanRankCompound(ReadOnlySpan<char> lower, out long rank)
    {
        rank = 0;
        if (lower.Length < 8) return false;
        for (int len = Math.Min(10, lower.Length - 4); len >= 4; len--)
        {
            var rest = lower[len..];
            if (!IsGermanSuperlative(rest)) continue;
            if (NumberParser.GermanOrdinalStem(lower[..len], _lex, out rank) && rank >= 2) return true;
        }
        return false;
    }

    /// <summary>An inflected German superlative: -st or -ßt plus -e/-en/-er/-es/-em ("größte", "stärksten", "höchster").</summary>
    private static bool IsGermanSuperlative(ReadOnlySpan<char> w)
    {
        if (w.Length < 4) return false;
        ReadOnlySpan<char> stem;
        if (w.EndsWith("e")) stem = w[..^1];
        else if (w.EndsWith("en") || w.EndsWith("er") || w.EndsWith("es") || w.EndsWith("em")) stem = w[..^2];
        else return false;
        return stem.Length >= 3 && (stem.EndsWith("st") || stem.EndsWith("ßt"));
    }

    private bool IsSuperlative(ReadOnlySpan<char> lower, out bool most)
    {
        most = lower is "most" or "least" or "meisten";
        if (most) return true;
        if (_german) return IsGermanSuperlative(lower) && lower.Length >= 5;
        return lower.Length >= 5 && lower.EndsWith("est") || lower is "best" or "worst";
    }

    private static TextSpan SpanOf(in Scope s, int first, int last) => TextSpan.FromBounds(s.Tokens[first].Start, s.Tokens[last].End);
}
