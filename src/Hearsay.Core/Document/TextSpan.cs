namespace Hearsay.Document;

/// <summary>A half-open range [Start, End) of UTF-16 code units in <see cref="Article.Text"/>.
/// Spans are the only way annotations point at text: nothing copies the article.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;
    public bool IsEmpty => Length == 0;
    public static TextSpan FromBounds(int start, int end) => new(start, end - start);
    public bool Contains(int offset) => offset >= Start && offset < End;
    public bool Contains(TextSpan other) => other.Start >= Start && other.End <= End;
    public bool Overlaps(TextSpan other) => other.Start < End && Start < other.End;
    public TextSpan Union(TextSpan other) => FromBounds(Math.Min(Start, other.Start), Math.Max(End, other.End));
    public override string ToString() => $"[{Start}..{End})";
}
