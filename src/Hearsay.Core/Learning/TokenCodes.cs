using Hearsay.Document;

namespace Hearsay.Learning;

/// <summary>Small codes of a token that the learned taggers' features share: its punctuation class and its
/// shape (kind and case flags). Outside the sentence [sStart, sEnd) a token reads as the boundary '&lt;'.</summary>
internal static class TokenCodes
{
    public static uint Punct(Token[] tokens, string text, int k, int sStart, int sEnd)
    {
        if (k < sStart || k >= sEnd) return '<';
        return tokens[k].Kind switch
        {
            TokenKind.Punctuation => text[tokens[k].Start],
            TokenKind.Quote => '"',
            TokenKind.Dash => '-',
            TokenKind.Word => 'w',
            _ => '0',
        };
    }

    /// <param name="hyphen">Also a bit for a hyphenated word (the cue model has it; the speech-event models were
    /// trained without it, so their features keep that shape).</param>
    public static uint Shape(in Token t, bool sentenceStart, bool hyphen)
    {
        uint s = (uint)t.Kind;
        if (t.Has(TokenFlags.Capitalized)) s |= 1 << 4;
        if (t.Has(TokenFlags.AllCaps)) s |= 1 << 5;
        if (t.Has(TokenFlags.HasDigit)) s |= 1 << 6;
        if (hyphen && t.Has(TokenFlags.Hyphenated)) s |= 1 << 7;
        if (sentenceStart) s |= 1 << 8;
        return s;
    }
}
