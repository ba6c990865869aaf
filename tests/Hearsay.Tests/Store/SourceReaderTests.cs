using System.Text;
using Hearsay.Ingest;
using Hearsay.Ingest.Sources;
using static Hearsay.Tests.Store.StoreTestData;

namespace Hearsay.Tests.Store;

public class SourceReaderTests
{
    private static readonly IngestOptions Options = new();

    private static InputFile File(string name, long size = 0)
    {
        var (format, gzip) = InputFile.Classify(name);
        return new InputFile(name, "/nowhere/" + name, format, gzip, size);
    }

    private static List<InputRecord> JsonLinesOf(string content, IngestOptions? options = null, string name = "a.jsonl") =>
        JsonLinesReader.Read(File(name), new MemoryStream(Encoding.UTF8.GetBytes(content)), options ?? Options).ToList();

    [Fact]
    public void Json_lines_give_text_title_url_outlet_date_and_language()
    {
        var r = JsonLinesOf("{\"title\":\"Brücke kommt\",\"text\":\"Die Stadt baut.\",\"url\":\"https://x.example/1\",\"outlet\":\"Tagesblatt\",\"published\":\"2026-01-02T08:00:00Z\",\"language\":\"de-AT\"}\n").Single();
        Assert.Null(r.Problem);
        Assert.Equal("Brücke kommt\n\nDie Stadt baut.", r.Text);
        Assert.Equal("Brücke kommt", r.Title);
        Assert.Equal("https://x.example/1", r.Metadata.Url);
        Assert.Equal("Tagesblatt", r.Metadata.Outlet);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 8, 0, 0, TimeSpan.Zero), r.Metadata.Published);
        Assert.Equal("de", r.Metadata.Language);
        Assert.Equal("line 1", r.Locator);
    }

    [Fact]
    public void Field_names_can_be_chosen_and_nested()
    {
        var options = new IngestOptions { Fields = FieldMap.Parse(["text=body.main", "title=headline", "url=link"]) };
        var r = JsonLinesOf("{\"headline\":\"Bridge plan\",\"body\":{\"main\":\"The city builds.\"},\"link\":\"https://x.example/2\"}", options).Single();
        Assert.Equal("Bridge plan\n\nThe city builds.", r.Text);
        Assert.Equal("https://x.example/2", r.Metadata.Url);
    }

    [Fact]
    public void An_unknown_field_setting_is_an_error()
    {
        Assert.Throws<ArgumentException>(() => FieldMap.Parse(["txet=body"]));
        Assert.Throws<ArgumentException>(() => FieldMap.Parse(["text"]));
    }

    [Fact]
    public void Bad_lines_are_reported_with_their_line_number_and_the_rest_are_read()
    {
        var records = JsonLinesOf("{\"text\":\"Erste Meldung.\"}\n\n{not json\n[1,2]\n{\"title\":\"only a title\"}\n{\"text\":\"  \"}\n{\"text\":\"Second story.\"}\n");
        Assert.Equal(["Erste Meldung.", "Second story."], records.Where(r => r.Problem is null).Select(r => r.Text));
        var problems = records.Where(r => r.Problem is not null).Select(r => (r.Locator, r.Problem!.Kind)).ToList();
        Assert.Equal([("line 3", "malformed"), ("line 4", "malformed"), ("line 5", "no-text"), ("line 6", "empty")], problems);
    }

    [Fact]
    public void A_line_over_the_size_limit_is_skipped_without_holding_it()
    {
        var options = new IngestOptions { MaxRecordBytes = 1000 };
        var big = "{\"text\":\"" + new string('x', 5000) + "\"}";
        var records = JsonLinesOf($"{{\"text\":\"kurz\"}}\n{big}\n{{\"text\":\"short\"}}\n", options);
        Assert.Equal(3, records.Count);
        Assert.Equal("too-large", records[1].Problem!.Kind);
        Assert.Equal("short", records[2].Text);
    }

    [Fact]
    public void A_json_file_may_hold_an_array_of_articles()
    {
        var records = JsonLinesOf("[\n {\"text\": \"Eins.\"},\n {\"text\": \"Two.\"}\n]\n", name: "a.json");
        Assert.Equal(["Eins.", "Two."], records.Select(r => r.Text));
        Assert.Equal("item 2", records[1].Locator);
        var pretty = JsonLinesOf("{\n  \"title\": \"Eins\",\n  \"text\": \"Der Text.\"\n}\n", name: "one.json");
        Assert.Equal("Eins\n\nDer Text.", Assert.Single(pretty).Text);
    }

    [Fact]
    public void Csv_like_10kgnad_takes_the_last_column_as_text()
    {
        const string csv = "Sport;'Der Verein gewinnt. Der Trainer sagte, er sei ''sehr froh''.'\nWeb;'Ein Text\nüber zwei Zeilen.'\n";
        var records = CsvRecordReader.Read(File("test.csv"), new MemoryStream(Encoding.UTF8.GetBytes(csv)), Options).ToList();
        Assert.Equal(2, records.Count);
        Assert.Equal("Der Verein gewinnt. Der Trainer sagte, er sei 'sehr froh'.", records[0].Text);
        Assert.Equal("Ein Text\nüber zwei Zeilen.", records[1].Text);
        Assert.Equal("line 2", records[1].Locator);
    }

    [Fact]
    public void Csv_with_a_header_finds_fields_by_name()
    {
        const string csv = "url,headline,text\nhttps://x.example/1,Bridge,\"The city, finally, builds.\"\n";
        var r = CsvRecordReader.Read(File("news.csv"), new MemoryStream(Encoding.UTF8.GetBytes(csv)), Options).Single();
        Assert.Equal("Bridge\n\nThe city, finally, builds.", r.Text);
        Assert.Equal("https://x.example/1", r.Metadata.Url);
    }

    [Fact]
    public void Csv_with_an_unclosed_quote_reports_where_and_keeps_the_records_before()
    {
        const string csv = "a;'Erster Text.'\nb;'Zweiter Text ohne Ende\n";
        var records = CsvRecordReader.Read(File("x.csv"), new MemoryStream(Encoding.UTF8.GetBytes(csv)), Options).ToList();
        Assert.Equal("Erster Text.", records[0].Text);
        Assert.Equal("malformed", records[1].Problem!.Kind);
        Assert.Equal("line 2", records[1].Locator);
    }

    [Fact]
    public void Gzip_members_are_read_one_after_another_and_checked()
    {
        var data = Gzip("erste Zeile\n"u8.ToArray()).Concat(Gzip("second line\n"u8.ToArray())).ToArray();
        using var gz = new GzipMemberReader(new MemoryStream(data));
        Assert.Equal("erste Zeile\nsecond line\n", new StreamReader(gz).ReadToEnd());
        Assert.Equal(2, gz.MembersRead);
    }

    [Fact]
    public void Truncated_gzip_is_an_error_not_a_short_file()
    {
        var text = string.Concat(Enumerable.Range(0, 2000).Select(i => $"line {i} of a longer text\n"));
        var data = Gzip(Encoding.UTF8.GetBytes(text));
        foreach (int cut in new[] { data.Length - 3, data.Length / 2 })
        {
            using var gz = new GzipMemberReader(new MemoryStream(data[..cut]));
            var ex = Assert.Throws<GzipDataException>(() => new StreamReader(gz).ReadToEnd());
            Assert.True(ex.Truncated, ex.Message);
        }
    }

    [Fact]
    public void A_truncated_jsonl_gz_keeps_the_lines_before_and_reports_the_cut()
    {
        var data = Gzip(Encoding.UTF8.GetBytes(JsonLines(40)));
        var records = JsonLinesReader.Read(File("feed.jsonl.gz"), new GzipMemberReader(new MemoryStream(data[..(data.Length * 2 / 3)])), Options).ToList();
        Assert.True(records.Count(r => r.Problem is null) >= 5, "the lines before the cut are read");
        Assert.Equal("truncated", records[^1].Problem!.Kind);
    }

    [Fact]
    public void Warc_responses_give_the_page_without_http_headers_and_other_records_are_passed_over()
    {
        var chunkedBody = Html("Bridge", "The city builds a bridge, the mayor said.");
        var chunked = Encoding.ASCII.GetBytes($"{chunkedBody.Length:x}\r\n").Concat(chunkedBody).Concat("\r\n0\r\n\r\n"u8.ToArray()).ToArray();
        var warc = new List<byte[]>
        {
            WarcRecord("warcinfo", null, "application/warc-fields", "software: test\r\n"u8.ToArray()),
            WarcRecord("request", "https://x.example/a", "application/http; msgtype=request", "GET /a HTTP/1.1\r\n\r\n"u8.ToArray()),
            ArticleResponse(0, "https://x.example/a"),
            WarcRecord("response", "https://x.example/logo.png", "application/http; msgtype=response", HttpResponse("image/png", [1, 2, 3])),
            WarcRecord("response", "https://x.example/gone", "application/http; msgtype=response", HttpResponse("text/html", "<p>gone</p>"u8.ToArray(), status: 404)),
            WarcRecord("response", "https://x.example/b", "application/http; msgtype=response",
                HttpResponse("text/html", Gzip(Html("Brücke", "Die Stadt baut eine Brücke.")), extraHeaders: "Content-Encoding: gzip\r\n")),
            WarcRecord("response", "https://x.example/c", "application/http; msgtype=response", HttpResponse("text/html", chunked, extraHeaders: "Transfer-Encoding: chunked\r\n")),
            WarcRecord("conversion", "https://x.example/d", "text/plain", "Extracted text of a page."u8.ToArray()),
        };
        var records = WarcReader.Read(File("crawl.warc"), new MemoryStream(warc.SelectMany(b => b).ToArray()), Options).ToList();
        var articles = records.Where(r => r.Bytes is not null).ToList();
        Assert.DoesNotContain(records, r => r.Problem is not null);
        Assert.Equal(["https://x.example/a", "https://x.example/b", "https://x.example/c", "https://x.example/d"], articles.Select(a => a.Metadata.Url));
        Assert.StartsWith("<!doctype html>", Encoding.UTF8.GetString(articles[0].Bytes!));
        Assert.Contains("Die Stadt baut", Encoding.UTF8.GetString(articles[1].Bytes!));
        Assert.EndsWith("</html>", Encoding.UTF8.GetString(articles[2].Bytes!));
        Assert.Equal("text/plain", articles[3].Metadata.MediaType);
        Assert.Equal(4, records.Count(r => r.Bytes is null && r.Problem is null)); // warcinfo, request, image, 404
    }

    [Fact]
    public void A_broken_warc_record_is_reported_and_the_records_after_it_are_read()
    {
        var warc = ArticleResponse(1, "https://x.example/1")
            .Concat(WarcRecord("response", "https://x.example/2", "application/http; msgtype=response", HttpResponse("text/html", Html("Two", "Second.")), lengthDelta: 500))
            .Concat(ArticleResponse(3, "https://x.example/3"))
            .Concat("WARC/1.1\r\nWARC-Type: response\r\nno colon here\r\n\r\n"u8.ToArray())
            .Concat(ArticleResponse(5, "https://x.example/5"))
            .ToArray();
        var records = WarcReader.Read(File("broken.warc"), new MemoryStream(warc), Options).ToList();
        Assert.Equal(["https://x.example/1", "https://x.example/3", "https://x.example/5"], records.Where(r => r.Bytes is not null).Select(r => r.Metadata.Url));
        Assert.Equal(2, records.Count(r => r.Problem is not null));
    }

    [Fact]
    public void In_a_warc_gz_a_damaged_member_costs_only_its_record()
    {
        var members = new[] { 1, 2, 3 }.Select(i => Gzip(ArticleResponse(i, $"https://x.example/{i}"))).ToArray();
        members[1][members[1].Length / 2] ^= 0x55;   // damage the middle of the second member
        members[1][members[1].Length / 2 + 1] ^= 0x55;
        var records = WarcReader.Read(File("crawl.warc.gz"), new MemoryStream(members.SelectMany(m => m).ToArray()), Options).ToList();
        Assert.Equal(["https://x.example/1", "https://x.example/3"], records.Where(r => r.Bytes is not null).Select(r => r.Metadata.Url));
        Assert.Contains(records, r => r.Problem is { Kind: "damaged" });
    }

    [Fact]
    public void A_truncated_warc_gz_keeps_the_records_before()
    {
        var data = new[] { 1, 2, 3 }.SelectMany(i => Gzip(ArticleResponse(i, $"https://x.example/{i}"))).ToArray();
        var records = WarcReader.Read(File("crawl.warc.gz"), new MemoryStream(data[..^40]), Options).ToList();
        Assert.Equal(["https://x.example/1", "https://x.example/2"], records.Where(r => r.Bytes is not null).Select(r => r.Metadata.Url));
        Assert.Equal("truncated", records[^1].Problem!.Kind);
    }

    [Fact]
    public void A_folder_lists_every_file_but_a_corpus_readme_or_license()
    {
        var dir = Directory.CreateTempSubdirectory("hearsay-files-").FullName;
        try
        {
            System.IO.File.WriteAllText(Path.Combine(dir, "b.txt"), "x");
            System.IO.File.WriteAllText(Path.Combine(dir, "a.weird"), "x");
            System.IO.File.WriteAllText(Path.Combine(dir, "LICENSE-NOTE.txt"), "x");
            System.IO.File.WriteAllText(Path.Combine(dir, ".hidden.txt"), "x");
            Directory.CreateDirectory(Path.Combine(dir, "sub"));
            System.IO.File.WriteAllText(Path.Combine(dir, "sub", "c.jsonl.gz"), "x");
            var result = InputFiles.Expand([dir], "/");
            Assert.Equal(["a.weird", "b.txt", "sub/c.jsonl.gz"], result.Files.Select(f => Path.GetRelativePath(dir, f.FullPath).Replace('\\', '/')));
            Assert.Equal([InputFormat.Other, InputFormat.Text, InputFormat.JsonLines], result.Files.Select(f => f.Format));
            Assert.True(result.Files[2].Gzip);
            Assert.Single(result.Notes);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
