using Hearsay.Learning;

namespace Hearsay.Tests.Learning;

/// <summary>The learner alone, on hand-made feature sets.</summary>
public class AveragedPerceptronTests
{
    // Features: 1 = bias, 10 = "said", 11 = "house", 12 = "claimed", 20 = followed by "that", 21 = after "the".
    private static readonly Example[] Tiny =
    {
        new(new[] { 1, 10, 20 }, true),
        new(new[] { 1, 12, 20 }, true),
        new(new[] { 1, 10, 21 }, true),
        new(new[] { 1, 11, 21 }, false),
        new(new[] { 1, 11, 20 }, false),
        new(new[] { 1, 21 }, false),
        new(new[] { 1 }, false),
    };

    private static float Score(float[] w, params int[] features) => features.Sum(f => w[f & (w.Length - 1)]);

    [Fact]
    public void Learns_a_tiny_separable_set()
    {
        var p = new AveragedPerceptron(bits: 8);
        p.Train(Tiny, epochs: 10, seed: 7);
        var w = p.Weights();
        foreach (var ex in Tiny) Assert.Equal(ex.Positive, Score(w, ex.Features) > 0);
        // The last epoch made no mistake: the set is learnt, not just averaged into shape.
        Assert.Equal(0, p.MistakesPerEpoch[^1]);
        // The word carries the decision, not the context: an unseen combination still comes out right.
        Assert.True(Score(w, 1, 12, 21) > 0);
        Assert.True(Score(w, 1, 11) < 0);
    }

    [Fact]
    public void Same_examples_seed_and_epochs_give_the_same_weights_bit_for_bit()
    {
        var a = new AveragedPerceptron(8);
        var b = new AveragedPerceptron(8);
        a.Train(Tiny, 5, seed: 42);
        b.Train(Tiny, 5, seed: 42);
        Assert.Equal(a.Weights(), b.Weights());
        Assert.Equal(a.MistakesPerEpoch, b.MistakesPerEpoch);
    }

    [Fact]
    public void The_seed_decides_the_order_of_the_examples()
    {
        var orders = Enumerable.Range(1, 6).Select(seed =>
        {
            var p = new AveragedPerceptron(8);
            p.Train(Tiny, 1, (ulong)seed);
            return string.Join(",", p.Weights());
        });
        Assert.True(orders.Distinct().Count() > 1);
    }

    [Fact]
    public void Rejects_a_bucket_count_out_of_range()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new AveragedPerceptron(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AveragedPerceptron(30));
    }
}
