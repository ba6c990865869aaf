using CsCheck;
using Hearsay.Document;

namespace Hearsay.Tests.Entities;

/// <summary>Invariants of the entity layer on generated text made of names, inflected names, nouns,
/// function words and punctuation, in both languages.</summary>
public class EntityPropertyTests
{
    private static readonly string[] Pieces =
    {
        "Nordkorea", "Nordkoreas", "russischen", "Russland", "Kreml", "Moskau", "Moskaus", "Kiew", "Pjöngjang",
        "New", "York", "Post", "Council", "for", "on", "Foreign", "Relations", "Igor", "Korotchenko", "Korotchenkos",
        "Kim", "Jong-un", "Jong-uns", "Putin's", "Wladimir", "Putin", "Donbass-Region", "Ostukraine", "Ukraine-Krieg",
        "russisch-ukrainischen", "Institut", "für", "Weltwirtschaft", "GmbH", "Inc.", "University", "of", "Senator",
        "Militärexperte", "Frau", "sagte", "said", "plane", "has", "in", "der", "die", "the", "und", "and", "von",
        "van", "al-Assad", "Regierung", "Bild", "Spiegel", "„", "“", "\"", ",", ".", "–", "(", ")", "IfW", "\n\n",
        "Hillary", "Clinton", "Wins", "Tower", "Paris", "Agreement", "East", "Africa", "Mount", "Kenya", "River",
        "Nato-Gipfel", "EU-weit", "Film", "Weltkrieg",
    };

    private static readonly Gen<string> Texts =
        Gen.Int[0, Pieces.Length - 1].Array[0, 40].Select(ix => string.Join(' ', ix.Select(i => Pieces[i])));

    [Fact]
    public void Mentions_are_well_formed_in_both_languages()
    {
        var analyzer = new Analyzer();
        Texts.Sample(text =>
        {
            foreach (var lang in new[] { "de", "en" })
            {
                var a = analyzer.AnalyzeText(text, new ArticleMetadata { Language = lang });
                int lastStart = -1, lastNameEnd = -1;
                for (int i = 0; i < a.Mentions.Count; i++)
                {
                    var m = a.Mentions[i];
                    Assert.InRange(m.Span.Start, 0, a.Text.Length);
                    Assert.InRange(m.Span.End, m.Span.Start + 1, a.Text.Length);
                    Assert.True(m.Span.Start >= lastStart, "mentions in text order");
                    lastStart = m.Span.Start;
                    Assert.InRange(m.EntityId, 0, a.Entities.Count - 1);
                    Assert.Contains(i, a.Entities[m.EntityId].Mentions);
                    // Names do not overlap each other; descriptions and pronouns (from coreference) may hold a name.
                    if (m.Kind is MentionKind.Name or MentionKind.PartialName or MentionKind.Metonym or MentionKind.Modifier)
                    {
                        Assert.True(lastNameEnd <= m.Span.Start, "name mentions do not overlap");
                        lastNameEnd = m.Span.End;
                    }
                }
                for (int e = 0; e < a.Entities.Count; e++)
                {
                    Assert.Equal(e, a.Entities[e].Id);
                    Assert.NotEmpty(a.Entities[e].Mentions);
                    Assert.False(string.IsNullOrWhiteSpace(a.Entities[e].Canonical));
                }
            }
        }, iter: 300);
    }
}
