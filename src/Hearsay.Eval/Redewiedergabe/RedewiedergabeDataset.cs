using System.Text;
using Hearsay.Document;

namespace Hearsay.Eval.Redewiedergabe;

/// <summary>
/// Corpus REDEWIEDERGABE (German fiction and non-fiction, 1840–1919): token-level P/R/F1 per STWR type, the
/// metric of the taggers trained on it (Brunner et al., KONVENS 2020). Each sample's tokens are joined into
/// running text and analyzed as German. A token gets a type when it lies in the content of one of Hearsay's
/// attributions: Direct → direct; Indirect and Mixed → indirect; AccordingTo → indirect: the content of
/// "laut X" / "X zufolge" is a reproduced proposition, not the mere mention of a speech act that the corpus
/// calls "reported" (measured: mapped to reported, those tokens were gold-reported 9% of the time).
/// Reported is Hearsay's summary of a speech act (<see cref="AttributionKind.Reported"/>). The corpus has no
/// split: dev and test are halves by document (<see cref="RedewiedergabeSplit"/>). Figures for all texts and for
/// the non-fiction texts (metadata "fictional = no", the news-like part), plus speaker and cue
/// (introductory expression) tokens.
/// </summary>
public sealed class RedewiedergabeDataset : IEvalDataset
{
    public const string Id = "redewiedergabe";
    public string Name => Id;
    /// <summary>The corpus has no split of its own: dev and test are Hearsay's fixed half/half split by document
    /// (<see cref="RedewiedergabeSplit"/>). Tune on dev, report test.</summary>
    public string SplitName(SplitChoice choice) => choice == SplitChoice.Dev ? RedewiedergabeSplit.Dev : RedewiedergabeSplit.Test;

    private static readonly (StwrType Type, string Name)[] Types =
    {
        (StwrType.Direct, "direct"), (StwrType.Indirect, "indirect"), (StwrType.FreeIndirect, "freeIndirect"), (StwrType.Reported, "reported"),
    };

    private const bool ContinuedAsFree = true;

    public static StwrType TypeOf(AttributionKind kind) => kind switch
    {
        AttributionKind.Direct => StwrType.Direct,
        AttributionKind.Reported => StwrType.Reported,
        _ => StwrType.Indirect,
    };

    public DatasetReport Run(EvalContext context, string split)
    {
        var metadata = RedewiedergabeReader.ReadMetadata(context.Data.Require(Id, "metadata.tsv"));
        var allFiles = context.Data.RequireFiles(Id, "*.tsv", "tsv");
        foreach (var f in allFiles)
            if (!metadata.ContainsKey(Path.GetFileName(f))) throw new FormatException($"{f}: not listed in metadata.tsv");
        var splitOf = RedewiedergabeSplit.Assign(allFiles.Select(f => (f, metadata[Path.GetFileName(f)])));
        var files = allFiles.Where(f => splitOf[Path.GetFileName(f)] == split).ToList();
        var report = new DatasetReport();
        var all = new Counts();
        var nonFiction = new Counts();
        var outDir = context.PredictionsFolder(Id, split);
        int docs = 0, nfDocs = 0;
        var samples = context.Limited(files).Select(f =>
        {
            var name = Path.GetFileName(f);
            if (!metadata.TryGetValue(name, out var fictional)) throw new FormatException($"{f}: not listed in metadata.tsv");
            var sample = RedewiedergabeReader.Read(f, fictional);
            return (Sample: sample, Text: Detokenizer.Build(sample.Tokens));
        });
        foreach (var ((sample, text), article) in context.AnalyzeAll(samples, s => s.Text.Text, "de"))
        {
            docs++;
            var predicted = Predict(article, text.Grid, out var speaker, out var cue);
            all.Add(sample, predicted, speaker, cue);
            if (!sample.Fictional) { nfDocs++; nonFiction.Add(sample, predicted, speaker, cue); }
            Classify(report.Errors, sample, text, predicted);
            if (outDir is not null) WritePrediction(Path.Combine(outDir, sample.File), sample, predicted, speaker, cue);
        }
        report.Documents = docs;
        const string task = "STWR tokens";
        foreach (var (subset, counts, n) in new[] { ("all", all, docs), ("non-fiction", nonFiction, nfDocs) })
        {
            report.Rows.Add(MetricRow.Prf(Id, task, split, $"any type ({subset})", counts.Any, n));
            foreach (var (type, name) in Types)
                report.Rows.Add(MetricRow.Prf(Id, task, split, $"{name} ({subset})", counts.ByType[type], n));
            report.Rows.Add(MetricRow.Prf(Id, task, split, $"speaker ({subset})", counts.Speaker, n));
            report.Rows.Add(MetricRow.Prf(Id, task, split, $"cue ({subset})", counts.Cue, n));
        }
        return report;
    }

