using System.Reflection;
using System.Text.RegularExpressions;
using Hearsay.Languages;
using Hearsay.Quantities;

namespace Hearsay.Eval.RecognizersSpecs;

/// <summary>
/// Which spec cases the quantity evaluation holds Hearsay to, and why the others are left out. The spec files
/// test Microsoft's recognizers, whose models and options Hearsay does not all share. Out of scope:
/// <list type="bullet">
/// <item>option variants of a model (PercentMode, ExperimentalMode, SuppressExtendedTypes, EnablePreview):
///   they test switches of that library; the plain model file covers the behaviour;</item>
/// <item>cases the reference .NET implementation itself does not support ("NotSupported: dotnet"): the spec
///   marks them as disputed or unimplemented;</item>
/// <item>NumberModel: fractions written in words ("drei halbe", "two thirds") and spoken decimal separators
///   ("zwei Komma drei"): news writes these with digits;</item>
/// <item>OrdinalModel: relative ordinals ("der letzte", "next one"): not numbers; the denominator of a fraction
///   ("forty two and a third"): a fraction; "zu dritt" (as a group of three): a count of people, not a position;</item>
/// <item>DateTimeModel: everything but calendar dates and date ranges stated absolutely (a digit or a month
///   name, no word relative to the time of speaking): times, durations, sets, weekdays and "nächsten Monat"
///   need a reference time that a news text does not give, and Hearsay normalizes only absolute dates; dates
///   computed from a time span ("in 2 weeks", "3 days after January 12th", "the 5 upcoming years"): the text
///   states a duration (and an anchor), which Hearsay reports as such, not the date it leads to.</item>
/// <item>cases whose every expected result is not required (<see cref="NotRequired"/>).</item>
/// </list>
/// The words are data: Data/quantity-spec-scope.tsv; month names come from the language packs.
/// </summary>
public sealed class SpecScope
{
    public static readonly string[] Models =
    {
        "NumberModel", "OrdinalModel", "PercentModel", "NumberRangeModel",
        "CurrencyModel", "DimensionModel", "AgeModel", "TemperatureModel", "DateTimeModel",
    };

    private readonly Dictionary<(string Lang, string Class), HashSet<string>> _words = new();
    private readonly Dictionary<string, HashSet<string>> _months = new();

    public static SpecScope Default { get; } = new();

