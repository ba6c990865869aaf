using Hearsay.Document;

namespace Hearsay.Text;

/// <summary>
/// Pairs quotation marks into <see cref="Quotation"/>s: „…“ „…” “…” "…" »…« «…» ‚…‘ ‘…’ '…' ›…‹.
/// Pairs never cross a block, except the newspaper convention for quotes over several paragraphs
/// (a paragraph left open whose successor re-opens with the same mark). What is left unmatched is
/// reported as a diagnostic, never guessed into a quotation.
/// </summary>
public static class QuotationPairer
{
    private readonly record struct Open(int Token, char Mark);

    public static void Pair(Article article)
    {
        var tokens = article.Tokens;
        var text = article.Text;
        var stack = new List<Open>(4);
        int currentBlock = -1;
        int blockEnd = -1;
        var result = article.Quotations;
        var blocks = article.Structure.Blocks;
        int bi = 0;

        for (int i = 0; i < tokens.Length; i++)
        {
            ref readonly var tok = ref tokens[i];
            if (tok.Start >= blockEnd || tok.Has(TokenFlags.ParagraphBefore))
            {
                // New block: settle what the previous one left open.
                while (bi < blocks.Count && blocks[bi].Span.End <= tok.Start) bi++;
                var nextBlockEnd = bi < blocks.Count && blocks[bi].Span.Start <= tok.Start ? blocks[bi].Span.End : int.MaxValue;
                if (currentBlock >= 0) CloseBlock(article, stack, i, tok);
                currentBlock = bi;
                blockEnd = nextBlockEnd == int.MaxValue ? FindParagraphEnd(tokens, i) : nextBlockEnd;
            }
            if (tok.Kind != TokenKind.Quote) continue;
            // A doubled apostrophe or backtick is a double mark: treat it as '"'.
            char mark = tok.Length == 2 && (text[tok.Start] is '\'' or '`') ? '"' : text[tok.Start];
            bool canOpen = tok.Has(TokenFlags.Opening);
            bool canClose = tok.Has(TokenFlags.Closing);

            if (canClose)
            {
                int match = -1;
                for (int s = stack.Count - 1; s >= 0; s--)
                {
                    if (Pairs(stack[s].Mark, mark)) { match = s; break; }
                    // a single mark never closes across an open double quote, and vice versa only for single
                    if (!CharClass.IsSingleQuote(stack[s].Mark) && CharClass.IsSingleQuote(mark)) break;
                }
                if (match >= 0 && (!canOpen || match == stack.Count - 1 || !CharClass.IsSingleQuote(mark)))
                {
                    var open = stack[match];
                    stack.RemoveRange(match, stack.Count - match);
                    Add(result, tokens, open.Token, i, CharClass.IsSingleQuote(mark));
                    continue;
                }
            }
            if (canOpen)
            {
                // An apostrophe-like mark between letters, or after an s ("Jesus' words"), is not an opening quote.
                if ((mark == '\'' || mark == '’') && !tok.Has(TokenFlags.SpaceBefore) && i > 0 && tokens[i - 1].Kind == TokenKind.Word) continue;
                stack.Add(new Open(i, mark));
                continue;
            }
            if (!CharClass.IsSingleQuote(mark))
                article.Warn("quote.unmatched-close", $"Closing quotation mark '{mark}' without an opening one.", tok.Span);
        }
        if (stack.Count > 0) CloseBlock(article, stack, tokens.Length, default);
        result.Sort((a, b) => a.Outer.Start.CompareTo(b.Outer.Start));
    }

    private static int FindParagraphEnd(Token[] tokens, int i)
    {
        for (int k = i + 1; k < tokens.Length; k++) if (tokens[k].Has(TokenFlags.ParagraphBefore)) return tokens[k].Start;
        return int.MaxValue;
    }

    private static void CloseBlock(Article article, List<Open> stack, int nextToken, in Token next)
    {
        var tokens = article.Tokens;
        var text = article.Text;
        foreach (var open in stack)
        {
            if (CharClass.IsSingleQuote(open.Mark)) continue; // stray apostrophes are common; say nothing
            bool continues = nextToken < tokens.Length && next.Kind == TokenKind.Quote && text[next.Start] == open.Mark;
            if (continues && nextToken - 1 > open.Token)
            {
                // Multi-paragraph quotation: this paragraph's part runs to its last token.
                article.Quotations.Add(new Quotation(
                    TextSpan.FromBounds(tokens[open.Token].Start, tokens[nextToken - 1].End),
                    TextSpan.FromBounds(tokens[open.Token].End, tokens[nextToken - 1].End),
                    open.Token, nextToken, false));
            }
            else
            {
                article.Warn("quote.unbalanced", $"Quotation mark '{open.Mark}' is never closed in its paragraph; the text after it is not treated as a quotation.", tokens[open.Token].Span);
            }
        }
        stack.Clear();
    }

    private static void Add(List<Quotation> result, Token[] tokens, int open, int close, bool single)
    {
        if (close == open + 1) return; // empty quotes ("")
        result.Add(new Quotation(
            TextSpan.FromBounds(tokens[open].Start, tokens[close].End),
            TextSpan.FromBounds(tokens[open].End, tokens[close].Start),
            open, close, single));
    }

    /// <summary>Whether <paramref name="close"/> closes a quotation opened by <paramref name="open"/>.</summary>
    public static bool Pairs(char open, char close) => open switch
    {
        '„' => close is '“' or '”' or '"',
        '“' => close is '”' or '“' or '"',
        '”' => close == '”',
        '"' => close is '"' or '“' or '”',
        '»' => close is '«' or '»',
        '«' => close is '»' or '«',
        '‚' => close is '‘' or '’' or '\'',
        '‘' => close is '’' or '‘' or '\'',
        '\'' => close is '\'' or '’' or '‘',
        '›' => close is '‹' or '›',
        '‹' => close is '›' or '‹',
        _ => false,
    };
}
