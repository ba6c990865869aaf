namespace Hearsay.Eval;

/// <summary>Counts error classes ("missed direct quote", "wrong speaker span") and keeps the first example
/// of each, so a report can show the most frequent classes with something to look at.</summary>
public sealed class ErrorLog
{
    private readonly Dictionary<string, (int Count, string Example)> _classes = new(StringComparer.Ordinal);

    public void Add(string errorClass, Func<string> example)
    {
        if (_classes.TryGetValue(errorClass, out var e)) _classes[errorClass] = (e.Count + 1, e.Example);
        else _classes[errorClass] = (1, example());
    }

    public int Total => _classes.Values.Sum(e => e.Count);

    /// <summary>The <paramref name="n"/> most frequent classes, ties by name.</summary>
    public IReadOnlyList<ErrorClass> Top(int n) => _classes
        .OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Key, StringComparer.Ordinal)
        .Take(n).Select(kv => new ErrorClass(kv.Key, kv.Value.Count, kv.Value.Example)).ToList();
}

public sealed record ErrorClass(string Name, int Count, string Example);

/// <summary>Short excerpts for error examples.</summary>
public static class Excerpt
{
    public static string Of(string text, int start, int end, int context = 40)
    {
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        int from = Math.Max(0, start - context), to = Math.Min(text.Length, end + context);
        string Clean(string s) => s.ReplaceLineEndings(" ");
        var mid = end - start > 240 ? text.Substring(start, 110) + " … " + text.Substring(end - 110, 110) : text[start..end];
        return (from > 0 ? "…" : "") + Clean(text[from..start]) + "[[" + Clean(mid) + "]]" + Clean(text[end..to]) + (to < text.Length ? "…" : "");
    }
}
