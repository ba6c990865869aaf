using System.Text;
using System.Text.Json;
using Hearsay.Document;
using Hearsay.Input;
using Hearsay.Provenance.Model;

namespace Hearsay.Provenance.Sources;

/// <summary>
/// Articles from files and folders, in ingest order (the paths as given; a folder's files in ordinal path
/// order, recursively; a JSON Lines file line by line):
/// <list type="bullet">
/// <item>*.txt, *.md, *.html, *.htm: an article, analyzed here. A plain-text file may open with front matter
///   (<see cref="FrontMatter"/>) giving its outlet, date, URL and language; HTML gives them in its metadata.</item>
/// <item>*.json: a hearsay.article/1 document (or an array of them), as <c>hearsay analyze --format json</c> writes.</item>
/// <item>*.jsonl, *.ndjson: one record per line, either a hearsay.article/1 document (<c>--format jsonl</c>) or an
///   article to analyze: {"text": …, "title"?, "url"?, "outlet"?, "published"?, "language"?}.</item>
/// </list>
/// An article given neither an outlet nor a URL takes the outlet its file name names, if the media gazetteer
/// knows it ("nypost.txt", "03-focus-de.txt"). The same article met twice (same id) is read once. Analysis runs on all cores; the order stays the input's.
/// </summary>
public sealed class PathClaimSource : IClaimSource
{
    public static readonly string[] ArticleExtensions = [".txt", ".md", ".html", ".htm"];
    public static readonly string[] JsonExtensions = [".json", ".jsonl", ".ndjson"];

    private readonly IReadOnlyList<string> _paths;
    private readonly Analyzer _analyzer;
    private readonly int _parallelism;

    public PathClaimSource(IReadOnlyList<string> paths, Analyzer? analyzer = null, int? parallelism = null)
    {
        _paths = paths;
        _analyzer = analyzer ?? new Analyzer();
        _parallelism = Math.Max(1, parallelism ?? Environment.ProcessorCount);
    }

    public string Description => _paths.Count == 1 ? _paths[0] : $"{_paths.Count} paths";

