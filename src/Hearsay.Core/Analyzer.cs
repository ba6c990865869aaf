using Hearsay.Document;
using Hearsay.Input;
using Hearsay.Pipeline;

namespace Hearsay;

/// <summary>The entry point for library users: text in, analyzed article out.</summary>
public sealed class Analyzer
{
    private readonly AnalysisPipeline _pipeline;

    public Analyzer(AnalysisPipeline? pipeline = null) => _pipeline = pipeline ?? AnalysisPipeline.CreateDefault();

    public AnalysisPipeline Pipeline => _pipeline;

    public Article AnalyzeText(string text, ArticleMetadata? metadata = null) =>
        _pipeline.Run(ArticleReader.FromText(text, metadata));

    public Article Analyze(Article article) => _pipeline.Run(article);
}
