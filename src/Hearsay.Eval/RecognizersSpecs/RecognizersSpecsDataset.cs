using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hearsay.Document;

namespace Hearsay.Eval.RecognizersSpecs;

/// <summary>
/// Microsoft Recognizers-Text spec cases (numbers, ordinals, percentages, ranges, currency, dimensions, age,
/// temperature, dates; German and English), held against Hearsay's quantity stage. A case passes, as in the
/// upstream test suites, when every expected result is found and nothing else of that model's kind is:
/// the same number of quantities, each matching one expected result on span and value.
/// <list type="bullet">
/// <item>Span: the expected [Start, End] (End inclusive) equals one view of the quantity: the number, the whole
///   expression, number + counted noun or unit, qualifier + number (+ noun), number + the unit token after it,
///   what stands before the number + the number ("$10" in "$10 dollars"), or a definite article + the
///   expression ("the 18th", "den 28.10."). Hearsay's spans are built for claims ("fast 1,3 Millionen
///   Soldaten"), the specs' for a parser, so any of these counts. The number model reads each end of a range
///   as a number ("100 bis 300 Milliarden": 100 and 300 billion) and the unit models read the number next to
///   the unit ("eight to [10 feet]"), so a range's ends may match alone.</item>
/// <item>Value: numbers (German decimal comma read as a point), percentages without "%", range intervals
///   "(,5)" / "[3,5)" against Bound and Value/UpperValue ("[20,20]": exactly 20), currency value (and ISO
///   code when the spec gives one), dimension/temperature/age value; dates by span, and by value when the
///   spec's timex is a plain ISO date and Hearsay gives one.</item>
/// <item>Which quantities count for a model: NumberModel all but dates, ranks and ordinals, and not a number
///   with a unit glued on ("180ml", which the spec reads as a dimension); OrdinalModel ranks and ordinals;
///   PercentModel percentages; NumberRangeModel bounded or ranged quantities and exactly qualified ones
///   ("equal to 20"); CurrencyModel money; DimensionModel measures that are no temperature;
///   TemperatureModel measures in °C, °F, K or plain degrees; AgeModel ages; DateTimeModel dates.</item>
/// <item>Expected results that are no quantity are not required (<see cref="SpecScope.NotRequired"/>).</item>
/// </list>
/// Scope (which files and cases count) is <see cref="SpecScope"/>. Reports the pass rate per model and language.
/// </summary>
public sealed class RecognizersSpecsDataset : IEvalDataset
{
    public const string Id = "recognizers-text-specs";
    public string Name => Id;
    public string SplitName(SplitChoice choice) => "all";

    private sealed record Item(SpecFile File, SpecCase Case, int Index);

    public DatasetReport Run(EvalContext context, string split)
    {
        var root = context.Data.Require(Id);
        var scope = SpecScope.Default;
        var items = new List<Item>();
        var excluded = new Dictionary<string, int>(StringComparer.Ordinal);
        var dropped = new Dictionary<string, int>(StringComparer.Ordinal);
        int total = 0;
        foreach (var file in SpecReader.Files(root))
        {
            var cases = SpecReader.Read(file.Path);
            total += cases.Count;
            if (SpecScope.FileOutOfScope(file) is { } fileReason) { Bump(excluded, fileReason, cases.Count); continue; }
            for (int i = 0; i < cases.Count; i++)
            {
                if (scope.CaseOutOfScope(file, cases[i]) is { } reason) Bump(excluded, $"{file.Model}: {reason}", 1);
                else
                {
                    items.Add(new Item(file, cases[i], i));
                    foreach (var r in cases[i].Results)
                        if (scope.NotRequired(file, cases[i], r) is { } why) Bump(dropped, $"{file.Model}: {why}", 1);
                }
            }
        }
        context.Log?.Invoke($"eval: {Id}: {items.Count} of {total} cases in scope; out of scope: " +
            string.Join("; ", excluded.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} ×{kv.Value}"))
            + "; expected results not required in cases in scope: " + string.Join("; ", dropped.OrderByDescending(kv => kv.Value).Select(kv => $"{kv.Key} ×{kv.Value}")));

        var report = new DatasetReport();
        var outDir = context.PredictionsFolder(Id);
        var passed = new Dictionary<(string Model, string Lang), (int Pass, int All)>();
        var predictions = new Dictionary<string, List<(SpecCase Case, List<Quantity> Found, bool Pass, string Text)>>(StringComparer.Ordinal);
        int docs = 0;
        foreach (var language in new[] { "de", "en" })
        {
            var subset = context.Limited(items.Where(i => i.File.Language == language));
            foreach (var (item, article) in context.AnalyzeAll(subset, i => i.Case.Input, language))
            {
                docs++;
                var found = article.Quantities.Where(q => Relevant(item.File.Model, q)).ToList();
                var failure = Check(item.File, item.Case, article, found);
                var key = (item.File.Model, item.File.Language);
                var (p, a) = passed.GetValueOrDefault(key);
                passed[key] = (p + (failure is null ? 1 : 0), a + 1);
                if (failure is not null)
                    report.Errors.Add($"{item.File.Model} {item.File.Language}: {failure}", () => Describe(item.Case, article, found));
                if (outDir is not null)
                {
                    var fileKey = Path.GetRelativePath(root, item.File.Path);
                    if (!predictions.TryGetValue(fileKey, out var list)) predictions[fileKey] = list = new();
                    list.Add((item.Case, found, failure is null, article.Text));
                }
            }
        }
        report.Documents = docs;
        const string task = "quantity specs (pass rate)";
        foreach (var language in new[] { "de", "en" })
            foreach (var model in SpecScope.Models)
                if (passed.TryGetValue((model, language), out var c))
                    report.Rows.Add(MetricRow.Rate(Id, task, split, $"{model} {language}", (double)c.Pass / c.All, c.All));
        foreach (var language in new[] { "de", "en" })
        {
            var sel = passed.Where(kv => kv.Key.Lang == language).Select(kv => kv.Value).ToList();
            if (sel.Count > 0) report.Rows.Insert(0, MetricRow.Rate(Id, task, split, $"all models {language}", (double)sel.Sum(x => x.Pass) / sel.Sum(x => x.All), sel.Sum(x => x.All)));
        }
        if (passed.Count > 0)
            report.Rows.Insert(0, MetricRow.Rate(Id, task, split, "all models", (double)passed.Values.Sum(x => x.Pass) / passed.Values.Sum(x => x.All), passed.Values.Sum(x => x.All)));
        if (outDir is not null) WritePredictions(outDir, predictions);
        return report;
    }

