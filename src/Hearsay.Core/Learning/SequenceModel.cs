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
/// non-zero rows only, after one shared row of zeros, plus, per row, its place in that array (the zero row's for
/// a row that is all zeros), so a feature unseen in training costs one probe of a small index and a load of the
/// zero row, which stays in the first-level cache. That keeps the model a few megabytes in memory and the
/// scoring mostly in cache, and <see cref="Score"/> free of branches on the index, so the processor can fetch
/// the rows of a token's features in parallel. (Adding the zero row changes no sum: a sum that starts at +0
/// is never -0, and x + 0 is x for every other x.) A rank index (a bit per row, a count per 64 rows) would be
/// 16 times smaller than the offsets, but computing the place lengthened each feature's chain of loads and
/// measured slower.</para>
/// The model is immutable and safe to share between threads.
/// </summary>
public sealed class SequenceModel
{
    /// <summary>Per row: where it starts in <see cref="_weights"/>, counted in 128-bit vectors (four floats); 0, the
    /// shared zero row, when all its weights are zero.</summary>
    private readonly int[] _rowAt;
    /// <summary>A row of zeros, then the non-zero rows, one after another, <see cref="_stride"/> floats each: the
    /// <see cref="LabelCount"/> weights, then zeros up to a whole number of 128-bit vectors, so <see cref="Score"/>
    /// adds a row with a few vector adds.</summary>
    private readonly float[] _weights;
    private readonly int _stride;
    private readonly float[] _transitions;
    private readonly bool[] _allowed;
    /// <summary>The transitions with the forbidden ones at -∞, rows padded to whole vectors (see <see cref="Masked"/>).</summary>
    private readonly float[] _masked;
    /// <summary>For <see cref="SegmentMarginals"/>, rows padded to whole vectors: the transitions by previous label
    /// ([p × stride + c]) and by next label ([x × stride + c] = from c to x), each with a mask (all bits set where
    /// the step is allowed, zero elsewhere and in the padding).</summary>
    private readonly float[] _into, _intoAllowed, _outOf, _outOfAllowed;
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

