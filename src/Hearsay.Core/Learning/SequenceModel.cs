using System.Runtime.Intrinsics;
using System.Runtime.InteropServices;

namespace Hearsay.Learning;

/// <summary>
/// A linear-chain tagger: each position's features (hashes, see <see cref="TaggerFeatureHash"/>) select rows of
/// a weight table, a row holding one weight per label; a label's score at a position is the sum of its
/// weights over the position's features. Transition weights between labels (and from the start) join the
/// positions, and <see cref="Decode(ReadOnlySpan{float}, int, Span{int})"/> finds the best-scoring label sequence (Viterbi). With BIO labels
/// ("O", "B-PER", "I-PER", …) an "I-X" may only follow "B-X" or "I-X".
/// <para>A feature's row is the top <see cref="Bits"/> bits of its hash, so the model has no vocabulary.
/// Most rows were never touched in training and are zero: the table is kept as a flat array of the
/// non-zero rows only plus, per row, its place in that array (-1 for a zero row), so a feature unseen in
/// training costs one probe of a small index and no weight load. That keeps the model a few megabytes
/// in memory and the scoring mostly in cache.</para>
/// The model is immutable and safe to share between threads.
/// </summary>
public sealed class SequenceModel
{
    /// <summary>Per row: its offset in <see cref="_weights"/>, or -1 when all its weights are zero.</summary>
    private readonly int[] _rowAt;
    /// <summary>The non-zero rows, one after another, <see cref="_stride"/> floats each: the <see cref="LabelCount"/>
    /// weights, then zeros up to a whole number of 128-bit vectors, so <see cref="Score"/> adds a row with a few vector adds.</summary>
    private readonly float[] _weights;
    private readonly int _stride;
    private readonly float[] _transitions;
    private readonly bool[] _allowed;
    private readonly int _shift;

    /// <param name="header">What trained the model and how to rebuild it (free text, stored in the file).</param>
    /// <param name="labels">Label names; index 0 should be "O".</param>
    /// <param name="bits">Rows of the weight table: 2^bits.</param>
    /// <param name="weights">2^bits × labels weights, row-major (zero rows are dropped; the array is not kept).</param>
    /// <param name="transitions">(labels + 1) × labels weights: [previous × labels + current], the last row from the start.</param>
    public SequenceModel(string header, IReadOnlyList<string> labels, int bits, ReadOnlySpan<float> weights, float[] transitions)
        : this(header, labels, bits, transitions, Compact(weights, labels.Count, bits))
    {
    }

    /// <summary>Floats per stored row: the label count rounded up to whole 128-bit vectors (four floats), so rows stay small.</summary>
    private static int StrideOf(int labels) => (labels + 3) / 4 * 4;

    private SequenceModel(string header, IReadOnlyList<string> labels, int bits, float[] transitions, (int[] RowAt, float[] Weights) table,
        bool quantize = false)
    {
        if (labels.Count is < 1 or > 64) throw new ArgumentException("between 1 and 64 labels", nameof(labels));
        int l = labels.Count;
        if (transitions.Length != (l + 1) * l) throw new ArgumentException($"expected {(l + 1) * l} transitions", nameof(transitions));
        Header = header;
        Labels = labels.ToArray();
        Bits = bits;
        _rowAt = table.RowAt;
        _weights = table.Weights;
        _stride = StrideOf(l);
        _transitions = transitions;
        _shift = 32 - bits;
        _allowed = AllowedTransitions(Labels);
        (_forward, _backward) = Lanes(transitions, _allowed, l, _stride);
        if (quantize) _quantized = new QuantizedRows(_rowAt, _weights, _stride, l);
    }

    /// <summary>The same model scoring from 16-bit integer weights (see <see cref="QuantizedRows"/>): the scores
    /// differ from the float ones by at most half a step per feature (the step is the largest weight / 32767), and a
    /// feature costs one load from a dense table instead of two dependent ones, which matters for a tagger whose time
    /// goes to waiting on memory. The float weights stay for <see cref="Row"/> and the model file. Meant for small
    /// tables: 2^16 rows of up to 16 labels take 2 MiB.</summary>
    public SequenceModel WithQuantizedScores() => new(Header, Labels, Bits, _transitions, (_rowAt, _weights), quantize: true);

