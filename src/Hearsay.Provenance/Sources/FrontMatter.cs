using System.Globalization;
using Hearsay.Document;

namespace Hearsay.Provenance.Sources;

/// <summary>
/// Metadata at the top of a plain-text article, between two lines of three dashes:
/// <code>
/// ---
/// outlet: New York Post
/// published: 2022-08-05T14:30:00-04:00
/// url: https://nypost.com/2022/08/05/...
/// language: en
/// ---
/// </code>
/// Keys (case-insensitive): outlet (or source, publisher), published (or date), url, language (or lang).
/// Unknown keys are ignored. The block is removed before the text is analyzed.
/// </summary>
public static class FrontMatter
{
    /// <summary>Splits the text into its metadata and the article text. Without a front-matter block the text
    /// comes back unchanged and the metadata is the one given.</summary>
    public static (string Text, ArticleMetadata Metadata) Split(string text, ArticleMetadata metadata)
    {
        int start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        if (!IsDashes(text, start, out int firstEnd)) return (text, metadata);
        int pos = firstEnd;
        var meta = metadata;
        while (pos < text.Length)
        {
            int eol = text.IndexOf('\n', pos);
            if (eol < 0) eol = text.Length;
            if (IsDashes(text, pos, out int closeEnd)) return (text[closeEnd..], meta);
            var line = text.AsSpan(pos, eol - pos).Trim();
            int colon = line.IndexOf(':');
            if (colon > 0)
            {
                var key = line[..colon].Trim().ToString().ToLowerInvariant();
                var value = line[(colon + 1)..].Trim().Trim('"').ToString();
                if (value.Length > 0) meta = Apply(meta, key, value);
            }
            else if (line.Length > 0) return (text, metadata); // not a front-matter block after all
            pos = eol + 1;
        }
        return (text, metadata);
    }

    private static ArticleMetadata Apply(ArticleMetadata meta, string key, string value) => key switch
    {
        "outlet" or "source" or "publisher" => meta with { Outlet = value },
        "published" or "date" => ParseDate(value) is { } d ? meta with { Published = d } : meta,
        "url" => meta with { Url = value },
        "language" or "lang" => meta with { Language = value.ToLowerInvariant() },
        _ => meta,
    };

    /// <summary>An ISO 8601 date or date-time; a date without a time is midnight UTC.</summary>
    public static DateTimeOffset? ParseDate(string value)
    {
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d)) return d;
        return null;
    }

    private static bool IsDashes(string text, int pos, out int next)
    {
        next = pos;
        int eol = text.IndexOf('\n', pos);
        if (eol < 0) eol = text.Length;
        var line = text.AsSpan(pos, eol - pos).TrimEnd();
        if (line is not "---") return false;
        next = Math.Min(text.Length, eol + 1);
        return true;
    }
}
