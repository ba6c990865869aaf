using System.Globalization;
using Hearsay.Provenance.Matching;
using Hearsay.Provenance.Model;

namespace Hearsay.Provenance.Graph;

/// <summary>Settings of <see cref="ProvenanceBuilder"/>.</summary>
public sealed record GraphOptions
{
    /// <summary>Claim clusters that appear in fewer articles are left out (1 keeps every claim).</summary>
    public int MinArticles { get; init; } = 2;
}

/// <summary>
/// Builds the provenance graph from linked claims and derives, per claim cluster:
/// <list type="bullet">
/// <item><b>Order of appearance</b>: by publication date when every article has one, by ingest order when none
///   has, else the dated ones by date and the undated after them by ingest order; the report says which.</item>
/// <item><b>Origin</b> per appearance: the source the article names (most often among its mentions of the claim; a
///   person before an organization, a document, an anonymous source, a medium, a country); a vague source
///   ("reports") gives way to the named speaker who cited it. An origin that is only a medium or outlet which
///   carries the claim elsewhere with a named source, or no origin at all in an article that cites an outlet
///   carrying the claim earlier, is followed to that source ("via-relay").</item>
/// <item><b>Relay tree</b>: each appearance hangs under the latest earlier appearance of an outlet it names as a
///   relay (or names at all), else under its origin.</item>
/// <item><b>Independent origins</b> (distinct named or anonymous sources), <b>repetitions</b> (the other
///   appearances), unsourced and vague-only appearances, and the <b>single-origin</b> flag.</item>
/// <item><b>Relays in order</b> and <b>number drift</b>: per appearance the quantity closest to the first
///   appearance's, the distinct values and bounds in order, their range.</item>
/// </list>
/// </summary>
public static class ProvenanceBuilder
{
    public static ProvenanceGraph Build(ClaimLinker linker, GraphOptions? options = null)
    {
        options ??= new GraphOptions();
        var graph = new ProvenanceGraph();
        var ctx = new Context(linker, graph);
        foreach (var cluster in linker.Clusters())
        {
            var report = ctx.Report(cluster, options.MinArticles);
            if (report is null) continue;
            graph.Claims.Add(report);
            ctx.AddToGraph(report);
        }
        graph.Claims.Sort((x, y) =>
        {
            int c = y.Spread.Articles.CompareTo(x.Spread.Articles);
            if (c == 0) c = y.Spread.Outlets.CompareTo(x.Spread.Outlets);
            if (c == 0) c = y.Spread.Languages.CompareTo(x.Spread.Languages);
            if (c == 0) c = Nullable.Compare(x.First.Article.Published, y.First.Article.Published);
            if (c == 0) c = x.First.Article.Sequence.CompareTo(y.First.Article.Sequence);
            return c != 0 ? c : string.CompareOrdinal(x.Id, y.Id);
        });
        ctx.FinishNodes();
        return graph;
    }

    /// <summary>Priority of a source kind when an article names several origins for one claim (lower first).</summary>
    private static int Priority(string kind) => kind switch
    {
        "person" => 0,
        "organization" => 1,
        "document" => 2,
        "anonymous" => 3,
        "media" => 4,
        "country" => 5,
        "place" => 6,
        "unidentified" => 8,
        "vague" => 9,
        _ => 7,
    };

    /// <summary>Kinds that count as an origin of their own; vague and unidentified ones do not.</summary>
    internal static bool Counts(OriginRef o) => o.Kind is not ("vague" or "unidentified");

    /// <summary>A quantity's normalized form: "50,000", "up to 50,000", "at least ~10,000", "3–5".</summary>
    public static string Render(QuantityFact q)
    {
        // A fraction in words ("ein Viertel", "a third") as the percentage it is compared as.
        bool fraction = q.Kind == "count" && string.IsNullOrEmpty(q.Unit) && q.Value is > 0 and < 1 && q.UpperValue is null;
        string n = fraction ? Number(Math.Round(q.Value * 100, 1)) + " %" : Number(q.Value);
        if (q.UpperValue is { } u) n += "–" + Number(u);
        if (!fraction && q.Unit is { Length: > 0 } unit) n += " " + unit;
        string approx = q.Approximate ? "~" : "";
        return q.Bound switch
        {
        "upper" => "up to " + approx + n,
        "lower" => "at least " + approx + n,
        _ => approx + n,
        };
    }

