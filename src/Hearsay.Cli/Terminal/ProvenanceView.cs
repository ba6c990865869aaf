using System.Globalization;
using Hearsay.Provenance.Exports;
using Hearsay.Provenance.Graph;

namespace Hearsay.Cli.Terminal;

/// <summary>
/// Plain-text views of the provenance graph for the terminal: the ranked list of claim clusters
/// (<c>hearsay claims</c>) and one claim's timeline and relay tree (<c>hearsay trace</c>). Renders what the graph
/// derived; computes nothing.
/// </summary>
public static class ProvenanceView
{
    public static void Claims(TextWriter w, ProvenanceGraph graph, int articles, int claims, int top, int minArticles, int width)
    {
        w.WriteLine($"{N(articles)} articles, {N(claims)} claims, {N(graph.Claims.Count)} claim cluster{(graph.Claims.Count == 1 ? "" : "s")} in at least {minArticles} article{(minArticles == 1 ? "" : "s")}" +
                    (graph.Claims.Count > top ? $" (the {top} most widespread shown)" : ""));
        for (int i = 0; i < graph.Claims.Count && i < top; i++)
        {
            var r = graph.Claims[i];
            w.WriteLine();
            var first = r.First;
            w.WriteLine($"#{i + 1}  {r.Id}  {r.Appearances.Count} article{(r.Appearances.Count == 1 ? "" : "s")} · {r.Outlets} outlet{(r.Outlets == 1 ? "" : "s")} · {string.Join(", ", r.Languages)} · first {When(first.Article.Published)} {OutletOf(first)}");
            w.WriteLine("    " + Fit("\"" + r.Text + "\"", width - 4));
            w.WriteLine("    " + Fit("origin: " + Origins(r), width - 4));
            if (r.Drift.Points.Count > 0)
                w.WriteLine("    " + Fit("number: " + (r.Drift.Drifted ? r.Drift.Summary + " (drift)" : r.Drift.Summary + " (stable)"), width - 4));
        }
        if (graph.Claims.Count == 0)
            w.WriteLine($"No claim appears in {minArticles} or more articles. Use --min-articles 1 to list every claim.");
    }

    /// <summary>"Oleg Smirnov (person) — single origin · 5 repetitions · 1 unsourced".</summary>
    public static string Origins(ClusterReport r)
    {
        var counted = r.Origins.Where(o => ProvenanceBuilder.Counts(o.Origin)).ToList();
        string who = counted.Count == 0 ? "none named" : string.Join(", ", counted.Select(o => $"{o.Origin.Name} ({o.Origin.Kind})"));
        var parts = new List<string>
        {
            r.IndependentOrigins switch { 0 => "no independent origin", 1 => "single origin", var n => $"{n} independent origins" },
            $"{r.Repetitions} repetition{(r.Repetitions == 1 ? "" : "s")}",
        };
        if (r.Unsourced > 0) parts.Add($"{r.Unsourced} unsourced");
        if (r.VagueOnly > 0) parts.Add($"{r.VagueOnly} vague only");
        return who + " — " + string.Join(" · ", parts);
    }

