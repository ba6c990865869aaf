using Hearsay.Document;
using static Hearsay.Tests.TestArticles;

namespace Hearsay.Tests.Claims;

public class ClaimChainTests
{
    private static Claim ClaimWith(Article a, string content) =>
        a.Claims.Where(c => a.StringOf(c.Content).Contains(content)).OrderBy(c => c.Content.Length).First();

    private static string[] Chain(Claim c) => c.Chain.Select(l => $"{l.Role}:{l.Name}").ToArray();

    [Fact]
    public void A_relay_is_in_the_chain_and_makes_it_second_hand()
    {
        var a = De("„Wir bleiben“, sagte der Abgeordnete Karl Otto im Radio, wie die Berliner Zeitung berichtete.");
        var c = ClaimWith(a, "Wir bleiben");
        Assert.Equal("Origin:Karl Otto", Chain(c)[0]);
        Assert.Contains(c.Chain, l => l.Role == ChainRole.Medium && l.Name == "im Radio");
        Assert.Contains(c.Chain, l => l.Role == ChainRole.Relay && l.Name.Contains("Berliner Zeitung"));
        Assert.False(c.Assessment.FirstHand);
    }

    [Fact]
    public void A_relay_named_once_carries_over_to_the_same_speakers_other_statements()
    {
        var a = De("„Wir bleiben“, sagte der Abgeordnete Karl Otto, wie die Berliner Zeitung berichtete. „Wir gehen nicht“, sagte Otto.");
        var c = ClaimWith(a, "Wir gehen nicht");
        var relay = Assert.Single(c.Chain, l => l.Role == ChainRole.Relay);
        Assert.True(relay.Inferred);
    }

    [Fact]
    public void Nested_vague_source_comes_first_then_the_speaker()
    {
        var a = De("„Es gibt Berichte, dass die Grenze schließt“, sagte der Bürgermeister Max Graf.");
        var c = ClaimWith(a, "dass die Grenze schließt");
        Assert.Equal(new[] { "Origin:Berichte", "Speaker:Max Graf" }, Chain(c).Take(2));
        Assert.Equal(OriginKind.Vague, c.Assessment.Origin);
    }

    [Fact]
    public void Anonymous_source_inside_a_report()
    {
        var a = De("Einem Bericht zufolge zieht die Armee Truppen ab. Man plane den Abzug bis Mai, so eine Quelle in dem Bericht.");
        var c = ClaimWith(a, "zieht die Armee Truppen ab");
        Assert.Equal(ChainRole.Origin, c.Chain[0].Role);
        Assert.Equal("Quelle", c.Chain[0].Name);
        Assert.True(c.Chain[0].Inferred);
        Assert.Contains(c.Chain, l => l.Role == ChainRole.Document && l.Name == "Bericht");
        Assert.Equal(OriginKind.Anonymous, c.Assessment.Origin);
    }

    [Fact]
    public void Author_distancing_is_an_author_hedge()
    {
        var a = De("Die Fabrik schließt im Herbst. Das behauptete zumindest der Gewerkschafter Paul Kern.");
        var c = ClaimWith(a, "Die Fabrik schließt im Herbst");
        Assert.True(c.Assessment.HedgedByAuthor);
    }

    [Fact]
    public void State_media_from_the_medium_description()
    {
        var a = En("\"The West is weak,\" the commentator Ivan Sidorov said on state television.");
        var c = ClaimWith(a, "The West is weak");
        Assert.True(c.Assessment.StateMediaOrigin);
    }

    [Fact]
    public void Byline_author_closes_the_chain()
    {
        var a = De("Nordsee: Pegel steigt\n\nVon: Lisa Klein\n\n„Das Wasser steigt“, sagte der Deichgraf Ole Hansen.");
        var c = ClaimWith(a, "Das Wasser steigt");
        Assert.Equal(ChainRole.Author, c.Chain[^1].Role);
        Assert.Equal("Lisa Klein", c.Chain[^1].Name);
    }
}
