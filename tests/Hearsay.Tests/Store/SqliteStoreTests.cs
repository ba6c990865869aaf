using Hearsay.Document;
using Hearsay.Output;
using Hearsay.Pipeline;
using Hearsay.Store;
using Hearsay.Store.Indexing;
using Hearsay.Store.Sqlite;

namespace Hearsay.Tests.Store;

public class SqliteStoreTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hearsay-store-").FullName;
    private string Db => Path.Combine(_dir, "s.db");

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    private static ArticleRecord Record(int i, string? url = null, byte[]? analysis = null)
    {
        var text = StoreTestData.Article(i);
        var article = i % 2 == 0 ? TestArticles.De(text) : TestArticles.En(text);
        return new ArticleRecord
        {
            Key = ArticleKey.Of(url, text),
            Url = url,
            Language = article.Language,
            Origin = $"test {i}",
            Characters = text.Length,
            PipelineVersion = AnalysisPipeline.Version,
            Analysis = analysis ?? AnalysisCodec.Encode(System.Text.Encoding.UTF8.GetBytes(new JsonArticleWriter().ToJson(article))),
            Facts = ArticleFacts.Of(article),
            AttributionCount = article.Attributions.Count,
            ClaimCount = article.Claims.Count,
        };
    }

    [Fact]
    public void A_batch_is_stored_whole_or_not_at_all()
    {
        using var store = SqliteArticleStore.Open(Db);
        long run = store.BeginRun("test");
        var bad = Record(2);
        var broken = new ArticleRecord
        {
            Key = bad.Key, Language = bad.Language, Origin = bad.Origin, PipelineVersion = bad.PipelineVersion, Facts = bad.Facts,
            Analysis = null!,   // violates NOT NULL: the insert fails in the middle of the batch
        };
        Assert.ThrowsAny<Exception>(() => store.Write(run, [StoreWrite.Of(Record(0)), StoreWrite.Of(Record(1)), StoreWrite.Of(broken)]));
        Assert.Equal(0, StoreChecks.Scalar(Db, "SELECT count(*) FROM articles"));
        Assert.Equal(0, StoreChecks.Scalar(Db, "SELECT count(*) FROM names"));
        Assert.Equal(0, StoreChecks.Scalar(Db, "SELECT count(*) FROM passages"));

        var outcomes = store.Write(run, [StoreWrite.Of(Record(0)), StoreWrite.Of(Record(1)), StoreWrite.Of(Record(0))]);
        Assert.Equal([WriteOutcome.Added, WriteOutcome.Added, WriteOutcome.Unchanged], outcomes);
        StoreChecks.AssertConsistent(Db);
    }

    [Fact]
    public void The_state_of_a_key_says_whether_it_needs_analysing()
    {
        using var store = SqliteArticleStore.Open(Db);
        long run = store.BeginRun("test");
        var a = Record(0);
        Assert.Equal(ArticleState.Absent, store.StateOf(a.Key));
        store.Write(run, [StoreWrite.Of(a)]);
        Assert.Equal(ArticleState.Current, store.StateOf(a.Key));
        StoreChecks.Execute(Db, "UPDATE articles SET pipeline_version = '0.0.1'");
        Assert.Equal(ArticleState.Older, store.StateOf(a.Key));
    }

    [Fact]
    public void An_article_is_found_by_a_unique_id_prefix_or_its_url()
    {
        using var store = SqliteArticleStore.Open(Db);
        long run = store.BeginRun("test");
        var records = Enumerable.Range(0, 40).Select(i => Record(i, url: $"https://x.example/{i}")).ToList();
        store.Write(run, records.Select(StoreWrite.Of).ToList());
        var target = records[7];
        Assert.Equal(target.Key.Id, store.Find(target.Key.Id)!.Id);
        Assert.Equal(target.Key.Id, store.Find(target.Key.Hex)!.Id);
        Assert.Equal(target.Key.Id, store.Find("https://x.example/7")!.Id);
        Assert.Null(store.Find("zz-not-hex"));
        Assert.Null(store.Find("abc"));   // too short to be an id
        // With 40 keys, some 4-digit prefix... a 1-hex-digit-shorter prefix shared by two keys is ambiguous.
        var pair = records.SelectMany(x => records.Where(y => y != x).Select(y => (x, y)))
            .FirstOrDefault(p => p.x.Key.Hex[..4] == p.y.Key.Hex[..4]);
        if (pair.x is not null) Assert.Throws<AmbiguousIdException>(() => store.Find(pair.x.Key.Hex[..4]));
        var stored = store.Find(target.Key.Id)!;
        Assert.Equal(JsonArticleReader.Read(stored.Json).Text, StoreTestData.Article(7));
    }

    [Fact]
    public void A_newer_schema_or_a_foreign_database_is_refused()
    {
        using (SqliteArticleStore.Open(Db)) { }
        StoreChecks.Execute(Db, "PRAGMA user_version = 99");
        Assert.Contains("newer Hearsay", Assert.Throws<StoreException>(() => SqliteArticleStore.Open(Db)).Message);

        string other = Path.Combine(_dir, "other.db");
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={other};Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "CREATE TABLE t(x)";
            cmd.ExecuteNonQuery();
        }
        Assert.Contains("not a Hearsay store", Assert.Throws<StoreException>(() => SqliteArticleStore.Open(other)).Message);
    }

    [Fact]
    public void A_sentence_adverb_pointing_back_is_counted_apart_from_names()
    {
        var article = TestArticles.De("Unfall auf der A1\n\nDie Polizei veröffentlichte einen Bericht. Demnach sollen 100 Menschen verletzt worden sein.");
        var demnach = Assert.Single(article.Attributions, a => article.StringOf(a.Cue) == "Demnach");
        Assert.Equal(demnach.Cue, demnach.Source.Span);
        var facts = ArticleFacts.Of(article);
        Assert.DoesNotContain(facts.Names, n => n.Role == NameRole.Source && n.Name == "Demnach");
        Assert.Contains(facts.Names, n => n.Role == NameRole.Source && n.Name == ArticleFacts.UnresolvedReference);
    }

    [Fact]
    public void Unresolved_pronoun_sources_are_counted_apart_from_names()
    {
        var article = TestArticles.De("Streit um Brücke\n\nDie Stadt baut eine Brücke. Er halte das für falsch, sagte er am Montag.");
        var pronoun = Assert.Single(article.Attributions, a => a.Source.Span is { } s && article.StringOf(s) == "er");
        Assert.True(pronoun.Source.EntityId < 0, "the fixture's pronoun has no antecedent");
        var facts = ArticleFacts.Of(article);
        Assert.DoesNotContain(facts.Names, n => n.Role == NameRole.Source && n.Norm == "er");
        Assert.Contains(facts.Names, n => n.Role == NameRole.Source && n.Name == ArticleFacts.UnresolvedPronoun);

        var english = ArticleFacts.Of(TestArticles.En("Bridge row\n\nThe city builds a bridge. \"That is wrong,\" she said on Monday."));
        Assert.DoesNotContain(english.Names, n => n.Role == NameRole.Source && n.Norm == "she");
    }

    [Fact]
    public void Words_become_a_safe_full_text_query()
    {
        Assert.Equal("\"Nord-Korea\" \"sagte\"", SqliteArticleStore.ToMatch("Nord-Korea sagte"));
        Assert.Equal("\"Putin\"*", SqliteArticleStore.ToMatch("Putin*"));
        Assert.Equal("\"a\"\"b\"", SqliteArticleStore.ToMatch("a\"b"));
        Assert.Equal("", SqliteArticleStore.ToMatch(" - ( ) "));
    }
}
