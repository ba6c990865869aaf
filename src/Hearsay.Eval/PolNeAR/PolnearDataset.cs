using System.Text;
using Hearsay.Document;

namespace Hearsay.Eval.PolNeAR;

/// <summary>
/// PolNeAR (attribution relations in US political news, English). Each article's text (first line: the
/// title) is analyzed as English. Hearsay's attributions give Source (the source span), Cue (the cue, and
/// the particle as a second fragment) and Content (the content parts; a direct quote with its marks, as
/// PolNeAR includes them). Scored per role as in the PARC line of work, for Source, Cue and Content and for all
/// roles pooled: exact match of distinct spans, token overlap (tokens covered by both, over the tokens each side
/// covers, as Citron's evaluation of PARC 3.0 computes its "overlap" figures), and span overlap (a span
/// counts when it shares a character with one of the other side).
/// When several annotators did an article, the first annotator's file in file-name order is the gold.
/// </summary>
public sealed class PolnearDataset : IEvalDataset
{
    public const string Id = "polnear";
    public string Name => Id;
    public string SplitName(SplitChoice choice) => choice == SplitChoice.Dev ? "dev" : "test";

    public DatasetReport Run(EvalContext context, string split)
    {
        var folder = context.Data.Require(Id, split);
        context.Data.Require(Id, split, "text");
        context.Data.Require(Id, split, "attributions");
        var report = new DatasetReport();
        var exact = BratReader.Roles.ToDictionary(r => r, _ => new SpanCounts());
        var overlap = BratReader.Roles.ToDictionary(r => r, _ => new SpanCounts());
        var tokens = BratReader.Roles.ToDictionary(r => r, _ => new Prf());
        var relations = new SpanCounts();
        var outDir = context.PredictionsFolder(Id, split);
        int docs = 0;
        var articles = context.Limited(BratReader.Articles(folder)).Select(a => BratReader.Read(a.TextPath, a.AnnPath, a.Annotator));
        foreach (var (gold, article) in context.AnalyzeAll(articles, a => a.Text, "en"))
        {
            docs++;
            var sys = Map(article);
            var tokenSpans = Array.ConvertAll(article.Tokens, t => t.Span);
            foreach (var role in BratReader.Roles)
            {
                var g = gold.Spans[role];
                var s = sys.Select(r => role == "Source" ? r.Source : role == "Cue" ? r.Cue : r.Content)
                    .OfType<FragmentSpan>().Distinct().ToList();
                var e = exact[role]; e.Add(SpanCounts.Exact(g, s)); exact[role] = e;
                var o = overlap[role]; o.Add(SpanCounts.Overlap(g, s)); overlap[role] = o;
                var t = tokens[role]; t.Add(SpanCounts.TokenOverlap(tokenSpans, g, s)); tokens[role] = t;
                Classify(report.Errors, gold, role, g, s);
            }
            relations.Add(RelationsExact(gold.Relations, sys));
            if (outDir is not null) WriteAnn(Path.Combine(outDir, gold.Name + ".ann"), gold.Text, sys);
        }
        report.Documents = docs;
        const string task = "attribution relations";
        SpanCounts All(Dictionary<string, SpanCounts> d) { var c = new SpanCounts(); foreach (var v in d.Values) c.Add(v); return c; }
        var allTokens = new Prf();
        foreach (var v in tokens.Values) allTokens.Add(v);
        // The pair: exact-span F1 and token-overlap F1; the span-level partial match stays as a third view.
        report.Rows.Add(MetricRow.Prf(Id, task, split, "All roles (token overlap)", allTokens, docs));
        report.Rows.Add(All(exact).Row(Id, task, split, "All roles (exact)", docs));
        report.Rows.Add(All(overlap).Row(Id, task, split, "All roles (span overlap)", docs));
        report.Rows.Add(relations.Row(Id, task, split, "Relations (exact)", docs));
        foreach (var role in BratReader.Roles)
        {
            report.Rows.Add(MetricRow.Prf(Id, task, split, $"{role} (token overlap)", tokens[role], docs));
            report.Rows.Add(exact[role].Row(Id, task, split, $"{role} (exact)", docs));
            report.Rows.Add(overlap[role].Row(Id, task, split, $"{role} (span overlap)", docs));
        }
        return report;
    }

