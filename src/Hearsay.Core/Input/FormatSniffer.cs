namespace Hearsay.Input;

/// <summary>
/// Decides whether decoded input is HTML or plain text: a media type given by the caller wins, then the
/// file extension, then the content (a document that opens with &lt;!DOCTYPE html&gt;, &lt;html&gt;,
/// &lt;head&gt; or &lt;body&gt;, or whose first 64 KB hold many common HTML tags).
/// </summary>
public static class FormatSniffer
{
    public const string Html = "text/html";
    public const string PlainText = "text/plain";

    private const int SniffChars = 64 * 1024;
    private const int MinTags = 8;

    private static readonly string[] HtmlExtensions = [".html", ".htm", ".xhtml", ".shtml", ".xht"];
    private static readonly string[] TextExtensions = [".txt", ".text", ".md"];
    private static readonly string[] TagNames =
        ["p", "div", "span", "a", "br", "h1", "h2", "h3", "li", "ul", "em", "strong", "b", "i", "img", "article", "section", "figure", "table", "td"];

    /// <summary>"text/html" or "text/plain" for the input.</summary>
    /// <param name="mediaType">The caller's media type, when given (wins).</param>
    /// <param name="path">A file path or URL, for its extension.</param>
    public static string Detect(ReadOnlySpan<char> text, string? mediaType = null, string? path = null)
    {
        if (!string.IsNullOrWhiteSpace(mediaType))
        {
            if (mediaType.Contains("html", StringComparison.OrdinalIgnoreCase)) return Html;
            if (mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)) return PlainText;
        }
        if (!string.IsNullOrEmpty(path))
        {
            var ext = Path.GetExtension(path.AsSpan());
            foreach (var e in HtmlExtensions) if (ext.Equals(e, StringComparison.OrdinalIgnoreCase)) return Html;
            foreach (var e in TextExtensions) if (ext.Equals(e, StringComparison.OrdinalIgnoreCase)) return StartsLikeHtml(text) ? Html : PlainText;
        }
        return StartsLikeHtml(text) || CountTags(text) >= MinTags ? Html : PlainText;
    }

    /// <summary>Opens with a doctype, &lt;html&gt;, &lt;head&gt; or &lt;body&gt; (after an XML declaration or comments).</summary>
    public static bool StartsLikeHtml(ReadOnlySpan<char> text)
    {
        var t = text.TrimStart();
        for (int guard = 0; guard < 8 && t.Length > 0; guard++)
        {
            if (t.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) || t.StartsWith("<!--", StringComparison.Ordinal))
            {
                int end = t.StartsWith("<!--", StringComparison.Ordinal) ? t.IndexOf("-->") : t.IndexOf("?>");
                if (end < 0) return false;
                t = t[(end + 3)..].TrimStart();
                continue;
            }
            break;
        }
        return t.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
               || IsTagStart(t, "html") || IsTagStart(t, "head") || IsTagStart(t, "body");
    }

    private static bool IsTagStart(ReadOnlySpan<char> t, string name) =>
        t.Length > name.Length + 1 && t[0] == '<' && t[1..].StartsWith(name, StringComparison.OrdinalIgnoreCase)
        && (t[name.Length + 1] is '>' or ' ' or '\t' or '\n' or '\r' or '/');

    /// <summary>Common HTML start and end tags in the first 64 KB.</summary>
    private static int CountTags(ReadOnlySpan<char> text)
    {
        if (text.Length > SniffChars) text = text[..SniffChars];
        int count = 0, i = 0;
        while (count < MinTags)
        {
            int k = text[i..].IndexOf('<');
            if (k < 0) break;
            i += k + 1;
            var rest = text[i..];
            if (rest.Length > 0 && rest[0] == '/') rest = rest[1..];
            foreach (var name in TagNames)
            {
                if (rest.Length > name.Length && rest.StartsWith(name, StringComparison.OrdinalIgnoreCase)
                    && rest[name.Length] is '>' or ' ' or '/' or '\n' or '\t')
                {
                    count++;
                    break;
                }
            }
        }
        return count;
    }
}
