namespace Hearsay.Eval.Redewiedergabe;

/// <summary>
/// Corpus REDEWIEDERGABE ships without a split. Hearsay's fixed, documented one: by document (the samples
/// taken from one text, "rwk_mkhz_1234-1.tsv" and "rwk_mkhz_1234-2.tsv", share the document key
/// "rwk_mkhz_1234" and always land together), stratified by fiction and non-fiction (metadata
/// "fictional"): within each stratum the documents are ordered by a stable hash of their key (64-bit
/// FNV-1a over the UTF-8 bytes, ties by key) and dealt alternately to dev and test, the first to dev.
/// So each stratum splits half/half (dev gets the odd one), and the split depends only on the file names.
/// </summary>
public static class RedewiedergabeSplit
{
    public const string Dev = "dev";
    public const string Test = "test";

    /// <summary>The document a sample file belongs to: its name without the extension and the sample number.</summary>
    public static string DocumentKey(string file)
    {
        var name = Path.GetFileName(file);
        if (name.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase)) name = name[..^4];
        int dash = name.LastIndexOf('-');
        if (dash > 0 && dash < name.Length - 1 && name.AsSpan(dash + 1).IndexOfAnyExceptInRange('0', '9') < 0) name = name[..dash];
        return name;
    }

    public static ulong StableHash(string key)
    {
        ulong h = 14695981039346656037UL;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(key))
        {
            h ^= b;
            h *= 1099511628211UL;
        }
        return h;
    }

    /// <summary>File name → "dev" or "test" for every file given (name, fictional). A document whose samples
    /// disagree on "fictional" is placed by its first sample in name order.</summary>
    public static Dictionary<string, string> Assign(IEnumerable<(string File, bool Fictional)> files)
    {
        var byDoc = files.GroupBy(f => DocumentKey(f.File), StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Fictional: g.OrderBy(f => Path.GetFileName(f.File), StringComparer.Ordinal).First().Fictional, Files: g.ToList()))
            .ToList();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var stratum in byDoc.GroupBy(d => d.Fictional))
        {
            int i = 0;
            foreach (var doc in stratum.OrderBy(d => StableHash(d.Key)).ThenBy(d => d.Key, StringComparer.Ordinal))
            {
                var split = i++ % 2 == 0 ? Dev : Test;
                foreach (var f in doc.Files) result[Path.GetFileName(f.File)] = split;
            }
        }
        return result;
    }
}
