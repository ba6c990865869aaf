using Hearsay.Document;
using static Hearsay.Tests.TestArticles;

namespace Hearsay.Tests.Hedges;

public class HedgeTests
{
    private static Hedge Single(Article a, HedgeKind kind) =>
        Assert.Single(a.Hedges, h => h.Kind == kind);

    [Fact]
    public void Scare_quotes_around_a_single_word()
    {
        var a = De("Russland schickt 500 „Berater“ an die Front.");
        var h = Single(a, HedgeKind.ScareQuotes);
        Assert.Equal("„Berater“", a.StringOf(h.Cue));
    }

    [Fact]
    public void A_partial_quote_claimed_by_an_attribution_is_not_a_scare_quote()
    {
        var a = De("Die Ministerin nannte den Plan ‚unausgegoren‘.");
        Assert.DoesNotContain(a.Hedges, h => h.Kind == HedgeKind.ScareQuotes);
    }

    [Fact]
    public void Names_of_works_in_quotes_are_not_scare_quotes()
    {
        var a = De("Er las die Zeitung „Kommersant“ jeden Morgen.");
        Assert.DoesNotContain(a.Hedges, h => h.Kind == HedgeKind.ScareQuotes);
    }

    [Fact]
    public void A_claim_verb_distances_but_a_neutral_verb_sharing_its_stem_form_does_not()
    {
        // "gab … vor" (pretended) keeps the author at a distance; "gab … bekannt" (announced) does not.
        var pretended = De("Die Firma gab vor, dass sie zahlungsunfähig sei.");
        Assert.Contains(pretended.Hedges, h => h.Kind == HedgeKind.Distancing && pretended.StringOf(h.Cue) == "gab");
        var announced = De("Das Ministerium gab am Montag bekannt, dass die Steuern steigen würden.");
        Assert.NotEmpty(announced.Attributions);
        Assert.DoesNotContain(announced.Hedges, h => h.Kind == HedgeKind.Distancing);
    }

    [Theory]
    [InlineData("Das könnte einen Vorteil bedeuten.", "könnte")]
    [InlineData("Der Schaden dürfte in die Millionen gehen.", "dürfte")]
    public void German_speculation(string text, string cue)
    {
        var a = De(text);
        var h = Single(a, HedgeKind.Speculation);
        Assert.Equal(cue, a.StringOf(h.Cue));
        Assert.Equal(text, a.StringOf(h.Scope));
    }

    [Theory]
    [InlineData("The deal could collapse next week.", "could")]
    [InlineData("Prices might rise again.", "might")]
    public void English_speculation(string text, string cue)
    {
        var a = En(text);
        Assert.Equal(cue, a.StringOf(Single(a, HedgeKind.Speculation).Cue));
    }

    [Fact]
    public void A_month_name_is_not_a_modal()
    {
        var a = En("The vote is planned for May.");
        Assert.Empty(a.Hedges);
    }

    [Theory]
    [InlineData("Der angebliche Zeuge meldete sich nie.", "angebliche")]
    [InlineData("Die sogenannte Reform scheiterte.", "sogenannte")]
    public void German_distancing(string text, string cue)
    {
        var a = De(text);
        Assert.Equal(cue, a.StringOf(Single(a, HedgeKind.Distancing).Cue));
    }

    [Fact]
    public void English_distancing()
    {
        var a = En("The so-called reform allegedly cost millions.");
        Assert.Equal(2, a.Hedges.Count(h => h.Kind == HedgeKind.Distancing));
    }

    [Fact]
    public void Claim_verbs_distance_the_author_from_the_content()
    {
        var a = De("Der Anwalt behauptete, sein Mandant sei unschuldig.");
        var h = Single(a, HedgeKind.Distancing);
        Assert.Equal("behauptete", a.StringOf(h.Cue));
        Assert.Equal("sein Mandant sei unschuldig", a.StringOf(h.Scope));
    }

    [Fact]
    public void Uncertainty_phrases()
    {
        Assert.Single(De("Es ist nicht klar, wann die Lieferung ankommt.").Hedges, h => h.Kind == HedgeKind.Uncertainty);
        Assert.Single(En("It is unclear when the shipment will arrive.").Hedges, h => h.Kind == HedgeKind.Uncertainty);
    }
}