    private static void Bump(Dictionary<string, int> d, string key, int n) => d[key] = d.GetValueOrDefault(key) + n;

    public static bool Relevant(string model, Quantity q) => model switch
    {
        // the spec reads a number with a unit glued on ("180ml", "29km") as a dimension, not a number
        "NumberModel" => q.Kind is not (QuantityKind.Date or QuantityKind.Rank or QuantityKind.Ordinal)
            && !(q.Kind == QuantityKind.Measure && q.Counted is { } glued && glued.Start == q.Number.End),
        "OrdinalModel" => q.Kind is QuantityKind.Rank or QuantityKind.Ordinal,
        "PercentModel" => q.Kind == QuantityKind.Percent,
        "NumberRangeModel" => q.Kind is not (QuantityKind.Date or QuantityKind.Rank or QuantityKind.Ordinal)
            && (q.Bound != Bound.Exact || q.UpperValue is not null || (q.Qualifier is not null && !q.Approximate)),
        "CurrencyModel" => q.Kind == QuantityKind.Money,
        "DimensionModel" => q.Kind == QuantityKind.Measure && !IsTemperature(q),
        "TemperatureModel" => q.Kind == QuantityKind.Measure && IsTemperature(q),
        "AgeModel" => q.Kind == QuantityKind.Age,
        "DateTimeModel" => q.Kind == QuantityKind.Date,
        _ => false,
    };

    /// <summary>Hearsay's temperature units: degrees Celsius, Fahrenheit, kelvin, and plain degrees (angles are "deg").</summary>
    private static bool IsTemperature(Quantity q) => q.Unit is "°C" or "°F" or "K" or "°";

    /// <summary>Null when the case passes, else the failure class.</summary>
    internal static string? Check(SpecFile file, SpecCase c, Article article, List<Quantity> found)
    {
        var required = SpecScope.Required(file, c);
        if (required.Count == 0) return found.Count == 0 ? null : "spurious quantity";
        if (found.Count == 0) return "nothing found";
        // A range's ends may stand alone: the number model reads "100 bis 300 Milliarden" as two numbers, one expected
        // result per end; the unit models read the number next to the unit ("eight to [10 feet]").
        var used = new bool[found.Count];
        var usedLower = new bool[found.Count];
        var usedUpper = new bool[found.Count];
        bool splitRanges = file.Model == "NumberModel";
        string? failure = null;
        foreach (var expected in required)
        {
            var span = TextSpan.FromBounds(expected.Start, expected.End + 1);
            int hit = -1;
            bool spanOnly = false, overlap = false;
            for (int k = 0; k < found.Count && hit < 0; k++)
            {
                var q = found[k];
                if (q.Span.Overlaps(span) || q.Number.Overlaps(span)) overlap = true;
                if (!used[k] && !usedLower[k] && !usedUpper[k] && Views(article, q).Contains(span))
                {
                    if (ValueMatches(file, expected, q)) { hit = k; used[k] = true; } else spanOnly = true;
                }
                else if (q.UpperValue is double upper && !used[k] && !usedUpper[k] && (UnitModels.Contains(file.Model) || splitRanges) && UpperViews(article, q).Contains(span))
                {
                    if (ValueMatches(file, expected, With(q, upper))) { hit = k; usedUpper[k] = true; } else spanOnly = true;
                }
                else if (q.UpperValue is not null && splitRanges && !used[k] && !usedLower[k] && LowerViews(article, q) is var lower && lower.TryGetValue(span, out double written))
                {
                    // the lower end as written ("100") or as Hearsay scales it ("100 bis 300 Milliarden": 100 billion)
                    if (ValueMatches(file, expected, With(q, q.Value)) || ValueMatches(file, expected, With(q, written))) { hit = k; usedLower[k] = true; }
                    else spanOnly = true;
                }
            }
            if (hit >= 0) continue;
            failure ??= spanOnly ? "wrong value" : overlap ? "wrong span" : "missed";
        }
        if (failure is not null) return failure;
        for (int k = 0; k < found.Count; k++)
            if (!used[k] && !usedLower[k] && !usedUpper[k]) return "extra quantity";
        return null;
    }

