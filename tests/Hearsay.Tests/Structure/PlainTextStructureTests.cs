using Hearsay.Document;
using Hearsay.Input;
using static Hearsay.Tests.Structure.StructureAssert;

namespace Hearsay.Tests.Structure;

public class PlainTextStructureTests
{
    private static Article Read(string text) => ArticleReader.FromText(text);

    private const string GermanArticle = """
        Stadtrat stoppt Neubau der Rheinbrücke

        Von Anna Müller und Max Mustermann

        Die Kosten sind aus dem Ruder gelaufen. Jetzt zieht die Stadt die Notbremse.

        Köln (dpa) – Der Kölner Stadtrat hat den geplanten Neubau der Rheinbrücke vorerst gestoppt. Das teilte eine Sprecherin der Stadt am Dienstag mit.

        Nach Angaben der Verwaltung haben sich die Kosten seit 2019 mehr als verdoppelt.

        Opposition fordert Untersuchungsausschuss

        Die Fraktionen der Opposition verlangen Aufklärung. „Wir wollen wissen, wer wann was gewusst hat“, sagte ein Abgeordneter.

        Die alte Brücke bei Nacht. Foto: Stefan Beispiel/dpa

        Eine Entscheidung über das weitere Vorgehen soll im Herbst fallen. (dpa)
        """;

    [Fact]
    public void German_article_title_byline_teaser_dateline()
    {
        var a = Read(GermanArticle);
        WellFormed(a);
        var st = a.Structure;
        Assert.Equal("Stadtrat stoppt Neubau der Rheinbrücke", Str(a, st.Title));
        Assert.Equal(["Anna Müller", "Max Mustermann"], st.Authors.Select(a.StringOf));
        Assert.Equal(["Die Kosten sind aus dem Ruder gelaufen. Jetzt zieht die Stadt die Notbremse."], Texts(a, BlockKind.Teaser));
        Assert.Equal("Köln (dpa) –", Str(a, st.Dateline));
        Assert.Equal("Köln", Str(a, st.DatelinePlace));
        Assert.Equal("dpa", Str(a, st.DatelineAgency));
    }

    [Fact]
    public void German_article_subheading_caption_signature()
    {
        var a = Read(GermanArticle);
        Assert.Equal(["Opposition fordert Untersuchungsausschuss"], Texts(a, BlockKind.Subheading));
        var caption = Assert.Single(a.Structure.Captions);
        Assert.Equal("Die alte Brücke bei Nacht.", Str(a, caption.Text));
        Assert.Equal("Stefan Beispiel/dpa", Str(a, caption.Credit));
        Assert.Equal(["(dpa)"], Texts(a, BlockKind.Other));
        // The signature is cut off its paragraph, which stays a paragraph.
        Assert.Contains("Eine Entscheidung über das weitere Vorgehen soll im Herbst fallen.", Texts(a, BlockKind.Paragraph));
    }

    private const string EnglishArticle = """
        Council votes to close city library branches

        By JANE DOE and JOHN ROE

        Three branches will shut by the end of the year as the city tries to close a budget gap.

        SPRINGFIELD, March 3 (AP) — The city council voted 7-2 on Tuesday to close three library branches, officials said.

        Library staff learned of the decision from a local radio report, according to their union.

        What happens to the books?

        The collections will be moved to the central library, a spokeswoman said.

        Protesters outside City Hall on Tuesday evening. Photo: Mary Sample/AP

        The closures take effect in December.
        """;

    [Fact]
    public void English_article_structure()
    {
        var a = Read(EnglishArticle);
        WellFormed(a);
        var st = a.Structure;
        Assert.Equal("Council votes to close city library branches", Str(a, st.Title));
        Assert.Equal(["JANE DOE", "JOHN ROE"], st.Authors.Select(a.StringOf));
        Assert.Single(Texts(a, BlockKind.Teaser));
        Assert.Equal("SPRINGFIELD, March 3 (AP) —", Str(a, st.Dateline));
        Assert.Equal("SPRINGFIELD", Str(a, st.DatelinePlace));
        Assert.Equal("AP", Str(a, st.DatelineAgency));
        Assert.Equal(["What happens to the books?"], Texts(a, BlockKind.Subheading));
        var caption = Assert.Single(st.Captions);
        Assert.Equal("Mary Sample/AP", Str(a, caption.Credit));
        Assert.Equal("The closures take effect in December.", Texts(a, BlockKind.Paragraph)[^1]);
    }

