using CsCheck;
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

    /// <summary>Scoring reads rows through a rank index and adds a shared zero row for unstored rows: the sums must be
    /// those of adding the stored rows of the features in order, bit for bit, for any number of labels (one to
    /// four vectors wide and wider), from the constructor and from a model file.</summary>
    [Fact]
    public void Scores_are_bit_for_bit_the_sums_of_the_stored_rows_in_feature_order()
    {
        Gen.Select(Gen.Int[1, 20], Gen.Int[4, 10], Gen.Int[0, 1000]).Sample((l, bits, seed) =>
        {
            var rng = new Random(seed);
            var labels = Enumerable.Range(0, l).Select(k => k == 0 ? "O" : "B-T" + k).ToArray();
            var weights = new float[(1 << bits) * l];
            for (int r = 0; r < 1 << bits; r++)
                if (rng.Next(3) == 0)
                    for (int k = 0; k < l; k++)
                        weights[r * l + k] = rng.Next(4) switch { 0 => 0f, 1 => -0f, _ => (float)(Half)(rng.NextDouble() * 8 - 4) };
            var model = new SequenceModel("", labels, bits, weights, new float[(l + 1) * l]);
            using var file = new MemoryStream();
            ModelFile.Write(model, file);
            file.Position = 0;
            var loaded = ModelFile.Read(file);
            var features = Enumerable.Range(0, rng.Next(0, 60)).Select(_ => (uint)rng.NextInt64(0, 1L << 32)).ToArray();
            var start = Enumerable.Range(0, l).Select(_ => (float)rng.NextDouble()).ToArray();

            var expected = (float[])start.Clone();
            var sum = new float[l];
            foreach (uint f in features)
            {
                int row = (int)(f >> (32 - bits));
                var w = weights.AsSpan(row * l, l);
                if (!w.ContainsAnyExcept(0f)) continue;   // a zero row is not stored
                for (int k = 0; k < l; k++) sum[k] += w[k];
            }
            for (int k = 0; k < l; k++) expected[k] += sum[k];

            foreach (var m in new[] { model, loaded })
            {
                var got = (float[])start.Clone();
                m.Score(features, got);
                Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), got.Select(BitConverter.SingleToInt32Bits));
                for (int r = 0; r < 1 << bits; r++)
                {
                    var w = weights.AsSpan(r * l, l);
                    Assert.Equal(w.ContainsAnyExcept(0f) ? w.ToArray() : Array.Empty<float>(), m.Row(r).ToArray());
                }
            }
        }, iter: 200);
    }

    /// <summary>Decoding takes the best previous label for four labels at a time: the labels must be those of the
    /// plain Viterbi (skip forbidden steps, first strictly better previous label wins), ties included.</summary>
    [Fact]
    public void Decoding_matches_a_plain_viterbi_ties_included()
    {
        Gen.Select(Gen.Int[1, 9], Gen.Int[1, 12], Gen.Int[0, 100000]).Sample((types, n, seed) =>
        {
            var rng = new Random(seed);
            var labels = new List<string> { "O" };
            for (int t = 0; t < types; t++) { labels.Add("B-T" + t); if (rng.Next(4) > 0) labels.Add("I-T" + t); }
            int l = labels.Count;
            // small whole numbers make ties common
            float Draw() => rng.Next(5) == 0 ? (float)(rng.NextDouble() * 6 - 3) : rng.Next(-2, 3);
            var transitions = Enumerable.Range(0, (l + 1) * l).Select(_ => Draw()).ToArray();
            var model = new SequenceModel("", labels, 4, new float[16 * l], transitions);
            var emissions = Enumerable.Range(0, n * l).Select(_ => Draw()).ToArray();
            var scored = Enumerable.Range(0, n).Select(_ => rng.Next(4) > 0).ToArray();

            var got = new int[n];
            model.Decode(emissions, n, got);
            Assert.Equal(PlainViterbi(transitions, SequenceModel.AllowedTransitions(labels), l, emissions, 0, n, l, false), got);
            var statics = new int[n];
            SequenceModel.Viterbi(transitions, SequenceModel.AllowedTransitions(labels), l, emissions, n, statics);
            Assert.Equal(got, statics);

            var runs = new int[n];
            model.Decode(emissions, n, runs, scored);
            var expected = new int[n];
            for (int i = 0; i < n;)
            {
                if (!scored[i]) { i++; continue; }
                int j = i;
                while (j < n && scored[j]) j++;
                PlainViterbi(transitions, SequenceModel.AllowedTransitions(labels), l, emissions, i, j - i, i == 0 ? l : 0, j < n).CopyTo(expected, i);
                i = j;
            }
            Assert.Equal(expected, runs);
        }, iter: 2000);
    }

    /// <summary>Max-marginals take the maximum for four labels at a time: every figure must be, bit for bit, that of
    /// the plain loops (forbidden steps skipped, Math.Max), signed zeros and ties included, for whole sequences and
    /// for runs of scored positions.</summary>
    [Fact]
    public void Max_marginals_match_the_plain_loops_bit_for_bit()
    {
        Gen.Select(Gen.Int[1, 9], Gen.Int[1, 10], Gen.Int[0, 100000]).Sample((types, n, seed) =>
        {
            var rng = new Random(seed);
            var labels = new List<string> { "O" };
            for (int t = 0; t < types; t++) { labels.Add("B-T" + t); if (rng.Next(4) > 0) labels.Add("I-T" + t); }
            int l = labels.Count;
            float Draw() => rng.Next(6) switch { 0 => -0f, 1 => 0f, 2 => (float)(rng.NextDouble() * 6 - 3), _ => rng.Next(-2, 3) };
            var transitions = Enumerable.Range(0, (l + 1) * l).Select(_ => Draw()).ToArray();
            var model = new SequenceModel("", labels, 4, new float[16 * l], transitions);
            var allowed = SequenceModel.AllowedTransitions(labels);
            var emissions = Enumerable.Range(0, n * l).Select(_ => Draw()).ToArray();
            var scored = Enumerable.Range(0, n).Select(_ => rng.Next(4) > 0).ToArray();

            var whole = new float[n * l];
            model.MaxMarginals(emissions, n, whole);
            Assert.Equal(Bits(PlainMarginals(transitions, allowed, l, emissions, 0, n, l, false)), Bits(whole));

            var runs = new float[n * l];
            model.MaxMarginals(emissions, n, runs, scored);
            var expected = new float[n * l];
            for (int i = 0; i < n;)
            {
                if (!scored[i]) { i++; continue; }
                int j = i;
                while (j < n && scored[j]) j++;
                PlainMarginals(transitions, allowed, l, emissions, i, j - i, i == 0 ? l : 0, j < n).CopyTo(expected, i * l);
                i = j;
            }
            Assert.Equal(Bits(expected), Bits(runs));
        }, iter: 2000);
    }

    private static int[] Bits(float[] xs) => xs.Select(BitConverter.SingleToInt32Bits).ToArray();

    private static float[] PlainMarginals(float[] t, bool[] allowed, int l, float[] emissions, int first, int n, int from, bool toOutside)
    {
        float E(int i, int c) => emissions[(first + i) * l + c];
        var fwd = new float[n * l];
        var bwd = new float[n * l];
        for (int c = 0; c < l; c++) fwd[c] = allowed[from * l + c] ? E(0, c) + t[from * l + c] : float.NegativeInfinity;
        for (int i = 1; i < n; i++)
            for (int c = 0; c < l; c++)
            {
                float best = float.NegativeInfinity;
                for (int p = 0; p < l; p++)
                    if (allowed[p * l + c]) best = Math.Max(best, fwd[(i - 1) * l + p] + t[p * l + c]);
                fwd[i * l + c] = best + E(i, c);
            }
        for (int c = 0; c < l; c++) bwd[(n - 1) * l + c] = toOutside ? t[c * l] : 0;
        for (int i = n - 2; i >= 0; i--)
            for (int c = 0; c < l; c++)
            {
                float best = float.NegativeInfinity;
                for (int x = 0; x < l; x++)
                    if (allowed[c * l + x]) best = Math.Max(best, t[c * l + x] + E(i + 1, x) + bwd[(i + 1) * l + x]);
                bwd[i * l + c] = best;
            }
        for (int k = 0; k < n * l; k++) fwd[k] += bwd[k];
        return fwd;
    }

    private static int[] PlainViterbi(float[] t, bool[] allowed, int l, float[] emissions, int first, int n, int from, bool toOutside)
    {
        var prev = new float[l];
        var back = new int[n * l];
        for (int c = 0; c < l; c++)
            prev[c] = allowed[from * l + c] ? emissions[first * l + c] + t[from * l + c] : float.NegativeInfinity;
        for (int i = 1; i < n; i++)
        {
            var cur = new float[l];
            for (int c = 0; c < l; c++)
            {
                float best = float.NegativeInfinity;
                int arg = 0;
                for (int p = 0; p < l; p++)
                {
                    if (!allowed[p * l + c]) continue;
                    float s = prev[p] + t[p * l + c];
                    if (s > best) { best = s; arg = p; }
                }
                cur[c] = best + emissions[(first + i) * l + c];
                back[i * l + c] = arg;
            }
            prev = cur;
        }
        if (toOutside)
            for (int c = 0; c < l; c++) prev[c] += t[c * l];
        var labels = new int[n];
        int last = 0;
        for (int c = 1; c < l; c++) if (prev[c] > prev[last]) last = c;
        labels[n - 1] = last;
        for (int i = n - 1; i > 0; i--) labels[i - 1] = back[i * l + labels[i]];
        return labels;
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