    private static string Number(double v) =>
        v == Math.Floor(v) && Math.Abs(v) < 1e15 ? v.ToString("#,0", CultureInfo.InvariantCulture) : v.ToString("#,0.##", CultureInfo.InvariantCulture);

    private sealed class Context(ClaimLinker linker, ProvenanceGraph graph)
    {
        private readonly Dictionary<string, Node> _nodes = new(StringComparer.Ordinal);
        private readonly Dictionary<(string, string, EdgeKind, string?), Edge> _edges = new();
        private readonly HashSet<string> _publishing = new(StringComparer.Ordinal);
        private readonly Dictionary<int, ArticleFacts> _facts = new();

        /// <param name="Named">Keys of the persons and organizations the article names, as sources or at all.</param>
        private sealed record ArticleFacts((string Key, string Name, bool State) Outlet, Dictionary<string, string> EntityTypes,
            List<(string Key, string Name)> NamedMedia, HashSet<string> Named);

        private ArticleFacts Facts(int articleIndex)
        {
            if (_facts.TryGetValue(articleIndex, out var f)) return f;
            var a = linker.Articles[articleIndex];
            var outlet = OutletDirectory.Default.Resolve(a.Info.Outlet, a.Info.Url);
            var types = new Dictionary<string, string>(StringComparer.Ordinal);
            var media = new List<(string, string)>();
            var named = new HashSet<string>(StringComparer.Ordinal);
            foreach (var e in a.Entities)
            {
                types.TryAdd(e.Key, e.Type);
                if (e.Type == "media" && e.Key != outlet.Key && !media.Any(m => m.Item1 == e.Key)) media.Add((e.Key, e.Canonical));
                if (e.Type is "person" or "organization") named.Add(e.Key);
            }
            foreach (var c in a.Claims)
                foreach (var h in c.Chain)
                    if (h.Identified && h.Role is "origin" or "speaker") named.Add(h.Key);
            return _facts[articleIndex] = new ArticleFacts(outlet, types, media, named);
        }

        private List<(string Key, string Name)>? _outlets;

        /// <summary>The key of the corpus outlet a cited medium or relay stands for: its own key when an article of the
        /// corpus is published under it, else the one outlet whose name it is, or begins, at a word boundary ("The
        /// Local" for "The Local Spain"), leaving out a leading article; else its own key.</summary>
        private string OutletKey(ChainHop h)
        {
            _outlets ??= Enumerable.Range(0, linker.Articles.Count).Select(i => Facts(i).Outlet)
                .Where(o => o.Key.Length > 0).Select(o => (o.Key, Bare(o.Name))).Distinct().ToList();
            if (_outlets.Any(o => o.Key == h.Key)) return h.Key;
            var name = Bare(h.Name);
            if (name.Length < 3) return h.Key;
            string? hit = null;
            foreach (var (key, outlet) in _outlets)
            {
                if (!(outlet == name || outlet.StartsWith(name + " ", StringComparison.Ordinal) || name.StartsWith(outlet + " ", StringComparison.Ordinal))) continue;
                if (hit is not null && hit != key) return h.Key; // two outlets fit: none is meant for sure
                hit = key;
            }
            return hit ?? h.Key;
        }

        private static string Bare(string name)
        {
            var folded = Keys.Fold(name);
            foreach (var article in new[] { "the ", "der ", "die ", "das " })
                if (folded.StartsWith(article, StringComparison.Ordinal)) return folded[article.Length..];
            return folded;
        }

        // ---- per cluster --------------------------------------------------------------------------------

