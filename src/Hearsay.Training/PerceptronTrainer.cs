using Hearsay.Learning;

namespace Hearsay.Training;

/// <summary>
/// Trains a <see cref="SequenceModel"/> with the averaged structured perceptron (Collins 2002): for each
/// sentence, decode with the current weights; where the best sequence differs from the gold one, add 1
/// to the gold labels' weights of the features at the differing positions (and the gold transitions)
/// and subtract 1 from the predicted ones. The model returned holds the average of the weights over all
/// steps, which generalizes far better than the last weights. Deterministic: the sentence order of each
/// epoch is a shuffle by a fixed-seed generator, and nothing runs in parallel.
/// </summary>
public sealed class PerceptronTrainer
{
    public required IReadOnlyList<string> Labels { get; init; }
    /// <summary>The weight table has 2^Bits rows.</summary>
    public int Bits { get; init; } = 18;
    public int Epochs { get; init; } = 12;
    public ulong Seed { get; init; } = 20140101;
    /// <summary>Independent runs, each over its own sentence order (seeds <see cref="Seed"/>, Seed + 1, …), whose averaged
    /// weights are averaged again: a model less tied to one order of the data.</summary>
    public int Runs { get; init; } = 1;

    public SequenceModel Train(IReadOnlyList<TaggerSequence> data, string header, Action<string>? log = null)
    {
        int l = Labels.Count;
        var w = new float[(1 << Bits) * l];
        var t = new float[(l + 1) * l];
        for (int run = 0; run < Runs; run++)
        {
            var (rw, rt) = TrainOnce(data, Seed + (ulong)run, log);
            for (int i = 0; i < w.Length; i++) w[i] += rw[i] / Runs;
            for (int i = 0; i < t.Length; i++) t[i] += rt[i] / Runs;
        }
        // Rounded to half precision as the model file stores them: the model trained is the model shipped.
        for (int i = 0; i < w.Length; i++) w[i] = (float)(Half)w[i];
        return new SequenceModel(header, Labels, Bits, w, t);
    }

    /// <summary>One run of the averaged perceptron: its averaged weights and transitions.</summary>
    private (float[] Weights, float[] Transitions) TrainOnce(IReadOnlyList<TaggerSequence> data, ulong seed, Action<string>? log)
    {
        int l = Labels.Count;
        var w = new float[(1 << Bits) * l];
        var t = new float[(l + 1) * l];
        // Sums of (step × update) for averaging: average = w - acc / steps.
        var wAcc = new double[w.Length];
        var tAcc = new double[t.Length];
        var allowed = SequenceModel.AllowedTransitions(Labels);
        int shift = 32 - Bits;
        int k = NameFeatureCount(data);
        var order = Enumerable.Range(0, data.Count).ToArray();
        var rng = new SplitMix64(seed);
        double step = 1;
        var pred = new int[data.Count == 0 ? 0 : data.Max(d => d.Length)];
        var scores = new float[pred.Length * l];
        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            Shuffle(order, rng);
            int mistakes = 0, tokens = 0;
            foreach (int s in order)
            {
                var seq = data[s];
                int n = seq.Length;
                if (n == 0) continue;
                Array.Clear(scores, 0, n * l);
                for (int i = 0; i < n; i++)
                {
                    if (!seq.Scored[i])
                    {
                        for (int c = 1; c < l; c++) scores[i * l + c] = Outside;   // as at run time: only "O"
                        continue;
                    }
                    foreach (uint f in seq.Features.AsSpan(i * k, k))
                    {
                        int row = (int)(f >> shift) * l;
                        for (int c = 0; c < l; c++) scores[i * l + c] += w[row + c];
                    }
                }
                SequenceModel.Viterbi(t, allowed, l, scores.AsSpan(0, n * l), n, pred);
                tokens += n;
                for (int i = 0; i < n; i++)
                {
                    int g = seq.Labels[i], p = pred[i];
                    if (g != p && seq.Scored[i])
                    {
                        mistakes++;
                        foreach (uint f in seq.Features.AsSpan(i * k, k))
                        {
                            int row = (int)(f >> shift) * l;
                            w[row + g] += 1; wAcc[row + g] += step;
                            w[row + p] -= 1; wAcc[row + p] -= step;
                        }
                    }
                    int gp = i == 0 ? l : seq.Labels[i - 1], pp = i == 0 ? l : pred[i - 1];
                    if (gp != pp || g != p)
                    {
                        t[gp * l + g] += 1; tAcc[gp * l + g] += step;
                        t[pp * l + p] -= 1; tAcc[pp * l + p] -= step;
                    }
                }
                step++;
            }
            log?.Invoke($"epoch {epoch + 1}/{Epochs}: {mistakes} token errors in {tokens} tokens ({100.0 * mistakes / Math.Max(1, tokens):F2}%)");
        }
        for (int i = 0; i < w.Length; i++) w[i] = (float)(w[i] - wAcc[i] / step);
        for (int i = 0; i < t.Length; i++) t[i] = (float)(t[i] - tAcc[i] / step);
        return (w, t);
    }

    /// <summary>The score of a label a token the tagger does not score cannot take.</summary>
    private const float Outside = -1e6f;

    private static int NameFeatureCount(IReadOnlyList<TaggerSequence> data)
    {
        foreach (var d in data)
            if (d.Length > 0) return d.Features.Length / d.Length;
        return 1;
    }

    private static void Shuffle(int[] a, SplitMix64 rng)
    {
        for (int i = a.Length - 1; i > 0; i--)
        {
            int j = (int)(rng.Next() % (ulong)(i + 1));
            (a[i], a[j]) = (a[j], a[i]);
        }
    }

    /// <summary>A small fixed generator (SplitMix64), so the shuffles never depend on the runtime's Random.</summary>
    private sealed class SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public ulong Next()
        {
            unchecked
            {
                ulong z = _state += 0x9E3779B97F4A7C15;
                z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
                z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
                return z ^ (z >> 31);
            }
        }
    }
}
