using Hearsay.Document;

namespace Hearsay.Structure;

/// <summary>
/// Cuts plain text into layout segments: blank lines always separate; inside a run of lines, a line
/// break is a paragraph break unless the text is hard-wrapped there. A break counts as a wrap when the
/// next line's first word would not have fitted on the line (the classic unwrapping test), judged
/// against the widest line of the run; lines over 100 characters are never wrapped ones.
/// Segments are trimmed and never hold a blank line. Runs in one pass over the text.
/// </summary>
internal static class PlainTextSegmenter
{
    private const int LongLine = 100;
    private const int MinWrapWidth = 50;

    public static List<TextSpan> Segment(string text)
    {
        var result = new List<TextSpan>(Math.Max(8, text.Length / 400));
        var lines = new List<(int Start, int End)>();
        int i = 0;
        while (i <= text.Length)
        {
            int nl = i < text.Length ? text.AsSpan(i).IndexOfAny('\n', '\r', '\u2029') : -1;
            int lineEnd = nl < 0 ? text.Length : i + nl;
            int next = lineEnd + (lineEnd + 1 < text.Length && text[lineEnd] == '\r' && text[lineEnd + 1] == '\n' ? 2 : 1);
            int s = i, e = lineEnd;
            while (s < e && char.IsWhiteSpace(text[s])) s++;
            while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
            if (s == e) Flush(text, lines, result);
            else lines.Add((s, e));
            if (nl < 0) break;
            i = next;
        }
        Flush(text, lines, result);
        return result;
    }

    private static void Flush(string text, List<(int Start, int End)> lines, List<TextSpan> result)
    {
        if (lines.Count == 0) return;
        int width = 0;
        foreach (var (s, e) in lines)
            if (e - s <= LongLine) width = Math.Max(width, e - s);
        int first = 0;
        for (int k = 0; k < lines.Count - 1; k++)
        {
            if (!IsWrap(text, lines[k], lines[k + 1], width))
            {
                result.Add(TextSpan.FromBounds(lines[first].Start, lines[k].End));
                first = k + 1;
            }
        }
        result.Add(TextSpan.FromBounds(lines[first].Start, lines[^1].End));
        lines.Clear();
    }

    private static bool IsWrap(string text, (int Start, int End) line, (int Start, int End) next, int width)
    {
        int len = line.End - line.Start;
        if (len > LongLine || next.End - next.Start > LongLine || width < MinWrapWidth) return false;
        int w = next.Start;
        while (w < next.End && !char.IsWhiteSpace(text[w])) w++;
        return len + 1 + (w - next.Start) > width;
    }
}