        public ClusterReport? Report(ClaimCluster cluster, int minArticles)
        {
            var groups = new List<(int Article, List<ClaimMention> Mentions)>();
            var byArticle = new Dictionary<int, int>();
            foreach (var m in cluster.Members)
            {
                var c = linker.Claims[m];
                if (!byArticle.TryGetValue(c.ArticleIndex, out int gi))
                {
                    byArticle[c.ArticleIndex] = groups.Count;
                    groups.Add((c.ArticleIndex, new List<ClaimMention> { c.Mention }));
                }
                else groups[gi].Mentions.Add(c.Mention);
            }
            if (groups.Count < Math.Max(1, minArticles)) return null;

            var appearances = new List<Appearance>();
            foreach (var (ai, mentions) in groups) appearances.Add(Appear(ai, mentions));

            // Order of appearance and what it rests on.
            int dated = appearances.Count(a => a.Article.Published is not null);
            string basis = dated == appearances.Count ? "publication-date" : dated == 0 ? "ingest-order" : "publication-date+ingest-order";
            var dates = appearances.Where(a => a.Article.Published is not null)
                .OrderBy(a => a.Article.Published).ThenBy(a => a.Article.Sequence).ToList();
            var undated = CitationOrder(appearances.Where(a => a.Article.Published is null).OrderBy(a => a.Article.Sequence).ToList(), out bool moved);
            if (moved) basis += "+citations";
            appearances = dates.Concat(undated).ToList();
            for (int i = 0; i < appearances.Count; i++) appearances[i].Order = i;

            Parents(appearances);
            ResolveOrigins(appearances);
            NamedInArticle(appearances);
            MediaFollowParents(appearances);
            // An appearance's origin is not a hop on its own route ("unter Berufung auf Gouverneur …" read as a relay).
            foreach (var a in appearances)
                if (a.Origin is { } o) a.Hops.RemoveAll(h => h.Key == o.Key);

            var report = new ClusterReport
            {
                Id = cluster.Id,
                Text = appearances[0].Principal.Text,
                Appearances = appearances,
                Languages = appearances.Select(a => a.Article.Language).Distinct(StringComparer.Ordinal).OrderBy(l => l, StringComparer.Ordinal).ToList(),
                Mentions = cluster.Members.Count,
                Outlets = appearances.Select(a => a.Outlet.Key.Length > 0 ? a.Outlet.Key : "article:" + a.Article.Id).Distinct(StringComparer.Ordinal).Count(),
                DateBasis = basis,
            };
            CountOrigins(report);
            RelaysInOrder(report);
            Drift(report);
            return report;
        }

        private Appearance Appear(int ai, List<ClaimMention> mentions)
        {
            var article = linker.Articles[ai];
            var facts = Facts(ai);
            var traced = mentions.Select(m => (Mention: m, Origin: Trace(m, facts, OutletKey))).ToList();
            bool InTitle(ClaimMention m) => article.Info.Title is { Length: > 0 } title && title.Contains(m.Text, StringComparison.Ordinal);
            var best = traced.Where(t => t.Origin is not null)
                .GroupBy(t => t.Origin!.Key)
                .Select(g => (Origin: g.First().Origin!, Count: g.Count(), First: traced.IndexOf(g.First()), Headline: g.All(t => InTitle(t.Mention))))
                .OrderBy(g => Priority(g.Origin.Kind) >= 8 ? 1 : 0) // a vague or unidentified source only when nothing better
                .ThenBy(g => g.Headline ? 1 : 0)                    // a source the body names before one only the headline does
                .ThenByDescending(g => g.Count).ThenBy(g => Priority(g.Origin.Kind)).ThenBy(g => g.First)
                .FirstOrDefault();
            var stated = best.Origin;
            // The mention standing for the article: of those naming its origin (or of all), one stating a number,
            // attributed rather than a headline, the longest.
            var pool = stated is not null ? traced.Where(t => t.Origin?.Key == stated.Key).Select(t => t.Mention).ToList() : mentions;
            var principal = pool
                .OrderByDescending(m => m.Quantities.Any(q => q.Drifts))
                .ThenByDescending(m => m.Form != "unattributed")
                .ThenByDescending(m => m.Text.Length)
                .First();
            var app = new Appearance
            {
                Article = article.Info,
                ArticleIndex = ai,
                Outlet = (facts.Outlet.Key, string.IsNullOrWhiteSpace(article.Info.Outlet) ? facts.Outlet.Name : article.Info.Outlet.Trim()),
                Mentions = mentions,
                Principal = principal,
                StatedOrigin = stated,
                OriginFromHeadline = stated is not null && best.Headline,
            };
            // The hops between origin and article: media and relays of the principal mention.
            foreach (var hop in principal.Chain)
            {
                if (hop.Role is not ("medium" or "relay")) continue;
                var h = hop with { Key = OutletKey(hop) };
                if (h.Role == "relay" && !h.Identified && !h.Name.Any(char.IsUpper)) continue; // "as first reported": no name
                if (h.Key == facts.Outlet.Key) continue;
                if (app.Hops.Count > 0 && app.Hops[^1].Key == h.Key) continue;
                app.Hops.Add(h);
            }
            // The outlets the article cites, for this claim or any other: known media, and relays that name an
            // outlet of the corpus ("as first reported by The Local").
            foreach (var m in article.Claims)
                foreach (var h in m.Chain)
                {
                    if (h.Role is "relay" or "medium" && OutletKey(h) is var key && (h.Identified || key != h.Key) && key != facts.Outlet.Key) app.Cites.Add(key);
                    // A source that is an outlet of the corpus ("according to CoinDesk") is cited as well.
                    else if (h.Role is "origin" or "speaker" && OutletKey(h) is var outlet && outlet != h.Key && outlet != facts.Outlet.Key) app.Cites.Add(outlet);
                }
            foreach (var (key, _) in facts.NamedMedia) app.Cites.Add(key);
            return app;
        }

