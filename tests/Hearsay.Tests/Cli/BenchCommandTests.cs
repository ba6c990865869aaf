using Hearsay.Cli;
using Hearsay.Cli.Bench;
using Hearsay.Ingest.Sources;

namespace Hearsay.Tests.Cli;

public class BenchCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private const string Corpus =
        "Inland;'Die Regierung plant Kürzungen. „Wir müssen sparen“, sagte die Ministerin.'\n" +
        "Sport;'Der Verein gewann 3:1; der Trainer sprach von einem ''verdienten'' Sieg.'\n" +
        "Web;'Ein Text\nüber zwei Zeilen.'\n";

    [Fact]
    public void Bench_reports_throughput_articles_per_second_and_allocations()
    {
        _cli.File("data/10kgnad/test.csv", Corpus);
        var r = _cli.Run("bench", "--data", "data", "--repeat", "1", "--parallel");
        Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString());
        Assert.Contains("3 articles", r.Out);
        Assert.Contains("MB/s per core", r.Out);
        Assert.Contains("articles/s", r.Out);
        Assert.Contains("KiB per article", r.Out);
        Assert.Contains("parallel", r.Out);
    }

    [Fact]
    public void The_data_folder_comes_from_the_environment_when_not_given()
    {
        _cli.File("elsewhere/10kgnad/test.csv", Corpus);
        var env = new Dictionary<string, string> { ["HEARSAY_DATA"] = Path.Combine(_cli.Folder, "elsewhere") };
        var r = _cli.Run(["bench", "--repeat", "1"], stdin: null, env: env);
        Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString());
        Assert.Contains(Path.Combine("elsewhere", "10kgnad", "test.csv"), r.Out);
    }

    [Fact]
    public void A_missing_data_folder_is_a_loud_error()
    {
        var r = _cli.Run("bench", "--data", "no-such-folder");
        Assert.Equal(ExitCodes.InputNotFound, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Contains("ERROR: data folder not found", r.Err);
        Assert.Contains("no-such-folder", r.Err);
        Assert.Contains("HEARSAY_DATA", r.Err);
    }

    [Fact]
    public void A_data_folder_without_the_corpus_says_which_file_is_missing()
    {
        Directory.CreateDirectory(Path.Combine(_cli.Folder, "data"));
        var r = _cli.Run("bench", "--data", "data");
        Assert.Equal(ExitCodes.InputNotFound, r.ExitCode);
        Assert.Contains("has no 10kgnad/test.csv", r.Err);
    }

    [Fact]
    public void Repeat_must_be_positive()
    {
        var r = _cli.Run("bench", "--repeat", "0");
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
    }

    [Fact]
    public void The_corpus_reader_takes_the_text_field_of_each_record()
    {
        string path = _cli.File("c.csv", Corpus);
        var texts = BenchCommand.ReadCorpus(path);
        Assert.Equal(3, texts.Count);
        Assert.Equal("Der Verein gewann 3:1; der Trainer sprach von einem 'verdienten' Sieg.", texts[1]);
        Assert.Equal("Ein Text\nüber zwei Zeilen.", texts[2]);
    }
}

public class QuotedCsvReaderTests
{
    private static List<string[]> Read(string csv) => new QuotedCsvReader(new StringReader(csv)).Records().ToList();

    [Fact]
    public void Separator_inside_quotes_does_not_split()
    {
        var r = Read("a;'b;c'\n");
        Assert.Equal(new[] { "a", "b;c" }, Assert.Single(r));
    }

    [Fact]
    public void A_doubled_quote_is_one_quote_character()
    {
        var r = Read("x;'it''s'\n");
        Assert.Equal("it's", r[0][1]);
    }

    [Fact]
    public void A_quoted_field_may_span_lines_and_crlf_ends_records()
    {
        var r = Read("x;'one\r\ntwo'\r\ny;'three'");
        Assert.Equal(2, r.Count);
        Assert.Equal("one\r\ntwo", r[0][1]);
        Assert.Equal(new[] { "y", "three" }, r[1]);
    }

    [Fact]
    public void Unquoted_fields_and_blank_lines()
    {
        var r = Read("\n\na;b;c\n\nd\n");
        Assert.Equal(new[] { "a", "b", "c" }, r[0]);
        Assert.Equal(new[] { "d" }, r[1]);
    }

    [Fact]
    public void An_unclosed_quote_names_its_line()
    {
        var reader = new QuotedCsvReader(new StringReader("a;'ok'\nb;'never closed\nmore"));
        Assert.NotNull(reader.Read());
        var ex = Assert.Throws<FormatException>(() => reader.Read());
        Assert.Contains("line 2", ex.Message);
    }

    [Fact]
    public void Other_separator_and_quote_characters()
    {
        var r = new QuotedCsvReader(new StringReader("a,\"b,c\"\n"), ',', '"').Records().ToList();
        Assert.Equal(new[] { "a", "b,c" }, r[0]);
    }
}
