using Hearsay.Document;
using Hearsay.Languages;

namespace Hearsay.Text;

/// <summary>
/// Sentence boundaries over tokens. A sentence ends at a block boundary, a blank line, or after
/// terminal punctuation (plus any closing quotes and brackets) when the next token can start a
/// sentence. Abbreviation periods never end one, nor does an ordinal period before a month name
/// or a lower-case word, nor one after a word that a number only follows as an ordinal ("im 18. Jahrhundert").
/// </summary>
public static class SentenceSplitter
{
    public static Sentence[] Split(Article article, WordSet months, WordSet? ordinalContext = null)
    {
        var tokens = article.Tokens;
        var text = article.Text.AsSpan();
        var blocks = article.Structure.Blocks;
        var result = new List<Sentence>(Math.Max(4, tokens.Length / 18));
        int first = 0;
        int block = blocks.Count > 0 ? 0 : -1;
        int sentenceBlock = -1;

        for (int i = 0; i < tokens.Length; i++)
        {
            ref readonly var tok = ref tokens[i];
            // Which block is this token in? Tokens and blocks are both in text order.
            int b = -1;
            if (block >= 0)
            {
                while (block < blocks.Count && blocks[block].Span.End <= tok.Start) block++;
                b = block < blocks.Count && blocks[block].Span.Start <= tok.Start ? block : -1;
            }
            if (i > first && (b != sentenceBlock || tok.Has(TokenFlags.ParagraphBefore)))
            {
                result.Add(Make(tokens, first, i, sentenceBlock));
                first = i;
            }
            if (i == first) sentenceBlock = b;

            if (!IsTerminal(text, tok)) continue;
            // Absorb closing quotes and brackets into this sentence.
            int k = i + 1;
            while (k < tokens.Length && !tokens[k].Has(TokenFlags.ParagraphBefore)
                   && ((tokens[k].Kind == TokenKind.Quote && tokens[k].Has(TokenFlags.Closing) && !tokens[k].Has(TokenFlags.SpaceBefore))
                       || (tokens[k].Length == 1 && CharClass.IsClosingBracket(text[tokens[k].Start]))
                       || (tokens[k].Kind == TokenKind.Punctuation && CharClass.IsTerminal(text[tokens[k].Start]))))
                k++;
            if (k >= tokens.Length) continue;
            ref readonly var next = ref tokens[k];
            if (!next.Has(TokenFlags.SpaceBefore) && !next.Has(TokenFlags.LineBefore)) continue;
            if (!CanStartSentence(text, next)) continue;
            // "am 4. April", "der 3. Oktober": an ordinal before a month does not end the sentence.
            if (text[tok.Start] == '.' && i > 0 && tokens[i - 1].Kind == TokenKind.Number && tokens[i - 1].End == tok.Start
                && tokens[i - 1].Length <= 2 && next.Kind == TokenKind.Word && months.Contains(text.Slice(next.Start, next.Length)))
                continue;
            // "im 18. Jahrhundert", "zum 5. Mal", "seinem 80. Geburtstag": no sentence ends in "im 18."
            if (ordinalContext is not null && text[tok.Start] == '.' && i > 1 && tokens[i - 1].Kind == TokenKind.Number
                && tokens[i - 1].End == tok.Start && tokens[i - 1].Length <= 3 && tokens[i - 2].Kind == TokenKind.Word
                && !tokens[i - 1].Has(TokenFlags.ParagraphBefore) && ordinalContext.Contains(text.Slice(tokens[i - 2].Start, tokens[i - 2].Length)))
                continue;
            result.Add(Make(tokens, first, k, sentenceBlock));
            first = k;
            i = k - 1;
        }
        if (first < tokens.Length) result.Add(Make(tokens, first, tokens.Length, sentenceBlock));
        return result.ToArray();
    }

    private static bool IsTerminal(ReadOnlySpan<char> text, in Token tok) =>
        tok.Kind == TokenKind.Punctuation && CharClass.IsTerminal(text[tok.Start]);

    private static bool CanStartSentence(ReadOnlySpan<char> text, in Token next)
    {
        char c = text[next.Start];
        if (next.Kind == TokenKind.Quote) return next.Has(TokenFlags.Opening);
        if (next.Kind == TokenKind.Number || next.Kind == TokenKind.Dash) return true;
        if (CharClass.IsOpeningBracket(c)) return true;
        return char.IsUpper(c) || (char.IsLetter(c) && next.Has(TokenFlags.LineBefore));
    }

    private static Sentence Make(Token[] tokens, int first, int end, int block) =>
        new(TextSpan.FromBounds(tokens[first].Start, tokens[end - 1].End), first, end - first, block);
}
