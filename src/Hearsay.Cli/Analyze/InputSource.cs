using Hearsay.Document;
using Hearsay.Input;

namespace Hearsay.Cli.Analyze;

/// <summary>
/// One input of <c>hearsay analyze</c>: a file or standard input. Reading, decoding, binary detection and
/// HTML extraction are <see cref="ArticleReader"/>'s; this only names the input and passes the caller's hints.
/// </summary>
public sealed record InputSource(string Name, string? FullPath)
{
    public static InputSource Stdin { get; } = new("-", null);

    public bool IsStdin => FullPath is null;

    /// <summary>Reads the input and builds the article (structure found, not yet analyzed).</summary>
    /// <exception cref="InputException">The input is missing, empty, binary, too large or unreadable.</exception>
    public Article Load(CliContext context, string? language)
    {
        var metadata = new ArticleMetadata
        {
            Path = IsStdin ? null : Name,
            Language = language,
            MediaType = !IsStdin && IsHtmlPath(FullPath!) ? "text/html" : null,
        };
        try
        {
            Article article;
            if (!IsStdin) article = ArticleReader.FromFile(FullPath!, metadata);
            else
            {
                using var stdin = context.OpenStdin();
                article = ArticleReader.FromStream(stdin, metadata);
            }
            // Plain text may open with front matter (outlet, published, url, language, title): read as by ingest.
            return FrontMatter.ApplyTo(article, Name, language) is { } read ? read.Article : article;
        }
        catch (InputException ex)
        {
            // The CLI names inputs as the user typed them; the reader names them by full path.
            var message = ex.Message.StartsWith(ex.Source + ": ", StringComparison.Ordinal) ? ex.Message[(ex.Source.Length + 2)..] : ex.Message;
            if (IsStdin && ex.Kind == InputErrorKind.Empty) message = "standard input is empty";
            throw new InputException(ex.Kind, Name, message.TrimEnd('.'), ex);
        }
    }

    private static bool IsHtmlPath(string path) =>
        path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);
}
