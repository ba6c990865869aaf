using System.Reflection;
using Hearsay.Languages;

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
/// <item>OrdinalModel: relative ordinals ("der letzte", "next one"): not numbers;</item>
/// <item>DateTimeModel: everything but calendar dates and date ranges stated absolutely (a digit or a month
///   name, no word relative to the time of speaking): times, durations, sets, weekdays and "nächsten Monat"
///   need a reference time that a news text does not give, and Hearsay normalizes only absolute dates.</item>
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
        UnitModels.Contains(file.Model) ? c.Results.Where(HasValue).ToList() : c.Results;

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
        if (c.Results.Count > 0 && Required(file, c).Count == 0) return "a unit named without an amount";
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
                    break;
                case "DateTimeModel":
                    if (r.TypeName is not ("datetimeV2.date" or "datetimeV2.daterange")) return $"{(r.TypeName.StartsWith("datetimeV2.", StringComparison.Ordinal) ? r.TypeName["datetimeV2.".Length..] : "untyped")}: not a calendar date";
                    if (words.Any(w => Has(file.Language, "relative", w))) return "date relative to the time of speaking";
                    if (!r.Text.Any(char.IsDigit) && !words.Any(w => _months[file.Language].Contains(w))) return "date without a number or month name";
                    if (r.Timex is { } t && t.Contains('W')) return "week-based date";
                    break;
            }
        }
        return null;
    }

    /// <summary>A definite article the specs include before a date or ordinal ("the 18th", "den 28.10.").</summary>
    public bool IsArticle(string? lang, ReadOnlySpan<char> word) =>
        lang is not null && _words.TryGetValue((lang, "article"), out var set) && set.Contains(word.ToString().ToLowerInvariant());

    private bool Has(string lang, string cls, string word) => _words.TryGetValue((lang, cls), out var set) && set.Contains(word);

    private static string[] Words(string text) =>
        text.ToLowerInvariant().Split(new[] { ' ', '-', ',', '.', '/', '(', ')' }, StringSplitOptions.RemoveEmptyEntries);
}
