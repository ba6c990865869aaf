namespace Hearsay.Document;

public enum BlockKind : byte
{
    Title,
    Byline,
    Teaser,
    Subheading,
    Paragraph,
    Caption,
    /// <summary>Text that is not part of the article's discourse: a tag line, a signature.</summary>
    Other,
}

/// <summary>A layout block of the article (a heading, a paragraph, a caption): kind and span.</summary>
public sealed record Block(BlockKind Kind, TextSpan Span)
{
    /// <summary>Blocks that carry the article's running discourse (coreference walks these).</summary>
    public bool IsBody => Kind is BlockKind.Paragraph or BlockKind.Teaser;
}

/// <summary>An image caption and, when present, its credit ("© UPI Photo/Imago").</summary>
public sealed record Caption(int BlockIndex, TextSpan Text, TextSpan? Credit);

/// <summary>Structure of the article: blocks in reading order plus the parts found inside them.</summary>
public sealed class ArticleStructure
{
    public List<Block> Blocks { get; } = new();
    public TextSpan? Title { get; set; }
    public List<TextSpan> Authors { get; } = new();
    /// <summary>The whole dateline ("Pjöngjang –", "WASHINGTON (Reuters) -").</summary>
    public TextSpan? Dateline { get; set; }
    /// <summary>The place named by the dateline ("Pjöngjang", "WASHINGTON").</summary>
    public TextSpan? DatelinePlace { get; set; }
    /// <summary>An agency named in the dateline ("Reuters", "dpa").</summary>
    public TextSpan? DatelineAgency { get; set; }
    public List<Caption> Captions { get; } = new();
    public int BlockIndexAt(int offset)
    {
        // Blocks are sorted by start; binary search for the block containing offset.
        int lo = 0, hi = Blocks.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            var b = Blocks[mid].Span;
            if (offset < b.Start) hi = mid - 1;
            else if (offset >= b.End) lo = mid + 1;
            else return mid;
        }
        return -1;
    }
}
