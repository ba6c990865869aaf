using Hearsay.Document;
using static Hearsay.Tests.Quantities.QuantityFixture;

namespace Hearsay.Tests.Quantities;

/// <summary>Approximation and bounds: how exact the author says a number is.</summary>
public class QualifierTests
{
    [Theory]
    [InlineData("Die Miliz hat fast 9.000 Kämpfer.", "de", "fast 9.000 Kämpfer", "fast")]
    [InlineData("Die Miliz hat knapp 9.000 Kämpfer.", "de", "knapp 9.000 Kämpfer", "knapp")]
    [InlineData("The militia has nearly 9,000 fighters.", "en", "nearly 9,000 fighters", "nearly")]
    [InlineData("The militia has almost 9,000 fighters.", "en", "almost 9,000 fighters", "almost")]
    public void Nearly_is_approximate_with_an_upper_bound(string text, string lang, string span, string qualifier)
    {
        var (a, q) = Find(text, lang, span);
        Assert.True(q.Approximate);
        Assert.Equal(Bound.Upper, q.Bound);
        Assert.Equal(qualifier, a.Text(q.Qualifier));
        Assert.Equal(9000, q.Value);
    }

    [Theory]
    [InlineData("Rund 70 Fahrzeuge wurden gezählt.", "de", "Rund 70 Fahrzeuge")]
    [InlineData("Etwa 70 Fahrzeuge wurden gezählt.", "de", "Etwa 70 Fahrzeuge")]
    [InlineData("Ca. 70 Fahrzeuge wurden gezählt.", "de", "Ca. 70 Fahrzeuge")]
    [InlineData("Ungefähr 70 Fahrzeuge wurden gezählt.", "de", "Ungefähr 70 Fahrzeuge")]
    [InlineData("Circa 70 Fahrzeuge wurden gezählt.", "de", "Circa 70 Fahrzeuge")]
    [InlineData("About 70 vehicles were counted.", "en", "About 70 vehicles")]
    [InlineData("Around 70 vehicles were counted.", "en", "Around 70 vehicles")]
    [InlineData("Roughly 70 vehicles were counted.", "en", "Roughly 70 vehicles")]
    [InlineData("Some 70 vehicles were counted.", "en", "Some 70 vehicles")]
    [InlineData("An estimated 70 vehicles were counted.", "en", "An estimated 70 vehicles")]
    public void About_is_approximate_without_a_bound(string text, string lang, string span)
    {
        var (_, q) = Find(text, lang, span);
        Assert.True(q.Approximate);
        Assert.Equal(Bound.Exact, q.Bound);
        Assert.Equal(70, q.Value);
    }

    [Theory]
    [InlineData("Es kamen mehr als 600 Gäste.", "de", "mehr als 600 Gäste")]
    [InlineData("Es kamen über 600 Gäste.", "de", "über 600 Gäste")]
    [InlineData("Es kamen mindestens 600 Gäste.", "de", "mindestens 600 Gäste")]
    [InlineData("Es kamen 600 Gäste oder mehr.", "de", "600 Gäste oder mehr")]
    [InlineData("More than 600 guests came.", "en", "More than 600 guests")]
    [InlineData("Over 600 guests came.", "en", "Over 600 guests")]
    [InlineData("At least 600 guests came.", "en", "At least 600 guests")]
    [InlineData("600 guests or more came.", "en", "600 guests or more")]
    public void More_than_is_a_lower_bound(string text, string lang, string span)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(Bound.Lower, q.Bound);
        Assert.False(q.Approximate);
        Assert.Equal(600, q.Value);
    }

    [Theory]
    [InlineData("Es drohen bis zu 50 Jahre Haft.", "de", "bis zu 50 Jahre")]
    [InlineData("Es kamen weniger als 50 Gäste.", "de", "weniger als 50 Gäste")]
    [InlineData("Es kamen unter 50 Gäste.", "de", "unter 50 Gäste")]
    [InlineData("Es kamen höchstens 50 Gäste.", "de", "höchstens 50 Gäste")]
    [InlineData("Es dürfen maximal 50 Gäste kommen.", "de", "maximal 50 Gäste")]
    [InlineData("He faces up to 50 years in prison.", "en", "up to 50 years")]
    [InlineData("Fewer than 50 guests came.", "en", "Fewer than 50 guests")]
    [InlineData("Less than 50 percent voted.", "en", "Less than 50 percent")]
    [InlineData("At most 50 guests may come.", "en", "At most 50 guests")]
    [InlineData("No more than 50 guests may come.", "en", "No more than 50 guests")]
    public void Up_to_is_an_upper_bound(string text, string lang, string span)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(Bound.Upper, q.Bound);
        Assert.Equal(50, q.Value);
    }

    [Theory]
    [InlineData("Das Lager umfasst gut 2.000 Zelte.", "de", "gut 2.000 Zelte", Bound.Lower)]
    [InlineData("Mehrere Tausend Menschen demonstrierten.", "de", "Mehrere Tausend Menschen", Bound.Lower)]
    [InlineData("Several thousand people demonstrated.", "en", "Several thousand people", Bound.Lower)]
    [InlineData("Just over 2,000 tents stand there.", "en", "Just over 2,000 tents", Bound.Lower)]
    public void Approximate_lower_bounds(string text, string lang, string span, Bound bound)
    {
        var (_, q) = Find(text, lang, span);
        Assert.True(q.Approximate);
        Assert.Equal(bound, q.Bound);
    }

    [Fact]
    public void Only_the_qualifier_next_to_the_number_counts()
    {
        // "verfügen über" takes "über" as its preposition; "fast" qualifies the number
        var (a, q) = Find("Das Heer verfügt über fast 400.000 Reservisten.", "de", "fast 400.000 Reservisten");
        Assert.Equal("fast", a.Text(q.Qualifier));
        Assert.Equal(Bound.Upper, q.Bound);
        Assert.True(q.Approximate);
    }

    [Theory]
    [InlineData("Es kamen 600 Gäste.", "de")]
    [InlineData("600 guests came.", "en")]
    public void A_plain_number_is_exact(string text, string lang)
    {
        var q = Assert.Single(All(text, lang));
        Assert.False(q.Approximate);
        Assert.Equal(Bound.Exact, q.Bound);
        Assert.Null(q.Qualifier);
    }
}
