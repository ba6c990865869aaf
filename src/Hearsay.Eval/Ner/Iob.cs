namespace Hearsay.Eval.Ner;

/// <summary>A typed entity span over a sentence's tokens: [First, Last] inclusive.</summary>
public readonly record struct EntitySpan(int First, int Last, string Type);

/// <summary>
/// Decodes BIO/IOB2 tag sequences into entity spans the way conlleval (and seqeval's default mode) does: a span
/// starts at B-X, or at I-X that does not continue a span of type X; it ends before O, B-*, or a tag of another type.
/// </summary>
public static class Iob
{
    public static List<EntitySpan> Decode(IReadOnlyList<string> tags)
    {
        var spans = new List<EntitySpan>();
        int start = -1;
        string? type = null;
        for (int i = 0; i <= tags.Count; i++)
        {
            var tag = i < tags.Count ? tags[i] : "O";
            char prefix = tag.Length >= 2 && tag[1] == '-' ? tag[0] : 'O';
            var t = prefix == 'O' ? null : tag[2..];
            bool continues = prefix == 'I' && type is not null && t == type;
            if (type is not null && !continues)
            {
                spans.Add(new EntitySpan(start, i - 1, type));
                type = null;
            }
            if (prefix is 'B' or 'I' && !continues)
            {
                start = i;
                type = t;
            }
        }
        return spans;
    }

    /// <summary>IOB2 tags for spans (later spans do not overwrite earlier ones; overlapping spans are dropped).</summary>
    public static string[] Encode(int length, IEnumerable<EntitySpan> spans)
    {
        var tags = Enumerable.Repeat("O", length).ToArray();
        foreach (var s in spans.OrderBy(s => s.First).ThenByDescending(s => s.Last))
        {
            if (s.First < 0 || s.Last >= length) continue;
            bool free = true;
            for (int i = s.First; i <= s.Last; i++) if (tags[i] != "O") { free = false; break; }
            if (!free) continue;
            tags[s.First] = "B-" + s.Type;
            for (int i = s.First + 1; i <= s.Last; i++) tags[i] = "I-" + s.Type;
        }
        return tags;
    }
}

/// <summary>Strict span P/R/F1 (exact boundaries and type), micro over all spans and per type.</summary>
public sealed class SpanF1
{
    private readonly Dictionary<string, Prf> _byType = new(StringComparer.Ordinal);
    private Prf _all;

    public Prf All => _all;
    public Prf Of(string type) => _byType.TryGetValue(type, out var c) ? c : default;
    /// <summary>Counts over the types a predicate selects.</summary>
    public Prf Where(Func<string, bool> typeFilter)
    {
        var c = new Prf();
        foreach (var (t, v) in _byType) if (typeFilter(t)) c.Add(v);
        return c;
    }

    public void Add(IReadOnlyCollection<EntitySpan> gold, IReadOnlyCollection<EntitySpan> sys, Action<string, EntitySpan>? onError = null)
    {
        var g = gold.ToHashSet();
        var s = sys.ToHashSet();
        foreach (var x in s)
        {
            bool ok = g.Contains(x);
            Bump(x.Type, ok ? new Prf(1, 0, 0) : new Prf(0, 1, 0));
            if (!ok) onError?.Invoke("fp", x);
        }
        foreach (var x in g)
            if (!s.Contains(x)) { Bump(x.Type, new Prf(0, 0, 1)); onError?.Invoke("fn", x); }
    }

    private void Bump(string type, Prf c)
    {
        _byType[type] = Of(type) + c;
        _all.Add(c);
    }
}