    /// <summary>A relation as one span for exact matching: its cue, source and content together (Citron's
    /// "all quote spans exact": a relation counts only when all three match; no source on both sides matches).</summary>
    public static SpanCounts RelationsExact(IEnumerable<BratRelation> gold, IEnumerable<BratRelation> sys)
    {
        static HashSet<string> Keys(IEnumerable<BratRelation> rs) =>
            rs.Where(r => r.Cue is not null && r.Content is not null).Select(r => $"{r.Cue!.Key}|{r.Source?.Key}|{r.Content!.Key}").ToHashSet(StringComparer.Ordinal);
        var g = Keys(gold);
        var s = Keys(sys);
        long both = s.Count(g.Contains);
        return new SpanCounts { SysMatched = both, SysTotal = s.Count, GoldMatched = both, GoldTotal = g.Count };
    }

    /// <summary>PolNeAR's cue includes the auxiliaries before the verb ("has learned", "will say").</summary>
    private static List<TextSpan> PolnearCue(Article article, Attribution att)
    {
        var spans = HearsaySpans.Cue(att);
        int t = article.TokenIndexAt(att.Cue.Start);
        int first = t;
        // auxiliaries, modals and negation, with adverbs between them ("has long said", "could not resist", "isn't saying")
        for (int j = t - 1; j >= 0 && t - j <= 5; j--)
        {
            if (IsAuxiliary(article, j)) { first = j; continue; }
            if (IsCueAdverb(article, j)) { first = j; continue; }   // "frequently mocked", "then pointed out", "now says"
            break;
        }
        if (first < t) spans[0] = TextSpan.FromBounds(article.Tokens[first].Start, att.Cue.End);
        // ... the time right after it ("said Friday", "said then", "said last week")
        int after = article.TokenIndexAt((att.CueParticle ?? att.Cue).End);
        int tail = CueTail(article, after);
        if (tail > after)
        {
            spans[^1] = TextSpan.FromBounds(spans[^1].Start, article.Tokens[tail - 1].End);
        }
        // ... and a colon right after it ("continued:", "writing:")
        int last = article.TokenIndexAt(spans[^1].End);
        if (last < article.Tokens.Length && article.Tokens[last].Start == (att.CueParticle ?? att.Cue).End && article.Text[article.Tokens[last].Start] == ':')
            spans[^1] = TextSpan.FromBounds(spans[^1].Start, article.Tokens[last].End);
        return spans;
    }

    private static bool IsContentPreposition(ReadOnlySpan<char> w) => w is "about" or "against" or "with" or "for" or "on";