        /// <summary>The origin a mention names: the first identified source of its chain (origin, speaker who cited it,
        /// document that carries it), else an anonymous source or document phrase, else what is there. A source that
        /// is a news outlet ("according to Reuters", "The Guardian reported") is a medium, not an origin of its own.</summary>
        private static OriginRef? Trace(ClaimMention m, ArticleFacts facts, Func<ChainHop, string> outletKey)
        {
            var hops = m.Chain.Where(h => h.Role is "origin" or "speaker" or "document").ToList();
            if (hops.Count == 0) return null;
            OriginRef Ref(ChainHop h, string kind) => new(h.Key, h.Name, kind);
            foreach (var h in hops)
                if (h.Identified && h.Kind is not ("vague" or "anonymous"))
                {
                    // A news outlet named as the source is a medium, whatever kind the analysis gave it ("according to
                    // Der Spiegel" read as a person).
                    if (AsMedium(h, outletKey) is { } medium) return medium;
                    return Ref(h, facts.EntityTypes.TryGetValue(h.Key, out var t) && t is "country" or "place" ? t : h.Kind);
                }
            foreach (var h in hops)
                if (h.Kind is "anonymous" or "document") return Ref(h, h.Kind);
            var first = hops[0];
            // An unrecognized source phrase that names an outlet of the corpus ("the Stuttgarter Zeitung newspaper")
            // is that medium.
            if (first.Kind is not "vague" && outletKey(first) is var outlet && outlet != first.Key) return new OriginRef(outlet, first.Name, "media");
            return Ref(first, first.Kind == "vague" ? "vague" : "unidentified");
        }

        /// <summary>The hop as a medium when it names a news outlet: one the media gazetteer knows, or an outlet of the
        /// corpus. A person's name is taken for an outlet only when it is an outlet's name of two words or more.</summary>
        private static OriginRef? AsMedium(ChainHop h, Func<ChainHop, string> outletKey)
        {
            // A single word read as a person's name ("Stern", "Zeit") is a surname as often as an outlet.
            if (h.Kind == "person" && !h.Name.Trim().Contains(' ')) return null;
            var known = OutletDirectory.Default.Resolve(h.Name).Key;
            if (known.StartsWith("g:", StringComparison.Ordinal)) return new OriginRef(known, h.Name, "media");
            if (h.Kind is "organization" or "unknown" && outletKey(h) is var corpus && corpus != h.Key) return new OriginRef(corpus, h.Name, "media");
            return null;
        }