    private sealed class Counts
    {
        public readonly Dictionary<StwrType, Prf> ByType = Types.ToDictionary(t => t.Type, _ => new Prf());
        public Prf Any, Speaker, Cue;

        public void Add(RwSample s, StwrType[] predicted, bool[] speaker, bool[] cue)
        {
            for (int i = 0; i < s.Tokens.Length; i++)
            {
                foreach (var (type, _) in Types)
                {
                    var c = ByType[type];
                    Count(ref c, (s.Types[i] & type) != 0, (predicted[i] & type) != 0);
                    ByType[type] = c;
                }
                Count(ref Any, s.Types[i] != StwrType.None, predicted[i] != StwrType.None);
                Count(ref Speaker, s.Speaker[i], speaker[i]);
                Count(ref Cue, s.Cue[i], cue[i]);
            }
        }

        private static void Count(ref Prf c, bool gold, bool sys)
        {
            if (gold && sys) c.Tp++;
            else if (sys) c.Fp++;
            else if (gold) c.Fn++;
        }
    }

    /// <summary>Per dataset token: the STWR types of the attributions whose content covers it, and whether it is
    /// in a source span or a cue.</summary>
    public static StwrType[] Predict(Article article, TokenGrid grid, out bool[] speaker, out bool[] cue)
    {
        var types = new StwrType[grid.Count];
        speaker = new bool[grid.Count];
        cue = new bool[grid.Count];
        foreach (var att in article.Attributions)
        {
            var type = TypeOf(att.Kind);
            // A sentence that continues a report with no frame of its own is free indirect speech as well as
            // indirect (the corpus's "indirect freeIndirect" counts for both).
            if (ContinuedAsFree && att.Signals.HasFlag(SpeechSignals.Continued) && type == StwrType.Indirect) type |= StwrType.FreeIndirect;
            foreach (var t in grid.Tokens(HearsaySpans.Content(article, att, quoteMarks: true))) types[t] |= type;
            foreach (var t in grid.Tokens(att.Source.Span)) speaker[t] = true;
            foreach (var t in grid.Tokens(HearsaySpans.Cue(att))) cue[t] = true;
        }
        if (EventOptions.Enabled) AddEvents(article, grid, types, speaker, cue, EventOptions);
        return types;
    }

    /// <summary>Which parts of the event mapping are on (dev experiments).</summary>
    public sealed record EventMapping(bool Enabled, bool Indirect, bool Reported, bool Speaker, bool Cue, bool Extent, bool NeedRole, float MinConfidence, bool CueOnlyReported, bool NotInQuote, bool NotInDirectSentence, bool Lexicon, bool ClauseLeft, bool ClauseRight);

    public static EventMapping EventOptions = ParseOptions(Environment.GetEnvironmentVariable("HEARSAY_RW_EVENTS"));

    private static EventMapping ParseOptions(string? s)
    {
        if (s is null) return new EventMapping(true, true, true, true, true, true, true, float.NegativeInfinity, true, false, false, false, true, true);
        bool H(char c) => s.Contains(c);
        float conf = float.NegativeInfinity;
        int at = s.IndexOf('@');
        if (at >= 0) { conf = float.Parse(s[(at + 1)..], System.Globalization.CultureInfo.InvariantCulture); s = s[..at]; }
        return new EventMapping(!H('0'), H('i'), H('r'), H('s'), H('c'), H('x'), H('n'), conf, H('o'), H('q'), H('f'), H('l'), H('e'), H('e') || H('g'));
    }

