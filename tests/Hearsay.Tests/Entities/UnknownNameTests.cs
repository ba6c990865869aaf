using Hearsay.Document;

namespace Hearsay.Tests.Entities;

public class UnknownNameTests
{
    [Fact]
    public void First_name_and_surname_make_a_person_de()
    {
        var f = EntityFixture.German("Das behauptete der Militärexperte Igor Korotchenko im Fernsehen.");
        var e = f.EntityOf("Igor Korotchenko");
        Assert.Equal(EntityType.Person, e.Type);
        Assert.Null(e.GazetteerId);
        Assert.Equal(Gender.Masculine, e.Gender);
    }

    [Fact]
    public void First_name_and_surname_make_a_person_en()
    {
        var f = EntityFixture.English("The report was written by Jane Roe and reviewed later.");
        var e = f.EntityOf("Jane Roe");
        Assert.Equal(EntityType.Person, e.Type);
        Assert.Equal(Gender.Feminine, e.Gender);
    }

    [Fact]
    public void A_later_surname_is_a_partial_name_of_the_same_person()
    {
        var f = EntityFixture.German("Igor Korotchenko trat im Fernsehen auf. Später sagte Korotchenko, er sei sicher.");
        var person = f.EntityOf("Igor Korotchenko");
        var partial = f.Mention("Korotchenko");
        Assert.Equal(MentionKind.PartialName, partial.Kind);
        Assert.Same(person, f.EntityOf(partial));
        Assert.Single(f.Article.Entities);
    }

    [Fact]
    public void A_surname_before_the_full_name_also_links()
    {
        var f = EntityFixture.English("Roe warned of delays. Jane Roe, a senior engineer, had built the bridge.");
        Assert.Same(f.EntityOf("Jane Roe"), f.EntityOf("Roe"));
    }

    [Fact]
    public void A_role_noun_marks_a_name_with_an_unknown_first_name()
    {
        var de = EntityFixture.German("Das sagte der Verteidigungsexperte Zoltanov am Abend.");
        var e = de.EntityOf("Zoltanov");
        Assert.Equal(EntityType.Person, e.Type);
        Assert.Contains("Verteidigungsexperte", e.Roles);
        Assert.Equal("Verteidigungsexperte", de.Article.StringOf(de.Mention("Zoltanov").Role!.Value));

        var en = EntityFixture.English("The bill was blocked by Senator Quarrington on Tuesday.");
        Assert.Equal(EntityType.Person, en.EntityOf("Quarrington").Type);
    }

    [Fact]
    public void Titles_give_gender()
    {
        var f = EntityFixture.German("Das bestätigte Frau Quarrington am Telefon.");
        Assert.Equal(Gender.Feminine, f.EntityOf("Quarrington").Gender);
    }

    [Fact]
    public void Role_and_nationality_before_a_name_are_recorded()
    {
        var f = EntityFixture.German("Das behauptete zumindest der russische Militärexperte Igor Korotchenko.");
        var e = f.EntityOf("Igor Korotchenko");
        Assert.Contains("Militärexperte", e.Roles);
        Assert.Contains("russisch", e.Attributes);
        Assert.Equal("RU", e.Country);
    }

    [Fact]
    public void German_nouns_after_a_role_or_at_a_sentence_start_are_no_names()
    {
        var f = EntityFixture.German("Regierung und Opposition streiten. Der Minister Verantwortung trägt, sagte Anfang Mai ein Sprecher.");
        Assert.DoesNotContain(f.Article.Entities, e => e.Type == EntityType.Person);
    }

    [Fact]
    public void A_name_after_a_speech_verb_is_a_person()
    {
        var de = EntityFixture.German("„Das ist falsch“, sagt Tarlovsky.");
        Assert.Equal(EntityType.Person, de.EntityOf("Tarlovsky").Type);
        var en = EntityFixture.English("\"It is wrong,\" said Tarlovsky.");
        Assert.Equal(EntityType.Person, en.EntityOf("Tarlovsky").Type);
        var noun = EntityFixture.German("„Das ist falsch“, sagen Experten.");
        Assert.Empty(noun.Article.Entities);
    }

