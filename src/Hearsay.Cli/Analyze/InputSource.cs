using System.Text;
using AngleSharp.Html.Parser;
using Hearsay.Document;
using Hearsay.Input;

namespace Hearsay.Cli.Analyze;

/// <summary>
/// One input of <c>hearsay analyze</c>: a file or standard input, and how to turn it into an <see cref="Article"/>.
/// </summary>
/// <remarks>
/// SEAM: <see cref="Load"/> reads and decodes the bytes itself and hands plain text to
/// <see cref="ArticleReader.FromText"/>. When Hearsay.Core's ArticleReader gains its file/bytes API
/// (FromFile/Read: charset detection, HTML extraction, the same <see cref="InputException"/> kinds), replace the
/// body of <see cref="Load"/> with a call to it and delete everything below it. Nothing else in the CLI changes.
/// </remarks>
public sealed record InputSource(string Name, string? FullPath)
{
    /// <summary>Largest input accepted: far above any article, low enough to refuse a stray disk image.</summary>
    public const long MaxBytes = 16 * 1024 * 1024;

    public static InputSource Stdin { get; } = new("-", null);

    public bool IsStdin => FullPath is null;

    /// <summary>Reads the input and builds the article (structure found, not yet analyzed).</summary>
    /// <exception cref="InputException">The input is missing, empty, binary, too large or unreadable.</exception>
    public Article Load(CliContext context, string? language)
    {
        byte[] bytes = IsStdin ? ReadStdin(context) : ReadFile(FullPath!);
        bool html = !IsStdin && IsHtmlPath(FullPath!) || IsStdin && LooksLikeHtml(bytes);
        string text = Decode(bytes, out string encoding);
        if (html) text = HtmlToText(text);
        if (string.IsNullOrWhiteSpace(text))
            throw new InputException(InputErrorKind.Empty, Name, html ? "the HTML page holds no text" : "the input holds only white space");
        var metadata = new ArticleMetadata
        {
            Path = IsStdin ? null : Name,
            Language = language,
            MediaType = html ? "text/html" : "text/plain",
            Encoding = encoding,
        };
        return ArticleReader.FromText(text, metadata);
    }

    // ---- temporary reading and decoding, until ArticleReader's file API lands ----------------------

    private byte[] ReadFile(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists) throw new InputException(InputErrorKind.NotFound, Name, "no such file");
            if (info.Length == 0) throw new InputException(InputErrorKind.Empty, Name, "the file is empty");
            if (info.Length > MaxBytes) throw TooLarge(info.Length);
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InputException(InputErrorKind.Unreadable, Name, $"cannot be read: {ex.Message}");
        }
    }

    private byte[] ReadStdin(CliContext context)
    {
        using var stdin = context.OpenStdin();
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int n;
        while ((n = stdin.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, n);
            if (buffer.Length > MaxBytes)
            {
                // Keep reading to the end (discarding) so a writer on the other side of the pipe is not left blocked.
                long total = buffer.Length;
                while ((n = stdin.Read(chunk, 0, chunk.Length)) > 0) total += n;
                throw TooLarge(total);
            }
        }
        if (buffer.Length == 0) throw new InputException(InputErrorKind.Empty, Name, "standard input is empty");
        return buffer.ToArray();
    }

    private InputException TooLarge(long length) =>
        new(InputErrorKind.TooLarge, Name, $"is too large ({length / (1024.0 * 1024.0):0.0} MiB; the limit is {MaxBytes / (1024 * 1024)} MiB)");

    private string Decode(byte[] bytes, out string encoding)
    {
        ReadOnlySpan<byte> data = bytes;
        if (data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            encoding = "utf-8";
            return Utf8Strict(data[3..]) ?? throw Binary();
        }
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            encoding = "utf-16le";
            return Encoding.Unicode.GetString(data[2..]);
        }
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            encoding = "utf-16be";
            return Encoding.BigEndianUnicode.GetString(data[2..]);
        }
        // Text never holds NUL bytes (without a UTF-16 byte order mark); executables, images and archives do.
        if (data[..Math.Min(data.Length, 8192)].Contains((byte)0)) throw Binary();
        if (Utf8Strict(data) is { } utf8)
        {
            encoding = "utf-8";
            return utf8;
        }
        // Not UTF-8: the common legacy encoding of Western European news pages.
        encoding = "windows-1252";
        string latin = Windows1252.GetString(data);
        if (ControlShare(latin) > 0.05) throw Binary();
        return latin;
    }

    private InputException Binary() => new(InputErrorKind.Binary, Name, "looks like binary data, not text");

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static string? Utf8Strict(ReadOnlySpan<byte> data)
    {
        try { return StrictUtf8.GetString(data); }
        catch (DecoderFallbackException) { return null; }
    }

    private static double ControlShare(string s)
    {
        int control = 0;
        foreach (char c in s) if (char.IsControl(c) && c is not ('\n' or '\r' or '\t' or '\f')) control++;
        return s.Length == 0 ? 0 : (double)control / s.Length;
    }

    private static bool IsHtmlPath(string path) =>
        path.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".htm", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeHtml(byte[] bytes)
    {
        var head = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 512)).TrimStart();
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Crude extraction: headings, paragraphs and captions as blank-line-separated blocks.</summary>
    private static string HtmlToText(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var blocks = new List<string>();
        foreach (var element in document.QuerySelectorAll("h1, h2, h3, h4, h5, h6, p, figcaption, li"))
        {
            if (element.ParentElement?.Closest("p, li, figcaption") is not null) continue;
            var text = string.Join(' ', element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (text.Length > 0) blocks.Add(text);
        }
        if (blocks.Count == 0 && document.Body is { } body) blocks.Add(body.TextContent.Trim());
        return string.Join("\n\n", blocks);
    }
}
