using System.Globalization;
using System.Text;
using CsCheck;
using Hearsay.Quantities;

namespace Hearsay.Tests.Quantities;

/// <summary>Properties of the number parser over generated inputs.</summary>
public class NumberParserPropertyTests
{
    /// <summary>Formats a value the way German or English text writes it: thousands grouped (or not),
    /// the language's decimal mark, optionally no-break spaces as the group separator.</summary>
    private static string Format(long integer, int fraction, int fractionDigits, string lang, int grouping)
    {
        string digits = integer.ToString(CultureInfo.InvariantCulture);
        char group = grouping switch
        {
            0 => '\0',
            1 => lang == "de" ? '.' : ',',
            2 => '\u00A0',
            _ => '\u202F',
        };
        var sb = new StringBuilder();
        for (int i = 0; i < digits.Length; i++)
        {
            if (group != '\0' && i > 0 && (digits.Length - i) % 3 == 0) sb.Append(group);
            sb.Append(digits[i]);
        }
        if (fractionDigits > 0)
        {
            sb.Append(lang == "de" ? ',' : '.');
            sb.Append(fraction.ToString(CultureInfo.InvariantCulture).PadLeft(fractionDigits, '0'));
        }
        return sb.ToString();
    }

    private static double Expected(long integer, int fraction, int fractionDigits) =>
        double.Parse(fractionDigits == 0
            ? integer.ToString(CultureInfo.InvariantCulture)
            : integer.ToString(CultureInfo.InvariantCulture) + "." + fraction.ToString(CultureInfo.InvariantCulture).PadLeft(fractionDigits, '0'),
            CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public void Formatting_a_value_in_the_languages_style_and_parsing_it_gives_the_value(string lang)
    {
        var gen = Gen.Select(Gen.Long[0, 999_999_999_999L], Gen.Int[0, 2], Gen.Int[0, 3], Gen.Int[0, 999])
            .Select((integer, fd, grouping, raw) =>
            {
                int fractionDigits = fd == 0 ? 0 : fd;
                int fraction = fractionDigits switch { 0 => 0, 1 => raw % 10, 2 => raw % 100, _ => raw };
                return (integer, fraction, fractionDigits, grouping);
            });
        gen.Sample(t =>
        {
            var text = Format(t.integer, t.fraction, t.fractionDigits, lang, t.grouping);
            Assert.True(NumberParser.TryParse(text, lang, out double value), $"'{text}' did not parse");
            Assert.Equal(Expected(t.integer, t.fraction, t.fractionDigits), value);
        }, iter: 5000);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public void A_scale_word_multiplies_the_digits(string lang)
    {
        Gen.Select(Gen.Int[1, 999], Gen.Int[0, 9], Gen.Int[0, 2]).Sample((whole, tenth, scaleIndex) =>
        {
            string[] scales = lang == "de" ? new[] { "Tausend", "Millionen", "Milliarden" } : new[] { "thousand", "million", "billion" };
            double factor = scaleIndex switch { 0 => 1e3, 1 => 1e6, _ => 1e9 };
            string number = tenth == 0 ? $"{whole}" : $"{whole}{(lang == "de" ? ',' : '.')}{tenth}";
            Assert.True(NumberParser.TryParse($"{number} {scales[scaleIndex]}", lang, out double value));
            Assert.Equal((whole * 10 + tenth) * factor / 10, value, 3);
        }, iter: 2000);
    }

    [Fact]
    public void English_number_words_read_back_as_their_value()
    {
        Gen.Long[0, 999_999_999].Sample(n =>
        {
            var words = SpellEnglish(n);
            Assert.True(NumberParser.TryParse(words, "en", out double value), $"'{words}' did not parse");
            Assert.Equal(n, value);
        }, iter: 3000);
    }

    [Fact]
    public void German_number_words_read_back_as_their_value()
    {
        Gen.Long[1, 999_999_999].Sample(n =>
        {
            var words = SpellGerman(n);
            Assert.True(NumberParser.TryParse(words, "de", out double value), $"'{words}' did not parse");
            Assert.Equal(n, value);
        }, iter: 3000);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public void Parsing_never_throws_on_arbitrary_text(string lang)
    {
        Gen.String.Sample(s =>
        {
            NumberParser.TryParse(s, lang, out _);
            NumberParser.TryParseOrdinal(s, lang, out _);
        }, iter: 5000);
        // text made of the characters numbers are made of, where the tricky cases live
        Gen.Char["0123456789.,- \u00A0/eEkmbnMioTsdauzwhrt"].Array[0, 24].Select(c => new string(c)).Sample(s =>
        {
            if (NumberParser.TryParse(s, lang, out double v)) Assert.False(double.IsNaN(v), s);
        }, iter: 5000);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public void A_misplaced_group_separator_is_not_a_number(string lang)
    {
        char group = lang == "de" ? '.' : ',';
        // two group marks with a run of other than three digits between them (but not the Indian English
        // grouping "12,34,567", one or two digits then pairs, which reads as a number in English)
        Gen.Select(Gen.Int[1, 999], Gen.Int[1, 9999], Gen.Int[0, 999]).Where((a, b, c) => b.ToString(CultureInfo.InvariantCulture).Length != 3)
            .Where((a, b, c) => !(lang == "en" && a < 100 && b is >= 10 and < 100))
            .Sample((a, b, c) =>
            {
                var text = $"{a}{group}{b}{group}{c:D3}";
                Assert.False(NumberParser.TryParse(text, lang, out double v), $"'{text}' parsed as {v}");
            }, iter: 2000);
    }

    // ---- spellers written for these tests

    private static readonly string[] EnUnits = { "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen" };
    private static readonly string[] EnTens = { "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety" };

    private static string SpellEnglish(long n)
    {
        if (n == 0) return "zero";
        var parts = new List<string>();
        foreach (var (scale, name) in new[] { (1_000_000L, "million"), (1_000L, "thousand") })
        {
            if (n >= scale) { parts.Add(EnglishBelowThousand(n / scale) + " " + name); n %= scale; }
        }
        if (n > 0) parts.Add(EnglishBelowThousand(n));
        return string.Join(" ", parts);
    }

    private static string EnglishBelowThousand(long n)
    {
        var sb = new StringBuilder();
        if (n >= 100) { sb.Append(EnUnits[n / 100]).Append(" hundred"); n %= 100; if (n > 0) sb.Append(" and "); }
        if (n >= 20) { sb.Append(EnTens[n / 10]); if (n % 10 > 0) sb.Append('-').Append(EnUnits[n % 10]); }
        else if (n > 0) sb.Append(EnUnits[n]);
        return sb.ToString();
    }

    private static readonly string[] DeUnits = { "", "eins", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun", "zehn",
        "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn", "siebzehn", "achtzehn", "neunzehn" };
    private static readonly string[] DeTens = { "", "", "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig" };

    private static string SpellGerman(long n)
    {
        var parts = new List<string>();
        if (n >= 1_000_000)
        {
            long m = n / 1_000_000;
            parts.Add(m == 1 ? "eine Million" : GermanBelowThousand(m, final: true) + " Millionen");
            n %= 1_000_000;
        }
        var sb = new StringBuilder();
        if (n >= 1000) { sb.Append(GermanBelowThousand(n / 1000, final: false)).Append("tausend"); n %= 1000; }
        if (n > 0) sb.Append(GermanBelowThousand(n, final: true));
        if (sb.Length > 0) parts.Add(sb.ToString());
        return string.Join(" ", parts);
    }

    /// <summary>1-999 as one German word; "eins" only at the very end ("einundzwanzig", "hunderteins").</summary>
    private static string GermanBelowThousand(long n, bool final)
    {
        var sb = new StringBuilder();
        if (n >= 100) { sb.Append(n / 100 == 1 ? "ein" : DeUnits[n / 100]).Append("hundert"); n %= 100; }
        if (n >= 20)
        {
            if (n % 10 > 0) sb.Append(n % 10 == 1 ? "ein" : DeUnits[n % 10]).Append("und");
            sb.Append(DeTens[n / 10]);
        }
        else if (n > 0) sb.Append(n == 1 && !final ? "ein" : DeUnits[n]);
        return sb.ToString();
    }
}
