using Hearsay.Document;

namespace Hearsay.Structure;

/// <summary>Finds title, byline, teaser, dateline, subheadings, paragraphs and captions from plain-text layout.</summary>
public static class PlainTextStructure
{
    public static void Detect(Article article)
    {
        // Placeholder layout: one paragraph per blank-line-separated block.
        var text = article.Text;
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            int s = i;
            int e = text.IndexOf("\n\n", i, StringComparison.Ordinal);
            if (e < 0) e = text.Length;
            int end = e;
            while (end > s && char.IsWhiteSpace(text[end - 1])) end--;
            article.Structure.Blocks.Add(new Block(BlockKind.Paragraph, TextSpan.FromBounds(s, end)));
            i = e;
        }
    }
}
