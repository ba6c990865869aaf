using Hearsay.Document;
using Hearsay.Input;
using static Hearsay.Tests.Structure.StructureAssert;

namespace Hearsay.Tests.Structure;

public class HtmlStructureTests
{
    private const string EnglishPage = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <title>Port strike halts grain exports | The Harbour Gazette</title>
          <meta property="og:site_name" content="The Harbour Gazette">
          <meta name="description" content="Dock workers walked out on Monday, leaving dozens of ships waiting at anchor.">
          <meta property="article:published_time" content="2024-03-04T09:30:00+01:00">
          <style>.ad { display: block }</style>
          <script>var tracking = "Dear reader, please subscribe.";</script>
        </head>
        <body>
          <header class="site-header"><a href="/">The Harbour Gazette</a>
            <nav><ul><li><a href="/world">World</a></li><li><a href="/business">Business</a></li></ul></nav>
          </header>
          <div class="cookie-banner">We use cookies. <button>Accept</button></div>
          <main>
            <article class="story">
              <header>
                <h1>Port strike halts grain exports</h1>
                <p class="byline">By <a rel="author" href="/jane">Jane Doe</a> and <a href="/john">John Roe</a></p>
                <time datetime="2024-03-04T09:30:00+01:00">March 4, 2024</time>
                <p class="lead">Dock workers walked out on Monday, leaving dozens of ships waiting at anchor.</p>
              </header>
              <div class="ad-slot"><p>Advertisement: Buy the new phone today!</p></div>
              <p>ROTTERDAM (Reuters) - Grain exports from the port stopped on Monday after dock workers began an open-ended strike, the port authority said.</p>
              <figure>
                <img src="ships.jpg" alt="Ships">
                <figcaption>Ships wait outside the harbour on Monday. <span class="credit">Photo: Reuters/Piroschka Example</span></figcaption>
              </figure>
              <p>"We will not return until the contract is signed," a union spokesman told reporters.</p>
              <aside class="related"><h3>Related stories</h3><p>Strikes spread across Europe</p></aside>
              <h2>Talks to resume on Thursday</h2>
              <p>The employers' association said it expected talks to resume on Thursday.<br>A spokeswoman declined further comment.</p>
              <div class="social-share"><a href="#">Share on X</a></div>
              <figure><img src="map.png"><figcaption>The port handles a third of the country's grain. © Harbour Gazette graphics</figcaption></figure>
              <footer>Copyright 2024 The Harbour Gazette</footer>
            </article>
            <section class="comments"><h2>Comments</h2><p>First!</p></section>
          </main>
          <footer class="site-footer"><p>Imprint</p></footer>
        </body>
        </html>
        """;

    [Fact]
    public void Article_page_blocks_and_parts()
    {
        var a = ArticleReader.FromHtml(EnglishPage);
        WellFormed(a);
        var st = a.Structure;
        Assert.Equal("Port strike halts grain exports", Str(a, st.Title));
        Assert.Equal(["Jane Doe", "John Roe"], st.Authors.Select(a.StringOf));
        Assert.Equal(["Dock workers walked out on Monday, leaving dozens of ships waiting at anchor."], Texts(a, BlockKind.Teaser));
        Assert.Equal("ROTTERDAM", Str(a, st.DatelinePlace));
        Assert.Equal("Reuters", Str(a, st.DatelineAgency));
        Assert.Equal(["Talks to resume on Thursday"], Texts(a, BlockKind.Subheading));
        Assert.Equal(2, st.Captions.Count);
        Assert.Equal("Ships wait outside the harbour on Monday.", Str(a, st.Captions[0].Text));
        Assert.Equal("Reuters/Piroschka Example", Str(a, st.Captions[0].Credit));
        Assert.Equal("Harbour Gazette graphics", Str(a, st.Captions[1].Credit));
        Assert.Equal(new DateTimeOffset(2024, 3, 4, 9, 30, 0, TimeSpan.FromHours(1)), a.Metadata.Published);
        Assert.Equal("The Harbour Gazette", a.Metadata.Outlet);
        Assert.Equal("text/html", a.Metadata.MediaType);
    }

    [Fact]
    public void Navigation_ads_scripts_comments_and_footers_are_dropped()
    {
        var a = ArticleReader.FromHtml(EnglishPage);
        foreach (var noise in new[] { "World", "Business", "cookies", "Advertisement", "Related stories", "Strikes spread", "Share on X",
                                      "First!", "Imprint", "Copyright 2024", "Dear reader", ".ad {" })
            Assert.DoesNotContain(noise, a.Text);
    }

    [Fact]
    public void Blocks_are_joined_by_blank_lines_and_br_is_a_line_break()
    {
        var a = ArticleReader.FromHtml(EnglishPage);
        Assert.StartsWith("Port strike halts grain exports\n\nBy Jane Doe and John Roe\n\n", a.Text);
        Assert.Contains("resume on Thursday.\nA spokeswoman declined", a.Text);
        Assert.DoesNotContain("\n\n\n", a.Text);
    }

    private const string GermanPage = """
        <html><head>
          <meta property="og:title" content="Stadtrat stoppt Neubau der Rheinbrücke">
          <meta name="author" content="Erika Musterfrau">
          <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","datePublished":"2024-05-02T08:00:00Z"}</script>
        </head><body>
          <div id="navigation"><a href="/">Startseite</a> <a href="/politik">Politik</a></div>
          <div class="content">
            <h1 class="headline">Stadtrat stoppt Neubau der Rheinbrücke</h1>
            <p><strong>Die Kosten sind aus dem Ruder gelaufen. Jetzt zieht die Stadt die Notbremse.</strong></p>
            <p>Köln – Der Stadtrat hat den Neubau vorerst gestoppt. Das teilte eine Sprecherin mit.</p>
            <div class="anzeige">Jetzt Abo abschließen</div>
            <p><b>Opposition fordert Aufklärung</b></p>
            <p>Die Fraktionen der Opposition verlangen einen Untersuchungsausschuss.</p>
            <figure><picture><img src="a.jpg"></picture><figcaption>Die alte Brücke bei Nacht. <small>Foto: Stefan Beispiel/dpa</small></figcaption></figure>
            <div class="newsletter-box"><p>Melden Sie sich für unseren Newsletter an!</p></div>
          </div>
        </body></html>
        """;

    [Fact]
    public void Page_without_article_element_uses_body_and_metadata()
    {
        var a = ArticleReader.FromHtml(GermanPage);
        WellFormed(a);
        var st = a.Structure;
        Assert.Equal("Stadtrat stoppt Neubau der Rheinbrücke", Str(a, st.Title));
        // No byline in the body: the meta author becomes one, right after the title.
        Assert.Equal(BlockKind.Byline, st.Blocks[1].Kind);
        Assert.Equal(["Erika Musterfrau"], st.Authors.Select(a.StringOf));
        // A paragraph that is all bold is the teaser before the body and a subheading inside it.
        Assert.Equal(["Die Kosten sind aus dem Ruder gelaufen. Jetzt zieht die Stadt die Notbremse."], Texts(a, BlockKind.Teaser));
        Assert.Equal(["Opposition fordert Aufklärung"], Texts(a, BlockKind.Subheading));
        Assert.Equal("Köln", Str(a, st.DatelinePlace));
        Assert.Equal("Stefan Beispiel/dpa", Str(a, Assert.Single(st.Captions).Credit));
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 8, 0, 0, TimeSpan.Zero), a.Metadata.Published);
        Assert.DoesNotContain("Startseite", a.Text);
        Assert.DoesNotContain("Abo", a.Text);
        Assert.DoesNotContain("Newsletter", a.Text);
    }

    [Fact]
    public void Headline_from_title_element_when_there_is_no_h1()
    {
        var a = ArticleReader.FromHtml("<html><head><title>Minister resigns over expenses | Daily Example</title></head><body><p>The minister resigned on Friday, his office said.</p><p>A successor will be named next week.</p></body></html>");
        Assert.Equal("Minister resigns over expenses", Str(a, a.Structure.Title));
        Assert.Equal(2, Texts(a, BlockKind.Paragraph).Length);
    }

    [Theory]
    [InlineData("<p>Unclosed paragraph <b>bold <i>both</b> text")]
    [InlineData("<html><body><div><p>One</div></p></span><p>Two & three &amp; four &nbsp;</body>")]
    [InlineData("<<<>>> <p <p> </ > <!-- never closed comment")]
    [InlineData("<table><tr><td>cell<td>cell<p>para</table></table></table>")]
    [InlineData("<html><head><title>Only a title</title></head><body></body></html>")]
    [InlineData("<script>document.write('<p>hidden</p>')</script><p>Visible text.</p>")]
    public void Malformed_html_does_not_crash(string html)
    {
        var a = ArticleReader.FromHtml(html);
        WellFormed(a);
        Assert.DoesNotContain("hidden", a.Text);
    }

    [Fact]
    public void Deeply_nested_markup_does_not_overflow_the_stack()
    {
        var html = string.Concat(Enumerable.Repeat("<div><span>", 5000)) + "Deep text." + string.Concat(Enumerable.Repeat("</span></div>", 5000));
        var a = ArticleReader.FromHtml(html);
        Assert.Contains("Deep text.", a.Text);
    }

    [Fact]
    public void Noise_class_on_the_article_wrapper_does_not_drop_the_article()
    {
        var html = "<body><div class=\"story share-enabled\"><h1>Headline here</h1><p>" + new string('x', 10) + " The first paragraph of the story has enough text to count.</p><p>Second paragraph of the story, also with enough text.</p></div><div class=\"share\"><p>Share this</p></div></body>";
        var a = ArticleReader.FromHtml(html);
        Assert.Equal("Headline here", Str(a, a.Structure.Title));
        Assert.Contains("Second paragraph of the story", a.Text);
        Assert.DoesNotContain("Share this", a.Text);
    }

    [Fact]
    public void Headline_and_byline_in_a_page_header_outside_the_article()
    {
        var html = """
            <body>
              <div class="article-head"><h1>Flood warnings issued for the coast</h1><div class="byline">By Mary Major</div></div>
              <article><p>Heavy rain is expected along the coast from Tuesday, forecasters said on Monday evening.</p>
              <p>Residents were asked to prepare sandbags and to follow local radio for updates.</p></article>
            </body>
            """;
        var a = ArticleReader.FromHtml(html);
        WellFormed(a);
        Assert.Equal(BlockKind.Title, a.Structure.Blocks[0].Kind);
        Assert.Equal("Flood warnings issued for the coast", Str(a, a.Structure.Title));
        Assert.Equal(BlockKind.Byline, a.Structure.Blocks[1].Kind);
        Assert.Equal(["Mary Major"], a.Structure.Authors.Select(a.StringOf));
    }

    [Fact]
    public void Double_br_separates_paragraphs_in_old_layouts()
    {
        var a = ArticleReader.FromHtml("<body><div id=\"text\">Erster Absatz des Textes.<br><br>\n<br>Zweiter Absatz des Textes.<br>Mit einer zweiten Zeile.</div></body>");
        WellFormed(a);
        Assert.Equal(["Erster Absatz des Textes.", "Zweiter Absatz des Textes.\nMit einer zweiten Zeile."], Texts(a, BlockKind.Paragraph));
    }
}