    [Theory]
    [InlineData("Von: Ares Beispiel", new[] { "Ares Beispiel" })]
    [InlineData("Von Ares Beispiel", new[] { "Ares Beispiel" })]
    [InlineData("Von Anna Müller und Max Mustermann", new[] { "Anna Müller", "Max Mustermann" })]
    [InlineData("Autor: Jürgen Schmidt-Weber", new[] { "Jürgen Schmidt-Weber" })]
    [InlineData("Von Ursula von der Beispiel, Berlin", new[] { "Ursula von der Beispiel" })]
    [InlineData("Von dpa", new[] { "dpa" })]
    [InlineData("By Jane Doe", new[] { "Jane Doe" })]
    [InlineData("By JANE DOE and JOHN ROE", new[] { "JANE DOE", "JOHN ROE" })]
    [InlineData("By Jane Doe, John Roe and Mary Major", new[] { "Jane Doe", "John Roe", "Mary Major" })]
    [InlineData("By J. R. Smith | March 3, 2024", new[] { "J. R. Smith" })]
    [InlineData("Written by Tom O'Brien", new[] { "Tom O'Brien" })]
    [InlineData("By Erika Sample in Lisbon", new[] { "Erika Sample" })]
    [InlineData("By Jane Doe and John Roe in New York", new[] { "Jane Doe", "John Roe" })]
    [InlineData("Von Erika Muster aus Brüssel", new[] { "Erika Muster" })]
    [InlineData("Von Anna Beispiel und Max Muster, Hamburg", new[] { "Anna Beispiel", "Max Muster" })]
    [InlineData("By Reuters in Frankfurt am Main", new[] { "Reuters" })]
    public void Byline_variants(string byline, string[] authors)
    {
        var a = Read($"A headline for the test\n\n{byline}\n\nThe first paragraph of the article says something. It goes on.\n\nAnother paragraph follows here.");
        WellFormed(a);
        Assert.Equal([byline], Texts(a, BlockKind.Byline));
        Assert.Equal(authors, a.Structure.Authors.Select(a.StringOf));
    }

    [Theory]
    [InlineData("Von Berlin nach Paris in vier Stunden")]
    [InlineData("Von der Leyen warnt vor neuen Zöllen")]
    [InlineData("By the end of the year, prices rose.")]
    [InlineData("Vonovia erhöht die Mieten")]
    [InlineData("Von Berlin in Richtung Osten")]
    [InlineData("By Jane Doe in the morning light")]
    [InlineData("Von Anna Muster in Berlin gegründet, wächst der Verein")]
    public void Sentences_opening_like_a_byline_are_not_bylines(string line)
    {
        var a = Read($"A headline for the test\n\n{line}\n\nThe first paragraph of the article says something. It goes on.\n\nAnother paragraph.");
        Assert.Empty(Texts(a, BlockKind.Byline));
        Assert.Empty(a.Structure.Authors);
    }

    [Theory]
    [InlineData("Pjöngjang – Die Regierung hat", "Pjöngjang –", "Pjöngjang", null)]
    [InlineData("Berlin (dpa) - Die Regierung hat", "Berlin (dpa) -", "Berlin", "dpa")]
    [InlineData("WASHINGTON (Reuters) - The government has", "WASHINGTON (Reuters) -", "WASHINGTON", "Reuters")]
    [InlineData("NEW YORK, March 3 (AP) — The company has", "NEW YORK, March 3 (AP) —", "NEW YORK", "AP")]
    [InlineData("Wien – Die Gewerkschaft hat", "Wien –", "Wien", null)]
    [InlineData("Frankfurt am Main – Die Bank hat", "Frankfurt am Main –", "Frankfurt am Main", null)]
    [InlineData("Gaza/Jerusalem – Die Armee hat", "Gaza/Jerusalem –", "Gaza/Jerusalem", null)]
    [InlineData("Salt Lake City (Utah) – Die Polizei hat", "Salt Lake City (Utah) –", "Salt Lake City", null)]
    [InlineData("Berlin, 3. März (dpa/AFP) – Die Regierung hat", "Berlin, 3. März (dpa/AFP) –", "Berlin", "dpa/AFP")]
    [InlineData("LONDON — The bank said", "LONDON —", "LONDON", null)]
    public void Dateline_variants(string opening, string dateline, string place, string? agency)
    {
        var a = Read($"Eine Überschrift für den Test\n\n{opening} am Dienstag etwas mitgeteilt. Mehr folgt.\n\nZweiter Absatz.");
        Assert.Equal(dateline, Str(a, a.Structure.Dateline));
        Assert.Equal(place, Str(a, a.Structure.DatelinePlace));
        Assert.Equal(agency, Str(a, a.Structure.DatelineAgency));
    }

