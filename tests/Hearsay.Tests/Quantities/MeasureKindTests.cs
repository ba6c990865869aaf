using Hearsay.Document;
using static Hearsay.Tests.Quantities.QuantityFixture;

namespace Hearsay.Tests.Quantities;

/// <summary>Ages, temperatures and angles, rates, amounts in two units, currencies written before or after
/// the number, units in brackets: the unit decides what a measure is.</summary>
public class MeasureKindTests
{
    [Theory]
    [InlineData("Die Angeklagte ist 34 Jahre alt.", "de", "34 Jahre alt", 34, "year")]
    [InlineData("Ein 52-jähriger Mann wurde festgenommen.", "de", "52-jähriger", 52, "year")]
    [InlineData("Die 19-Jährige meldete sich bei der Polizei.", "de", "19-Jährige", 19, "year")]
    [InlineData("Er starb im Alter von 81 Jahren.", "de", "im Alter von 81 Jahren", 81, "year")]
    [InlineData("The suspect is 34 years old.", "en", "34 years old", 34, "year")]
    [InlineData("A 52-year-old man was arrested.", "en", "52-year-old", 52, "year")]
    [InlineData("The calf was six weeks of age.", "en", "six weeks of age", 6, "week")]
    [InlineData("The singer, aged 81, died on Sunday.", "en", "aged 81", 81, "year")]
    public void Ages(string text, string lang, string span, double value, string unit)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(QuantityKind.Age, q.Kind);
        Assert.Equal(value, q.Value);
        Assert.Equal(unit, q.Unit);
    }

    [Theory]
    [InlineData("Die Strafe umfasst eine 5-jährige Haft.", "de", "5-jährige")]
    [InlineData("Das Abkommen ist zehn Jahre gültig.", "de", "zehn Jahre")]
    [InlineData("The ban lasts ten years.", "en", "ten years")]
    public void A_time_span_is_no_age(string text, string lang, string span)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(QuantityKind.Duration, q.Kind);
    }

    [Theory]
    [InlineData("In Köln wurden 38 Grad Celsius gemessen.", "de", "38 Grad Celsius", 38, "°C")]
    [InlineData("In Köln wurden 38 °C gemessen.", "de", "38 °C", 38, "°C")]
    [InlineData("In Köln waren es 100 Grad Fahrenheit.", "de", "100 Grad Fahrenheit", 100, "°F")]
    [InlineData("Phoenix hit 118 degrees Fahrenheit.", "en", "118 degrees Fahrenheit", 118, "°F")]
    [InlineData("Phoenix hit 48 celsius at noon.", "en", "48 celsius", 48, "°C")]
    [InlineData("The pond froze at 3 deg F.", "en", "3 deg F", 3, "°F")]
    public void Temperatures(string text, string lang, string span, double value, string unit)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(QuantityKind.Measure, q.Kind);
        Assert.Equal(value, q.Value);
        Assert.Equal(unit, q.Unit);
    }

    [Theory]
    [InlineData("Der Kran schwenkt in einem 30 Grad Winkel.", "de", "30 Grad")]
    [InlineData("The arm turned 45 degrees to the left.", "en", "45 degrees")]
    [InlineData("The panel was rotated 90° to the left.", "en", "90°")]
    public void Degrees_next_to_an_angle_word_are_an_angle(string text, string lang, string span)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal("deg", q.Unit);
    }

    [Theory]
    [InlineData("Der Zug fuhr mit 230 Kilometern pro Stunde.", "de", "230 Kilometern pro Stunde", "km/h")]
    [InlineData("The train ran at 140 kilometers per hour.", "en", "140 kilometers per hour", "km/h")]
    [InlineData("The probe moved at 12 km/s.", "en", "12 km/s", "km/s")]
    public void Rates(string text, string lang, string span, string unit)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(unit, q.Unit);
    }

    [Theory]
    [InlineData("Das Ticket kostet vier Euro und zwanzig Cent.", "de", "vier Euro und zwanzig Cent", 4.2, "EUR")]
    [InlineData("Das Ticket kostet 4 Euro 20.", "de", "4 Euro 20", 4.2, "EUR")]
    [InlineData("The ticket costs 4 dollars and 20 cents.", "en", "4 dollars and 20 cents", 4.2, "USD")]
    [InlineData("The fence is 6 feet 6 inches tall.", "en", "6 feet 6 inches", 6.5, "ft")]
    public void Amounts_in_two_units(string text, string lang, string span, double value, string unit)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(value, q.Value, 6);
        Assert.Equal(unit, q.Unit);
    }

    [Fact]
    public void A_decimal_amount_takes_no_further_cents()
    {
        var qs = All("It costs $4.25 and 32 people paid.", "en");
        Assert.Contains(qs, q => q.Kind == QuantityKind.Money && q.Value == 4.25);
    }

    [Theory]
    [InlineData("The fund raised C$ 12 million.", "en", "C$ 12 million", 12_000_000, "CAD")]
    [InlineData("The fund raised HK$3 billion.", "en", "HK$3 billion", 3_000_000_000, "HKD")]
    [InlineData("Sales reached 45 MEUR last year.", "en", "45 MEUR", 45_000_000, "EUR")]
    [InlineData("The voucher is worth USD250.", "en", "USD250", 250, "USD")]
    [InlineData("He owes 40 lakh rupees.", "en", "40 lakh rupees", 4_000_000, "INR")]
    [InlineData("Der Fonds sammelte 12 Millionen kanadische Dollar.", "de", "12 Millionen kanadische Dollar", 12_000_000, "CAD")]
    [InlineData("Hast du einen Euro?", "de", "einen Euro", 1, "EUR")]
    public void Currencies(string text, string lang, string span, double value, string unit)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(QuantityKind.Money, q.Kind);
        Assert.Equal(value, q.Value);
        Assert.Equal(unit, q.Unit);
    }

    [Theory]
    [InlineData("Der Konzern verlor 1,2 Milliarden Pfund.", "de", "1,2 Milliarden Pfund", QuantityKind.Money, "GBP")]
    [InlineData("Sie kaufte 2 Pfund Kartoffeln.", "de", "2 Pfund", QuantityKind.Measure, "lb")]
    [InlineData("The bank lost 1.2 billion pounds.", "en", "1.2 billion pounds", QuantityKind.Money, "GBP")]
    [InlineData("The parcel weighs 12 pounds.", "en", "12 pounds", QuantityKind.Measure, "lb")]
    public void Pounds_are_money_after_a_scale_and_weight_otherwise(string text, string lang, string span, QuantityKind kind, string unit)
    {
        var (_, q) = Find(text, lang, span);
        Assert.Equal(kind, q.Kind);
        Assert.Equal(unit, q.Unit);
    }

    [Theory]
    [InlineData("Gewicht: 20 (kg)", "de", 20, "kg")]
    [InlineData("Load: 20 [kg]", "en", 20, "kg")]
    [InlineData("Die Fläche misst 12m^2.", "de", 12, "m2")]
    public void Units_in_brackets_and_with_a_power(string text, string lang, double value, string unit)
    {
        var q = Assert.Single(All(text, lang), x => x.Kind == QuantityKind.Measure);
        Assert.Equal(value, q.Value);
        Assert.Equal(unit, q.Unit);
    }

    [Fact]
    public void A_capital_letter_after_digits_is_a_scale_not_a_unit()
    {
        var q = Assert.Single(All("The club paid 10M for him.", "en"));
        Assert.Equal(10_000_000, q.Value);
        Assert.NotEqual(QuantityKind.Measure, q.Kind);
    }
}
