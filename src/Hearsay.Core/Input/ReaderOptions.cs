namespace Hearsay.Input;

/// <summary>Limits and choices for <see cref="ArticleReader"/>.</summary>
public sealed record ReaderOptions
{
    /// <summary>64 MiB: well above any real article, low enough that one request cannot exhaust memory.</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    /// <summary>8 MiB: inputs above this are read, with an "input.large" notice that the analysis may take a while.</summary>
    public const long DefaultLargeInputBytes = 8L * 1024 * 1024;

    public static ReaderOptions Default { get; } = new();

    /// <summary>Inputs larger than this many bytes (or, for strings, UTF-16 code units) are refused with
    /// <see cref="InputErrorKind.TooLarge"/> before they are decoded.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>Inputs above this size are analyzed, with an informational "input.large" diagnostic.</summary>
    public long LargeInputBytes { get; init; } = DefaultLargeInputBytes;
}
