using Hearsay.Entities;
using Hearsay.Learning;

namespace Hearsay.Tests.Learning;

/// <summary>The linear-chain model: scoring sums the rows of the features, decoding keeps to BIO, the file
/// format round-trips exactly and refuses damaged files, and the shipped models load.</summary>
public class SequenceModelTests
{
    private static readonly string[] Labels = { "O", "B-PER", "I-PER", "B-LOC", "I-LOC" };

    /// <summary>A model over 2^8 rows with weights that half precision holds exactly.</summary>
    private static SequenceModel RandomModel(int seed, int bits = 8)
    {
        var rng = new Random(seed);
        int l = Labels.Length;
        var weights = new float[(1 << bits) * l];
        for (int r = 0; r < 1 << bits; r++)
            if (rng.Next(3) == 0)   // most rows stay zero, as after training
                for (int k = 0; k < l; k++) weights[r * l + k] = (float)(Half)(rng.NextDouble() * 4 - 2);
        var transitions = Enumerable.Range(0, (l + 1) * l).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
        return new SequenceModel("test model\nrebuild: none", Labels, bits, weights, transitions);
    }

    [Fact]
    public void Scores_add_up_the_rows_the_features_select()
    {
        int l = Labels.Length, bits = 4;
        var weights = new float[(1 << bits) * l];
        weights[3 * l + 1] = 2f;          // row 3 favours B-PER
        weights[5 * l + 1] = 0.5f;        // row 5 too, a little
        weights[5 * l + 3] = 1f;          // and B-LOC
        var model = new SequenceModel("", Labels, bits, weights, new float[(l + 1) * l]);
        uint Feature(int row) => (uint)row << (32 - bits);
        var scores = new float[l];
        model.Score(new[] { Feature(3), Feature(5), Feature(7) }, scores);
        Assert.Equal(new[] { 0f, 2.5f, 0f, 1f, 0f }, scores);
        Assert.Equal(2, model.StoredRows);
        Assert.True(model.Row(7).IsEmpty);
    }

    [Fact]
    public void Decoding_never_continues_a_name_that_did_not_begin()
    {
        int l = Labels.Length;
        var model = new SequenceModel("", Labels, 4, new float[16 * l], new float[(l + 1) * l]);
        // I-PER scores best everywhere, but may only follow B-PER or I-PER.
        var emissions = new float[3 * l];
        for (int i = 0; i < 3; i++) { emissions[i * l + 2] = 5f; emissions[i * l + 1] = 1f; }
        var labels = new int[3];
        model.Decode(emissions, 3, labels);
        Assert.Equal(new[] { 1, 2, 2 }, labels);   // B-PER I-PER I-PER
        Assert.False(model.Allowed(-1, 2));
        Assert.False(model.Allowed(0, 4));
        Assert.True(model.Allowed(3, 4));
        Assert.False(model.Allowed(1, 4));          // I-LOC after B-PER
    }

