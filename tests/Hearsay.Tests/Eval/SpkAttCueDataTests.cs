using Hearsay.Eval;
using Hearsay.Eval.SpkAtt2023;

namespace Hearsay.Tests.Eval;

/// <summary>SpkAtt-2023 as training data for the cue detector, and its held-out split.</summary>
public class SpkAttCueDataTests
{
    private const string Speech = """
    {"Sentences":[{"SentenceId":0,"Tokens":["Frau","Präsidentin","!"]},
                  {"SentenceId":1,"Tokens":["Wir","stellen","fest",",","dass","der","Antrag","scheitert","."]}],
     "Annotations":[{"Cue":["1:1"],"PTC":["1:2"],"Source":["1:0"],"Message":["1:4","1:5","1:6","1:7"]},
                    {"Cue":["1:6"],"Source":[],"Message":[]}]}
    """;

    [Fact]
    public void Hearsay_tokens_overlapping_a_gold_cue_are_labelled_cues_and_nothing_else()
    {
        var speech = SpkAttReader.Parse("test", Speech);
        var text = Detokenizer.Build(speech.AllTokens.ToList());
        var labeled = SpkAttCueData.Labeled(new[] { speech }).Single();
        var a = labeled.Article;
        var cues = a.Tokens.Where((t, i) => labeled.Cue[i]).Select(t => a.Slice(t).ToString()).ToArray();
        // The particle is its own role (PTC), not part of the cue.
        Assert.Equal(new[] { "stellen", "Antrag" }, cues);
        Assert.Equal(text.Text, a.Text);
    }

    [Fact]
    public void The_held_out_tenth_and_the_training_part_split_train_without_overlap()
    {
        var root = Directory.CreateTempSubdirectory("hearsay-spkatt-");
        try
        {
            var train = Directory.CreateDirectory(Path.Combine(root.FullName, SpkAttDataset.Id, "train"));
            for (int i = 0; i < 25; i++) File.WriteAllText(Path.Combine(train.FullName, $"speech{i:00}.json"), Speech);
            var data = new DataRoot(root.FullName);
            var fit = SpkAttCueData.Files(data, "train");
            var held = SpkAttCueData.Files(data, SpkAttDataset.HeldOutSplit);
            Assert.Equal(new[] { "speech09.json", "speech19.json" }, held.Select(Path.GetFileName));
            Assert.Equal(23, fit.Length);
            Assert.Empty(fit.Intersect(held));
            Assert.Equal(SpkAttDataset.HeldOutSplit, new SpkAttDataset().SplitName(SplitChoice.Dev));
            Assert.Equal("dev", new SpkAttDataset().SplitName(SplitChoice.Test));
        }
        finally { root.Delete(recursive: true); }
    }
}
