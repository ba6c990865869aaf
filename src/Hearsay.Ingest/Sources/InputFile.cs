namespace Hearsay.Ingest.Sources;

/// <summary>How a file's content is laid out.</summary>
public enum InputFormat
{
    /// <summary>One article per file: plain text or Markdown.</summary>
    Text,
    /// <summary>One article per file: an HTML page.</summary>
    Html,
    /// <summary>One JSON object per line (also a .json file holding one object or an array of them).</summary>
    JsonLines,
    /// <summary>One article per record of a delimiter-separated file.</summary>
    Csv,
    /// <summary>Web ARChive: one article per HTML or text response, resource or conversion record.</summary>
    Warc,
    /// <summary>An extension Hearsay does not know: read as one article if the content is text or HTML.</summary>
    Other,
}

/// <summary>One file to ingest: its name as the user sees it, its full path, format, compression and size.</summary>
public sealed record InputFile(string Name, string FullPath, InputFormat Format, bool Gzip, long Size)
{
    /// <summary>The format and compression a file name says ("a.jsonl.gz" is gzip-compressed JSON Lines).</summary>
    public static (InputFormat Format, bool Gzip) Classify(string path)
    {
        string name = Path.GetFileName(path).ToLowerInvariant();
        bool gzip = false;
        if (name.EndsWith(".gz", StringComparison.Ordinal))
        {
            gzip = true;
            name = name[..^3];
        }
        else if (name.EndsWith(".tgz", StringComparison.Ordinal)) return (InputFormat.Other, false);
        string ext = Path.GetExtension(name);
        var format = ext switch
        {
            ".txt" or ".text" or ".md" => InputFormat.Text,
            ".html" or ".htm" or ".xhtml" or ".shtml" => InputFormat.Html,
            ".jsonl" or ".ndjson" or ".json" => InputFormat.JsonLines,
            ".csv" or ".tsv" => InputFormat.Csv,
            ".warc" => InputFormat.Warc,
            _ => InputFormat.Other,
        };
        return (format, gzip);
    }
}

/// <summary>Expands the PATH arguments of <c>hearsay ingest</c> into files.</summary>
public static class InputFiles
{
    /// <param name="Notes">Files a folder holds that are not read: a corpus's README, LICENSE and similar notes.</param>
    public sealed record Result(List<InputFile> Files, List<string> Errors, List<string> Notes);

    /// <summary>Names (before the first '.', '-' or '_') of the notes corpora ship with. Inside a folder they
    /// are not articles and are left out (a file named on the command line is always read).</summary>
    public static readonly string[] NoteNames = ["readme", "license", "licence", "copying", "notice", "changelog", "changes", "authors", "citation"];

    public static bool IsNote(string path)
    {
        var name = Path.GetFileName(path);
        int cut = name.IndexOfAny(['.', '-', '_']);
        var stem = (cut > 0 ? name[..cut] : name).ToLowerInvariant();
        return NoteNames.Contains(stem);
    }

    /// <summary>
    /// A named file is taken whatever its name; a folder contributes every file below it (recursively, in ordinal
    /// path order), skipping hidden files and folders and the paths in <paramref name="exclude"/> (the store).
    /// Unknown extensions are not skipped: such a file is read as an article if it is text, and reported if not,
    /// so that nothing in a folder is passed over in silence.
    /// </summary>
    public static Result Expand(IReadOnlyList<string> paths, string currentDirectory, IReadOnlyCollection<string>? exclude = null)
    {
        var files = new List<InputFile>();
        var errors = new List<string>();
        var notes = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var skip = new HashSet<string>(exclude ?? [], StringComparer.Ordinal);
        foreach (var path in paths)
        {
            string full = Path.GetFullPath(path, currentDirectory);
            if (File.Exists(full))
            {
                if (seen.Add(full)) files.Add(Make(path, full));
            }
            else if (Directory.Exists(full))
            {
                var options = new EnumerationOptions
                {
                    RecurseSubdirectories = true,
                    IgnoreInaccessible = true,
                    AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
                };
                var found = Directory.EnumerateFiles(full, "*", options).Where(f => !skip.Contains(f)).ToList();
                found.Sort(StringComparer.Ordinal);
                int before = files.Count;
                foreach (var f in found)
                {
                    string name = Path.Join(path, Path.GetRelativePath(full, f));
                    if (IsNote(f)) notes.Add(name);
                    else if (seen.Add(f)) files.Add(Make(name, f));
                }
                if (files.Count == before && found.Count == 0) errors.Add($"{path}: the folder holds no files");
            }
            else errors.Add($"{path}: no such file or folder");
        }
        return new Result(files, errors, notes);
    }

    private static InputFile Make(string name, string full)
    {
        var (format, gzip) = InputFile.Classify(full);
        long size = 0;
        try { size = new FileInfo(full).Length; } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return new InputFile(name, full, format, gzip, size);
    }
}