    [Theory]
    [InlineData("Der Schatz vom Toplitzsee – Sie suchten lange.")]
    [InlineData("Berlin – das war einmal.")]
    [InlineData("Neue Kämpfe im Donbass – Die Armee meldet Verluste.")]
    [InlineData("Die Regierung (SPD) hat beschlossen, dass es so bleibt.")]
    [InlineData("The minister - who spoke on Monday - declined.")]
    public void Openings_that_are_no_dateline(string opening)
    {
        var a = Read($"Eine Überschrift für den Test\n\n{opening} Mehr folgt hier.\n\nZweiter Absatz.");
        Assert.Null(a.Structure.Dateline);
    }

    [Fact]
    public void Title_and_body_on_one_line_get_split_at_the_dateline()
    {
        var a = Read("Gewerkschaft fordert mehr Transparenz bei Pauschalverträgen. Wien – Die Gewerkschaft sieht Handlungsbedarf. Sie hat dazu ein Werkzeug vorgestellt.");
        WellFormed(a);
        Assert.Equal("Gewerkschaft fordert mehr Transparenz bei Pauschalverträgen.", Str(a, a.Structure.Title));
        Assert.Equal("Wien –", Str(a, a.Structure.Dateline));
        Assert.Equal("Wien", Str(a, a.Structure.DatelinePlace));
        Assert.StartsWith("Wien – Die Gewerkschaft", Texts(a, BlockKind.Paragraph)[0]);
    }

    [Fact]
    public void Run_together_text_ignores_an_ordinal_before_a_dash()
    {
        var a = Read("Die Wahl findet am 1. Oktober – also bald – statt. Die Parteien bereiten sich vor.");
        Assert.Null(a.Structure.Dateline);
    }

    [Theory]
    [InlineData("Russlands Staatschef und sein Gast stoßen bei einem Treffen an. © Beispiel Photo/Agentur", "Beispiel Photo/Agentur")]
    [InlineData("Der Bürgermeister bei der Eröffnung. (Foto: Max Beispiel)", "Max Beispiel")]
    [InlineData("Demonstranten vor dem Rathaus. Bild: Erika Muster/Imago", "Erika Muster/Imago")]
    [InlineData("Foto: dpa", "dpa")]
    [InlineData("Firefighters at the scene on Sunday. Photo: Reuters", "Reuters")]
    [InlineData("The new bridge at dusk. Image: J. Smith/Getty Images", "J. Smith/Getty Images")]
    public void Captions_with_credits(string caption, string credit)
    {
        var a = Read($"A headline for the test\n\nThe first paragraph says something. It goes on.\n\n{caption}\n\nThe last paragraph ends here.");
        WellFormed(a);
        var c = Assert.Single(a.Structure.Captions);
        Assert.Equal(caption, a.StringOf(a.Structure.Blocks[c.BlockIndex].Span));
        Assert.Equal(credit, Str(a, c.Credit));
    }

    [Theory]
    [InlineData("Auf dem Bild sieht man das Foto: ein Beweis, sagt er.")]
    [InlineData("Der Fotograf zeigt das Foto: Merkel lacht")]
    [InlineData("She looked at the photo: nothing unusual, she said, and left the room without another word.")]
    public void Prose_mentioning_a_photo_is_no_caption(string paragraph)
    {
        var a = Read($"A headline for the test\n\nThe first paragraph says something. It goes on.\n\n{paragraph}\n\nThe last paragraph ends here.");
        Assert.Empty(a.Structure.Captions);
    }

    [Fact]
    public void Subheadings_need_text_around_them()
    {
        var a = Read("""
            Headline of the story

            The first paragraph tells what happened. It has two sentences.

            A short heading here

            The second section starts with this paragraph.

            Eggs
            Flour
            Milk

            Final words of the piece.
            """);
        WellFormed(a);
        Assert.Equal(["A short heading here"], Texts(a, BlockKind.Subheading));
        // Short lines in a row are a list, not a run of subheadings.
        Assert.Contains("Eggs", Texts(a, BlockKind.Paragraph));
    }

    [Fact]
    public void Signature_with_a_name_becomes_the_author_when_no_byline()
    {
        var a = Read("Überschrift der Meldung\n\nDer erste Absatz berichtet etwas. Er hat zwei Sätze.\n\nDer letzte Absatz endet hier. (Erika Musterfrau)");
        WellFormed(a);
        Assert.Equal(["(Erika Musterfrau)"], Texts(a, BlockKind.Other));
        Assert.Equal(["Erika Musterfrau"], a.Structure.Authors.Select(a.StringOf));
    }

