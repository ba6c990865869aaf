using Hearsay.Coreference;
using Hearsay.Document;
using Hearsay.Eval;
using Hearsay.Eval.Gum;
using Hearsay.Learning;
using Hearsay.Pipeline;

namespace Hearsay.Training;

/// <summary>
/// Trains the mention detector (<see cref="MentionTagger"/>) on the GUM train documents: each document's text
/// (rebuilt from the TSV offsets, as <c>hearsay eval</c> does) goes through Hearsay's pipeline up to the entity
/// stage, and the gold mentions are projected onto Hearsay's tokens as BIO labels. Mentions nest in GUM, a
/// tagger's spans do not: the longest mentions of at most <see cref="MaxTokens"/> corpus tokens are placed
/// first, and a mention overlapping one already placed is left out.
/// </summary>
public static class MentionTraining
{
    public const int MaxTokens = 6;

    public static string DataDescription =>
        "GUM news and interview documents (annotations CC BY 4.0, texts CC BY 2.5), train split of splits.tsv; all coreference mentions of at most 6 tokens, longest first";

    public static List<GumDocument> Documents(string folder, string split) => GumReader.Split(Path.Combine(folder, "splits.tsv"), split)
        .Select(name => GumReader.Read(Path.Combine(folder, "coref-tsv", name + ".tsv"), Path.Combine(folder, "coref-conll", name + ".conll")))
        .ToList();

    /// <summary>The pipeline's stages up to and including the entity stage.</summary>
    private static AnalysisPipeline Preparation()
    {
        var stages = new List<IStage>();
        foreach (var s in AnalysisPipeline.CreateDefault().Stages)
        {
            stages.Add(s);
            if (s is Entities.EntityStage) break;
        }
        return new AnalysisPipeline(stages.ToArray(), Languages.LanguageRegistry.Default);
    }

    public static List<TaggerSequence> Sequences(IReadOnlyList<GumDocument> docs)
    {
        var prep = Preparation();
        var pack = Languages.LanguageRegistry.Default.For("en");
        var result = new List<TaggerSequence>();
        foreach (var doc in docs)
        {
            var article = prep.Run(Input.ArticleReader.FromText(doc.Text, new ArticleMetadata { Language = "en" }));
            var labels = GoldLabels(article, doc);
            var values = MentionTagger.Values(article, pack);
            foreach (var sent in article.Sentences)
            {
                if (sent.TokenCount == 0) continue;
                var features = new uint[sent.TokenCount * MentionTagger.PerToken];
                MentionTagger.Extract(values, sent, features);
                result.Add(new TaggerSequence
                {
                    Features = features,
                    Labels = labels[sent.FirstToken..sent.EndToken],
                    Scored = Enumerable.Repeat(true, sent.TokenCount).ToArray(),
                    Source = doc.Name,
                });
            }
        }
        return result;
    }

    private static int[] GoldLabels(Article article, GumDocument doc)
    {
        var tokens = article.Tokens;
        var labels = new int[tokens.Length];
        var mentions = doc.Mentions.Where(m => m.Last - m.First + 1 <= MaxTokens)
            .Select(m => (Start: doc.Grid.Start(m.First), End: doc.Grid.End(m.Last), Length: m.Last - m.First + 1))
            .Distinct().OrderByDescending(m => m.Length).ThenBy(m => m.Start);
        foreach (var (start, end, _) in mentions)
        {
            int first = article.TokenIndexAt(start);
            int last = first;
            if (first >= tokens.Length || tokens[first].Start >= end) continue;
            while (last + 1 < tokens.Length && tokens[last + 1].Start < end) last++;
            bool free = true;
            for (int k = first; k <= last && free; k++) free = labels[k] == 0;
            if (!free) continue;
            labels[first] = 1;
            for (int k = first + 1; k <= last; k++) labels[k] = 2;
        }
        return labels;
    }

    public static SequenceModel Train(IReadOnlyList<GumDocument> docs, NerTrainingOptions options, Action<string>? log = null)
    {
        var data = Sequences(docs);
        log?.Invoke($"en: {docs.Count} documents, {data.Count} sentences, {data.Sum(d => d.Length)} tokens, {data.Sum(d => d.Labels.Count(x => x == 1))} mentions");
        var header = string.Join('\n',
            "Hearsay mention detector, language en",
            $"trained on: {DataDescription}",
            $"averaged structured perceptron, {options.Epochs} epochs, {options.Runs} run(s) averaged, seed {options.Seed}, 2^{options.Bits} weight rows, {MentionTagger.PerToken} features per token (Hearsay.Coreference.MentionTagger)",
            "rebuild: hearsay train coref (from the repository root, data in ../shared/data)");
        var trainer = new PerceptronTrainer { Labels = MentionTagger.Labels, Bits = options.Bits, Epochs = options.Epochs, Seed = options.Seed, Runs = options.Runs };
        return trainer.Train(data, header, log);
    }
}