    private static Quantity With(Quantity q, double value) =>
        new() { Span = q.Span, Number = q.Number, Kind = q.Kind, Value = value, Unit = q.Unit, Bound = q.Bound };

    /// <summary>The spans of a range's lower number (from its first token to each token end inside the number),
    /// with the value as written.</summary>
    internal static Dictionary<TextSpan, double> LowerViews(Article a, Quantity q)
    {
        var views = new Dictionary<TextSpan, double>();
        int first = a.TokenIndexAt(q.Number.Start);
        for (int t = first; t < a.Tokens.Length && a.Tokens[t].End < q.Number.End; t++)
        {
            var span = TextSpan.FromBounds(q.Number.Start, a.Tokens[t].End);
            views[span] = Hearsay.Quantities.NumberParser.TryParse(a.StringOf(span), a.Language, out double v) ? v : double.NaN;
        }
        return views;
    }

    /// <summary>The spans of a quantity that may stand for the spec's text.</summary>
    internal static HashSet<TextSpan> Views(Article a, Quantity q)
    {
        var views = new HashSet<TextSpan> { q.Number, q.Span };
        // "$10" in "$10 dollars": what stands before the number, with the number
        if (q.Span.Start < q.Number.Start) views.Add(TextSpan.FromBounds(q.Span.Start, q.Number.End));
        // "the 18th", "den 28.10.": the specs keep a definite article before a date or ordinal
        int first = a.TokenIndexAt(q.Span.Start);
        if (first > 0 && first < a.Tokens.Length && SpecScope.Default.IsArticle(a.Language, a.Text.AsSpan(a.Tokens[first - 1].Start, a.Tokens[first - 1].Length)))
            views.Add(a.Tokens[first - 1].Span.Union(q.Span));
        if (q.Counted is { } counted) views.Add(q.Number.Union(counted));
        if (q.Qualifier is { } qual)
        {
            views.Add(qual.Union(q.Number));
            if (q.Counted is { } c2) views.Add(qual.Union(q.Number).Union(c2));
        }
        int next = a.TokenIndexAt(q.Number.End);
        if (next < a.Tokens.Length && a.Tokens[next].End <= q.Span.End)
        {
            var withUnit = q.Number.Union(a.Tokens[next].Span);
            views.Add(withUnit);
            if (q.Qualifier is { } qu) views.Add(qu.Union(withUnit));
        }
        return views;
    }

    private static readonly HashSet<string> UnitModels = new(StringComparer.Ordinal) { "CurrencyModel", "DimensionModel", "AgeModel", "TemperatureModel" };

    /// <summary>The spans from the upper number of a range to the end of its unit.</summary>
    internal static HashSet<TextSpan> UpperViews(Article a, Quantity q)
    {
        var views = new HashSet<TextSpan>();
        var ends = new List<int> { q.Span.End, q.Number.End };
        if (q.Counted is { } c) ends.Add(c.End);
        for (int t = a.TokenIndexAt(q.Number.Start) + 1; t < a.Tokens.Length && a.Tokens[t].Start < q.Number.End; t++)
            foreach (var e in ends)
                if (e > a.Tokens[t].Start) views.Add(TextSpan.FromBounds(a.Tokens[t].Start, e));
        return views;
    }

    private static readonly Regex PlainIsoDate = new(@"^\d{4}(-\d{2}(-\d{2})?)?$", RegexOptions.CultureInvariant);

