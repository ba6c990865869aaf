using System.Diagnostics;
using System.Text.Json;

namespace Hearsay.Eval.WikinewsQuotes;

/// <summary>
/// wikinews-de-quotes (GermEval 2023 SpkAtt task 2, 2024 release): quotation attribution in German news.
/// Hearsay analyzes each article's <c>originalText</c> as German; its attributions are mapped to the corpus
/// schema by <see cref="WikinewsMapper"/> and scored with the task's own scorer (<see cref="AlignedScorer"/>
/// aligned on quotes, with form and medium bonuses): Messages, Roles and Joint macro P/R/F1 (Joint is the
/// headline), Form and STWR micro P/R/F1, plus the macro figures of the speaker, cue and frame roles.
/// </summary>
public sealed class WikinewsQuotesDataset : IEvalDataset
{
    public const string Id = "wikinews-de-quotes";
    public string Name => Id;
    public string SplitName(SplitChoice choice) => choice == SplitChoice.Dev ? "dev" : "test";

    public DatasetReport Run(EvalContext context, string split)
    {
        var path = context.Data.Require(Id, $"{split}.jsonl.gz");
        var report = new DatasetReport();
        var scorer = new AlignedScorer(QuoteAnnotation.RoleNames, labelBonuses: true);
        var sw = Stopwatch.StartNew();
        var predictionsDir = context.PredictionsFolder(Id);
        using var predictions = predictionsDir is null ? null : new StreamWriter(Path.Combine(predictionsDir, $"{split}.jsonl"));
        int docs = 0;
        foreach (var (doc, article) in context.AnalyzeAll(context.Limited(WikinewsReader.Read(path)), d => d.Text, "de"))
        {
            docs++;
            var sys = WikinewsMapper.Map(article, doc);
            var pairs = scorer.AddDocument(sys.Select(a => a.ToGroup()).ToList(), doc.Annotations.Select(a => a.ToGroup()).ToList());
            Classify(report.Errors, doc, pairs);
            if (predictions is not null) WritePrediction(predictions, doc, sys);
        }
        report.Documents = docs;
        double seconds = sw.Elapsed.TotalSeconds;
        const string task = "quotation attribution";
        MetricRow Macro(string metric, MacroPr m) =>
            new(Id, task, split, metric) { P = m.Precision, R = m.Recall, F1 = m.F1, Documents = docs, Seconds = seconds };
        MetricRow Micro(string metric, Prf c) =>
            new(Id, task, split, metric) { P = c.Precision, R = c.Recall, F1 = c.F1, Documents = docs, Seconds = seconds };
        report.Rows.Add(Macro("Joint", scorer.Joint));
        report.Rows.Add(Macro("Messages", scorer.Trigger));
        report.Rows.Add(Macro("Roles", scorer.Roles));
        report.Rows.Add(Micro("Form", scorer.Form));
        report.Rows.Add(Micro("STWR", scorer.Medium));
        report.Rows.Add(Macro("Roles: speaker", scorer.Role("speaker")));
        report.Rows.Add(Macro("Roles: cue", scorer.Role("cue")));
        report.Rows.Add(Macro("Roles: frame", scorer.Role("frame")));
        return report;
    }

    // ------------------------------------------------------------------ error classes

    private static void Classify(ErrorLog log, WikinewsDocument doc, List<AlignedPair> pairs)
    {
        foreach (var pair in pairs)
        {
            var (sys, gold) = (pair.Sys, pair.Gold);
            bool overlap = sys is not null && gold is not null && Prf.OfSets(gold.Trigger, sys.Trigger).Tp > 0;
            if (gold is not null && !overlap)
                log.Add($"missed {gold.Form ?? "?"} quote", () => Example(doc, gold.Trigger, "gold quote"));
            if (sys is not null && !overlap)
                log.Add($"spurious {sys.Form ?? "?"} quote", () => Example(doc, sys.Trigger, "Hearsay quote"));
            if (!overlap) continue;
            var (s, g) = (sys!, gold!);
            var q = Prf.OfSets(g.Trigger, s.Trigger);
            if (q.Fp > 0 || q.Fn > 0)
            {
                string how = q.Fn == 0 ? "too long" : q.Fp == 0 ? "too short" : "shifted";
                log.Add($"quote span {how} ({g.Form})", () => Compare(doc, g.Trigger, s.Trigger, "quote"));
            }
            if (g.Form != s.Form) log.Add($"type {s.Form} for {g.Form}", () => Example(doc, g.Trigger, $"gold {g.Form}, Hearsay {s.Form}"));
            foreach (var role in new[] { "speaker", "cue", "frame" })
            {
                var gr = g.Role(role);
                var sr = s.Role(role);
                var c = Prf.OfSets(gr, sr);
                if (c.Fp == 0 && c.Fn == 0) continue;
                string cls = gr.Length == 0 ? $"spurious {role}"
                    : sr.Length == 0 ? $"{role} missing"
                    : c.Tp == 0 ? $"wrong {role}"
                    : $"{role} span boundary";
                log.Add(cls, () => Compare(doc, gr, sr, role) + " | quote: " + Text(doc, g.Trigger, 80));
            }
        }
    }

    private static string Text(WikinewsDocument doc, int[] ids, int max = 200)
    {
        if (ids.Length == 0) return "∅";
        var parts = TokenGrid.Runs(ids).Select(r => doc.Text[doc.Grid.Start(r.First)..doc.Grid.End(r.Last)]);
        var s = string.Join(" … ", parts).ReplaceLineEndings(" ");
        return s.Length > max ? s[..(max - 1)] + "…" : s;
    }

    private static string Example(WikinewsDocument doc, int[] ids, string label) =>
        $"{label}: {Excerpt.Of(doc.Text, doc.Grid.Start(ids[0]), doc.Grid.End(ids[^1]))} ({Short(doc.Name)})";

    private static string Compare(WikinewsDocument doc, int[] gold, int[] sys, string role) =>
        $"gold {role} «{Text(doc, gold)}» vs Hearsay «{Text(doc, sys)}» ({Short(doc.Name)})";

    private static string Short(string name) => name.Length > 60 ? name[..60] + "…" : name;

    // ------------------------------------------------------------------ predictions

    private static void WritePrediction(StreamWriter output, WikinewsDocument doc, List<QuoteAnnotation> annotations)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("documentName", doc.Name);
            w.WriteStartArray("annotations");
            foreach (var a in annotations)
            {
                w.WriteStartObject();
                w.WriteNumber("id", a.Id);
                w.WriteString("type", a.Type);
                w.WriteString("medium", a.Medium);
                w.WriteBoolean("isNested", a.IsNested);
                w.WriteBoolean("hasNested", a.HasNested);
                foreach (var part in QuoteAnnotation.PartNames)
                {
                    var ids = a.Part(part);
                    w.WriteStartObject(part);
                    w.WriteStartArray("spans");
                    foreach (var (first, last) in TokenGrid.Runs(ids))
                    {
                        w.WriteStartObject();
                        w.WriteNumber("begin", first);
                        w.WriteNumber("end", last + 1);
                        w.WriteNumber("charBegin", doc.Grid.Start(first));
                        w.WriteNumber("charEnd", doc.Grid.End(last));
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteStartArray("tokenIds");
                    foreach (var t in ids) w.WriteNumberValue(t);
                    w.WriteEndArray();
                    w.WriteString("text", string.Join(" ", TokenGrid.Runs(ids).Select(r => doc.Text[doc.Grid.Start(r.First)..doc.Grid.End(r.Last)])));
                    w.WriteEndObject();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(ms.ToArray()));
    }
}
