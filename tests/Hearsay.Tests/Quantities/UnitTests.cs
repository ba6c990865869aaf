using Hearsay.Document;
using static Hearsay.Tests.Quantities.QuantityFixture;

namespace Hearsay.Tests.Quantities;

/// <summary>Percentages, money, measures and durations, with the unit normalized.</summary>
public class UnitTests
{
    [Theory]
    [InlineData("Die Zustimmung sank auf 38,5 Prozent.", "de", "38,5 Prozent", 38.5, "%")]
    [InlineData("Die Zustimmung sank auf 38,5 %.", "de", "38,5 %", 38.5, "%")]
    [InlineData("Die Partei verlor 4 Prozentpunkte.", "de", "4 Prozentpunkte", 4, "pp")]
    [InlineData("Approval fell to 38.5 percent.", "en", "38.5 percent", 38.5, "%")]
    [InlineData("Approval fell to 38.5%.", "en", "38.5%", 38.5, "%")]
    [InlineData("Approval fell to 38.5 per cent.", "en", "38.5 per cent", 38.5, "%")]
    [InlineData("The party lost 4 percentage points.", "en", "4 percentage points", 4, "pp")]
    [InlineData("Die Zustimmung sank auf dreißig Prozent.", "de", "dreißig Prozent", 30, "%")]
    public void Percent(string text, string lang, string span, double value, string unit)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(QuantityKind.Percent, q.Kind);
        Assert.Equal(value, q.Value, 6);
        Assert.Equal(unit, q.Unit);
    }

    [Theory]
    [InlineData("Das Projekt kostet 2,4 Millionen Euro.", "de", "2,4 Millionen Euro", 2400000, "EUR", "Euro")]
    [InlineData("Das Projekt kostet 2,4 Mio. €.", "de", "2,4 Mio. €", 2400000, "EUR", "€")]
    [InlineData("Das Projekt kostet 700 Millionen US-Dollar.", "de", "700 Millionen US-Dollar", 700000000, "USD", "US-Dollar")]
    [InlineData("Das Projekt kostet 35 Mrd. Dollar.", "de", "35 Mrd. Dollar", 35000000000, "USD", "Dollar")]
    [InlineData("The project costs $2.4 million.", "en", "$2.4 million", 2400000, "USD", "$")]
    [InlineData("The project costs $4bn.", "en", "$4bn", 4000000000, "USD", "$")]
    [InlineData("The project costs £300m.", "en", "£300m", 300000000, "GBP", "£")]
    [InlineData("The project costs €2.4 million.", "en", "€2.4 million", 2400000, "EUR", "€")]
    [InlineData("The project costs 2.4 million euros.", "en", "2.4 million euros", 2400000, "EUR", "euros")]
    [InlineData("The project costs USD 80,000.", "en", "USD 80,000", 80000, "USD", "USD")]
    public void Money(string text, string lang, string span, double value, string unit, string counted)
    {
        var (a, q) = Find(text, lang, span);
        Assert.Equal(QuantityKind.Money, q.Kind);
        Assert.Equal(value, q.Value, 3);
        Assert.Equal(unit, q.Unit);
        Assert.Equal(counted, a.Text(q.Counted));
    }

    [Theory]
    [InlineData("Die Front ist 1.200 Kilometer lang.", "de", "1.200 Kilometer", 1200, "km")]
    [InlineData("Die Front ist 1.200 km lang.", "de", "1.200 km", 1200, "km")]
    [InlineData("Geliefert wurden 80 Tonnen Munition.", "de", "80 Tonnen", 80, "t")]
    [InlineData("The front is 1,200 kilometres long.", "en", "1,200 kilometres", 1200, "km")]
    [InlineData("The front is 750 miles long.", "en", "750 miles", 750, "mi")]
    [InlineData("They delivered 80 tonnes of ammunition.", "en", "80 tonnes", 80, "t")]
    public void Measures(string text, string lang, string span, double value, string unit)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(QuantityKind.Measure, q.Kind);
        Assert.Equal(value, q.Value);
        Assert.Equal(unit, q.Unit);
    }

    [Theory]
    [InlineData("Es ging um Millionen Euro.", "de", "Millionen Euro")]
    [InlineData("It cost millions of dollars.", "en", "millions of dollars")]
    public void Vague_money(string text, string lang, string span)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(QuantityKind.Money, q.Kind);
        Assert.True(q.Approximate);
        Assert.Equal(Bound.Lower, q.Bound);
        Assert.Equal(1e6, q.Value);
    }

    [Fact]
    public void A_unit_glued_to_the_digits()
    {
        var (a, q) = Find("Die Drohne flog 40km weit.", "de", "40km");
        Assert.Equal(40, q.Value);
        Assert.Equal("km", q.Unit);
        Assert.Equal("40", a.Text(q.Number));
        Assert.Equal("km", a.Text(q.Counted));
    }

    [Theory]
    [InlineData("Der Konflikt dauert seit mehr als sieben Wochen an.", "de", "seit mehr als sieben Wochen", 7, "week", Bound.Lower)]
    [InlineData("Die Verhandlungen dauerten drei Tage.", "de", "drei Tage", 3, "day", Bound.Exact)]
    [InlineData("Er saß seit 12 Jahren im Gefängnis.", "de", "seit 12 Jahren", 12, "year", Bound.Exact)]
    [InlineData("The conflict has dragged on for more than seven weeks.", "en", "for more than seven weeks", 7, "week", Bound.Lower)]
    [InlineData("The talks lasted three days.", "en", "three days", 3, "day", Bound.Exact)]
    [InlineData("He spent nearly 12 years in prison.", "en", "nearly 12 years", 12, "year", Bound.Upper)]
    public void Durations_include_their_preposition(string text, string lang, string span, double value, string unit, Bound bound)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(QuantityKind.Duration, q.Kind);
        Assert.Equal(value, q.Value);
        Assert.Equal(unit, q.Unit);
        Assert.Equal(bound, q.Bound);
    }

    [Theory]
    [InlineData("Die Partei scheiterte an der 5-Prozent-Hürde.", "de", "5-Prozent-Hürde", 5, QuantityKind.Percent, "Prozent")]
    [InlineData("Er gewann den 400-Meter-Lauf.", "de", "400-Meter-Lauf", 400, QuantityKind.Measure, "Meter")]
    [InlineData("They bought a 45-acre farm.", "en", "45-acre", 45, QuantityKind.Measure, "acre")]
    [InlineData("It was a three-day visit.", "en", "three-day", 3, QuantityKind.Duration, "day")]
    public void A_number_and_a_unit_joined_by_a_hyphen(string text, string lang, string span, double value, QuantityKind kind, string counted)
    {
        var (a, q) = Find(text, lang, span);
        Assert.Equal(value, q.Value);
        Assert.Equal(kind, q.Kind);
        Assert.Equal(counted, a.Text(q.Counted));
    }

    [Fact]
    public void Half_a_year()
    {
        var (_, q) = Find("Das ist vor einem halben Jahr passiert.", "de", "vor einem halben Jahr");
        Assert.Equal(0.5, q.Value);
        Assert.Equal(QuantityKind.Duration, q.Kind);
    }
}

