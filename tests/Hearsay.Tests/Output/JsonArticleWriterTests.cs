using System.Text.Json;
using Hearsay.Document;
using Hearsay.Output;

namespace Hearsay.Tests.Output;

public class JsonArticleWriterTests
{
    public static TheoryData<string> Languages => new() { "de", "en" };

    private static Article Fixture(string lang) => lang == "de" ? ArticleFixtures.German() : ArticleFixtures.English();

    private static JsonDocument Write(Article a, JsonOutputOptions? options = null) =>
        JsonDocument.Parse(new JsonArticleWriter(options).ToJson(a));

    [Theory, MemberData(nameof(Languages))]
    public void Every_span_text_equals_the_article_text_between_its_offsets(string lang)
    {
        var article = Fixture(lang);
        using var doc = Write(article);
        int spans = 0;
        foreach (var (path, o) in JsonWalk.Objects(doc.RootElement))
        {
            if (!o.TryGetProperty("start", out var start) || start.ValueKind != JsonValueKind.Number) continue;
            int s = start.GetInt32(), e = o.GetProperty("end").GetInt32();
            if (!o.TryGetProperty("text", out var text))
            {
                Assert.Matches(@"^structure\.blocks\[\d+\]$", path); // the one documented exception
                continue;
            }
            Assert.True(s <= e && e <= article.Text.Length, $"{path}: [{s}..{e}) outside the text");
            Assert.Equal(article.Text[s..e], text.GetString());
            spans++;
        }
        Assert.True(spans > 40, $"only {spans} spans found: the walk missed the annotations");
    }

    [Fact]
    public void Top_level_keys_come_in_a_fixed_order()
    {
        using var doc = Write(ArticleFixtures.German());
        var keys = doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(new[]
        {
            "schema", "hearsay_version", "pipeline_version", "source", "language", "diagnostics", "counts", "structure",
            "entities", "attributions", "claims", "hedges", "quantities", "quotations", "text",
        }, keys);
        Assert.Equal("hearsay.article/1", doc.RootElement.GetProperty("schema").GetString());
    }

    [Fact]
    public void Output_is_the_same_every_time()
    {
        var writer = new JsonArticleWriter();
        Assert.Equal(writer.ToJson(ArticleFixtures.English()), writer.ToJson(ArticleFixtures.English()));
    }