    public static void Trace(TextWriter w, ClusterReport r, int width)
    {
        w.WriteLine($"Claim {r.Id}");
        w.WriteLine("  " + Fit("\"" + r.Text + "\"", width - 2));
        string basis = r.DateBasis switch
        {
            "publication-date" => "ordered by publication date",
            "ingest-order" => "ordered by ingest order (no publication dates)",
            "ingest-order+citations" => "ordered by ingest order (no publication dates), an article citing another's outlet after it",
            "publication-date+ingest-order+citations" => "ordered by publication date, undated articles after them by ingest order and citations",
            _ => "ordered by publication date, undated articles after them by ingest order",
        };
        w.WriteLine($"  {r.Appearances.Count} articles · {r.Outlets} outlets · {string.Join(", ", r.Languages)} · {r.Mentions} mentions · {basis}");
        w.WriteLine();
        w.WriteLine($"First appearance: {When(r.First.Article.Published)} {OutletOf(r.First)} ({r.First.Article.Language})" +
                    (r.DateBasis.StartsWith("ingest-order", StringComparison.Ordinal) ? " — first by ingest order" : " — first by publication date"));
        w.WriteLine("Origin: " + Origins(r));
        foreach (var o in r.Origins)
        {
            var media = o.Media.Count > 0 ? "; said on " + string.Join(", ", o.Media) : "";
            w.WriteLine($"  {o.Origin.Name} ({o.Origin.Kind}): {o.Appearances} appearance{(o.Appearances == 1 ? "" : "s")}, named in {o.Stated}{media}");
        }
        w.WriteLine(r.SingleOrigin ? "Single origin: yes — every sourced appearance goes back to one source." : $"Single origin: no ({r.IndependentOrigins} independent origins)");
        if (r.Drift.Points.Count > 0)
        {
            var range = r.Drift.Min == r.Drift.Max ? Num(r.Drift.Min) : $"{Num(r.Drift.Min)}–{Num(r.Drift.Max)}";
            w.WriteLine($"Number: {r.Drift.Summary}" + (r.Drift.Drifted ? $" — drifts (values {range})" : " — stable"));
        }

        w.WriteLine();
        w.WriteLine("Timeline");
        int outletWidth = Math.Min(26, r.Appearances.Max(a => OutletOf(a).Length));
        int numberWidth = Math.Min(22, r.Appearances.Max(a => a.Quantity?.AsWritten.Length ?? 1));
        foreach (var a in r.Appearances)
        {
            var head = $"  {When(a.Article.Published),-10}  {Pad(OutletOf(a), outletWidth)}  {a.Article.Language,-3} {Pad(a.Quantity?.AsWritten ?? "-", numberWidth)}  ";
            var how = a.OriginBasis switch
            {
                "stated" => "source: " + a.Origin!.Name + (a.Hops.Count > 0 ? " via " + string.Join(" → ", a.Hops.Select(h => h.Name)) : ""),
                "via-relay" => "source: " + a.Origin!.Name + " (through " + (a.Parent is { } p ? OutletOf(p) : string.Join(" → ", a.Hops.Select(h => h.Name))) + ")",
                "in-article" => "source: " + a.Origin!.Name + " (named elsewhere in the article" + (a.StatedOrigin is { } s ? "; stated: " + s.Name : "") + ")",
                _ => "no source named",
            };
            w.WriteLine(Fit(head + how, width));
            w.WriteLine(Fit(new string(' ', 14) + "\"" + a.Principal.Text + "\"", width));
        }

        w.WriteLine();
        w.WriteLine("Relay tree");
        var roots = r.Appearances.Where(a => a.Parent is null).GroupBy(a => a.Origin?.Key ?? "").ToList();
        foreach (var g in roots)
        {
            var origin = g.First().Origin;
            w.WriteLine("  " + (origin is null ? "(no source named)" : $"{origin.Name} ({origin.Kind})"));
            var list = g.ToList();
            for (int i = 0; i < list.Count; i++) Branch(w, r, list[i], "  ", i == list.Count - 1, width);
        }

        if (r.Relays.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("Relays in order");
            foreach (var s in r.Relays)
                w.WriteLine(Fit($"  {s.Order,2}. {s.Name} ({s.Role}{(s.StateMedia ? ", state media" : "")}) — first {When(s.FirstSeen)}", width));
        }
    }

    private static void Branch(TextWriter w, ClusterReport r, Appearance a, string indent, bool last, int width)
    {
        var via = a.Hops.Where(h => a.Parent is null || h.Key != a.Parent.Outlet.Key).Select(h => h.Name).ToList();
        var label = $"{OutletOf(a)} ({When(a.Article.Published)}, {a.Article.Language})" +
                    (a.Quantity is { } q ? $" “{q.AsWritten}”" : "") +
                    (via.Count > 0 ? " via " + string.Join(" → ", via) : "");
        w.WriteLine(Fit(indent + (last ? "└─ " : "├─ ") + label, width));
        var children = r.Appearances.Where(c => c.Parent == a).ToList();
        for (int i = 0; i < children.Count; i++)
            Branch(w, r, children[i], indent + (last ? "   " : "│  "), i == children.Count - 1, width);
    }

    private static string OutletOf(Appearance a) =>
        a.Outlet.Name.Length > 0 ? a.Outlet.Name : a.Article.Path is { } p ? Path.GetFileName(p) : a.Article.Id;

    private static string When(DateTimeOffset? d) => d is { } x ? GraphExporters.IsoDate(x) : "undated";

    private static string Num(double? v) => v is { } x ? x.ToString("#,0.##", CultureInfo.InvariantCulture) : "";

    private static string N(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Pad(string s, int width) => s.Length > width ? s[..(width - 1)] + "…" : s.PadRight(width);

    private static string Fit(string s, int width)
    {
        s = s.ReplaceLineEndings(" ");
        return width > 10 && s.Length > width ? s[..(width - 1)] + "…" : s;
    }
}
