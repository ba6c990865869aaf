using System.Text;
using System.Text.Json;
using Hearsay.Cli;
using Hearsay.Cli.Commands;
using Hearsay.Tests.Cli;
using static Hearsay.Tests.Store.StoreTestData;

namespace Hearsay.Tests.Store;

public class IngestCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();
    private string Db => Path.Combine(_cli.Folder, "store.db");

    public void Dispose() => _cli.Dispose();

    private CliHarness.Result Hearsay(params string[] args) => _cli.Run([.. args, "--store", "store.db"]);

    /// <summary>Six articles: German and English plain text, one HTML page, and three lines of JSON.</summary>
    private void WriteCorpus()
    {
        _cli.File("news/de-0.txt", German(0));
        _cli.File("news/en-1.txt", English(1));
        var en3 = English(3);
        _cli.File("news/page.html", Encoding.UTF8.GetString(Html(en3[..en3.IndexOf('\n')], en3[(en3.IndexOf('\n') + 2)..])));
        _cli.File("news/feed.jsonl", JsonLines(3, from: 10));
    }

    [Fact]
    public void Ingest_stores_every_article_and_a_second_run_adds_nothing()
    {
        WriteCorpus();
        var first = Hearsay("ingest", "news", "--format", "json", "--progress", "none");
        Assert.True(first.ExitCode == ExitCodes.Ok, first.ToString());
        using (var doc = JsonDocument.Parse(first.Out))
        {
            Assert.Equal(6, doc.RootElement.GetProperty("added").GetInt32());
            Assert.Equal("done", doc.RootElement.GetProperty("status").GetString());
        }
        var second = Hearsay("ingest", "news", "--format", "json", "--progress", "none");
        Assert.True(second.ExitCode == ExitCodes.Ok, second.ToString());
        using (var doc = JsonDocument.Parse(second.Out))
        {
            Assert.Equal(0, doc.RootElement.GetProperty("added").GetInt32());
            Assert.Equal(6, doc.RootElement.GetProperty("already_stored").GetInt32());
        }
        Assert.Equal(6, StoreChecks.Scalar(Db, "SELECT count(*) FROM articles"));
        Assert.Equal(2, StoreChecks.Scalar(Db, "SELECT count(*) FROM runs"));
        StoreChecks.AssertConsistent(Db);
    }

    [Fact]
    public void The_same_text_in_two_files_is_stored_once_but_under_two_urls_twice()
    {
        _cli.File("a/one.txt", German(5));
        _cli.File("a/copy.txt", German(5));
        var r = Hearsay("ingest", "a", "--progress", "none");
        Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString());
        Assert.Equal(1, StoreChecks.Scalar(Db, "SELECT count(*) FROM articles"));

        var text = JsonSerializer.Serialize(German(6));
        _cli.File("b/feed.jsonl", $"{{\"text\":{text},\"url\":\"https://a.example/x\"}}\n{{\"text\":{text},\"url\":\"https://b.example/y\"}}\n");
        Hearsay("ingest", "b", "--progress", "none");
        Assert.Equal(3, StoreChecks.Scalar(Db, "SELECT count(*) FROM articles"));
    }

    [Fact]
    public void Metadata_from_json_lines_is_stored_with_the_pipeline_version()
    {
        _cli.File("feed.jsonl", JsonLines(2));
        Hearsay("ingest", "feed.jsonl", "--progress", "none");
        Assert.Equal(["https://news.example/0", "https://news.example/1"], StoreChecks.Strings(Db, "SELECT url FROM articles ORDER BY url"));
        Assert.Equal(["Daily Example", "Tagesblatt"], StoreChecks.Strings(Db, "SELECT outlet FROM articles ORDER BY outlet"));
        Assert.Equal(["de", "en"], StoreChecks.Strings(Db, "SELECT language FROM articles ORDER BY language"));
        Assert.Equal([Hearsay_Pipeline_Version, Hearsay_Pipeline_Version], StoreChecks.Strings(Db, "SELECT pipeline_version FROM articles"));
        Assert.Equal(["feed.jsonl line 1", "feed.jsonl line 2"], StoreChecks.Strings(Db, "SELECT origin FROM articles ORDER BY origin"));
    }

    [Fact]
    public void Front_matter_of_a_text_file_gives_its_metadata_and_is_not_analysed()
    {
        _cli.File("notes/report.txt",
            "---\ntitle: Hafen erweitert\noutlet: Küstenbote\npublished: 2025-04-03\nurl: https://kuestenbote.example/hafen\nlanguage: German\n---\n" +
            "Der Hafen wird erweitert. \"Wir brauchen mehr Platz\", sagte die Sprecherin der Hafenbehörde am Montag.\n");
        var r = Hearsay("ingest", "notes", "--progress", "none");
        Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString());
        Assert.Equal(["Hafen erweitert"], StoreChecks.Strings(Db, "SELECT title FROM articles"));
        Assert.Equal(["Küstenbote"], StoreChecks.Strings(Db, "SELECT outlet FROM articles"));
        Assert.Equal(["https://kuestenbote.example/hafen"], StoreChecks.Strings(Db, "SELECT url FROM articles"));
        Assert.Equal(["de"], StoreChecks.Strings(Db, "SELECT language FROM articles"));
        Assert.StartsWith("2025-04-03", StoreChecks.Strings(Db, "SELECT published FROM articles").Single());

        var show = Hearsay("show", "https://kuestenbote.example/hafen", "--format", "json");
        Assert.True(show.ExitCode == ExitCodes.Ok, show.ToString());
        using var doc = JsonDocument.Parse(show.Out);
        var text = doc.RootElement.GetProperty("text").GetString()!;
        Assert.StartsWith("Hafen erweitert\n\nDer Hafen", text);
        Assert.DoesNotContain("outlet:", text);
    }

    private static string Hearsay_Pipeline_Version => global::Hearsay.Pipeline.AnalysisPipeline.Version;

    [Fact]
    public void Reanalyze_redoes_only_what_an_older_pipeline_stored()
    {
        _cli.File("feed.jsonl", JsonLines(6));
        Hearsay("ingest", "feed.jsonl", "--progress", "none");
        StoreChecks.Execute(Db, "UPDATE articles SET pipeline_version = '0.0.1' WHERE id % 2 = 0");
        var stamps = StoreChecks.Strings(Db, "SELECT id || ' ' || stored FROM articles WHERE id % 2 = 1 ORDER BY id");

        var kept = Hearsay("ingest", "feed.jsonl", "--format", "json", "--progress", "none");
        using (var doc = JsonDocument.Parse(kept.Out))
        {
            Assert.Equal(3, doc.RootElement.GetProperty("older_kept").GetInt32());
            Assert.Equal(0, doc.RootElement.GetProperty("reanalysed").GetInt32());
        }
        Assert.Equal(3, StoreChecks.Scalar(Db, "SELECT count(*) FROM articles WHERE pipeline_version = '0.0.1'"));

        var redo = Hearsay("ingest", "feed.jsonl", "--reanalyze", "--format", "json", "--progress", "none");
        Assert.True(redo.ExitCode == ExitCodes.Ok, redo.ToString());
        using (var doc = JsonDocument.Parse(redo.Out))
        {
            Assert.Equal(3, doc.RootElement.GetProperty("reanalysed").GetInt32());
            Assert.Equal(0, doc.RootElement.GetProperty("added").GetInt32());
            Assert.Equal(3, doc.RootElement.GetProperty("already_stored").GetInt32());
        }
        Assert.Equal(0, StoreChecks.Scalar(Db, "SELECT count(*) FROM articles WHERE pipeline_version <> '" + Hearsay_Pipeline_Version + "'"));
        Assert.Equal(6, StoreChecks.Scalar(Db, "SELECT count(*) FROM articles"));
        // The articles of the current pipeline were not touched.
        Assert.Equal(stamps, StoreChecks.Strings(Db, "SELECT id || ' ' || stored FROM articles WHERE id % 2 = 1 ORDER BY id"));
        StoreChecks.AssertConsistent(Db);
    }

    [Fact]
    public void Sources_lists_who_is_cited_with_kind_counts_and_channels()
    {
        _cli.File("feed.jsonl", JsonLines(8));
        Hearsay("ingest", "feed.jsonl", "--progress", "none");
        var r = Hearsay("sources", "--format", "json");
        Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(8, doc.RootElement.GetProperty("articles").GetInt32());
        var sources = doc.RootElement.GetProperty("sources").EnumerateArray().ToList();
        Assert.NotEmpty(sources);
        // Counts come sorted, and a person quoted in several articles is counted in each.
        var statements = sources.Select(s => s.GetProperty("statements").GetInt32()).ToList();
        Assert.Equal(statements.OrderByDescending(x => x), statements);
        Assert.Contains(sources, s => s.GetProperty("kind").GetString() == "person" && s.GetProperty("name").GetString()!.Contains("Roth"));
        // Pronouns without antecedent are counted apart, not ranked as a source.
        Assert.DoesNotContain(sources, s => s.GetProperty("name").GetString() == "(unresolved pronoun)");
        Assert.Equal(JsonValueKind.Number, doc.RootElement.GetProperty("unresolved_pronouns").GetProperty("statements").ValueKind);
        var relays = doc.RootElement.GetProperty("relays").EnumerateArray().Select(x => x.GetProperty("name").GetString()).ToList();
        Assert.Contains(relays, n => n!.Contains("Globe"));

        var csv = Hearsay("sources", "--format", "csv").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("list,name,kind,statements,articles,state_media,cited_through", csv[0]);
        Assert.Contains(csv, l => l.StartsWith("relay,", StringComparison.Ordinal));
        var table = Hearsay("sources");
        Assert.Contains("Top relays", table.Out);
    }

    [Fact]
    public void Sources_of_one_kind_only()
    {
        _cli.File("feed.jsonl", JsonLines(4));
        Hearsay("ingest", "feed.jsonl", "--progress", "none");
        using var doc = JsonDocument.Parse(Hearsay("sources", "--kind", "person", "--format", "json").Out);
        Assert.All(doc.RootElement.GetProperty("sources").EnumerateArray(), s => Assert.Equal("person", s.GetProperty("kind").GetString()));
    }

    [Fact]
    public void Search_finds_claims_and_quotes_with_the_words_highlighted()
    {
        _cli.File("feed.jsonl", JsonLines(6));
        Hearsay("ingest", "feed.jsonl", "--progress", "none");
        var r = Hearsay("search", "Frühjahr", "--format", "json");
        Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        var hits = doc.RootElement.GetProperty("hits").EnumerateArray().ToList();
        Assert.Equal(3, hits.Count);   // the three German articles
        foreach (var h in hits)
        {
            Assert.Contains("«Frühjahr»", h.GetProperty("highlighted").GetString());
            var m = h.GetProperty("matches")[0];
            Assert.Equal("Frühjahr", h.GetProperty("text").GetString()![m.GetProperty("start").GetInt32()..m.GetProperty("end").GetInt32()]);
        }
        // Case and accents do not matter; a trailing * is a prefix.
        Assert.Equal(3, JsonDocument.Parse(Hearsay("search", "FRUHJ*", "--format", "json").Out).RootElement.GetProperty("hits").GetArrayLength());
        // Every word must occur.
        Assert.Equal(0, JsonDocument.Parse(Hearsay("search", "Frühjahr", "spring", "--format", "json").Out).RootElement.GetProperty("hits").GetArrayLength());
        Assert.Contains("**Frühjahr**", Hearsay("search", "frühjahr").Out);
        var bad = Hearsay("search", "AND OR (", "--match");
        Assert.Equal(ExitCodes.Usage, bad.ExitCode);
    }

    [Fact]
    public void Show_renders_a_stored_article_as_analyze_does()
    {
        _cli.File("feed.jsonl", JsonLines(2));
        Hearsay("ingest", "feed.jsonl", "--progress", "none");
        using var hits = JsonDocument.Parse(Hearsay("search", "spring", "--format", "json").Out);
        string id = hits.RootElement.GetProperty("hits")[0].GetProperty("article").GetString()!;
        Assert.Matches("^[0-9a-f]{12}$", id);

        var json = Hearsay("show", id, "--format", "json");
        Assert.True(json.ExitCode == ExitCodes.Ok, json.ToString());
        using var doc = JsonDocument.Parse(json.Out);
        Assert.Equal("hearsay.article/1", doc.RootElement.GetProperty("schema").GetString());
        Assert.Equal(English(1).Split('\n')[0], doc.RootElement.GetProperty("text").GetString()!.Split('\n')[0]);

        var view = Hearsay("show", id[..6]);
        Assert.True(view.ExitCode == ExitCodes.Ok, view.ToString());
        Assert.Contains("Attributions", view.Out);
        Assert.Contains("Claims", view.Out);
        Assert.Equal(ExitCodes.Ok, Hearsay("show", "https://news.example/1").ExitCode);
        var csv = Hearsay("show", id, "--format", "csv").Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("article,claim,text,", csv[0]);
        Assert.True(csv.Length > 1);

        Assert.Equal(ExitCodes.InputNotFound, Hearsay("show", "ffffffffffff").ExitCode);
    }

    [Fact]
    public void Queries_on_a_missing_store_say_so()
    {
        var r = Hearsay("sources");
        Assert.Equal(ExitCodes.InputNotFound, r.ExitCode);
        Assert.Contains("no store", r.Err);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public void A_file_that_is_not_a_store_is_refused()
    {
        _cli.File("store.db", "this is not a database, it is text long enough to be read as a header of a file");
        var r = Hearsay("sources");
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("not an SQLite database", r.Err);
    }

    [Fact]
    public void Missing_inputs_stop_before_anything_is_stored()
    {
        var r = Hearsay("ingest", "nothing-here", "--progress", "none");
        Assert.Equal(ExitCodes.InputNotFound, r.ExitCode);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public void A_stopped_ingest_says_so_and_the_next_run_finishes_the_job()
    {
        _cli.File("feed.jsonl", JsonLines(5));
        using var stop = new CancellationTokenSource();
        stop.Cancel();   // as if Ctrl+C came at once
        var stdout = new StringWriter();
        var context = new CliContext { Out = stdout, Err = new StringWriter(), CurrentDirectory = _cli.Folder, Interrupt = stop.Token };
        int code = Program.Run(["ingest", "feed.jsonl", "--store", "store.db", "--progress", "none"], context);
        Assert.Equal(IngestCommand.ExitInterrupted, code);
        Assert.StartsWith("hearsay ingest: interrupted", stdout.ToString());
        Assert.Equal(["interrupted"], StoreChecks.Strings(Db, "SELECT status FROM runs"));

        var again = Hearsay("ingest", "feed.jsonl", "--progress", "none");
        Assert.True(again.ExitCode == ExitCodes.Ok, again.ToString());
        Assert.Equal(5, StoreChecks.Scalar(Db, "SELECT count(*) FROM articles"));
    }

    [Fact]
    public void Progress_lines_go_to_stderr_and_the_summary_to_stdout()
    {
        _cli.File("feed.jsonl", JsonLines(2));
        var r = Hearsay("ingest", "feed.jsonl", "--progress", "lines");
        Assert.StartsWith("hearsay ingest: done: 2 added", r.Out);
        Assert.Contains("store ", r.Out);
        Assert.DoesNotContain("done:", r.Err);
    }

    [Fact]
    public void The_default_store_is_per_user_unless_the_environment_names_one()
    {
        var env = new Dictionary<string, string> { ["HEARSAY_STORE"] = "elsewhere.db" };
        _cli.File("feed.jsonl", JsonLines(1));
        var r = _cli.Run(["ingest", "feed.jsonl", "--progress", "none"], stdin: null, env: env);
        Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString());
        Assert.True(File.Exists(Path.Combine(_cli.Folder, "elsewhere.db")));
        string home = global::Hearsay.Store.StoreLocation.Default(name => name == "XDG_DATA_HOME" ? "/data/home" : null);
        Assert.EndsWith(Path.Combine("hearsay", "hearsay.db"), home);
    }
}
