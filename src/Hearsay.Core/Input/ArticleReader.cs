using Hearsay.Document;
using Hearsay.Structure;

namespace Hearsay.Input;

/// <summary>
/// Turns raw input (a file, a stream, bytes or a string; plain text or HTML) into an <see cref="Article"/>
/// with its layout structure.
/// <para>Bytes are decoded by <see cref="TextDecoder"/> (BOMs, UTF-8, UTF-16, an HTML page's declared
/// charset, Windows-1252 fallback with an "input.encoding" warning); an encoding the caller names in
/// <see cref="ArticleMetadata.Encoding"/> is used as given. The format is the caller's media type
/// (<see cref="ArticleMetadata.MediaType"/>), else the file extension, else sniffed from the content
/// (<see cref="FormatSniffer"/>). HTML goes through <see cref="HtmlStructure"/>, whose article text is the
/// extracted blocks; plain text is kept exactly as decoded and goes through <see cref="PlainTextStructure"/>.</para>
/// <para>Refused, with an <see cref="InputException"/>: a missing file (<see cref="InputErrorKind.NotFound"/>),
/// an unreadable one (<see cref="InputErrorKind.Unreadable"/>), input over <see cref="ReaderOptions.MaxBytes"/>
/// (default 64 MiB, <see cref="InputErrorKind.TooLarge"/>, checked before reading where the size is known),
/// binary data (<see cref="InputErrorKind.Binary"/>) and empty or whitespace-only input
/// (<see cref="InputErrorKind.Empty"/>). Inputs over <see cref="ReaderOptions.LargeInputBytes"/> (default
/// 8 MiB) are read and analyzed in full, with an informational "input.large" diagnostic: decoding and
/// structure are linear in the size, so a 50 MB text takes seconds, not minutes.</para>
/// <para>The returned article's metadata records the encoding used and the media type.</para>
/// </summary>
public static class ArticleReader
{
    public const string LargeInputCode = "input.large";
    private const string BytesSource = "input";

    /// <summary>Builds an article from text already in memory. Plain text unless the metadata's media type
    /// says HTML or the text opens like an HTML document. Never throws for empty text (the article is
    /// simply empty); use the byte and file readers for checked input.</summary>
    public static Article FromText(string text, ArticleMetadata? metadata = null)
    {
        bool html = metadata?.MediaType is { } mt ? FormatSniffer.Detect(text, mt) == FormatSniffer.Html : FormatSniffer.StartsLikeHtml(text);
        if (html) return HtmlStructure.Read(text, metadata);
        var meta = metadata ?? new ArticleMetadata();
        var article = new Article(text, meta.MediaType is null ? meta with { MediaType = FormatSniffer.PlainText } : meta);
        PlainTextStructure.Detect(article);
        return article;
    }

    /// <summary>Builds an article from HTML source.</summary>
    public static Article FromHtml(string html, ArticleMetadata? metadata = null) =>
        HtmlStructure.Read(html, metadata);

    /// <summary>Reads a file: checks it exists and its size, then decodes and structures it.
    /// <see cref="ArticleMetadata.Path"/> is set to <paramref name="path"/> unless given.</summary>
    /// <exception cref="InputException">NotFound, Unreadable, TooLarge, Binary or Empty.</exception>
    public static Article FromFile(string path, ArticleMetadata? metadata = null, ReaderOptions? options = null)
    {
        options ??= ReaderOptions.Default;
        if (Directory.Exists(path))
            throw new InputException(InputErrorKind.Unreadable, path, $"{path}: is a directory, not an article file.");
        if (!File.Exists(path))
            throw new InputException(InputErrorKind.NotFound, path, $"{path}: no such file.");
        byte[] bytes;
        try
        {
            long length = new FileInfo(path).Length;
            if (length > options.MaxBytes) throw TooLarge(path, length, options);
            bytes = File.ReadAllBytes(path);
        }
        catch (FileNotFoundException e) { throw new InputException(InputErrorKind.NotFound, path, $"{path}: no such file.", e); }
        catch (DirectoryNotFoundException e) { throw new InputException(InputErrorKind.NotFound, path, $"{path}: no such file.", e); }
        catch (UnauthorizedAccessException e) { throw new InputException(InputErrorKind.Unreadable, path, $"{path}: permission denied.", e); }
        catch (IOException e) { throw new InputException(InputErrorKind.Unreadable, path, $"{path}: cannot be read ({e.Message}).", e); }
        var meta = metadata ?? new ArticleMetadata();
        if (meta.Path is null) meta = meta with { Path = path };
        return Read(bytes, meta, options, path);
    }