    /// <summary>Speech events (the learned layer) as STWR tokens where no attribution already typed their message.</summary>
    public static void AddEvents(Article article, TokenGrid grid, StwrType[] types, bool[] speaker, bool[] cue, EventMapping o)
    {
        var lex = Hearsay.Attributions.AttributionLexicon.For(Hearsay.Languages.LanguageRegistry.Default.For("de"));
        var moods = lex.MoodForms;
        var covered = (StwrType[])types.Clone();
        foreach (var ev in article.SpeechEvents)
        {
            if (ev.Confidence < o.MinConfidence) continue;
            var message = grid.Tokens(ev.SpansOf(SpeechRole.Message));
            var topic = grid.Tokens(ev.SpansOf(SpeechRole.Topic));
            var cueTokens = grid.Tokens(ev.Cue);
            // Skip an event whose message an attribution already typed.
            int typedMessage = 0;
            foreach (var t in message) if (covered[t] != StwrType.None) typedMessage++;
            if (message.Length > 0 && typedMessage * 2 >= message.Length) continue;
            bool typedCue = false;
            foreach (var t in cueTokens) if (covered[t] != StwrType.None) typedCue = true;
            if (typedCue && message.Length == 0) continue;

            bool indirect = message.Length > 0 && IsIndirectMessage(article, ev, moods);
            if (!indirect)
            {
                var c0 = ev.Cue[0];
                if (o.NotInQuote && article.Quotations.Any(q => q.Outer.Contains(c0))) continue;
                if (o.NotInDirectSentence)
                {
                    int si = article.SentenceIndexAt(c0.Start);
                    if (si >= 0)
                    {
                        var sent = article.SpanOfTokens(article.Sentences[si].FirstToken, Math.Max(article.Sentences[si].FirstToken, article.Sentences[si].EndToken - 1));
                        if (article.Quotations.Any(q => q.Outer.Overlaps(sent))) continue;
                    }
                }
                if (o.Lexicon && !IsLexiconCue(article, ev, lex)) continue;
            }
            bool any = false;
            if (indirect)
            {
                if (o.Indirect) { foreach (var t in message) types[t] |= StwrType.Indirect; any = true; }
            }
            else if (o.Reported && (!o.NeedRole || message.Length > 0 || topic.Length > 0 || o.CueOnlyReported))
            {
                any = true;
                var source = new HashSet<int>(grid.Tokens(ev.SpansOf(SpeechRole.Source)));
                IEnumerable<int> tokens;
                if (o.Extent)
                {
                    var extent = ev.CueExtent;
                    foreach (var r in ev.Roles)
                        if (r.Role is SpeechRole.Message or SpeechRole.Topic or SpeechRole.PTC or SpeechRole.Addr or SpeechRole.Medium) extent = extent.Union(r.Span);
                    if (o.ClauseLeft || o.ClauseRight) extent = Clause(article, extent, o.ClauseLeft, o.ClauseRight);
                    tokens = grid.Tokens(extent);
                }
                else tokens = cueTokens.Concat(message).Concat(topic).Concat(grid.Tokens(ev.SpansOf(SpeechRole.PTC)));
                foreach (var t in tokens) if (!source.Contains(t)) types[t] |= StwrType.Reported;
            }
            if (!any) continue;
            if (o.Speaker) foreach (var t in grid.Tokens(ev.SpansOf(SpeechRole.Source))) speaker[t] = true;
            if (o.Cue) foreach (var t in cueTokens) cue[t] = true;
        }
    }

    /// <summary>The span widened to the clause around it: up to the nearest comma, semicolon, colon or quotation
    /// mark of its sentence on either side (the sentence's final punctuation included).</summary>
    private static TextSpan Clause(Article article, TextSpan span, bool left, bool right)
    {
        int si = article.SentenceIndexAt(span.Start);
        if (si < 0) return span;
        var sentence = article.Sentences[si];
        int first = article.TokenIndexAt(span.Start), last = article.TokenIndexAt(span.End - 1);
        bool Boundary(int k)
        {
            var w = article.Slice(article.Tokens[k]);
            return w.Length == 1 && (w[0] is ',' or ';' or ':' or '"' or '\u201E' or '\u201C' or '\u00BB' or '\u00AB' or '(' or ')' or '\u2013');
        }
        if (left) while (first - 1 >= sentence.FirstToken && !Boundary(first - 1)) first--;
        if (right) while (last + 1 < sentence.EndToken && !Boundary(last + 1)) last++;
        return span.Union(article.SpanOfTokens(first, last));
    }

