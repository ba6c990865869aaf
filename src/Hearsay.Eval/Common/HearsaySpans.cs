using Hearsay.Document;

namespace Hearsay.Eval;

/// <summary>The character spans of an attribution's parts as corpora annotate them.</summary>
public static class HearsaySpans
{
    /// <summary>The content's spans (its parts for split quotes). With <paramref name="quoteMarks"/>, a part of a
    /// Direct attribution lying inside a quotation becomes the whole quotation, marks included (Hearsay's content
    /// is the text between the marks; most corpora include the marks).</summary>
    public static List<TextSpan> Content(Article article, Attribution att, bool quoteMarks)
    {
        var parts = att.ContentParts.Count > 0 ? new List<TextSpan>(att.ContentParts) : new List<TextSpan> { att.Content };
        if (!quoteMarks || att.Kind != AttributionKind.Direct) return parts;
        for (int i = 0; i < parts.Count; i++) parts[i] = WithMarks(article, parts[i]);
        return parts;
    }

    /// <summary>The quotation (marks included) whose inner text starts the span and holds it, else the span.</summary>
    public static TextSpan WithMarks(Article a, TextSpan span)
    {
        foreach (var q in a.Quotations)
            if (q.Inner.Start <= span.Start && span.End <= q.Inner.End && q.Inner.Start >= span.Start - 1)
                return q.Outer;
        return span;
    }

    /// <summary>The cue and, when present, the particle of a separable verb.</summary>
    public static List<TextSpan> Cue(Attribution att) =>
        att.CueParticle is { } p ? new List<TextSpan> { att.Cue, p } : new List<TextSpan> { att.Cue };
}