    /// <summary>Whether the dense 16-bit table of <see cref="WithQuantizedScores"/> takes at most <paramref name="bytes"/>.</summary>
    public bool QuantizedFits(long bytes) => (1L << Bits) * ((LabelCount + 7) / 8 * 16) <= bytes;

    /// <summary>Whether <see cref="Score"/> reads 16-bit weights (<see cref="WithQuantizedScores"/>).</summary>
    public bool Quantized => _quantized is not null;

    private readonly QuantizedRows? _quantized;

    /// <summary>Every row, zero or not, as 16-bit integers times one scale, padded to whole 128-bit vectors (8 labels)
    /// and the first at a 32-byte boundary, so a row of up to 16 labels lies in one cache line. A feature costs one
    /// load at the place its hash gives (2^16 rows × 12 labels: 2 MiB), where the sparse table needs a load of the
    /// row's place and then one of its weights.</summary>
    private sealed class QuantizedRows
    {
        public readonly short[] Weights;
        /// <summary>Where the first row begins in <see cref="Weights"/> (32-byte alignment).</summary>
        public readonly int Base;
        public readonly int Vectors;
        public readonly float Scale;

        public QuantizedRows(int[] rowAt, float[] weights, int stride, int labels)
        {
            Vectors = (labels + 7) / 8;
            int width = Vectors * 8;
            float max = 0;
            foreach (float w in weights) max = Math.Max(max, Math.Abs(w));
            Scale = max > 0 ? max / short.MaxValue : 1;
            // The pinned heap never moves an array, so an alignment found once holds.
            Weights = GC.AllocateArray<short>(rowAt.Length * width + 16, pinned: true);
            var handle = GCHandle.Alloc(Weights, GCHandleType.Pinned);
            long address = handle.AddrOfPinnedObject();
            handle.Free();
            Base = (int)((32 - address % 32) % 32 / 2);
            for (int r = 0; r < rowAt.Length; r++)
                if (rowAt[r] >= 0)
                    for (int c = 0; c < labels; c++)
                        Weights[Base + r * width + c] = (short)Math.Round(weights[rowAt[r] + c] / Scale);
        }
    }

    /// <summary>The transitions laid out for <see cref="Segment(ReadOnlySpan{float}, int, Span{int}, int, bool)"/> and
    /// <see cref="SegmentMarginals"/>, which handle all current labels at once in 128-bit vectors: forward, row
    /// previous (the last row the start), lane current; backward, row next, lane current (the transition from the
    /// lane's label into the row's). A forbidden transition, and every lane past the labels, is -∞, so a maximum
    /// over the rows skips it as the scalar loops' <see cref="_allowed"/> check does.</summary>
    private static (float[] Forward, float[] Backward) Lanes(float[] t, bool[] allowed, int l, int stride)
    {
        var forward = new float[(l + 1) * stride];
        var backward = new float[l * stride];
        Array.Fill(forward, float.NegativeInfinity);
        Array.Fill(backward, float.NegativeInfinity);
        for (int p = 0; p <= l; p++)
            for (int c = 0; c < l; c++)
                if (allowed[p * l + c]) forward[p * stride + c] = t[p * l + c];
        for (int x = 0; x < l; x++)
            for (int c = 0; c < l; c++)
                if (allowed[c * l + x]) backward[x * stride + c] = t[c * l + x];
        return (forward, backward);
    }

    private readonly float[] _forward, _backward;