    private SpecScope()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("evaldata/quantity-spec-scope.tsv")
            ?? throw new InvalidOperationException("embedded evaldata/quantity-spec-scope.tsv is missing");
        foreach (var row in LexiconFile.Read(new StreamReader(stream)))
        {
            if (row.Length < 3) continue;
            var key = (row[0], row[1]);
            if (!_words.TryGetValue(key, out var set)) _words[key] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(row[2]);
        }
        foreach (var lang in new[] { "de", "en" })
            _months[lang] = LanguageRegistry.Default.For(lang).Rows("months").Select(r => r[0].ToLowerInvariant()).ToHashSet();
    }

    /// <summary>Null when the file's model is in scope, else the reason.</summary>
    public static string? FileOutOfScope(SpecFile file) =>
        Models.Contains(file.Model) ? null : $"{file.Model}: an option variant of a model";

    /// <summary>
    /// The expected results a case holds Hearsay to. A unit or currency named without an amount ("convert
    /// to fahrenheit", "the dollar fell", "what percentage") has no value in the spec and is not a quantity:
    /// such results are not required (and Hearsay does not report them).
    /// </summary>
    public static IReadOnlyList<SpecResult> Required(SpecFile file, SpecCase c) =>
        c.Results.Where(r => Default.NotRequired(file, c, r) is null).ToList();

    /// <summary>
    /// Why one expected result is not required, or null. Not required, and never reported by Hearsay:
    /// <list type="bullet">
    /// <item>a unit or currency named without an amount ("convert to fahrenheit", "the dollar fell");</item>
    /// <item>a number or date inside an identifier: an IP address, a phone number, a list of references
    ///   ("nrs. 22,24,26"), a product code ("SCP-173"), a URL or file name, the parts of a written date
    ///   ("5/17/2018" read as 5, 17, 2018): Hearsay reads the whole token, and does not take numbers out of
    ///   URLs and codes;</item>
    /// <item>the numbers one and zero as a lone word ("eins", "one last time", "zero"; German "ein", "eine",
    ///   "einer" are also the article): a claim does not state them without a unit or a qualifier, and
    ///   Hearsay does not report them.</item>
    /// </list>
    /// </summary>
    public string? NotRequired(SpecFile file, SpecCase c, SpecResult r)
    {
        if (UnitModels.Contains(file.Model) && !HasValue(r)) return "a unit named without an amount";
        if (file.Model is "NumberModel" or "DateTimeModel" && InsideIdentifier(c.Input, r)) return "a number inside an identifier, URL or address";
        if (file.Model == "NumberModel" && Has(file.Language, "alone", r.Text.Trim().ToLowerInvariant())) return "a lone 'one' or 'zero'";
        return null;
    }

    private static readonly Regex FileOrUrl = new(@"(://|^www\.|_|\.[A-Za-z]{2,4}$)", RegexOptions.CultureInvariant);
    private static readonly Regex FullDate = new(@"^\d{4}-\d{2}-\d{2}$", RegexOptions.CultureInvariant);
    private static readonly Regex Code = new(@"^[A-Za-z]+-\d+$", RegexOptions.CultureInvariant);

    /// <summary>The result is a strict part of a whitespace-free chunk that holds more digits, or a URL, file name or code.</summary>
    internal static bool InsideIdentifier(string input, SpecResult r)
    {
        int s = r.Start, e = r.End + 1;
        if (s < 0 || e > input.Length || s >= e) return false;
        int cs = s, ce = e;
        while (cs > 0 && !char.IsWhiteSpace(input[cs - 1])) cs--;
        while (ce < input.Length && !char.IsWhiteSpace(input[ce])) ce++;
        while (ce > e && input[ce - 1] is '.' or ',' or ';' or ':' or '!' or '?' or ')') ce--;
        while (cs < s && input[cs] is '(') cs++;
        if (ce - cs <= e - s) return false;
        var chunk = input[cs..ce];
        var outside = input[cs..s] + input[e..ce];
        return outside.Any(char.IsDigit) || FileOrUrl.IsMatch(chunk) || Code.IsMatch(chunk);
    }
    private static readonly HashSet<string> UnitModels = new(StringComparer.Ordinal)
    {
        "PercentModel", "CurrencyModel", "DimensionModel", "AgeModel", "TemperatureModel",
    };

    private static bool HasValue(SpecResult r) =>
        r.Resolution.TryGetValue("value", out var v) && !string.IsNullOrWhiteSpace(v) && v != "null";

    /// <summary>Null when the case is in scope, else the reason.</summary>
    public string? CaseOutOfScope(SpecFile file, SpecCase c)
    {
        if (c.NotSupported.Contains("dotnet", StringComparison.OrdinalIgnoreCase)) return "not supported by the reference .NET implementation";
        if (c.Results.Count > 0 && Required(file, c).Count == 0) return NotRequired(file, c, c.Results[0]);
        foreach (var r in c.Results)
        {
            var words = Words(r.Text);
            switch (file.Model)
            {
                case "NumberModel":
                    if (words.Any(w => Has(file.Language, "fraction", w))) return "fraction in words";
                    if (words.Any(w => Has(file.Language, "spoken", w))) return "spoken decimal separator";
                    break;
                case "OrdinalModel":
                    if (r.TypeName != "ordinal" || (r.Resolution.TryGetValue("relativeTo", out var rel) && rel != "start")) return "relative ordinal";
                    var before = WordsBefore(c.Input, r.Start, 2);
                    if (before.Length == 2 && before[0] is "and" or "und" && before[1] is "a" or "an" or "ein") return "the denominator of a fraction ('and a third')";
                    if (before.Length >= 1 && before[^1] == "zu" && r.Text.EndsWith('t')) return "'zu dritt' (as a group of three): a count of people, not a position";
                    break;
                case "DateTimeModel":
                    if (r.TypeName is not ("datetimeV2.date" or "datetimeV2.daterange")) return $"{(r.TypeName.StartsWith("datetimeV2.", StringComparison.Ordinal) ? r.TypeName["datetimeV2.".Length..] : "untyped")}: not a calendar date";
                    if (words.Any(w => Has(file.Language, "relative", w))) return "date relative to the time of speaking";
                    if (!r.Text.Any(char.IsDigit) && !words.Any(w => _months[file.Language].Contains(w))) return "date without a number or month name";
                    if (r.Timex is { } t && t.Contains('W')) return "week-based date";
                    if (IsOffset(file.Language, words)) return "date computed from a time span ('in 2 weeks', '3 days after May 1')";
                    // "Monday 21", "Dienstag, der 25.": a day of an unnamed month, which the spec resolves against its reference date
                    if (r.Timex is { } full && FullDate.IsMatch(full) && !words.Any(w => _months[file.Language].Contains(w))
                        && !r.Text.Any(ch => ch is '/' or '-') && !Regex.IsMatch(r.Text, @"\d[.]\s*\d") && !Regex.IsMatch(r.Text, @"\d{4}"))
                        return "date relative to the time of speaking";
                    break;
            }
        }
        return null;
    }

    /// <summary>A definite article the specs include before a date or ordinal ("the 18th", "den 28.10.").</summary>
    public bool IsArticle(string? lang, ReadOnlySpan<char> word) =>
        lang is not null && _words.TryGetValue((lang, "article"), out var set) && set.Contains(word.ToString().ToLowerInvariant());

    /// <summary>A cardinal number right before a unit of time: "2 weeks", "drei Tage", "two years".</summary>
    private bool IsOffset(string lang, string[] words)
    {
        for (int i = 0; i + 1 < words.Length; i++)
            if (Has(lang, "offset-unit", words[i + 1]) && IsCardinal(words[i], lang)) return true;
        return false;
    }

    private static bool IsCardinal(string word, string lang) =>
        word.All(char.IsAsciiDigit) || NumberParser.TryParse(word, lang, out _) && !NumberParser.TryParseOrdinal(word, lang, out _);

    private static string[] WordsBefore(string input, int start, int count)
    {
        var words = Words(input[..Math.Max(0, Math.Min(start, input.Length))]);
        return words.Length <= count ? words : words[^count..];
    }

    private bool Has(string lang, string cls, string word) => _words.TryGetValue((lang, cls), out var set) && set.Contains(word);

    private static string[] Words(string text) =>
        text.ToLowerInvariant().Split(new[] { ' ', '-', ',', '.', '/', '(', ')' }, StringSplitOptions.RemoveEmptyEntries);
}
