using Hearsay.Attributions;
using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Learning;
using static Hearsay.Tests.TestArticles;

namespace Hearsay.Tests.Learning;

/// <summary>Training the cue detector end to end on small hand-made German articles.</summary>
public class CueTrainerTests
{
    private static readonly AttributionLexicon German = AttributionLexicon.For(LanguageRegistry.Default.For("de"));

    /// <summary>An article with the tokens whose text is in <paramref name="cues"/> labelled cues.</summary>
    private static LabeledArticle Labeled(string text, params string[] cues)
    {
        var a = De(text);
        var labels = a.Tokens.Select(t => cues.Contains(a.Slice(t).ToString())).ToArray();
        Assert.Equal(cues.Length, labels.Count(x => x));
        return new LabeledArticle(text, a, labels);
    }

    private static readonly LabeledArticle[] Data =
    {
        Labeled("Die Ministerin betonte, dass die Schulen offen bleiben.", "betonte"),
        Labeled("Der Verband bemängelt, dass die Mittel nicht reichen.", "bemängelt"),
        Labeled("Die Opposition bemängelte am Dienstag, dass der Plan zu spät komme.", "bemängelte"),
        Labeled("Die Schulen bleiben im Sommer offen.", Array.Empty<string>()),
        Labeled("Der Plan kommt zu spät für die Region.", Array.Empty<string>()),
        Labeled("Die Mittel reichen nicht für alle Schulen.", Array.Empty<string>()),
    };

    [Fact]
    public void Training_twice_gives_the_same_model()
    {
        var options = new CueTrainingOptions { Epochs = 4, Bits = 12, Seed = 99 };
        var (a, _) = CueTrainer.Train(Data, German, options, "model: a");
        var (b, _) = CueTrainer.Train(Data, German, options, "model: a");
        for (int i = 0; i < 1 << 12; i++) Assert.Equal(a.Weight(i), b.Weight(i));
    }

    [Fact]
    public void A_verb_learnt_as_a_cue_is_recognised_in_a_new_sentence()
    {
        var (model, mistakes) = CueTrainer.Train(Data, German, new CueTrainingOptions { Epochs = 10, Bits = 14 }, "model: tiny");
        Assert.Equal(0, mistakes[^1]);
        var a = De("Der Landrat bemängelt, dass die Straße gesperrt bleibt.");
        var features = new CueFeatures(a, German);
        int verb = Array.FindIndex(a.Tokens, t => a.Slice(t).SequenceEqual("bemängelt"));
        int noun = Array.FindIndex(a.Tokens, t => a.Slice(t).SequenceEqual("Straße"));
        Assert.True(model.Score(features, verb) > 0);
        Assert.True(model.Score(features, noun) < 0);
        var (tp, fp, fn) = CueTrainer.Measure(model, Data, German);
        Assert.Equal((3, 0, 0), (tp, fp, fn));
    }

    [Fact]
    public void Only_word_tokens_are_examples()
    {
        var examples = CueTrainer.Examples(new[] { Data[0] }, German);
        int words = Data[0].Article.Tokens.Count(t => t.Kind == TokenKind.Word);
        Assert.Equal(words, examples.Count);
        Assert.Single(examples, e => e.Positive);
    }
}