    [Fact]
    public void Enum_values_are_kebab_case()
    {
        using var doc = Write(ArticleFixtures.German());
        var root = doc.RootElement;
        Assert.Equal("according-to", root.GetProperty("attributions")[2].GetProperty("kind").GetString());
        Assert.Equal(new[] { "backward", "continued" },
            root.GetProperty("attributions")[1].GetProperty("signals").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal("document", root.GetProperty("attributions")[2].GetProperty("source").GetProperty("kind").GetString());
        Assert.Contains(root.GetProperty("entities").EnumerateArray(),
            e => e.GetProperty("mentions").EnumerateArray().Any(m => m.GetProperty("kind").GetString() == "pronoun"));
        Assert.Equal("uncertainty", root.GetProperty("hedges")[1].GetProperty("kind").GetString());
    }

    [Fact]
    public void German_structure_names_title_author_dateline_subheading_and_caption_credit()
    {
        using var doc = Write(ArticleFixtures.German());
        var s = doc.RootElement.GetProperty("structure");
        Assert.Equal("Stadtrat billigt neuen Radweg am Weserufer", s.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("Von: Mara Lindqvist", s.GetProperty("byline").GetProperty("text").GetString());
        Assert.Equal("Mara Lindqvist", s.GetProperty("authors")[0].GetProperty("text").GetString());
        Assert.Equal("Bremen", s.GetProperty("dateline").GetProperty("place").GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, s.GetProperty("dateline").GetProperty("agency").ValueKind);
        Assert.Equal("Kosten noch offen", s.GetProperty("subheadings")[0].GetProperty("text").GetString());
        Assert.Equal("© Foto: Stadt Bremen", s.GetProperty("captions")[0].GetProperty("credit").GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, s.GetProperty("teaser").ValueKind);
        Assert.Equal(6, s.GetProperty("blocks").GetArrayLength());
    }

    [Fact]
    public void English_dateline_carries_place_and_agency()
    {
        using var doc = Write(ArticleFixtures.English());
        var d = doc.RootElement.GetProperty("structure").GetProperty("dateline");
        Assert.Equal("BOSTON", d.GetProperty("place").GetProperty("text").GetString());
        Assert.Equal("Reuters", d.GetProperty("agency").GetProperty("text").GetString());
    }

    [Fact]
    public void Attribution_names_source_entity_medium_relays_and_hedges()
    {
        using var doc = Write(ArticleFixtures.German());
        var atts = doc.RootElement.GetProperty("attributions");
        var first = atts[0];
        Assert.Equal("a0", first.GetProperty("id").GetString());
        Assert.Equal("sagte", first.GetProperty("cue").GetProperty("text").GetString());
        Assert.Equal("Anna Berg", first.GetProperty("source").GetProperty("entity").GetString());
        Assert.Equal("Bürgermeisterin", first.GetProperty("source").GetProperty("role").GetProperty("text").GetString());
        Assert.Equal("Weser-Kurier", first.GetProperty("medium").GetProperty("entity").GetString());
        var relay = first.GetProperty("relays")[0];
        Assert.Equal("NDR", relay.GetProperty("name").GetProperty("text").GetString());
        Assert.Equal("Norddeutscher Rundfunk", relay.GetProperty("entity").GetString());
        Assert.False(relay.GetProperty("inferred").GetBoolean());
        Assert.True(atts[1].GetProperty("relays")[0].GetProperty("inferred").GetBoolean());
        Assert.Equal(JsonValueKind.Null, atts[1].GetProperty("medium").ValueKind);

        var paper = atts[2];
        Assert.Equal(JsonValueKind.Null, paper.GetProperty("source").GetProperty("entity").ValueKind);
        var hedge = Assert.Single(paper.GetProperty("hedges").EnumerateArray());
        Assert.Equal("h0", hedge.GetProperty("id").GetString());
        Assert.Equal("könnte", hedge.GetProperty("cue").GetProperty("text").GetString());
    }

    [Fact]
    public void Nested_attribution_points_to_its_parent_and_the_parent_lists_it()
    {
        using var doc = Write(ArticleFixtures.English());
        var atts = doc.RootElement.GetProperty("attributions");
        Assert.Equal(new[] { "a2" }, atts[0].GetProperty("nested").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal("a0", atts[2].GetProperty("parent").GetString());
        Assert.Equal("a0", atts[2].GetProperty("carrier").GetString());
        Assert.Equal(2, atts[2].GetProperty("content").GetProperty("parts").GetArrayLength());
        Assert.False(atts[0].GetProperty("content").TryGetProperty("parts", out _)); // optional: left out when empty
    }

    [Fact]
    public void Claims_carry_chain_assessment_and_references()
    {
        using var doc = Write(ArticleFixtures.German());
        var claims = doc.RootElement.GetProperty("claims");
        var c0 = claims[0];
        Assert.Equal("a0", c0.GetProperty("attribution").GetString());
        Assert.Equal(new[] { "origin", "medium", "relay", "author" },
            c0.GetProperty("chain").EnumerateArray().Select(l => l.GetProperty("role").GetString()));
        Assert.Equal("Anna Berg", c0.GetProperty("chain")[0].GetProperty("name").GetString());
        Assert.Equal("named", c0.GetProperty("assessment").GetProperty("origin").GetString());

        var c1 = claims[1];
        var author = c1.GetProperty("chain")[1];
        Assert.False(author.TryGetProperty("start", out _)); // a link without a span has no offsets
        Assert.True(author.GetProperty("inferred").GetBoolean());
        Assert.True(c1.GetProperty("assessment").GetProperty("hedged_by_author").GetBoolean());
        Assert.Equal("rund 2,5 Millionen Euro", c1.GetProperty("quantities")[0].GetProperty("text").GetString());

        var headline = claims[2];
        Assert.Equal(JsonValueKind.Null, headline.GetProperty("attribution").ValueKind);
        Assert.Equal("unattributed", headline.GetProperty("assessment").GetProperty("origin").GetString());
        Assert.Equal(new[] { "c0" }, headline.GetProperty("supports").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public void Every_reference_points_at_an_object_of_the_output()
    {
        using var doc = Write(ArticleFixtures.English());
        var root = doc.RootElement;
        var ids = JsonWalk.Objects(root)
            .Where(o => o.Path is var p && (p.StartsWith("entities[") || p.StartsWith("attributions[") || p.StartsWith("claims[") || p.StartsWith("hedges[") || p.StartsWith("quantities["))
                        && !p.Contains('.'))
            .Select(o => o.Object.GetProperty("id").GetString())
            .ToHashSet();
        var refs = JsonWalk.StringsNamed(root, "entity_id")
            .Concat(JsonWalk.StringsNamed(root, "parent"))
            .Concat(JsonWalk.StringsNamed(root, "carrier"))
            .Concat(JsonWalk.StringsNamed(root, "attribution"))
            .Concat(JsonWalk.Objects(root).Where(o => o.Path.EndsWith(".nested") || o.Path.Contains(".hedges[") || o.Path.Contains(".quantities["))
                .Select(o => o.Object.TryGetProperty("id", out var id) ? id.GetString() : null).OfType<string>())
            .ToList();
        Assert.NotEmpty(refs);
        Assert.All(refs, r => Assert.Contains(r, ids));
    }

    [Fact]
    public void Entities_carry_type_specific_fields_only_where_they_apply()
    {
        using var doc = Write(ArticleFixtures.German());
        var entities = doc.RootElement.GetProperty("entities").EnumerateArray().ToDictionary(e => e.GetProperty("canonical").GetString()!);
        Assert.Equal("DE", entities["Germany"].GetProperty("iso").GetString());
        Assert.False(entities["Anna Berg"].TryGetProperty("iso", out _));
        Assert.True(entities["Norddeutscher Rundfunk"].GetProperty("state_media").GetBoolean());
        Assert.False(entities["Weser-Kurier"].TryGetProperty("state_media", out _));
        Assert.Equal("newspaper", entities["Weser-Kurier"].GetProperty("subtype").GetString());
        Assert.Equal("feminine", entities["Anna Berg"].GetProperty("gender").GetString());
        Assert.Equal(new[] { "Bürgermeisterin" }, entities["Anna Berg"].GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public void A_mention_context_is_the_mention_with_one_token_either_side()
    {
        using var doc = Write(ArticleFixtures.German());
        var berg = doc.RootElement.GetProperty("entities")[0];
        var pronoun = berg.GetProperty("mentions").EnumerateArray().Single(m => m.GetProperty("kind").GetString() == "pronoun");
        Assert.Equal("sagte sie und", pronoun.GetProperty("context").GetString());
    }

    [Fact]
    public void A_mention_context_does_not_cross_a_line_or_sentence_boundary()
    {
        using var doc = Write(ArticleFixtures.German());
        var bremen = doc.RootElement.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("canonical").GetString() == "Bremen");
        // "Bremen" opens its paragraph: nothing before it may be taken from the byline above.
        Assert.Equal("Bremen –", bremen.GetProperty("mentions")[0].GetProperty("context").GetString());

        using var en = Write(ArticleFixtures.English());
        var wbur = en.RootElement.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("canonical").GetString() == "WBUR");
        Assert.Equal("as WBUR reported", wbur.GetProperty("mentions")[0].GetProperty("context").GetString());
    }

    [Fact]
    public void Mentions_are_listed_in_text_order()
    {
        var a = ArticleFixtures.English();
        var berg = a.Entities[0];
        berg.Mentions.Reverse();
        using var doc = Write(a);
        var starts = doc.RootElement.GetProperty("entities")[0].GetProperty("mentions").EnumerateArray().Select(m => m.GetProperty("start").GetInt32()).ToList();
        Assert.Equal(starts.OrderBy(x => x), starts);
    }

    [Fact]
    public void Quantities_carry_value_bound_and_approximation()
    {
        using var doc = Write(ArticleFixtures.German());
        var q = doc.RootElement.GetProperty("quantities");
        Assert.Equal(2_500_000, q[0].GetProperty("value").GetDouble());
        Assert.Equal("EUR", q[0].GetProperty("unit").GetString());
        Assert.True(q[0].GetProperty("approximate").GetBoolean());
        Assert.Equal("exact", q[0].GetProperty("bound").GetString());
        Assert.Equal("rund", q[0].GetProperty("qualifier").GetProperty("text").GetString());
        Assert.False(q[0].TryGetProperty("upper_value", out _));
        // A date has a text value; its NaN number is written as null (JSON has no NaN).
        Assert.Equal("--05", q[1].GetProperty("value_text").GetString());
        Assert.Equal(JsonValueKind.Null, q[1].GetProperty("value").ValueKind);
    }

    [Fact]
    public void Diagnostics_carry_their_span_when_they_have_one()
    {
        var a = ArticleFixtures.English();
        a.Diagnostics.Add(new Diagnostic(Severity.Info, "test.note", "No span here."));
        a.Warn("test.span", "With a span.", new TextSpan(0, 7));
        using var doc = Write(a);
        var d = doc.RootElement.GetProperty("diagnostics");
        Assert.False(d[0].TryGetProperty("start", out _));
        Assert.Equal("info", d[0].GetProperty("severity").GetString());
        Assert.Equal("Council", d[1].GetProperty("text").GetString());
        Assert.Equal("warning", d[1].GetProperty("severity").GetString());
    }

    [Fact]
    public void Without_text_the_full_text_is_left_out_but_spans_keep_theirs()
    {
        using var doc = Write(ArticleFixtures.German(), new JsonOutputOptions { IncludeText = false });
        Assert.False(doc.RootElement.TryGetProperty("text", out _));
        Assert.Equal("sagte", doc.RootElement.GetProperty("attributions")[0].GetProperty("cue").GetProperty("text").GetString());
    }

    [Fact]
    public void Non_ascii_text_stays_readable()
    {
        string json = new JsonArticleWriter().ToJson(ArticleFixtures.German());
        Assert.Contains("„Das ist ein guter Tag", json);
        Assert.Contains("\"Bürgermeisterin\"", json);
        Assert.DoesNotContain("\\u00FC", json);
    }

    [Fact]
    public void Json_lines_record_is_one_compact_line()
    {
        using var stream = new MemoryStream();
        new JsonArticleWriter().WriteLine(stream, ArticleFixtures.German());
        new JsonArticleWriter(new JsonOutputOptions { IncludeText = false }).WriteLine(stream, ArticleFixtures.English());
        var lines = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Equal("", lines[2]);
        using var de = JsonDocument.Parse(lines[0]);
        using var en = JsonDocument.Parse(lines[1]);
        Assert.Equal("de", de.RootElement.GetProperty("language").GetProperty("code").GetString());
        Assert.False(en.RootElement.TryGetProperty("text", out _));
    }

    [Fact]
    public void A_span_outside_the_text_fails_loudly()
    {
        var a = ArticleFixtures.English();
        a.Hedges.Add(new Hedge(HedgeKind.Speculation, new TextSpan(a.Text.Length - 2, 5), new TextSpan(0, 1)));
        var ex = Assert.Throws<InvalidOperationException>(() => new JsonArticleWriter().ToJson(a));
        Assert.Contains("outside the article text", ex.Message);
    }

    [Fact]
    public void Every_enum_value_of_the_model_has_an_output_name()
    {
        foreach (var v in Enum.GetValues<AttributionKind>()) Assert.Matches("^[a-z0-9-]+$", OutputNames.Of(v));
        foreach (var v in Enum.GetValues<SourceKind>()) Assert.Matches("^[a-z0-9-]+$", OutputNames.Of(v));
        foreach (var v in Enum.GetValues<EntityType>()) Assert.Matches("^[a-z0-9-]+$", OutputNames.Of(v));
        foreach (var v in Enum.GetValues<MentionKind>()) Assert.Matches("^[a-z0-9-]+$", OutputNames.Of(v));
        foreach (var v in Enum.GetValues<Gender>()) Assert.Matches("^[a-z0-9-]+$", OutputNames.Of(v));
        foreach (var v in Enum.GetValues<HedgeKind>()) Assert.Matches("^[a-z0-9-]+$", OutputNames.Of(v));
        foreach (var v in Enum.GetValues<QuantityKind>()) Assert.Matches("^[a-z0-9-]+$", OutputNames.Of(v));
        foreach (var v in Enum.GetValues<Bound>()) Assert.Matches("^[a-z0-9-]+$", OutputNames.Of(v));
        foreach (var v in Enum.GetValues<ChainRole>()) Assert.Matches("^[a-z0-9-]+$", OutputNames.Of(v));
        foreach (var v in Enum.GetValues<OriginKind>()) Assert.Matches("^[a-z0-9-]+$", OutputNames.Of(v));
        foreach (var v in Enum.GetValues<BlockKind>()) Assert.Matches("^[a-z0-9-]+$", OutputNames.Of(v));
        foreach (var v in Enum.GetValues<Severity>()) Assert.Matches("^[a-z0-9-]+$", OutputNames.Of(v));
        foreach (var v in OutputNames.SignalOrder) Assert.Matches("^[a-z0-9-]+$", OutputNames.Of(v));
        Assert.Equal(Enum.GetValues<SpeechSignals>().Length - 1, OutputNames.SignalOrder.Length); // all but None
    }
}
