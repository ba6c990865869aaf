using Hearsay.Document;

namespace Hearsay.Tests.Entities;

/// <summary>Faults found by the provenance corpora, each shown on a sentence of its own.</summary>
public class ArticleFaultTests
{
    [Fact]
    public void A_name_after_an_organization_head_noun_is_an_organization_de()
    {
        // Without the head noun the rules would read "Hugo Brenner" as a person (a first name and a surname).
        var f = EntityFixture.German("Der Umsatz des Modekonzerns Hugo Brenner ist im Sommer gesunken.");
        var e = f.EntityOf("Hugo Brenner");
        Assert.Equal(EntityType.Organization, e.Type);
        Assert.Equal("company", e.Subtype);

        var person = EntityFixture.German("Der Umsatz ist gesunken, sagte Hugo Brenner am Abend.");
        Assert.Equal(EntityType.Person, person.EntityOf("Hugo Brenner").Type);
    }

    [Fact]
    public void A_name_after_an_organization_head_noun_is_an_organization_en()
    {
        var f = EntityFixture.English("Shares of carmaker Walter Keene fell sharply on Monday.");
        Assert.Equal(EntityType.Organization, f.EntityOf("Walter Keene").Type);

        // A relative clause without its pronoun: the name is the founder's.
        var founder = EntityFixture.English("The company Walter Keene founded in 1990 makes brakes.");
        Assert.Equal(EntityType.Person, founder.EntityOf("Walter Keene").Type);

        var person = EntityFixture.English("Shares fell sharply on Monday, said Walter Keene.");
        Assert.Equal(EntityType.Person, person.EntityOf("Walter Keene").Type);
    }

    [Fact]
    public void A_loanword_common_noun_is_no_name()
    {
        var f = EntityFixture.German("Bis zu 5000 Jobs stehen in dem Werk auf dem Spiel, hieß es.");
        Assert.False(f.HasMentionOver("Jobs"), f.Describe());
    }

    [Fact]
    public void A_known_person_keeps_a_surname_that_is_also_a_common_noun()
    {
        var f = EntityFixture.German("Steve Jobs stellte das Gerät vor. Später sagte Jobs, es werde ein Erfolg.");
        Assert.Equal(EntityType.Person, f.EntityOf("Jobs").Type);
    }

    [Fact]
    public void A_country_before_a_noun_is_the_country_alone()
    {
        var f = EntityFixture.German("Im vergangenen Jahr haben 90.000 Menschen in Frankreich Asyl beantragt.");
        Assert.Equal(EntityType.Country, f.EntityOf("Frankreich").Type);
        Assert.False(f.HasMentionOver("Frankreich Asyl"), f.Describe());
    }

    [Theory]
    [InlineData("Das berichtete die Stuttgarter Zeitung am Montag.", "Stuttgarter Zeitung")]
    [InlineData("Das berichtete das Deutsche Ärzteblatt am Montag.", "Deutsches Ärzteblatt")]
    [InlineData("Das meldete der Sender ERT am Montag.", "ERT")]
    [InlineData("Das berichtete die Zeitung Kathimerini am Montag.", "Kathimerini")]
    [InlineData("Das berichtete das Portal STAT am Montag.", "STAT")]
    public void Outlets_of_the_media_gazetteer(string sentence, string canonical)
    {
        var f = EntityFixture.German(sentence);
        var e = f.Entity(canonical);
        Assert.NotNull(e);
        Assert.Equal(EntityType.Media, e!.Type);
    }

    [Fact]
    public void An_ambiguous_outlet_name_needs_a_cue()
    {
        var f = EntityFixture.German("Nach 20 Minuten war alles vorbei.");
        Assert.Null(f.Entity("20 Minuten"));
    }
}
