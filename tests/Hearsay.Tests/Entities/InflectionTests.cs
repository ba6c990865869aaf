using Hearsay.Document;

namespace Hearsay.Tests.Entities;

public class InflectionTests
{
    [Theory]
    [InlineData("Nordkoreas Armee ist groß.", "Nordkoreas", "North Korea")]
    [InlineData("Die Wirtschaft Russlands schrumpft.", "Russlands", "Russia")]
    [InlineData("Das ist ein Zeichen Kim Jong-uns an die Welt.", "Kim Jong-uns", "Kim Jong-un")]
    [InlineData("Das war ein Erfolg Putins im Inland.", "Putins", "Wladimir Putin")]
    [InlineData("Die Sprecherin des Weißen Hauses schwieg.", "Weißen Hauses", "United States")]
    [InlineData("Sie reisten in die Vereinigten Staaten.", "Vereinigten Staaten", "United States")]
    [InlineData("Die Verträge der Europäischen Union gelten.", "Europäischen Union", "European Union")]
    public void German_genitive_and_adjective_inflection(string text, string surface, string canonical)
    {
        var f = EntityFixture.German(text);
        Assert.Equal(canonical, f.EntityOf(surface).Canonical);
    }

    [Theory]
    [InlineData("nordkoreanische", "North Korea")]
    [InlineData("nordkoreanischen", "North Korea")]
    [InlineData("nordkoreanischer", "North Korea")]
    [InlineData("südkoreanischen", "South Korea")]
    [InlineData("russischen", "Russia")]
    [InlineData("russisch", "Russia")]
    public void German_adjectives_from_stems(string adjective, string canonical)
    {
        var f = EntityFixture.German($"Das sei {adjective} gewesen, hieß es.");
        var m = f.Mention(adjective);
        Assert.Equal(MentionKind.Adjective, m.Kind);
        Assert.Equal(canonical, f.EntityOf(m).Canonical);
    }

    [Fact]
    public void English_possessive_and_adjectives()
    {
        var f = EntityFixture.English("Putin's spokesman praised North Korean troops and Russian drones.");
        Assert.Equal("Vladimir Putin", f.EntityOf("Putin's").Canonical);
        Assert.Equal(MentionKind.Adjective, f.Mention("North Korean").Kind);
        Assert.Equal("North Korea", f.EntityOf("North Korean").Canonical);
        Assert.Equal("Russia", f.EntityOf("Russian").Canonical);
    }

    [Theory]
    [InlineData("Die Kämpfe in der Ostukraine gehen weiter.", "Ostukraine", "Ukraine")]
    [InlineData("Die Kurden in Nordostsyrien sind besorgt.", "Nordostsyrien", "Syria")]
    [InlineData("Der Angriff traf Südlibanons Grenzdörfer.", "Südlibanons", "Lebanon")]
    public void German_direction_compounds_name_the_country(string text, string surface, string canonical)
    {
        var f = EntityFixture.German(text);
        var m = f.Mention(surface);
        Assert.Equal(MentionKind.Name, m.Kind);
        Assert.Equal(canonical, f.EntityOf(m).Canonical);
    }

    [Fact]
    public void Direction_compounds_with_their_own_entry_keep_it()
    {
        var f = EntityFixture.German("Südafrika und Nordkorea verhandeln, auch über Südamerika.");
        Assert.Equal("South Africa", f.EntityOf("Südafrika").Canonical);
        Assert.Equal("North Korea", f.EntityOf("Nordkorea").Canonical);
        Assert.Equal("South America", f.EntityOf("Südamerika").Canonical);
    }

    [Fact]
    public void German_direction_adjectives()
    {
        var f = EntityFixture.German("Die ostukrainischen Städte wurden beschossen.");
        Assert.Equal(MentionKind.Adjective, f.Mention("ostukrainischen").Kind);
        Assert.Equal("Ukraine", f.EntityOf("ostukrainischen").Canonical);
    }

    [Fact]
    public void English_direction_word_joins_the_place()
    {
        var f = EntityFixture.English("Drought has hit East Africa hard this year.");
        Assert.Equal("Africa", f.EntityOf("East Africa").Canonical);
    }

    [Fact]
    public void Hyphen_compound_with_a_geographic_head_names_the_place()
    {
        var f = EntityFixture.German("Truppen sollen in die okkupierte Donbass-Region geschickt werden.");
        var e = f.EntityOf("Donbass-Region");
        Assert.Equal("Donbas", e.Canonical);
        Assert.Equal(EntityType.Place, e.Type);
    }

    [Fact]
    public void Hyphen_compound_with_another_head_holds_the_name_only_as_a_modifier()
    {
        // "Ukraine-Krieg" names a war; the country is only its modifier (GermEval marks such words "-part").
        var f = EntityFixture.German("Ukraine-Krieg: Neue Truppen erwartet.");
        var m = f.Mention("Ukraine");
        Assert.Equal(MentionKind.Modifier, m.Kind);
        Assert.Equal("Ukraine", f.EntityOf(m).Canonical);
        Assert.DoesNotContain(f.Article.Mentions, x => x.Kind != MentionKind.Modifier);
    }

    [Fact]
    public void Adjectives_inside_hyphen_compounds_are_mentions()
    {
        var f = EntityFixture.German("Im russisch-ukrainischen Krieg und bei US-amerikanischen Firmen.");
        var parts = f.Article.Mentions.Where(m => m.Kind == MentionKind.Adjective).Select(m => (f.TextOf(m), f.EntityOf(m).Canonical)).ToList();
        Assert.Contains(("russisch", "Russia"), parts);
        Assert.Contains(("ukrainischen", "Ukraine"), parts);
        Assert.Contains(("US-amerikanischen", "United States"), parts);
    }

    [Fact]
    public void Adjective_base_only_inside_names()
    {
        // "Kronen" (tree crowns) must not become the Austrian paper "Krone"; "Vereinigten" inside a name is fine.
        var f = EntityFixture.German("Die Baumblüte macht aus den Kronen weiße Ballons.");
        Assert.Empty(f.Article.Entities);
    }
}
