namespace Hearsay.Document;

/// <summary>What is known about an article apart from its text: where it came from.</summary>
public sealed record ArticleMetadata
{
    public string? Path { get; init; }
    public string? Url { get; init; }
    public string? Outlet { get; init; }
    public DateTimeOffset? Published { get; init; }
    /// <summary>Language given by the caller; null means detect.</summary>
    public string? Language { get; init; }
    /// <summary>"text/plain" or "text/html".</summary>
    public string? MediaType { get; init; }
    /// <summary>Encoding the bytes were decoded with ("utf-8", "windows-1252").</summary>
    public string? Encoding { get; init; }
}
