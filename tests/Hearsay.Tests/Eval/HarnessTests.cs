using Hearsay.Cli.Commands;
using Hearsay.Document;
using Hearsay.Eval;
using Hearsay.Eval.Gap;
using Hearsay.Eval.RecognizersSpecs;

namespace Hearsay.Tests.Eval;

public sealed class HarnessTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hearsay-eval-" + Guid.NewGuid().ToString("N"));

    public HarnessTests() => Directory.CreateDirectory(_dir);
    public void Dispose() { try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } }

    [Fact]
    public void Floors_report_figures_below_their_floor_and_floors_never_measured()
    {
        var floors = new Dictionary<string, double> { ["d/test/F"] = 0.5, ["d/test/G"] = 0.2, ["d/test/Gone"] = 0.1, ["other/test/F"] = 0.9 };
        var rows = new[]
        {
            new MetricRow("d", "t", "test", "F") { F1 = 0.4 },
            new MetricRow("d", "t", "test", "G") { Value = 0.2 },
        };
        var v = Floors.Check(floors, rows, new[] { ("d", "test") });
        Assert.Equal(new[] { "d/test/F", "d/test/Gone" }, v.Select(x => x.Key));
        Assert.Null(v[1].Measured);
    }

    [Fact]
    public void Written_floors_are_the_figures_minus_the_margin()
    {
        var path = Path.Combine(_dir, "floors.json");
        File.WriteAllText(path, Floors.Write(new[] { new MetricRow("d", "t", "test", "F") { F1 = 0.4449 }, new MetricRow("d", "t", "test", "Z") { F1 = 0.001 } }, 0.005));
        var floors = Floors.Load(path);
        Assert.Equal(0.4399, floors["d/test/F"], 10);
        Assert.Equal(0.0, floors["d/test/Z"]);
    }

    private void WriteGap(params string[] lines) =>
        File.WriteAllLines(Path.Combine(Directory.CreateDirectory(Path.Combine(_dir, "gap-coreference")).FullName, "gap-test.tsv"),
            new[] { "ID\tText\tPronoun\tPronoun-offset\tA\tA-offset\tA-coref\tB\tB-offset\tB-coref\tURL" }.Concat(lines));

    [Fact]
    public void Eval_command_fails_loudly_naming_the_missing_file()
    {
        var (code, _, err) = Run("--dataset", "gap-coreference");
        Assert.Equal(EvalCommand.ExitDataMissing, code);
        Assert.Contains(Path.Combine(_dir, "gap-coreference", "gap-test.tsv"), err);
    }

    [Fact]
    public void Eval_command_checks_floors_on_a_tiny_hand_made_corpus()
    {
        const string text = "John Smith met the press on Monday. He said the plan was dead.";
        WriteGap($"t-1\t{text}\tHe\t36\tJohn Smith\t0\tTRUE\tMonday\t28\tFALSE\tx");
        var floors = Path.Combine(_dir, "floors.json");
        File.WriteAllText(floors, """{ "floors": { "gap-coreference/test/overall": 1.0 } }""");
        var (ok, table, _) = Run("--dataset", "gap-coreference", "--check-floors", floors);
        Assert.Equal(EvalCommand.ExitOk, ok);
        Assert.Contains("gap-coreference", table);

        File.WriteAllText(floors, """{ "floors": { "gap-coreference/test/overall": 1.0, "gap-coreference/test/renamed metric": 0.1 } }""");
        var (below, output, _) = Run("--dataset", "gap-coreference", "--check-floors", floors);
        Assert.Equal(EvalCommand.ExitBelowFloor, below);
        Assert.Contains("renamed metric: not measured", output);
    }

    [Fact]
    public void Eval_command_json_has_the_table_rows()
    {
        WriteGap("t-1\tMary Jones wrote to Tom Brown. She asked for money.\tShe\t31\tMary Jones\t0\tTRUE\tTom Brown\t20\tFALSE\tx");
        var (code, json, _) = Run("--dataset", "gap-coreference", "--json");
        Assert.Equal(0, code);
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var rows = doc.RootElement.GetProperty("rows");
        Assert.Equal("overall", rows[0].GetProperty("metric").GetString());
        Assert.Equal(1.0, rows[0].GetProperty("f1").GetDouble());
    }

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var list = args.ToList();
        var options = new EvalCommand.Options
        {
            Data = _dir,
            Quiet = true,
            Datasets = Value("--dataset") is { } d ? new[] { d } : Array.Empty<string>(),
            CheckFloors = Value("--check-floors"),
            Json = list.Contains("--json"),
        };
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = EvalCommand.Execute(options, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
        string? Value(string name) { int i = list.IndexOf(name); return i >= 0 && i + 1 < list.Count ? list[i + 1] : null; }
    }

    [Fact]
    public void Gap_scores_both_decisions_and_the_bias_ratio()
    {
        var s = new GapScorer();
        s.Add(new GapExample("1", "", "he", 0, "A", 0, true, "B", 0, false), predictA: true, predictB: false);   // TP
        s.Add(new GapExample("2", "", "she", 0, "A", 0, false, "B", 0, true), predictA: true, predictB: false);  // FP + FN
        Assert.Equal(new Prf(1, 1, 1), s.All);
        Assert.Equal(1.0, s.Masculine.F1);
        Assert.Equal(0.0, s.Feminine.F1);
        Assert.Equal(0.0, s.Bias);
    }

    [Fact]
    public void Quantity_spec_values_read_german_decimal_commas_and_intervals()
    {
        Assert.Equal(0.5, RecognizersSpecsDataset.ParseNumber("0,5", "de"));
        Assert.Equal(100, RecognizersSpecsDataset.ParseNumber("100%", "en"));
        var below5 = new Quantity { Span = default, Number = default, Kind = QuantityKind.Count, Value = 5, Bound = Bound.Upper };
        var from3to5 = new Quantity { Span = default, Number = default, Kind = QuantityKind.Count, Value = 3, UpperValue = 5 };
        Assert.True(RecognizersSpecsDataset.RangeMatches("(,5)", "de", below5));
        Assert.False(RecognizersSpecsDataset.RangeMatches("(5,)", "de", below5));
        Assert.True(RecognizersSpecsDataset.RangeMatches("[3,5)", "en", from3to5));
    }

    [Fact]
    public void Quantity_spec_scope_leaves_out_word_fractions_and_relative_dates_with_reasons()
    {
        var number = new SpecFile("x", "NumberModel", "de");
        var dates = new SpecFile("x", "DateTimeModel", "de");
        SpecResult R(string text, string type = "number") => new(text, type, new Dictionary<string, string>(), null, 0, text.Length - 1);
        Assert.Equal("fraction in words", SpecScope.Default.CaseOutOfScope(number, new SpecCase("drei halbe", ",", new[] { R("drei halbe") })));
        Assert.Null(SpecScope.Default.CaseOutOfScope(number, new SpecCase("1/2", ",", new[] { R("1/2") })));
        Assert.NotNull(SpecScope.Default.CaseOutOfScope(dates, new SpecCase("nächsten Montag", ",", new[] { R("nächsten montag", "datetimeV2.date") })));
        Assert.Null(SpecScope.Default.CaseOutOfScope(dates, new SpecCase("am 2. Oktober", ",", new[] { R("2. oktober", "datetimeV2.date") })));
        Assert.Equal("not supported by the reference .NET implementation", SpecScope.Default.CaseOutOfScope(number, new SpecCase("x", "dotnet,", Array.Empty<SpecResult>())));
        Assert.NotNull(SpecScope.FileOutOfScope(new SpecFile("x", "NumberModelExperimentalMode", "en")));
        // a date computed from a time span, a fraction's denominator, "zu dritt"
        Assert.NotNull(SpecScope.Default.CaseOutOfScope(new SpecFile("x", "DateTimeModel", "en"), new SpecCase("in 2 weeks", ",", new[] { R("in 2 weeks", "datetimeV2.date") })));
        Assert.Null(SpecScope.Default.CaseOutOfScope(new SpecFile("x", "DateTimeModel", "en"), new SpecCase("the 15th day of June", ",", new[] { R("the 15th day of june", "datetimeV2.date") })));
        var ordinal = new SpecFile("x", "OrdinalModel", "de");
        SpecResult O(string input, string text) => new(text, "ordinal", new Dictionary<string, string>(), null, input.IndexOf(text, StringComparison.Ordinal), input.IndexOf(text, StringComparison.Ordinal) + text.Length - 1);
        Assert.NotNull(SpecScope.Default.CaseOutOfScope(ordinal, new SpecCase("Wir fahren zu viert.", ",", new[] { O("Wir fahren zu viert.", "viert") })));
        Assert.Null(SpecScope.Default.CaseOutOfScope(ordinal, new SpecCase("Wir fahren als vierte.", ",", new[] { O("Wir fahren als vierte.", "vierte") })));
    }

    [Fact]
    public void Quantity_spec_results_that_are_not_quantities_are_not_required()
    {
        SpecResult At(string input, string text, string? value = "1") => new(text, "x",
            value is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["value"] = value },
            null, input.IndexOf(text, StringComparison.Ordinal), input.IndexOf(text, StringComparison.Ordinal) + text.Length - 1);
        var temperature = new SpecFile("x", "TemperatureModel", "en");
        var numbers = new SpecFile("x", "NumberModel", "en");
        const string convert = "turn 20 celsius into fahrenheit";
        var c = new SpecCase(convert, ",", new[] { At(convert, "20 celsius", "20"), At(convert, "fahrenheit", null) });
        Assert.Equal(new[] { "20 celsius" }, SpecScope.Required(temperature, c).Select(r => r.Text));
        // numbers inside an address or a code; but a number with a unit glued on is a number
        Assert.True(SpecScope.InsideIdentifier("ping 10.0.0.7 now", At("ping 10.0.0.7 now", "10")));
        Assert.True(SpecScope.InsideIdentifier("model XR-200 sold", At("model XR-200 sold", "200")));
        Assert.False(SpecScope.InsideIdentifier("a 5-year plan", At("a 5-year plan", "5")));
        Assert.False(SpecScope.InsideIdentifier("it cost 1,500.5 then", At("it cost 1,500.5 then", "1,500.5")));
        // a lone "one" is not required; a case of nothing else is out of scope
        Assert.NotNull(SpecScope.Default.CaseOutOfScope(numbers, new SpecCase("just one", ",", new[] { At("just one", "one") })));
    }

    [Fact]
    public void Quantity_spec_exact_intervals_match_exact_quantities()
    {
        var exact = new Quantity { Span = default, Number = default, Kind = QuantityKind.Count, Value = 20, Qualifier = new TextSpan(0, 5) };
        var bounded = new Quantity { Span = default, Number = default, Kind = QuantityKind.Count, Value = 20, Bound = Bound.Lower };
        Assert.True(RecognizersSpecsDataset.RangeMatches("[20,20]", "en", exact));
        Assert.False(RecognizersSpecsDataset.RangeMatches("[20,20]", "en", bounded));
        Assert.True(RecognizersSpecsDataset.Relevant("NumberRangeModel", exact));
        Assert.False(RecognizersSpecsDataset.Relevant("TemperatureModel", new Quantity { Span = default, Number = default, Kind = QuantityKind.Measure, Unit = "deg" }));
        Assert.True(RecognizersSpecsDataset.Relevant("TemperatureModel", new Quantity { Span = default, Number = default, Kind = QuantityKind.Measure, Unit = "°C" }));
    }
}
