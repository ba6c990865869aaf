namespace Hearsay.Text;

/// <summary>Character classes the tokenizer and the quotation stage share.</summary>
public static class CharClass
{
    public static bool IsQuote(char c) => c switch
    {
        '"' or '\'' or '„' or '“' or '”' or '‚' or '‘' or '’' or '»' or '«' or '›' or '‹' or '`' => true,
        _ => false,
    };

    public static bool IsSingleQuote(char c) => c is '\'' or '‚' or '‘' or '’' or '›' or '‹';

    public static bool IsDash(char c) => c is '–' or '—' or '‒' or '―' or '‐' or '-';

    public static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '\u00AD';

    public static bool IsSpace(char c) => c is ' ' or '\t' or '\u00A0' or '\u202F' or '\u2009' or '\u2007' or '\u200B' or '\uFEFF' || (c > 127 && char.IsWhiteSpace(c) && c != '\u2028' && c != '\u2029');

    public static bool IsLineBreak(char c) => c is '\n' or '\r' or '\u2028' or '\u2029' or '\u0085';

    public static bool IsClosingBracket(char c) => c is ')' or ']' or '}';
    public static bool IsOpeningBracket(char c) => c is '(' or '[' or '{';

    /// <summary>Sentence-final punctuation.</summary>
    public static bool IsTerminal(char c) => c is '.' or '!' or '?' or '…';
}
