using static Hearsay.Tests.TestArticles;

namespace Hearsay.Tests.Text;

public class SentenceTests
{
    private static string[] Sentences(Hearsay.Document.Article a) => a.Sentences.Select(s => a.StringOf(s.Span)).ToArray();

    [Fact]
    public void Abbreviations_do_not_end_sentences()
    {
        var a = De("Das gilt z. B. für Dr. Weber. Er kommt morgen.");
        Assert.Equal(new[] { "Das gilt z. B. für Dr. Weber.", "Er kommt morgen." }, Sentences(a));
    }

    [Fact]
    public void Ordinal_before_month_does_not_end_a_sentence()
    {
        var a = De("Am 4. April 2019 trafen sie sich. Danach nicht mehr.");
        Assert.Equal(2, a.Sentences.Length);
    }

    [Fact]
    public void An_ordinal_after_an_article_or_a_possessive_does_not_end_a_sentence()
    {
        var a = De("Die Siedler kamen im 18. Jahrhundert. Zum 5. Mal feierte er seinen 80. Geburtstag. Die Liga hat 18. Das reicht.");
        Assert.Equal(new[] { "Die Siedler kamen im 18. Jahrhundert.", "Zum 5. Mal feierte er seinen 80. Geburtstag.", "Die Liga hat 18.", "Das reicht." }, Sentences(a));
    }

    [Fact]
    public void A_closing_quote_belongs_to_its_sentence()
    {
        var a = De("Er sagte: „Wir kommen.“ Dann ging er.");
        Assert.Equal(new[] { "Er sagte: „Wir kommen.“", "Dann ging er." }, Sentences(a));
    }

    [Fact]
    public void A_quote_followed_by_its_frame_is_one_sentence()
    {
        var a = De("„Wann kommt ihr?“, fragte sie.");
        Assert.Single(a.Sentences);
    }

    [Fact]
    public void English_titles_and_initialisms()
    {
        var a = En("Mr. Smith met U.S. officials on Monday. They left.");
        Assert.Equal(2, a.Sentences.Length);
    }

    [Fact]
    public void Paragraph_breaks_end_sentences()
    {
        var a = De("Eine Überschrift ohne Punkt\n\nDer Text beginnt hier.");
        Assert.Equal(2, a.Sentences.Length);
    }
}
