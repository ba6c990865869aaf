using Hearsay.Document;
using Hearsay.Text;

namespace Hearsay.Tests.Text;

public class LanguageDetectionTests
{
    [Theory]
    [InlineData("Die Regierung hat am Montag neue Maßnahmen beschlossen, die ab Juli gelten sollen.", "de")]
    [InlineData("The government announced new measures on Monday that will take effect in July.", "en")]
    [InlineData("Le gouvernement a annoncé de nouvelles mesures qui entreront en vigueur en juillet.", "fr")]
    [InlineData("El gobierno anunció el lunes nuevas medidas que entrarán en vigor en julio.", "es")]
    public void Detects_the_language_of_a_sentence(string text, string expected)
    {
        Assert.Equal(expected, LanguageDetector.Default.Detect(text).Code);
    }

    [Fact]
    public void Too_little_text_is_undetermined()
    {
        Assert.Equal("und", LanguageDetector.Default.Detect("Berlin 2019").Code);
    }

    [Fact]
    public void Unsupported_languages_get_a_notice_and_language_independent_analysis()
    {
        var a = new Analyzer().AnalyzeText("Le ministre a déclaré « nous ne céderons pas » devant 2 000 personnes, selon le journal.");
        Assert.Equal("fr", a.Language);
        Assert.Contains(a.Diagnostics, d => d.Code == "language.unsupported");
        Assert.NotEmpty(a.Tokens);
        Assert.NotEmpty(a.Quotations);
        Assert.Empty(a.Attributions);
    }

    [Fact]
    public void A_given_language_wins_over_detection()
    {
        var a = new Analyzer().AnalyzeText("The government said so.", new ArticleMetadata { Language = "de" });
        Assert.Equal("de", a.Language);
    }
}
