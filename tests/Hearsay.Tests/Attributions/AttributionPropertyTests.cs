using CsCheck;
using Hearsay.Document;

namespace Hearsay.Tests.Attributions;

/// <summary>Invariants of the attribution layer on generated text: reporting verbs and nouns, frames, names,
/// pronouns, quotation marks (balanced or not) and punctuation in any order, with or without a final full stop,
/// in both languages. Whatever the words, the stage finishes and every span it gives lies inside the text.</summary>
public class AttributionPropertyTests
{
    private static readonly string[] Pieces =
    {
        // English frames
        "said", "says", "told", "tell", "ask", "asked", "according", "to", "added", "that", "who", "which", "reporters",
        "CNN", "the", "a", "report", "claims", "claim", "his", "her", "he", "she", "they", "them", "officials", "sources",
        "spokesman", "for", "in", "statement", "a", "on", "Tuesday", "but", "saying", "as", "quoted", "by", "citing",
        "there", "are", "reports", "it", "is", "believed", "Mr.", "Obama", "American", "Express", "just", "warned",
        // German frames
        "sagte", "sagt", "teilte", "mit", "erklärte", "fügte", "hinzu", "laut", "zufolge", "so", "nach", "Angaben",
        "wie", "der", "die", "das", "dem", "Sprecher", "Ministerium", "es", "heißt", "sei", "habe", "seien", "solle",
        "wonach", "dass", "ob", "Forderung", "Bericht", "berichtete", "demnach", "behauptete", "zumindest", "er", "sie",
        "Korotchenko", "Kim", "Regierung", "Experten", "gab", "bekannt", "worden", "war", "vermutet", "wird",
        // punctuation and marks
        ",", ",", ".", ":", ";", "?", "!", "–", "—", "(", ")", "\"", "„", "“", "»", "«", "'", "\n\n",
    };

    private static readonly Gen<string> Texts =
        Gen.Int[0, Pieces.Length - 1].Array[0, 45].Select(ix => string.Join(' ', ix.Select(i => Pieces[i])));

    [Fact]
    public void Attributions_are_well_formed_in_both_languages()
    {
        var analyzer = new Analyzer();
        Texts.Sample(text =>
        {
            foreach (var lang in new[] { "de", "en" })
            {
                var a = analyzer.AnalyzeText(text, new ArticleMetadata { Language = lang });
                foreach (var x in a.Attributions)
                {
                    string what = $"{x.Kind} attribution with cue '{a.StringOf(x.Cue)}'";
                    InText(a, x.Cue, allowEmpty: true, what);
                    InText(a, x.Content, allowEmpty: false, what);
                    foreach (var part in x.ContentParts) InText(a, part, allowEmpty: false, what);
                    if (x.CueParticle is { } particle) InText(a, particle, allowEmpty: false, what);
                    if (x.Source.Span is { } source) InText(a, source, allowEmpty: false, what);
                    if (x.Medium is { } medium) InText(a, medium, allowEmpty: false, what);
                    if (x.ParentId >= 0) Assert.Contains(a.Attributions, p => p.Id == x.ParentId);
                }
                foreach (var c in a.Claims) InText(a, c.Content, allowEmpty: false, "claim");
            }
        }, iter: 2000);
    }

    private static void InText(Article a, TextSpan span, bool allowEmpty, string what)
    {
        bool inside = span.Start >= 0 && span.End <= a.Text.Length && span.Length >= (allowEmpty ? 0 : 1);
        Assert.True(inside, $"{what}: span {span.Start}..{span.End} is not inside the text (length {a.Text.Length}, language {a.Language}): {a.Text}");
    }
}
