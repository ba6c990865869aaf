using Hearsay.Document;
using Hearsay.Output;

namespace Hearsay.Tests.Output;

public class JsonArticleReaderTests
{
    public static TheoryData<string> Languages => new() { "de", "en" };

    private static Article Fixture(string lang) => lang == "de" ? ArticleFixtures.German() : ArticleFixtures.English();

    [Theory, MemberData(nameof(Languages))]
    public void A_document_read_back_writes_the_same_document(string lang)
    {
        var writer = new JsonArticleWriter();
        string json = writer.ToJson(Fixture(lang));
        var restored = JsonArticleReader.Read(json);
        Assert.Equal(json, writer.ToJson(restored));
    }

    [Theory, MemberData(nameof(Languages))]
    public void An_analysed_article_survives_the_round_trip(string lang)
    {
        var text = lang == "de"
            ? "Rathaus streitet über Brücke\n\nDie Brücke koste „mindestens 40 Millionen Euro“, sagte Bürgermeister Jan Roth am Montag dem NDR. Kritiker halten das angeblich für zu wenig."
            : "Council argues over bridge\n\nThe bridge will cost \"at least $40 million,\" Mayor Jan Roth told CNN on Monday, as the Globe reported. Critics reportedly think that is too little.";
        var article = lang == "de" ? TestArticles.De(text) : TestArticles.En(text);
        var writer = new JsonArticleWriter();
        string json = writer.ToJson(article);
        var restored = JsonArticleReader.Read(json);
        Assert.Equal(article.Attributions.Count, restored.Attributions.Count);
        Assert.True(restored.Attributions.Count > 0, "the fixture should hold an attribution");
        Assert.Equal(article.Sentences.Length, restored.Sentences.Length);
        Assert.Equal(json, writer.ToJson(restored));
    }

    [Fact]
    public void A_document_without_its_text_is_refused_with_the_reason()
    {
        var json = new JsonArticleWriter(new JsonOutputOptions { IncludeText = false }).ToJson(ArticleFixtures.English());
        var ex = Assert.Throws<FormatException>(() => JsonArticleReader.Read(json));
        Assert.Contains("--no-text", ex.Message);
    }

    [Fact]
    public void Other_json_is_refused()
    {
        Assert.Throws<FormatException>(() => JsonArticleReader.Read("{\"schema\": \"something/2\"}"));
        Assert.Throws<FormatException>(() => JsonArticleReader.Read("not json"));
    }
}