    [Fact]
    public void Hard_wrapped_paragraphs_stay_whole_and_single_newline_paragraphs_split()
    {
        var wrapped = """
            Headline of the wrapped story

            This paragraph was wrapped by an old mail program at about seventy
            characters, so its lines break in the middle of sentences and must
            be joined again into one block.
            This next paragraph starts on a new line without a blank line before
            it, after a short last line.
            """;
        var a = Read(wrapped);
        WellFormed(a);
        var paragraphs = a.Structure.Blocks.Where(b => b.Kind is BlockKind.Paragraph or BlockKind.Teaser).Select(b => a.StringOf(b.Span)).ToArray();
        Assert.Equal(2, paragraphs.Length);
        Assert.EndsWith("into one block.", paragraphs[0]);

        var lines = "Headline of the unwrapped story\nVon Erika Muster\nDer erste Absatz steht auf einer einzigen, recht langen Zeile, wie es bei kopierten Texten aus dem Netz oft der Fall ist.\nDer zweite Absatz folgt direkt in der nächsten Zeile und ist ebenfalls lang genug, um nicht umbrochen zu sein.";
        var b = Read(lines);
        WellFormed(b);
        Assert.Equal("Headline of the unwrapped story", Str(b, b.Structure.Title));
        Assert.Equal(["Erika Muster"], b.Structure.Authors.Select(b.StringOf));
        Assert.Equal(2, b.Structure.Blocks.Count(x => x.Kind is BlockKind.Paragraph or BlockKind.Teaser));
    }

    [Fact]
    public void Windows_line_endings_are_kept_and_handled()
    {
        var text = "Headline with CRLF\r\n\r\nBy Jane Doe\r\n\r\nLONDON (Reuters) - The first paragraph. It goes on.\r\n\r\nSecond paragraph.\r\n";
        var a = Read(text);
        Assert.Equal(text, a.Text);
        WellFormed(a);
        Assert.Equal("Headline with CRLF", Str(a, a.Structure.Title));
        Assert.Equal("LONDON", Str(a, a.Structure.DatelinePlace));
        Assert.Equal(["Jane Doe"], a.Structure.Authors.Select(a.StringOf));
    }

    [Fact]
    public void A_kicker_line_over_the_headline_joins_the_title()
    {
        var a = Read("Ukraine-Krieg\nRegierung kündigt neue Hilfen an\n\nVon Erika Muster\n\nBerlin – Die Regierung hat neue Hilfen angekündigt. Sie sollen bald kommen.\n\nMehr dazu später.");
        Assert.Equal("Ukraine-Krieg\nRegierung kündigt neue Hilfen an", Str(a, a.Structure.Title));
    }

    [Fact]
    public void Single_paragraph_has_no_title()
    {
        var a = Read("Nur ein kurzer Satz.");
        var block = Assert.Single(a.Structure.Blocks);
        Assert.Equal(BlockKind.Paragraph, block.Kind);
        Assert.Null(a.Structure.Title);
    }

    [Fact]
    public void Empty_and_whitespace_text_has_no_blocks()
    {
        Assert.Empty(Read("").Structure.Blocks);
        Assert.Empty(Read(" \n\n\t ").Structure.Blocks);
    }

    [Fact]
    public void A_long_one_sentence_lead_is_not_a_title()
    {
        var a = Read("Die Landesregierung hat am Montag nach langen Verhandlungen beschlossen, die Förderung für kleine Betriebe im kommenden Jahr deutlich aufzustocken.\n\nDas teilte ein Sprecher mit. Details sollen folgen.");
        Assert.Null(a.Structure.Title);
        Assert.Equal(BlockKind.Paragraph, a.Structure.Blocks[0].Kind);
    }

    [Fact]
    public void A_long_teaser_sentence_before_a_run_together_dateline_is_a_teaser()
    {
        var a = Read("Die Gewerkschaft stellt ein neues Werkzeug vor und findet, dass Pauschalverträge auf die Führungsebene beschränkt bleiben sollten. Wien – Die Gewerkschaft sieht Handlungsbedarf.");
        WellFormed(a);
        Assert.Null(a.Structure.Title);
        Assert.Single(Texts(a, BlockKind.Teaser));
        Assert.Equal("Wien", Str(a, a.Structure.DatelinePlace));
    }

    [Fact]
    public void A_dash_opening_a_later_paragraph_is_no_dateline()
    {
        var longParagraph = string.Concat(Enumerable.Repeat("Der Ausschuss hat lange über den Bericht beraten und viele Fragen gestellt. ", 10));
        var a = Read($"Überschrift der Meldung\n\n{longParagraph}\n\nHamburg – Die Stadt reagierte am Abend mit einer Mitteilung.\n\nEnde.");
        Assert.Null(a.Structure.Dateline);
        Assert.Empty(Texts(a, BlockKind.Teaser));
    }
}
