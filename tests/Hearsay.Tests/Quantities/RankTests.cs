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
    [InlineData("Sie feierte den 50. Geburtstag.", "de", "50. Geburtstag", 50)]
    [InlineData("She finished in 4th place.", "en", "4th place", 4)]
    [InlineData("She finished in fourth place.", "en", "fourth place", 4)]
    public void Ordinals_with_a_noun(string text, string lang, string span, double rank)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(QuantityKind.Rank, q.Kind);
        Assert.Equal(rank, q.Value);
    }

    [Theory]
    [InlineData("Die acht besten Teams spielen weiter.", "de")]
    [InlineData("Die Zweitstimme entscheidet.", "de")]
    [InlineData("It was the first time.", "en")]
    public void Not_ranks(string text, string lang) =>
        Assert.DoesNotContain(All(text, lang), q => q.Kind == QuantityKind.Rank);
}
