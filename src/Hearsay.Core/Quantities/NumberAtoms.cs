namespace Hearsay.Quantities;

/// <summary>What a piece of a number expression does (see the class column of number-words.tsv).</summary>
internal enum AtomClass : byte
{
    Digits,   // a number written in digits ("1,3", "100.000")
    Unit,     // 0-19 and plain values ("drei", "eleven", "anderthalb")
    Ten,      // 20-90
    Hundred,
    Scale,    // thousand, Million(en), billion: multiplies what precedes
    Suffix,   // Mio., Mrd., bn, k: a scale written after digits
    Article,  // ein/eine/a/an: 1 before a multiplier
    And,      // und/and
    Dozen,
    Fraction, // Value = denominator ("Viertel", "thirds")
    HalfAdd,  // "einhalb" in "zweieinhalb"
    Point,    // "Komma", "point"
    Minus,
    Of,       // "tens of thousands"
    Vague,    // "Hunderte", "dozens": a round number meaning "at least, roughly"
    Divide,   // "over" in "one over three"
}

/// <summary>One piece of a number expression.</summary>
internal readonly record struct NumberAtom(AtomClass Class, double Value);

/// <summary>Facts about an evaluated number expression besides its value.</summary>
internal struct NumberInfo
{
    /// <summary>A vague plural ("Hunderte", "tens of thousands", "Millionen" without a count).</summary>
    public bool Vague;
    /// <summary>The last scale applied (1 when none): "3 bis 5 Millionen" lends it to the 3.</summary>
    public double Scale;
}

/// <summary>
/// Evaluates a sequence of number atoms: the longest prefix that forms a well-built number. Handles
/// German compounds ("ein-hundert-drei-und-zwanzig"), English word numbers ("one hundred and
/// twenty-three"), digits with scales ("1,3 Millionen"), dozens, fractions ("drei Viertel",
/// "one and a half"), spoken decimals ("zwei Komma drei") and vague plurals ("tens of thousands").
/// </summary>
internal static class NumberEvaluator
{
    /// <summary>After "and": does the number that follows reach a scale at least as large as the one before
    /// ("two million and three million")? Then "and" joins two numbers, not the parts of one.</summary>
    private static bool ScaleAhead(ReadOnlySpan<NumberAtom> atoms, int from, double scale)
    {
        for (int k = from; k < atoms.Length; k++)
        {
            var c = atoms[k].Class;
            if (c is AtomClass.Scale or AtomClass.Suffix) return atoms[k].Value >= scale;
            if (c is not (AtomClass.Unit or AtomClass.Ten or AtomClass.Digits or AtomClass.Article or AtomClass.Hundred)) return false;
        }
        return false;
    }

    /// <summary>After "hundred and": another hundred before any scale ("one hundred and two hundred")?</summary>
    private static bool HundredAhead(ReadOnlySpan<NumberAtom> atoms, int from)
    {
        for (int k = from; k < atoms.Length; k++)
        {
            var c = atoms[k].Class;
            if (c == AtomClass.Hundred) return true;
            if (c is not (AtomClass.Unit or AtomClass.Ten or AtomClass.Digits or AtomClass.Article)) return false;
        }
        return false;
    }