    /// <summary>Reads a stream to its end (at most <see cref="ReaderOptions.MaxBytes"/>), then decodes and
    /// structures it.</summary>
    /// <exception cref="InputException">TooLarge, Unreadable, Binary or Empty.</exception>
    public static Article FromStream(Stream stream, ArticleMetadata? metadata = null, ReaderOptions? options = null)
    {
        options ??= ReaderOptions.Default;
        var source = metadata?.Path ?? BytesSource;
        try
        {
            if (stream.CanSeek && stream.Length - stream.Position > options.MaxBytes)
                throw TooLarge(source, stream.Length - stream.Position, options);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + n > options.MaxBytes) throw TooLarge(source, buffer.Length + n, options);
                buffer.Write(chunk, 0, n);
            }
            return Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), metadata, options, source);
        }
        catch (IOException e) { throw new InputException(InputErrorKind.Unreadable, source, $"{source}: cannot be read ({e.Message}).", e); }
    }

    /// <summary>Decodes and structures raw bytes.</summary>
    /// <exception cref="InputException">TooLarge, Binary or Empty.</exception>
    public static Article FromBytes(ReadOnlySpan<byte> bytes, ArticleMetadata? metadata = null, ReaderOptions? options = null) =>
        Read(bytes, metadata, options ?? ReaderOptions.Default, metadata?.Path ?? BytesSource);

    private static Article Read(ReadOnlySpan<byte> bytes, ArticleMetadata? metadata, ReaderOptions options, string source)
    {
        if (bytes.Length > options.MaxBytes) throw TooLarge(source, bytes.Length, options);
        if (bytes.IsEmpty) throw new InputException(InputErrorKind.Empty, source, $"{source}: is empty.");

        var decoded = TextDecoder.Decode(bytes, metadata?.Encoding, source);
        if (decoded.Text.AsSpan().IsWhiteSpace())
            throw new InputException(InputErrorKind.Empty, source, $"{source}: holds only whitespace, no text.");

        var format = FormatSniffer.Detect(decoded.Text, metadata?.MediaType, metadata?.Path ?? metadata?.Url);
        var meta = (metadata ?? new ArticleMetadata()) with { Encoding = decoded.Encoding, MediaType = format };
        Article article;
        if (format == FormatSniffer.Html)
        {
            article = HtmlStructure.Read(decoded.Text, meta);
            if (article.Text.AsSpan().IsWhiteSpace())
                throw new InputException(InputErrorKind.Empty, source, $"{source}: the HTML page holds no article text.");
        }
        else
        {
            article = new Article(decoded.Text, meta);
            PlainTextStructure.Detect(article);
        }
        // Encoding notes point into the decoded text; for HTML that is not the article text, so drop the span.
        foreach (var d in decoded.Diagnostics)
            article.Diagnostics.Add(format == FormatSniffer.Html && d.Span is not null ? d with { Span = null } : d);
        if (bytes.Length > options.LargeInputBytes)
            article.Diagnostics.Add(new Diagnostic(Severity.Info, LargeInputCode,
                $"Large input ({bytes.Length / (1024.0 * 1024.0):0.#} MB): analyzed in full, which may take a while. Limit: {options.MaxBytes / (1024 * 1024)} MB."));
        return article;
    }

    private static InputException TooLarge(string source, long length, ReaderOptions options) =>
        new(InputErrorKind.TooLarge, source,
            $"{source}: {length / (1024.0 * 1024.0):0.#} MB is over the limit of {options.MaxBytes / (1024.0 * 1024.0):0.#} MB. A news article is far smaller; raise the limit (ReaderOptions.MaxBytes) if this is intended.");
}
