using Hearsay.Document;

namespace Hearsay.Structure;

/// <summary>
/// Finds the layout of a plain-text article: title, byline (with author name spans), teaser, the
/// dateline that opens the body, subheadings, captions with their credits, body paragraphs and a
/// closing signature.
/// <list type="bullet">
/// <item>The text is cut into segments by <see cref="PlainTextSegmenter"/>.</item>
/// <item>Title: the first segment when it reads like a heading (short, one sentence at most) and is not a
/// byline, caption or dateline paragraph.</item>
/// <item>Header: the next few segments up to the body. Bylines and captions are recognized by their
/// markers; other segments before a dateline paragraph are teasers. Without a dateline, a short first
/// paragraph is a teaser when a byline follows it, or when title and byline precede it.</item>
/// <item>A text whose teaser runs into the body on one line ("… gehört. Wien – Die …") is split at the
/// dateline.</item>
/// <item>Body: captions (a closing credit), subheadings (a short single line without closing
/// punctuation, followed by a paragraph), paragraphs; the last segment may close with a signature
/// ("(Ares Abasi)", "(dpa)"), which becomes an <see cref="BlockKind.Other"/> block.</item>
/// </list>
/// Blocks come out in text order, never overlap, and cover every non-whitespace character.
/// Linear in the text length; the header tests look at a bounded number of segments.
/// </summary>
public static class PlainTextStructure
{
    private const int HeaderSegments = 6;
    private const int MaxTitle = 250;
    private const int MaxPeriodTitle = 120;
    private const int MaxTeaser = 400;
    private const int MaxHeaderParagraph = 600;
    private const int MaxCaptionText = 500;
    private const int MaxSubheading = 150;
    private const int MaxSubheadingWords = 20;

    public static void Detect(Article article) => article.Structure = Detect(article.Text);

    /// <summary>The structure of <paramref name="text"/>, without an article.</summary>
    public static ArticleStructure Detect(string text)
    {
        var st = new ArticleStructure();
        var segs = PlainTextSegmenter.Segment(text);
        if (segs.Count == 0) return st;
        var b = new Pieces(text, st);
        MergeKicker(text, segs);
        int n = segs.Count;

        // Title.
        int k = 0;
        if (n >= 2 && IsHeadingLike(text, segs[0]) && !IsByline(text, segs[0]) && !StartsWithDateline(text, segs[0])
            && !IsCaption(text, segs[0], out _, out _))
        {
            st.Title = segs[0];
            b.Add(BlockKind.Title, segs[0]);
            k = 1;
        }

        // Header: find where the body starts, then classify what lies before it.
        int limit = Math.Min(n, k + HeaderSegments);
        int body = -1, split = -1;
        DatelineMatch dateline = default;
        int plainSeen = 0;
        for (int j = k; j < limit && body < 0; j++)
        {
            var seg = segs[j];
            if (IsByline(text, seg) || IsCaption(text, seg, out _, out _)) continue;
            if (Datelines.TryMatch(text.AsSpan(seg.Start, seg.Length), seg.Start, out dateline)) body = j;
            else if (plainSeen < 2 && Datelines.TryFindNearStart(text.AsSpan(seg.Start, seg.Length), seg.Start, out dateline)) { body = j; split = dateline.Whole.Start; }
            // Teasers are short and few: after a long paragraph, or two others, the body has begun.
            else if (++plainSeen >= 3 || seg.Length > MaxHeaderParagraph) break;
        }
        if (body < 0) body = BodyStartWithoutDateline(text, segs, k, limit, st.Title is not null);

        for (int j = k; j < body; j++)
        {
            var seg = segs[j];
            if (TryAddByline(b, text, seg)) continue;
            if (TryAddCaption(b, text, seg)) continue;
            b.Add(BlockKind.Teaser, seg);
        }

        int next = body;
        if (body < n && dateline.Whole.Length > 0)
        {
            st.Dateline = dateline.Whole;
            st.DatelinePlace = dateline.Place;
            st.DatelineAgency = dateline.Agency;
            if (split > segs[body].Start)
            {
                // "Title sentence. Wien – Body …": the part before the dateline is the title when the
                // article has none yet and it reads like one, else a teaser.
                var before = Trim(text, TextSpan.FromBounds(segs[body].Start, split));
                bool asTitle = st.Title is null && b.Count == 0 && IsHeadingLike(text, before);
                if (asTitle) st.Title = before;
                b.Add(asTitle ? BlockKind.Title : BlockKind.Teaser, before);
                segs[body] = TextSpan.FromBounds(split, segs[body].End);
            }
        }

        // Body.
        for (int j = next; j < n; j++)
        {
            var seg = segs[j];
            if (j == n - 1 && TryAddSignature(b, text, seg)) break;
            if (TryAddCaption(b, text, seg)) continue;
            // A subheading stands between paragraphs: short lines in a row are a list.
            if (b.Count > 0 && b.LastKind != BlockKind.Title && j + 1 < n && IsSubheadingShape(text, seg)
                && !IsSubheadingShape(text, segs[j + 1]) && !IsSubheadingShape(text, b.LastSpan))
            {
                b.Add(BlockKind.Subheading, seg);
                continue;
            }
            b.Add(BlockKind.Paragraph, seg);
        }
        b.Complete();
        return st;
    }

