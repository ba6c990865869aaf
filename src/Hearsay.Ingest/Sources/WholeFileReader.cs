using Hearsay.Document;
using Hearsay.Input;

namespace Hearsay.Ingest.Sources;

/// <summary>
/// One article per file (text, Markdown, HTML, or a file of unknown type), optionally gzip-compressed. The file
/// is checked for size before it is read; decoding, binary detection and HTML extraction happen later, in the
/// article reader, on the analysis workers.
/// </summary>
public static class WholeFileReader
{
    public static IEnumerable<InputRecord> Read(InputFile file, Stream stream, IngestOptions options)
    {
        if (!file.Gzip && file.Size > options.MaxRecordBytes)
        {
            yield return TooLarge(file, file.Size, options);
            yield break;
        }
        byte[]? bytes = null;
        InputRecord? failure = null;
        try
        {
            bytes = ReadAll(file.Gzip ? new GzipMemberReader(stream, leaveOpen: true) : stream, options.MaxRecordBytes);
            if (bytes is null) failure = TooLarge(file, -1, options);
        }
        catch (GzipDataException ex)
        {
            failure = InputRecord.Failed(file.Name, "", ex.Truncated ? "truncated" : "damaged", ex.Message);
        }
        if (failure is not null)
        {
            yield return failure;
            yield break;
        }
        string? mediaType = file.Format switch
        {
            InputFormat.Html => FormatSniffer.Html,
            InputFormat.Text => FormatSniffer.PlainText,
            _ => null,
        };
        yield return new InputRecord
        {
            Input = file.Name,
            Bytes = bytes,
            Metadata = new ArticleMetadata { Path = file.Name, MediaType = mediaType, Language = options.Language },
        };
    }

    /// <summary>The whole stream, or null when it is longer than <paramref name="max"/>.</summary>
    private static byte[]? ReadAll(Stream stream, int max)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > max) return null;
            buffer.Write(chunk, 0, n);
        }
        return buffer.ToArray();
    }

    private static InputRecord TooLarge(InputFile file, long size, IngestOptions options) =>
        InputRecord.Failed(file.Name, "", "too-large", size >= 0
            ? $"{size / 1e6:0.#} MB is over the limit of {options.MaxRecordBytes / 1e6:0.#} MB for one article (--max-size); a news article is far smaller"
            : $"decompressed, it is over the limit of {options.MaxRecordBytes / 1e6:0.#} MB for one article (--max-size)");
}
