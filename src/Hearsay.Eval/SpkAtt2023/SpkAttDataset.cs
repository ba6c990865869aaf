using System.Text.Json;
using Hearsay.Document;

namespace Hearsay.Eval.SpkAtt2023;

/// <summary>
/// SpkAtt-2023 task 1 (speech events in Bundestag speeches). The speech's tokens are joined into running
/// text (<see cref="Detokenizer"/>, keeping each token's characters) and analyzed as German. Scored from the
/// speech-event layer (<see cref="Article.SpeechEvents"/>, the learned stage), whose roles are the corpus's:
/// each event's cue and role spans are mapped to the corpus tokens they overlap.
/// Scoring: the shared task's scorer family (as for task 2, aligned on the cue): annotations paired one-to-one
/// by a linear sum assignment on cue-token overlap F1; macro P/R over (pair, role) cells for Cue, Roles and
/// Joint; plus micro token-level P/R/F1 of the cue and of Source, Message, Addr, Topic, Medium and PTC over the aligned pairs.
/// The corpus's test set is blind, so "test" reports dev. "dev" (for tuning) uses the held-out tenth of train
/// ("train-heldout", see <see cref="SpkAttCueData.IsHeldOut"/>): the rest of train is what the shipped
/// models (<c>hearsay train speech-events</c>, <c>hearsay train cues</c>) learned from, so scoring on it would flatter Hearsay.
/// </summary>
public sealed class SpkAttDataset : IEvalDataset
{
    public const string Id = "spkatt2023";
    public string Name => Id;
    public const string HeldOutSplit = "train-heldout";
    public string SplitName(SplitChoice choice) => choice == SplitChoice.Dev ? HeldOutSplit : "dev";

    public DatasetReport Run(EvalContext context, string split)
    {
        var files = SpkAttCueData.Files(context.Data, split);
        var report = new DatasetReport();
        var scorer = new AlignedScorer(SpkAttSpeech.RoleNames, labelBonuses: false);
        var outDir = context.PredictionsFolder(Id, split);
        int docs = 0;
        var speeches = context.Limited(SpkAttReader.Read(files)).Select(s => (Speech: s, Text: Detokenizer.Build(s.AllTokens.ToList())));
        foreach (var ((speech, text), article) in context.AnalyzeAll(speeches, s => s.Text.Text, "de"))
        {
            docs++;
            var sys = Map(article, text.Grid);
            var gold = speech.Annotations.Select(ToGroup).ToList();
            var pairs = scorer.AddDocument(sys.Select(ToGroup).ToList(), gold);
            Classify(report.Errors, speech, text, pairs);
            if (outDir is not null) WritePrediction(Path.Combine(outDir, speech.Name + ".json"), speech, sys);
        }
        report.Documents = docs;
        const string task = "speech events (cue + roles)";
        MetricRow Macro(string metric, MacroPr m) => new(Id, task, split, metric) { P = m.Precision, R = m.Recall, F1 = m.F1, Documents = docs };
        report.Rows.Add(Macro("Joint", scorer.Joint));
        report.Rows.Add(Macro("Cue", scorer.Trigger));
        report.Rows.Add(Macro("Roles", scorer.Roles));
        report.Rows.Add(MetricRow.Prf(Id, task, split, "Cue tokens (micro)", scorer.TriggerMicro, docs));
        report.Rows.Add(MetricRow.Prf(Id, task, split, "Source tokens (micro)", scorer.RoleMicro("Source"), docs));
        report.Rows.Add(MetricRow.Prf(Id, task, split, "Message tokens (micro)", scorer.RoleMicro("Message"), docs));
        foreach (var role in new[] { "Addr", "Topic", "Medium", "PTC" })
            report.Rows.Add(MetricRow.Prf(Id, task, split, $"{role} tokens (micro)", scorer.RoleMicro(role), docs));
        return report;
    }

    internal static AnnotationGroup ToGroup(Dictionary<string, int[]> roles) =>
        new(roles.TryGetValue("Cue", out var c) ? c : Array.Empty<int>(),
            SpkAttSpeech.RoleNames.ToDictionary(r => r, r => roles.TryGetValue(r, out var ids) ? ids : Array.Empty<int>()));

    /// <summary>Hearsay's speech events as SpkAtt annotations (role → token ids of the grid).</summary>
    public static List<Dictionary<string, int[]>> Map(Article article, TokenGrid grid)
    {
        var list = new List<Dictionary<string, int[]>>();
        foreach (var ev in article.SpeechEvents)
        {
            var roles = new Dictionary<string, int[]>(StringComparer.Ordinal) { ["Cue"] = grid.Tokens(ev.Cue) };
            foreach (var role in Enum.GetValues<SpeechRole>()) roles[role.ToString()] = grid.Tokens(ev.SpansOf(role));
            if (roles["Cue"].Length > 0) list.Add(roles);
        }
        return list;
    }

    private static void Classify(ErrorLog log, SpkAttSpeech speech, Detokenizer.Result text, List<AlignedPair> pairs)
    {
        string T(int[] ids) => ids.Length == 0 ? "∅" : string.Join(" … ", TokenGrid.Runs(ids).Select(r => text.Text[text.Grid.Start(r.First)..text.Grid.End(r.Last)]));
        string Ex(int[] ids) => Excerpt.Of(text.Text, text.Grid.Start(ids[0]), text.Grid.End(ids[^1])) + $" ({speech.Name})";
        foreach (var p in pairs)
        {
            bool overlap = p.Sys is not null && p.Gold is not null && Prf.OfSets(p.Gold.Trigger, p.Sys.Trigger).Tp > 0;
            if (p.Gold is not null && !overlap)
                log.Add(p.Gold.Role("Message").Length > 0 ? "missed cue (with message)" : "missed cue (no message)", () => "gold cue: " + Ex(p.Gold.Trigger));
            if (p.Sys is not null && !overlap) log.Add("spurious cue", () => "Hearsay cue: " + Ex(p.Sys.Trigger));
            if (!overlap) continue;
            foreach (var role in new[] { "Source", "Message", "Addr", "Topic", "Medium", "PTC" })
            {
                var g = p.Gold!.Role(role);
                var s = p.Sys!.Role(role);
                var c = Prf.OfSets(g, s);
                if (c.Fp == 0 && c.Fn == 0) continue;
                string cls = g.Length == 0 ? $"spurious {role}" : s.Length == 0 ? $"{role} missing" : c.Tp == 0 ? $"wrong {role}" : $"{role} span boundary";
                log.Add(cls, () => $"gold {role} «{T(g)}» vs Hearsay «{T(s)}» (cue «{T(p.Gold.Trigger)}», {speech.Name})");
            }
        }
    }

    private static void WritePrediction(string path, SpkAttSpeech speech, List<Dictionary<string, int[]>> annotations)
    {
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteStartArray("Sentences");
        foreach (var (id, tokens) in speech.Sentences)
        {
            w.WriteStartObject();
            w.WriteNumber("SentenceId", id);
            w.WriteStartArray("Tokens");
            foreach (var t in tokens) w.WriteStringValue(t);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("Annotations");
        foreach (var a in annotations)
        {
            w.WriteStartObject();
            foreach (var role in new[] { "Addr", "Evidence", "Medium", "Message", "Source", "Topic", "Cue", "PTC" })
            {
                w.WriteStartArray(role);
                foreach (var id in a[role]) w.WriteStringValue(speech.Address(id));
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
