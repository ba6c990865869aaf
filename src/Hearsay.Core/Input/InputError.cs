namespace Hearsay.Input;

/// <summary>Why an input could not be analyzed. Each maps to a documented CLI exit code.</summary>
public enum InputErrorKind
{
    /// <summary>The file or directory does not exist.</summary>
    NotFound,
    /// <summary>No bytes, or only whitespace (also: an HTML page without any text).</summary>
    Empty,
    /// <summary>Not text: a PDF, an image, an archive, an executable, or bytes with NULs and control characters.</summary>
    Binary,
    /// <summary>Larger than <see cref="ReaderOptions.MaxBytes"/>.</summary>
    TooLarge,
    /// <summary>Exists but cannot be read: a directory, no permission, an I/O error.</summary>
    Unreadable,
}

/// <summary>An input Hearsay refuses to analyze. <see cref="Source"/> names it (a path, or "input" for
/// bytes and streams); the message says what is wrong in words a user can act on.</summary>
public sealed class InputException(InputErrorKind kind, string source, string message, Exception? inner = null) : Exception(message, inner)
{
    public InputErrorKind Kind { get; } = kind;
    public new string Source { get; } = source;
}
