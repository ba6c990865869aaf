namespace Hearsay.Document;

/// <summary>A sentence: a text span and the range of tokens [FirstToken, FirstToken + TokenCount) in it.</summary>
public readonly record struct Sentence(TextSpan Span, int FirstToken, int TokenCount, int BlockIndex)
{
    public int EndToken => FirstToken + TokenCount;
}
