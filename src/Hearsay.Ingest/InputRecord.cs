using Hearsay.Document;
using Hearsay.Store;

namespace Hearsay.Ingest;

/// <summary>
/// One article as a reader found it, before analysis: its content (the raw bytes of a file or WARC payload,
/// or the text of a JSON Lines or CSV field), what the input says about it, and where it is. Or, when the
/// reader could not get an article out of that place, the problem instead.
/// </summary>
public sealed class InputRecord
{
    /// <summary>The input file as named (a path below a named folder is relative to the folder as typed).</summary>
    public required string Input { get; init; }
    /// <summary>Where in the input ("line 12", "record 3 at byte 40960"), or "" for a whole file.</summary>
    public string Locator { get; init; } = "";
    /// <summary>Raw bytes: decoded, binary-checked and (for HTML) extracted by the article reader.</summary>
    public byte[]? Bytes { get; init; }
    /// <summary>Text already decoded (a JSON or CSV field), with the title first when the input gave one.</summary>
    public string? Text { get; init; }
    public ArticleMetadata Metadata { get; init; } = new();
    /// <summary>The title the input gave, stored as the article's title.</summary>
    public string? Title { get; init; }
    /// <summary>Set instead of content when the reader failed here.</summary>
    public ProblemRecord? Problem { get; init; }

    public string Origin => Locator.Length == 0 ? Input : $"{Input} {Locator}";

    /// <summary>The store key: the URL (if any) and exactly the content that is analysed.</summary>
    public ArticleKey Key() => Text is not null ? ArticleKey.Of(Metadata.Url, Text) : ArticleKey.Of(Metadata.Url, Bytes ?? []);

    /// <summary>Size of the content in bytes (UTF-8 for text).</summary>
    public long ContentBytes => Bytes?.LongLength ?? (Text is null ? 0 : System.Text.Encoding.UTF8.GetByteCount(Text));

    public static InputRecord Failed(string input, string locator, string kind, string message, ProblemSeverity severity = ProblemSeverity.Error) =>
        new() { Input = input, Locator = locator, Problem = new ProblemRecord(input, locator, severity, kind, message) };
}