    /// <summary>A model from its non-zero rows (row numbers ascending), as <see cref="ModelFile"/> stores it.</summary>
    internal static SequenceModel FromRows(string header, IReadOnlyList<string> labels, int bits, float[] transitions, int[] rows, float[] weights)
    {
        CheckBits(bits);
        int l = labels.Count, stride = StrideOf(l);
        var rowAt = new int[1 << bits];
        Array.Fill(rowAt, -1);
        var padded = new float[rows.Length * stride];
        for (int k = 0; k < rows.Length; k++)
        {
            rowAt[rows[k]] = k * stride;
            weights.AsSpan(k * l, l).CopyTo(padded.AsSpan(k * stride, l));
        }
        return new SequenceModel(header, labels, bits, transitions, (rowAt, padded));
    }

    private static (int[], float[]) Compact(ReadOnlySpan<float> weights, int l, int bits)
    {
        CheckBits(bits);
        if (weights.Length != (1 << bits) * l) throw new ArgumentException($"expected {(1 << bits) * l} weights", nameof(weights));
        int stride = StrideOf(l);
        var rowAt = new int[1 << bits];
        int count = 0;
        for (int r = 0; r < rowAt.Length; r++)
        {
            bool zero = !weights.Slice(r * l, l).ContainsAnyExcept(0f);
            rowAt[r] = zero ? -1 : count++ * stride;
        }
        var dense = new float[count * stride];
        for (int r = 0; r < rowAt.Length; r++)
            if (rowAt[r] >= 0) weights.Slice(r * l, l).CopyTo(dense.AsSpan(rowAt[r], l));
        return (rowAt, dense);
    }

    private static void CheckBits(int bits)
    {
        if (bits is < 1 or > 26) throw new ArgumentOutOfRangeException(nameof(bits));
    }

    public string Header { get; }

    /// <summary>The same model with another header (the weights are shared, not copied).</summary>
    public SequenceModel WithHeader(string header) => new(header, Labels, Bits, _transitions, (_rowAt, _weights), _quantized is not null);
    public IReadOnlyList<string> Labels { get; }
    public int LabelCount => Labels.Count;
    public int Bits { get; }
    /// <summary>Rows with a non-zero weight.</summary>
    public int StoredRows => _weights.Length / _stride;

    /// <summary>The transition weights ((labels + 1) × labels, last row from the start).</summary>
    public ReadOnlySpan<float> Transitions => _transitions;

    /// <summary>The weights of a row (one per label); empty for a row whose weights are all zero.</summary>
    public ReadOnlySpan<float> Row(int row) => _rowAt[row] < 0 ? ReadOnlySpan<float>.Empty : _weights.AsSpan(_rowAt[row], LabelCount);

    /// <summary>The row a feature hash selects.</summary>
    public int RowOf(uint feature) => (int)(feature >> _shift);

    /// <summary>Whether label <paramref name="current"/> may follow <paramref name="previous"/> (-1: the start).</summary>
    public bool Allowed(int previous, int current) => _allowed[(previous < 0 ? LabelCount : previous) * LabelCount + current];

    /// <summary>Adds the weights of the features to <paramref name="scores"/> (one per label).</summary>
    public void Score(ReadOnlySpan<uint> features, Span<float> scores)
    {
        if (_quantized is not null)
        {
            ScoreQuantized(_quantized, features, scores);
            return;
        }
        int l = LabelCount, vectors = _stride / 4;
        var rowAt = _rowAt;
        var rows = MemoryMarshal.Cast<float, Vector128<float>>(_weights.AsSpan());
        Span<Vector128<float>> sum = stackalloc Vector128<float>[vectors];
        sum.Clear();
        // First every row's place (independent loads the processor overlaps), then the non-zero rows' sum.
        Span<int> at = features.Length <= 256 ? stackalloc int[features.Length] : new int[features.Length];
        int m = 0;
        foreach (uint f in features)
        {
            int a = rowAt[(int)(f >> _shift)];
            at[m] = a;
            m += a >= 0 ? 1 : 0;
        }
        foreach (int a in at[..m])
        {
            var row = rows.Slice(a / 4, vectors);
            for (int v = 0; v < row.Length; v++) sum[v] += row[v];
        }
        var total = MemoryMarshal.Cast<Vector128<float>, float>(sum);
        for (int k = 0; k < l; k++) scores[k] += total[k];
    }