        /// <summary>Undated appearances in ingest order, except that an article citing another's outlet comes after
        /// it (a stable topological order; citation cycles fall back to ingest order). Says whether anything moved.</summary>
        private static List<Appearance> CitationOrder(List<Appearance> apps, out bool moved)
        {
            moved = false;
            if (apps.Count < 2) return apps;
            var byOutlet = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (int i = 0; i < apps.Count; i++)
                if (apps[i].Outlet.Key.Length > 0)
                {
                    if (!byOutlet.TryGetValue(apps[i].Outlet.Key, out var l)) byOutlet[apps[i].Outlet.Key] = l = new List<int>();
                    l.Add(i);
                }
            var before = new List<int>[apps.Count]; // before[i]: appearances that must precede i
            var indegree = new int[apps.Count];
            var after = new List<int>[apps.Count];
            for (int i = 0; i < apps.Count; i++) { before[i] = new(); after[i] = new(); }
            for (int i = 0; i < apps.Count; i++)
                foreach (var key in apps[i].Hops.Select(h => h.Key).Concat(apps[i].Cites).Distinct(StringComparer.Ordinal))
                    if (key != apps[i].Outlet.Key && byOutlet.TryGetValue(key, out var cited))
                        foreach (var j in cited)
                            if (!before[i].Contains(j)) { before[i].Add(j); after[j].Add(i); indegree[i]++; }
            var order = new List<Appearance>(apps.Count);
            var ready = new SortedSet<int>(Enumerable.Range(0, apps.Count).Where(i => indegree[i] == 0));
            var done = new bool[apps.Count];
            while (order.Count < apps.Count)
            {
                // A cycle leaves nothing ready: take the first remaining in ingest order.
                int next = ready.Count > 0 ? ready.Min : Enumerable.Range(0, apps.Count).First(i => !done[i]);
                ready.Remove(next);
                done[next] = true;
                order.Add(apps[next]);
                foreach (var k in after[next])
                    if (!done[k] && --indegree[k] == 0) ready.Add(k);
            }
            moved = !order.SequenceEqual(apps);
            return order;
        }

        /// <summary>Each appearance's parent: the latest earlier appearance of an outlet it names as a relay for the
        /// claim, else of an outlet it names at all.</summary>
        private static void Parents(List<Appearance> apps)
        {
            for (int i = 1; i < apps.Count; i++)
            {
                var a = apps[i];
                var relayKeys = a.Hops.Select(h => h.Key).ToHashSet(StringComparer.Ordinal);
                Appearance? parent = null;
                foreach (var pass in new[] { relayKeys, a.Cites })
                {
                    for (int j = i - 1; j >= 0 && parent is null; j--)
                        if (apps[j].Outlet.Key.Length > 0 && apps[j].Outlet.Key != a.Outlet.Key && pass.Contains(apps[j].Outlet.Key)) parent = apps[j];
                    if (parent is not null) break;
                }
                a.Parent = parent;
            }
        }

        private static void ResolveOrigins(List<Appearance> apps)
        {
            // Media and relays that carry a named source's statement somewhere in the cluster.
            var carried = new Dictionary<string, OriginRef>(StringComparer.Ordinal);
            foreach (var a in apps)
            {
                if (a.StatedOrigin is not { } o || !Counts(o) || o.Kind is "media" or "country" or "place") continue;
                foreach (var h in a.Hops) carried.TryAdd(h.Key, o);
                if (a.Outlet.Key.Length > 0) carried.TryAdd(a.Outlet.Key, o);
            }
            foreach (var a in apps)
            {
                var s = a.StatedOrigin;
                if (s is not null && Counts(s))
                {
                    if (s.Kind is "media" or "country" or "place" && carried.TryGetValue(s.Key, out var upstream) && upstream.Key != s.Key)
                    {
                        a.Origin = upstream;
                        a.OriginBasis = "via-relay";
                    }
                    else
                    {
                        a.Origin = s;
                        a.OriginBasis = "stated";
                    }
                }
                else if (a.Parent?.Origin is { } inherited && Counts(inherited))
                {
                    a.Origin = inherited;
                    a.OriginBasis = "via-relay";
                }
                else if (s is not null)
                {
                    a.Origin = s;
                    a.OriginBasis = "stated";
                }
            }
        }

        /// <summary>An appearance whose origin is only a medium or outlet ("as reported by The Guardian") rests on the
        /// origin of the appearance it hangs under, when that one has a source of its own ("via-relay").</summary>
        private static void MediaFollowParents(List<Appearance> apps)
        {
            foreach (var a in apps)
                if (a.Origin is { Kind: "media" } && a.Parent?.Origin is { } up && Counts(up) && up.Kind is not "media")
                {
                    a.Origin = up;
                    a.OriginBasis = "via-relay";
                }
        }

