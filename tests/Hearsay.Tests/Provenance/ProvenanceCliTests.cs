using System.Text;
using System.Text.Json;
using Hearsay.Cli;
using Hearsay.Cli.Commands;
using Hearsay.Output;
using Hearsay.Input;
using Hearsay.Provenance.Sources;
using Hearsay.Tests.Cli;

namespace Hearsay.Tests.Provenance;

/// <summary><c>hearsay claims</c>, <c>trace</c> and <c>export</c> on the fixture corpus, the inputs they read, and
/// their exit codes.</summary>
public class ProvenanceCliTests
{
    private static readonly string Corpus = ProvenanceCorpus.Folder;

    [Fact]
    public void Claims_lists_the_cluster_with_its_origin_and_drift()
    {
        using var cli = new CliHarness();
        var r = cli.Run("claims", "--from", Corpus);
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("8 articles", r.Out);
        Assert.Contains("#1  k", r.Out);
        Assert.Contains("6 articles · 6 outlets · de, en · first 2023-03-02 The Daily Beast", r.Out);
        Assert.Contains("single origin · 5 repetitions · 1 unsourced", r.Out);
        Assert.Contains("number: 50,000 → up to 50,000 → at least ~10,000 (drift)", r.Out);
        Assert.DoesNotContain("#2", r.Out);
    }

    [Fact]
    public void Claims_with_min_articles_one_lists_every_claim()
    {
        using var cli = new CliHarness();
        var r = cli.Run("claims", "--from", Corpus, "--min-articles", "1", "--top", "100");
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("#2", r.Out);
    }

    [Fact]
    public void Trace_shows_timeline_relay_tree_and_relays()
    {
        using var cli = new CliHarness();
        var r = cli.Run("trace", "1", "--from", Corpus);
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("First appearance: 2023-03-02 The Daily Beast (en) — first by publication date", r.Out);
        Assert.Contains("Single origin: yes", r.Out);
        Assert.Contains("Timeline", r.Out);
        var tree = r.Out[r.Out.IndexOf("Relay tree", StringComparison.Ordinal)..];
        Assert.Matches(@"└─ The Daily Beast \(2023-03-02, en\)", tree);
        Assert.Matches(@"\n\s+└─ New York Post \(2023-03-03, en\)", tree);
        Assert.Matches(@"\n\s+└─ Focus Online \(2023-03-03, de\) “50.000”", tree);
        Assert.Contains("(no source named)", tree);
        Assert.Contains("Russia-1 (medium, state media)", r.Out);
    }

    [Theory]
    [InlineData("Iran Freiwillige")]
    [InlineData("Iranian volunteers")]
    public void Trace_finds_a_claim_by_its_words_in_either_language(string words)
    {
        using var cli = new CliHarness();
        var r = cli.Run("trace", words, "--from", Corpus);
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("50,000 Iranian volunteers", r.Out);
    }

    [Fact]
    public void Trace_of_an_unknown_claim_is_a_usage_error()
    {
        using var cli = new CliHarness();
        var r = cli.Run("trace", "#7", "--from", Corpus);
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("no claim #7", r.Err);
    }

    [Fact]
    public void Export_writes_each_format_to_a_file()
    {
        using var cli = new CliHarness();
        foreach (var format in new[] { "json", "csv", "claimreview", "prov", "graphml" })
        {
            var r = cli.Run("export", "--from", Corpus, "--format", format, "--claim", "1", "-o", "out." + format);
            Assert.Equal(ExitCodes.Ok, r.ExitCode);
            Assert.True(new FileInfo(Path.Combine(cli.Folder, "out." + format)).Length > 100, format);
        }
    }

    [Fact]
    public void Missing_input_and_the_unavailable_store_are_reported()
    {
        using var cli = new CliHarness();
        Assert.Equal(ExitCodes.Usage, cli.Run("claims").ExitCode);
        var missing = cli.Run("claims", "--from", "no-such-folder");
        Assert.Equal(ExitCodes.InputNotFound, missing.ExitCode);
        Assert.Contains("no such file or folder", missing.Err);
        if (ProvenanceInput.OpenStore is null)
        {
            var store = cli.Run("claims", "--store", "hearsay.db");
            Assert.Equal(ExitCodes.Usage, store.ExitCode);
            Assert.Contains("--store is not available", store.Err);
        }
        Assert.Equal(ExitCodes.Usage, cli.Run("export", "--from", Corpus, "--format", "rdf").ExitCode);
    }

