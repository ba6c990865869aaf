using Hearsay.Document;
using Hearsay.Languages;

namespace Hearsay.Pipeline;

/// <summary>An ordered, validated list of stages. Build one with <see cref="PipelineBuilder"/>; it is
/// immutable and thread-safe.</summary>
public sealed class AnalysisPipeline
{
    private readonly IStage[] _stages;
    private readonly LanguageRegistry _languages;

    internal AnalysisPipeline(IStage[] stages, LanguageRegistry languages)
    {
        _stages = stages;
        _languages = languages;
    }

    public IReadOnlyList<IStage> Stages => _stages;
    public LanguageRegistry Languages => _languages;

    /// <summary>Version of the analysis: bump when a stage's output changes, so stored results can be redone.</summary>
    public const string Version = "0.2.0";

    /// <summary>Runs every stage over the article, in order.</summary>
    public Article Run(Article article)
    {
        // A reader builds every article with its text and structure (possibly empty): the builder assumes both.
        article.Done |= Layers.Text | Layers.Structure;
        foreach (var stage in _stages)
        {
            var pack = _languages.For(article.Language);
            stage.Process(article, pack);
            article.Done |= stage.Adds;
        }
        return article;
    }

    /// <summary>The default pipeline: every stage whose layer the outputs show (the speech-event layer with
    /// <paramref name="speechEvents"/>).</summary>
    public static AnalysisPipeline CreateDefault(bool speechEvents = false) => new PipelineBuilder().UseDefaults(speechEvents).Build();
}