    /// <summary>Without a dateline: a short first paragraph is a teaser when a byline follows it within
    /// the header, or when both title and byline precede it and more text follows.</summary>
    private static int BodyStartWithoutDateline(string text, List<TextSpan> segs, int k, int limit, bool hasTitle)
    {
        int first = -1;
        bool bylineBefore = false;
        for (int j = k; j < limit; j++)
        {
            var seg = segs[j];
            bool isByline = IsByline(text, seg);
            bool isCaption = !isByline && IsCaption(text, seg, out _, out _);
            if (first < 0)
            {
                if (isByline) { bylineBefore = true; continue; }
                if (isCaption) continue;
                first = j;
                if (!IsTeaserShape(text, seg)) return j;
                continue;
            }
            if (isByline) return j + 1;
            if (!isCaption) break;
        }
        if (first < 0) return limit;
        if (hasTitle && bylineBefore && first + 2 < segs.Count) return first + 1;
        return first;
    }

    /// <summary>"Ukraine-Krieg" over "Nordkorea unterstützt …" in the first segment pair, one line apart:
    /// kicker and headline make one title.</summary>
    private static void MergeKicker(string text, List<TextSpan> segs)
    {
        if (segs.Count < 3) return;
        var a = segs[0];
        var h = segs[1];
        if (a.Length > 40 || EndsWithPunctuation(text, a) || EndsWithPunctuation(text, h) || text.AsSpan(a.End, h.Start - a.End).Count('\n') != 1) return;
        if (!IsHeadingLike(text, h) || IsByline(text, h) || StartsWithDateline(text, h) || !IsHeadingLike(text, a)) return;
        if (IsCaption(text, h, out _, out _) || IsCaption(text, a, out _, out _)) return;
        segs[0] = a.Union(h);
        segs.RemoveAt(1);
    }

    private static bool TryAddByline(Pieces b, string text, TextSpan seg)
    {
        if (!Bylines.TryParse(text.AsSpan(seg.Start, seg.Length), seg.Start, requireMarker: true, b.Structure.Authors)) return false;
        b.Add(BlockKind.Byline, seg);
        return true;
    }

    private static bool IsByline(string text, TextSpan seg)
    {
        if (seg.Length > 200) return false;
        var scratch = new List<TextSpan>(2);
        return Bylines.TryParse(text.AsSpan(seg.Start, seg.Length), seg.Start, requireMarker: true, scratch);
    }

    private static bool TryAddCaption(Pieces b, string text, TextSpan seg)
    {
        if (!IsCaption(text, seg, out var captionText, out var credit)) return false;
        b.AddCaption(seg, captionText, credit);
        return true;
    }

    private static bool IsCaption(string text, TextSpan seg, out TextSpan captionText, out TextSpan credit)
    {
        captionText = credit = default;
        if (!Credits.TryFindTail(text.AsSpan(seg.Start, seg.Length), out int marker, out int cs, out int ce)) return false;
        if (marker > MaxCaptionText) return false;
        credit = TextSpan.FromBounds(seg.Start + cs, seg.Start + ce);
        int end = seg.Start + marker;
        while (end > seg.Start && (char.IsWhiteSpace(text[end - 1]) || text[end - 1] is '(' or '[' or '|' or '/' or '–' or '—' or '-' or '·' or '•')) end--;
        captionText = end > seg.Start ? TextSpan.FromBounds(seg.Start, end) : seg;
        return true;
    }

    private static bool TryAddSignature(Pieces b, string text, TextSpan seg)
    {
        if (!Signatures.TryFindTail(text.AsSpan(seg.Start, seg.Length), out int open, out int innerStart, out int innerEnd)) return false;
        if (open > 0)
        {
            var before = Trim(text, TextSpan.FromBounds(seg.Start, seg.Start + open));
            if (!TryAddCaption(b, text, before)) b.Add(BlockKind.Paragraph, before);
        }
        var sig = TextSpan.FromBounds(seg.Start + open, seg.End);
        b.Add(BlockKind.Other, sig);
        // The signature names the author when no byline did.
        if (b.Structure.Authors.Count == 0)
            Bylines.TryParse(text.AsSpan(seg.Start + innerStart, innerEnd - innerStart), seg.Start + innerStart, requireMarker: false, b.Structure.Authors);
        return true;
    }

