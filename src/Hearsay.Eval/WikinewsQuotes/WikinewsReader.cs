using System.IO.Compression;
using System.Text.Json;

namespace Hearsay.Eval.WikinewsQuotes;

/// <summary>One quotation annotation of the wikinews-de-quotes corpus: token-id sets per part, form and medium.</summary>
public sealed class QuoteAnnotation
{
    public static readonly string[] PartNames = { "quote", "addressee", "cue", "frame", "speaker" };
    public static readonly string[] RoleNames = { "addressee", "cue", "frame", "speaker" };

    public int Id { get; init; }
    public string? Type { get; init; }
    public string? Medium { get; init; }
    public bool IsNested { get; init; }
    public bool HasNested { get; init; }
    public Dictionary<string, int[]> Parts { get; } = new(StringComparer.Ordinal);

    public int[] Part(string name) => Parts.TryGetValue(name, out var p) ? p : Array.Empty<int>();

    public AnnotationGroup ToGroup() => new(Part("quote"),
        RoleNames.ToDictionary(r => r, Part), Type, Medium);
}

/// <summary>One article: its text, its tokens (character ranges), sentence of each token, and the gold annotations.</summary>
public sealed class WikinewsDocument
{
    public required string Name { get; init; }
    public required string Text { get; init; }
    public required TokenGrid Grid { get; init; }
    /// <summary>0-based sentence index of each token.</summary>
    public required int[] SentenceOf { get; init; }
    public required List<QuoteAnnotation> Annotations { get; init; }
}

/// <summary>Streams the articles of a wikinews-de-quotes split (<c>&lt;split&gt;.jsonl.gz</c>: one JSON article per line).</summary>
public static class WikinewsReader
{
    public static IEnumerable<WikinewsDocument> Read(string path)
    {
        using var file = File.OpenRead(path);
        using var gz = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gz, System.Text.Encoding.UTF8);
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0) continue;
            yield return Parse(line);
        }
    }

    public static WikinewsDocument Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var tokens = root.GetProperty("tokens");
        int n = tokens.GetArrayLength();
        var starts = new int[n];
        var ends = new int[n];
        var sentence = new int[n];
        foreach (var t in tokens.EnumerateArray())
        {
            int id = t.GetProperty("id").GetInt32();
            starts[id] = t.GetProperty("charBegin").GetInt32();
            ends[id] = t.GetProperty("charEnd").GetInt32();
            sentence[id] = t.GetProperty("sentence").GetInt32() - 1;
        }
        var annotations = new List<QuoteAnnotation>();
        foreach (var a in root.GetProperty("annotations").EnumerateArray())
            annotations.Add(ParseAnnotation(a));
        return new WikinewsDocument
        {
            Name = root.GetProperty("documentName").GetString()!,
            Text = root.GetProperty("originalText").GetString()!,
            Grid = new TokenGrid(starts, ends),
            SentenceOf = sentence,
            Annotations = annotations,
        };
    }

    private static QuoteAnnotation ParseAnnotation(JsonElement a)
    {
        string? Str(string name) => a.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        bool Bool(string name) => a.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
        var ann = new QuoteAnnotation
        {
            Id = a.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetInt32() : 0,
            Type = Str("type"),
            Medium = Str("medium"),
            IsNested = Bool("isNested"),
            HasNested = Bool("hasNested"),
        };
        foreach (var part in QuoteAnnotation.PartNames)
        {
            var ids = new List<int>();
            // A part is {spans, tokenIds, text}; an empty part may also be written as [].
            if (a.TryGetProperty(part, out var p) && p.ValueKind == JsonValueKind.Object && p.TryGetProperty("tokenIds", out var tids))
                foreach (var t in tids.EnumerateArray()) ids.Add(t.GetInt32());
            ann.Parts[part] = AnnotationGroup.Normalize(ids);
        }
        return ann;
    }
}