    private SequenceModel(string header, IReadOnlyList<string> labels, int bits, float[] transitions, (int[] RowAt, float[] Weights) table)
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
        _masked = Masked(transitions, _allowed, l);
        int w = StrideOf(l);
        _into = new float[(l + 1) * w];
        _intoAllowed = new float[(l + 1) * w];
        _outOf = new float[l * w];
        _outOfAllowed = new float[l * w];
        float all = BitConverter.Int32BitsToSingle(-1);
        for (int p = 0; p <= l; p++)
            for (int c = 0; c < l; c++)
            {
                _into[p * w + c] = transitions[p * l + c];
                if (_allowed[p * l + c]) _intoAllowed[p * w + c] = all;
                if (p == l) continue;
                _outOf[c * w + p] = transitions[p * l + c];   // row c: the steps from p into c, by next label c
                if (_allowed[p * l + c]) _outOfAllowed[c * w + p] = all;
            }
    }

    /// <summary>A model from its non-zero rows (row numbers ascending), as <see cref="ModelFile"/> stores it.</summary>
    internal static SequenceModel FromRows(string header, IReadOnlyList<string> labels, int bits, float[] transitions, int[] rows, float[] weights)
    {
        CheckBits(bits);
        int l = labels.Count, stride = StrideOf(l);
        var rowAt = new int[1 << bits];
        var padded = new float[(rows.Length + 1) * stride];
        for (int k = 0; k < rows.Length; k++)
        {
            rowAt[rows[k]] = (k + 1) * stride / 4;
            weights.AsSpan(k * l, l).CopyTo(padded.AsSpan((k + 1) * stride, l));
        }
        return new SequenceModel(header, labels, bits, transitions, (rowAt, padded));
    }

    private static (int[], float[]) Compact(ReadOnlySpan<float> weights, int l, int bits)
    {
        CheckBits(bits);
        if (weights.Length != (1 << bits) * l) throw new ArgumentException($"expected {(1 << bits) * l} weights", nameof(weights));
        int stride = StrideOf(l);
        var rowAt = new int[1 << bits];
        int count = 1;   // the zero row
        for (int r = 0; r < rowAt.Length; r++)
        {
            bool zero = !weights.Slice(r * l, l).ContainsAnyExcept(0f);
            rowAt[r] = zero ? 0 : count++ * stride / 4;
        }
        var dense = new float[count * stride];
        for (int r = 0; r < rowAt.Length; r++)
            if (rowAt[r] > 0) weights.Slice(r * l, l).CopyTo(dense.AsSpan(rowAt[r] * 4, l));
        return (rowAt, dense);
    }

    private static void CheckBits(int bits)
    {
        if (bits is < 1 or > 26) throw new ArgumentOutOfRangeException(nameof(bits));
    }

    public string Header { get; }

    /// <summary>The same model with another header (the weights are shared, not copied).</summary>
    public SequenceModel WithHeader(string header) => new(header, Labels, Bits, _transitions, (_rowAt, _weights));
    public IReadOnlyList<string> Labels { get; }
    public int LabelCount => Labels.Count;
    public int Bits { get; }
    /// <summary>Rows with a non-zero weight.</summary>
    public int StoredRows => _weights.Length / _stride - 1;

    /// <summary>The transition weights ((labels + 1) × labels, last row from the start).</summary>
    public ReadOnlySpan<float> Transitions => _transitions;

    /// <summary>The weights of a row (one per label); empty for a row whose weights are all zero.</summary>
    public ReadOnlySpan<float> Row(int row) => _rowAt[row] == 0 ? ReadOnlySpan<float>.Empty : _weights.AsSpan(_rowAt[row] * 4, LabelCount);

    /// <summary>The row a feature hash selects.</summary>
    public int RowOf(uint feature) => (int)(feature >> _shift);

    /// <summary>Whether label <paramref name="current"/> may follow <paramref name="previous"/> (-1: the start).</summary>
    public bool Allowed(int previous, int current) => _allowed[(previous < 0 ? LabelCount : previous) * LabelCount + current];

    /// <summary>Adds the weights of the features to <paramref name="scores"/> (one per label).</summary>
    public void Score(ReadOnlySpan<uint> features, Span<float> scores)
    {
        int l = LabelCount, vectors = _stride / 4, shift = _shift;
        var rowAt = _rowAt;
        var rows = MemoryMarshal.Cast<float, Vector128<float>>(_weights.AsSpan());
        Span<Vector128<float>> sum = stackalloc Vector128<float>[vectors];
        // The common widths keep the sums in registers; every feature's row is added in feature order.
        switch (vectors)
        {
            case 1:
            {
                var s0 = Vector128<float>.Zero;
                foreach (uint f in features) s0 += rows[rowAt[(int)(f >> shift)]];
                sum[0] = s0;
                break;
            }
            case 2:
            {
                Vector128<float> s0 = Vector128<float>.Zero, s1 = s0;
                foreach (uint f in features)
                {
                    var row = rows.Slice(rowAt[(int)(f >> shift)], 2);
                    s0 += row[0];
                    s1 += row[1];
                }
                sum[0] = s0;
                sum[1] = s1;
                break;
            }
            case 3:
            {
                Vector128<float> s0 = Vector128<float>.Zero, s1 = s0, s2 = s0;
                foreach (uint f in features)
                {
                    var row = rows.Slice(rowAt[(int)(f >> shift)], 3);
                    s0 += row[0];
                    s1 += row[1];
                    s2 += row[2];
                }
                sum[0] = s0;
                sum[1] = s1;
                sum[2] = s2;
                break;
            }
            default:
                sum.Clear();
                foreach (uint f in features)
                {
                    var row = rows.Slice(rowAt[(int)(f >> shift)], vectors);
                    for (int v = 0; v < row.Length; v++) sum[v] += row[v];
                }
                break;
        }
        var total = MemoryMarshal.Cast<Vector128<float>, float>(sum);
        for (int k = 0; k < l; k++) scores[k] += total[k];
    }

    /// <summary>The best label sequence for <paramref name="n"/> positions, given their emission scores
    /// (n × labels, as <see cref="Score"/> adds them), respecting the BIO constraint.</summary>
    public void Decode(ReadOnlySpan<float> emissions, int n, Span<int> labels) =>
        Segment(_transitions, _allowed, _masked, LabelCount, emissions, n, labels, LabelCount, false);

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
            Segment(_transitions, _allowed, _masked, l, emissions.Slice(i * l, (j - i) * l), j - i, labels.Slice(i, j - i), i == 0 ? l : 0, j < n);
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
        int l = LabelCount;
        if (n == 0) return;
        var t = _transitions.AsSpan();
        var fwd = result[..(n * l)];
        float[] rented = System.Buffers.ArrayPool<float>.Shared.Rent(n * l);
        var bwd = rented.AsSpan(0, n * l);
        // Four labels at a time: each step's score is the sum the scalar loop forms, a forbidden step is replaced by
        // -∞ (which leaves the maximum as it is), and the maximum (Vector128.Max, as Math.Max: NaN wins, -0 below +0)
        // does not depend on the order it is taken in.
        int vectors = _stride / 4;
        Span<Vector128<float>> best = stackalloc Vector128<float>[vectors];
        var bestScores = MemoryMarshal.Cast<Vector128<float>, float>(best);
        var minus = Vector128.Create(float.NegativeInfinity);
        var into = MemoryMarshal.Cast<float, Vector128<float>>(_into.AsSpan());
        var intoAllowed = MemoryMarshal.Cast<float, Vector128<float>>(_intoAllowed.AsSpan());
        var outOf = MemoryMarshal.Cast<float, Vector128<float>>(_outOf.AsSpan());
        var outOfAllowed = MemoryMarshal.Cast<float, Vector128<float>>(_outOfAllowed.AsSpan());
        // forward: best score of a prefix ending in label c at i (emission included)
        for (int c = 0; c < l; c++) fwd[c] = _allowed[from * l + c] ? emissions[c] + t[from * l + c] : float.NegativeInfinity;
        for (int i = 1; i < n; i++)
        {
            best.Fill(minus);
            for (int p = 0; p < l; p++)
            {
                var before = Vector128.Create(fwd[(i - 1) * l + p]);
                for (int v = 0; v < vectors; v++)
                {
                    var step = Vector128.ConditionalSelect(intoAllowed[p * vectors + v], before + into[p * vectors + v], minus);
                    best[v] = Vector128.Max(best[v], step);
                }
            }
            for (int c = 0; c < l; c++) fwd[i * l + c] = bestScores[c] + emissions[i * l + c];
        }
        // backward: best score of the suffix after label c at i
        for (int c = 0; c < l; c++) bwd[(n - 1) * l + c] = toOutside ? t[c * l] : 0;
        for (int i = n - 2; i >= 0; i--)
        {
            best.Fill(minus);
            for (int x = 0; x < l; x++)
            {
                var emission = Vector128.Create(emissions[(i + 1) * l + x]);
                var after = Vector128.Create(bwd[(i + 1) * l + x]);
                for (int v = 0; v < vectors; v++)
                {
                    var step = Vector128.ConditionalSelect(outOfAllowed[x * vectors + v], outOf[x * vectors + v] + emission + after, minus);
                    best[v] = Vector128.Max(best[v], step);
                }
            }
            for (int c = 0; c < l; c++) bwd[i * l + c] = bestScores[c];
        }
        for (int k = 0; k < n * l; k++) fwd[k] += bwd[k];
        System.Buffers.ArrayPool<float>.Shared.Return(rented);
    }

    /// <summary>Viterbi over emission and transition scores; <paramref name="allowed"/> as <see cref="AllowedTransitions"/> makes it.</summary>
    public static void Viterbi(ReadOnlySpan<float> transitions, bool[] allowed, int l, ReadOnlySpan<float> emissions, int n, Span<int> labels) =>
        Segment(transitions, allowed, Masked(transitions, allowed, l), l, emissions, n, labels, l, false);

    /// <summary>The transitions ((labels + 1) rows) with each forbidden one at -∞ and each row padded with -∞ to a
    /// whole number of 128-bit vectors, so <see cref="Segment"/> takes the best previous label for four labels at
    /// once. A forbidden step then scores -∞ (or NaN after +∞), which is never better than the best so far, so the
    /// choice is the one skipping it gives.</summary>
    private static float[] Masked(ReadOnlySpan<float> transitions, bool[] allowed, int l)
    {
        int w = StrideOf(l);
        var masked = new float[(l + 1) * w];
        Array.Fill(masked, float.NegativeInfinity);
        for (int p = 0; p <= l; p++)
            for (int c = 0; c < l; c++)
                if (allowed[p * l + c]) masked[p * w + c] = transitions[p * l + c];
        return masked;
    }

    /// <summary>Viterbi over one run of positions, entered through the transitions' row <paramref name="from"/> (the
    /// start, or "O" = label 0) and, with <paramref name="toOutside"/>, left into an "O".</summary>
    /// <param name="masked">The transitions as <see cref="Masked"/> makes them.</param>
    private static void Segment(ReadOnlySpan<float> transitions, bool[] allowed, ReadOnlySpan<float> masked, int l, ReadOnlySpan<float> emissions,
        int n, Span<int> labels, int from, bool toOutside)
    {
        if (n == 0) return;
        int w = StrideOf(l), vectors = w / 4;
        Span<float> prev = stackalloc float[l];
        Span<Vector128<float>> best = stackalloc Vector128<float>[vectors];
        Span<Vector128<int>> arg = stackalloc Vector128<int>[vectors];
        var rows = MemoryMarshal.Cast<float, Vector128<float>>(masked);
        int[]? rented = null;
        Span<int> back = n * l <= 4096 ? stackalloc int[n * l] : (rented = System.Buffers.ArrayPool<int>.Shared.Rent(n * l));
        for (int c = 0; c < l; c++)
            prev[c] = allowed[from * l + c] ? emissions[c] + transitions[from * l + c] : float.NegativeInfinity;
        for (int i = 1; i < n; i++)
        {
            // For every label at once: the first previous label with the highest score (strictly greater replaces).
            best.Fill(Vector128.Create(float.NegativeInfinity));
            arg.Clear();
            for (int p = 0; p < l; p++)
            {
                var from_p = Vector128.Create(prev[p]);
                var step = rows.Slice(p * vectors, vectors);
                var which = Vector128.Create(p);
                for (int v = 0; v < vectors; v++)
                {
                    var s = from_p + step[v];
                    var better = Vector128.GreaterThan(s, best[v]);
                    best[v] = Vector128.ConditionalSelect(better, s, best[v]);
                    arg[v] = Vector128.ConditionalSelect(better.AsInt32(), which, arg[v]);
                }
            }
            var e = emissions.Slice(i * l, l);
            var bestScores = MemoryMarshal.Cast<Vector128<float>, float>(best);
            var bestArgs = MemoryMarshal.Cast<Vector128<int>, int>(arg);
            for (int c = 0; c < l; c++)
            {
                prev[c] = bestScores[c] + e[c];
                back[i * l + c] = bestArgs[c];
            }
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