    private void ScoreQuantized(QuantizedRows q, ReadOnlySpan<uint> features, Span<float> scores)
    {
        int l = LabelCount, vectors = q.Vectors;
        var rows = MemoryMarshal.Cast<short, Vector128<short>>(q.Weights.AsSpan(q.Base));
        Span<Vector128<int>> sum = stackalloc Vector128<int>[2 * vectors];
        sum.Clear();
        foreach (uint f in features)
        {
            int at = (int)(f >> _shift) * vectors;
            for (int v = 0; v < vectors; v++)
            {
                var (lower, upper) = Vector128.Widen(rows[at + v]);
                sum[2 * v] += lower;
                sum[2 * v + 1] += upper;
            }
        }
        var total = MemoryMarshal.Cast<Vector128<int>, int>(sum);
        for (int k = 0; k < l; k++) scores[k] += total[k] * q.Scale;
    }

    /// <summary>The best label sequence for <paramref name="n"/> positions, given their emission scores
    /// (n × labels, as <see cref="Score"/> adds them), respecting the BIO constraint.</summary>
    public void Decode(ReadOnlySpan<float> emissions, int n, Span<int> labels) =>
        Segment(emissions, n, labels, LabelCount, false);

    /// <summary>The best label sequence when the positions <paramref name="scored"/> marks false can only be "O"
    /// (label 0; their emissions are not read): each run of scored positions is decoded on its own, entered from
    /// "O" (or the start) and left into "O" (or the end). That is the sequence decoding the whole with "O" forced
    /// there gives, at the cost of the scored positions only.</summary>
    public void Decode(ReadOnlySpan<float> emissions, int n, Span<int> labels, ReadOnlySpan<bool> scored)
    {
        int l = LabelCount;
        for (int i = 0; i < n;)
        {
            if (!scored[i]) { labels[i++] = 0; continue; }
            int j = i;
            while (j < n && scored[j]) j++;
            Segment(emissions.Slice(i * l, (j - i) * l), j - i, labels.Slice(i, j - i), i == 0 ? l : 0, j < n);
            i = j;
        }
    }

    /// <summary>Max-marginals: for every position and label, the score of the best label sequence that puts that
    /// label there (n × labels into <paramref name="result"/>). The best sequence's labels have the highest; how
    /// far below them "O" lies says how sure the model is of a name. With <paramref name="scored"/>, as for
    /// <see cref="Decode(ReadOnlySpan{float}, int, Span{int}, ReadOnlySpan{bool})"/>: each run of scored positions on
    /// its own (the scores differ from the whole sequence's by a constant per run, so differences between labels at
    /// a position are the same), and nothing is written for the other positions. With <paramref name="only"/> (a
    /// decoded sequence, as <see cref="Decode(ReadOnlySpan{float}, int, Span{int}, ReadOnlySpan{bool})"/> gives it),
    /// only the runs where it has a label other than "O" are computed: a caller that asks how sure the model is of
    /// the names it found needs no more.</summary>
    public void MaxMarginals(ReadOnlySpan<float> emissions, int n, Span<float> result, ReadOnlySpan<bool> scored = default, ReadOnlySpan<int> only = default)
    {
        int l = LabelCount;
        if (scored.IsEmpty)
        {
            SegmentMarginals(emissions, n, result, l, false);
            return;
        }
        for (int i = 0; i < n;)
        {
            if (!scored[i]) { i++; continue; }
            int j = i;
            while (j < n && scored[j]) j++;
            if (only.IsEmpty || only[i..j].ContainsAnyExcept(0))
                SegmentMarginals(emissions.Slice(i * l, (j - i) * l), j - i, result.Slice(i * l, (j - i) * l), i == 0 ? l : 0, j < n);
            i = j;
        }
    }