    /// <summary>Whether a word of the cue is a reporting verb form or a speech noun of the attribution lexicon.</summary>
    private static bool IsLexiconCue(Article article, SpeechEvent ev, Hearsay.Attributions.AttributionLexicon lex)
    {
        foreach (var span in ev.Cue)
            for (int k = article.TokenIndexAt(span.Start); k < article.Tokens.Length && article.Tokens[k].Start < span.End; k++)
            {
                var w = article.Slice(article.Tokens[k]);
                if (lex.Verbs.TryGet(w, out _) || lex.SpeechNouns.TryGet(w, out _, out _)) return true;
            }
        return false;
    }

    /// <summary>A message that reproduces a proposition: introduced by "dass"/"ob" or carrying a Konjunktiv I verb.</summary>
    private static bool IsIndirectMessage(Article article, SpeechEvent ev, Hearsay.Languages.WordMap<Hearsay.Attributions.MoodForm> moods)
    {
        bool first = true;
        foreach (var span in ev.SpansOf(SpeechRole.Message))
        {
            int k = article.TokenIndexAt(span.Start);
            if (k < 0) continue;
            for (; k < article.Tokens.Length && article.Tokens[k].Start < span.End; k++)
            {
                var w = article.Slice(article.Tokens[k]);
                if (first && (w.Equals("dass", StringComparison.OrdinalIgnoreCase) || w.Equals("daß", StringComparison.OrdinalIgnoreCase) || w.Equals("ob", StringComparison.OrdinalIgnoreCase))) return true;
                first = false;
                if (moods.TryGet(w, out var m) && m == Hearsay.Attributions.MoodForm.SubjunctiveI) return true;
            }
        }
        return false;
    }

    private static void Classify(ErrorLog log, RwSample s, Detokenizer.Result text, StwrType[] predicted)
    {
        // Error classes are runs of tokens with the same (gold, predicted) disagreement.
        int i = 0;
        while (i < s.Tokens.Length)
        {
            var g = s.Types[i] & (StwrType.Direct | StwrType.Indirect | StwrType.FreeIndirect | StwrType.Reported);
            var p = predicted[i];
            if ((g & p) != 0 || (g == StwrType.None && p == StwrType.None)) { i++; continue; }
            int j = i;
            while (j + 1 < s.Tokens.Length && s.Types[j + 1] == s.Types[i] && predicted[j + 1] == p) j++;
            string cls = p == StwrType.None ? $"missed {TypeName(g)}" : g == StwrType.None ? $"spurious {TypeName(p)}" : $"{TypeName(p)} for {TypeName(g)}";
            int a = i, b = j;
            log.Add(cls, () => $"{Excerpt.Of(text.Text, text.Grid.Start(a), text.Grid.End(b))} ({s.File})");
            i = j + 1;
        }
    }

    private static string TypeName(StwrType t) => string.Join("+", Types.Where(x => (t & x.Type) != 0).Select(x => x.Name));

    private static void WritePrediction(string path, RwSample s, StwrType[] predicted, bool[] speaker, bool[] cue)
    {
        var sb = new StringBuilder("tok\tstwr\tspeaker\tintexpr\n");
        for (int i = 0; i < s.Tokens.Length; i++)
            sb.Append(s.Tokens[i]).Append('\t').Append(predicted[i] == StwrType.None ? "-" : string.Join("|", Types.Where(x => (predicted[i] & x.Type) != 0).Select(x => x.Name)))
              .Append('\t').Append(speaker[i] ? "speaker" : "-").Append('\t').Append(cue[i] ? "intexpr" : "-").Append('\n');
        File.WriteAllText(path, sb.ToString());
    }
}
