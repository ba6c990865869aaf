using Hearsay.Languages;
using Hearsay.Learning;

namespace Hearsay.Entities;

/// <summary>
/// The shipped name-tagger models: src/Hearsay.Core/Models/ner-&lt;lang&gt;.bin, embedded as resources
/// "models/ner-&lt;lang&gt;.bin" (format: <see cref="ModelFile"/>; what trained each one is in its header and in
/// Models/README.md). Loaded once per language pack, on first use.
/// </summary>
public static class NameModels
{
    /// <summary>The model for the pack's language, or null when none ships (the rules then work alone).</summary>
    public static SequenceModel? For(LanguagePack pack) =>
        pack.IsSupported ? pack.Compiled("entities.name-model", p => new Holder(Load(p.Code))).Model : null;

    /// <summary>The embedded model for a language code, or null.</summary>
    public static SequenceModel? Load(string code)
    {
        using var stream = typeof(NameModels).Assembly.GetManifestResourceStream(ResourceName(code));
        if (stream is null) return null;
        return ModelFile.Read(stream);
    }

    public static string ResourceName(string code) => $"models/ner-{code}.bin";

    private sealed record Holder(SequenceModel? Model);
}
