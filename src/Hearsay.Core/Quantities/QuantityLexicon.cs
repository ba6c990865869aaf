using System.Globalization;
using Hearsay.Document;
using Hearsay.Languages;

namespace Hearsay.Quantities;

/// <summary>How exact a qualifier says a number is ("fast": approximate, upper bound).</summary>
internal readonly record struct QualifierInfo(bool Approximate, Bound Bound);

internal enum UnitPosition : byte { After, Before, Both }

/// <summary>A unit, currency or time span next to a number; Scale multiplies the number ("MUSD": millions).</summary>
internal sealed record UnitInfo(string Unit, QuantityKind Kind, UnitPosition Position, double Scale = 1);

/// <summary>A smaller unit that adds to a larger one ("50 cents" after "3 dollars"): its code and how many make one larger unit.</summary>
internal readonly record struct MinorUnit(string Unit, double PerMajor);

/// <summary>Roles a context word can play for a nearby number (quantity-context.tsv).</summary>
[Flags]
internal enum ContextRole : ushort
{
    None = 0,
    RangeJoin = 1 << 0,
    DateBefore = 1 << 1,
    RefBefore = 1 << 2,
    SkipAfter = 1 << 3,
    DurationLead = 1 << 4,
    OrdinalBefore = 1 << 5,
    RankNoun = 1 << 6,
    OrdinalHomograph = 1 << 7,
    AgeAfter = 1 << 8,
    AgeNoun = 1 << 9,
    AngleContext = 1 << 10,
    RatePer = 1 << 11,
    VagueNeedsOf = 1 << 12,
    DayBefore = 1 << 13,
    RankVerb = 1 << 14,
}

/// <summary>
/// One language's quantity data, compiled once per language pack from its TSV files: number words,
/// ordinals, qualifiers, units, context words, the stop words that end a counted noun phrase, months.
/// </summary>
internal sealed class QuantityLexicon
{
    public required string Language { get; init; }
    public required LowerMap<NumberAtom> NumberWords { get; init; }
    /// <summary>First two letters of every number word: a cheap filter before decomposing a compound.</summary>
    public required LowerMap<bool> NumberWordStarts { get; init; }
    public required LowerMap<int> Ordinals { get; init; }
    public required PhraseTable<QualifierInfo> Prefixes { get; init; }
    public required PhraseTable<QualifierInfo> Suffixes { get; init; }
    public required PhraseTable<UnitInfo> UnitsAfter { get; init; }
    public required PhraseTable<UnitInfo> UnitsBefore { get; init; }
    /// <summary>Units that can be glued to digits ("5km", "3%"), by their lower-cased spelling.</summary>
    public required LowerMap<UnitInfo> GluedUnits { get; init; }
    /// <summary>One-word units, for hyphenated compounds ("45-acre", "5-Prozent-Hürde", "three-day").</summary>
    public required LowerMap<UnitInfo> WordUnits { get; init; }
    public required PhraseTable<ContextRole> Context { get; init; }
    /// <summary>Range openers and the word that joins their ends ("zwischen" -> "und").</summary>
    public required PhraseTable<string> RangeOpeners { get; init; }
    public required WordSet CountedStops { get; init; }
    /// <summary>Time units of a rate ("per hour" -> "h"), matched after a rate-per word.</summary>
    public required PhraseTable<string> RateTimes { get; init; }
    /// <summary>Smaller units by the larger unit's code ("USD" -> "cents"), from unit-compounds.tsv.</summary>
    public required IReadOnlyDictionary<string, PhraseTable<MinorUnit>> MinorUnits { get; init; }
    /// <summary>Weight units that name a currency after a scaled amount ("361 million pounds").</summary>
    public required PhraseTable<UnitInfo> ScaledMoney { get; init; }
    public required LowerMap<int> Months { get; init; }
    /// <summary>Lower-case month names that are also common words ("may", "march"): a date only with a number or a date word.</summary>
    public required WordSet AmbiguousMonths { get; init; }
    public required LowerMap<int> Weekdays { get; init; }
    /// <summary>Named days and their calendar rule ("Easter" -> "E+0", "Thanksgiving" -> "4:4:11").</summary>
    public required PhraseTable<string> Holidays { get; init; }
    /// <summary>"since", "after" (lower); "before", "until" (upper): a word that opens a period at a date.</summary>
    public required PhraseTable<Bound> DateOpen { get; init; }
    /// <summary>"from", "between", "vom", "zwischen": opens a period between two dates; value = the joining word.</summary>
    public required PhraseTable<string> DateRange { get; init; }
    public required PhraseTable<bool> DateJoin { get; init; }
    public required PhraseTable<Bound> DateAfter { get; init; }
    public required PhraseTable<bool> DatePart { get; init; }
    public required PhraseTable<bool> DateNoun { get; init; }
    public required PhraseTable<bool> Century { get; init; }
    /// <summary>Ordinals as adverbs ("zuerst", "firstly"), with their value.</summary>
    public required PhraseTable<int> OrdinalAdverbs { get; init; }
    /// <summary>Words a date may start with besides digits: date words, months, holidays ("since", "Mai", "Easter") = 1;
    /// weekdays ("Tue", "Sonntag") = 2.</summary>
    public LowerMap<byte> DateStarts { get; private set; } = null!;
    /// <summary>Words a quantity may start with: number words, ordinals, qualifiers, range openers, units written
    /// before the number, date words, rank nouns. Any other word without a digit starts none (a cheap first test).</summary>
    public LowerMap<bool> StartWords { get; private set; } = null!;
    /// <summary>First two letters of number and ordinal words ("tw" for "twenty", "er" for "erste"): a day in words may start here.</summary>
    public LowerMap<bool> DayWordStarts { get; private set; } = null!;

