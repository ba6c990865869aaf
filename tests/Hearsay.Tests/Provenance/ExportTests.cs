using System.Globalization;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Microsoft.VisualBasic.FileIO;
using Hearsay.Provenance.Exports;
using Hearsay.Provenance.Graph;
using Hearsay.Tests.Output;
using Hearsay.Tests.Provenance.Readers;
using Json.Schema;

namespace Hearsay.Tests.Provenance;

/// <summary>Every export of the fixture corpus's graph, read back with a reader that shares no code with the
/// writer: JSON against its JSON Schema, CSV with the BCL's TextFieldParser, ClaimReview and PROV through a JSON-LD expansion,
/// GraphML against an XML Schema of GraphML and with its typed data parsed by type.</summary>
public class ExportTests(ProvenanceCorpusFixture fixture) : IClassFixture<ProvenanceCorpusFixture>
{
    private readonly ProvenanceGraph _graph = fixture.Corpus.Graph;
    private static readonly ExportOptions Options = new() { Generated = new DateTimeOffset(2024, 6, 1, 12, 0, 0, TimeSpan.Zero) };

    private string Export(string format)
    {
        var w = new StringWriter();
        GraphExporters.Find(format)!.Write(_graph, w, Options);
        return w.ToString();
    }

    // ---- JSON ---------------------------------------------------------------------------------------------

