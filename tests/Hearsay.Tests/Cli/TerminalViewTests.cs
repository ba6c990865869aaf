using Hearsay;
using Hearsay.Cli.Terminal;
using Hearsay.Document;
using Hearsay.Tests.Output;

namespace Hearsay.Tests.Cli;

public class TerminalViewTests
{
    private static string Render(Article a, bool colors = false, int width = 110)
    {
        var sw = new StringWriter();
        new TerminalView(sw, colors, width).Render(a, "fixture.txt");
        return sw.ToString();
    }

    [Fact]
    public void Header_shows_title_authors_dateline_and_language()
    {
        string view = Render(ArticleFixtures.English());
        Assert.Contains("Council approves new bike lane", view);
        Assert.Contains("Tom Hale", view);
        Assert.Contains("BOSTON (Reuters)", view);
        Assert.Contains("en (given)", view);
    }

    [Fact]
    public void Header_shows_the_outlet_and_date_the_input_gave()
    {
        var meta = new ArticleMetadata { Language = "de", Outlet = "Testblatt", Published = new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero) };
        string view = Render(new Analyzer().AnalyzeText("Der Minister sagte, es gebe keine Pläne.", meta));
        Assert.Contains("Testblatt · 2026-11-02", view);
        Assert.DoesNotContain("Published", Render(ArticleFixtures.English()));
    }

    [Fact]
    public void Claims_show_their_chain_from_origin_to_author()
    {
        string view = Render(ArticleFixtures.German(), width: 200);
        Assert.Contains("Anna Berg (origin) → Weser-Kurier (medium) → Norddeutscher Rundfunk (relay) → Mara Lindqvist (author)", view);
        Assert.Contains("hedged by the author", view);
        Assert.Contains("(author, inferred)", view);
    }

    [Fact]
    public void Sources_table_groups_statements_by_entity()
    {
        var rows = SourceSummary.Of(ArticleFixtures.German());
        Assert.Equal("Anna Berg", rows[0].Name);
        Assert.Equal(2, rows[0].Statements);
        Assert.Equal(new[] { "Weser-Kurier" }, rows[0].Media);
        Assert.Equal(new[] { "Norddeutscher Rundfunk" }, rows[0].Relays); // stated once, inferred once: listed once
        Assert.Equal("einem internen Papier", rows[1].Name);
        Assert.Equal("document", rows[1].Kind);
    }

    [Fact]
    public void Attributions_show_the_quote_with_its_marks_and_the_frame()
    {
        string view = Render(ArticleFixtures.German(), width: 200);
        Assert.Contains("„Das ist ein guter Tag für die Stadt“, sagte Bürgermeisterin Anna Berg dem Weser-Kurier", view);
        Assert.Contains("according-to", view);
        Assert.Contains("document source", view);
    }

    [Fact]
    public void Hedges_quantities_and_warnings_are_listed()
    {
        string view = Render(ArticleFixtures.German());
        Assert.Contains("speculation", view);
        Assert.Contains("≈ 2,500,000 EUR", view);
        Assert.Contains("warning quote.unbalanced", view);
    }

    [Fact]
    public void Without_colors_there_are_no_escape_codes_and_with_colors_the_cue_is_highlighted()
    {
        Assert.DoesNotContain("\u001b[", Render(ArticleFixtures.German()));
        string colored = Render(ArticleFixtures.German(), colors: true);
        Assert.Contains("\u001b[", colored);
    }

    [Fact]
    public void Markup_in_the_article_text_is_shown_literally()
    {
        var b = new ArticleFixtures.Builder("Er sagte: [bold]nein[/] und ging.", "de");
        b.Block(BlockKind.Paragraph, "Er sagte");
        b.Analyze();
        var a = b.Article;
        a.Attributions.Add(new Document.Attribution { Id = 0, Kind = AttributionKind.Direct, Cue = b.Span("sagte"), Content = b.Span("[bold]nein[/]") });
        Assert.Contains("[bold]nein[/]", Render(a));
    }

    [Fact]
    public void A_long_unhighlighted_stretch_is_shortened_in_the_middle()
    {
        string text = "Er sagte, " + string.Join(" ", Enumerable.Repeat("sehr", 80)) + " lange Rede.";
        var range = new TextSpan(0, text.Length);
        var cue = new TextSpan(3, 5);
        string markup = Excerpt.Markup(text, range, [new Excerpt.Mark(cue, "yellow", 1)], "", maxRun: 60);
        Assert.StartsWith("Er [yellow]sagte[/]", markup);
        Assert.Contains(" … ", markup);
        Assert.EndsWith("lange Rede.", markup);
        Assert.True(markup.Length < 120, markup);
    }
}
