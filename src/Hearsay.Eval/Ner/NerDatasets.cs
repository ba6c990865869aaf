using System.Text;

namespace Hearsay.Eval.Ner;

/// <summary>Shared run of a sentence-per-article NER evaluation: analyze each sentence, map the entity mentions
/// to token spans, count strict span matches.</summary>
internal static class NerRun
{
    public static (SpanF1 Scores, int Sentences) Score(EvalContext context, IEnumerable<NerSentence> sentences, string language,
        bool allClasses, ErrorLog errors, string? predictionsPath)
    {
        var scores = new SpanF1();
        int n = 0;
        using var output = predictionsPath is null ? null : new StreamWriter(predictionsPath, false, new UTF8Encoding(false));
        var items = context.Limited(sentences).Select(s => (Sentence: s, Layout: s.Layout()));
        foreach (var ((sentence, layout), article) in context.AnalyzeAll(items, x => x.Layout.Text, language))
        {
            n++;
            var gold = Iob.Decode(sentence.Tags);
            var sys = NerMapping.Spans(article, layout.Grid, allClasses);
            scores.Add(gold, sys, (kind, span) =>
            {
                string words = string.Join(" ", sentence.Tokens[span.First..(span.Last + 1)]);
                bool partly = (kind == "fp" ? gold : sys).Any(o => o.First <= span.Last && span.First <= o.Last);
                string cls = kind == "fn" ? (partly ? $"{span.Type} boundary or type (missed)" : $"missed {span.Type}")
                                          : (partly ? $"{span.Type} boundary or type (predicted)" : $"spurious {span.Type}");
                errors.Add(cls, () => $"«{words}» in: {Shorten(layout.Text)}");
            });
            if (output is not null) Write(output, sentence, sys);
        }
        return (scores, n);
    }

    private static string Shorten(string s) => s.Length > 160 ? s[..159] + "…" : s;

    /// <summary>The input's token lines with Hearsay's tag appended as a last column.</summary>
    private static void Write(StreamWriter w, NerSentence s, List<EntitySpan> sys)
    {
        var tags = Iob.Encode(s.Tokens.Length, sys);
        foreach (var comment in s.Comments) w.WriteLine(comment);
        for (int i = 0; i < s.Tokens.Length; i++) w.WriteLine(string.Join('\t', s.Columns[i]) + "\t" + tags[i]);
        w.WriteLine();
    }
}

/// <summary>
/// GermEval 2014 NER (German Wikipedia and news sentences): strict span P/R/F1 on the outer level, the
/// official "outer" figure, over all twelve classes (PER, LOC, ORG, OTH and their -deriv and -part forms).
/// Each sentence is analyzed on its own as German; Hearsay's entity mentions map to PER/ORG/LOC/OTH, adjectives
/// derived from names to LOCderiv etc., names inside compound words to ORGpart etc. (see <see cref="NerMapping"/>).
/// </summary>
public sealed class GermEvalNerDataset : IEvalDataset
{
    public const string Id = "germeval2014-ner";
    public string Name => Id;
    public string SplitName(SplitChoice choice) => choice == SplitChoice.Dev ? "dev" : "test";

    public DatasetReport Run(EvalContext context, string split)
    {
        var path = context.Data.Require(Id, $"NER-de-{split}.tsv");
        var report = new DatasetReport();
        var outDir = context.PredictionsFolder(Id);
        var (scores, n) = NerRun.Score(context, NerReaders.GermEval(path), "de", allClasses: true, report.Errors,
            outDir is null ? null : Path.Combine(outDir, $"NER-de-{split}.tsv"));
        report.Documents = n;
        const string task = "NER (outer, strict)";
        report.Rows.Add(MetricRow.Prf(Id, task, split, "overall", scores.All, n));
        foreach (var t in new[] { "PER", "LOC", "ORG", "OTH" })
            report.Rows.Add(MetricRow.Prf(Id, task, split, t, scores.Of(t), n));
        report.Rows.Add(MetricRow.Prf(Id, task, split, "*deriv", scores.Where(t => t.EndsWith("deriv", StringComparison.Ordinal)), n));
        report.Rows.Add(MetricRow.Prf(Id, task, split, "*part", scores.Where(t => t.EndsWith("part", StringComparison.Ordinal)), n));
        return report;
    }
}

/// <summary>
/// Universal NER v1 test sets: German-PUD, English-PUD (the same 1,000 news/Wikipedia sentences in both
/// languages) and English-EWT (web text). Exact-span micro P/R/F1 (seqeval/CoNLL style) per set, plus per type.
/// Each sentence ("# text = …") is analyzed on its own; PER/ORG/LOC as for GermEval; no OTH, -deriv or -part.
/// </summary>
public sealed class UnerDataset : IEvalDataset
{
    public const string Id = "uner";
    public string Name => Id;
    public string SplitName(SplitChoice choice) => "test";

    private static readonly (string Set, string Folder, string File, string Language)[] Sets =
    {
        ("de-PUD", "German-PUD", "de_pud-ud-test.iob2", "de"),
        ("en-PUD", "English-PUD", "en_pud-ud-test.iob2", "en"),
        ("en-EWT", "English-EWT", "en_ewt-ud-test.iob2", "en"),
    };

    public DatasetReport Run(EvalContext context, string split)
    {
        var paths = Sets.Select(s => context.Data.Require(Id, s.Folder, s.File)).ToArray();
        var report = new DatasetReport();
        var outDir = context.PredictionsFolder(Id);
        const string task = "NER (exact span)";
        for (int i = 0; i < Sets.Length; i++)
        {
            var (set, _, file, lang) = Sets[i];
            var (scores, n) = NerRun.Score(context, NerReaders.Uner(paths[i]), lang, allClasses: false, report.Errors,
                outDir is null ? null : Path.Combine(outDir, file));
            report.Documents += n;
            report.Rows.Add(MetricRow.Prf(Id, task, split, $"{set} micro", scores.All, n));
            foreach (var t in new[] { "PER", "LOC", "ORG" })
                report.Rows.Add(MetricRow.Prf(Id, task, split, $"{set} {t}", scores.Of(t), n));
        }
        return report;
    }
}
