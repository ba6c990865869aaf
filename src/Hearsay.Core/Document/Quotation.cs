namespace Hearsay.Document;

/// <summary>A pair of matching quotation marks: the whole span with marks and the inner text.</summary>
public sealed record Quotation(TextSpan Outer, TextSpan Inner, int OpenToken, int CloseToken, bool Single)
{
    /// <summary>Number of tokens between the marks.</summary>
    public int InnerTokenCount => CloseToken - OpenToken - 1;
}
