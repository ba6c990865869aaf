using System.Globalization;

namespace Hearsay.Ingest.Sources;

/// <summary>The article fields a structured record (JSON Lines, CSV) can carry.</summary>
public enum ArticleField { Text, Title, Url, Outlet, Published, Language }

/// <summary>
/// Which record field holds which article field. By default each article field is looked for under a few
/// common names (the first present wins; see <see cref="DefaultNames"/>). <c>--field text=body</c> replaces
/// the list for one field: a JSON name (a dotted path for nested objects, "meta.title"), a CSV header name, or
/// a CSV column number counted from 1.
/// </summary>
public sealed class FieldMap
{
    /// <summary>The names tried for each field, in order. They follow common news-corpus formats
    /// (news-please, Common Crawl news extracts, newspaper3k, Hugging Face datasets).</summary>
    public static IReadOnlyDictionary<ArticleField, string[]> DefaultNames { get; } = new Dictionary<ArticleField, string[]>
    {
        [ArticleField.Text] = ["text", "maintext", "body", "content", "article", "fulltext", "html"],
        [ArticleField.Title] = ["title", "headline"],
        [ArticleField.Url] = ["url", "link", "uri", "source_url"],
        [ArticleField.Outlet] = ["outlet", "publisher", "source_domain", "site_name", "site", "domain", "source"],
        [ArticleField.Published] = ["published", "date_publish", "published_at", "publish_date", "pubdate", "date", "datetime"],
        [ArticleField.Language] = ["language", "lang"],
    };

    private readonly Dictionary<ArticleField, string[]> _names;

    private FieldMap(Dictionary<ArticleField, string[]> names) => _names = names;

    public static FieldMap Default { get; } = new(DefaultNames.ToDictionary(kv => kv.Key, kv => kv.Value));

    /// <summary>The names to try for a field.</summary>
    public IReadOnlyList<string> NamesOf(ArticleField field) => _names[field];

    /// <summary>True when the user chose the field's name.</summary>
    public bool IsExplicit(ArticleField field) => !ReferenceEquals(_names[field], DefaultNames[field]);

    /// <summary>Applies "field=name" settings.</summary>
    /// <exception cref="ArgumentException">An unknown field or a setting without '='.</exception>
    public static FieldMap Parse(IEnumerable<string> settings)
    {
        var names = DefaultNames.ToDictionary(kv => kv.Key, kv => kv.Value);
        foreach (var setting in settings)
        {
            int eq = setting.IndexOf('=');
            if (eq <= 0 || eq == setting.Length - 1)
                throw new ArgumentException($"'{setting}' is not FIELD=NAME (for example text=body)");
            string field = setting[..eq].Trim().ToLowerInvariant();
            var key = Enum.GetValues<ArticleField>().FirstOrDefault(f => f.ToString().Equals(field, StringComparison.OrdinalIgnoreCase), (ArticleField)(-1));
            if ((int)key < 0)
                throw new ArgumentException($"unknown field '{setting[..eq]}' (known: {string.Join(", ", Enum.GetNames<ArticleField>().Select(n => n.ToLowerInvariant()))})");
            names[key] = setting[(eq + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        return new FieldMap(names);
    }

    /// <summary>A two-letter language code from what inputs write; see <see cref="Hearsay.Input.FrontMatter.NormalizeLanguage"/>.</summary>
    public static string? NormalizeLanguage(string? value) => Hearsay.Input.FrontMatter.NormalizeLanguage(value);

    /// <summary>A date as inputs write it: ISO 8601 and common forms, or Unix seconds or milliseconds.</summary>
    public static DateTimeOffset? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n)) return FromUnix(n);
        return DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;
    }

    public static DateTimeOffset? FromUnix(long n)
    {
        try
        {
            return n > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(n) : DateTimeOffset.FromUnixTimeSeconds(n);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
