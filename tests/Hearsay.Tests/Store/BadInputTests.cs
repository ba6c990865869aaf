using System.Text;
using System.Text.Json;
using Hearsay.Cli;
using Hearsay.Tests.Cli;
using static Hearsay.Tests.Store.StoreTestData;

namespace Hearsay.Tests.Store;

/// <summary>
/// A folder that mixes good articles with every kind of bad input: empty, binary, invalid UTF-8, truncated gzip,
/// HTML without text, a broken WARC record, a 100 MB file. Every good article must be stored, every bad input
/// listed with its reason in the summary and in the store, and the exit code must say "partial".
/// </summary>
public class BadInputTests : IDisposable
{
    private readonly CliHarness _cli = new();
    private string Db => Path.Combine(_cli.Folder, "store.db");

    public void Dispose() => _cli.Dispose();

    private void BuildFolder()
    {
        // Good.
        _cli.File("mixed/de.txt", German(0));
        _cli.File("mixed/en.md", English(1));
        var en3 = English(3);
        _cli.File("mixed/page.html", Html("Bridge", en3[(en3.IndexOf('\n') + 2)..]));
        _cli.File("mixed/feed.jsonl", JsonLines(3, from: 20));
        _cli.File("mixed/latin1.txt", Encoding.Latin1.GetBytes(German(4)));                 // legacy encoding: stored, with a warning
        _cli.File("mixed/malformed.html", "<html><body><p>Die Stadt <b>baut <div>eine neue Brücke über den Fluss, sagte der Bürgermeister am Montag.</p></span><p>Der Bau beginnt im Mai.</html");
        _cli.File("mixed/crawl.warc", ArticleResponse(5, "https://x.example/5")
            .Concat(WarcRecord("response", "https://x.example/6", "application/http; msgtype=response", HttpResponse("text/html", Html("Six", "Sixth.")), lengthDelta: 400))
            .Concat(ArticleResponse(7, "https://x.example/7")).ToArray());

        // Bad.
        _cli.File("mixed/empty.txt", "");
        _cli.File("mixed/blank.txt", "  \n\t\n");
        var random = new Random(7);
        var binary = new byte[4096];
        random.NextBytes(binary);
        binary[10] = 0;
        _cli.File("mixed/data.bin", binary);
        _cli.File("mixed/photo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. binary[..200]]);
        var invalid = new byte[2000];
        for (int i = 0; i < invalid.Length; i++) invalid[i] = (byte)(i % 3 == 0 ? 'a' + i % 26 : 0x80 + random.Next(0x7F));
        _cli.File("mixed/invalid-utf8.txt", invalid);
        var gz = Gzip(Encoding.UTF8.GetBytes(JsonLines(12, from: 40)));
        _cli.File("mixed/truncated.jsonl.gz", gz[..(gz.Length * 2 / 3)]);
        var gzText = Gzip(Encoding.UTF8.GetBytes(German(8) + German(9)));
        _cli.File("mixed/truncated.txt.gz", gzText[..(gzText.Length / 2)]);
        _cli.File("mixed/no-text.html", "<!doctype html><html><head><script>var a = 1;</script></head><body><div></div></body></html>");
        using (var big = File.Create(Path.Combine(_cli.Folder, "mixed", "huge.txt"))) big.SetLength(100L * 1000 * 1000);   // sparse: cheap to make
    }

    private static readonly string[] BadFiles =
        ["empty.txt", "blank.txt", "data.bin", "photo.png", "invalid-utf8.txt", "truncated.jsonl.gz", "truncated.txt.gz", "no-text.html", "crawl.warc", "huge.txt"];

    [Fact]
    public void Every_good_article_is_stored_and_every_bad_input_is_reported()
    {
        BuildFolder();
        var r = _cli.Run("ingest", "mixed", "--store", "store.db", "--progress", "none");
        Assert.True(r.ExitCode == ExitCodes.SomeInputsFailed, r.ToString());

        var origins = StoreChecks.Strings(Db, "SELECT origin FROM articles").Select(o => o.Replace('\\', '/')).ToList();
        foreach (var good in new[] { "mixed/de.txt", "mixed/en.md", "mixed/page.html", "mixed/feed.jsonl line 1", "mixed/feed.jsonl line 2",
                     "mixed/feed.jsonl line 3", "mixed/latin1.txt", "mixed/malformed.html" })
            Assert.Contains(good, origins);
        Assert.Equal(["https://x.example/5", "https://x.example/7"], StoreChecks.Strings(Db, "SELECT url FROM articles WHERE origin LIKE '%crawl.warc%' ORDER BY url"));
        // The lines of the truncated file before the cut are not lost either.
        Assert.Contains(origins, o => o.StartsWith("mixed/truncated.jsonl.gz line ", StringComparison.Ordinal));

        // In the summary: each bad file by name, with a reason.
        var summary = r.Out.Replace('\\', '/');
        foreach (var bad in BadFiles)
            Assert.Matches($@"error +mixed/{System.Text.RegularExpressions.Regex.Escape(bad)}.*: [a-z-]+: \S", summary);
        Assert.Matches(@"warning +mixed/latin1\.txt: encoding: ", summary);
        Assert.Contains("huge.txt: too-large", summary);
        Assert.Contains("truncated.jsonl.gz (line", summary);

        // In the store: the same problems.
        var stored = StoreChecks.Strings(Db, "SELECT input || '|' || severity || '|' || kind FROM problems").Select(s => s.Replace('\\', '/')).ToList();
        foreach (var bad in BadFiles)
            Assert.Contains(stored, s => s.StartsWith($"mixed/{bad}|error|", StringComparison.Ordinal));
        Assert.Contains("mixed/latin1.txt|warning|encoding", stored);
        Assert.Equal(["empty", "empty", "binary", "binary", "binary", "truncated", "truncated", "empty", "malformed", "too-large"],
            BadFiles.Select(f => stored.First(s => s.StartsWith($"mixed/{f}|error|", StringComparison.Ordinal)).Split('|')[2]));
        StoreChecks.AssertConsistent(Db);
    }

    [Fact]
    public void Rerunning_over_bad_input_adds_nothing_and_reports_it_again()
    {
        BuildFolder();
        _cli.Run("ingest", "mixed", "--store", "store.db", "--progress", "none");
        long articles = StoreChecks.Scalar(Db, "SELECT count(*) FROM articles");
        long problems = StoreChecks.Scalar(Db, "SELECT count(*) FROM problems");
        var again = _cli.Run("ingest", "mixed", "--store", "store.db", "--progress", "none", "--format", "json");
        Assert.Equal(ExitCodes.SomeInputsFailed, again.ExitCode);
        using var doc = JsonDocument.Parse(again.Out);
        Assert.Equal(0, doc.RootElement.GetProperty("added").GetInt32());
        Assert.Equal(articles, doc.RootElement.GetProperty("already_stored").GetInt64());
        Assert.Equal(BadFiles.Length, doc.RootElement.GetProperty("errors").GetInt32());
        Assert.Equal(articles, StoreChecks.Scalar(Db, "SELECT count(*) FROM articles"));
        Assert.Equal(problems, StoreChecks.Scalar(Db, "SELECT count(*) FROM problems"));   // recorded again, not twice
        Assert.Equal(BadFiles.Length, StoreChecks.Scalar(Db, "SELECT count(*) FROM problems WHERE severity = 'error' AND run_id = 2"));
    }

    [Fact]
    public void When_nothing_can_be_read_the_exit_code_says_so()
    {
        _cli.File("bad/empty.txt", "");
        _cli.File("bad/data.bin", [0, 1, 2, 3, 0, 0, 0, 9]);
        var r = _cli.Run("ingest", "bad", "--store", "store.db", "--progress", "none");
        Assert.True(r.ExitCode == ExitCodes.AllInputsFailed, r.ToString());
    }

    [Fact]
    public void Bytes_that_merely_start_with_a_utf16_mark_are_not_text()
    {
        var random = new Random(11);
        var bytes = new byte[3000];
        random.NextBytes(bytes);
        bytes[0] = 0xFF;
        bytes[1] = 0xFE;
        Assert.NotNull(global::Hearsay.Ingest.IngestPipeline.Undecodable(bytes, new global::Hearsay.Document.ArticleMetadata()));
    }

    [Fact]
    public void Utf16_text_with_its_mark_is_text()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(German(2))];
        Assert.Null(global::Hearsay.Ingest.IngestPipeline.Undecodable(bytes, new global::Hearsay.Document.ArticleMetadata()));
        byte[] big = [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(English(2))];
        Assert.Null(global::Hearsay.Ingest.IngestPipeline.Undecodable(big, new global::Hearsay.Document.ArticleMetadata()));
    }
}