public class SignAndFractionTests
{
    [Theory]
    [InlineData("Nachts waren es minus 12 Grad.", "de", "minus 12 Grad", -12)]
    [InlineData("Das Wachstum lag bei -0,4 Prozent.", "de", "-0,4 Prozent", -0.4)]
    [InlineData("At night it was minus 12 degrees.", "en", "minus 12 degrees", -12)]
    [InlineData("Growth was -0.4 percent.", "en", "-0.4 percent", -0.4)]
    public void Negative_numbers(string text, string lang, string span, double value)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(value, q.Value, 9);
    }

    [Theory]
    [InlineData("Ein Drittel der Befragten stimmte zu.", "de", "Ein Drittel", 1.0 / 3)]
    [InlineData("Drei Viertel der Befragten stimmten zu.", "de", "Drei Viertel", 0.75)]
    [InlineData("A third of respondents agreed.", "en", "A third", 1.0 / 3)]
    [InlineData("Two thirds of respondents agreed.", "en", "Two thirds", 2.0 / 3)]
    public void Fractions(string text, string lang, string span, double value)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(value, q.Value, 9);
    }

    [Fact]
    public void The_3_in_3_minus_5_is_not_negative_5()
    {
        var q = Assert.Single(All("Es kamen 3 - 5 Leute.", "de"));
        Assert.Equal(3, q.Value);
        Assert.Equal(5, q.UpperValue);
    }
}
