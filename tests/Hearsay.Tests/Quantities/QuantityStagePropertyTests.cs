using CsCheck;
using Hearsay.Document;

namespace Hearsay.Tests.Quantities;

/// <summary>Whatever the text, the stage returns well-formed quantities: inside the text, in order,
/// not overlapping, the number and the counted noun inside the span.</summary>
public class QuantityStagePropertyTests
{
    // Pieces that exercise many rules at once when strung together at random.
    private static readonly string[] DePieces =
    {
        "100.000", "1,3", "Millionen", "Mio.", "fast", "mehr", "als", "zwischen", "und", "bis", "zu", "-", "–", "4", ".", "April",
        "2019", "im", "Jahr", "seit", "Monaten", "Soldat:innen", "„", "“", "Freiwillige", "aktive", "viertgrößte", "Platz", "Prozent",
        "%", "Euro", "€", "dreiundzwanzig", "zwei", "Dutzend", "Hunderte", "Kanal", "Eins", "ein", "S.", "12", "Uhr", ":", "/", "+49",
        "0800", "(", ")", "3-5", "2014-2022", "minus", "der", "die", "Zehntausende", "von", ",", "9.3.2021",
    };

    private static readonly string[] EnPieces =
    {
        "100,000", "1.3", "million", "$", "5bn", "nearly", "more", "than", "between", "and", "to", "-", "4th", "April", "2019",
        "in", "for", "months", "soldiers", "“", "”", "volunteers", "active", "fourth-largest", "place", "percent", "%", "euros",
        "twenty-three", "two", "dozen", "hundreds", "of", "thousands", "tens", "Channel", "One", "a", "page", "12", "p.m.", ":",
        "/", "+1", "555-0143", "(", ")", "3-5", "minus", "the", "were", "killed", ",", "2021-03-09", "half",
    };

    [Theory]
    [InlineData("de")]
    [InlineData("en")]
    public void Quantities_are_well_formed_on_any_text(string lang)
    {
        var pieces = lang == "de" ? DePieces : EnPieces;
        var analyzer = new Analyzer();
        Gen.Int[0, pieces.Length - 1].Array[1, 40].Sample(indices =>
        {
            var text = string.Join(" ", indices.Select(i => pieces[i]));
            var a = analyzer.AnalyzeText(text, new ArticleMetadata { Language = lang });
            int previousEnd = 0;
            foreach (var q in a.Quantities)
            {
                Assert.True(q.Span.Start >= previousEnd, $"overlap or disorder in \"{text}\"");
                Assert.True(q.Span.End <= text.Length && q.Span.Length > 0, text);
                Assert.True(q.Span.Contains(q.Number), $"number outside span in \"{text}\"");
                if (q.Counted is { } c) Assert.True(q.Span.Contains(c), $"counted outside span in \"{text}\"");
                if (q.Qualifier is { } ql) Assert.True(q.Span.Contains(ql), $"qualifier outside span in \"{text}\"");
                if (q.UpperValue is { } up) Assert.True(up > q.Value, $"range upside down in \"{text}\"");
                Assert.False(double.IsNaN(q.Value) || double.IsInfinity(q.Value), text);
                previousEnd = q.Span.End;
            }
        }, iter: 3000);
    }
}
