using System.Reflection;
using System.Text;

namespace Hearsay.Languages;

/// <summary>
/// Reads a lexicon data file: UTF-8, one entry per line, tab-separated columns, '#' starts a comment
/// line (the header says what the list is and where its entries come from). Blank lines are skipped.
/// </summary>
public static class LexiconFile
{
    private static readonly Assembly Assembly = typeof(LexiconFile).Assembly;

    /// <summary>Rows of the embedded file "lexicons/{lang}/{name}.tsv", or none when the pack lacks it.</summary>
    public static IReadOnlyList<string[]> ReadEmbedded(string lang, string name)
    {
        using var stream = Assembly.GetManifestResourceStream($"lexicons/{lang}/{name}.tsv");
        if (stream is null) return Array.Empty<string[]>();
        return Read(new StreamReader(stream, Encoding.UTF8));
    }

    public static bool Exists(string lang, string name) =>
        Assembly.GetManifestResourceInfo($"lexicons/{lang}/{name}.tsv") is not null;

    public static IReadOnlyList<string[]> Read(TextReader reader)
    {
        var rows = new List<string[]>();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            if (line.Length == 0 || line[0] == '#') continue;
            var trimmed = line.TrimEnd();
            if (trimmed.Length == 0) continue;
            var cols = trimmed.Split('\t');
            for (int i = 0; i < cols.Length; i++) cols[i] = cols[i].Trim();
            rows.Add(cols);
        }
        return rows;
    }

    /// <summary>Names of all embedded lexicon files, "lang/name".</summary>
    public static IEnumerable<string> All() => Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith("lexicons/", StringComparison.Ordinal))
        .Select(n => n["lexicons/".Length..^".tsv".Length]);
}
