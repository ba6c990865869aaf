using System.Text.Json;
using System.Text.Json.Nodes;
using Hearsay.Document;
using Hearsay.Output;
using Json.Schema;

namespace Hearsay.Tests.Output;

/// <summary>The written JSON against docs/schema/hearsay-article-1.schema.json: the schema is strict
/// (no unknown keys, required keys, enums), so these tests keep writer, schema and docs in step.</summary>
public class JsonSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(JsonWalk.RepoRoot(), "docs", "schema", "hearsay-article-1.schema.json");
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaPath)));
    private static readonly Lazy<JsonNode> SchemaJson = new(() => JsonNode.Parse(File.ReadAllText(SchemaPath))!);

    private static void AssertValid(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var result = Schema.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (result.IsValid) return;
        var errors = (result.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .Take(20);
        Assert.Fail("output does not match the schema:\n" + string.Join("\n", errors));
    }

    private static bool IsValid(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Schema.Value.Evaluate(doc.RootElement).IsValid;
    }

    [Fact]
    public void Schema_id_and_name_match_the_writer()
    {
        Assert.Equal(JsonArticleWriter.SchemaId, SchemaJson.Value["$id"]!.GetValue<string>());
        Assert.Equal(JsonArticleWriter.SchemaName, SchemaJson.Value["properties"]!["schema"]!["const"]!.GetValue<string>());
    }

    [Fact]
    public void German_fixture_matches_the_schema() => AssertValid(new JsonArticleWriter().ToJson(ArticleFixtures.German()));

    [Fact]
    public void English_fixture_matches_the_schema() => AssertValid(new JsonArticleWriter().ToJson(ArticleFixtures.English()));

    [Fact]
    public void Output_without_text_matches_the_schema() =>
        AssertValid(new JsonArticleWriter(new JsonOutputOptions { IncludeText = false, Indented = false }).ToJson(ArticleFixtures.German()));

    [Theory]
    [InlineData("Berlin – Die Regierung will sparen. „Wir müssen handeln“, sagte der Minister am Montag.")]
    [InlineData("LONDON - The government plans cuts. \"We must act,\" the minister said on Monday.")]
    [InlineData("")]
    public void Output_of_the_default_pipeline_matches_the_schema(string text) =>
        AssertValid(new JsonArticleWriter().ToJson(new Analyzer().AnalyzeText(text)));

    [Fact]
    public void The_example_in_docs_output_md_matches_the_schema_and_its_offsets()
    {
        string md = File.ReadAllText(Path.Combine(JsonWalk.RepoRoot(), "docs", "output.md"));
        int start = md.IndexOf("```json\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/output.md has no ```json example");
        start += "```json\n".Length;
        string json = md[start..md.IndexOf("```", start, StringComparison.Ordinal)];
        AssertValid(json);
        using var doc = JsonDocument.Parse(json);
        string text = doc.RootElement.GetProperty("text").GetString()!;
        foreach (var (path, o) in JsonWalk.Objects(doc.RootElement))
            if (o.TryGetProperty("text", out var t) && o.TryGetProperty("start", out var s) && s.ValueKind == JsonValueKind.Number)
                Assert.True(text[s.GetInt32()..o.GetProperty("end").GetInt32()] == t.GetString(), $"docs example, {path}: offsets do not match its text");
    }

    [Fact]
    public void Schema_rejects_a_missing_layer_an_unknown_key_and_a_wrong_enum_value()
    {
        string json = new JsonArticleWriter().ToJson(ArticleFixtures.German());
        Assert.True(IsValid(json));

        var missing = JsonNode.Parse(json)!.AsObject();
        missing.Remove("claims");
        Assert.False(IsValid(missing.ToJsonString()));

        var extra = JsonNode.Parse(json)!.AsObject();
        extra["attributions"]![0]!.AsObject()["speaker"] = "someone";
        Assert.False(IsValid(extra.ToJsonString()));

        var wrongEnum = JsonNode.Parse(json)!.AsObject();
        wrongEnum["attributions"]![2]!["kind"] = "according_to";
        Assert.False(IsValid(wrongEnum.ToJsonString()));
    }

    public static TheoryData<string, string[]> Enums => new()
    {
        { "/properties/attributions/items/properties/kind", Enum.GetValues<AttributionKind>().Select(OutputNames.Of).ToArray() },
        { "/$defs/sourceKind", Enum.GetValues<SourceKind>().Select(OutputNames.Of).ToArray() },
        { "/$defs/hedgeKind", Enum.GetValues<HedgeKind>().Select(OutputNames.Of).ToArray() },
        { "/properties/entities/items/properties/type", Enum.GetValues<EntityType>().Select(OutputNames.Of).ToArray() },
        { "/properties/entities/items/properties/mentions/items/properties/kind", Enum.GetValues<MentionKind>().Select(OutputNames.Of).ToArray() },
        { "/properties/entities/items/properties/gender", Enum.GetValues<Gender>().Where(g => g != Gender.Unknown).Select(OutputNames.Of).ToArray() },
        { "/properties/quantities/items/properties/kind", Enum.GetValues<QuantityKind>().Select(OutputNames.Of).ToArray() },
        { "/properties/quantities/items/properties/bound", Enum.GetValues<Bound>().Select(OutputNames.Of).ToArray() },
        { "/properties/claims/items/properties/chain/items/properties/role", Enum.GetValues<ChainRole>().Select(OutputNames.Of).ToArray() },
        { "/properties/claims/items/properties/assessment/properties/origin", Enum.GetValues<OriginKind>().Select(OutputNames.Of).ToArray() },
        { "/properties/structure/properties/blocks/items/properties/kind", Enum.GetValues<BlockKind>().Select(OutputNames.Of).ToArray() },
        { "/properties/diagnostics/items/properties/severity", Enum.GetValues<Severity>().Select(OutputNames.Of).ToArray() },
        { "/properties/attributions/items/properties/signals/items", OutputNames.SignalOrder.ToArray().Select(OutputNames.Of).ToArray() },
    };

    [Theory, MemberData(nameof(Enums))]
    public void Schema_enums_list_exactly_the_model_values(string pointer, string[] names)
    {
        JsonNode? node = SchemaJson.Value;
        foreach (var part in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries)) node = node?[part];
        var listed = node?["enum"]?.AsArray().Select(x => x!.GetValue<string>()).ToArray();
        Assert.NotNull(listed);
        Assert.Equal(names.OrderBy(x => x, StringComparer.Ordinal), listed!.OrderBy(x => x, StringComparer.Ordinal));
    }
}