    [Fact]
    public void Json_matches_its_schema()
    {
        var schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(JsonWalk.RepoRoot(), "docs", "schema", "hearsay-provenance-1.schema.json")));
        using var doc = JsonDocument.Parse(Export("json"));
        var result = schema.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(10);
        Assert.True(result.IsValid, string.Join("\n", errors));
    }

    [Fact]
    public void Json_carries_the_derived_facts_and_a_consistent_graph()
    {
        using var doc = JsonDocument.Parse(Export("json"));
        var root = doc.RootElement;
        Assert.Equal("hearsay.provenance/1", root.GetProperty("schema").GetString());
        var claim = root.GetProperty("claims")[0];
        Assert.Equal(6, claim.GetProperty("articles").GetInt32());
        Assert.True(claim.GetProperty("single_origin").GetBoolean());
        Assert.Equal("50,000 → up to 50,000 → at least ~10,000", claim.GetProperty("drift").GetProperty("summary").GetString());
        var nodes = root.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()).ToHashSet();
        foreach (var e in root.GetProperty("edges").EnumerateArray())
        {
            Assert.Contains(e.GetProperty("source").GetString(), nodes);
            Assert.Contains(e.GetProperty("target").GetString(), nodes);
        }
        var articles = root.GetProperty("articles").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToHashSet();
        foreach (var a in claim.GetProperty("appearances").EnumerateArray()) Assert.Contains(a.GetProperty("article").GetString(), articles);
    }

    // ---- CSV ----------------------------------------------------------------------------------------------

    [Fact]
    public void Csv_reads_back_with_an_RFC_4180_reader_one_row_per_appearance()
    {
        var text = Export("csv");
        Assert.Contains("\r\n", text);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "")
            .Split('"').Where((_, i) => i % 2 == 0).Aggregate("", (a, b) => a + b)); // bare LF only inside quoted fields
        using var parser = new TextFieldParser(new StringReader(text)) { HasFieldsEnclosedInQuotes = true, TrimWhiteSpace = false };
        parser.SetDelimiters(",");
        var header = parser.ReadFields()!;
        var rows = new List<Dictionary<string, string>>();
        while (!parser.EndOfData)
        {
            var fields = parser.ReadFields()!;
            Assert.Equal(header.Length, fields.Length);
            rows.Add(header.Zip(fields).ToDictionary(p => p.First, p => p.Second));
        }
        Assert.Equal(CsvGraphExporter.Columns, header);
        Assert.Equal(_graph.Claims.Sum(c => c.Appearances.Count), rows.Count);
        var main = _graph.Claims[0];
        for (int i = 0; i < main.Appearances.Count; i++)
        {
            var a = main.Appearances[i];
            Assert.Equal(main.Id, rows[i]["claim_id"]);
            Assert.Equal(a.Principal.Text, rows[i]["mention_text"]); // quotes and commas round-trip
            Assert.Equal(a.Article.Id, rows[i]["article_id"]);
            Assert.Equal(a.Quantity?.AsWritten ?? "", rows[i]["quantity"]);
        }
        Assert.Contains(rows, r => r["mention_text"].Contains(',')); // quoted fields round-trip
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("„Zitat“ \"quoted\"", "\"„Zitat“ \"\"quoted\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    public void Csv_fields_are_quoted_as_RFC_4180_asks(string value, string written) =>
        Assert.Equal(written, CsvGraphExporter.Field(value));

    // ---- ClaimReview --------------------------------------------------------------------------------------

    private const string Schema = "https://schema.org/";

    [Fact]
    public void ClaimReview_expands_to_schema_org_terms_with_nothing_dropped()
    {
        var ld = JsonLdExpander.Expand(Export("claimreview"));
        Assert.Empty(ld.Dropped);
        var review = Assert.Single(ld.Nodes.Values, n => n.Types.Contains(Schema + "ClaimReview"));
        Assert.Equal(_graph.Claims[0].Text, review.Get(Schema + "claimReviewed").Single().Literal);
        Assert.Equal("2024-06-01", review.Get(Schema + "datePublished").Single().Literal);
        var claim = ld.Nodes[review.Get(Schema + "itemReviewed").Single().Ref!];
        Assert.Contains(Schema + "Claim", claim.Types);
        Assert.Equal(6, claim.Get(Schema + "appearance").Count());
        var first = ld.Nodes[claim.Get(Schema + "firstAppearance").Single().Ref!];
        Assert.Contains(Schema + "NewsArticle", first.Types);
        Assert.Equal("2023-03-02T18:40:00+00:00", first.Get(Schema + "datePublished").Single().Literal);
        var author = ld.Nodes[claim.Get(Schema + "author").Single().Ref!];
        Assert.Contains(Schema + "Person", author.Types);
        Assert.StartsWith("Oleg Smirno", author.Get(Schema + "name").Single().Literal);
        Assert.Equal("2023-03-02", claim.Get(Schema + "datePublished").Single().Literal);
    }

    [Fact]
    public void ClaimReview_invents_no_rating()
    {
        var ld = JsonLdExpander.Expand(Export("claimreview"));
        Assert.DoesNotContain(ld.Nodes.Values, n => n.Properties.ContainsKey(Schema + "reviewRating"));
        Assert.DoesNotContain(ld.Nodes.Values, n => n.Types.Contains(Schema + "Rating"));
    }

    // ---- PROV ---------------------------------------------------------------------------------------------

    private const string Prov = "http://www.w3.org/ns/prov#";

    /// <summary>The PROV-O terms (classes and properties of the starting-point and expanded terms) the export may use.</summary>
    private static readonly HashSet<string> ProvTerms =
    [
        "Entity", "Activity", "Agent", "Person", "Organization", "SoftwareAgent",
        "wasGeneratedBy", "wasDerivedFrom", "wasAttributedTo", "wasQuotedFrom", "wasRevisionOf", "hadPrimarySource",
        "used", "wasAssociatedWith", "actedOnBehalfOf", "wasInformedBy", "startedAtTime", "endedAtTime",
        "generatedAtTime", "invalidatedAtTime", "value", "specializationOf", "alternateOf", "atLocation",
    ];

    [Fact]
    public void Prov_expands_to_prov_o_terms_with_nothing_dropped()
    {
        var ld = JsonLdExpander.Expand(Export("prov"));
        Assert.Empty(ld.Dropped);
        var used = ld.Nodes.Values.SelectMany(n => n.Types.Concat(n.Properties.Keys)).Where(i => i.StartsWith(Prov)).Select(i => i[Prov.Length..]).ToHashSet();
        Assert.Subset(ProvTerms, used);
        Assert.Contains("wasDerivedFrom", used);
        Assert.Contains("wasAttributedTo", used);
        Assert.Contains("wasQuotedFrom", used);
        Assert.Contains(ld.Nodes.Values, n => n.Types.Contains(Prov + "Activity"));
        Assert.Contains(ld.Nodes.Values, n => n.Types.Contains(Prov + "Person"));
        // Every reference to a Hearsay id is a node of the document.
        foreach (var v in ld.Nodes.Values.SelectMany(n => n.Properties.Values.SelectMany(x => x)))
            if (v.Ref is { } r && r.StartsWith(Options.BaseIri)) Assert.True(ld.Nodes.ContainsKey(r), "dangling reference " + r);
        // Dates are typed.
        Assert.All(ld.Nodes.Values.SelectMany(n => n.Get(Prov + "generatedAtTime")), v => Assert.Equal("http://www.w3.org/2001/XMLSchema#dateTime", v.Datatype));
    }

    [Fact]
    public void Prov_derivations_lead_from_the_last_article_back_to_the_origin()
    {
        var ld = JsonLdExpander.Expand(Export("prov"));
        var main = _graph.Claims[0];
        var merkur = main.Appearances.Single(a => a.Article.Outlet == "Münchner Merkur");
        var start = Options.BaseIri + $"statement/{main.Id}/{merkur.Article.Id}";
        // Walk wasDerivedFrom and wasQuotedFrom until an entity attributed to a person.
        var seen = new HashSet<string>();
        var frontier = new Queue<string>([start]);
        string? person = null;
        while (frontier.Count > 0 && person is null)
        {
            var id = frontier.Dequeue();
            if (!seen.Add(id) || !ld.Nodes.TryGetValue(id, out var n)) continue;
            foreach (var agent in n.Get(Prov + "wasAttributedTo"))
                if (ld.Nodes.TryGetValue(agent.Ref!, out var a) && a.Types.Contains(Prov + "Person")) person = agent.Ref;
            foreach (var v in n.Get(Prov + "wasDerivedFrom").Concat(n.Get(Prov + "wasQuotedFrom"))) frontier.Enqueue(v.Ref!);
        }
        Assert.NotNull(person);
        Assert.Contains("smirnov", person);
        Assert.True(seen.Count >= 3, "the path passes through the relays");
    }

    // ---- GraphML ------------------------------------------------------------------------------------------

    private XDocument ValidGraphMl()
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(GraphMlExporter.Namespace, Path.Combine(JsonWalk.RepoRoot(), "tests", "Hearsay.Tests", "Provenance", "Readers", "graphml-subset.xsd"));
        var doc = XDocument.Parse(Export("graphml"));
        var errors = new List<string>();
        doc.Validate(schemas, (_, e) => errors.Add(e.Message));
        Assert.Empty(errors);
        return doc;
    }

    [Fact]
    public void GraphMl_validates_against_the_GraphML_structure()
    {
        var doc = ValidGraphMl();
        XNamespace g = GraphMlExporter.Namespace;
        var graph = doc.Root!.Element(g + "graph")!;
        Assert.Equal("directed", graph.Attribute("edgedefault")!.Value);
        Assert.Equal(_graph.Nodes.Count, graph.Elements(g + "node").Count());
        Assert.Equal(_graph.Edges.Count, graph.Elements(g + "edge").Count());
    }

    [Fact]
    public void GraphMl_data_parses_as_the_type_its_key_declares()
    {
        var doc = ValidGraphMl();
        XNamespace g = GraphMlExporter.Namespace;
        var keys = doc.Root!.Elements(g + "key").ToDictionary(k => k.Attribute("id")!.Value,
            k => (For: k.Attribute("for")!.Value, Name: k.Attribute("attr.name")!.Value, Type: k.Attribute("attr.type")!.Value));
        foreach (var data in doc.Descendants(g + "data"))
        {
            var key = keys[data.Attribute("key")!.Value];
            Assert.Equal(key.For, data.Parent!.Name.LocalName);
            var v = data.Value;
            switch (key.Type)
            {
                case "int": Assert.True(int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out _), $"{key.Name}={v}"); break;
                case "boolean": Assert.True(v is "true" or "false", $"{key.Name}={v}"); break;
                case "string": break;
                default: Assert.Fail("unexpected type " + key.Type); break;
            }
        }
        // Gephi and yEd show "label"; the claim node carries its facts.
        Assert.Contains(keys.Values, k => k.For == "node" && k.Name == "label");
        Assert.Contains(keys.Values, k => k.For == "edge" && k.Name == "label");
        var claimNode = doc.Descendants(g + "node").First(n => n.Elements(g + "data").Any(d => d.Value == "claim"));
        string Data(string name) => claimNode.Elements(g + "data").Single(d => keys[d.Attribute("key")!.Value].Name == name).Value;
        Assert.Equal("true", Data("single_origin"));
        Assert.Equal("6", Data("articles"));
    }

    // ---- subgraph -----------------------------------------------------------------------------------------

    [Theory]
    [InlineData("json")]
    [InlineData("csv")]
    [InlineData("claimreview")]
    [InlineData("prov")]
    [InlineData("graphml")]
    public void Every_format_writes_a_one_claim_subgraph(string format)
    {
        var w = new StringWriter();
        GraphExporters.Find(format)!.Write(_graph.Subgraph(_graph.Claims[0].Id), w, Options);
        Assert.Contains(_graph.Claims[0].Id, w.ToString());
    }
}