    internal static bool ValueMatches(SpecFile file, SpecResult e, Quantity q)
    {
        e.Resolution.TryGetValue("value", out var value);
        switch (file.Model)
        {
            case "DateTimeModel":
                return e.Timex is not { } timex || !PlainIsoDate.IsMatch(timex) || q.ValueText is null || q.ValueText == timex;
            case "NumberRangeModel":
                return value is not null && RangeMatches(value, file.Language, q);
            case "CurrencyModel":
                if (e.Resolution.TryGetValue("isoCurrency", out var iso) && q.Unit is { Length: 3 } unit && !unit.Equals(iso, StringComparison.OrdinalIgnoreCase)) return false;
                return value is not null && Near(ParseNumber(value, file.Language), q.Value);
            default:
                return value is not null && Near(ParseNumber(value, file.Language), q.Value);
        }
    }

    /// <summary>"(,5)": below 5; "(40,)" or "[40,)": above or from 40; "[3,5)": from 3 to 5.</summary>
    internal static bool RangeMatches(string interval, string language, Quantity q)
    {
        var inner = interval.Trim().TrimStart('(', '[').TrimEnd(')', ']');
        int comma = language == "de" && inner.Count(ch => ch == ',') > 1 ? inner.IndexOf(';') : inner.IndexOf(',');
        if (comma < 0) return false;
        var lo = inner[..comma].Trim();
        var hi = inner[(comma + 1)..].Trim();
        double? low = lo.Length == 0 ? null : ParseNumber(lo, language);
        double? high = hi.Length == 0 ? null : ParseNumber(hi, language);
        // "[20,20]": exactly 20 ("equal to 20")
        if (low is double l0 && high is double h0 && Near(l0, h0)) return q.UpperValue is null && q.Bound == Bound.Exact && Near(l0, q.Value);
        if (low is double l && high is double h) return Near(l, q.Value) && q.UpperValue is double u && Near(h, u);
        if (low is double l2) return q.Bound == Bound.Lower && Near(l2, q.Value);
        if (high is double h2) return q.Bound == Bound.Upper && Near(h2, q.Value);
        return false;
    }

    /// <summary>A spec value: "0,5" (German decimal comma), "1.5", "100%", "1E+21".</summary>
    internal static double ParseNumber(string s, string language)
    {
        s = s.Trim().TrimEnd('%').Trim();
        if (language == "de") s = s.Replace(',', '.');
        return double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
    }

    private static bool Near(double expected, double actual) =>
        !double.IsNaN(expected) && Math.Abs(expected - actual) <= 1e-6 * Math.Max(1, Math.Abs(expected));

    private static string Describe(SpecCase c, Article a, List<Quantity> found)
    {
        var exp = c.Results.Count == 0 ? "nothing" : string.Join("; ", c.Results.Select(r => $"«{r.Text}» [{r.Start},{r.End}] {string.Join(",", r.Resolution.Select(kv => kv.Key + "=" + kv.Value))}"));
        var got = found.Count == 0 ? "nothing" : string.Join("; ", found.Select(q => $"«{a.StringOf(q.Span)}» number «{a.StringOf(q.Number)}» {q.Kind} {q.Value.ToString(CultureInfo.InvariantCulture)}{(q.UpperValue is double u ? "–" + u.ToString(CultureInfo.InvariantCulture) : "")} {q.Bound}"));
        return $"«{c.Input}»: expected {exp}; Hearsay {got}";
    }

    /// <summary>Per spec file: the input cases with Hearsay's results in the spec's own shape.</summary>
    private static void WritePredictions(string dir, Dictionary<string, List<(SpecCase Case, List<Quantity> Found, bool Pass, string Text)>> byFile)
    {
        foreach (var (rel, cases) in byFile)
        {
            var path = Path.Combine(dir, rel);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var stream = File.Create(path);
            using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            w.WriteStartArray();
            foreach (var (c, found, pass, text) in cases)
            {
                w.WriteStartObject();
                w.WriteString("Input", c.Input);
                w.WriteBoolean("HearsayPasses", pass);
                w.WriteStartArray("Results");
                foreach (var q in found)
                {
                    w.WriteStartObject();
                    w.WriteString("Text", text.Substring(q.Span.Start, q.Span.Length));
                    w.WriteString("TypeName", q.Kind.ToString().ToLowerInvariant());
                    w.WriteStartObject("Resolution");
                    w.WriteString("value", q.ValueText ?? q.Value.ToString(CultureInfo.InvariantCulture));
                    if (q.UpperValue is double u) w.WriteString("upper", u.ToString(CultureInfo.InvariantCulture));
                    if (q.Unit is not null) w.WriteString("unit", q.Unit);
                    w.WriteString("bound", q.Bound.ToString());
                    w.WriteEndObject();
                    w.WriteNumber("Start", q.Span.Start);
                    w.WriteNumber("End", q.Span.End - 1);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
    }
}
