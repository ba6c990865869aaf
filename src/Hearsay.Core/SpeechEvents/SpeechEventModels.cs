using System.Numerics;
using System.Runtime.CompilerServices;
using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Learning;

namespace Hearsay.SpeechEvents;

/// <summary>
/// The two learned models of the speech-event stage for one language: the cue tagger (labels "O", "B-Cue",
/// "I-Cue" over a sentence's tokens) and the role tagger (BIO labels of the <see cref="SpeechRole"/>s over the
/// tokens of a cue's sentence). Shipped as src/Hearsay.Core/Models/speech-cue-&lt;lang&gt;.bin and
/// speech-roles-&lt;lang&gt;.bin (format: <see cref="ModelFile"/>), written by <c>hearsay train speech-events</c>;
/// embedded as resources "models/&lt;file&gt;" and loaded once per language pack on first use.
/// </summary>
public sealed class SpeechEventModels
{
    public const string EnvironmentVariable = "HEARSAY_SPEECH_MODELS";

    /// <summary>The role labels: "O", then "B-" and "I-" of each role in <see cref="SpeechRole"/> order.</summary>
    public static readonly IReadOnlyList<string> RoleLabels = BuildRoleLabels();
    public static readonly IReadOnlyList<string> CueLabels = new[] { "O", "B-Cue", "I-Cue" };

    public SpeechEventModels(SequenceModel cue, SequenceModel roles)
    {
        if (!cue.Labels.SequenceEqual(CueLabels)) throw new ArgumentException("the cue model's labels must be O, B-Cue, I-Cue", nameof(cue));
        if (!roles.Labels.SequenceEqual(RoleLabels)) throw new ArgumentException("the role model's labels must be O and B-/I- of each speech role", nameof(roles));
        Cue = cue;
        Roles = roles;
        CueOutsideBias = OutsideBias(cue);
        _cueStems = CueStems(cue);
        RoleOutsideBias = OutsideBias(roles);
        _cuePairs = CuePairs(cue);
    }

    public SequenceModel Cue { get; }
    public SequenceModel Roles { get; }
    /// <summary>Subtracted from the "O" score of every scored token before decoding (the header line "outside-bias: X";
    /// 0 without one): a perceptron errs towards "O", and this trades some precision for recall. Chosen on the eval's dev split.</summary>
    public float CueOutsideBias { get; }
    public float RoleOutsideBias { get; }

    public const string OutsideBiasKey = "outside-bias";
    public const string CueStemsKey = "cue-stems";

    private readonly uint[]? _cueStems;
    private readonly ulong[]? _cuePairs;
    public const string CuePairsKey = "cue-pairs";

    /// <summary>Whether two cue pieces of one sentence, with these light-stem keys (of each piece's last word), make one
    /// event ("stellt … die Frage", "sind … überzeugt"): the pair is in the cue model's header line "cue-pairs" (pairs
    /// that were one gold cue in training more often than two events of one sentence). Order does not matter.</summary>
    public bool JoinsCue(uint a, uint b) => _cuePairs is not null && Array.BinarySearch(_cuePairs, PairKey(a, b)) >= 0;

    public static ulong PairKey(uint a, uint b) => a <= b ? (ulong)a << 32 | b : (ulong)b << 32 | a;

    /// <summary>The header line listing the joined pairs (sorted, distinct).</summary>
    public static string CuePairsLine(IEnumerable<ulong> pairs) => KeysLine(CuePairsKey, pairs);

    private static ulong[]? CuePairs(SequenceModel model) => KeysOf<ulong>(model, CuePairsKey);

    /// <summary>Whether the cue tagger scores a word with this light-stem key (<see cref="Learning.CueFeatures.StemKey(ReadOnlySpan{char})"/>):
    /// only stems that were part of a cue in training (the cue model's header line "cue-stems", base64 of the sorted keys),
    /// every word when the header has no such line. Bounds the tagger's work to the few words that can be cues.</summary>
    public bool MayBeCue(uint stemKey) => _cueStems is null || Array.BinarySearch(_cueStems, stemKey) >= 0;

