using Hearsay.Quantities;

namespace Hearsay.Tests.Quantities;

public class NumberParserTests
{
    [Theory]
    // German: '.' groups thousands before exactly three digits, ',' is the decimal mark
    [InlineData("100.000", 100000)]
    [InlineData("1,3", 1.3)]
    [InlineData("1.300,5", 1300.5)]
    [InlineData("2.500.000", 2500000)]
    [InlineData("4,750", 4.75)]
    [InlineData("0,25", 0.25)]
    [InlineData("7.5", 7.5)]          // a single '.' before one digit can only be a decimal mark
    [InlineData("0.250", 0.25)]       // "0." never starts a digit group
    [InlineData("12 500", 12500)]
    [InlineData("12\u00A0500", 12500)]
    [InlineData("3\u202F250\u202F000", 3250000)]
    public void German_digits(string text, double expected) => AssertParses(text, "de", expected);

    [Theory]
    // English: ',' groups thousands before exactly three digits, '.' is the decimal mark
    [InlineData("100,000", 100000)]
    [InlineData("1.3", 1.3)]
    [InlineData("1,300", 1300)]
    [InlineData("1,300.5", 1300.5)]
    [InlineData("4.750", 4.75)]
    [InlineData("2,5", 2.5)]          // comma before one digit: a decimal comma
    [InlineData(".75", 0.75)]
    [InlineData("12 500", 12500)]
    [InlineData("3,45,000", 345000)]       // Indian English groups by two above the thousands
    [InlineData("12,34,567.89", 1234567.89)]
    public void English_digits(string text, double expected) => AssertParses(text, "en", expected);

    [Theory]
    [InlineData("1,3 Millionen", 1300000)]
    [InlineData("2,5 Mio.", 2500000)]
    [InlineData("4 Mrd.", 4000000000)]
    [InlineData("12 Tsd.", 12000)]
    [InlineData("drei Milliarden", 3000000000)]
    [InlineData("eine Million", 1000000)]
    [InlineData("zwei Millionen dreihunderttausend", 2300000)]
    public void German_scales(string text, double expected) => AssertParses(text, "de", expected);

    [Theory]
    [InlineData("1.3 million", 1300000)]
    [InlineData("2 billion", 2000000000)]
    [InlineData("5bn", 5000000000)]
    [InlineData("10k", 10000)]
    [InlineData("2.5m", 2500000)]
    [InlineData("a million", 1000000)]
    [InlineData("three trillion", 3000000000000)]
    [InlineData("35 lakh", 3500000)]
    [InlineData("two crore", 20000000)]
    public void English_scales(string text, double expected) => AssertParses(text, "en", expected);

    [Theory]
    [InlineData("eins", 1)]
    [InlineData("zwölf", 12)]
    [InlineData("siebzehn", 17)]
    [InlineData("zwanzig", 20)]
    [InlineData("dreiundzwanzig", 23)]
    [InlineData("einundneunzig", 91)]
    [InlineData("hundert", 100)]
    [InlineData("einhundertzwei", 102)]
    [InlineData("zweihundertfünfundsiebzig", 275)]
    [InlineData("tausend", 1000)]
    [InlineData("viertausendachthundert", 4800)]
    [InlineData("dreihundertvierzigtausendeins", 340001)]
    [InlineData("zwei Dutzend", 24)]
    [InlineData("ein Dutzend", 12)]
    [InlineData("drei Viertel", 0.75)]
    [InlineData("anderthalb", 1.5)]
    [InlineData("zweieinhalb", 2.5)]
    [InlineData("eine halbe Million", 500000)]
    [InlineData("vier Komma fünf", 4.5)]
    [InlineData("minus sieben", -7)]
    public void German_words(string text, double expected) => AssertParses(text, "de", expected);

