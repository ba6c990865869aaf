using Hearsay.Document;
using static Hearsay.Tests.Quantities.QuantityFixture;

namespace Hearsay.Tests.Quantities;

public class RankTests
{
    [Theory]
    [InlineData("Es ist die drittgrößte Stadt des Landes.", "de", "drittgrößte Stadt", 3)]
    [InlineData("Es ist die zweitstärkste Partei.", "de", "zweitstärkste Partei", 2)]
    [InlineData("Die Armee ist die fünftgrößte der Welt.", "de", "fünftgrößte", 5)]
    [InlineData("Sie liegen auf dem zehntwichtigsten Markt.", "de", "zehntwichtigsten Markt", 10)]
    [InlineData("It is the third-largest city in the country.", "en", "third-largest city", 3)]
    [InlineData("It is the second-biggest party.", "en", "second-biggest party", 2)]
    [InlineData("The army is the fifth largest in the world.", "en", "fifth largest", 5)]
    [InlineData("It is the 10th-largest market.", "en", "10th-largest market", 10)]
    public void Ordinal_superlatives(string text, string lang, string span, double rank)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(QuantityKind.Rank, q.Kind);
        Assert.Equal(rank, q.Value);
    }

    [Theory]
    [InlineData("Sie belegte den 4. Platz.", "de", "4. Platz", 4)]
    [InlineData("Das Team steht auf Platz 4.", "de", "Platz 4", 4)]
    [InlineData("Er landete auf Platz fünf.", "de", "Platz fünf", 5)]
    [InlineData("She finished in 4th place.", "en", "4th place", 4)]
    [InlineData("She finished in fourth place.", "en", "fourth place", 4)]
    public void Ordinals_with_a_noun(string text, string lang, string span, double rank)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(QuantityKind.Rank, q.Kind);
        Assert.Equal(rank, q.Value);
    }

    // A place in a sequence that is not a ranking is an ordinal (this case was a rank before the kind existed).
    [Theory]
    [InlineData("Sie feierte den 50. Geburtstag.", "de", "50. Geburtstag", 50)]
    [InlineData("Die Regierung legte den dritten Entwurf vor.", "de", "dritten Entwurf", 3)]
    [InlineData("Zum hundertsten Mal wurde gewählt.", "de", "hundertsten Mal", 100)]
    [InlineData("Er wurde einhundert Millionste Kunde.", "de", "einhundert Millionste Kunde", 100_000_000)]
    [InlineData("The council met for the fourth time.", "en", "fourth time", 4)]
    [InlineData("It is the 11th round of talks.", "en", "11th round", 11)]
    [InlineData("It was the twenty-fifth session.", "en", "twenty-fifth session", 25)]
    [InlineData("The one hundred twenty-fifth anniversary fell on a Sunday.", "en", "one hundred twenty-fifth anniversary", 125)]
    public void Plain_ordinals(string text, string lang, string span, double value)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(QuantityKind.Ordinal, q.Kind);
        Assert.Equal(value, q.Value);
    }

    [Theory]
    [InlineData("Die zwei ersten Runden waren knapp.", "de")]
    [InlineData("The two first rounds were close.", "en")]
    public void A_count_before_an_ordinal_does_not_add_to_it(string text, string lang) =>
        Assert.DoesNotContain(All(text, lang), q => q.Value == 3);

    [Theory]
    [InlineData("Wir achten darauf, dass alles stimmt.", "de")]
    [InlineData("Wait a second.", "en")]
    [InlineData("Only a third of the voters came.", "en")]
    [InlineData("One fifth of the budget is gone.", "en")]
    public void Homographs_and_fractions_are_not_ordinals(string text, string lang) =>
        Assert.DoesNotContain(All(text, lang), q => q.Kind is QuantityKind.Ordinal or QuantityKind.Rank);

    [Theory]
    [InlineData("Die acht besten Teams spielen weiter.", "de")]
    [InlineData("Die Zweitstimme entscheidet.", "de")]
    [InlineData("It was the first time.", "en")]
    public void Not_ranks(string text, string lang) =>
        Assert.DoesNotContain(All(text, lang), q => q.Kind == QuantityKind.Rank);
}
