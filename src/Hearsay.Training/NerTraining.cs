using System.Diagnostics;
using System.Globalization;
using Hearsay.Document;
using Hearsay.Entities;
using Hearsay.Eval;
using Hearsay.Eval.Ner;
using Hearsay.Languages;
using Hearsay.Learning;
using Hearsay.Pipeline;

namespace Hearsay.Training;

/// <summary>Settings of a training run. The defaults are what the shipped models were built with.</summary>
public sealed record NerTrainingOptions
{
    public int Epochs { get; init; } = 12;
    public int Bits { get; init; } = 18;
    public ulong Seed { get; init; } = 20140101;
    /// <summary>Runs over different sentence orders whose weights are averaged (see <see cref="PerceptronTrainer.Runs"/>).</summary>
    public int Runs { get; init; } = 4;
}

/// <summary>
/// Trains the name tagger of a language on its licensed corpora (<see cref="NerCorpora"/>): German on
/// GermEval 2014 dev, English on the GUM train documents. Also cross-validates: the texts are cut into
/// folds, each fold is tagged by a model trained on the others, and the whole entity stage (tagger,
/// gazetteer and rules together) is scored on it the way <c>hearsay eval</c> scores a corpus.
/// </summary>
public static class NerTraining
{
    /// <summary>The tagger's BIO labels. German also has GermEval's OTH (works, events, products) and the forms
    /// of names inside other words: adjectives and nouns derived from a place ("LOCderiv": "deutsche", "Franzose")
    /// and places and organizations inside compound words ("LOCpart": "US-Botschafter", "ORGpart": "EU-weit").
    /// Those are single words, so they have only a "B-" label (a span of one token). The rarer forms (PERderiv,
    /// ORGderiv, OTHderiv, PERpart, OTHpart: 2 to 18 names each in the training data) have none: the tagger never
    /// learnt them (cross-validated F1 0), and their labels cost the other classes (0.645 against 0.652).</summary>
    public static IReadOnlyList<string> LabelsFor(string language) => language == "de"
        ? new[] { "O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-OTH", "I-OTH",
                  "B-LOCderiv", "B-LOCpart", "B-ORGpart" }
        : new[] { "O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG" };

    public static string DataDescription(string language) => language switch
    {
        "de" => $"GermEval 2014 NER (CC BY 4.0), {NerCorpora.GermEvalFile} (2,200 sentences; outer level: PER, LOC, ORG, OTH, LOCderiv, LOCpart, ORGpart)",
        "en" => "GUM news and interview documents (annotations CC BY 4.0, texts CC BY 2.5), train split of splits.tsv; names derived from person/place/organization mentions (Hearsay.Training.GumNames)",
        _ => language,
    };

    public static SequenceModel Train(string language, IReadOnlyList<NamedText> texts, NerTrainingOptions options, Action<string>? log = null)
    {
        var labels = LabelsFor(language);
        var data = TaggerExamples.Build(texts, labels);
        log?.Invoke($"{language}: {texts.Count} texts, {data.Count} sentences, {data.Sum(d => d.Length)} tokens, {texts.Sum(t => t.Names.Count)} names");
        var header = string.Join('\n',
            $"Hearsay name tagger, language {language}",
            $"trained on: {DataDescription(language)}",
            $"averaged structured perceptron, {options.Epochs} epochs, {options.Runs} run(s) averaged, seed {options.Seed}, 2^{options.Bits} weight rows, {NameFeatures.PerToken} features per token (Hearsay.Entities.NameFeatures)",
            $"rebuild: hearsay train ner --language {language} (from the repository root, data in ../shared/data)");
        var trainer = new PerceptronTrainer { Labels = labels, Bits = options.Bits, Epochs = options.Epochs, Seed = options.Seed, Runs = options.Runs };
        return trainer.Train(data, header, log);
    }

    /// <summary>Scores of one cross-validation run: the tagger's own spans, and the whole stage with and without it.</summary>
    public sealed record CrossValidation(SpanF1 Tagger, SpanF1 RulesOnly, Dictionary<string, SpanF1> Stage);

