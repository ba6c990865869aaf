using System.Globalization;
using System.Text;
using Hearsay.Attributions;
using Hearsay.Document;
using Hearsay.Languages;

namespace Hearsay.Learning;

/// <summary>
/// The learned cue detector: weights of an averaged perceptron over <see cref="CueFeatures"/>, hashed into
/// 2^<see cref="Bits"/> buckets. <see cref="Score"/> is the margin (positive: the token is part of a
/// speech-event cue). The shipped model is an embedded resource ("models/cue-&lt;lang&gt;.bin", trained by
/// <c>hearsay train cues</c>); its header says on what, with which command and when.
/// <para>File format (little-endian): "HCUE", int32 format version, header (length-prefixed UTF-8 text of
/// "key: value" lines), int32 feature version, byte bits, float32 scale, int32 count, then count entries
/// of (bucket delta as a 7-bit varint, int16 weight / scale) in ascending bucket order (zero weights are
/// not stored); then int32 n and n sorted uint32 stem keys (<see cref="IsCueStem"/>).</para>
/// </summary>
public sealed class CueModel
{
    public const string EnvironmentVariable = "HEARSAY_CUE_MODEL";
    private const int FormatVersion = 1;
    private static readonly byte[] Magic = "HCUE"u8.ToArray();

    private readonly float[] _w;
    private readonly int _mask;
    private readonly uint[] _cueStems;

    public CueModel(float[] weights, string header, int featureVersion = CueFeatures.Version, IEnumerable<uint>? cueStems = null)
    {
        _cueStems = (cueStems ?? Array.Empty<uint>()).Distinct().Order().ToArray();
        if (weights.Length == 0 || (weights.Length & (weights.Length - 1)) != 0) throw new ArgumentException("the weight count must be a power of two");
        _w = weights;
        _mask = weights.Length - 1;
        Bits = System.Numerics.BitOperations.Log2((uint)weights.Length);
        Header = header;
        FeatureVersion = featureVersion;
        VetoBelow = HeaderFloat("veto-below", float.NegativeInfinity);
        AddAbove = HeaderFloat("add-above", float.PositiveInfinity);
    }

    public int Bits { get; }
    public string Header { get; }
    public int FeatureVersion { get; }
    /// <summary>The attribution stage drops a reporting-verb form as a cue when its score is below this.</summary>
    public float VetoBelow { get; }
    /// <summary>The attribution stage takes a lower-case word outside the lexicon as a cue candidate when its score is above this.</summary>
    public float AddAbove { get; }
    public int NonZeroWeights => _w.Count(x => x != 0);
    /// <summary>How many stems the training data annotates as cues somewhere.</summary>
    public int CueStemCount => _cueStems.Length;

    /// <summary>Whether the light stem (<see cref="CueFeatures.StemKey(int)"/>) was part of a cue in the training
    /// data. The attribution stage scores a word outside the lexicon only then: the model's vocabulary of cues
    /// bounds what it adds, and most words are passed over with one hash lookup.</summary>
    public bool IsCueStem(uint stemKey) => Array.BinarySearch(_cueStems, stemKey) >= 0;

    /// <summary>The value of a "key: value" header line, or null.</summary>
    public string? HeaderValue(string key)
    {
        foreach (var line in Header.Split('\n'))
        {
            int colon = line.IndexOf(':');
            if (colon > 0 && line.AsSpan(0, colon).Trim().Equals(key, StringComparison.OrdinalIgnoreCase)) return line[(colon + 1)..].Trim();
        }
        return null;
    }

    private float HeaderFloat(string key, float fallback) =>
        HeaderValue(key) is { } v && float.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : fallback;

    /// <summary>The margin for token <paramref name="token"/> given its article's features.</summary>
    public float Score(CueFeatures features, int token)
    {
        Span<uint> f = stackalloc uint[CueFeatures.MaxFeatures];
        int n = features.Extract(token, f);
        float s = 0;
        for (int k = 0; k < n; k++) s += _w[f[k] & _mask];
        return s;
    }

    /// <summary>The margin for one token of an analyzed article (tokens, sentences and quotations done), with
    /// the German attribution lexicon. Builds the article's feature context on each call: for tools and
    /// tests; the attribution stage keeps one <see cref="CueScorer"/> per article.</summary>
    public float Score(Article article, int tokenIndex) =>
        Score(new CueFeatures(article, AttributionLexicon.For(LanguageRegistry.Default.For("de"))), tokenIndex);

    // ------------------------------------------------------------------ loading and saving

    private static readonly Dictionary<string, Lazy<CueModel?>> Shipped = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The model the attribution stage uses for a language, loaded once: the embedded one, or none for a
    /// language without one. <c>HEARSAY_CUE_MODEL=off</c> turns it off; <c>HEARSAY_CUE_MODEL=PATH</c> uses
    /// a model file instead (for evaluating a freshly trained model without rebuilding).
    /// </summary>
    public static CueModel? ForLanguage(string language)
    {
        Lazy<CueModel?> lazy;
        lock (Shipped)
        {
            if (!Shipped.TryGetValue(language, out lazy!))
                Shipped[language] = lazy = new Lazy<CueModel?>(() => Resolve(language, Environment.GetEnvironmentVariable(EnvironmentVariable)));
        }
        return lazy.Value;
    }

