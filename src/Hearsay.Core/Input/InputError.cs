namespace Hearsay.Input;

/// <summary>Why an input could not be analyzed. Each maps to a documented CLI exit code.</summary>
public enum InputErrorKind
{
    NotFound,
    Empty,
    Binary,
    TooLarge,
    Unreadable,
}

public sealed class InputException(InputErrorKind kind, string source, string message) : Exception(message)
{
    public InputErrorKind Kind { get; } = kind;
    public new string Source { get; } = source;
}