        /// <summary>An appearance that names no identified source for the claim ("ein russischer Militärexperte",
        /// "Russian state media", nothing) in an article that names one of the claim's identified origins elsewhere
        /// (as the source of another statement, or at all) is taken to rest on that origin ("in-article"); so is one whose
        /// stated source is the article's own outlet.</summary>
        private void NamedInArticle(List<Appearance> apps)
        {
            var known = apps.Where(a => a.Origin is { } o && Counts(o) && o.Kind is "person" or "organization" && !a.OriginFromHeadline)
                .Select(a => a.Origin!).GroupBy(o => o.Key).Select(g => g.First()).ToList();
            if (known.Count == 0) return;
            foreach (var a in apps)
            {
                // A source only the headline names ("Zentra: …") gives way too when it is no origin elsewhere.
                // So does the article's own outlet read as the source ("…, Elena Castro told Reuters" in Reuters): the
                // outlet is where the claim was said, not who said it.
                if (a.Origin is { } o && Counts(o) && !(a.OriginFromHeadline && !known.Any(k => k.Key == o.Key))
                    && !(o.Kind == "media" && o.Key == a.Outlet.Key)) continue;
                var named = Facts(a.ArticleIndex).Named;
                var hit = known.FirstOrDefault(k => named.Contains(k.Key));
                if (hit is null) continue;
                a.Origin = hit;
                a.OriginBasis = "in-article";
            }
        }

        private static void CountOrigins(ClusterReport r)
        {
            foreach (var g in r.Appearances.Where(a => a.Origin is not null).GroupBy(a => a.Origin!.Key))
            {
                var origin = g.First().Origin!;
                var media = g.SelectMany(a => a.Hops.Where(h => h.Role == "medium").Select(h => h.Name)).Distinct(StringComparer.Ordinal).ToList();
                r.Origins.Add(new OriginReport(origin, g.Count(), g.Count(a => a.OriginBasis == "stated"), media));
            }
            r.Origins.Sort((x, y) =>
            {
                int c = Counts(y.Origin).CompareTo(Counts(x.Origin));
                return c != 0 ? c : y.Appearances.CompareTo(x.Appearances);
            });
            r.IndependentOrigins = r.Origins.Count(o => Counts(o.Origin));
            r.Unsourced = r.Appearances.Count(a => a.Origin is null);
            r.VagueOnly = r.Appearances.Count(a => a.Origin is { } o && !Counts(o));
            r.Repetitions = r.Appearances.Count - r.IndependentOrigins;
        }

        /// <summary>The media the origin spoke in first (they precede every outlet, whichever article names them),
        /// then the relays and outlets in the order they first carried the claim.</summary>
        private static void RelaysInOrder(ClusterReport r)
        {
            // An origin the analysis also read as a relay ("unter Berufung auf den Betriebsratschef") relays nothing.
            var seen = r.Origins.Where(o => Counts(o.Origin) && o.Origin.Kind is not "media").Select(o => o.Origin.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var a in r.Appearances)
                foreach (var h in a.Hops)
                    if (h.Role == "medium" && seen.Add(h.Key))
                        r.Relays.Add(new RelayStep(r.Relays.Count + 1, h.Key, h.Name, h.Role, a.Article.Published, a.Article.Id, h.StateMedia));
            // Nor does a relay phrase that is an origin described ("Medizinchefin des Unternehmens, Helen Marsh").
            var originNames = r.Origins.Where(o => Counts(o.Origin) && o.Origin.Kind is "person" or "organization")
                .Select(o => Keys.Fold(o.Origin.Name)).Where(n => n.Length >= 3).ToList();
            bool NamesOrigin(ChainHop h) => !h.Identified && Keys.Fold(h.Name) is var f && originNames.Any(n => f.EndsWith(" " + n, StringComparison.Ordinal));
            foreach (var a in r.Appearances)
            {
                foreach (var h in a.Hops)
                    if (!NamesOrigin(h) && seen.Add(h.Key))
                        r.Relays.Add(new RelayStep(r.Relays.Count + 1, h.Key, h.Name, h.Role, a.Article.Published, a.Article.Id, h.StateMedia));
                if (a.Outlet.Key.Length > 0 && seen.Add(a.Outlet.Key))
                    r.Relays.Add(new RelayStep(r.Relays.Count + 1, a.Outlet.Key, a.Outlet.Name, "outlet", a.Article.Published, a.Article.Id,
                        OutletDirectory.Default.Resolve(a.Article.Outlet, a.Article.Url).StateMedia));
            }
        }

