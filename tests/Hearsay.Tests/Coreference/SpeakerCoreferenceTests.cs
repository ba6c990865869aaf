using static Hearsay.Tests.TestArticles;

namespace Hearsay.Tests.Coreference;

public class SpeakerCoreferenceTests
{
    [Fact]
    public void Surname_links_to_the_full_name()
    {
        var a = De("Der Ökonom Peter Lang sagte, die Inflation sinke. „Das dauert“, sagte Lang.");
        var x = a.AttributionWith("Das dauert");
        Assert.Equal("Peter Lang", a.SourceEntity(x));
    }

    [Fact]
    public void Pronoun_links_to_the_last_speaker()
    {
        var a = De("„Wir sind bereit“, sagte die Forscherin Eva Roth. „Es fehlt nur Geld“, sagte sie.");
        Assert.Equal("Eva Roth", a.SourceEntity(a.AttributionWith("Es fehlt nur Geld")));
    }

    [Fact]
    public void Pronoun_gender_must_agree()
    {
        var a = De("„Ja“, sagte die Forscherin Eva Roth. „Nein, das ist falsch“, sagte der Kollege Tim Brand. „Das stimmt“, sagte er.");
        Assert.Equal("Tim Brand", a.SourceEntity(a.AttributionWith("Das stimmt")));
    }

    [Fact]
    public void Definite_description_links_to_the_speaker_with_matching_role_family()
    {
        var a = De("„Das ist falsch“, sagte der Militärexperte Ivan Petrov. Der Verteidigungsexperte sagte, die Armee sei schwach.");
        Assert.Equal("Ivan Petrov", a.SourceEntity(a.AttributionWith("die Armee sei schwach")));
    }

    [Fact]
    public void Indefinite_description_in_a_teaser_waits_for_the_name()
    {
        var a = De("Klima: Ein heißer Sommer\n\nEin Klimaforscher sagt, dass der Sommer heißer werde.\n\nDas sagte der Klimaforscher Jonas Weil am Montag.");
        Assert.Equal("Jonas Weil", a.SourceEntity(a.AttributionWith("dass der Sommer heißer werde")));
    }

    [Fact]
    public void English_pronoun_and_surname()
    {
        var a = En("\"We will appeal,\" said lawyer Tom Reed. \"The ruling is wrong,\" he said. Reed said the court ignored the evidence.");
        Assert.Equal("Tom Reed", a.SourceEntity(a.AttributionWith("The ruling is wrong")));
        Assert.Equal("Tom Reed", a.SourceEntity(a.AttributionWith("the court ignored the evidence")));
    }
}