    /// <summary>The files the paths stand for, in ingest order, and a problem for each path that does not exist
    /// and each folder without articles.</summary>
    public static (List<string> Files, List<SourceProblem> Missing) Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var missing = new List<SourceProblem>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (File.Exists(path)) { if (seen.Add(Path.GetFullPath(path))) files.Add(path); }
            else if (Directory.Exists(path))
            {
                var options = new EnumerationOptions
                {
                    RecurseSubdirectories = true, IgnoreInaccessible = true,
                    AttributesToSkip = FileAttributes.Hidden | FileAttributes.System, MatchCasing = MatchCasing.CaseInsensitive,
                };
                var found = Directory.EnumerateFiles(path, "*", options).Where(IsInput).ToList();
                found.Sort(StringComparer.Ordinal);
                if (found.Count == 0) missing.Add(new SourceProblem(path, $"no articles in this folder (looked for {string.Join(", ", ArticleExtensions.Concat(JsonExtensions).Select(e => "*" + e))})"));
                foreach (var f in found) if (seen.Add(Path.GetFullPath(f))) files.Add(f);
            }
            else missing.Add(new SourceProblem(path, "no such file or folder"));
        }
        return (files, missing);
    }

    private static bool IsInput(string file) =>
        ArticleExtensions.Concat(JsonExtensions).Any(e => file.EndsWith(e, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<ClaimArticle> Read(Action<SourceProblem>? problems = null)
    {
        var (files, missing) = Expand(_paths);
        foreach (var m in missing) problems?.Invoke(m);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long sequence = 0;
        foreach (var item in Items(files, problems)
                     .AsParallel().AsOrdered().WithDegreeOfParallelism(_parallelism)
                     .Select(Resolve))
        {
            if (item.Problem is { } p) { problems?.Invoke(p); continue; }
            var article = item.Article!;
            if (!seen.Add(article.Info.Id)) continue;
            article.Info = article.Info with { Sequence = sequence++ };
            yield return article;
        }
    }

    /// <summary>One unit of work: an article file to analyze, a record to analyze, or a document already analyzed.</summary>
    private sealed record Item(string Input, string? File = null, string? Json = null);

    private sealed record Outcome(ClaimArticle? Article, SourceProblem? Problem);

    private static IEnumerable<Item> Items(List<string> files, Action<SourceProblem>? problems)
    {
        foreach (var file in files)
        {
            var ext = Path.GetExtension(file).ToLowerInvariant();
            if (ext is ".jsonl" or ".ndjson")
            {
                int lineNo = 0;
                IEnumerable<string> lines;
                try { lines = File.ReadLines(file, Encoding.UTF8); }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { lines = []; problems?.Invoke(new SourceProblem(file, ex.Message)); }
                foreach (var line in lines)
                {
                    lineNo++;
                    if (string.IsNullOrWhiteSpace(line)) continue;
                    yield return new Item($"{file} line {lineNo}", Json: line);
                }
            }
            else if (ext == ".json")
            {
                string json;
                try { json = File.ReadAllText(file, Encoding.UTF8); }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { problems?.Invoke(new SourceProblem(file, ex.Message)); continue; }
                var trimmed = json.AsSpan().TrimStart();
                if (trimmed.Length > 0 && trimmed[0] == '[')
                {
                    List<string> records;
                    try
                    {
                        using var doc = JsonDocument.Parse(json);
                        records = doc.RootElement.EnumerateArray().Select(e => e.GetRawText()).ToList();
                    }
                    catch (JsonException ex) { problems?.Invoke(new SourceProblem(file, $"not valid JSON: {ex.Message}")); continue; }
                    for (int i = 0; i < records.Count; i++) yield return new Item($"{file} record {i + 1}", Json: records[i]);
                }
                else yield return new Item(file, Json: json);
            }
            else yield return new Item(file, File: file);
        }
    }

    private Outcome Resolve(Item item)
    {
        try
        {
            if (item.Json is not null) return FromJson(item);
            var article = AnalyzeFile(item.File!);
            // An article with no outlet and no URL: its file name may name the outlet ("nypost.txt").
            var outlet = article.Metadata.Outlet is null && article.Metadata.Url is null ? OutletDirectory.Default.FromFileName(item.File!) : null;
            return new Outcome(ArticleClaimsExtractor.Extract(article, outlet: outlet), null);
        }
        catch (InputException ex) { return new Outcome(null, new SourceProblem(item.Input, ex.Message.StartsWith(item.Input, StringComparison.Ordinal) ? ex.Message[(item.Input.Length)..].TrimStart(':', ' ') : ex.Message)); }
        catch (FormatException ex) { return new Outcome(null, new SourceProblem(item.Input, ex.Message)); }
        catch (IOException ex) { return new Outcome(null, new SourceProblem(item.Input, ex.Message)); }
    }

    private Article AnalyzeFile(string file)
    {
        var article = ArticleReader.FromFile(file, new ArticleMetadata { Path = file }, _analyzer.ReaderOptions);
        if (FrontMatter.ApplyTo(article, file) is { } read) article = read.Article;
        return _analyzer.Analyze(article);
    }

    private Outcome FromJson(Item item)
    {
        using var doc = ParseJson(item.Json!);
        var root = doc.RootElement;
        if (HearsayJsonClaimReader.IsArticleDocument(root)) return new Outcome(HearsayJsonClaimReader.Read(root), null);
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("text", out var t) || t.ValueKind != JsonValueKind.String)
            throw new FormatException("neither a hearsay.article/1 document nor a record with a \"text\" field");
        var text = t.GetString()!;
        string? title = Str(root, "title");
        if (title is not null && !text.StartsWith(title, StringComparison.Ordinal)) text = title + "\n\n" + text;
        if (string.IsNullOrWhiteSpace(text)) throw new FormatException("the record's text is empty");
        var meta = new ArticleMetadata
        {
            Url = Str(root, "url"),
            Outlet = Str(root, "outlet") ?? Str(root, "source") ?? Str(root, "publisher"),
            Published = (Str(root, "published") ?? Str(root, "date")) is { } d ? FrontMatter.ParseDate(d) : null,
            Language = Str(root, "language") ?? Str(root, "lang"),
            Path = item.Input,
        };
        return new Outcome(ArticleClaimsExtractor.Extract(_analyzer.AnalyzeText(text, meta)), null);
    }

    private static JsonDocument ParseJson(string json)
    {
        try { return JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 128 }); }
        catch (JsonException ex) { throw new FormatException($"not valid JSON: {ex.Message}", ex); }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