        private static void Drift(ClusterReport r)
        {
            // The reference: the first appearance's first quantity that can drift (its principal mention's first).
            QuantityFact? reference = null;
            foreach (var a in r.Appearances)
            {
                reference = Quantities(a).FirstOrDefault();
                if (reference is not null) break;
            }
            if (reference is null) return;
            // Values compared and ranged in the reference's unit: "120 km2" is "12,000 ha", "30,000 acres" about 12,100.
            double refComparable = ClaimNormalizer.Comparable(reference);
            double Scale(QuantityFact q) => q.Value != 0 && refComparable != 0 && reference.Value != 0
                ? ClaimNormalizer.Comparable(q) / q.Value * (reference.Value / refComparable) : 1;
            double Value(QuantityFact q) => q.Value * Scale(q);
            foreach (var a in r.Appearances)
            {
                a.Quantity = Quantities(a).OrderBy(q => Distance(Value(q), reference.Value)).FirstOrDefault();
                if (a.Quantity is { } q && Distance(Value(q), reference.Value) <= 2.5)
                    r.Drift.Points.Add(new DriftPoint(a.Article.Id, a.Article.Published, a.Article.Language, a.Outlet.Name, q));
                else a.Quantity = null;
            }
            var states = new List<string>();
            foreach (var p in r.Drift.Points)
            {
                var s = Render(p.Quantity);
                if (!states.Contains(s)) states.Add(s);
            }
            var values = r.Drift.Points.SelectMany(p => p.Quantity.UpperValue is { } u
                ? new[] { Value(p.Quantity), u * Scale(p.Quantity) } : new[] { Value(p.Quantity) }).ToList();
            r.Drift.Min = values.Count > 0 ? values.Min() : null;
            r.Drift.Max = values.Count > 0 ? values.Max() : null;
            r.Drift.Drifted = states.Count > 1;
            r.Drift.Summary = string.Join(" → ", states);
        }

        private static IEnumerable<QuantityFact> Quantities(Appearance a) =>
            new[] { a.Principal }.Concat(a.Mentions.Where(m => m != a.Principal)).SelectMany(m => m.Quantities).Where(q => q.Drifts && double.IsFinite(q.Value));

        private static double Distance(double x, double y) =>
            x <= 0 || y <= 0 ? (x == y ? 0 : 99) : Math.Abs(Math.Log10(x / y));

        // ---- graph ----------------------------------------------------------------------------------------

