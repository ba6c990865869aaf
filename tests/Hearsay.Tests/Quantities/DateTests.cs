using Hearsay.Document;
using static Hearsay.Tests.Quantities.QuantityFixture;

namespace Hearsay.Tests.Quantities;

public class DateTests
{
    [Theory]
    [InlineData("Die Gespräche begannen im März 2021 in Genf.", "de", "März 2021", "2021-03")]
    [InlineData("Talks began in March 2021 in Geneva.", "en", "March 2021", "2021-03")]
    [InlineData("Die Gespräche begannen am 9. März 2021 in Genf.", "de", "9. März 2021", "2021-03-09")]
    [InlineData("Talks began on March 9, 2021 in Geneva.", "en", "March 9, 2021", "2021-03-09")]
    [InlineData("Talks began on 9 March 2021 in Geneva.", "en", "9 March 2021", "2021-03-09")]
    [InlineData("Talks began on the 9th of March 2021 in Geneva.", "en", "9th of March 2021", "2021-03-09")]
    [InlineData("Der Vertrag vom 09.03.2021 gilt weiter.", "de", "09.03.2021", "2021-03-09")]
    [InlineData("The contract of 2021-03-09 remains valid.", "en", "2021-03-09", "2021-03-09")]
    [InlineData("Am 9. März beginnen die Gespräche.", "de", "9. März", "XXXX-03-09")]
    public void Calendar_dates(string text, string lang, string span, string value)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(QuantityKind.Date, q.Kind);
        Assert.Equal(value, q.ValueText);
    }

    [Theory]
    [InlineData("Im Jahr 2014 annektierte Russland die Krim.", "de", "2014")]
    [InlineData("Seit 2014 herrscht Krieg.", "de", "2014")]
    [InlineData("In 2014 Russia annexed Crimea.", "en", "2014")]
    [InlineData("Since 2014 there has been war.", "en", "2014")]
    public void Years_in_a_date_context(string text, string lang, string year)
    {
        var q = Assert.Single(All(text, lang));
        Assert.Equal(QuantityKind.Date, q.Kind);
        Assert.Equal(year, q.ValueText);
        Assert.Equal(double.Parse(year), q.Value);
    }

    [Fact]
    public void A_German_year_without_a_date_context_is_not_a_count()
    {
        Assert.Empty(All("2014 annektierte Russland die Krim.", "de"));
        Assert.DoesNotContain(All("Das war 2014 so.", "de"), q => q.Kind == QuantityKind.Count);
    }

    [Fact]
    public void A_four_digit_number_before_a_German_noun_is_a_count()
    {
        var q = Assert.Single(All("Die Firma hat 2014 Mitarbeiter.", "de"));
        Assert.Equal(QuantityKind.Count, q.Kind);
    }

    [Theory]
    [InlineData("Von 2014 bis 2022 wuchs die Armee.", "de", "Von 2014 bis 2022", "2014/2022")]
    [InlineData("Between 2014 and 2022 the army grew.", "en", "Between 2014 and 2022", "2014/2022")]
    [InlineData("In den Jahren 2014-2022 wuchs die Armee.", "de", "2014-2022", "2014/2022")]
    public void Year_ranges(string text, string lang, string span, string value)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(QuantityKind.Date, q.Kind);
        Assert.Equal(value, q.ValueText);
    }

    [Fact]
    public void May_the_verb_is_not_a_month()
    {
        Assert.DoesNotContain(All("They may 2 weeks later decide.", "en"), q => q.Kind == QuantityKind.Date);
    }
}
