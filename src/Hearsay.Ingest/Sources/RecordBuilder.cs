using Hearsay.Document;

namespace Hearsay.Ingest.Sources;

/// <summary>Builds the input record of a structured record (a JSON object, a CSV row) from its fields.</summary>
internal static class RecordBuilder
{
    /// <summary>The record, or a problem when there is no text. The title, when given and not already the start
    /// of the text, is put first, separated by a blank line, so the structure reader sees a headline.</summary>
    public static InputRecord Build(InputFile file, string locator, string? text, string? title, string? url, string? outlet,
        DateTimeOffset? published, string? language, IngestOptions options, string lookedFor)
    {
        if (text is null)
            return InputRecord.Failed(file.Name, locator, "no-text", $"no text field (looked for {lookedFor})");
        if (string.IsNullOrWhiteSpace(text))
            return InputRecord.Failed(file.Name, locator, "empty", "the text field is empty");
        title = string.IsNullOrWhiteSpace(title) ? null : title.Trim();
        if (title is not null && !text.TrimStart().StartsWith(title, StringComparison.Ordinal))
            text = title + "\n\n" + text;
        if (text.Length > options.MaxRecordBytes)
            return InputRecord.Failed(file.Name, locator, "too-large",
                $"the text is {text.Length / 1e6:0.#} MB, over the limit of {options.MaxRecordBytes / 1e6:0.#} MB (--max-size)");
        return new InputRecord
        {
            Input = file.Name,
            Locator = locator,
            Text = text,
            Title = title,
            Metadata = new ArticleMetadata
            {
                Path = file.Name,
                Url = string.IsNullOrWhiteSpace(url) ? null : url.Trim(),
                Outlet = string.IsNullOrWhiteSpace(outlet) ? null : outlet.Trim(),
                Published = published,
                Language = options.Language ?? FieldMap.NormalizeLanguage(language),
            },
        };
    }
}