    /// <param name="from">The row of the transitions into the first position: <see cref="LabelCount"/> for the start, 0 after an "O".</param>
    /// <param name="toOutside">An "O" follows the last position (its transition counts).</param>
    private void SegmentMarginals(ReadOnlySpan<float> emissions, int n, Span<float> result, int from, bool toOutside)
    {
        int l = LabelCount, w = _stride, vectors = w / 4;
        if (n == 0) return;
        float[] rented = System.Buffers.ArrayPool<float>.Shared.Rent(2 * n * w);
        var fwd = rented.AsSpan(0, n * w);
        var bwd = rented.AsSpan(n * w, n * w);
        var lanesF = MemoryMarshal.Cast<float, Vector128<float>>(_forward.AsSpan());
        var lanesB = MemoryMarshal.Cast<float, Vector128<float>>(_backward.AsSpan());
        var f = MemoryMarshal.Cast<float, Vector128<float>>(fwd);
        var b = MemoryMarshal.Cast<float, Vector128<float>>(bwd);
        var inf = Vector128.Create(float.NegativeInfinity);
        // forward: best score of a prefix ending in label c at i (emission included)
        for (int c = 0; c < w; c++) fwd[c] = c < l ? emissions[c] + _forward[from * w + c] : float.NegativeInfinity;
        for (int i = 1; i < n; i++)
        {
            for (int v = 0; v < vectors; v++)
            {
                var best = inf;
                for (int p = 0; p < l; p++)
                    best = Vector128.Max(best, Vector128.Create(fwd[(i - 1) * w + p]) + lanesF[p * vectors + v]);
                f[i * vectors + v] = best;
            }
            for (int c = 0; c < l; c++) fwd[i * w + c] += emissions[i * l + c];
        }
        // backward: best score of the suffix after label c at i
        for (int c = 0; c < w; c++) bwd[(n - 1) * w + c] = c >= l ? float.NegativeInfinity : toOutside ? _transitions[c * l] : 0;
        for (int i = n - 2; i >= 0; i--)
            for (int v = 0; v < vectors; v++)
            {
                var best = inf;
                for (int x = 0; x < l; x++)
                    best = Vector128.Max(best, lanesB[x * vectors + v] + Vector128.Create(emissions[(i + 1) * l + x]) + Vector128.Create(bwd[(i + 1) * w + x]));
                b[i * vectors + v] = best;
            }
        for (int i = 0; i < n; i++)
            for (int c = 0; c < l; c++) result[i * l + c] = fwd[i * w + c] + bwd[i * w + c];
        System.Buffers.ArrayPool<float>.Shared.Return(rented);
    }

    /// <summary><see cref="Segment(ReadOnlySpan{float}, bool[], int, ReadOnlySpan{float}, int, Span{int}, int, bool)"/>
    /// with this model's transitions, all current labels at once in 128-bit vectors: the same sums, maxima and
    /// ties (the first best previous label wins), so the same labels.</summary>
    private void Segment(ReadOnlySpan<float> emissions, int n, Span<int> labels, int from, bool toOutside)
    {
        if (n == 0) return;
        int l = LabelCount, w = _stride, vectors = w / 4;
        Span<float> prev = stackalloc float[w];
        Span<float> cur = stackalloc float[w];
        int[]? rented = null;
        Span<int> back = n * w <= 4096 ? stackalloc int[n * w] : (rented = System.Buffers.ArrayPool<int>.Shared.Rent(n * w));
        var lanes = MemoryMarshal.Cast<float, Vector128<float>>(_forward.AsSpan());
        var curV = MemoryMarshal.Cast<float, Vector128<float>>(cur);
        var backV = MemoryMarshal.Cast<int, Vector128<int>>(back[..(n * w)]);
        var inf = Vector128.Create(float.NegativeInfinity);
        for (int c = 0; c < w; c++) prev[c] = c < l ? emissions[c] + _forward[from * w + c] : float.NegativeInfinity;
        for (int i = 1; i < n; i++)
        {
            for (int v = 0; v < vectors; v++)
            {
                var best = inf;
                var arg = Vector128<int>.Zero;
                for (int p = 0; p < l; p++)
                {
                    var s = Vector128.Create(prev[p]) + lanes[p * vectors + v];
                    var better = Vector128.GreaterThan(s, best);
                    best = Vector128.ConditionalSelect(better, s, best);
                    arg = Vector128.ConditionalSelect(better.AsInt32(), Vector128.Create(p), arg);
                }
                curV[v] = best;
                backV[i * vectors + v] = arg;
            }
            for (int c = 0; c < l; c++) cur[c] += emissions[i * l + c];
            cur.CopyTo(prev);
        }
        if (toOutside)
            for (int c = 0; c < l; c++) prev[c] += _transitions[c * l];
        int last = 0;
        for (int c = 1; c < l; c++) if (prev[c] > prev[last]) last = c;
        labels[n - 1] = last;
        for (int i = n - 1; i > 0; i--) labels[i - 1] = back[i * w + labels[i]];
        if (rented is not null) System.Buffers.ArrayPool<int>.Shared.Return(rented);
    }

