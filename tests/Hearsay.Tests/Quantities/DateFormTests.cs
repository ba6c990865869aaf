using Hearsay.Document;
using static Hearsay.Tests.Quantities.QuantityFixture;

namespace Hearsay.Tests.Quantities;

/// <summary>Dates beyond "4. April 2019": compact and spoken forms, periods, open periods, parts of a
/// period, weekdays, holidays, quarters, decades, centuries. ValueText is ISO 8601 with X for what the text
/// leaves open; a period is "start/end".</summary>
public class DateFormTests
{
    [Theory]
    [InlineData("Die Frist endet am 3/11/2022 um Mitternacht.", "de", "3/11/2022", "2022-11-03")]
    [InlineData("The deadline is 11/3/2022 at midnight.", "en", "11/3/2022", "2022-11-03")]
    [InlineData("The filing is dated 2021-7-6.", "en", "2021-7-6", "2021-07-06")]
    [InlineData("The filing is dated 06-Jul-2021.", "en", "06-Jul-2021", "2021-07-06")]
    [InlineData("The filing is dated 20210706.", "en", "20210706", "2021-07-06")]
    [InlineData("Results for Dec-2020 were weak.", "en", "Dec-2020", "2020-12")]
    [InlineData("Die Zahlen vom 2020-3 sind schwach.", "de", "2020-3", "2020-03")]
    [InlineData("Wir treffen uns am 28.10. in Bonn.", "de", "28.10.", "XXXX-10-28")]
    public void Compact_dates(string text, string lang, string span, string value)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(QuantityKind.Date, q.Kind);
        Assert.Equal(value, q.ValueText);
    }

    [Theory]
    [InlineData("They married on the fourth of July, 1995.", "en", "fourth of July, 1995", "1995-07-04")]
    [InlineData("They married on July twenty first.", "en", "July twenty first", "XXXX-07-21")]
    [InlineData("They married in October two thousand and five.", "en", "October two thousand and five", "2005-10")]
    [InlineData("He was born on 5 March nineteen sixty two.", "en", "5 March nineteen sixty two", "1962-03-05")]
    [InlineData("He was born in April of 1961.", "en", "April of 1961", "1961-04")]
    [InlineData("Wir kommen am zweiten Mai zurück.", "de", "zweiten Mai", "XXXX-05-02")]
    [InlineData("Wir kommen am 7. vierten zurück.", "de", "7. vierten", "XXXX-04-07")]
    public void Spoken_dates(string text, string lang, string span, string value)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(value, q.ValueText);
    }

    [Theory]
    [InlineData("Sie sind vom 3. bis 12. September verreist.", "de", "vom 3. bis 12. September", "XXXX-09-03/XXXX-09-12")]
    [InlineData("Sie sind zwischen dem 3. und dem 12. September verreist.", "de", "zwischen dem 3. und dem 12. September", "XXXX-09-03/XXXX-09-12")]
    [InlineData("They are away from March to May 2021.", "en", "from March to May 2021", "2021-03/2021-05")]
    [InlineData("They are away April 9th through 17th.", "en", "April 9th through 17th", "XXXX-04-09/XXXX-04-17")]
    [InlineData("They are away November 18-19.", "en", "November 18-19", "XXXX-11-18/XXXX-11-19")]
    [InlineData("They are away from 5/1-5/7/2021.", "en", "from 5/1-5/7/2021", "2021-05-01/2021-05-07")]
    [InlineData("They are away from 2014 till 2018.", "en", "from 2014 till 2018", "2014/2018")]
    public void Periods(string text, string lang, string span, string value)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(QuantityKind.Date, q.Kind);
        Assert.Equal(value, q.ValueText);
    }

    [Theory]
    [InlineData("Seit März 2020 gilt die Regel.", "de", "Seit März 2020", "2020-03", Bound.Lower)]
    [InlineData("Bis Ende 2025 soll es fertig sein.", "de", "Bis Ende 2025", "2025", Bound.Upper)]
    [InlineData("The rule has applied since August.", "en", "since August", "XXXX-08", Bound.Lower)]
    [InlineData("It must be done before the end of 2025.", "en", "before the end of 2025", "2025", Bound.Upper)]
    [InlineData("Applications from 1/1/2024 and after count.", "en", "1/1/2024 and after", "2024-01-01", Bound.Lower)]
    public void Open_periods(string text, string lang, string span, string value, Bound bound)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(value, q.ValueText);
        Assert.Equal(bound, q.Bound);
    }

    [Theory]
    [InlineData("Mitte Mai beginnt die Saison.", "de", "Mitte Mai", "XXXX-05")]
    [InlineData("Das war im Jahr 2009.", "de", "Jahr 2009", "2009")]
    [InlineData("Prices rose in mid-November.", "en", "mid-November", "XXXX-11")]
    [InlineData("Profits fell in the fiscal year 2019.", "en", "fiscal year 2019", "2019")]
    [InlineData("Profits fell in FY2019.", "en", "FY2019", "2019")]
    [InlineData("Profits fell in 2019 Q3.", "en", "2019 Q3", "2019-Q3")]
    [InlineData("Profits fell in the first half, H1 2019, too.", "en", "H1 2019", "2019-H1")]
    public void Parts_and_period_nouns(string text, string lang, string span, string value)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(value, q.ValueText);
    }

    [Theory]
    [InlineData("Die Demo ist am Sa 12.03.2022.", "de", "Sa 12.03.2022", "2022-03-12")]
    [InlineData("The vote is on Tue May 9, 2023.", "en", "Tue May 9, 2023", "2023-05-09")]
    public void A_weekday_before_a_date_belongs_to_it(string text, string lang, string span, string value)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(value, q.ValueText);
    }

    [Theory]
    [InlineData("Zu Ostern 2024 blieb es kalt.", "de", "Ostern 2024", "2024-03-31")]
    [InlineData("Pfingsten 2023 fiel auf den Mai.", "de", "Pfingsten 2023", "2023-05-28")]
    [InlineData("Shops opened early on Black Friday 2022.", "en", "Black Friday 2022", "2022-11-25")]
    [InlineData("It snowed on Christmas Day 2010.", "en", "Christmas Day 2010", "2010-12-25")]
    public void Holidays_with_a_year(string text, string lang, string span, string value)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(value, q.ValueText);
    }

    [Theory]
    [InlineData("Die Musik der 1980er Jahre lebt.", "de", "1980er Jahre", "198X")]
    [InlineData("The music of the 1980s lives on.", "en", "1980s", "198X")]
    [InlineData("It was built in the 19th century.", "en", "19th century", "18XX")]
    [InlineData("Es entstand im 19. Jahrhundert.", "de", "19. Jahrhundert", "18XX")]
    public void Decades_and_centuries(string text, string lang, string span, string value)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(value, q.ValueText);
    }

    [Fact]
    public void A_year_listed_after_a_date_is_a_date()
    {
        var qs = All("Sales were weak in 2007 and 2009.", "en");
        Assert.Equal(new[] { "2007", "2009" }, qs.Where(q => q.Kind == QuantityKind.Date).Select(q => q.ValueText));
    }

    [Fact]
    public void A_year_after_since_is_a_date_even_before_a_noun() =>
        Assert.Equal(QuantityKind.Date, All("Since 2019 people have left.", "en")[0].Kind);

    [Theory]
    [InlineData("They march 10 miles a day.", "en")]
    [InlineData("Nobody sat 4 rows behind.", "en")]
    [InlineData("Die Stimmung ist 24/7 gut.", "de")]
    public void Not_dates(string text, string lang) =>
        Assert.DoesNotContain(All(text, lang), q => q.Kind == QuantityKind.Date);

    [Theory]
    [InlineData(2024, "E+0", "2024-03-31")]
    [InlineData(2019, "E-7", "2019-04-14")]
    [InlineData(2010, "4:4:11+1", "2010-11-26")]
    [InlineData(2021, "L:1:05", "2021-05-31")]
    [InlineData(2020, "01-06", "2020-01-06")]
    public void Holiday_rules(int year, string rule, string date)
    {
        Assert.True(Hearsay.Quantities.QuantityRecognizer.HolidayDate(rule, year, out var d));
        Assert.Equal(date, d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
    }
}
