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
/// Keys (case-insensitive): outlet (or source, publisher), published (or date), url, language (or lang),
/// title (or headline). Unknown keys are ignored. The block is removed before the text is analyzed.
/// <c>hearsay claims --from</c> and <c>hearsay ingest</c> both read plain-text articles through this class.
/// </summary>
public static class FrontMatter
{
    /// <summary>What a front-matter block gave: the article text after it, the metadata with its fields, and its
    /// title. <see cref="Found"/> is false when the text opens with no block (then nothing else changed).</summary>
    public sealed record Block(string Text, ArticleMetadata Metadata, string? Title, bool Found);

    /// <summary>Splits the text into its metadata and the article text. Without a front-matter block the text
    /// comes back unchanged and the metadata is the one given.</summary>
    public static (string Text, ArticleMetadata Metadata) Split(string text, ArticleMetadata metadata)
    {
        var block = Read(text, metadata);
        return (block.Text, block.Metadata);
    }

    /// <summary>Like <see cref="Split"/>, with the block's title too.</summary>
    public static Block Read(string text, ArticleMetadata metadata)
    {
        var none = new Block(text, metadata, null, false);
        int start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        if (!IsDashes(text, start, out int firstEnd)) return none;
        int pos = firstEnd;
        var meta = metadata;
        string? title = null;
        while (pos < text.Length)
        {
            int eol = text.IndexOf('\n', pos);
            if (eol < 0) eol = text.Length;
            if (IsDashes(text, pos, out int closeEnd)) return new Block(text[closeEnd..], meta, title, true);
            var line = text.AsSpan(pos, eol - pos).Trim();
            int colon = line.IndexOf(':');
            if (colon > 0)
            {
                var key = line[..colon].Trim().ToString().ToLowerInvariant();
                var value = line[(colon + 1)..].Trim().Trim('"').ToString();
                if (value.Length > 0)
                {
                    if (key is "title" or "headline") title = value;
                    else meta = Apply(meta, key, value);
                }
            }
            else if (line.Length > 0) return none; // not a front-matter block after all
            pos = eol + 1;
        }
        return none;
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