    /// <summary>Viterbi over emission and transition scores; <paramref name="allowed"/> as <see cref="AllowedTransitions"/> makes it.</summary>
    public static void Viterbi(ReadOnlySpan<float> transitions, bool[] allowed, int l, ReadOnlySpan<float> emissions, int n, Span<int> labels) =>
        Segment(transitions, allowed, l, emissions, n, labels, l, false);

    /// <summary>Viterbi over one run of positions, entered through the transitions' row <paramref name="from"/> (the
    /// start, or "O" = label 0) and, with <paramref name="toOutside"/>, left into an "O".</summary>
    private static void Segment(ReadOnlySpan<float> transitions, bool[] allowed, int l, ReadOnlySpan<float> emissions, int n, Span<int> labels,
        int from, bool toOutside)
    {
        if (n == 0) return;
        Span<float> prev = stackalloc float[l];
        Span<float> cur = stackalloc float[l];
        int[]? rented = null;
        Span<int> back = n * l <= 4096 ? stackalloc int[n * l] : (rented = System.Buffers.ArrayPool<int>.Shared.Rent(n * l));
        for (int c = 0; c < l; c++)
            prev[c] = allowed[from * l + c] ? emissions[c] + transitions[from * l + c] : float.NegativeInfinity;
        for (int i = 1; i < n; i++)
        {
            var e = emissions.Slice(i * l, l);
            for (int c = 0; c < l; c++)
            {
                float best = float.NegativeInfinity;
                int arg = 0;
                for (int p = 0; p < l; p++)
                {
                    if (!allowed[p * l + c]) continue;
                    float s = prev[p] + transitions[p * l + c];
                    if (s > best) { best = s; arg = p; }
                }
                cur[c] = best + e[c];
                back[i * l + c] = arg;
            }
            cur.CopyTo(prev);
        }
        if (toOutside)
            for (int c = 0; c < l; c++) prev[c] += transitions[c * l];
        int last = 0;
        for (int c = 1; c < l; c++) if (prev[c] > prev[last]) last = c;
        labels[n - 1] = last;
        for (int i = n - 1; i > 0; i--) labels[i - 1] = back[i * l + labels[i]];
        if (rented is not null) System.Buffers.ArrayPool<int>.Shared.Return(rented);
    }

    /// <summary>BIO: "I-X" only after "B-X" or "I-X", never first; every other label anywhere.
    /// (labels + 1) × labels, [previous × labels + current], the last row from the start.</summary>
    public static bool[] AllowedTransitions(IReadOnlyList<string> labels)
    {
        int l = labels.Count;
        var allowed = new bool[(l + 1) * l];
        for (int p = 0; p <= l; p++)
        for (int c = 0; c < l; c++)
        {
            var cl = labels[c];
            bool ok = true;
            if (cl.StartsWith("I-", StringComparison.Ordinal))
            {
                var type = cl.AsSpan(2);
                ok = p < l && labels[p].Length >= 2 && labels[p][1] == '-' && labels[p].AsSpan(2).SequenceEqual(type);
            }
            allowed[p * l + c] = ok;
        }
        return allowed;
    }
}