    [Fact]
    public void A_broken_line_in_json_lines_is_reported_and_the_rest_is_read()
    {
        using var cli = new CliHarness();
        var lines = new StringBuilder();
        lines.AppendLine("""{"title": "Iran will angeblich 50.000 Freiwillige schicken", "text": "Moskau – Der Iran sei bereit, 50.000 Freiwillige nach Russland zu schicken, sagte der Politologe Oleg Smirnow im Staatsfernsehen.", "outlet": "Focus Online", "published": "2023-03-03", "language": "de"}""");
        lines.AppendLine("{ not json");
        lines.AppendLine("""{"title": "Iran could send 50,000 volunteers to Russia", "text": "MOSCOW - Iran is ready to send 50,000 volunteers to Russia, the political scientist Oleg Smirnov said on state TV.", "outlet": "New York Post", "published": "2023-03-02", "language": "en"}""");
        cli.File("feed.jsonl", lines.ToString());
        var r = cli.Run("claims", "--from", "feed.jsonl");
        Assert.Equal(ExitCodes.SomeInputsFailed, r.ExitCode);
        Assert.Contains("feed.jsonl line 2", r.Err);
        Assert.Contains("2 articles · 2 outlets · de, en · first 2023-03-02 New York Post", r.Out);
    }

    [Fact]
    public void Analyses_in_json_lines_give_the_same_claims_as_the_articles()
    {
        // hearsay.article/1 output (as 'hearsay analyze --format jsonl' writes it, here with the front matter's metadata).
        var analyzer = new Analyzer();
        var jsonl = new StringBuilder();
        var fromText = new List<Hearsay.Provenance.Model.ClaimArticle>();
        foreach (var file in Directory.GetFiles(Corpus, "*.txt").OrderBy(f => f, StringComparer.Ordinal))
        {
            var (text, meta) = FrontMatter.Split(File.ReadAllText(file), new Document.ArticleMetadata { Path = file });
            var article = analyzer.AnalyzeText(text, meta);
            fromText.Add(ArticleClaimsExtractor.Extract(article));
            jsonl.AppendLine(new JsonArticleWriter(new JsonOutputOptions { Indented = false, IncludeText = false }).ToJson(article));
        }
        var lines = jsonl.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < lines.Length; i++)
        {
            var fromJson = HearsayJsonClaimReader.Read(lines[i]);
            var expected = fromText[i];
            Assert.Equal(expected.Info.Outlet, fromJson.Info.Outlet);
            Assert.Equal(expected.Info.Published, fromJson.Info.Published);
            Assert.Equal(expected.Claims.Select(c => c.Text), fromJson.Claims.Select(c => c.Text));
            Assert.Equal(expected.Claims.SelectMany(c => c.Chain.Select(h => h.Key)), fromJson.Claims.SelectMany(c => c.Chain.Select(h => h.Key)));
            Assert.Equal(expected.Claims.SelectMany(c => c.EntityKeys), fromJson.Claims.SelectMany(c => c.EntityKeys));
            Assert.Equal(expected.Claims.SelectMany(c => c.Quantities.Select(q => q.AsWritten)), fromJson.Claims.SelectMany(c => c.Quantities.Select(q => q.AsWritten)));
        }
        using var cli = new CliHarness();
        cli.File("analysed.jsonl", jsonl.ToString());
        var r = cli.Run("claims", "--from", "analysed.jsonl");
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("6 articles · 6 outlets · de, en · first 2023-03-02 The Daily Beast", r.Out);
    }

    [Fact]
    public void Claims_as_json_is_the_provenance_document()
    {
        using var cli = new CliHarness();
        var r = cli.Run("claims", "--from", Corpus, "--format", "json");
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("hearsay.provenance/1", doc.RootElement.GetProperty("schema").GetString());
    }
}
