using Hearsay.Attributions;
using Hearsay.Document;

namespace Hearsay.Learning;

/// <summary>An analyzed article (tokens, sentences, quotations) with a cue label per token.</summary>
public sealed record LabeledArticle(string Name, Article Article, bool[] Cue);

/// <summary>Settings of a training run. The defaults are the ones the shipped model was trained with.</summary>
public sealed record CueTrainingOptions
{
    public int Epochs { get; init; } = 10;
    public ulong Seed { get; init; } = 20230401;
    public int Bits { get; init; } = 18;
}

/// <summary>
/// Trains the cue detector: every word token of the articles is an example (positive when it is labelled
/// part of a cue); features from <see cref="CueFeatures"/>; an <see cref="AveragedPerceptron"/> with a fixed
/// seed and epoch count, so a run is reproducible.
/// </summary>
public static class CueTrainer
{
    public static (CueModel Model, IReadOnlyList<int> Mistakes) Train(IReadOnlyList<LabeledArticle> data, AttributionLexicon lexicon, CueTrainingOptions options, string header)
    {
        var examples = Examples(data, lexicon);
        var perceptron = new AveragedPerceptron(options.Bits);
        perceptron.Train(examples, options.Epochs, options.Seed);
        return (new CueModel(perceptron.Weights(), header, cueStems: CueStems(data)), perceptron.MistakesPerEpoch);
    }

    /// <summary>The stem keys of the tokens labelled cues (the model's cue vocabulary).</summary>
    public static IEnumerable<uint> CueStems(IReadOnlyList<LabeledArticle> data)
    {
        foreach (var item in data)
            for (int i = 0; i < item.Cue.Length; i++)
                if (item.Cue[i] && item.Article.Tokens[i].Kind == TokenKind.Word)
                    yield return CueFeatures.StemKey(item.Article.Slice(item.Article.Tokens[i]));
    }

    public static List<Example> Examples(IReadOnlyList<LabeledArticle> data, AttributionLexicon lexicon)
    {
        var examples = new List<Example>();
        Span<uint> buf = stackalloc uint[CueFeatures.MaxFeatures];
        foreach (var item in data)
        {
            var features = new CueFeatures(item.Article, lexicon);
            var tokens = item.Article.Tokens;
            for (int i = 0; i < tokens.Length; i++)
            {
                if (tokens[i].Kind != TokenKind.Word) continue;
                int n = features.Extract(i, buf);
                var f = new int[n];
                for (int k = 0; k < n; k++) f[k] = (int)(buf[k] & 0x7FFFFFFF);
                examples.Add(new Example(f, item.Cue[i]));
            }
        }
        return examples;
    }

    /// <summary>Token-level counts of the model's decisions (score above <paramref name="threshold"/>) on word tokens.</summary>
    public static (int Tp, int Fp, int Fn) Measure(CueModel model, IReadOnlyList<LabeledArticle> data, AttributionLexicon lexicon, float threshold = 0)
    {
        int tp = 0, fp = 0, fn = 0;
        foreach (var item in data)
        {
            var features = new CueFeatures(item.Article, lexicon);
            var tokens = item.Article.Tokens;
            for (int i = 0; i < tokens.Length; i++)
            {
                if (tokens[i].Kind != TokenKind.Word) continue;
                bool sys = model.Score(features, i) > threshold;
                if (sys && item.Cue[i]) tp++;
                else if (sys) fp++;
                else if (item.Cue[i]) fn++;
            }
        }
        return (tp, fp, fn);
    }
}