    /// <summary>German writes compounds ("dreiundzwanzig") and capitalizes nouns.</summary>
    public bool Compounds => Language == "de";
    /// <summary>In German "1.300" groups thousands; in English "1,300" does.</summary>
    public char GroupSeparator => Language == "de" ? '.' : ',';

    public static QuantityLexicon For(LanguagePack pack) => pack.Compiled("quantities.lexicon", Build);

    private static readonly LanguageRegistry Registry = LanguageRegistry.Default;

    /// <summary>The lexicon of a language code; languages without a pack get the English number words.</summary>
    public static QuantityLexicon For(string language)
    {
        var pack = Registry.For(string.IsNullOrEmpty(language) ? "en" : language);
        if (!pack.IsSupported) pack = Registry.For("en");
        return For(pack);
    }

    private static QuantityLexicon Build(LanguagePack pack)
    {
        var abbreviations = pack.Words("abbreviations");
        var words = new List<KeyValuePair<string, NumberAtom>>();
        foreach (var r in pack.Rows("number-words"))
        {
            if (r.Length < 3) continue;
            words.Add(KeyValuePair.Create(r[0], new NumberAtom(ParseClass(r[1]), double.Parse(r[2], CultureInfo.InvariantCulture))));
        }
        var numberWords = new LowerMap<NumberAtom>(words);
        var starts = new LowerMap<bool>(numberWords.Keys.Where(k => k.Length >= 2 && char.IsLetter(k[0]))
            .Select(k => k[..2]).Distinct().Select(k => KeyValuePair.Create(k, true)));

        var ordinals = new LowerMap<int>(pack.Rows("ordinal-words").Where(r => r.Length >= 2)
            .Select(r => KeyValuePair.Create(r[0], int.Parse(r[1], CultureInfo.InvariantCulture))));

        var qualifiers = pack.Rows("quantity-qualifiers").Where(r => r.Length >= 4).ToList();
        QualifierInfo Q(string[] r) => new(r[2] == "approx", r[3] switch { "lower" => Bound.Lower, "upper" => Bound.Upper, _ => Bound.Exact });

        var units = pack.Rows("units").Where(r => r.Length >= 4)
            .Select(r => (Phrase: r[0], Info: new UnitInfo(r[1], ParseKind(r[2]), r[3] switch { "before" => UnitPosition.Before, "both" => UnitPosition.Both, _ => UnitPosition.After },
                r.Length >= 5 && r[4].Length > 0 ? double.Parse(r[4], CultureInfo.InvariantCulture) : 1)))
            .ToList();
        var minors = pack.Rows("unit-compounds").Where(r => r.Length >= 4)
            .GroupBy(r => r[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new PhraseTable<MinorUnit>(g.Select(r => (r[1], new MinorUnit(r[2], double.Parse(r[3], CultureInfo.InvariantCulture)))), abbreviations), StringComparer.Ordinal);

        var contextRows = pack.Rows("quantity-context").Where(r => r.Length >= 2).ToList();
        var roles = new Dictionary<string, ContextRole>(StringComparer.OrdinalIgnoreCase);
        foreach (var r in contextRows)
        {
            var role = r[1] switch
            {
                "range-join" => ContextRole.RangeJoin,
                "date-before" => ContextRole.DateBefore,
                "ref-before" => ContextRole.RefBefore,
                "skip-after" => ContextRole.SkipAfter,
                "duration-lead" => ContextRole.DurationLead,
                "ordinal-before" => ContextRole.OrdinalBefore,
                "rank-noun" => ContextRole.RankNoun,
                "ordinal-homograph" => ContextRole.OrdinalHomograph,
                "age-after" => ContextRole.AgeAfter,
                "age-noun" => ContextRole.AgeNoun,
                "angle-context" => ContextRole.AngleContext,
                "rate-per" => ContextRole.RatePer,
                "vague-needs-of" => ContextRole.VagueNeedsOf,
                "day-before" => ContextRole.DayBefore,
                "rank-verb" => ContextRole.RankVerb,
                _ => ContextRole.None,
            };
            if (role == ContextRole.None) continue;
            roles[r[0]] = roles.GetValueOrDefault(r[0]) | role;
        }

        var months = new List<KeyValuePair<string, int>>();
        foreach (var r in pack.Rows("months"))
        {
            if (r.Length < 2) continue;
            int m = int.Parse(r[1], CultureInfo.InvariantCulture);
            months.Add(KeyValuePair.Create(r[0], m));
            // "Jan" and "Jan." both name January.
            if (r[0].EndsWith('.')) months.Add(KeyValuePair.Create(r[0][..^1], m));
            else if (r[0].Length <= 4) months.Add(KeyValuePair.Create(r[0] + ".", m));
        }

        IEnumerable<string[]> ArgRows(string role) => contextRows.Where(r => r[1] == role && r.Length >= 3);
        IEnumerable<(string, bool)> Phrases(string role) => contextRows.Where(r => r[1] == role).Select(r => (r[0], true));

        var lexicon = new QuantityLexicon
        {
            Language = pack.Code,
            NumberWords = numberWords,
            NumberWordStarts = starts,
            Ordinals = ordinals,
            Prefixes = new PhraseTable<QualifierInfo>(qualifiers.Where(r => r[1] == "prefix").Select(r => (r[0], Q(r))), abbreviations),
            Suffixes = new PhraseTable<QualifierInfo>(qualifiers.Where(r => r[1] == "suffix").Select(r => (r[0], Q(r))), abbreviations),
            UnitsAfter = new PhraseTable<UnitInfo>(units.Where(u => u.Info.Position != UnitPosition.Before), abbreviations),
            UnitsBefore = new PhraseTable<UnitInfo>(units.Where(u => u.Info.Position != UnitPosition.After), abbreviations),
            GluedUnits = new LowerMap<UnitInfo>(units.Where(u => u.Info.Position != UnitPosition.Before && !u.Phrase.Contains(' ') && u.Phrase.Length <= 4)
                .Select(u => KeyValuePair.Create(u.Phrase, u.Info))),
            WordUnits = new LowerMap<UnitInfo>(units.Where(u => u.Info.Position != UnitPosition.Before && !u.Phrase.Contains(' ') && u.Phrase.Length >= 2 && char.IsLetter(u.Phrase[0]))
                .Select(u => KeyValuePair.Create(u.Phrase, u.Info))),
            Context = new PhraseTable<ContextRole>(roles.Select(kv => (kv.Key, kv.Value)), abbreviations),
            RangeOpeners = new PhraseTable<string>(contextRows.Where(r => r[1] == "range-open" && r.Length >= 3).Select(r => (r[0], r[2].ToLowerInvariant())), abbreviations),
            CountedStops = pack.Words("counted-stops"),
            RateTimes = new PhraseTable<string>(contextRows.Where(r => r[1] == "rate-time" && r.Length >= 3).Select(r => (r[0], r[2])), abbreviations),
            MinorUnits = minors,
            ScaledMoney = new PhraseTable<UnitInfo>(ArgRows("scaled-money").Select(r => (r[0], new UnitInfo(r[2], QuantityKind.Money, UnitPosition.After))), abbreviations),
            AmbiguousMonths = new WordSet(contextRows.Where(r => r[1] == "ambiguous-month").Select(r => r[0])),
            Weekdays = new LowerMap<int>(pack.Rows("weekdays").Where(r => r.Length >= 2)
                .Select(r => KeyValuePair.Create(r[0], int.Parse(r[1], CultureInfo.InvariantCulture)))),
            Holidays = new PhraseTable<string>(pack.Rows("holidays").Where(r => r.Length >= 2).Select(r => (r[0], r[1])), abbreviations),
            DateOpen = new PhraseTable<Bound>(ArgRows("date-open").Select(r => (r[0], r[2] == "upper" ? Bound.Upper : Bound.Lower)), abbreviations),
            DateRange = new PhraseTable<string>(ArgRows("date-range").Select(r => (r[0], r[2])), abbreviations),
            DateJoin = new PhraseTable<bool>(Phrases("date-join"), abbreviations),
            DateAfter = new PhraseTable<Bound>(ArgRows("date-after").Select(r => (r[0], r[2] == "upper" ? Bound.Upper : Bound.Lower)), abbreviations),
            DatePart = new PhraseTable<bool>(Phrases("date-part"), abbreviations),
            DateNoun = new PhraseTable<bool>(Phrases("date-noun"), abbreviations),
            Century = new PhraseTable<bool>(Phrases("century"), abbreviations),
            OrdinalAdverbs = new PhraseTable<int>(ArgRows("ordinal-adverb").Select(r => (r[0], int.Parse(r[2], CultureInfo.InvariantCulture))), abbreviations),
            Months = new LowerMap<int>(months),
        };
        lexicon.DateStarts = new LowerMap<byte>(lexicon.DateOpen.FirstWords.Concat(lexicon.DateRange.FirstWords).Concat(lexicon.DatePart.FirstWords)
            .Concat(lexicon.DateNoun.FirstWords).Concat(lexicon.Holidays.FirstWords).Concat(lexicon.Months.Keys).Select(w => KeyValuePair.Create(w, (byte)1))
            .Concat(lexicon.Weekdays.Keys.Select(w => KeyValuePair.Create(w, (byte)2))));
        var rankNouns = roles.Where(kv => (kv.Value & ContextRole.RankNoun) != 0).Select(kv => kv.Key.Split(' ')[0].ToLowerInvariant());
        lexicon.StartWords = new LowerMap<bool>(numberWords.Keys.Concat(ordinals.Keys).Concat(lexicon.Prefixes.FirstWords).Concat(lexicon.RangeOpeners.FirstWords)
            .Concat(lexicon.UnitsBefore.FirstWords).Concat(lexicon.DateStarts.Keys).Concat(lexicon.OrdinalAdverbs.FirstWords).Concat(rankNouns)
            .Distinct().Select(w => KeyValuePair.Create(w, true)));
        lexicon.DayWordStarts = new LowerMap<bool>(numberWords.Keys.Concat(ordinals.Keys).Where(k => k.Length >= 2 && char.IsLetter(k[0]))
            .Select(k => k[..2]).Distinct().Select(k => KeyValuePair.Create(k, true)));
        return lexicon;
    }

    private static AtomClass ParseClass(string s) => s switch
    {
        "unit" => AtomClass.Unit,
        "ten" => AtomClass.Ten,
        "hundred" => AtomClass.Hundred,
        "scale" => AtomClass.Scale,
        "suffix" => AtomClass.Suffix,
        "article" => AtomClass.Article,
        "and" => AtomClass.And,
        "dozen" => AtomClass.Dozen,
        "fraction" => AtomClass.Fraction,
        "halfadd" => AtomClass.HalfAdd,
        "point" => AtomClass.Point,
        "minus" => AtomClass.Minus,
        "of" => AtomClass.Of,
        "vague" => AtomClass.Vague,
        "divide" => AtomClass.Divide,
        _ => throw new InvalidDataException($"number-words.tsv: unknown class '{s}'"),
    };

    private static QuantityKind ParseKind(string s) => s switch
    {
        "percent" => QuantityKind.Percent,
        "money" => QuantityKind.Money,
        "measure" => QuantityKind.Measure,
        "duration" => QuantityKind.Duration,
        "age" => QuantityKind.Age,
        _ => throw new InvalidDataException($"units.tsv: unknown kind '{s}'"),
    };

    /// <summary>The roles of the phrase ending at token <paramref name="last"/> (single-word phrases and "im Jahr").</summary>
    public ContextRole RolesEndingAt(string text, Token[] tokens, int last, int floor)
    {
        if (last < floor || last < 0) return ContextRole.None;
        return Context.MatchEndingAt(text, tokens, last, floor, 3, out var r) > 0 ? r : ContextRole.None;
    }

    public ContextRole RolesAt(string text, Token[] tokens, int index, int limit) =>
        Context.Match(text, tokens, index, limit, out var r) > 0 ? r : ContextRole.None;
}