    private static bool StartsWithDateline(string text, TextSpan seg) =>
        Datelines.TryMatch(text.AsSpan(seg.Start, seg.Length), seg.Start, out _);

    /// <summary>Short, at most three lines, no sentence break inside; a headline closing with a period is
    /// short too (a long single sentence with a period is a lead paragraph).</summary>
    internal static bool IsHeadingLike(string text, TextSpan seg)
    {
        if (seg.Length == 0 || seg.Length > MaxTitle) return false;
        var s = text.AsSpan(seg.Start, seg.Length);
        if (s.Count('\n') > 2) return false;
        if (s.Length > MaxPeriodTitle && s[^1] == '.') return false;
        if (HasSentenceBreak(s)) return false;
        foreach (char c in s) if (char.IsLetter(c)) return true;
        return false;
    }

    private static bool IsTeaserShape(string text, TextSpan seg) =>
        seg.Length <= MaxTeaser && EndsWithPunctuation(text, seg) && text.AsSpan(seg.Start, seg.Length).Count('\n') <= 2;

    /// <summary>One line, short, starts like a heading, no sentence break, and no closing
    /// punctuation (a question mark is allowed).</summary>
    internal static bool IsSubheadingShape(string text, TextSpan seg)
    {
        if (seg.Length < 2 || seg.Length > MaxSubheading) return false;
        var s = text.AsSpan(seg.Start, seg.Length);
        if (s.IndexOfAny('\n', '\r') >= 0) return false;
        char c0 = s[0];
        if (!(char.IsUpper(c0) || char.IsDigit(c0) || Text.CharClass.IsQuote(c0) || c0 == '#')) return false;
        int words = 1;
        foreach (char c in s) if (c == ' ') words++;
        if (words > MaxSubheadingWords) return false;
        int e = s.Length - 1;
        while (e > 0 && (Text.CharClass.IsQuote(s[e]) || s[e] is ')' or ']')) e--;
        if (s[e] is '.' or ',' or ';' or ':' or '!' or '…' or '-' or '–') return false;
        return !HasSentenceBreak(s);
    }

    private static bool EndsWithPunctuation(string text, TextSpan seg)
    {
        int e = seg.End - 1;
        while (e > seg.Start && (Text.CharClass.IsQuote(text[e]) || text[e] is ')' or ']')) e--;
        return Text.CharClass.IsTerminal(text[e]);
    }

    /// <summary>A terminal mark inside the span followed by a space and a capital, after a word of
    /// more than three letters (so "Dr. Müller" is no break).</summary>
    private static bool HasSentenceBreak(ReadOnlySpan<char> s)
    {
        for (int i = 1; i + 2 < s.Length; i++)
        {
            if (!Text.CharClass.IsTerminal(s[i]) || s[i + 1] != ' ') continue;
            int j = i + 2;
            while (j < s.Length && Text.CharClass.IsQuote(s[j])) j++;
            if (j >= s.Length || !char.IsUpper(s[j])) continue;
            int w = i;
            while (w > 0 && char.IsLetter(s[w - 1])) w--;
            if (s[i] != '.' || i - w > 3) return true;
        }
        return false;
    }

    private static TextSpan Trim(string text, TextSpan span)
    {
        int s = span.Start, e = span.End;
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && char.IsWhiteSpace(text[e - 1])) e--;
        return TextSpan.FromBounds(s, e);
    }

    /// <summary>Blocks in order, with the captions that point at them.</summary>
    private sealed class Pieces(string text, ArticleStructure structure)
    {
        public ArticleStructure Structure { get; } = structure;
        public int Count => Structure.Blocks.Count;
        public BlockKind LastKind => Structure.Blocks[^1].Kind;
        public TextSpan LastSpan => Structure.Blocks[^1].Span;

        public void Add(BlockKind kind, TextSpan span)
        {
            if (span.IsEmpty) return;
            Structure.Blocks.Add(new Block(kind, span));
        }

        public void AddCaption(TextSpan block, TextSpan captionText, TextSpan credit)
        {
            Structure.Captions.Add(new Caption(Structure.Blocks.Count, captionText, credit));
            Structure.Blocks.Add(new Block(BlockKind.Caption, block));
        }

        public void Complete()
        {
            // Authors named twice (byline and signature) are kept once.
            var authors = Structure.Authors;
            for (int i = authors.Count - 1; i > 0; i--)
                for (int j = 0; j < i; j++)
                    if (text.AsSpan(authors[i].Start, authors[i].Length).SequenceEqual(text.AsSpan(authors[j].Start, authors[j].Length)))
                    {
                        authors.RemoveAt(i);
                        break;
                    }
        }
    }
}