    internal static CueModel? Resolve(string language, string? setting)
    {
        if (string.Equals(setting, "off", StringComparison.OrdinalIgnoreCase)) return null;
        if (!string.IsNullOrEmpty(setting))
        {
            if (!string.Equals(language, "de", StringComparison.OrdinalIgnoreCase)) return null;
            using var file = File.OpenRead(setting);
            return Read(file);
        }
        // A model from an older feature version must not break analysis (nor `hearsay train cues`, which
        // builds the lexicon that loads it): the stage then runs without it; the tests load it and fail loudly.
        try { return Load(language); }
        catch (InvalidDataException) { return null; }
    }

    /// <summary>The embedded model for a language, or null when none ships.</summary>
    public static CueModel? Load(string language = "de")
    {
        using var stream = typeof(CueModel).Assembly.GetManifestResourceStream($"models/cue-{language.ToLowerInvariant()}.bin");
        return stream is null ? null : Read(stream);
    }

    public static CueModel Read(Stream stream)
    {
        try { return ReadCore(stream); }
        catch (EndOfStreamException) { throw new InvalidDataException("cue model: the file is truncated"); }
    }

    private static CueModel ReadCore(Stream stream)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var magic = r.ReadBytes(4);
        if (!magic.AsSpan().SequenceEqual(Magic)) throw new InvalidDataException("not a Hearsay cue model (bad magic)");
        int format = r.ReadInt32();
        if (format != FormatVersion) throw new InvalidDataException($"cue model format {format}; this build reads {FormatVersion}");
        string header = r.ReadString();
        int featureVersion = r.ReadInt32();
        if (featureVersion != CueFeatures.Version)
            throw new InvalidDataException($"cue model trained with features v{featureVersion}; this build extracts v{CueFeatures.Version}: retrain with 'hearsay train cues'");
        int bits = r.ReadByte();
        if (bits is < 4 or > 26) throw new InvalidDataException($"cue model: bad bucket bits {bits}");
        float scale = r.ReadSingle();
        int count = r.ReadInt32();
        var w = new float[1 << bits];
        int index = -1;
        for (int k = 0; k < count; k++)
        {
            index += Read7BitEncodedInt(r);
            if ((uint)index >= (uint)w.Length) throw new InvalidDataException("cue model: bucket out of range");
            w[index] = r.ReadInt16() * scale;
        }
        int stems = r.ReadInt32();
        if (stems < 0 || stems > 1 << 24) throw new InvalidDataException("cue model: bad stem count");
        var cueStems = new uint[stems];
        for (int k = 0; k < stems; k++) cueStems[k] = r.ReadUInt32();
        return new CueModel(w, header, featureVersion, cueStems);
    }

    /// <summary>Writes the model; weights are quantized to 16 bits (relative to the largest).</summary>
    public void Write(Stream stream)
    {
        float max = 0;
        foreach (var x in _w) max = Math.Max(max, Math.Abs(x));
        float scale = max > 0 ? max / short.MaxValue : 1f;
        var entries = new List<(int Index, short Q)>();
        for (int i = 0; i < _w.Length; i++)
        {
            var q = (short)Math.Round(_w[i] / scale);
            if (q != 0) entries.Add((i, q));
        }
        using var wr = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        wr.Write(Magic);
        wr.Write(FormatVersion);
        wr.Write(Header);
        wr.Write(FeatureVersion);
        wr.Write((byte)Bits);
        wr.Write(scale);
        wr.Write(entries.Count);
        int previous = -1;
        foreach (var (index, q) in entries)
        {
            Write7BitEncodedInt(wr, index - previous);
            wr.Write(q);
            previous = index;
        }
        wr.Write(_cueStems.Length);
        foreach (var k in _cueStems) wr.Write(k);
    }

    /// <summary>A copy with another header (same weights).</summary>
    public CueModel WithHeader(string header) => new(_w, header, FeatureVersion, _cueStems);

    /// <summary>The weight of one bucket (for tests and inspection).</summary>
    public float Weight(int bucket) => _w[bucket & _mask];

    private static int Read7BitEncodedInt(BinaryReader r)
    {
        int value = 0, shift = 0;
        while (true)
        {
            byte b = r.ReadByte();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) return value;
            shift += 7;
            if (shift > 28) throw new InvalidDataException("cue model: bad varint");
        }
    }

    private static void Write7BitEncodedInt(BinaryWriter w, int value)
    {
        uint v = (uint)value;
        while (v >= 0x80)
        {
            w.Write((byte)(v | 0x80));
            v >>= 7;
        }
        w.Write((byte)v);
    }
}

/// <summary>Cue scores of one article's tokens, computed on first request and kept.</summary>
public sealed class CueScorer
{
    private readonly CueModel _model;
    private readonly CueFeatures _features;
    private float[]? _scores;

    public CueScorer(CueModel model, Article article, AttributionLexicon lexicon)
    {
        _model = model;
        _features = new CueFeatures(article, lexicon);
    }

    public CueModel Model => _model;

    /// <summary>Whether token i's stem was a cue in the training data (see <see cref="CueModel.IsCueStem"/>).</summary>
    public bool IsCueStem(int token) => _model.IsCueStem(_features.StemKey(token));

    public float Score(int token)
    {
        _scores ??= CreateScores(_features.Article.Tokens.Length);
        ref float s = ref _scores[token];
        if (float.IsNaN(s)) s = _model.Score(_features, token);
        return s;
    }

    private static float[] CreateScores(int n)
    {
        var a = new float[n];
        Array.Fill(a, float.NaN);
        return a;
    }
}
