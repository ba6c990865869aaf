using Hearsay.Document;

namespace Hearsay.Tests.Entities;

public class GazetteerMatchingTests
{
    [Fact]
    public void Longest_name_wins_a_newspaper_over_its_city_de()
    {
        var f = EntityFixture.German("Das berichtete die New York Post am Montag.");
        var e = f.EntityOf("New York Post");
        Assert.Equal(EntityType.Media, e.Type);
        Assert.Equal("New York Post", e.Canonical);
        Assert.Null(f.Entity("New York"));
    }

    [Fact]
    public void Longest_name_wins_a_newspaper_over_its_city_en()
    {
        var f = EntityFixture.English("The claim was first reported by the New York Post on Monday.");
        Assert.Equal(EntityType.Media, f.EntityOf("New York Post").Type);
        Assert.Null(f.Entity("New York"));
    }

    [Fact]
    public void The_city_alone_is_a_place()
    {
        var f = EntityFixture.German("Der in New York ansässige Verband widersprach.");
        var e = f.EntityOf("New York");
        Assert.Equal(EntityType.Place, e.Type);
        Assert.Equal("US", e.Country);
    }

    [Fact]
    public void Connector_words_are_interchangeable_de()
    {
        var f = EntityFixture.German("Nach Angaben des Council for Foreign Relations ist die Armee groß.");
        var e = f.EntityOf("Council for Foreign Relations");
        Assert.Equal("Council on Foreign Relations", e.Canonical);
        Assert.Equal(EntityType.Organization, e.Type);
        Assert.Equal("think-tank", e.Subtype);
    }

    [Fact]
    public void Connector_words_are_interchangeable_en()
    {
        var f = EntityFixture.English("Analysts at the Institute of the Study of War said the front had moved.");
        Assert.Equal("Institute for the Study of War", f.EntityOf("Institute of the Study of War").Canonical);
    }

    [Fact]
    public void Acronyms_match_only_in_capitals()
    {
        var f = EntityFixture.English("Officials in the US told us that the talks had failed.");
        Assert.Equal("United States", f.EntityOf("US").Canonical);
        Assert.Empty(f.MentionsOf("us"));
    }

    [Fact]
    public void State_media_are_marked_and_aliases_resolve()
    {
        var f = EntityFixture.German("Das sagte er auf dem russischen Kanal Eins, nicht in der ARD.");
        var channelOne = f.EntityOf("Kanal Eins");
        Assert.Equal("Channel One Russia", channelOne.Canonical);
        Assert.True(channelOne.StateMedia);
        Assert.Equal("RU", channelOne.Country);
        var ard = f.EntityOf("ARD");
        Assert.False(ard.StateMedia);
    }

    [Fact]
    public void Ambiguous_outlet_names_need_a_cue_de()
    {
        var plain = EntityFixture.German("Er betrachtete das Bild an der Wand und den Spiegel im Flur.");
        Assert.DoesNotContain(plain.Article.Entities, e => e.Type == EntityType.Media);

        var cued = EntityFixture.German("Das sagte er der Zeitung Bild, und laut Spiegel ist das neu.");
        Assert.Equal("Bild", cued.EntityOf("Bild").Canonical);
        Assert.Equal("Der Spiegel", cued.EntityOf("Spiegel").Canonical);
    }

    [Fact]
    public void Quoted_ambiguous_outlet_counts_de()
    {
        var f = EntityFixture.German("Der Minister sagte der „Welt“, er sei zuversichtlich.");
        Assert.Equal("Die Welt", f.EntityOf("Welt").Canonical);
    }

    [Fact]
    public void Ambiguous_outlet_names_need_a_cue_en()
    {
        var plain = EntityFixture.English("The sun rose and the Sun was bright over the hills.");
        Assert.DoesNotContain(plain.Article.Entities, e => e.Type == EntityType.Media);
        var cued = EntityFixture.English("He told the tabloid Sun that he would resign.");
        Assert.Equal("The Sun", cued.EntityOf("Sun").Canonical);
    }

    [Fact]
    public void Web_addresses_of_outlets_are_aliases()
    {
        var f = EntityFixture.German("Das meldete zuerst spiegel.de am Morgen.");
        Assert.Equal("Der Spiegel", f.EntityOf("spiegel.de").Canonical);
    }

    [Fact]
    public void Persons_from_the_gazetteer_carry_gender_and_country()
    {
        var f = EntityFixture.English("Vladimir Putin met Ursula von der Leyen.");
        var putin = f.EntityOf("Vladimir Putin");
        Assert.Equal(EntityType.Person, putin.Type);
        Assert.Equal(Gender.Masculine, putin.Gender);
        Assert.Equal("RU", putin.Country);
        Assert.Equal(Gender.Feminine, f.EntityOf("Ursula von der Leyen").Gender);
    }

    [Fact]
    public void Person_names_follow_the_article_language()
    {
        Assert.Equal("Wladimir Putin", EntityFixture.German("Putin schweigt.").EntityOf("Putin").Canonical);
        Assert.Equal("Vladimir Putin", EntityFixture.English("Putin was silent.").EntityOf("Putin").Canonical);
        Assert.Equal("Dmitry Peskov", EntityFixture.English("Kremlin spokesman Dmitri Peskow declined.").EntityOf("Dmitri Peskow").Canonical);
    }

    [Fact]
    public void Short_forms_need_a_full_name_first()
    {
        var alone = EntityFixture.German("Kim sagte, er komme morgen.");
        Assert.Null(alone.Entity("Kim Jong-un"));

        var after = EntityFixture.German("Kim Jong-un reiste nach Moskau. Dort sagte Kim, er sei zufrieden.");
        var kim = after.Entity("Kim Jong-un");
        Assert.NotNull(kim);
        Assert.Equal(new[] { "Kim Jong-un", "Kim" }, after.MentionTexts(kim!));
        Assert.Equal(MentionKind.PartialName, after.Mention("Kim").Kind);
    }

    [Fact]
    public void Country_names_follow_the_article_language()
    {
        // German "Island" is Iceland; in English it is an ordinary word.
        var de = EntityFixture.German("Die Regierung in Island widersprach.");
        Assert.Equal("Iceland", de.EntityOf("Island").Canonical);
        var en = EntityFixture.English("The ferry reached Long Island at noon.");
        Assert.Null(en.Entity("Iceland"));
    }
}
