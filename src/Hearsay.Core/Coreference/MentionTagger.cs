using System.Buffers;
using Hearsay.Attributions;
using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Learning;

namespace Hearsay.Coreference;

/// <summary>
/// The learned mention detector: an averaged structured perceptron over BIO labels (one type, "M") that marks
/// the noun phrases a coreference corpus counts as mentions — of any kind, not only persons and organizations
/// ("the storm", "iodine deficiency", "a recently accepted paper"). Trained by <c>hearsay train coref</c> on the
/// GUM train documents (English); the model is the embedded resource <c>models/mention-en.bin</c>. Each token
/// has <see cref="PerToken"/> hashed features: the word and its neighbours (two either side), suffixes, shapes,
/// function-word classes, the entity layer's mention at and around the token, and the coreference lexicons'
/// class of the word.
/// </summary>
public static class MentionTagger
{
    public const int PerToken = 18;
    public static readonly IReadOnlyList<string> Labels = new[] { "O", "B-M", "I-M" };

    private static readonly uint[] Templates = Enumerable.Range(0, PerToken).Select(i => TaggerFeatureHash.Template(7100u + (uint)i)).ToArray();
    private const uint Pad = 0x5EED5EEDu;

    public static string ResourceName(string code) => $"models/mention-{code}.bin";

    public static SequenceModel? For(LanguagePack pack) =>
        pack.IsSupported ? pack.Compiled("coreference.mention-model", p => new Holder(Load(p.Code))).Model : null;

    private static SequenceModel? Load(string code)
    {
        if (Environment.GetEnvironmentVariable("HEARSAY_MENTION_MODEL") is { Length: > 0 } path)
            return path == "off" ? null : code == "en" ? ModelFile.Read(path) : null;
        using var stream = typeof(MentionTagger).Assembly.GetManifestResourceStream(ResourceName(code));
        return stream is null ? null : ModelFile.Read(stream);
    }

    private sealed record Holder(SequenceModel? Model);

    /// <summary>Per-token values the features combine, computed once per article.</summary>
    public sealed class TokenValues
    {
        public required uint[] Word { get; init; }
        public required uint[] Suffix3 { get; init; }
        public required uint[] Suffix2 { get; init; }
        public required byte[] Shape { get; init; }
        public required byte[] Function { get; init; }
        public required byte[] Entity { get; init; }
        public required byte[] Lexicon { get; init; }
    }

    /// <summary>The token values of the article; with <paramref name="pooled"/> the arrays are rented (longer than the
    /// article: index only up to its token count) and go back with <see cref="Release"/>.</summary>
    public static TokenValues Values(Article a, LanguagePack pack, bool pooled = false)
    {
        var lex = AttributionLexicon.For(pack);
        var clex = CorefLexicon.For(pack);
        int n = a.Tokens.Length;
        uint[] U() => pooled ? ArrayPool<uint>.Shared.Rent(n) : new uint[n];
        byte[] B()
        {
            if (!pooled) return new byte[n];
            var b = ArrayPool<byte>.Shared.Rent(n);
            Array.Clear(b, 0, n);
            return b;
        }
        var v = new TokenValues
        {
            Word = U(), Suffix3 = U(), Suffix2 = U(), Shape = B(), Function = B(), Entity = B(), Lexicon = B(),
        };
        Span<char> buf = stackalloc char[64];
        for (int i = 0; i < n; i++)
        {
            var t = a.Tokens[i];
            var s = a.Slice(t);
            var lower = buf[..Math.Min(s.Length, buf.Length)];
            s[..lower.Length].ToLowerInvariant(lower);
            v.Word[i] = TaggerFeatureHash.Of(lower);
            v.Suffix3[i] = TaggerFeatureHash.Of(lower[Math.Max(0, lower.Length - 3)..], 17);
            v.Suffix2[i] = TaggerFeatureHash.Of(lower[Math.Max(0, lower.Length - 2)..], 29);
            v.Shape[i] = t.Kind switch
            {
                TokenKind.Word when t.Has(TokenFlags.AllCaps) && t.Length > 1 => 3,
                TokenKind.Word when t.Has(TokenFlags.Capitalized) => 1,
                TokenKind.Word => 2,
                TokenKind.Number => 4,
                TokenKind.Quote => 6,
                TokenKind.Punctuation => 5,
                _ => 7,
            };
            if (t.Kind == TokenKind.Word)
            {
                v.Function[i] = lex.Function.TryGet(s, out var fn) ? (byte)(fn + 1) : (byte)0;
                if (clex.Pronouns.TryGet(s, out var pf)) v.Lexicon[i] = (byte)(10 + pf.Person * 5 + (int)pf.Gender);
                else if (clex.Determiners.TryGet(s, out bool indefinite)) v.Lexicon[i] = indefinite ? (byte)2 : (byte)1;
                else if (clex.Nouns.TryGetExact(s, out var noun)) v.Lexicon[i] = (byte)(40 + (int)noun.Animacy);
            }
        }
        foreach (var m in a.Mentions)
        {
            int first = a.TokenIndexAt(m.Span.Start);
            if (first >= n) continue;
            int end = Math.Max(first + 1, a.TokenIndexAt(m.Span.End));
            byte type = m.EntityId >= 0 && m.EntityId < a.Entities.Count ? (byte)(a.Entities[m.EntityId].Type + 1) : (byte)7;
            byte code = m.Kind.Qualifies() ? (byte)(16 + type) : type;
            for (int k = first; k < end && k < n; k++)
                if (v.Entity[k] == 0) v.Entity[k] = (byte)(code * 2 + (k == first ? 0 : 1));
        }
        return v;
    }

