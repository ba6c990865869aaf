using Hearsay.Attributions;
using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Pipeline;

namespace Hearsay.Hedges;

/// <summary>
/// Adds hedges: lexicon cues (speculation, distancing, uncertainty; hedges.tsv) scoped over their
/// sentence; reporting verbs that keep the author at a distance ("behauptete", "claimed") scoped over
/// the attributed content; and scare quotes: a word or two in quotation marks that no attribution
/// claims as a quote and that is not the name of a work. Each hedge is linked to the attributions
/// whose frame or content holds its cue.
/// </summary>
public sealed class HedgeStage : IStage
{
    public string Name => "hedges";
    public Layers Needs => Layers.Sentences | Layers.Quotations | Layers.Attributions;
    public Layers Adds => Layers.Hedges;

    private static PhraseMatcher<HedgeKind> Matcher(LanguagePack pack) => pack.Compiled("hedge-matcher", p =>
        new PhraseMatcher<HedgeKind>(p.Rows("hedges").Where(r => r.Length >= 2).Select(r => (r[0], r[1] switch
        {
            "speculation" => HedgeKind.Speculation,
            "distancing" => HedgeKind.Distancing,
            "uncertainty" => HedgeKind.Uncertainty,
            _ => throw new FormatException($"Unknown hedge kind '{r[1]}' in hedges.tsv"),
        }))));

    public void Process(Article article, LanguagePack language)
    {
        if (language.IsSupported) LexiconHedges(article, Matcher(language));
        if (language.IsSupported) VerbHedges(article, AttributionLexicon.For(language));
        ScareQuotes(article);
        article.Hedges.Sort((x, y) => x.Cue.Start.CompareTo(y.Cue.Start));
        LinkToAttributions(article);
    }

    private static void LexiconHedges(Article article, PhraseMatcher<HedgeKind> matcher)
    {
        var tokens = article.Tokens;
        foreach (var s in article.Sentences)
        {
            for (int i = s.FirstToken; i < s.EndToken; i++)
            {
                int len = matcher.Match(article.Text, tokens, i, s.EndToken, out var kind);
                if (len == 0) continue;
                // a capitalized cue inside a sentence is a name ("May", "Will"), not a modal
                if (i > s.FirstToken && tokens[i].Has(TokenFlags.Capitalized) && article.Language != "de") continue;
                var cue = article.SpanOfTokens(i, i + len - 1);
                article.Hedges.Add(new Hedge(kind, cue, ScopeOf(article, s)));
                i += len - 1;
            }
        }
    }

    /// <summary>The sentence, without a leading dateline.</summary>
    private static TextSpan ScopeOf(Article article, Sentence s)
    {
        var span = s.Span;
        if (article.Structure.Dateline is { } dl && span.Contains(dl) && dl.End < span.End)
        {
            int t = article.TokenIndexAt(dl.End);
            if (t < s.EndToken) span = TextSpan.FromBounds(article.Tokens[t].Start, span.End);
        }
        return span;
    }

    private static void VerbHedges(Article article, AttributionLexicon lex)
    {
        foreach (var att in article.Attributions)
        {
            if (!lex.Verbs.TryGet(article.Slice(att.Cue), out var forms)) continue;
            if (forms.Any(f => f.Class == CueClass.Claim))
                article.Hedges.Add(new Hedge(HedgeKind.Distancing, att.Cue, att.Content));
        }
    }

    private static void ScareQuotes(Article article)
    {
        var tokens = article.Tokens;
        var text = article.Text;
        foreach (var q in article.Quotations)
        {
            int inner = q.InnerTokenCount;
            if (inner < 1 || inner > 3) continue;
            bool claimed = false;
            foreach (var att in article.Attributions)
            {
                if (att.Content == q.Inner || att.ContentParts.Contains(q.Inner)) { claimed = true; break; }
                if (att.Kind == AttributionKind.Mixed && att.Content.Contains(q.Outer)) { claimed = true; break; }
            }
            if (claimed) continue;
            // Words only: no sentence punctuation inside.
            bool words = true;
            for (int k = q.OpenToken + 1; k < q.CloseToken; k++)
                if (tokens[k].Kind is not (TokenKind.Word or TokenKind.Number)) { words = false; break; }
            if (!words) continue;
            // A title or name in quotes ("die Zeitung „Kommersant“", "the film 'Heat'"): a capitalized word
            // right before, inner words all capitalized.
            int before = q.OpenToken - 1;
            bool allCaps = true;
            for (int k = q.OpenToken + 1; k < q.CloseToken; k++)
                if (!tokens[k].Has(TokenFlags.Capitalized)) { allCaps = false; break; }
            bool namedBefore = before >= 0 && tokens[before].Kind == TokenKind.Word && tokens[before].Has(TokenFlags.Capitalized)
                               && !tokens[before].Has(TokenFlags.ParagraphBefore);
            if (allCaps && namedBefore && article.Language != "de") continue;
            if (allCaps && namedBefore && IsTitleNoun(text.AsSpan(tokens[before].Start, tokens[before].Length))) continue;
            article.Hedges.Add(new Hedge(HedgeKind.ScareQuotes, q.Outer, q.Outer));
        }
    }

    private static bool IsTitleNoun(ReadOnlySpan<char> w) =>
        w.EndsWith("film", StringComparison.OrdinalIgnoreCase) || w.EndsWith("buch", StringComparison.OrdinalIgnoreCase)
        || w.EndsWith("zeitung", StringComparison.OrdinalIgnoreCase) || w.EndsWith("magazin", StringComparison.OrdinalIgnoreCase)
        || w.EndsWith("sendung", StringComparison.OrdinalIgnoreCase) || w.EndsWith("operation", StringComparison.OrdinalIgnoreCase)
        || w.EndsWith("projekt", StringComparison.OrdinalIgnoreCase) || w.EndsWith("titel", StringComparison.OrdinalIgnoreCase)
        || w.EndsWith("serie", StringComparison.OrdinalIgnoreCase) || w.EndsWith("lied", StringComparison.OrdinalIgnoreCase);

    private static void LinkToAttributions(Article article)
    {
        for (int h = 0; h < article.Hedges.Count; h++)
        {
            var cue = article.Hedges[h].Cue;
            foreach (var att in article.Attributions)
            {
                int si = article.SentenceIndexAt(att.Cue.Start);
                var frame = si >= 0 ? article.Sentences[si].Span : att.Cue;
                if (att.Content.Contains(cue) || (frame.Contains(cue) && !att.Content.Contains(cue) && frame.Overlaps(cue)))
                    att.Hedges.Add(h);
            }
        }
    }
}
