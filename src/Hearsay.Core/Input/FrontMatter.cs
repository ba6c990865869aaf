using System.Globalization;
using Hearsay.Document;

namespace Hearsay.Input;

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
/// <c>hearsay analyze</c>, <c>hearsay claims --from</c> and <c>hearsay ingest</c> all read plain-text articles through
/// <see cref="ApplyTo"/>.
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

    /// <summary>
    /// A plain-text article read as a whole file, re-read without its front matter: the block's fields become the
    /// article's metadata (<paramref name="language"/>, the caller's choice, still wins), and the text after it is
    /// the article, with the block's title first (as for JSON Lines and CSV records) so the structure reader sees
    /// a headline. Null when the article is not plain text or opens with no block. The reader's diagnostics that
    /// point into the text move with it; those that point into the block keep no place.
    /// </summary>
    /// <exception cref="InputException">Empty: the input holds front matter and no text.</exception>
    public static (Article Article, string? Title)? ApplyTo(Article article, string source, string? language = null)
    {
        if (article.Metadata.MediaType != FormatSniffer.PlainText) return null;
        var block = Read(article.Text, article.Metadata);
        if (!block.Found) return null;
        if (block.Text.AsSpan().IsWhiteSpace())
            throw new InputException(InputErrorKind.Empty, source, "it holds front matter but no text");
        string text = block.Text;
        if (block.Title is { } title && !text.TrimStart().StartsWith(title, StringComparison.Ordinal)) text = title + "\n\n" + text;
        var metadata = block.Metadata with { Language = language ?? block.Metadata.Language };
        var result = ArticleReader.FromText(text, metadata);
        int blockLength = article.Text.Length - block.Text.Length, shift = (text.Length - block.Text.Length) - blockLength;
        foreach (var d in article.Diagnostics)
            result.Diagnostics.Add(d.Span is { } span
                ? d with { Span = span.Start >= blockLength ? new TextSpan(span.Start + shift, span.Length) : null }
                : d);
        return (result, block.Title);
    }

    /// <summary>A two-letter language code from what inputs write ("de", "de-AT", "German", "eng").</summary>
    public static string? NormalizeLanguage(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim().ToLowerInvariant();
        int cut = v.IndexOfAny(['-', '_']);
        if (cut > 0) v = v[..cut];
        return v switch
        {
            "german" or "deutsch" or "deu" or "ger" => "de",
            "english" or "englisch" or "eng" => "en",
            _ => v,
        };
    }

    private static ArticleMetadata Apply(ArticleMetadata meta, string key, string value) => key switch
    {
        "outlet" or "source" or "publisher" => meta with { Outlet = value },
        "published" or "date" => ParseDate(value) is { } d ? meta with { Published = d } : meta,
        "url" => meta with { Url = value },
        "language" or "lang" => meta with { Language = NormalizeLanguage(value) },
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
