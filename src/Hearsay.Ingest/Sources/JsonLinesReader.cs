using System.Globalization;
using System.Text.Json;

namespace Hearsay.Ingest.Sources;

/// <summary>
/// JSON Lines: one JSON object per line, each an article (fields per <see cref="FieldMap"/>). Streams line by
/// line, so a file of any size takes the memory of one line; blank lines are skipped; a line that is not a JSON
/// object, lacks the text, or is over the size limit is reported with its line number and the rest are read.
/// A <c>.json</c> file may instead hold one object (even across lines), an array of objects, or objects one after
/// another; it is read whole, so it is bounded by 16 times the record size limit.
/// </summary>
public static class JsonLinesReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64, AllowTrailingCommas = true };

    public static IEnumerable<InputRecord> Read(InputFile file, Stream stream, IngestOptions options)
    {
        bool wholeJson = file.FullPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
                         || file.FullPath.EndsWith(".json.gz", StringComparison.OrdinalIgnoreCase);
        var reader = new ByteReader(stream);
        if (wholeJson)
        {
            var head = reader.Peek(4096);
            int first = head.IndexOfAnyExcept(" \t\r\n\uFEFF"u8);   // white space and a byte-order mark
            if (first >= 0 && head[first] is (byte)'[' or (byte)'{') return ReadDocument(file, reader, options);
        }
        return ReadLines(file, reader, options);
    }

    private static IEnumerable<InputRecord> ReadLines(InputFile file, ByteReader reader, IngestOptions options)
    {
        int lineNumber = 0;
        while (true)
        {
            lineNumber++;
            string locator = "line " + lineNumber.ToString(CultureInfo.InvariantCulture);
            InputRecord? record = null;
            ByteReader.LineStatus status;
            try
            {
                status = reader.ReadLine(options.MaxRecordBytes, out var line);
                if (status == ByteReader.LineStatus.End) yield break;
                if (status == ByteReader.LineStatus.TooLong)
                    record = InputRecord.Failed(file.Name, locator, "too-large", $"the line is over the limit of {options.MaxRecordBytes / 1e6:0.#} MB (--max-size)");
                else
                {
                    if (lineNumber == 1 && line.StartsWith("\xEF\xBB\xBF"u8)) line = line[3..];
                    if (line.Trim(" \t\r"u8).IsEmpty) continue;
                    record = FromLine(file, locator, line, options);
                }
            }
            catch (GzipDataException ex)
            {
                record = InputRecord.Failed(file.Name, locator, ex.Truncated ? "truncated" : "damaged",
                    $"{ex.Message}; the lines before were read, the rest of the file is lost");
                status = ByteReader.LineStatus.End;
            }
            if (record is not null) yield return record;
            if (status == ByteReader.LineStatus.End) yield break;
        }
    }

    private static InputRecord FromLine(InputFile file, string locator, ReadOnlySpan<byte> line, IngestOptions options)
    {
        try
        {
            // JsonDocument needs memory; one line at a time is what it costs.
            using var doc = JsonDocument.Parse(line.ToArray(), DocumentOptions);
            return FromElement(file, locator, doc.RootElement, options);
        }
        catch (JsonException ex)
        {
            return InputRecord.Failed(file.Name, locator, "malformed", $"not valid JSON: {FirstSentence(ex.Message)}");
        }
        catch (ArgumentException ex)
        {
            // Invalid UTF-8 inside the JSON text.
            return InputRecord.Failed(file.Name, locator, "malformed", $"not valid JSON: {FirstSentence(ex.Message)}");
        }
    }

    /// <summary>A .json file: read whole (up to 16 times the record limit) as one or more JSON values, each an
    /// article object or an array of them (so a single object, an array, and objects one after another all work).</summary>
    private static IEnumerable<InputRecord> ReadDocument(InputFile file, ByteReader reader, IngestOptions options)
    {
        long limit = 16L * options.MaxRecordBytes;
        byte[] bytes = reader.ReadBlock((int)Math.Min(limit + 1, int.MaxValue - 64));
        if (bytes.LongLength > limit)
        {
            yield return InputRecord.Failed(file.Name, "", "too-large", $"a JSON document over {limit / 1e6:0} MB; write it as JSON Lines (one object per line) to stream it");
            yield break;
        }
        var values = new List<JsonDocument>();
        InputRecord? failure = null;
        try
        {
            var json = new Utf8JsonReader(bytes.AsSpan().StartsWith("\xEF\xBB\xBF"u8) ? bytes.AsSpan(3) : bytes,
                new JsonReaderOptions { AllowMultipleValues = true, AllowTrailingCommas = true, MaxDepth = 64 });
            while (json.Read()) values.Add(JsonDocument.ParseValue(ref json));
        }
        catch (JsonException ex)
        {
            failure = InputRecord.Failed(file.Name, ex.LineNumber is { } line ? $"line {line + 1}" : "", "malformed",
                $"not valid JSON: {FirstSentence(ex.Message)}{(values.Count > 0 ? "; the values before were read" : "")}");
        }
        int item = 0;
        foreach (var doc in values)
        {
            using (doc)
            {
                var root = doc.RootElement;
                var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
                foreach (var e in items)
                {
                    item++;
                    yield return FromElement(file, "item " + item.ToString(CultureInfo.InvariantCulture), e, options);
                }
            }
        }
        if (failure is not null) yield return failure;
    }

    internal static InputRecord FromElement(InputFile file, string locator, JsonElement e, IngestOptions options)
    {
        if (e.ValueKind != JsonValueKind.Object)
            return InputRecord.Failed(file.Name, locator, "malformed", $"a JSON {e.ValueKind.ToString().ToLowerInvariant()}, not an object with the article's fields");
        var fields = options.Fields;
        string? Text(ArticleField f) => Find(e, fields.NamesOf(f)) is { } v ? AsString(v) : null;
        DateTimeOffset? published = null;
        if (Find(e, fields.NamesOf(ArticleField.Published)) is { } p)
            published = p.ValueKind == JsonValueKind.Number && p.TryGetInt64(out long n) ? FieldMap.FromUnix(n) : FieldMap.ParseDate(AsString(p));
        return RecordBuilder.Build(file, locator, Text(ArticleField.Text), Text(ArticleField.Title), Text(ArticleField.Url),
            Text(ArticleField.Outlet), published, Text(ArticleField.Language), options,
            string.Join(", ", fields.NamesOf(ArticleField.Text)) + "; choose with --field text=NAME");
    }

    /// <summary>The first of the names present with a value; a dotted name walks into nested objects.</summary>
    private static JsonElement? Find(JsonElement e, IReadOnlyList<string> names)
    {
        foreach (var name in names)
        {
            if (!name.Contains('.'))
            {
                // The common case, without splitting the name for every record.
                if (e.TryGetProperty(name, out var value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)) return value;
                continue;
            }
            var current = e;
            bool found = true;
            foreach (var part in name.Split('.'))
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
                {
                    found = false;
                    break;
                }
            }
            if (found && current.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)) return current;
        }
        return null;
    }

    /// <summary>A string value; a number as written; an object's "name" (an outlet given as {"name": …}); an array's strings joined by blank lines (paragraphs).</summary>
    private static string? AsString(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.Number => v.GetRawText(),
        JsonValueKind.Object => v.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null,
        JsonValueKind.Array => string.Join("\n\n", v.EnumerateArray().Where(x => x.ValueKind == JsonValueKind.String).Select(x => x.GetString())),
        _ => null,
    };

    private static string FirstSentence(string message)
    {
        int cut = message.IndexOf(". ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.');
    }
}
