using Hearsay.Document;
using static Hearsay.Tests.Quantities.QuantityFixture;

namespace Hearsay.Tests.Quantities;

/// <summary>Less usual ways of writing a number: fractions in digits, decimals without a leading zero,
/// scientific notation, ratios, digits after number words, comparisons, bounds that make a range.</summary>
public class NumberFormTests
{
    [Theory]
    [InlineData("Nur 3/4 der Stimmen waren gültig.", "de", "3/4", 0.75)]
    [InlineData("Die Strecke ist 2 1/2 Meilen lang.", "de", "2 1/2", 2.5)]
    [InlineData("Only 3/4 of the votes counted.", "en", "3/4", 0.75)]
    [InlineData("Add ½ cup of milk.", "en", "½", 0.5)]
    [InlineData("The error was .05 on average.", "en", ".05", 0.05)]
    [InlineData("The sample held 1.5e6 cells.", "en", "1.5e6", 1_500_000)]
    [InlineData("The sample held 2.4x10^5 cells.", "en", "2.4x10^5", 240_000)]
    [InlineData("About 2 thousand 3 hundred people came.", "en", "2 thousand 3 hundred", 2300)]
    [InlineData("Three twentieths of the land is forest.", "en", "Three twentieths", 0.15)]
    public void Number_forms(string text, string lang, string number, double value)
    {
        var a = Analyze(text, lang);
        var q = Assert.Single(a.Quantities, x => a.StringOf(x.Number) == number);
        Assert.Equal(value, q.Value, 6);
    }

    [Theory]
    [InlineData("The service runs 24/7.", "en")]
    [InlineData("Der Anschlag vom 9/11 prägte die Politik.", "de")]
    public void Slashes_that_are_no_fractions(string text, string lang) =>
        Assert.DoesNotContain(All(text, lang), q => q.Value is > 0 and < 1);

    [Theory]
    [InlineData("Two out of five voters backed the plan.", "en", "Two out of five voters", 0.4)]
    public void Ratios(string text, string lang, string span, double value)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(value, q.Value, 6);
    }

    [Theory]
    [InlineData("Die Zahl liegt über 10 und unter 40.", "de", "über 10 und unter 40", 10, 40)]
    [InlineData("The score was more than 10 and less than 40.", "en", "more than 10 and less than 40", 10, 40)]
    [InlineData("There were at most 90 and at least 60 boats.", "en", "at most 90 and at least 60 boats", 60, 90)]
    public void A_lower_and_an_upper_bound_make_a_range(string text, string lang, string span, double low, double high)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(low, q.Value);
        Assert.Equal(high, q.UpperValue);
    }

    [Fact]
    public void Bounds_in_the_wrong_order_stay_apart()
    {
        var qs = All("It was more than 40 and less than 10.", "en");
        Assert.Equal(2, qs.Count);
        Assert.All(qs, q => Assert.Null(q.UpperValue));
    }

    [Theory]
    [InlineData("Turnout was greater than or equal to 60 percent.", "en", Bound.Lower, 60)]
    [InlineData("Der Wert ist kleiner oder gleich 5.", "de", Bound.Upper, 5)]
    [InlineData("Costs exceeded 300 million dollars.", "en", Bound.Lower, 300_000_000)]
    [InlineData("Turnout was 500 or more.", "en", Bound.Lower, 500)]
    [InlineData("Turnout was about 500 or more.", "en", Bound.Lower, 500)]
    [InlineData("More than half of the voters came.", "en", Bound.Lower, 0.5)]
    public void Comparisons(string text, string lang, Bound bound, double value)
    {
        var q = Assert.Single(All(text, lang));
        Assert.Equal(bound, q.Bound);
        Assert.Equal(value, q.Value, 6);
    }

    [Fact]
    public void Two_millions_joined_by_and_are_two_numbers()
    {
        var q = Assert.Single(All("Between 2 million and 3 million people moved.", "en"));
        Assert.Equal(2_000_000, q.Value);
        Assert.Equal(3_000_000, q.UpperValue);
    }

    [Fact]
    public void Scores_of_people_but_not_test_scores()
    {
        Assert.Contains(All("Scores of people gathered.", "en"), q => q.Value == 20 && q.Approximate);
        Assert.Empty(All("Test scores rose.", "en"));
    }

    [Fact]
    public void An_arrow_is_no_bound() =>
        Assert.All(All("The result was =>30 points.", "en"), q => Assert.Equal(Bound.Exact, q.Bound));
}