    public static void Release(TokenValues v)
    {
        ArrayPool<uint>.Shared.Return(v.Word);
        ArrayPool<uint>.Shared.Return(v.Suffix3);
        ArrayPool<uint>.Shared.Return(v.Suffix2);
        ArrayPool<byte>.Shared.Return(v.Shape);
        ArrayPool<byte>.Shared.Return(v.Function);
        ArrayPool<byte>.Shared.Return(v.Entity);
        ArrayPool<byte>.Shared.Return(v.Lexicon);
    }

    /// <summary>The features of the sentence's tokens, <see cref="PerToken"/> per token, into <paramref name="output"/>.</summary>
    public static void Extract(TokenValues v, Sentence sentence, Span<uint> output)
    {
        int s0 = sentence.FirstToken, end = sentence.EndToken;
        for (int i = s0; i < end; i++)
        {
            var f = output.Slice((i - s0) * PerToken, PerToken);
            uint W(int k) => k < s0 || k >= end ? Pad : v.Word[k];
            uint Sh(int k) => k < s0 || k >= end ? 0u : v.Shape[k];
            uint Fn(int k) => k < s0 || k >= end ? 15u : v.Function[k];
            uint En(int k) => k < s0 || k >= end ? 255u : v.Entity[k];
            f[0] = TaggerFeatureHash.Feature(Templates[0], 1);
            f[1] = TaggerFeatureHash.Feature(Templates[1], W(i));
            f[2] = TaggerFeatureHash.Feature(Templates[2], W(i - 1));
            f[3] = TaggerFeatureHash.Feature(Templates[3], W(i + 1));
            f[4] = TaggerFeatureHash.Feature(Templates[4], W(i - 2));
            f[5] = TaggerFeatureHash.Feature(Templates[5], W(i + 2));
            f[6] = TaggerFeatureHash.Feature(Templates[6], v.Suffix3[i]);
            f[7] = TaggerFeatureHash.Feature(Templates[7], v.Suffix2[i], Sh(i));
            f[8] = TaggerFeatureHash.Feature(Templates[8], Sh(i - 1) * 64 + Sh(i) * 8 + Sh(i + 1));
            f[9] = TaggerFeatureHash.Feature(Templates[9], W(i - 1), W(i));
            f[10] = TaggerFeatureHash.Feature(Templates[10], W(i), W(i + 1));
            f[11] = TaggerFeatureHash.Feature(Templates[11], Fn(i - 1) * 256 + Fn(i) * 16 + Fn(i + 1));
            f[12] = TaggerFeatureHash.Feature(Templates[12], En(i));
            f[13] = TaggerFeatureHash.Feature(Templates[13], En(i - 1), En(i + 1));
            f[14] = TaggerFeatureHash.Feature(Templates[14], v.Lexicon[i]);
            f[15] = TaggerFeatureHash.Feature(Templates[15], i > s0 ? v.Lexicon[i - 1] : 255u, Sh(i));
            f[16] = TaggerFeatureHash.Feature(Templates[16], W(i - 1), Sh(i));
            f[17] = TaggerFeatureHash.Feature(Templates[17], En(i), Fn(i - 1));
        }
    }

    /// <summary>The spans [first, end) in tokens the model marks as mentions.</summary>
    public static List<(int First, int End)> Tag(Article a, LanguagePack pack, SequenceModel model)
    {
        var result = new List<(int, int)>();
        if (a.Tokens.Length == 0) return result;
        var values = Values(a, pack, pooled: true);
        int l = model.LabelCount;
        foreach (var sent in a.Sentences)
        {
            int n = sent.TokenCount;
            if (n == 0) continue;
            var features = ArrayPool<uint>.Shared.Rent(n * PerToken);
            var scores = ArrayPool<float>.Shared.Rent(n * l);
            var labels = ArrayPool<int>.Shared.Rent(n);
            try
            {
                Extract(values, sent, features.AsSpan(0, n * PerToken));
                for (int i = 0; i < n; i++)
                {
                    var row = scores.AsSpan(i * l, l);
                    row.Clear();
                    model.Score(features.AsSpan(i * PerToken, PerToken), row);
                }
                model.Decode(scores.AsSpan(0, n * l), n, labels);
                int start = -1;
                for (int i = 0; i <= n; i++)
                {
                    int lab = i < n ? labels[i] : 0;
                    if (start >= 0 && lab != 2) { result.Add((sent.FirstToken + start, sent.FirstToken + i)); start = -1; }
                    if (lab == 1) start = i;
                }
            }
            finally
            {
                ArrayPool<uint>.Shared.Return(features);
                ArrayPool<float>.Shared.Return(scores);
                ArrayPool<int>.Shared.Return(labels);
            }
        }
        Release(values);
        return result;
    }
}
