using System.Text;
using Hearsay.Document;
using Spectre.Console;

namespace Hearsay.Cli.Terminal;

/// <summary>
/// Spectre markup for a stretch of the article with some spans highlighted: line breaks become spaces and
/// long unhighlighted runs are shortened in the middle, so a statement fits on a few lines.
/// </summary>
public static class Excerpt
{
    public readonly record struct Mark(TextSpan Span, string Style, int Priority = 0);

    /// <param name="text">The article text.</param>
    /// <param name="range">The stretch to show.</param>
    /// <param name="marks">Spans to highlight; where they overlap, the higher priority wins.</param>
    /// <param name="plainStyle">Style of the text outside every mark ("" for none).</param>
    /// <param name="maxRun">Longest run of one style shown whole.</param>
    public static string Markup(string text, TextSpan range, IReadOnlyList<Mark> marks, string plainStyle = "", int maxRun = 160)
    {
        var sb = new StringBuilder();
        int i = range.Start;
        while (i < range.End)
        {
            int markIndex = MarkAt(marks, i);
            int j = i + 1;
            while (j < range.End && MarkAt(marks, j) == markIndex) j++;
            string style = markIndex >= 0 ? marks[markIndex].Style : plainStyle;
            AppendRun(sb, text.AsSpan(i, j - i), style, markIndex >= 0 ? maxRun : Math.Min(maxRun, 80));
            i = j;
        }
        return sb.ToString();
    }

    /// <summary>Plain text, shortened to at most <paramref name="max"/> characters with an ellipsis in the middle.</summary>
    public static string Plain(string text, TextSpan span, int max = 160) => Shorten(Flatten(text.AsSpan(span.Start, span.Length)).Trim(), max);

    public static string Shorten(string s, int max)
    {
        if (s.Length <= max) return s;
        int head = max * 2 / 3, tail = max - head - 3;
        return s[..head].TrimEnd() + " … " + s[^tail..].TrimStart();
    }

    private static int MarkAt(IReadOnlyList<Mark> marks, int offset)
    {
        int best = -1;
        for (int k = 0; k < marks.Count; k++)
            if (marks[k].Span.Contains(offset) && (best < 0 || marks[k].Priority > marks[best].Priority)) best = k;
        return best;
    }

    private static void AppendRun(StringBuilder sb, ReadOnlySpan<char> run, string style, int maxRun)
    {
        string s = Shorten(Flatten(run), maxRun);
        if (s.Length == 0) return;
        string escaped = Spectre.Console.Markup.Escape(s);
        if (style.Length == 0) sb.Append(escaped);
        else sb.Append('[').Append(style).Append(']').Append(escaped).Append("[/]");
    }

    /// <summary>Collapses every run of white space (line breaks included) to one space.</summary>
    private static string Flatten(ReadOnlySpan<char> s)
    {
        var sb = new StringBuilder(s.Length);
        bool space = false;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c))
            {
                if (!space) sb.Append(' ');
                space = true;
            }
            else
            {
                space = false;
                sb.Append(c);
            }
        }
        return sb.ToString();
    }
}
