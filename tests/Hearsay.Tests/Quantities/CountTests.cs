using Hearsay.Document;
using static Hearsay.Tests.Quantities.QuantityFixture;

namespace Hearsay.Tests.Quantities;

/// <summary>Counts: the number, its value, and the noun phrase it counts.</summary>
public class CountTests
{
    [Theory]
    [InlineData("Die Stadt nahm 250.000 Flüchtlinge auf.", "de", "250.000 Flüchtlinge", 250000, "Flüchtlinge")]
    [InlineData("The city took in 250,000 refugees.", "en", "250,000 refugees", 250000, "refugees")]
    [InlineData("Es kamen 1,7 Millionen Besucher.", "de", "1,7 Millionen Besucher", 1700000, "Besucher")]
    [InlineData("Some 1.7 million visitors came.", "en", "Some 1.7 million visitors", 1700000, "visitors")]
    [InlineData("Der Verband zählt 4 Mio. Mitglieder.", "de", "4 Mio. Mitglieder", 4000000, "Mitglieder")]
    [InlineData("Die Kommune hat 12 500 Einwohner.", "de", "12 500 Einwohner", 12500, "Einwohner")]
    [InlineData("The town has 12\u00A0500 inhabitants.", "en", "12\u00A0500 inhabitants", 12500, "inhabitants")]
    public void Digits_with_the_counted_noun(string text, string lang, string span, double value, string counted)
    {
        var (a, q) = Find(text, lang, span);
        Assert.Equal(QuantityKind.Count, q.Kind);
        Assert.Equal(value, q.Value, 6);
        Assert.Equal(counted, a.Text(q.Counted));
    }

    [Theory]
    [InlineData("Die Partei gewann 80.000 neue junge Mitglieder.", "de", "80.000 neue junge Mitglieder", "neue junge Mitglieder")]
    [InlineData("Geschickt wurden 300 erfahrene Pilot:innen.", "de", "300 erfahrene Pilot:innen", "erfahrene Pilot:innen")]
    [InlineData("Es fehlen 40 Lehrer*innen.", "de", "40 Lehrer*innen", "Lehrer*innen")]
    [InlineData("The party won 80,000 new young members.", "en", "80,000 new young members", "new young members")]
    [InlineData("About 500 Ukrainian grain farmers protested.", "en", "About 500 Ukrainian grain farmers", "Ukrainian grain farmers")]
    public void Adjectives_belong_to_the_counted_phrase(string text, string lang, string span, string counted)
    {
        var (a, q) = Find(text, lang, span);
        Assert.Equal(counted, a.Text(q.Counted));
    }

    [Theory]
    [InlineData("Das Regime schickt 20.000 „Berater“ ins Land.", "de", "20.000 „Berater“", "Berater")]
    [InlineData("The regime sends 20,000 “advisers” into the country.", "en", "20,000 “advisers”", "advisers")]
    public void A_quoted_noun_is_counted_and_the_quotes_are_in_the_span(string text, string lang, string span, string counted)
    {
        var (a, q) = Find(text, lang, span);
        Assert.Equal(counted, a.Text(q.Counted));
        Assert.Equal(20000, q.Value);
    }

    [Theory]
    [InlineData("Dabei starben siebenundvierzig Menschen.", "de", "siebenundvierzig Menschen", 47)]
    [InlineData("Es wurden dreihundertzwölf Anträge gestellt.", "de", "dreihundertzwölf Anträge", 312)]
    [InlineData("Zwei Dutzend Häuser brannten.", "de", "Zwei Dutzend Häuser", 24)]
    [InlineData("Forty-seven people died.", "en", "Forty-seven people", 47)]
    [InlineData("They filed three hundred and twelve requests.", "en", "three hundred and twelve requests", 312)]
    [InlineData("A dozen houses burned.", "en", "A dozen houses", 12)]
    [InlineData("Two dozen houses burned.", "en", "Two dozen houses", 24)]
    [InlineData("One hundred thousand people marched.", "en", "One hundred thousand people", 100000)]
    public void Number_words(string text, string lang, string span, double value)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(value, q.Value);
        Assert.False(q.Approximate);
    }

    [Theory]
    [InlineData("Dutzende Häuser wurden zerstört.", "de", "Dutzende Häuser", 12)]
    [InlineData("Hunderte Polizisten waren im Einsatz.", "de", "Hunderte Polizisten", 100)]
    [InlineData("Tausende Menschen flohen.", "de", "Tausende Menschen", 1000)]
    [InlineData("Zehntausende Menschen flohen.", "de", "Zehntausende Menschen", 10000)]
    [InlineData("Millionen Menschen hungern.", "de", "Millionen Menschen", 1000000)]
    [InlineData("Dozens of houses were destroyed.", "en", "Dozens of houses", 12)]
    [InlineData("Hundreds of officers were deployed.", "en", "Hundreds of officers", 100)]
    [InlineData("Tens of thousands of people fled.", "en", "Tens of thousands of people", 10000)]
    [InlineData("Hundreds of thousands of people fled.", "en", "Hundreds of thousands of people", 100000)]
    public void Vague_plurals_are_approximate_lower_bounds(string text, string lang, string span, double value)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(value, q.Value);
        Assert.True(q.Approximate);
        Assert.Equal(Bound.Lower, q.Bound);
    }

    [Theory]
    [InlineData("Ein russischer Experte sagte, eine Lösung sei nah.", "de")]
    [InlineData("A Russian expert said a solution was near.", "en")]
    [InlineData("Er trat auf Kanal Eins auf.", "de")]
    [InlineData("He appeared on Channel One.", "en")]
    [InlineData("One of them said so.", "en")]
    public void Articles_and_names_are_not_numbers(string text, string lang) =>
        Assert.Empty(All(text, lang));

    [Fact]
    public void Counted_noun_stops_at_a_verb_in_English()
    {
        var (a, q) = Find("At least 40 soldiers were killed.", "en", "At least 40 soldiers");
        Assert.Equal("soldiers", a.Text(q.Counted));
        var (b, r) = Find("Officials said 12 people died on Monday.", "en", "12 people");
        Assert.Equal("people", b.Text(r.Counted));
    }

    [Fact]
    public void Counted_noun_stops_at_a_function_word_in_German()
    {
        var a = Analyze("Davon waren 300 der Verletzten Kinder.", "de");
        var q = Assert.Single(a.Quantities);
        Assert.Equal("300", a.StringOf(q.Span));
        Assert.Null(q.Counted);
    }
}
