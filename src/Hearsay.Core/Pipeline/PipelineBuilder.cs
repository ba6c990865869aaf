using Hearsay.Document;
using Hearsay.Languages;

namespace Hearsay.Pipeline;

/// <summary>Composes stages. <see cref="Build"/> refuses an order in which a stage needs a layer no
/// earlier stage adds, naming the stage and the missing layer.</summary>
public sealed class PipelineBuilder
{
    private readonly List<IStage> _stages = new();
    private LanguageRegistry? _languages;

    public PipelineBuilder Use(IStage stage)
    {
        if (!_stages.Any(s => s.GetType() == stage.GetType())) _stages.Add(stage);
        return this;
    }

    public PipelineBuilder WithLanguages(LanguageRegistry registry)
    {
        _languages = registry;
        return this;
    }

    /// <summary>All stages, in dependency order. Each line says why it sits where it does.</summary>
    /// <param name="speechEvents">Also the speech-event layer (learned SpkAtt-style cues and roles: every speech,
    /// thought and writing event). No renderer and no later stage reads it yet, and it costs about a quarter of
    /// the analysis time, so it is off by default; the evaluation of SpkAtt-2023 and REDEWIEDERGABE turns it on.</param>
    public PipelineBuilder UseDefaults(bool speechEvents = false)
    {
        Use(new Text.LanguageDetectionStage());        // needs only the raw text; every later stage reads the pack
        Use(new Text.TokenizerStage());                // abbreviations are language data
        Use(new Text.SentenceSplitterStage());         // sentence ends depend on tokens and block boundaries
        Use(new Text.QuotationStage());                // pairs quote marks; attribution and hedges read the pairs
        if (speechEvents)
            Use(new SpeechEvents.SpeechEventStage());  // learned cues and roles; needs quotations only, so attribution may read them
        return this
        .Use(new Entities.EntityStage())               // sources and media resolve to entities
        .Use(new Quantities.QuantityStage())           // independent of attribution; claims list their quantities
        .Use(new Attributions.AttributionStage())       // needs quotations and entities (sources, media)
        .Use(new Hedges.HedgeStage())                  // a quote an attribution claims is not a scare quote
        .Use(new Coreference.CoreferenceStage())       // resolves attribution sources (pronouns, descriptions)
        .Use(new Claims.ClaimStage());                 // chains need resolved sources, media and relays
    }

    public AnalysisPipeline Build()
    {
        var have = Layers.Text | Layers.Structure;
        foreach (var stage in _stages)
        {
            var missing = stage.Needs & ~have;
            if (missing != Layers.None)
                throw new InvalidOperationException($"Stage '{stage.Name}' needs {missing}, which no earlier stage adds.");
            have |= stage.Adds;
        }
        return new AnalysisPipeline(_stages.ToArray(), _languages ?? LanguageRegistry.Default);
    }
}
