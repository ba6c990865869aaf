namespace Hearsay.Document;

public enum Severity : byte { Info, Warning, Error }

/// <summary>Something the reader or a stage noticed about the input: an unbalanced quote, a fallback encoding.</summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, TextSpan? Span = null);
