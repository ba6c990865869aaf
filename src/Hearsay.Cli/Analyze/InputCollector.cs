namespace Hearsay.Cli.Analyze;

/// <summary>
/// Expands the PATH arguments of <c>hearsay analyze</c>: a file is taken as named (any extension), a folder
/// contributes its article files (*.txt, *.html, *.htm, *.md; recursively, in ordinal path order, hidden ones
/// skipped), "-" is standard input.
/// </summary>
public static class InputCollector
{
    public static readonly string[] ArticleExtensions = [".txt", ".html", ".htm", ".md"];

    public sealed record Result(List<InputSource> Sources, List<string> Errors, bool SingleDocument);

    /// <summary>
    /// The inputs in order. <see cref="Result.Errors"/> holds one message per path that does not exist
    /// or folder without articles; <see cref="Result.SingleDocument"/> is true when exactly one file (or "-")
    /// was named and no folder, so JSON output is one object rather than an array.
    /// </summary>
    public static Result Collect(IReadOnlyList<string> paths, string currentDirectory)
    {
        var sources = new List<InputSource>();
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        bool anyFolder = false;
        foreach (var path in paths)
        {
            if (path == "-")
            {
                if (!sources.Contains(InputSource.Stdin)) sources.Add(InputSource.Stdin);
                continue;
            }
            string full = Path.GetFullPath(path, currentDirectory);
            if (File.Exists(full))
            {
                if (seen.Add(full)) sources.Add(new InputSource(path, full));
            }
            else if (Directory.Exists(full))
            {
                anyFolder = true;
                int before = sources.Count;
                foreach (var file in ArticleFiles(full))
                    if (seen.Add(file)) sources.Add(new InputSource(Path.Join(path, Path.GetRelativePath(full, file)), file));
                if (sources.Count == before)
                    errors.Add($"{path}: no article files in this folder (looked for {string.Join(", ", ArticleExtensions.Select(e => "*" + e))})");
            }
            else errors.Add($"{path}: no such file or folder");
        }
        return new Result(sources, errors, SingleDocument: !anyFolder && sources.Count == 1);
    }

    private static IEnumerable<string> ArticleFiles(string folder)
    {
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            MatchCasing = MatchCasing.CaseInsensitive,
        };
        var files = Directory.EnumerateFiles(folder, "*", options)
            .Where(f => ArticleExtensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