    public static CrossValidation CrossValidate(string language, IReadOnlyList<NamedText> texts, NerTrainingOptions options, int folds,
        Action<string>? log = null, TextWriter? errors = null, bool taggerErrors = false)
    {
        var labels = LabelsFor(language);
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        var tagger = new SpanF1();
        var rulesOnly = new SpanF1();
        var stage = new Dictionary<string, SpanF1>();
        var d = TaggerPolicy.For(language);
        var variants = new (string Name, TaggerPolicy Policy)[]
        {
            ("shipped policy", d),
            (d.MinMargin == 0 ? "margin 10" : "no margin", d with { MinMargin = d.MinMargin == 0 ? 10 : 0 }),
            ("nothing around rules", d with { AroundRules = false }),
            (d.AroundKnown ? "nothing around known" : "spans around a known name", d with { AroundKnown = !d.AroundKnown }),
            ("veto untagged rules", d with { VetoUntaggedRules = true }),
            (d.OverrideRules ? "rules keep their bounds" : "tagger overrides rules", d with { OverrideRules = !d.OverrideRules }),
            ("O bias +3", d with { OutsideBias = d.OutsideBias + 3 }),
            ("O bias +6", d with { OutsideBias = d.OutsideBias + 6 }),
            ("O bias +10", d with { OutsideBias = d.OutsideBias + 10 }),
            ("O bias -3", d with { OutsideBias = d.OutsideBias - 3 }),
        };
        foreach (var v in variants) stage[v.Name] = new SpanF1();
        var sw = Stopwatch.StartNew();
        for (int fold = 0; fold < folds; fold++)
        {
            var train = texts.Where((_, i) => i % folds != fold).ToList();
            var held = texts.Where((_, i) => i % folds == fold).ToList();
            // Scored as the entity stage scores the shipped model (NameModels: 16-bit weights).
            var model = NameModels.AsScored(Train(language, train, options));
            // The tagger alone, on Hearsay's tokens.
            foreach (var seq in TaggerExamples.Build(held, labels))
            {
                var pred = Tag(model, seq);
                var g = Spans(seq.Labels, labels);
                var p = Spans(pred, labels);
                tagger.Add(g, p);
                if (errors is not null && taggerErrors && !g.ToHashSet().SetEquals(p)) WriteError(errors, held, seq, g, p);
            }
            Score(held, PipelineWith(_ => null), rulesOnly);
            foreach (var v in variants)
                Score(held, PipelineWith(_ => model, v.Policy), stage[v.Name], v.Policy == d && !taggerErrors ? errors : null);
            log?.Invoke($"fold {fold + 1}/{folds} done ({sw.Elapsed.TotalSeconds:F0}s): tagger F1 so far {tagger.All.F1:F4}");
        }
        return new CrossValidation(tagger, rulesOnly, stage);
    }

    private static void WriteError(TextWriter w, IReadOnlyList<NamedText> held, TaggerSequence seq, List<EntitySpan> gold, List<EntitySpan> pred)
    {
        w.WriteLine($"# {seq.Source}");
        w.WriteLine("  words: " + string.Join(' ', seq.Words));
        foreach (var x in gold.Except(pred)) w.WriteLine($"  missed    {x.Type} «{string.Join(' ', seq.Words[x.First..(x.Last + 1)])}»");
        foreach (var x in pred.Except(gold)) w.WriteLine($"  spurious  {x.Type} «{string.Join(' ', seq.Words[x.First..(x.Last + 1)])}»");
    }

    /// <summary>The tagger's labels for a sentence, as the entity stage computes them (unscored tokens are "O").</summary>
    public static int[] Tag(SequenceModel model, TaggerSequence seq)
    {
        int n = seq.Length, l = model.LabelCount, k = NameFeatures.PerToken;
        var scores = new float[n * l];
        for (int i = 0; i < n; i++)
        {
            if (seq.Scored[i]) model.Score(seq.Features.AsSpan(i * k, k), scores.AsSpan(i * l, l));
            else for (int c = 1; c < l; c++) scores[i * l + c] = -1e6f;
        }
        var pred = new int[n];
        model.Decode(scores, n, pred);
        return pred;
    }

    private static List<EntitySpan> Spans(int[] labels, IReadOnlyList<string> names) => Iob.Decode(labels.Select(x => names[x]).ToList());

    /// <summary>The whole default pipeline with the entity stage's model (and join policy) replaced.</summary>
    public static AnalysisPipeline PipelineWith(Func<LanguagePack, SequenceModel?> models, TaggerPolicy? policy = null)
    {
        var stages = AnalysisPipeline.CreateDefault().Stages.Select(s => s is EntityStage ? new EntityStage(models, policy) : s).ToArray();
        return new AnalysisPipeline(stages, LanguageRegistry.Default);
    }

    private static void Score(IReadOnlyList<NamedText> held, AnalysisPipeline pipeline, SpanF1 scores, TextWriter? errors = null)
    {
        var results = held.AsParallel().AsOrdered()
            .Select(t => (Text: t, Article: pipeline.Run(Input.ArticleReader.FromText(t.Text, new ArticleMetadata { Language = t.Language }))))
            .ToList();
        foreach (var (t, article) in results)
        {
            if (t.Grid is null || t.GoldSpans is null) continue;
            var sys = NerMapping.Spans(article, t.Grid, t.AllClasses);
            scores.Add(t.GoldSpans.ToList(), sys);
            if (errors is null || t.GoldSpans.ToHashSet().SetEquals(sys)) continue;
            string Words(EntitySpan x) => t.Text[t.Grid.Start(x.First)..t.Grid.End(x.Last)];
            errors.WriteLine($"# {t.Id}");
            errors.WriteLine("  text: " + t.Text.ReplaceLineEndings(" "));
            foreach (var x in t.GoldSpans.Except(sys)) errors.WriteLine($"  missed    {x.Type} «{Words(x)}»");
            foreach (var x in sys.Except(t.GoldSpans)) errors.WriteLine($"  spurious  {x.Type} «{Words(x)}»");
        }
    }

    public static string Format(Prf p) => string.Create(CultureInfo.InvariantCulture, $"P {p.Precision:F4}  R {p.Recall:F4}  F1 {p.F1:F4}  (tp {p.Tp}, fp {p.Fp}, fn {p.Fn})");
}
