using Hearsay.Document;

namespace Hearsay.Eval;

/// <summary>A possibly discontinuous span: character fragments, sorted, with fragments separated only by
/// whitespace merged (so "803 833;834 898" and "803 898" are the same span).</summary>
public sealed class FragmentSpan : IEquatable<FragmentSpan>
{
    public FragmentSpan(IEnumerable<TextSpan> fragments, string? text = null)
    {
        var list = fragments.Where(f => f.Length > 0).OrderBy(f => f.Start).ThenBy(f => f.End).ToList();
        var merged = new List<TextSpan>();
        foreach (var f in list)
        {
            if (merged.Count > 0)
            {
                var last = merged[^1];
                if (f.Start <= last.End || (text is not null && IsBlank(text, last.End, f.Start)))
                {
                    merged[^1] = TextSpan.FromBounds(last.Start, Math.Max(last.End, f.End));
                    continue;
                }
            }
            merged.Add(f);
        }
        Parts = merged.ToArray();
        Key = string.Join(";", Parts.Select(p => $"{p.Start}-{p.End}"));
    }

    public TextSpan[] Parts { get; }
    public string Key { get; }
    public bool IsEmpty => Parts.Length == 0;
    public int Start => Parts[0].Start;
    public int End => Parts[^1].End;

    private static bool IsBlank(string text, int from, int to)
    {
        if (to < from || to > text.Length) return false;
        for (int i = from; i < to; i++) if (!char.IsWhiteSpace(text[i])) return false;
        return true;
    }

    public bool Overlaps(FragmentSpan other)
    {
        foreach (var a in Parts) foreach (var b in other.Parts) if (a.Overlaps(b)) return true;
        return false;
    }

    public bool Equals(FragmentSpan? other) => other is not null && other.Key == Key;
    public override bool Equals(object? obj) => Equals(obj as FragmentSpan);
    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);
    public override string ToString() => Key;
}

/// <summary>Span-level matching counts: how many system spans matched a gold span (precision) and how many
/// gold spans were matched by a system span (recall).</summary>
public struct SpanCounts
{
    public long SysMatched, SysTotal, GoldMatched, GoldTotal;

    public readonly double Precision => SysTotal == 0 ? 0 : (double)SysMatched / SysTotal;
    public readonly double Recall => GoldTotal == 0 ? 0 : (double)GoldMatched / GoldTotal;
    public readonly double F1 => Prf.Harmonic(Precision, Recall);

    public void Add(SpanCounts o) { SysMatched += o.SysMatched; SysTotal += o.SysTotal; GoldMatched += o.GoldMatched; GoldTotal += o.GoldTotal; }

    /// <summary>Exact match of distinct spans: a system span counts when the same span is in the gold.</summary>
    public static SpanCounts Exact(IReadOnlyCollection<FragmentSpan> gold, IReadOnlyCollection<FragmentSpan> sys)
    {
        var g = gold.ToHashSet();
        var s = sys.ToHashSet();
        long both = s.Count(g.Contains);
        return new SpanCounts { SysMatched = both, SysTotal = s.Count, GoldMatched = both, GoldTotal = g.Count };
    }

    /// <summary>Partial (overlap) match of distinct spans: a system span counts when it shares a character with a
    /// gold span, and a gold span counts when it shares one with a system span.</summary>
    public static SpanCounts Overlap(IReadOnlyCollection<FragmentSpan> gold, IReadOnlyCollection<FragmentSpan> sys)
    {
        var g = gold.Distinct().ToList();
        var s = sys.Distinct().ToList();
        return new SpanCounts
        {
            SysMatched = s.Count(x => g.Any(x.Overlaps)),
            SysTotal = s.Count,
            GoldMatched = g.Count(x => s.Any(x.Overlaps)),
            GoldTotal = g.Count,
        };
    }

    public MetricRow Row(string dataset, string task, string split, string metric, int documents) =>
        new(dataset, task, split, metric) { P = Precision, R = Recall, F1 = F1, Documents = documents };

    /// <summary>Token overlap (the "overlap metric" of the PARC line of work, as BBC's Citron evaluates PARC 3.0):
    /// the tokens covered by both the system's and the gold spans of a role, over the tokens the system covers
    /// (precision) and over the tokens the gold covers (recall). Each token counts once per role: a token two
    /// spans share is one token. <paramref name="tokens"/> are the tokens' character spans in text order; a token
    /// is covered when it shares a character with a span.</summary>
    public static Prf TokenOverlap(ReadOnlySpan<TextSpan> tokens, IEnumerable<FragmentSpan> gold, IEnumerable<FragmentSpan> sys)
    {
        var g = Covered(tokens, gold);
        var s = Covered(tokens, sys);
        long tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < g.Length; i++)
        {
            if (g[i] && s[i]) tp++;
            else if (s[i]) fp++;
            else if (g[i]) fn++;
        }
        return new Prf(tp, fp, fn);
    }

    private static bool[] Covered(ReadOnlySpan<TextSpan> tokens, IEnumerable<FragmentSpan> spans)
    {
        var covered = new bool[tokens.Length];
        foreach (var span in spans)
            foreach (var part in span.Parts)
            {
                // first token ending after the part's start (tokens are sorted and do not overlap)
                int lo = 0, hi = tokens.Length;
                while (lo < hi)
                {
                    int mid = (lo + hi) >> 1;
                    if (tokens[mid].End <= part.Start) lo = mid + 1; else hi = mid;
                }
                for (int t = lo; t < tokens.Length && tokens[t].Start < part.End; t++) covered[t] = true;
            }
        return covered;
    }
}
