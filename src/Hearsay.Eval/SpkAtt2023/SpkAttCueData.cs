using Hearsay.Document;
using Hearsay.Learning;
using Hearsay.Pipeline;
using Hearsay.Text;

namespace Hearsay.Eval.SpkAtt2023;

/// <summary>
/// SpkAtt-2023 speeches as training data for the cue detector: each speech's tokens joined into running text
/// (<see cref="Detokenizer"/>, as the evaluation does), analyzed as German up to quotations, and each Hearsay
/// token labelled a cue when it overlaps a token of any gold Cue span. The train split's held-out part
/// (<see cref="IsHeldOut"/>) is kept out of training; <c>hearsay eval --split dev</c> scores on it.
/// </summary>
public static class SpkAttCueData
{
    /// <summary>Every tenth speech of a split in file-name order (the 10th, 20th, …) is held out.</summary>
    public static bool IsHeldOut(int sortedIndex) => sortedIndex % 10 == 9;

    /// <summary>The split's files, sorted; for "train" only those used for training, for "train-heldout" only the held-out ones.</summary>
    public static string[] Files(DataRoot data, string split)
    {
        var folder = split == SpkAttDataset.HeldOutSplit ? "train" : split;
        var files = data.RequireFiles(SpkAttDataset.Id, "*.json", folder);
        if (split == SpkAttDataset.HeldOutSplit) return files.Where((_, i) => IsHeldOut(i)).ToArray();
        if (split == "train") return files.Where((_, i) => !IsHeldOut(i)).ToArray();
        return files;
    }

    private static readonly Lazy<Analyzer> TextOnly = new(() => new Analyzer(new PipelineBuilder()
        .Use(new LanguageDetectionStage()).Use(new TokenizerStage()).Use(new SentenceSplitterStage()).Use(new QuotationStage())
        .Build()));

    public static IEnumerable<LabeledArticle> Labeled(IEnumerable<SpkAttSpeech> speeches)
    {
        foreach (var speech in speeches)
        {
            var text = Detokenizer.Build(speech.AllTokens.ToList());
            var article = TextOnly.Value.AnalyzeText(text.Text, new ArticleMetadata { Language = "de" });
            yield return new LabeledArticle(speech.Name, article, Labels(article, text.Grid, speech));
        }
    }

    /// <summary>Per Hearsay token: whether it overlaps a gold cue token.</summary>
    public static bool[] Labels(Article article, TokenGrid grid, SpkAttSpeech speech)
    {
        var gold = new HashSet<int>();
        foreach (var a in speech.Annotations)
            if (a.TryGetValue("Cue", out var cue)) gold.UnionWith(cue);
        var labels = new bool[article.Tokens.Length];
        for (int i = 0; i < labels.Length; i++)
            foreach (var t in grid.Overlapping(article.Tokens[i].Span))
                if (gold.Contains(t)) { labels[i] = true; break; }
        return labels;
    }
}