    [Theory]
    [InlineData("one", 1)]
    [InlineData("twelve", 12)]
    [InlineData("twenty", 20)]
    [InlineData("forty-two", 42)]
    [InlineData("ninety nine", 99)]
    [InlineData("one hundred", 100)]
    [InlineData("a hundred and five", 105)]
    [InlineData("three hundred sixty-five", 365)]
    [InlineData("one hundred thousand", 100000)]
    [InlineData("two thousand and twenty", 2020)]
    [InlineData("four million two hundred thousand", 4200000)]
    [InlineData("a dozen", 12)]
    [InlineData("two dozen", 24)]
    [InlineData("half a dozen", 6)]
    [InlineData("two thirds", 2.0 / 3)]
    [InlineData("one and a half", 1.5)]
    [InlineData("six point two five", 6.25)]
    [InlineData("negative three", -3)]
    [InlineData("3/4", 0.75)]
    [InlineData("-12.5", -12.5)]
    public void English_words(string text, double expected) => AssertParses(text, "en", expected);

    [Theory]
    [InlineData("Hunderte", "de", 100)]
    [InlineData("Dutzende", "de", 12)]
    [InlineData("Zehntausende", "de", 10000)]
    [InlineData("hundreds", "en", 100)]
    [InlineData("tens of thousands", "en", 10000)]
    [InlineData("hundreds of thousands", "en", 100000)]
    public void Vague_plurals_parse_as_their_round_number_and_say_so(string text, string lang, double expected)
    {
        Assert.True(NumberParser.TryParse(text, lang, out double value, out bool vague), text);
        Assert.Equal(expected, value, 6);
        Assert.True(vague);
        Assert.True(NumberParser.TryParse("dreihundert", "de", out _, out bool exact));
        Assert.False(exact);
    }

    [Theory]
    [InlineData("", "de")]
    [InlineData("Soldaten", "de")]
    [InlineData("achten", "de")]          // a verb built like "acht" + ending
    [InlineData("Einsatz", "de")]
    [InlineData("1.2.3", "de")]
    [InlineData("1,2,3", "en")]
    [InlineData("1.23.456", "de")]
    [InlineData("100 Soldaten", "de")]
    [InlineData("three apples", "en")]
    [InlineData("and", "en")]
    [InlineData("1,", "en")]
    [InlineData("--5", "en")]
    public void Rejects_what_is_not_one_number(string text, string lang)
    {
        Assert.False(NumberParser.TryParse(text, lang, out double v), $"\"{text}\" parsed as {v}");
    }

    [Theory]
    [InlineData("4.", "de", 4)]
    [InlineData("vierte", "de", 4)]
    [InlineData("dritten", "de", 3)]
    [InlineData("erster", "de", 1)]
    [InlineData("siebte", "de", 7)]
    [InlineData("neunzehnte", "de", 19)]
    [InlineData("zwanzigsten", "de", 20)]
    [InlineData("dreiundzwanzigste", "de", 23)]
    [InlineData("hundertste", "de", 100)]
    [InlineData("4th", "en", 4)]
    [InlineData("21st", "en", 21)]
    [InlineData("third", "en", 3)]
    [InlineData("twelfth", "en", 12)]
    [InlineData("sixteenth", "en", 16)]
    [InlineData("fortieth", "en", 40)]
    [InlineData("twenty-first", "en", 21)]
    [InlineData("one hundred twenty-fifth", "en", 125)]
    public void Ordinals(string text, string lang, long expected)
    {
        Assert.True(NumberParser.TryParseOrdinal(text, lang, out long value), text);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("acht", "de")]        // a cardinal, not an ordinal
    [InlineData("Kosten", "de")]
    [InlineData("month", "en")]
    [InlineData("4.", "en")]
    public void Not_ordinals(string text, string lang) => Assert.False(NumberParser.TryParseOrdinal(text, lang, out _), text);

    private static void AssertParses(string text, string lang, double expected)
    {
        Assert.True(NumberParser.TryParse(text, lang, out double value), $"\"{text}\" ({lang}) did not parse");
        Assert.Equal(expected, value, 9);
    }
}
