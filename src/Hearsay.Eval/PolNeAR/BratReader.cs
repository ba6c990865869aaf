using Hearsay.Document;

namespace Hearsay.Eval.PolNeAR;

/// <summary>One attribution relation of a brat file: its Source, Cue and Content spans (Source may be absent).</summary>
public sealed record BratRelation(string Label, FragmentSpan? Source, FragmentSpan? Cue, FragmentSpan? Content);

/// <summary>One annotated article: text, the text-bound spans by role, and the relations.</summary>
public sealed class PolnearArticle
{
    public required string Name { get; init; }
    public required string Annotator { get; init; }
    public required string Text { get; init; }
    /// <summary>Distinct gold spans per role ("Source", "Cue", "Content").</summary>
    public required Dictionary<string, List<FragmentSpan>> Spans { get; init; }
    public required List<BratRelation> Relations { get; init; }
}

/// <summary>
/// Reads PolNeAR's brat standoff: <c>T</c> lines are text-bound spans ("T3\tContent 121 170;180 200\ttext"),
/// <c>E</c> lines tie an attribution's roles together ("E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1").
/// Discuss and Discard markers are not attributions and are ignored.
/// An article annotated by several annotators has one file each; the first annotator in file-name order
/// (the ids sort as hex strings) is used, so every article counts once.
/// </summary>
public static class BratReader
{
    public static readonly string[] Roles = { "Source", "Cue", "Content" };

    /// <summary>The articles of a compartment folder (text/ and attributions/ inside).</summary>
    public static IEnumerable<(string TextPath, string AnnPath, string Annotator)> Articles(string compartment)
    {
        var texts = Directory.GetFiles(Path.Combine(compartment, "text"), "*.txt");
        Array.Sort(texts, StringComparer.Ordinal);
        var anns = Directory.GetFiles(Path.Combine(compartment, "attributions"), "*.ann");
        Array.Sort(anns, StringComparer.Ordinal);
        foreach (var text in texts)
        {
            var name = Path.GetFileNameWithoutExtension(text);
            var first = anns.FirstOrDefault(a =>
            {
                var b = Path.GetFileNameWithoutExtension(a);
                int us = b.LastIndexOf('_');
                return us > 0 && b[..us] == name;
            });
            if (first is null) throw new EvalDataMissingException(Path.Combine(compartment, "attributions", name + "_<annotator>.ann"));
            var stem = Path.GetFileNameWithoutExtension(first);
            yield return (text, first, stem[(stem.LastIndexOf('_') + 1)..]);
        }
    }

    public static PolnearArticle Read(string textPath, string annPath, string annotator)
    {
        var text = File.ReadAllText(textPath);
        return Parse(Path.GetFileNameWithoutExtension(textPath), annotator, text, File.ReadAllLines(annPath));
    }

    public static PolnearArticle Parse(string name, string annotator, string text, IEnumerable<string> lines)
    {
        var bound = new Dictionary<string, (string Label, FragmentSpan Span)>(StringComparer.Ordinal);
        var events = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length == 0) continue;
            var cols = line.Split('\t');
            if (cols.Length < 2) continue;
            if (line[0] == 'T')
            {
                var head = cols[1];
                int sp = head.IndexOf(' ');
                if (sp < 0) continue;
                var label = head[..sp];
                var fragments = new List<TextSpan>();
                foreach (var frag in head[(sp + 1)..].Split(';'))
                {
                    var se = frag.Trim().Split(' ');
                    if (se.Length != 2 || !int.TryParse(se[0], out int s) || !int.TryParse(se[1], out int e))
                        throw new FormatException($"{name}: bad span '{frag}' in '{line}'");
                    fragments.Add(TextSpan.FromBounds(s, e));
                }
                bound[cols[0]] = (label, new FragmentSpan(fragments, text));
            }
            else if (line[0] == 'E') events.Add(cols[1]);
        }
        var spans = Roles.ToDictionary(r => r, r => bound.Values.Where(b => b.Label == r).Select(b => b.Span).Distinct().ToList());
        var relations = new List<BratRelation>();
        foreach (var ev in events)
        {
            var args = ev.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var label = args[0].Split(':')[0];
            if (!label.StartsWith("Attribution", StringComparison.Ordinal)) continue;
            FragmentSpan? Get(string role)
            {
                foreach (var a in args.Skip(1))
                {
                    var kv = a.Split(':');
                    if (kv.Length == 2 && kv[0].StartsWith(role, StringComparison.Ordinal) && bound.TryGetValue(kv[1], out var b)) return b.Span;
                }
                return null;
            }
            relations.Add(new BratRelation(label, Get("Source"), Get("Cue"), Get("Content")));
        }
        return new PolnearArticle { Name = name, Annotator = annotator, Text = text, Spans = spans, Relations = relations };
    }
}