    [Fact]
    public void Hyphenated_first_names_but_not_compounds()
    {
        var f = EntityFixture.German("Die Rede hielt Anna-Lena Quarrington, danach folgte die Konrad-Bayer-Textvertonung Glaubst du.");
        Assert.Equal(Gender.Feminine, f.EntityOf("Anna-Lena Quarrington").Gender);
        // The compound led by a first name is no person, nor any name.
        Assert.Single(f.Article.Entities, e => e.Type == EntityType.Person);
        Assert.False(f.HasMentionOver("Konrad"));
    }

    [Fact]
    public void Particles_join_names()
    {
        var f = EntityFixture.German("Das Schloss bekam sein Aussehen unter Heinrich Gottlob von Miltitz im Jahr 1720.");
        Assert.Equal(EntityType.Person, f.EntityOf("Heinrich Gottlob von Miltitz").Type);
        var g = EntityFixture.German("Das Tor schoss van der Vaart kurz vor Schluss.");
        Assert.Equal(EntityType.Person, g.EntityOf("van der Vaart").Type);
    }

    [Fact]
    public void Organizations_by_legal_form_de()
    {
        var f = EntityFixture.German("Die Firma Quarrington Logistik GmbH meldete Insolvenz an.");
        var e = f.EntityOf("Quarrington Logistik GmbH");
        Assert.Equal(EntityType.Organization, e.Type);
        Assert.Equal("company", e.Subtype);
    }

    [Fact]
    public void Organizations_by_legal_form_en()
    {
        var f = EntityFixture.English("Shares of Quarrington Holdings Inc. fell sharply.");
        Assert.Equal(EntityType.Organization, f.EntityOf("Quarrington Holdings Inc.").Type);
    }

    [Fact]
    public void Organizations_by_keyword_and_connector_de()
    {
        var f = EntityFixture.German("Laut dem Institut für Sicherheitspolitik an der Freien Universität ist das neu.");
        Assert.Equal(EntityType.Organization, f.EntityOf("Institut für Sicherheitspolitik").Type);
        Assert.Equal("university", f.EntityOf("Freien Universität").Subtype);
    }

    [Fact]
    public void Organizations_by_keyword_en()
    {
        var f = EntityFixture.English("Researchers at Rivertown University and the Ministry of Coastal Affairs agreed.");
        Assert.Equal(EntityType.Organization, f.EntityOf("Rivertown University").Type);
        Assert.Equal(EntityType.Organization, f.EntityOf("Ministry of Coastal Affairs").Type);
    }

    [Fact]
    public void A_keyword_alone_or_a_description_is_no_name()
    {
        var f = EntityFixture.German("Eine Stiftung für Kinder und das Institut der Welt sowie die Hamburger Mordkommission ermitteln.");
        Assert.DoesNotContain(f.Article.Entities, e => e.Type == EntityType.Organization);
    }

    [Fact]
    public void An_acronym_in_parentheses_names_the_organization()
    {
        var f = EntityFixture.German("Das Institut für Sicherheitspolitik (IfSP) warnt. Die IfSP-Studie und das IfSP selbst sind bekannt.");
        var org = f.EntityOf("Institut für Sicherheitspolitik");
        Assert.Equal(2, f.MentionsOf("IfSP").Count);
        Assert.All(f.MentionsOf("IfSP"), m => Assert.Same(org, f.EntityOf(m)));
    }

    [Fact]
    public void English_places_by_geographic_words()
    {
        var f = EntityFixture.English("Barges moved up the Ohio River toward Mount Kenya, they said.");
        Assert.Equal(EntityType.Place, f.EntityOf("Ohio River").Type);
        Assert.Equal(EntityType.Place, f.EntityOf("Mount Kenya").Type);
    }

    [Fact]
    public void English_title_case_headlines_do_not_make_names_of_capitals()
    {
        var f = EntityFixture.English("Hillary Clinton Wins Kentucky Primary Over Bernie Sanders\n\nThe vote was close.");
        Assert.Equal("Hillary Clinton", f.EntityOf("Hillary Clinton").Canonical);
        Assert.Equal("Kentucky", f.EntityOf("Kentucky").Canonical);
        Assert.DoesNotContain(f.Article.Entities, e => e.Canonical.Contains("Wins") || e.Canonical.Contains("Primary"));
    }

    [Fact]
    public void English_names_inside_unknown_longer_names_are_dropped()
    {
        var f = EntityFixture.English("They signed the Paris Agreement near Trump Tower.");
        Assert.Null(f.Entity("Paris"));
        Assert.Null(f.Entity("Donald Trump"));
    }
}
