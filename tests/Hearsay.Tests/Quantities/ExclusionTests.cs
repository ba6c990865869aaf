using Hearsay.Document;
using static Hearsay.Tests.Quantities.QuantityFixture;

namespace Hearsay.Tests.Quantities;

/// <summary>Numbers that are not quantities: in URLs, phone numbers, references, clock times, names.</summary>
public class ExclusionTests
{
    [Theory]
    [InlineData("Mehr dazu unter https://example.org/berichte/2024/123456 im Netz.", "de")]
    [InlineData("More at https://example.org/reports/2024/123456 online.", "en")]
    public void Numbers_inside_URLs(string text, string lang) => Assert.Empty(All(text, lang));

    [Theory]
    [InlineData("Die Hotline ist unter 0800 1234567 erreichbar.", "de")]
    [InlineData("Anrufe unter +49 30 1234567 sind kostenlos.", "de")]
    [InlineData("Call +1 202 555 0143 for details.", "en")]
    [InlineData("Call 555-0143 for details.", "en")]
    public void Phone_numbers(string text, string lang) => Assert.Empty(All(text, lang));

    [Theory]
    [InlineData("Siehe S. 12 und Artikel 5 des Vertrags.", "de")]
    [InlineData("Das regelt Paragraf 218 des Gesetzes.", "de")]
    [InlineData("See page 12 and Article 5 of the treaty.", "en")]
    public void Page_and_section_references(string text, string lang) => Assert.Empty(All(text, lang));

    [Theory]
    [InlineData("Die Sitzung beginnt um 14 Uhr.", "de")]
    [InlineData("Die Sitzung beginnt um 14:30 Uhr.", "de")]
    [InlineData("The session starts at 2 p.m. sharp.", "en")]
    [InlineData("The match ended 3:1 tonight.", "en")]
    public void Clock_times_and_scores(string text, string lang) => Assert.Empty(All(text, lang));

    [Theory]
    [InlineData("Das Update für Windows 11 kam spät.", "de")]
    [InlineData("The update for Windows 11 came late.", "en")]
    public void Numbers_that_are_part_of_a_name(string text, string lang) => Assert.Empty(All(text, lang));

    [Fact]
    public void A_quantity_next_to_a_URL_is_still_found()
    {
        var a = Analyze("Laut https://example.org/a/1 kamen 300 Menschen.", "de");
        var q = Assert.Single(a.Quantities);
        Assert.Equal("300 Menschen", a.StringOf(q.Span));
    }
}

public class SportsAndAgeExclusionTests
{
    [Theory]
    [InlineData("Das Tor fiel spät (88.) und der Gast siegte.", "de")]
    [InlineData("Der Endstand war ein 2:1-Sieg.", "de")]
    [InlineData("Die Ministerin Anna Berger (52) trat zurück.", "de")]
    [InlineData("The minister Anna Berger (52) resigned.", "en")]
    public void Minutes_scores_and_ages_after_names(string text, string lang) =>
        Assert.Empty(QuantityFixture.All(text, lang));
}
