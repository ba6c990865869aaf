using System.Text;
using Hearsay.Document;
using Hearsay.Input;

namespace Hearsay.Tests.Input;

/// <summary>Bad input through the whole pipeline: warnings, never crashes; refusals as <see cref="InputException"/>.</summary>
public class AnalyzerInputTests
{
    private static readonly Analyzer Analyzer = new();

    [Theory]
    [InlineData("Überschrift\n\nBerlin – „Das ist ein Zitat ohne Ende, sagte er.\n\nDer nächste Absatz folgt.", "de")]
    [InlineData("Headline\n\nLONDON (Reuters) - \"This quote never closes, he said.\n\nThe next paragraph follows.", "en")]
    public void Unbalanced_quotation_marks_are_reported_not_fatal(string text, string language)
    {
        var a = Analyzer.AnalyzeBytes(Encoding.UTF8.GetBytes(text), new ArticleMetadata { Language = language });
        Assert.Contains(a.Diagnostics, d => d.Code.StartsWith("quote.", StringComparison.Ordinal));
        Assert.True(a.Done.HasFlag(Layers.Sentences));
        Assert.NotNull(a.Structure.Dateline);
        Assert.Equal(2, a.Structure.Blocks.Count(b => b.Kind == BlockKind.Paragraph));
    }

    [Fact]
    public void Stray_closing_quote_is_reported()
    {
        var a = Analyzer.AnalyzeText("Überschrift\n\nDer Satz endet hier.“ Danach geht es weiter.\n\nNoch ein Absatz.");
        Assert.Contains(a.Diagnostics, d => d.Code.StartsWith("quote.", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_file_runs_the_pipeline_and_keeps_reader_warnings()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("hearsay-analyze-").FullName, "latin1.txt");
        try
        {
            var cp1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
            File.WriteAllBytes(path, cp1252.GetBytes("Grüße aus Köln\n\nKöln – Die Straße ist gesperrt, sagte eine Sprecherin.\n\nMehr folgt."));
            var a = Analyzer.AnalyzeFile(path);
            Assert.Contains(a.Diagnostics, d => d.Code == "input.encoding");
            Assert.Equal("de", a.Language);
            Assert.True(a.Sentences.Length >= 3);
            Assert.Equal("Köln", a.StringOf(a.Structure.DatelinePlace!.Value));
        }
        finally { Directory.Delete(Path.GetDirectoryName(path)!, true); }
    }

    [Fact]
    public void Analyze_refuses_binary_and_empty()
    {
        Assert.Equal(InputErrorKind.Binary, Assert.Throws<InputException>(() => Analyzer.AnalyzeBytes("%PDF-1.4\n"u8)).Kind);
        Assert.Equal(InputErrorKind.Empty, Assert.Throws<InputException>(() => Analyzer.AnalyzeBytes(ReadOnlySpan<byte>.Empty)).Kind);
        Assert.Equal(InputErrorKind.NotFound, Assert.Throws<InputException>(() => Analyzer.AnalyzeFile("/nonexistent/article.txt")).Kind);
    }

    [Fact]
    public void Analyzer_reader_options_apply()
    {
        var small = new Analyzer { ReaderOptions = new ReaderOptions { MaxBytes = 10 } };
        Assert.Equal(InputErrorKind.TooLarge, Assert.Throws<InputException>(() => small.AnalyzeBytes("more than ten bytes"u8)).Kind);
        Assert.Equal(InputErrorKind.TooLarge, Assert.Throws<InputException>(() => small.AnalyzeStream(new MemoryStream("more than ten bytes"u8.ToArray()))).Kind);
    }

    [Fact]
    public void Analyze_html_text()
    {
        var a = Analyzer.AnalyzeText("<!DOCTYPE html><html><body><article><h1>Headline</h1><p>By Jane Doe</p><p>LONDON (Reuters) - The bank raised rates, it said.</p></article></body></html>");
        Assert.Equal("text/html", a.Metadata.MediaType);
        Assert.Equal("Headline", a.StringOf(a.Structure.Title!.Value));
        Assert.Equal("Jane Doe", a.StringOf(Assert.Single(a.Structure.Authors)));
        Assert.Equal("LONDON", a.StringOf(a.Structure.DatelinePlace!.Value));
    }
}
