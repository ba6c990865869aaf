using Hearsay.Document;
using Hearsay.Input;
using Hearsay.Pipeline;

namespace Hearsay;

/// <summary>The entry point for library users: text, bytes or a file in, analyzed article out.</summary>
/// <remarks>The byte, stream and file entry points read through <see cref="ArticleReader"/> and throw
/// <see cref="InputException"/> for input that cannot be analyzed (missing, unreadable, too large,
/// binary, empty); warnings about the input (e.g. "input.encoding") land in <see cref="Article.Diagnostics"/>.</remarks>
public sealed class Analyzer
{
    private readonly AnalysisPipeline _pipeline;

    public Analyzer(AnalysisPipeline? pipeline = null) => _pipeline = pipeline ?? AnalysisPipeline.CreateDefault();

    public AnalysisPipeline Pipeline => _pipeline;

    /// <summary>Size limits for the byte, stream and file entry points.</summary>
    public ReaderOptions ReaderOptions { get; init; } = ReaderOptions.Default;

    public Article AnalyzeText(string text, ArticleMetadata? metadata = null) =>
        _pipeline.Run(ArticleReader.FromText(text, metadata));

    /// <exception cref="InputException">NotFound, Unreadable, TooLarge, Binary or Empty.</exception>
    public Article AnalyzeFile(string path, ArticleMetadata? metadata = null) =>
        _pipeline.Run(ArticleReader.FromFile(path, metadata, ReaderOptions));

    /// <exception cref="InputException">TooLarge, Binary or Empty.</exception>
    public Article AnalyzeBytes(ReadOnlySpan<byte> bytes, ArticleMetadata? metadata = null) =>
        _pipeline.Run(ArticleReader.FromBytes(bytes, metadata, ReaderOptions));

    /// <exception cref="InputException">TooLarge, Unreadable, Binary or Empty.</exception>
    public Article AnalyzeStream(Stream stream, ArticleMetadata? metadata = null) =>
        _pipeline.Run(ArticleReader.FromStream(stream, metadata, ReaderOptions));

    public Article Analyze(Article article) => _pipeline.Run(article);
}
