using Hearsay.Document;

namespace Hearsay.Tests.Entities;

public class MetonymTests
{
    [Fact]
    public void Seats_of_government_always_stand_for_the_state()
    {
        var de = EntityFixture.German("Der Kreml sollte sich nicht scheuen.");
        Assert.Equal(MentionKind.Metonym, de.Mention("Kreml").Kind);
        Assert.Equal("Russia", de.EntityOf("Kreml").Canonical);
        Assert.Equal("RU", de.EntityOf("Kreml").Iso);

        var en = EntityFixture.English("The White House declined to comment.");
        Assert.Equal(MentionKind.Metonym, en.Mention("White House").Kind);
        Assert.Equal("United States", en.EntityOf("White House").Canonical);
    }

    [Fact]
    public void A_capital_acting_as_subject_is_its_government_de()
    {
        var f = EntityFixture.German("Pjöngjang plane, die Arbeiter bald zu entsenden.");
        var m = f.Mention("Pjöngjang");
        Assert.Equal(MentionKind.Metonym, m.Kind);
        Assert.Equal("North Korea", f.EntityOf(m).Canonical);
    }

    [Fact]
    public void A_capital_in_a_dateline_stays_a_place()
    {
        var f = EntityFixture.German("Pjöngjang – Nordkorea hat sich bereiterklärt, Soldaten zu schicken.");
        var e = f.EntityOf("Pjöngjang");
        Assert.Equal(EntityType.Place, e.Type);
        Assert.Equal("Pyongyang", e.Canonical);
    }

    [Fact]
    public void A_capital_in_the_genitive_next_to_a_noun_is_its_government()
    {
        var f = EntityFixture.German("Das widersprach den Erwartungen Moskaus, Kiew schnell einzunehmen.");
        Assert.Equal(MentionKind.Metonym, f.Mention("Moskaus").Kind);
        Assert.Equal("Russia", f.EntityOf("Moskaus").Canonical);
        var kyiv = f.EntityOf("Kiew");
        Assert.Equal(EntityType.Place, kyiv.Type);
        Assert.Equal("Kyiv", kyiv.Canonical);
    }

    [Fact]
    public void Parts_of_the_city_keep_it_a_place()
    {
        var f = EntityFixture.German("Die Straßen Moskaus waren leer, und in Moskau regnete es.");
        Assert.All(f.MentionsOf("Moskaus").Concat(f.MentionsOf("Moskau")), m => Assert.Equal(MentionKind.Name, m.Kind));
        Assert.Equal(EntityType.Place, f.EntityOf("Moskau").Type);
    }

    [Fact]
    public void A_capital_acting_as_subject_is_its_government_en()
    {
        var f = EntityFixture.English("Officials met in Moscow on Monday. Beijing has warned against the move.");
        Assert.Equal(MentionKind.Name, f.Mention("Moscow").Kind);
        Assert.Equal("Moscow", f.EntityOf("Moscow").Canonical);
        Assert.Equal(MentionKind.Metonym, f.Mention("Beijing").Kind);
        Assert.Equal("China", f.EntityOf("Beijing").Canonical);
    }

    [Fact]
    public void A_metonym_merges_with_the_country_named_elsewhere()
    {
        var f = EntityFixture.German("Russland rüstet auf. Der Kreml bestreitet das.");
        var russia = f.Entity("Russia");
        Assert.NotNull(russia);
        Assert.Equal(new[] { "Russland", "Kreml" }, f.MentionTexts(russia!));
        Assert.Single(f.Article.Entities);
    }
}