    /// <summary>Returns how many atoms from the start form a number (0 when none), its value and facts.</summary>
    public static int Evaluate(ReadOnlySpan<NumberAtom> atoms, out double value, out NumberInfo info)
    {
        info = new NumberInfo { Scale = 1 };
        value = 0;
        double total = 0, group = 0, small = 0, maxScale = 0, lastScale = 1;
        bool negative = false, scaled = false;
        bool hasUnitInSmall = false; // small holds units (1-9) that a ten may still join via "und"
        AtomClass? prev = null;
        AtomClass? beforeAnd = null;
        int used = 0;
        int n = atoms.Length;

        for (int i = 0; i < n; i++)
        {
            var a = atoms[i];
            bool start = prev is null || prev == AtomClass.Minus;
            bool ok = false;
            AtomClass now = a.Class;
            switch (a.Class)
            {
                case AtomClass.Minus:
                    ok = prev is null && i + 1 < n;
                    if (ok) negative = true;
                    break;

                case AtomClass.Digits:
                    if (start) { small = a.Value; ok = true; }
                    else if (a.Value == Math.Floor(a.Value) && a.Value >= 1
                             && (prev == AtomClass.Scale && a.Value < lastScale && group == 0 && small == 0
                                 || prev == AtomClass.Hundred && a.Value < 100
                                 || prev == AtomClass.And && beforeAnd is AtomClass.Hundred && a.Value < 100
                                 || prev == AtomClass.And && beforeAnd is AtomClass.Scale && a.Value < lastScale))
                    {
                        small = a.Value; ok = true; // "4 thousand 3 hundred and 21"
                    }
                    break;

                case AtomClass.Unit:
                case AtomClass.Article:
                    // "a" after "million" starts a rate ("$1 million a day"); only compounds go on after it ("tausendeinhundert")
                    if (a.Class == AtomClass.Article && prev is AtomClass.Hundred or AtomClass.Scale
                        && !(i + 1 < n && atoms[i + 1].Class is AtomClass.Hundred or AtomClass.And or AtomClass.Scale))
                        break;
                    if (start || prev is AtomClass.Hundred or AtomClass.Scale)
                    {
                        small = a.Value; ok = true;
                        hasUnitInSmall = a.Value < 10;
                    }
                    else if (prev == AtomClass.Ten && a.Value is >= 1 and < 10 && small % 10 == 0 && a.Class == AtomClass.Unit)
                    {
                        small += a.Value; ok = true; hasUnitInSmall = false; // "twenty one", "twenty-one"
                    }
                    else if (prev == AtomClass.And && beforeAnd is AtomClass.Hundred or AtomClass.Scale)
                    {
                        small = a.Value; ok = true; hasUnitInSmall = a.Value < 10;
                    }
                    break;

                case AtomClass.Ten:
                    if (start || prev is AtomClass.Hundred or AtomClass.Scale)
                    {
                        small = a.Value; ok = true;
                    }
                    else if (prev == AtomClass.And && beforeAnd is AtomClass.Unit or AtomClass.Article && hasUnitInSmall)
                    {
                        small += a.Value; ok = true; // "drei-und-zwanzig"
                    }
                    else if (prev == AtomClass.And && beforeAnd is AtomClass.Hundred or AtomClass.Scale)
                    {
                        small = a.Value; ok = true;
                    }
                    hasUnitInSmall = false;
                    break;

                case AtomClass.Hundred:
                    if (group == 0 && prev != AtomClass.And && prev != AtomClass.Hundred
                        && prev is null or AtomClass.Minus or AtomClass.Unit or AtomClass.Article or AtomClass.Ten or AtomClass.Digits or AtomClass.Scale)
                    {
                        double m = start || prev == AtomClass.Scale ? 1 : small;
                        if (m > 0) { group = m * 100; small = 0; ok = true; }
                    }
                    break;

                case AtomClass.Scale:
                case AtomClass.Suffix:
                {
                    double s = a.Value;
                    double x = group + small;
                    if (a.Class == AtomClass.Suffix)
                    {
                        ok = prev is AtomClass.Digits or AtomClass.Unit or AtomClass.Ten or AtomClass.Point or AtomClass.Fraction or AtomClass.HalfAdd or AtomClass.Hundred;
                    }
                    else if (start)
                    {
                        // "Millionen Menschen", "millions of": a vague plural; "tausend Soldaten": 1000.
                        if (s >= 1_000_000) info.Vague = true;
                        x = 1; ok = true;
                    }
                    else if (prev == AtomClass.Of)
                    {
                        ok = true; // "tens of millions"
                    }
                    else if (prev == AtomClass.Scale && s > lastScale && x == 0)
                    {
                        ok = true; // "thousand million"
                    }
                    else
                    {
                        ok = x > 0 && prev is AtomClass.Unit or AtomClass.Article or AtomClass.Ten or AtomClass.Digits
                            or AtomClass.Hundred or AtomClass.Fraction or AtomClass.HalfAdd or AtomClass.Dozen or AtomClass.Point;
                        ok = ok && (maxScale == 0 || s < maxScale || (total > 0 && s > maxScale));
                    }
                    if (!ok) break;
                    if (prev == AtomClass.Of) { small *= s; }
                    else if (total > 0 && s > maxScale) { total = (total + x) * s; group = 0; small = 0; }
                    else { total += x * s; group = 0; small = 0; }
                    maxScale = Math.Max(maxScale, s);
                    lastScale = s;
                    scaled = true;
                    break;
                }

                case AtomClass.Dozen:
                    if (start) { small = 12; ok = true; }
                    else if (prev is AtomClass.Unit or AtomClass.Article or AtomClass.Ten or AtomClass.Digits or AtomClass.Fraction or AtomClass.HalfAdd && small > 0)
                    {
                        small *= 12; ok = true;
                    }
                    break;

                case AtomClass.Fraction:
                    if (prev is AtomClass.Unit or AtomClass.Article or AtomClass.Ten or AtomClass.Digits && small > 0 && a.Value > 0)
                    {
                        small /= a.Value; ok = true;
                    }
                    else if (prev is AtomClass.Hundred or AtomClass.Scale && a.Value >= 1000 && total + group + small > 0)
                    {
                        // "a hundred trillionths", "a hundred thousand trillionths"
                        small = (total + group + small) / a.Value;
                        total = 0; group = 0; scaled = false;
                        ok = true;
                    }
                    else if (start && a.Value > 0 && i + 1 < n)
                    {
                        // "half a million", "half a dozen", "half million"
                        int m = atoms[i + 1].Class == AtomClass.Article ? i + 2 : i + 1;
                        if (m < n && atoms[m].Class is AtomClass.Scale or AtomClass.Dozen or AtomClass.Hundred)
                        {
                            small = 1 / a.Value;
                            i = m - 1;
                            now = AtomClass.Article; // what follows multiplies it like "a"
                            ok = true;
                        }
                    }
                    break;

                case AtomClass.HalfAdd:
                    if (prev is AtomClass.Unit or AtomClass.Article or AtomClass.Ten or AtomClass.Digits && small > 0)
                    {
                        small += 0.5; ok = true;
                    }
                    break;

                case AtomClass.And:
                {
                    if (i + 1 >= n || prev is null) break;
                    var next = atoms[i + 1];
                    // "one and a half", "3 million and a quarter", "two and fifty-four hundredths": an added fraction.
                    if (prev is AtomClass.Unit or AtomClass.Article or AtomClass.Ten or AtomClass.Digits or AtomClass.Hundred or AtomClass.Scale
                        && next.Class is AtomClass.Unit or AtomClass.Article or AtomClass.Digits or AtomClass.Ten)
                    {
                        int f = i + 2;
                        while (f < n && f < i + 6 && atoms[f].Class is AtomClass.Unit or AtomClass.Ten or AtomClass.Hundred) f++;
                        if (f < n && atoms[f].Class == AtomClass.Fraction && atoms[f].Value > 0
                            && Evaluate(atoms[(i + 1)..f], out double numerator, out _) == f - i - 1)
                        {
                            double frac = numerator / atoms[f].Value;
                            if (prev == AtomClass.Scale && lastScale >= 1000) total += frac * lastScale;
                            else small += frac;
                            i = f;
                            ok = true;
                            now = AtomClass.Fraction;
                            break;
                        }
                    }
                    if (prev is AtomClass.Unit or AtomClass.Article && hasUnitInSmall && next.Class == AtomClass.Ten) ok = true;
                    else if (prev is AtomClass.Hundred or AtomClass.Scale && next.Class is AtomClass.Unit or AtomClass.Ten or AtomClass.Article or AtomClass.Digits
                             && !(prev == AtomClass.Scale ? ScaleAhead(atoms, i + 1, lastScale) : HundredAhead(atoms, i + 1)))
                        ok = true; // but "2 million and 3 million" is two numbers
                    if (ok) beforeAnd = prev;
                    break;
                }

                case AtomClass.Point:
                {
                    if (prev is not (AtomClass.Unit or AtomClass.Ten or AtomClass.Hundred)) break;
                    // fractional digits: "zwei Komma drei" (.3), "point zero three" (.03), "point seventy-one" (.71)
                    int j = i + 1;
                    double frac = 0, scale = 1;
                    if (j < n && atoms[j].Class == AtomClass.Ten)
                    {
                        double v = atoms[j].Value;
                        j++;
                        if (j < n && atoms[j].Class == AtomClass.Unit && atoms[j].Value is >= 1 and < 10) { v += atoms[j].Value; j++; }
                        frac = v / 100;
                    }
                    else
                    {
                        while (j < n && atoms[j].Class == AtomClass.Unit && atoms[j].Value is >= 0 and < 10 && atoms[j].Value == Math.Floor(atoms[j].Value))
                        {
                            scale /= 10;
                            frac += atoms[j].Value * scale;
                            j++;
                        }
                        if (j == i + 1 && j < n && atoms[j].Class == AtomClass.Unit && atoms[j].Value is >= 10 and < 20)
                        {
                            frac = atoms[j].Value / 100; j++;
                        }
                    }
                    if (j == i + 1) break;
                    small += frac;
                    i = j - 1;
                    ok = true;
                    break;
                }

                case AtomClass.Of:
                    ok = prev == AtomClass.Vague && i + 1 < n && atoms[i + 1].Class is AtomClass.Vague or AtomClass.Scale;
                    break;

                case AtomClass.Vague:
                    if (start) { small = a.Value; ok = true; info.Vague = true; }
                    else if (prev == AtomClass.Of) { small *= a.Value; ok = true; }
                    else if (prev is AtomClass.Unit or AtomClass.Ten or AtomClass.Digits && small > 0)
                    {
                        small *= a.Value; ok = true; // "three dozens"
                    }
                    break;

                case AtomClass.Divide:
                {
                    // "one over three", "1 over 20": what precedes divided by the number that follows
                    if (prev is not (AtomClass.Unit or AtomClass.Ten or AtomClass.Digits or AtomClass.Hundred or AtomClass.Scale) || i + 1 >= n) break;
                    int rest = Evaluate(atoms[(i + 1)..], out double den, out var denInfo);
                    if (rest == 0 || den == 0 || denInfo.Vague) break;
                    double num = total + group + small;
                    total = 0; group = 0; small = num / den;
                    scaled = false;
                    i += rest;
                    ok = true;
                    break;
                }
            }
            if (!ok) break;
            // Units may still be joined by "und" + ten; anything else closes them.
            if (now is not (AtomClass.Unit or AtomClass.Article or AtomClass.And)) hasUnitInSmall = false;
            prev = now;
            used = i + 1;
        }

        // A number cannot end in a joining word.
        if (used > 0 && atoms[used - 1].Class is AtomClass.And or AtomClass.Of or AtomClass.Minus or AtomClass.Point)
            return used == 1 ? 0 : Evaluate(atoms[..(used - 1)], out value, out info);
        if (used == 0) return 0;
        double result = total + group + small;
        if (scaled && Math.Abs(result) >= 1)
        {
            // 1,3 * 10^6 should be 1 300 000 exactly, not 1 300 000.0000000002.
            double r = Math.Round(result);
            if (Math.Abs(result - r) < 1e-6 * Math.Max(1, Math.Abs(result) / 1e6)) result = r;
            else result = Math.Round(result, 6);
        }
        value = negative ? -result : result;
        info.Scale = scaled ? lastScale : 1;
        return used;
    }
}