    private static readonly string[] Weekdays = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };

    /// <summary>The end (exclusive token) of what PolNeAR counts into the cue after the verb: a weekday (with "morning",
    /// "afternoon", "evening", "night"), "then", "later", "last week/month/year". Returns <paramref name="k"/> when none
    /// follows. (Its annotators are divided on a medium phrase there, "said in an interview": counting it in lost on dev.)</summary>
    private static int CueTail(Article a, int k)
    {
        int start = k;
        var tokens = a.Tokens;
        while (k < tokens.Length)
        {
            var w = a.Slice(tokens[k]);
            if (Array.IndexOf(Weekdays, w.ToString()) >= 0)
            {
                k++;
                if (k < tokens.Length && a.Slice(tokens[k]) is "morning" or "afternoon" or "evening" or "night") k++;
                continue;
            }
            if (k == start && w is "then" or "later") { k++; continue; }
            if (w is "last" && k + 1 < tokens.Length && a.Slice(tokens[k + 1]) is "week" or "month" or "year") { k += 2; continue; }
            break;
        }
        return k;
    }

    private static bool InsideQuotation(Article article, TextSpan cue)
    {
        foreach (var q in article.Quotations) if (q.Inner.Contains(cue)) return true;
        return false;
    }

    /// <summary>PolNeAR's source keeps the comma that closes an apposition before the cue ("Rendell, a Clinton
    /// surrogate, said"): a source with a comma inside, followed by a comma, then the cue.</summary>
    private static TextSpan PolnearSource(Article article, TextSpan source, TextSpan cue)
    {
        if (cue.Start < source.End || article.Text.AsSpan(source.Start, source.Length).IndexOf(',') < 0) return source;
        int t = article.TokenIndexAt(source.End);
        if (t < article.Tokens.Length && article.Tokens[t].Start == source.End && article.Text[article.Tokens[t].Start] == ',' && article.Tokens[t].Length == 1)
            return TextSpan.FromBounds(source.Start, article.Tokens[t].End);
        return source;
    }

    private static bool IsAuxiliary(Article a, int token)
    {
        var w = a.Slice(a.Tokens[token]);
        foreach (var aux in Auxiliaries)
            if (w.Equals(aux, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static readonly string[] Auxiliaries =
    {
        "has", "have", "had", "will", "would", "is", "are", "was", "were", "did", "does", "do", "also",
        "can", "could", "may", "might", "should", "must", "shall", "been", "be", "not", "n't", "isn't", "wasn't", "won't",
        "doesn't", "didn't", "hasn't", "haven't", "wouldn't", "can't", "couldn't", "isn’t", "wasn’t", "won’t", "doesn’t",
        "didn’t", "hasn’t", "haven’t", "wouldn’t", "can’t", "couldn’t", "’s", "'s",
    };

    /// <summary>An adverb that may stand between an auxiliary and the cue ("has long said", "is once again questioning").</summary>
    private static bool IsCueAdverb(Article a, int token)
    {
        var w = a.Slice(a.Tokens[token]);
        if (w.Length > 3 && w.EndsWith("ly", StringComparison.Ordinal) && char.IsLower(w[0])) return true;
        foreach (var adv in new[] { "long", "still", "never", "again", "once", "already", "even", "just", "then", "repeatedly", "also", "first", "now", "later", "further", "often", "almost" })
            if (w.Equals(adv, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Hearsay's attributions as relations of character spans.</summary>
    public static List<BratRelation> Map(Article article)
    {
        var list = new List<BratRelation>();
        // PolNeAR has one relation per cue: a quotation continued in later sentences by the same speaker (Hearsay
        // keeps one attribution per stretch, sharing the cue) is one relation with a discontinuous content.
        var merged = new Dictionary<(TextSpan Cue, TextSpan? Source), List<TextSpan>>();
        var order = new List<Attribution>();
        foreach (var att in article.Attributions)
        {
            // PolNeAR gives every token at most one role, so a statement quoted inside another speaker's quotation
            // ("I think …" in a quote) is not annotated: 0.3% of the cues of its train split lie inside quotation marks.
            if (InsideQuotation(article, att.Cue)) continue;
            var key = (att.Cue, att.Source.Span);
            if (!merged.TryGetValue(key, out var parts)) { merged[key] = parts = new List<TextSpan>(); order.Add(att); }
            parts.AddRange(HearsaySpans.Content(article, att, quoteMarks: true));
        }
        foreach (var att in order)
        {
            var contentParts = merged[(att.Cue, att.Source.Span)].OrderBy(p => p.Start).ToList();
            // PolNeAR's content of a summarized speech act is what follows the cue ("called [the charges unfounded]");
            // Hearsay's is the whole clause, as the German news corpora annotate it.
            if (att.Kind == AttributionKind.Reported)
            {
                int from = (att.CueParticle ?? att.Cue).End;
                contentParts = contentParts.Where(p => p.End > from).Select(p => TextSpan.FromBounds(Math.Max(p.Start, from + 1), p.End)).ToList();
            }
            // ... and ends before the sentence's final period, which a summarized speech act's clause keeps
            if (att.Kind != AttributionKind.Direct && contentParts.Count > 0 && contentParts[^1] is var lastPart && lastPart.Length > 1
                && article.Text[lastPart.End - 1] == '.' && article.TokenIndexAt(lastPart.End - 1) is var pt && pt < article.Tokens.Length
                && article.Tokens[pt].Start == lastPart.End - 1 && article.Tokens[pt].Length == 1)
                contentParts[^1] = TextSpan.FromBounds(lastPart.Start, lastPart.End - 1);
            var cueSpans = PolnearCue(article, att);
            // PolNeAR's cue takes the preposition that opens the content of a summarized act ("complained about",
            // "warned against", "accused her of", "described as")
            if (att.Kind != AttributionKind.Direct && contentParts.Count > 0 && article.TokenIndexAt(contentParts[0].Start) is var ft && ft + 1 < article.Tokens.Length
                && article.Tokens[ft].Start == contentParts[0].Start && IsContentPreposition(article.Slice(article.Tokens[ft]))
                && string.IsNullOrWhiteSpace(article.Text[cueSpans[^1].End..contentParts[0].Start]) && article.Tokens[ft + 1].Start < contentParts[0].End)
            {
                cueSpans[^1] = TextSpan.FromBounds(cueSpans[^1].Start, article.Tokens[ft].End);
                contentParts[0] = TextSpan.FromBounds(article.Tokens[ft + 1].Start, contentParts[0].End);
            }
            var content = new FragmentSpan(contentParts, article.Text);
            var cue = new FragmentSpan(cueSpans, article.Text);
            var source = att.Source.Span is { } s ? new FragmentSpan(new[] { PolnearSource(article, s, att.Cue) }, article.Text) : null;
            if (content.IsEmpty || cue.IsEmpty) continue;
            list.Add(new BratRelation(source is null ? "Attribution-no-source" : "Attribution", source, cue, content));
        }
        return list;
    }

    private static void Classify(ErrorLog log, PolnearArticle doc, string role, List<FragmentSpan> gold, List<FragmentSpan> sys)
    {
        string T(FragmentSpan f) => string.Join(" … ", f.Parts.Select(p => doc.Text[p.Start..p.End])).ReplaceLineEndings(" ");
        foreach (var g in gold)
        {
            var hit = sys.FirstOrDefault(g.Overlaps);
            if (hit is null)
            {
                log.Add($"missed {role}", () => $"{Excerpt.Of(doc.Text, g.Start, g.End)} ({doc.Name})");
                if (role == "Cue")
                {
                    var words = T(g).ToLowerInvariant();
                    if (words.Split(' ').Length <= 3) log.Add($"missed cue «{words}»", () => $"{Excerpt.Of(doc.Text, g.Start, g.End)} ({doc.Name})");
                }
            }
            else if (!hit.Equals(g))
            {
                string how = hit.Start <= g.Start && hit.End >= g.End ? "too long" : hit.Start >= g.Start && hit.End <= g.End ? "too short" : "shifted";
                log.Add($"{role} span {how}", () => $"gold «{Short(T(g))}» vs Hearsay «{Short(T(hit))}» ({doc.Name})");
            }
        }
        foreach (var s in sys)
            if (!gold.Any(s.Overlaps))
                log.Add($"spurious {role}", () => $"{Excerpt.Of(doc.Text, s.Start, s.End)} ({doc.Name})");
    }

    private static string Short(string s) => s.Length > 160 ? s[..159] + "…" : s;

    /// <summary>Brat standoff in PolNeAR's own shape: T lines for Source, Cue, Content and the Attribution
    /// trigger (the cue), and an E line per relation.</summary>
    private static void WriteAnn(string path, string text, List<BratRelation> relations)
    {
        var sb = new StringBuilder();
        int t = 0, e = 0;
        string Bound(string label, FragmentSpan span)
        {
            var id = $"T{++t}";
            var offsets = string.Join(";", span.Parts.Select(p => $"{p.Start} {p.End}"));
            var covered = string.Join(" ", span.Parts.Select(p => text[p.Start..p.End])).ReplaceLineEndings(" ");
            sb.Append(id).Append('\t').Append(label).Append(' ').Append(offsets).Append('\t').Append(covered).Append('\n');
            return id;
        }
        foreach (var r in relations)
        {
            var source = r.Source is null ? null : Bound("Source", r.Source);
            var cue = Bound("Cue", r.Cue!);
            var content = Bound("Content", r.Content!);
            var trigger = Bound(r.Label, r.Cue!);
            sb.Append($"E{++e}\t{r.Label}:{trigger} Content:{content} Cue:{cue}");
            if (source is not null) sb.Append($" Source:{source}");
            sb.Append('\n');
        }
        File.WriteAllText(path, sb.ToString());
    }
}
