using Hearsay.Document;
using Hearsay.Entities;
using Hearsay.Languages;
using Hearsay.Pipeline;

namespace Hearsay.Training;

/// <summary>One sentence to learn from: its features (<see cref="NameFeatures.PerToken"/> per token) and gold label per token.</summary>
public sealed class TaggerSequence
{
    public required uint[] Features { get; init; }
    public required int[] Labels { get; init; }
    /// <summary>Per token: whether the tagger scores it (<see cref="NameFeatures.Scored"/>); the others are always "O".</summary>
    public required bool[] Scored { get; init; }
    public int Length => Labels.Length;
    /// <summary>Which text it comes from (a GermEval sentence, a GUM document).</summary>
    public required string Source { get; init; }
    /// <summary>The tokens' text (for error reports).</summary>
    public string[] Words { get; init; } = Array.Empty<string>();
}

/// <summary>
/// Turns gold-annotated texts into tagger sequences: each text goes through Hearsay's own pipeline up to
/// the entity stage (language, tokens, sentences, quotations), so the tagger learns on the tokens and
/// features it will see at run time; the gold names (character spans) are projected onto Hearsay's
/// tokens as BIO labels (a token overlapping a name takes its label).
/// </summary>
public static class TaggerExamples
{
    /// <summary>The stages before the entity stage, from the default pipeline.</summary>
    public static AnalysisPipeline Preparation()
    {
        var stages = new List<IStage>();
        foreach (var s in AnalysisPipeline.CreateDefault().Stages)
        {
            if (s is EntityStage) break;
            stages.Add(s);
        }
        return new AnalysisPipeline(stages.ToArray(), LanguageRegistry.Default);
    }

    public static List<TaggerSequence> Build(IReadOnlyList<NamedText> texts, IReadOnlyList<string> labels)
    {
        var prep = Preparation();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i, StringComparer.Ordinal);
        return texts.AsParallel().AsOrdered()
            .SelectMany(t => FromText(t, prep, index))
            .ToList();
    }

    private static IEnumerable<TaggerSequence> FromText(NamedText text, AnalysisPipeline prep, Dictionary<string, int> labelIndex)
    {
        var article = prep.Run(Input.ArticleReader.FromText(text.Text, new ArticleMetadata { Language = text.Language }));
        var pack = prep.Languages.For(article.Language);
        var gold = GoldLabels(article, text.Names, labelIndex);
        var result = new List<TaggerSequence>();
        foreach (var (sent, features, scored) in EntityStage.TaggerFeatures(article, pack))
            result.Add(new TaggerSequence
            {
                Features = features,
                Scored = scored,
                Labels = gold[sent.FirstToken..sent.EndToken],
                Source = text.Id,
                Words = Enumerable.Range(sent.FirstToken, sent.TokenCount).Select(i => article.Text.Substring(article.Tokens[i].Start, article.Tokens[i].Length)).ToArray(),
            });
        return result;
    }

    /// <summary>BIO label ids per token of the article.</summary>
    public static int[] GoldLabels(Article article, IReadOnlyList<GoldName> names, Dictionary<string, int> labelIndex)
    {
        var tokens = article.Tokens;
        var labels = new int[tokens.Length];
        foreach (var name in names)
        {
            if (!labelIndex.TryGetValue("B-" + name.Type, out int b)) continue;
            // A type with no "I-" label (a name inside a word) only takes one token.
            if (!labelIndex.TryGetValue("I-" + name.Type, out int inside)) inside = -1;
            int first = -1, count = 0;
            for (int i = 0; i < tokens.Length && tokens[i].Start < name.End; i++)
            {
                if (tokens[i].End <= name.Start) continue;
                if (labels[i] != 0) { first = -2; break; }   // overlaps a name already placed: leave this one out
                if (first == -1) first = i;
                count++;
            }
            if (first < 0 || count > 1 && inside < 0) continue;
            for (int i = first; i < tokens.Length && tokens[i].Start < name.End; i++) labels[i] = i == first ? b : inside;
        }
        return labels;
    }
}
