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
            // The verb the attribution found, not every verb sharing its stem form: "gab … bekannt" is neutral,
            // only "gab … vor" keeps the author at a distance.
            var particle = att.CueParticle is { } p ? article.Slice(p) : default;
            bool claim = false;
            foreach (var f in forms)
                if (f.Class == CueClass.Claim && (f.Particle is null ? particle.IsEmpty : particle.Equals(f.Particle, StringComparison.OrdinalIgnoreCase)))
                    claim = true;
            if (claim)
                article.Hedges.Add(new Hedge(HedgeKind.Distancing, att.Cue, att.Content));
        }
    }

    private static void ScareQuotes(Article article)
    {
        var tokens = article.Tokens;
        var text = article.Text;
        // Quotations an attribution claims: its content or a part of it, or any quote inside a mixed one.
        var claimedSpans = new HashSet<TextSpan>();
        var insideMixed = new bool[tokens.Length];
        foreach (var att in article.Attributions)
        {
            claimedSpans.Add(att.Content);
            foreach (var part in att.ContentParts) claimedSpans.Add(part);
            if (att.Kind != AttributionKind.Mixed) continue;
            for (int k = article.TokenIndexAt(att.Content.Start); k < tokens.Length && tokens[k].Start < att.Content.End; k++) insideMixed[k] = true;
        }
        foreach (var q in article.Quotations)
        {
            int inner = q.InnerTokenCount;
            if (inner < 1 || inner > 3) continue;
            if (claimedSpans.Contains(q.Inner) || insideMixed[q.OpenToken] || ClaimedTrimmed(article, q, claimedSpans)) continue;
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

    /// <summary>A quote whose content an attribution took without a trailing comma ("…," she said).</summary>
    private static bool ClaimedTrimmed(Article article, Quotation q, HashSet<TextSpan> claimed)
    {
        int last = q.CloseToken - 1;
        while (last > q.OpenToken + 1 && article.Text[article.Tokens[last].Start] == ',') last--;
        return last > q.OpenToken && claimed.Contains(article.SpanOfTokens(q.OpenToken + 1, last));
    }

    /// <summary>Links each attribution to the hedges in its content or in its attributing sentence. Hedges are
    /// sorted by cue start, so each attribution looks only at the hedges in its own range.</summary>
    private static void LinkToAttributions(Article article)
    {
        var hedges = article.Hedges;
        foreach (var att in article.Attributions)
        {
            int si = article.SentenceIndexAt(att.Cue.Start);
            var frame = si >= 0 ? article.Sentences[si].Span : att.Cue;
            int from = Math.Min(frame.Start, att.Content.Start), to = Math.Max(frame.End, att.Content.End);
            int lo = 0, hi = hedges.Count;
            while (lo < hi) { int mid = (lo + hi) >> 1; if (hedges[mid].Cue.Start < from) lo = mid + 1; else hi = mid; }
            for (int h = lo; h < hedges.Count && hedges[h].Cue.Start < to; h++)
            {
                var cue = hedges[h].Cue;
                if (att.Content.Contains(cue) || frame.Contains(cue)) att.Hedges.Add(h);
            }
        }
    }
}