        public void AddToGraph(ClusterReport r)
        {
            var claimNode = NodeFor("claim/" + r.Id, NodeKind.Claim, r.Text);
            claimNode.ClaimId = r.Id;
            claimNode.Language = string.Join(",", r.Languages);
            claimNode.Published = r.First.Article.Published;
            foreach (var a in r.Appearances)
            {
                var articleId = "article/" + a.Article.Id;
                if (!_nodes.ContainsKey(articleId))
                {
                    var an = NodeFor(articleId, NodeKind.Article, a.Article.Title ?? (a.Article.Path is { } p ? Path.GetFileName(p) : a.Article.Id));
                    an.Language = a.Article.Language;
                    an.Url = a.Article.Url;
                    an.Published = a.Article.Published;
                    an.Outlet = a.Outlet.Name.Length > 0 ? a.Outlet.Name : null;
                    graph.Articles.Add(a.Article);
                    if (a.Outlet.Key.Length > 0)
                    {
                        _publishing.Add(a.Outlet.Key);
                        var on = OutletNode(a.Outlet.Key, a.Outlet.Name, OutletDirectory.Default.Resolve(a.Article.Outlet, a.Article.Url).StateMedia);
                        EdgeFor(articleId, on.Id, EdgeKind.PublishedBy, null, null, a.Article.Published, false);
                    }
                    var facts = Facts(a.ArticleIndex);
                    foreach (var key in a.Cites)
                    {
                        var name = a.Mentions.SelectMany(m => m.Chain).FirstOrDefault(h => h.Key == key)?.Name
                                   ?? facts.NamedMedia.FirstOrDefault(m => m.Key == key).Name ?? key;
                        var cn = OutletNode(key, name, false);
                        EdgeFor(articleId, cn.Id, EdgeKind.Cites, null, null, a.Article.Published, false);
                    }
                }
                else
                {
                    // An article in several clusters: later clusters may name more relays for it.
                    foreach (var key in a.Cites)
                        if (_nodes.ContainsKey("outlet/" + key))
                            EdgeFor(articleId, "outlet/" + key, EdgeKind.Cites, null, null, a.Article.Published, false);
                }
                var appeared = EdgeFor(claimNode.Id, articleId, EdgeKind.AppearedIn, r.Id, null, a.Article.Published, false);
                appeared.Count = a.Mentions.Count;

                // Who said it, and the hops it took to this article as the article tells it: origin → media and
                // relays → outlet; then the relay tree's edge from the appearance it hangs under, when the article's
                // own chain does not pass through that outlet.
                var path = new List<string>();
                if (a.Origin is { } o)
                {
                    var sn = SourceNode(o);
                    EdgeFor(sn.Id, claimNode.Id, EdgeKind.Said, r.Id, null, a.Article.Published, false);
                    if (a.OriginBasis == "stated") path.Add(sn.Id);
                }
                var roles = new List<(string Role, bool Inferred)> { ("origin", false) };
                foreach (var h in a.Hops)
                {
                    var hn = OutletNode(h.Key, h.Name, h.StateMedia);
                    path.Add(hn.Id);
                    roles.Add((h.Role, h.Inferred));
                }
                var own = a.Outlet.Key.Length > 0 ? "outlet/" + a.Outlet.Key : null;
                if (own is not null) { path.Add(own); roles.Add(("outlet", false)); }
                if (roles.Count > path.Count) roles.RemoveAt(0);
                for (int i = 1; i < path.Count; i++)
                    if (path[i] != path[i - 1])
                        EdgeFor(path[i - 1], path[i], EdgeKind.RelayedBy, r.Id, roles[i].Role, a.Article.Published, roles[i].Inferred);
                if (a.Parent is { } parent && parent.Outlet.Key.Length > 0 && own is not null && !path.Contains("outlet/" + parent.Outlet.Key))
                    EdgeFor("outlet/" + parent.Outlet.Key, own, EdgeKind.RelayedBy, r.Id, "outlet", a.Article.Published, false);
            }
        }

        public void FinishNodes()
        {
            foreach (var n in graph.Nodes)
                if (n.Kind is NodeKind.Media or NodeKind.Outlet)
                    n.Kind = _publishing.Contains(n.Id["outlet/".Length..]) ? NodeKind.Outlet : NodeKind.Media;
        }

        private Node NodeFor(string id, NodeKind kind, string label)
        {
            if (_nodes.TryGetValue(id, out var n)) return n;
            n = new Node { Id = id, Kind = kind, Label = label };
            _nodes[id] = n;
            graph.Nodes.Add(n);
            return n;
        }

        private Node OutletNode(string key, string name, bool state)
        {
            var n = NodeFor("outlet/" + key, NodeKind.Media, name);
            n.Type ??= key.StartsWith("g:", StringComparison.Ordinal) ? "known" : "named";
            n.StateMedia |= state;
            return n;
        }

        private Node SourceNode(OriginRef o)
        {
            if (o.Kind == "media") return OutletNode(o.Key, o.Name, false);
            var n = NodeFor(o.NodeId, NodeKind.Source, o.Name);
            n.Type ??= o.Kind;
            // Keep the fullest name seen ("Igor Korotchenko" over "Korotchenko").
            if (o.Name.Length > n.Label.Length) n.Label = o.Name;
            return n;
        }

        private Edge EdgeFor(string source, string target, EdgeKind kind, string? claim, string? role, DateTimeOffset? seen, bool inferred)
        {
            var key = (source, target, kind, claim);
            if (_edges.TryGetValue(key, out var e))
            {
                e.Count++;
                if (seen is { } s && (e.FirstSeen is null || s < e.FirstSeen)) e.FirstSeen = s;
                e.Inferred &= inferred;
                return e;
            }
            e = new Edge { Source = source, Target = target, Kind = kind, ClaimId = claim, Role = role, FirstSeen = seen, Inferred = inferred };
            _edges[key] = e;
            graph.Edges.Add(e);
            return e;
        }
    }
}
