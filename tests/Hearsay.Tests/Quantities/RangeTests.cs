using Hearsay.Document;
using static Hearsay.Tests.Quantities.QuantityFixture;

namespace Hearsay.Tests.Quantities;

public class RangeTests
{
    [Theory]
    [InlineData("Es kamen zwischen 30 und 45 Demonstranten.", "de", "zwischen 30 und 45 Demonstranten", "Demonstranten")]
    [InlineData("Es kamen 30 bis 45 Demonstranten.", "de", "30 bis 45 Demonstranten", "Demonstranten")]
    [InlineData("Es kamen 30-45 Demonstranten.", "de", "30-45 Demonstranten", "Demonstranten")]
    [InlineData("Es kamen 30 – 45 Demonstranten.", "de", "30 – 45 Demonstranten", "Demonstranten")]
    [InlineData("Es kamen dreißig bis fünfundvierzig Demonstranten.", "de", "dreißig bis fünfundvierzig Demonstranten", "Demonstranten")]
    [InlineData("Between 30 and 45 protesters came.", "en", "Between 30 and 45 protesters", "protesters")]
    [InlineData("From 30 to 45 protesters came.", "en", "From 30 to 45 protesters", "protesters")]
    [InlineData("Some 30 to 45 protesters came.", "en", "Some 30 to 45 protesters", "protesters")]
    [InlineData("30-45 protesters came.", "en", "30-45 protesters", "protesters")]
    [InlineData("Between thirty and forty-five protesters came.", "en", "Between thirty and forty-five protesters", "protesters")]
    public void Ranges_have_a_lower_and_an_upper_value(string text, string lang, string span, string counted)
    {
        var (a, q) = Find(text, lang, span);
        Assert.Equal(30, q.Value);
        Assert.Equal(45, q.UpperValue);
        Assert.Equal(QuantityKind.Count, q.Kind);
        Assert.Equal(counted, a.Text(q.Counted));
    }

    [Theory]
    [InlineData("Der Schaden liegt bei 3 bis 5 Milliarden Euro.", "de", "3 bis 5 Milliarden Euro")]
    [InlineData("The damage is put at 3 to 5 billion euros.", "en", "3 to 5 billion euros")]
    public void The_scale_of_the_upper_end_applies_to_the_lower_end(string text, string lang, string span)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(3e9, q.Value);
        Assert.Equal(5e9, q.UpperValue);
        Assert.Equal(QuantityKind.Money, q.Kind);
        Assert.Equal("EUR", q.Unit);
    }

    [Theory]
    [InlineData("Zwischen 3 Staaten gab es Streit.", "de")]
    [InlineData("The vote was 5 to 4.", "en")]
    public void Two_numbers_that_do_not_form_a_range(string text, string lang) =>
        Assert.All(All(text, lang), q => Assert.Null(q.UpperValue));
}
