namespace Hearsay.Document;

public enum TokenKind : byte
{
    Word,
    Number,
    Punctuation,
    Quote,
    Dash,
    Url,
    Email,
    Symbol,
}

[Flags]
public enum TokenFlags : ushort
{
    None = 0,
    /// <summary>First character is an upper-case letter.</summary>
    Capitalized = 1 << 0,
    /// <summary>Two or more letters, all upper case ("NATO", "WASHINGTON").</summary>
    AllCaps = 1 << 1,
    /// <summary>The token includes a trailing period that belongs to an abbreviation or initial ("Dr.", "z.", "U.S.").</summary>
    Abbreviation = 1 << 2,
    /// <summary>Whitespace precedes the token.</summary>
    SpaceBefore = 1 << 3,
    /// <summary>A line break precedes the token.</summary>
    LineBefore = 1 << 4,
    /// <summary>A blank line (paragraph break) precedes the token.</summary>
    ParagraphBefore = 1 << 5,
    /// <summary>Contains an inner hyphen ("Jong-un", "Donbass-Region").</summary>
    Hyphenated = 1 << 6,
    /// <summary>A gender-inclusive form ("Soldat:innen", "Student*innen").</summary>
    Gendered = 1 << 7,
    /// <summary>Quote token that opens a quotation in context.</summary>
    Opening = 1 << 8,
    /// <summary>Quote token that closes a quotation in context.</summary>
    Closing = 1 << 9,
    /// <summary>Quote token is a single quotation mark (‚ ‘ ’ ').</summary>
    SingleQuote = 1 << 10,
    /// <summary>Number token written with digits and an ordinal period ("4.") or suffix ("4th").</summary>
    Ordinal = 1 << 11,
    /// <summary>Token contains a digit.</summary>
    HasDigit = 1 << 12,
    /// <summary>Whitespace follows the token.</summary>
    SpaceAfter = 1 << 13,
}

/// <summary>A token is a span of the article text plus what the tokenizer saw. No string is held.</summary>
public readonly record struct Token(int Start, int Length, TokenKind Kind, TokenFlags Flags)
{
    public int End => Start + Length;
    public TextSpan Span => new(Start, Length);
    public bool Has(TokenFlags f) => (Flags & f) != 0;
    public bool IsWord => Kind == TokenKind.Word;
}
