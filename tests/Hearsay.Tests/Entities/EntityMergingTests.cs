using Hearsay.Document;

namespace Hearsay.Tests.Entities;

public class EntityMergingTests
{
    [Fact]
    public void One_entity_per_real_world_entity()
    {
        var f = EntityFixture.German("Nordkorea unterstützt Russland. Nordkoreas Armee ist groß, sagte Pjöngjang. Russland dankt.");
        Assert.Single(f.Article.Entities, e => e.Canonical == "North Korea");
        Assert.Single(f.Article.Entities, e => e.Canonical == "Russia");
        var nk = f.Entity("North Korea")!;
        Assert.Equal("KP", nk.Iso);
        Assert.Equal("KP", nk.GazetteerId);
        Assert.Equal(EntityType.Country, nk.Type);
    }

    [Fact]
    public void Mentions_are_in_text_order_and_entities_in_order_of_first_mention()
    {
        var f = EntityFixture.English("Russia and Ukraine met in Geneva. Ukraine said Russia had agreed.");
        var starts = f.Article.Mentions.Select(m => m.Span.Start).ToList();
        Assert.Equal(starts.OrderBy(s => s), starts);
        Assert.Equal(new[] { "Russia", "Ukraine", "Geneva" }, f.Article.Entities.Select(e => e.Canonical));
        for (int i = 0; i < f.Article.Entities.Count; i++)
        {
            var e = f.Article.Entities[i];
            Assert.Equal(i, e.Id);
            Assert.All(e.Mentions, m => Assert.Equal(i, f.Article.Mentions[m].EntityId));
        }
    }

    [Fact]
    public void A_genitive_and_a_plain_name_found_from_the_text_are_one_person()
    {
        var f = EntityFixture.German("Die Aussage Igor Korotchenkos war klar. Igor Korotchenko wiederholte sie.");
        var e = f.EntityOf("Igor Korotchenko");
        Assert.Same(e, f.EntityOf("Igor Korotchenkos"));
        Assert.Equal("Igor Korotchenko", e.Canonical);
    }

    [Fact]
    public void A_name_seen_only_in_the_genitive_gets_its_plain_form()
    {
        var f = EntityFixture.German("Im Museum hängen Egon Schieles Bilder neben Anna Wigginsons Skizzen.");
        Assert.Equal("Egon Schiele", f.EntityOf("Egon Schieles").Canonical);
        Assert.Equal("Anna Wigginsons", f.EntityOf("Anna Wigginsons").Canonical);   // "-ns" is kept: it is a common surname ending
    }

    [Fact]
    public void German_grammatical_gender_of_countries()
    {
        var f = EntityFixture.German("Die Ukraine, der Iran und die USA verhandeln mit Russland.");
        Assert.Equal(Gender.Feminine, f.EntityOf("Ukraine").Gender);
        Assert.Equal(Gender.Masculine, f.EntityOf("Iran").Gender);
        Assert.Equal(Gender.Plural, f.EntityOf("USA").Gender);
        Assert.Equal(Gender.Neuter, f.EntityOf("Russland").Gender);
    }

    [Fact]
    public void Unsupported_languages_get_no_entities()
    {
        var article = new Analyzer().AnalyzeText("Putin parla con Macron a Parigi.", new ArticleMetadata { Language = "it" });
        Assert.Empty(article.Entities);
        Assert.Empty(article.Mentions);
    }
}
