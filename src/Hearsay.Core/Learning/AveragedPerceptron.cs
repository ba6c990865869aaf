namespace Hearsay.Learning;

/// <summary>One training example: its feature buckets and whether it is positive.</summary>
public readonly record struct Example(int[] Features, bool Positive);

/// <summary>
/// A binary averaged perceptron over hashed features (Collins 2002; Freund and Schapire 1999). Each epoch
/// visits the examples in a shuffled order drawn from a fixed seed; on a mistake (margin ≤ 0) the weights
/// of the example's features move by ±1. The returned weights are the average over all steps, computed
/// with the usual lazy trick (w − u / c). Same examples, epochs and seed give the same weights bit for bit.
/// </summary>
public sealed class AveragedPerceptron
{
    private readonly double[] _w;
    private readonly double[] _u;
    private long _c = 1;

    public AveragedPerceptron(int bits)
    {
        if (bits is < 4 or > 26) throw new ArgumentOutOfRangeException(nameof(bits), "between 4 and 26");
        Bits = bits;
        _w = new double[1 << bits];
        _u = new double[1 << bits];
    }

    public int Bits { get; }
    public int Mask => (1 << Bits) - 1;
    /// <summary>Mistakes made in each epoch so far.</summary>
    public List<int> MistakesPerEpoch { get; } = new();

    /// <summary>Trains for <paramref name="epochs"/> passes. Calling it again continues training.</summary>
    public void Train(IReadOnlyList<Example> examples, int epochs, ulong seed)
    {
        var order = new int[examples.Count];
        for (int i = 0; i < order.Length; i++) order[i] = i;
        var rng = new XorShift(seed);
        for (int e = 0; e < epochs; e++)
        {
            rng.Shuffle(order);
            int mistakes = 0;
            foreach (int idx in order)
            {
                var ex = examples[idx];
                double s = 0;
                foreach (int f in ex.Features) s += _w[f & Mask];
                int y = ex.Positive ? 1 : -1;
                if (y * s <= 0)
                {
                    mistakes++;
                    foreach (int f in ex.Features)
                    {
                        _w[f & Mask] += y;
                        _u[f & Mask] += (double)_c * y;
                    }
                }
                _c++;
            }
            MistakesPerEpoch.Add(mistakes);
        }
    }

    /// <summary>The averaged weights, one per bucket.</summary>
    public float[] Weights()
    {
        var avg = new float[_w.Length];
        for (int i = 0; i < avg.Length; i++) avg[i] = (float)(_w[i] - _u[i] / _c);
        return avg;
    }

    /// <summary>xorshift64*: a tiny generator whose sequence is fixed by its seed on every runtime.</summary>
    private struct XorShift
    {
        private ulong _s;
        public XorShift(ulong seed) => _s = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;

        public ulong Next()
        {
            _s ^= _s >> 12;
            _s ^= _s << 25;
            _s ^= _s >> 27;
            return _s * 0x2545F4914F6CDD1DUL;
        }

        public void Shuffle(int[] a)
        {
            for (int i = a.Length - 1; i > 0; i--)
            {
                int j = (int)(Next() % (ulong)(i + 1));
                (a[i], a[j]) = (a[j], a[i]);
            }
        }
    }
}