    /// <summary>Every label sequence BIO allows over <paramref name="n"/> positions, with its score.</summary>
    private static IEnumerable<(int[] Labels, float Score)> AllSequences(SequenceModel model, float[] emissions, int n)
    {
        int l = model.LabelCount;
        var t = model.Transitions.ToArray();
        var seq = new int[n];
        for (long code = 0; code < (long)Math.Pow(l, n); code++)
        {
            long c = code;
            for (int i = 0; i < n; i++) { seq[i] = (int)(c % l); c /= l; }
            bool ok = true;
            float score = 0;
            for (int i = 0; i < n && ok; i++)
            {
                ok = model.Allowed(i == 0 ? -1 : seq[i - 1], seq[i]);
                score += emissions[i * l + seq[i]] + t[(i == 0 ? l : seq[i - 1]) * l + seq[i]];
            }
            if (ok) yield return ((int[])seq.Clone(), score);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Decoding_finds_the_best_sequence_and_max_marginals_the_best_through_each_label(int seed)
    {
        var model = RandomModel(seed);
        var rng = new Random(100 + seed);
        int l = model.LabelCount, n = 5;
        var emissions = Enumerable.Range(0, n * l).Select(_ => (float)(rng.NextDouble() * 6 - 3)).ToArray();
        var all = AllSequences(model, emissions, n).ToList();
        var best = all.MaxBy(x => x.Score);
        var labels = new int[n];
        model.Decode(emissions, n, labels);
        Assert.Equal(best.Labels, labels);
        // The same as the trainer's decoder, which reads the transitions it is given.
        var trainer = new int[n];
        SequenceModel.Viterbi(model.Transitions, SequenceModel.AllowedTransitions(Labels), l, emissions, n, trainer);
        Assert.Equal(labels, trainer);
        var marginals = new float[n * l];
        model.MaxMarginals(emissions, n, marginals);
        for (int i = 0; i < n; i++)
            for (int c = 0; c < l; c++)
            {
                var through = all.Where(x => x.Labels[i] == c).ToList();
                if (through.Count == 0) Assert.Equal(float.NegativeInfinity, marginals[i * l + c]);
                else Assert.Equal(through.Max(x => x.Score), marginals[i * l + c], 3);
            }
    }

    [Fact]
    public void Max_marginals_asked_only_where_names_were_decoded_leave_the_other_runs_alone()
    {
        var model = RandomModel(4);
        int l = model.LabelCount, n = 5;
        var emissions = new float[n * l];
        for (int c = 1; c < l; c++) { emissions[c] = 4; emissions[4 * l + c] = -4; }   // a name at 0, nothing at 4
        var scored = new[] { true, false, false, false, true };
        var labels = new int[n];
        model.Decode(emissions, n, labels, scored);
        Assert.NotEqual(0, labels[0]);
        Assert.Equal(0, labels[4]);
        var marginals = Enumerable.Repeat(7f, n * l).ToArray();
        model.MaxMarginals(emissions, n, marginals, scored, labels);
        Assert.NotEqual(7f, marginals[labels[0]]);
        Assert.All(marginals.AsSpan(4 * l, l).ToArray(), m => Assert.Equal(7f, m));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void Sixteen_bit_scores_stay_within_half_a_step_per_feature_of_the_float_scores(int seed)
    {
        var model = RandomModel(seed);
        var quantized = model.WithQuantizedScores();
        Assert.True(quantized.Quantized);
        Assert.False(model.Quantized);
        var rng = new Random(seed);
        int l = model.LabelCount;
        float step = 2f / short.MaxValue;   // the largest weight is below 2
        for (int trial = 0; trial < 50; trial++)
        {
            var features = Enumerable.Range(0, 20).Select(_ => (uint)rng.NextInt64(0, 1L << 32)).ToArray();
            var exact = new float[l];
            var approx = new float[l];
            model.Score(features, exact);
            quantized.Score(features, approx);
            for (int c = 0; c < l; c++) Assert.InRange(approx[c] - exact[c], -features.Length * step, features.Length * step);
        }
    }

    [Fact]
    public void A_model_file_round_trips_exactly()
    {
        var model = RandomModel(7);
        using var file = new MemoryStream();
        ModelFile.Write(model, file);
        file.Position = 0;
        var back = ModelFile.Read(file);

        Assert.Equal(model.Header, back.Header);
        Assert.Equal(model.Labels, back.Labels);
        Assert.Equal(model.Bits, back.Bits);
        Assert.Equal(model.Transitions.ToArray(), back.Transitions.ToArray());
        Assert.Equal(model.StoredRows, back.StoredRows);
        for (int r = 0; r < 1 << model.Bits; r++) Assert.Equal(model.Row(r).ToArray(), back.Row(r).ToArray());
        Assert.Equal(ModelFile.Fingerprint(model), ModelFile.Fingerprint(back));
    }

    [Fact]
    public void Different_weights_give_different_fingerprints()
    {
        Assert.NotEqual(ModelFile.Fingerprint(RandomModel(1)), ModelFile.Fingerprint(RandomModel(2)));
        Assert.Equal(ModelFile.Fingerprint(RandomModel(1)), ModelFile.Fingerprint(RandomModel(1)));
    }

    [Fact]
    public void A_damaged_or_foreign_file_is_refused()
    {
        using var file = new MemoryStream();
        ModelFile.Write(RandomModel(3), file);
        var bytes = file.ToArray();
        bytes[bytes.Length / 2] ^= 0x40;
        Assert.Throws<InvalidDataException>(() => ModelFile.Read(new MemoryStream(bytes)));
        Assert.Throws<InvalidDataException>(() => ModelFile.Read(new MemoryStream("not a model at all"u8.ToArray())));
    }

    [Theory]
    [InlineData("de", "GermEval 2014")]
    [InlineData("en", "GUM")]
    public void The_shipped_models_load_and_say_what_trained_them(string language, string corpus)
    {
        var model = NameModels.Load(language);
        Assert.NotNull(model);
        Assert.Contains(corpus, model!.Header);
        Assert.Contains("hearsay train ner", model.Header);
        Assert.Equal("O", model.Labels[0]);
        Assert.Contains("B-PER", model.Labels);
        Assert.True(model.StoredRows > 1000, $"{language}: {model.StoredRows} rows");
    }
}
