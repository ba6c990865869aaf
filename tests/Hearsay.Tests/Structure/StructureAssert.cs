using Hearsay.Document;

namespace Hearsay.Tests.Structure;

/// <summary>Checks shared by the structure tests.</summary>
internal static class StructureAssert
{
    /// <summary>Blocks are in text order, do not overlap, hold no leading or trailing whitespace, and
    /// together cover every non-whitespace character.</summary>
    public static void WellFormed(Article article)
    {
        var text = article.Text;
        var blocks = article.Structure.Blocks;
        int prevEnd = 0;
        foreach (var b in blocks)
        {
            Assert.True(b.Span.Start >= prevEnd, $"block {b} starts before the previous one ends ({prevEnd})");
            Assert.True(b.Span.Length > 0, $"empty block {b}");
            Assert.False(char.IsWhiteSpace(text[b.Span.Start]), $"block {b} starts with whitespace");
            Assert.False(char.IsWhiteSpace(text[b.Span.End - 1]), $"block {b} ends with whitespace");
            for (int i = prevEnd; i < b.Span.Start; i++)
                Assert.True(char.IsWhiteSpace(text[i]), $"character {i} ('{text[i]}') lies outside every block");
            prevEnd = b.Span.End;
        }
        for (int i = prevEnd; i < text.Length; i++)
            Assert.True(char.IsWhiteSpace(text[i]), $"character {i} ('{text[i]}') lies after the last block");
        foreach (var c in article.Structure.Captions)
        {
            Assert.Equal(BlockKind.Caption, blocks[c.BlockIndex].Kind);
            Assert.True(blocks[c.BlockIndex].Span.Contains(c.Text));
            if (c.Credit is { } credit) Assert.True(blocks[c.BlockIndex].Span.Contains(credit));
        }
    }

    public static string[] Texts(Article a, BlockKind kind) =>
        a.Structure.Blocks.Where(b => b.Kind == kind).Select(b => a.StringOf(b.Span)).ToArray();

    public static string? Str(Article a, TextSpan? span) => span is { } s ? a.StringOf(s) : null;
}