    /// <summary>The header line listing the stem keys (sorted, distinct).</summary>
    public static string CueStemsLine(IEnumerable<uint> keys) => KeysLine(CueStemsKey, keys);

    private static uint[]? CueStems(SequenceModel model) => KeysOf<uint>(model, CueStemsKey);

    /// <summary>A header line "name: base64" of the keys, sorted and distinct, each little-endian.</summary>
    private static string KeysLine<T>(string name, IEnumerable<T> keys) where T : unmanaged, IBinaryInteger<T>
    {
        var sorted = keys.Distinct().Order().ToArray();
        int size = Unsafe.SizeOf<T>();
        var bytes = new byte[sorted.Length * size];
        for (int i = 0; i < sorted.Length; i++) sorted[i].WriteLittleEndian(bytes, i * size);
        return name + ": " + Convert.ToBase64String(bytes);
    }

    /// <summary>The keys of the model's header line <paramref name="name"/> (<see cref="KeysLine{T}"/>), or null without one.</summary>
    private static T[]? KeysOf<T>(SequenceModel model, string name) where T : unmanaged, IBinaryInteger<T>
    {
        foreach (var line in model.Header.Split('\n'))
        {
            if (!line.StartsWith(name + ":", StringComparison.Ordinal)) continue;
            var bytes = Convert.FromBase64String(line[(name.Length + 1)..].Trim());
            int size = Unsafe.SizeOf<T>();
            var keys = new T[bytes.Length / size];
            for (int i = 0; i < keys.Length; i++) keys[i] = T.ReadLittleEndian(bytes.AsSpan(i * size, size), isUnsigned: true);
            return keys;
        }
        return null;
    }

    private static float OutsideBias(SequenceModel model)
    {
        foreach (var line in model.Header.Split('\n'))
            if (line.StartsWith(OutsideBiasKey + ":", StringComparison.Ordinal)
                && float.TryParse(line.AsSpan(OutsideBiasKey.Length + 1).Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var x))
                return x;
        return 0f;
    }

    /// <summary>The models for the pack's language, or null when none ship (the stage then adds nothing).
    /// <c>HEARSAY_SPEECH_MODELS=off</c> turns them off; <c>HEARSAY_SPEECH_MODELS=DIR</c> reads the two files
    /// from DIR instead (to evaluate freshly trained models without rebuilding).</summary>
    public static SpeechEventModels? For(LanguagePack pack) =>
        pack.IsSupported ? pack.Compiled("speech-events.models", p => new Holder(Resolve(p.Code, Environment.GetEnvironmentVariable(EnvironmentVariable)))).Models : null;

    internal static SpeechEventModels? Resolve(string code, string? setting)
    {
        if (string.Equals(setting, "off", StringComparison.OrdinalIgnoreCase)) return null;
        if (!string.IsNullOrEmpty(setting))
        {
            string cue = Path.Combine(setting, CueFile(code)), roles = Path.Combine(setting, RolesFile(code));
            return File.Exists(cue) && File.Exists(roles) ? new SpeechEventModels(ModelFile.Read(cue), ModelFile.Read(roles)) : null;
        }
        return Load(code);
    }

    /// <summary>The embedded models for a language code, or null when none ship.</summary>
    public static SpeechEventModels? Load(string code)
    {
        var asm = typeof(SpeechEventModels).Assembly;
        using var cue = asm.GetManifestResourceStream("models/" + CueFile(code));
        using var roles = asm.GetManifestResourceStream("models/" + RolesFile(code));
        return cue is null || roles is null ? null : new SpeechEventModels(ModelFile.Read(cue), ModelFile.Read(roles));
    }

    public static string CueFile(string code) => $"speech-cue-{code}.bin";
    public static string RolesFile(string code) => $"speech-roles-{code}.bin";

    private static string[] BuildRoleLabels()
    {
        var labels = new List<string> { "O" };
        foreach (var r in Enum.GetValues<SpeechRole>())
        {
            labels.Add("B-" + r);
            labels.Add("I-" + r);
        }
        return labels.ToArray();
    }

    private sealed record Holder(SpeechEventModels? Models);
}
