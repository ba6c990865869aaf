using Hearsay.Eval;

namespace Hearsay.Tests.Eval;

public class CorefScorerTests
{
    private static CorefMention M(int i) => new(i, i);
    private static IReadOnlyCollection<CorefMention> E(params int[] ids) => ids.Select(M).ToList();

    [Fact]
    public void Conll_metrics_on_a_hand_computed_example()
    {
        // Key {a b c} {d e}; response {a b} {c d e}.
        var scorer = new CorefScorer();
        scorer.AddDocument(new[] { E(1, 2, 3), E(4, 5) }, new[] { E(1, 2), E(3, 4, 5) });
        var muc = scorer.Muc();
        Assert.Equal(2.0 / 3, muc.R, 10); // (3−2) + (2−1) over (3−1) + (2−1)
        Assert.Equal(2.0 / 3, muc.P, 10); // (2−1) + (3−2) over (2−1) + (3−1)
        var b3 = scorer.B3();
        Assert.Equal(11.0 / 15, b3.R, 10); // (4/3 + 1/3 + 4/2) / 5
        Assert.Equal(11.0 / 15, b3.P, 10);
        var ceaf = scorer.CeafE();
        Assert.Equal(0.8, ceaf.R, 10);     // φ4: 2·2/5 twice, over 2 key entities
        Assert.Equal(0.8, ceaf.P, 10);
        Assert.Equal((2.0 / 3 + 11.0 / 15 + 0.8) / 3, scorer.ConllF1, 10);
    }

    [Fact]
    public void Perfect_response_scores_one_and_empty_response_zero()
    {
        var perfect = new CorefScorer();
        perfect.AddDocument(new[] { E(1, 2), E(3) }, new[] { E(2, 1), E(3) });
        Assert.Equal(1.0, perfect.ConllF1, 10);

        var empty = new CorefScorer();
        empty.AddDocument(new[] { E(1, 2) }, Array.Empty<IReadOnlyCollection<CorefMention>>());
        Assert.Equal(0.0, empty.ConllF1);
    }

    [Fact]
    public void Mentions_with_other_boundaries_do_not_match()
    {
        var scorer = new CorefScorer();
        scorer.AddDocument(new[] { (IReadOnlyCollection<CorefMention>)new[] { new CorefMention(0, 1), new CorefMention(5, 5) } },
                           new[] { (IReadOnlyCollection<CorefMention>)new[] { new CorefMention(0, 0), new CorefMention(5, 5) } });
        Assert.Equal(0.0, scorer.Muc().R);
    }
}
