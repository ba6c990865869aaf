using System.Text.Json;
using Hearsay.Cli;

namespace Hearsay.Tests.Cli;

public class AnalyzeCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void One_file_as_json_is_one_document_with_the_given_path()
    {
        _cli.File("brücke.de.txt", CliHarness.German);
        var r = _cli.Run("analyze", "brücke.de.txt", "--format", "json");
        Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString());
        Assert.Equal("", r.Err);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(JsonValueKind.Object, doc.RootElement.ValueKind);
        Assert.Equal("hearsay.article/1", doc.RootElement.GetProperty("schema").GetString());
        Assert.Equal("brücke.de.txt", doc.RootElement.GetProperty("source").GetProperty("path").GetString());
        Assert.Equal(CliHarness.German, doc.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public void Front_matter_of_a_text_file_is_metadata_not_text()
    {
        _cli.File("zeitung.txt", "---\noutlet: Testblatt\npublished: 2026-11-02\nlanguage: German\ntitle: Brücke gesperrt\n---\n" + CliHarness.German);
        var r = _cli.Run("analyze", "zeitung.txt", "--format", "json");
        Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        var source = doc.RootElement.GetProperty("source");
        Assert.Equal("Testblatt", source.GetProperty("outlet").GetString());
        Assert.StartsWith("2026-11-02", source.GetProperty("published").GetString());
        Assert.Equal("de", doc.RootElement.GetProperty("language").GetProperty("code").GetString());
        Assert.False(doc.RootElement.GetProperty("language").GetProperty("detected").GetBoolean());
        var text = doc.RootElement.GetProperty("text").GetString()!;
        Assert.DoesNotContain("outlet:", text);
        Assert.StartsWith("Brücke gesperrt\n\n", text);
        Assert.Equal("Brücke gesperrt", doc.RootElement.GetProperty("structure").GetProperty("title").GetProperty("text").GetString());
    }

    [Fact]
    public void A_file_of_front_matter_alone_is_refused_as_empty()
    {
        _cli.File("leer.txt", "---\noutlet: Testblatt\n---\n\n");
        var r = _cli.Run("analyze", "leer.txt", "--format", "json");
        Assert.Equal(ExitCodes.AllInputsFailed, r.ExitCode);
        Assert.Equal("hearsay: leer.txt: it holds front matter but no text", r.Err.Trim());
    }

    [Fact]
    public void Several_files_as_json_are_one_array_in_argument_order()
    {
        _cli.File("b.txt", CliHarness.German);
        _cli.File("a.txt", CliHarness.English);
        var r = _cli.Run("analyze", "b.txt", "a.txt", "--format", "json");
        Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(new[] { "b.txt", "a.txt" },
            doc.RootElement.EnumerateArray().Select(a => a.GetProperty("source").GetProperty("path").GetString()));
    }

    [Fact]
    public void Jsonl_writes_one_compact_line_per_article()
    {
        _cli.File("de.txt", CliHarness.German);
        _cli.File("en.txt", CliHarness.English);
        var r = _cli.Run("analyze", "de.txt", "en.txt", "--format", "jsonl");
        Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString());
        var lines = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        foreach (var line in lines)
        {
            using var doc = JsonDocument.Parse(line);
            Assert.Equal("hearsay.article/1", doc.RootElement.GetProperty("schema").GetString());
        }
    }

    [Fact]
    public void A_folder_is_searched_recursively_for_article_files_only()
    {
        _cli.File("news/one.txt", CliHarness.German);
        _cli.File("news/deeper/two.md", CliHarness.English);
        _cli.File("news/deeper/three.HTML", "<html><body><h1>Bridge</h1><p>The city wants a bridge, the mayor said.</p></body></html>");
        _cli.File("news/notes.csv", "not;an;article");
        _cli.File("news/.hidden.txt", CliHarness.English);
        var r = _cli.Run("analyze", "news", "--format", "jsonl");
        Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString());
        var paths = r.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("source").GetProperty("path").GetString()!.Replace('\\', '/'))
            .ToList();
        Assert.Equal(new[] { "news/deeper/three.HTML", "news/deeper/two.md", "news/one.txt" }, paths);
    }

    [Fact]
    public void An_html_file_is_read_as_its_text()
    {
        _cli.File("page.html", "<!doctype html><html><head><title>x</title><script>var a = 1;</script></head>" +
                               "<body><h1>Bridge plans</h1><p>The city wants a <b>new</b> bridge.</p></body></html>");
        var r = _cli.Run("analyze", "page.html", "--format", "json");
        Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("Bridge plans\n\nThe city wants a new bridge.", doc.RootElement.GetProperty("text").GetString());
        Assert.Equal("text/html", doc.RootElement.GetProperty("source").GetProperty("media_type").GetString());
    }

    [Fact]
    public void A_folder_argument_always_gives_an_array_even_with_one_file()
    {
        _cli.File("only/one.txt", CliHarness.German);
        var r = _cli.Run("analyze", "only", "--format", "json");
        Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(1, doc.RootElement.GetArrayLength());
    }

    [Fact]
    public void Stdin_is_read_to_its_end()
    {
        var r = _cli.Run(["analyze", "-", "--format", "json"], stdin: CliHarness.English);
        Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal(JsonValueKind.Null, doc.RootElement.GetProperty("source").GetProperty("path").ValueKind);
        Assert.Equal(CliHarness.English, doc.RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public void Empty_stdin_fails_with_a_message()
    {
        var r = _cli.Run(["analyze", "-", "--format", "json"], stdin: "");
        Assert.Equal(ExitCodes.AllInputsFailed, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Contains("-: standard input is empty", r.Err);
    }

    [Fact]
    public void A_missing_file_exits_2_and_analyses_nothing()
    {
        _cli.File("there.txt", CliHarness.German);
        var r = _cli.Run("analyze", "there.txt", "missing.txt", "--format", "jsonl");
        Assert.Equal(ExitCodes.InputNotFound, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Equal("hearsay: missing.txt: no such file or folder", r.Err.Trim());
    }

    [Fact]
    public void A_folder_without_articles_exits_2()
    {
        _cli.File("data/table.csv", "a;b");
        var r = _cli.Run("analyze", "data");
        Assert.Equal(ExitCodes.InputNotFound, r.ExitCode);
        Assert.Contains("no article files", r.Err);
    }

    [Fact]
    public void An_empty_file_alone_exits_4()
    {
        _cli.File("empty.txt", "");
        var r = _cli.Run("analyze", "empty.txt", "--format", "json");
        Assert.Equal(ExitCodes.AllInputsFailed, r.ExitCode);
        Assert.Equal("", r.Out);
        Assert.Equal("hearsay: empty.txt: is empty", r.Err.Trim());
    }

    [Fact]
    public void A_white_space_file_counts_as_empty()
    {
        _cli.File("blank.txt", " \n\n\t\n");
        var r = _cli.Run("analyze", "blank.txt", "--format", "json");
        Assert.Equal(ExitCodes.AllInputsFailed, r.ExitCode);
        Assert.Contains("blank.txt:", r.Err);
    }

    [Fact]
    public void Unreadable_inputs_are_reported_one_line_each_and_the_others_still_analysed()
    {
        _cli.File("good.txt", CliHarness.German);
        _cli.File("empty.txt", "");
        _cli.File("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]);
        var r = _cli.Run("analyze", "empty.txt", "good.txt", "image.txt", "--format", "json");
        Assert.True(r.ExitCode == ExitCodes.SomeInputsFailed, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        var only = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal("good.txt", only.GetProperty("source").GetProperty("path").GetString());
        var errors = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, errors.Length);
        Assert.Equal("hearsay: empty.txt: is empty", errors[0]);
        Assert.StartsWith("hearsay: image.txt: ", errors[1]);
        Assert.Contains("PNG", errors[1]);
        Assert.DoesNotContain("   at ", r.Err);
    }

    [Fact]
    public void A_file_in_windows_1252_is_decoded()
    {
        // „Grüße“ in windows-1252: „ = 0x84, ü = 0xFC, ß = 0xDF, “ = 0x93
        _cli.File("legacy.txt", [0x84, (byte)'G', (byte)'r', 0xFC, 0xDF, (byte)'e', 0x93, (byte)' ', (byte)'s', (byte)'a', (byte)'g', (byte)'t', (byte)'e', (byte)' ', (byte)'e', (byte)'r', (byte)'.']);
        var r = _cli.Run("analyze", "legacy.txt", "--format", "json");
        Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("„Grüße“ sagte er.", doc.RootElement.GetProperty("text").GetString());
        Assert.Equal("windows-1252", doc.RootElement.GetProperty("source").GetProperty("encoding").GetString());
    }

    [Fact]
    public void Lang_overrides_detection()
    {
        _cli.File("de.txt", CliHarness.German);
        var r = _cli.Run("analyze", "de.txt", "--lang", "en", "--format", "json");
        Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString());
        using var doc = JsonDocument.Parse(r.Out);
        var lang = doc.RootElement.GetProperty("language");
        Assert.Equal("en", lang.GetProperty("code").GetString());
        Assert.False(lang.GetProperty("detected").GetBoolean());
    }

    [Fact]
    public void No_text_leaves_the_full_text_out()
    {
        _cli.File("de.txt", CliHarness.German);
        var r = _cli.Run("analyze", "de.txt", "--no-text", "--format", "json");
        using var doc = JsonDocument.Parse(r.Out);
        Assert.False(doc.RootElement.TryGetProperty("text", out _));
    }

    [Fact]
    public void Output_option_writes_the_file_and_nothing_to_stdout()
    {
        _cli.File("en.txt", CliHarness.English);
        var r = _cli.Run("analyze", "en.txt", "-o", "out/result.json");
        Assert.Equal(ExitCodes.Usage, r.ExitCode); // the folder "out" does not exist
        Assert.Contains("cannot write out/result.json", r.Err);

        Directory.CreateDirectory(Path.Combine(_cli.Folder, "out"));
        r = _cli.Run("analyze", "en.txt", "-o", "out/result.json");
        Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString());
        Assert.Equal("", r.Out);
        var written = File.ReadAllText(Path.Combine(_cli.Folder, "out", "result.json"));
        using var doc = JsonDocument.Parse(written); // auto format to a file: json for one input
        Assert.Equal("en.txt", doc.RootElement.GetProperty("source").GetProperty("path").GetString());
    }

    [Fact]
    public void Auto_format_is_json_for_one_input_and_jsonl_for_several_when_not_on_a_terminal()
    {
        _cli.File("de.txt", CliHarness.German);
        _cli.File("en.txt", CliHarness.English);
        var one = _cli.Run("analyze", "de.txt");
        Assert.StartsWith("{\n", one.Out);
        var two = _cli.Run("analyze", "de.txt", "en.txt");
        Assert.Equal(2, two.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void Auto_format_on_a_terminal_is_the_terminal_view()
    {
        _cli.File("de.txt", CliHarness.German);
        var r = _cli.Run(["analyze", "de.txt"], stdin: null, terminal: true);
        Assert.True(r.ExitCode == ExitCodes.Ok, r.ToString());
        Assert.Contains("de.txt", r.Out);
        Assert.Contains("Language", r.Out);
        Assert.Contains("characters", r.Out);
        Assert.DoesNotContain("\"schema\"", r.Out);
    }

    [Fact]
    public void The_terminal_view_has_colours_on_a_terminal_unless_NO_COLOR_is_set()
    {
        _cli.File("de.txt", CliHarness.German);
        var colored = _cli.Run(["analyze", "de.txt"], stdin: null, terminal: true);
        Assert.Contains("\u001b[", colored.Out);
        var plain = _cli.Run(["analyze", "de.txt"], stdin: null, terminal: true, env: new() { ["NO_COLOR"] = "1" });
        Assert.DoesNotContain("\u001b[", plain.Out);
        var piped = _cli.Run("analyze", "de.txt", "--format", "terminal");
        Assert.DoesNotContain("\u001b[", piped.Out);
    }

    [Theory]
    [InlineData("analyze", "x.txt", "--format", "xml")]
    [InlineData("analyze", "x.txt", "--lang", "fr")]
    [InlineData("analyze")]
    [InlineData("analyse", "x.txt")]
    [InlineData("analyze", "x.txt", "--frobnicate")]
    public void Usage_errors_exit_1(params string[] args)
    {
        _cli.File("x.txt", CliHarness.German);
        var r = _cli.Run(args);
        Assert.True(r.ExitCode == ExitCodes.Usage, r.ToString());
        Assert.NotEqual("", r.Err);
    }

    [Fact]
    public void Help_exits_0()
    {
        var r = _cli.Run("analyze", "--help");
        Assert.Equal(ExitCodes.Ok, r.ExitCode);
        Assert.Contains("--format", r.Out);
        Assert.Contains("--no-text", r.Out);
    }

    [Fact]
    public void An_internal_error_is_one_line_without_stack_trace_unless_verbose()
    {
        Exception ex;
        try { throw new InvalidOperationException("stage broke\nsecond line"); }
        catch (InvalidOperationException e) { ex = e; }

        var quiet = new StringWriter();
        Program.ReportInternalError(quiet, ex, verbose: false, what: "analysing a.txt");
        Assert.Equal("hearsay: internal error while analysing a.txt: InvalidOperationException: stage broke second line (run with --verbose for details)",
            quiet.ToString().Trim());

        var loud = new StringWriter();
        Program.ReportInternalError(loud, ex, verbose: true, what: null);
        Assert.Contains("   at ", loud.ToString());
    }
}
