using Hearsay.Provenance.Model;

namespace Hearsay.Provenance.Matching;

/// <summary>Settings of <see cref="ClaimLinker"/>. The defaults are tuned on the fixture corpus (tests/…/Provenance/Corpus)
/// and checked against over-merging on real news (docs/provenance.md).</summary>
public sealed record LinkerOptions
{
    /// <summary>Least similarity for a claim to join a cluster.</summary>
    public double Threshold { get; init; } = 0.40;
    /// <summary>Least similarity for a claim that joined one cluster to also merge a second one into it
    /// (higher than <see cref="Threshold"/>, so two clusters do not chain through one loose claim).</summary>
    public double MergeThreshold { get; init; } = 0.70;
    /// <summary>How many of a claim's terms (the heaviest) look up candidates.</summary>
    public int QueryTerms { get; init; } = 12;
    /// <summary>A term with more postings than this is too common to look up candidates with.</summary>
    public int MaxPostings { get; init; } = 2000;
    /// <summary>Candidate clusters scored in full per claim.</summary>
    public int Candidates { get; init; } = 16;
    /// <summary>Members per cluster a new claim is compared with: the ones that brought the cluster new terms.</summary>
    public int Representatives { get; init; } = 8;
    /// <summary>A claim is not posted under a term when one of the term's last this-many postings is already in its cluster.</summary>
    public int DedupWindow { get; init; } = 8;
}

/// <summary>One claim mention taken in by the linker.</summary>
public sealed class LinkedClaim
{
    public required int Index { get; init; }
    public required int ArticleIndex { get; init; }
    public required ClaimMention Mention { get; init; }
    public required ClaimVector Vector { get; init; }
}

/// <summary>A cluster: claim mentions that state the same thing, across articles and languages.</summary>
public sealed class ClaimCluster
{
    /// <summary>Stable id: "k" and a hash of the cluster's first mention (its article id and claim id), so a
    /// cluster keeps its id when later articles join it.</summary>
    public required string Id { get; init; }
    /// <summary>Indexes into <see cref="ClaimLinker.Claims"/>, in ingest order.</summary>
    public required IReadOnlyList<int> Members { get; init; }
}

/// <summary>Work counters, for the scale benchmark.</summary>
public sealed class LinkStats
{
    public long Claims;
    public long PostingsScanned;
    public long Comparisons;
    public long Links;
    public long Merges;
}

/// <summary>
/// Links claims that state the same thing into clusters, incrementally: <see cref="Add"/> takes one article at a
/// time and extends the clusters without recomputing anything. Each new claim
/// <list type="number">
/// <item>is normalized into terms (<see cref="ClaimNormalizer"/>);</item>
/// <item>looks up candidates in an inverted index, through its heaviest terms only and skipping terms too common to
///   discriminate, so the work per claim does not grow with the corpus (sub-quadratic, near-linear overall);</item>
/// <item>is scored against the best candidates (<see cref="Similarity"/>) and joins the best cluster above the
///   threshold (union-find), merging a second cluster only above the higher merge threshold;</item>
/// <item>is indexed, but not under terms its cluster is already posted under nearby, so a claim repeated by
///   a hundred outlets does not lengthen the postings a hundred-fold.</item>
/// </list>
/// The similarity combines weighted term overlap (idf × kind: entities and numbers weigh most; the bilingual
/// lexicon makes German and English words one term) with two checks: claims whose quantities are all more
/// than a factor ten apart, and claims that name entities but none in common, are marked down.
/// </summary>
public sealed class ClaimLinker
{
    private const double IdfPrior = 50;

    private readonly LinkerOptions _o;
    private readonly TermTable _table;
    private readonly ClaimNormalizer _normalizer;
    private readonly List<ClaimArticle> _articles = new();
    private readonly List<LinkedClaim> _claims = new();
    private readonly List<int> _parent = new();
    private readonly List<List<int>?> _postings = new();
    private readonly List<int> _df = new();
    private readonly List<double> _factor = new();
    private readonly List<bool> _entity = new();
    private readonly List<bool> _content = new();
    private readonly Dictionary<int, double> _acc = new();
    private readonly Dictionary<int, int> _stamp = new();
    private readonly Dictionary<int, List<int>> _reps = new();

    public ClaimLinker(LinkerOptions? options = null, MatchingData? data = null)
    {
        _o = options ?? new LinkerOptions();
        _table = new TermTable();
        _normalizer = new ClaimNormalizer(_table, data);
    }

    public LinkerOptions Options => _o;
    public ClaimNormalizer Normalizer => _normalizer;
    public IReadOnlyList<ClaimArticle> Articles => _articles;
    public IReadOnlyList<LinkedClaim> Claims => _claims;
    public LinkStats Stats { get; } = new();

    /// <summary>Takes in every article of the source, in its order.</summary>
    public void AddAll(IEnumerable<ClaimArticle> articles)
    {
        foreach (var a in articles) Add(a);
    }

    /// <summary>Links the article's claims into the clusters (including with each other) and indexes them.</summary>
    public void Add(ClaimArticle article)
    {
        int ai = _articles.Count;
        _articles.Add(article);
        var local = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var mention in article.Claims)
        {
            var vector = _normalizer.Normalize(mention, article.Info.Language);
            var claim = new LinkedClaim { Index = _claims.Count, ArticleIndex = ai, Mention = mention, Vector = vector };
            _claims.Add(claim);
            _parent.Add(claim.Index);
            local[mention.LocalId] = claim.Index;
            Stats.Claims++;
            EnsureTerms();
            if (vector.Terms.Length == 0) continue;
            Link(claim);
            // A headline the analysis found restating the article's own attributed claims joins them when the
            // words agree at least half as well as the threshold asks.
            foreach (var s in mention.Supports)
                if (local.TryGetValue(s, out int other) && Similarity(claim.Vector, _claims[other].Vector) >= _o.Threshold / 2)
                    Union(other, claim.Index);
            Index(claim);
        }
    }

    /// <summary>The root of a claim's cluster.</summary>
    public int Find(int i)
    {
        while (_parent[i] != i)
        {
            _parent[i] = _parent[_parent[i]];
            i = _parent[i];
        }
        return i;
    }

    private void Union(int a, int b)
    {
        int ra = Find(a), rb = Find(b);
        if (ra == rb) return;
        // The older claim stays the root, so a cluster is named after its first mention.
        int root = Math.Min(ra, rb), child = Math.Max(ra, rb);
        _parent[child] = root;
        if (_reps.Remove(child, out var moved))
        {
            var into = _reps.TryGetValue(root, out var existing) ? existing : _reps[root] = new List<int> { root };
            foreach (var m in moved)
                if (into.Count < _o.Representatives && !into.Contains(m)) into.Add(m);
        }
    }

    /// <summary>Grows the per-term tables to cover every term interned so far.</summary>
    private void EnsureTerms()
    {
        int count = _table.Count;
        while (_df.Count < count)
        {
            var kind = _table.Kind(_df.Count);
            _df.Add(0);
            _postings.Add(null);
            _factor.Add(TermTable.Factor(kind));
            _entity.Add(kind == TermKind.Entity);
            _content.Add(kind is TermKind.Word or TermKind.Concept);
        }
    }

    private double Weight(int term) => _factor[term] * Math.Log(1 + (_claims.Count + IdfPrior) / (_df[term] + 1));

    private bool IsEntity(int term) => _entity[term];

    private void Link(LinkedClaim x)
    {
        var terms = x.Vector.Terms;
        // The heaviest terms look up candidate clusters; a cluster gains a term's weight once, however many of
        // its members are posted under it.
        var query = terms.Select(t => (t, w: Weight(t))).OrderByDescending(p => p.w).Take(_o.QueryTerms).ToList();
        _acc.Clear();
        _stamp.Clear();
        foreach (var (t, w) in query)
        {
            if (_postings[t] is not { } list || list.Count > _o.MaxPostings) continue;
            Stats.PostingsScanned += list.Count;
            foreach (var y in list)
            {
                int root = Find(y);
                if (_stamp.TryGetValue(root, out int last) && last == t) continue;
                _stamp[root] = t;
                _acc[root] = _acc.TryGetValue(root, out var s) ? s + w : w;
            }
        }
        if (_acc.Count == 0) return;
        double total = query.Sum(p => p.w);
        var candidates = _acc.Where(kv => kv.Value >= 0.15 * total)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(_o.Candidates).Select(kv => kv.Key).ToList();
        var best = new List<(int Root, double Sim)>();
        foreach (var root in candidates)
        {
            double sim = 0;
            foreach (var y in Representatives(root))
            {
                Stats.Comparisons++;
                sim = Math.Max(sim, Similarity(x.Vector, _claims[y].Vector));
            }
            best.Add((root, sim));
        }
        var ranked = best.Where(kv => kv.Sim >= _o.Threshold).OrderByDescending(kv => kv.Sim).ThenBy(kv => kv.Root).ToList();
        if (ranked.Count == 0) return;
        Union(ranked[0].Root, x.Index);
        Stats.Links++;
        for (int i = 1; i < ranked.Count; i++)
            if (ranked[i].Sim >= _o.MergeThreshold && Find(ranked[i].Root) != Find(x.Index) && Related(ranked[0].Root, ranked[i].Root))
            {
                Union(ranked[i].Root, x.Index);
                Stats.Merges++;
            }
    }

    /// <summary>Two clusters one claim would bridge are merged only when some members of theirs are alike on their
    /// own, halfway between the link and the merge threshold: a sentence that states two claims does not fuse them.</summary>
    private bool Related(int rootA, int rootB)
    {
        double least = (_o.Threshold + _o.MergeThreshold) / 2;
        foreach (var a in Representatives(Find(rootA)))
            foreach (var b in Representatives(Find(rootB)))
                if (Similarity(_claims[a].Vector, _claims[b].Vector) >= least) return true;
        return false;
    }

    private IEnumerable<int> Representatives(int root) =>
        _reps.TryGetValue(root, out var list) ? list : [root];

    private void Index(LinkedClaim x)
    {
        int root = Find(x.Index);
        bool novel = false;
        foreach (var t in x.Vector.Terms)
        {
            _df[t]++;
            var list = _postings[t] ??= new List<int>(2);
            bool covered = false;
            for (int k = list.Count - 1, seen = 0; k >= 0 && seen < _o.DedupWindow; k--, seen++)
                if (Find(list[k]) == root) { covered = true; break; }
            if (!covered) { list.Add(x.Index); novel = true; }
        }
        // A member that brought its cluster new terms represents it in later comparisons.
        if (!novel) return;
        if (!_reps.TryGetValue(root, out var reps)) _reps[root] = reps = new List<int> { root };
        if (reps.Count < _o.Representatives && !reps.Contains(x.Index)) reps.Add(x.Index);
    }

    /// <summary>
    /// How much two claims state the same thing, in [0, 1]: the mean of the weighted Dice coefficient and the
    /// weighted overlap coefficient of their terms (the overlap lets a short headline meet the long sentence it
    /// summarizes), requiring two shared terms; halved when no word or concept is shared (names and numbers
    /// alone); times 0.55 when both state quantities and none is within a
    /// factor ten of the other's (a vague "tens of thousands" fits anything from ten thousand up), times 0.75
    /// when both name entities and share none.
    /// </summary>
    public double Similarity(ClaimVector a, ClaimVector b)
    {
        double shared = 0, wa = 0, wb = 0;
        int sharedCount = 0, sharedContent = 0;
        bool entitiesA = false, entitiesB = false, sharedEntity = false;
        int i = 0, j = 0;
        var ta = a.Terms;
        var tb = b.Terms;
        while (i < ta.Length || j < tb.Length)
        {
            if (j >= tb.Length || (i < ta.Length && ta[i] < tb[j]))
            {
                wa += Weight(ta[i]);
                entitiesA |= IsEntity(ta[i]);
                i++;
            }
            else if (i >= ta.Length || tb[j] < ta[i])
            {
                wb += Weight(tb[j]);
                entitiesB |= IsEntity(tb[j]);
                j++;
            }
            else
            {
                double w = Weight(ta[i]);
                wa += w;
                wb += w;
                shared += w;
                sharedCount++;
                if (IsEntity(ta[i])) { entitiesA = entitiesB = sharedEntity = true; }
                if (_content[ta[i]]) sharedContent++;
                i++;
                j++;
            }
        }
        if (sharedCount < 2 || wa <= 0 || wb <= 0) return 0;
        double dice = 2 * shared / (wa + wb);
        double cover = shared / Math.Min(wa, wb);
        double sim = 0.5 * dice + 0.5 * cover;
        if (a.Values.Length > 0 && b.Values.Length > 0 && !CompatibleQuantities(a, b)) sim *= 0.55;
        if (entitiesA && entitiesB && !sharedEntity) sim *= 0.75;
        // Names and numbers alone do not make two claims one: some word or concept must be shared too.
        if (sharedContent == 0) sim *= 0.5;
        return sim;
    }

    /// <summary>Some pair of the two claims' quantities within a factor ten, or a vague one ("tens of thousands")
    /// at or below the other.</summary>
    internal static bool CompatibleQuantities(ClaimVector a, ClaimVector b)
    {
        for (int i = 0; i < a.Values.Length; i++)
            for (int j = 0; j < b.Values.Length; j++)
            {
                double x = Math.Abs(a.Values[i]), y = Math.Abs(b.Values[j]);
                if (x == 0 || y == 0) { if (x == y) return true; continue; }
                double ratio = x > y ? x / y : y / x;
                if (ratio <= 10.0001) return true;
                if (a.Vague[i] && x <= y || b.Vague[j] && y <= x) return true;
            }
        return false;
    }

    /// <summary>The clusters as they stand, in order of their first mention.</summary>
    public IReadOnlyList<ClaimCluster> Clusters()
    {
        var groups = new Dictionary<int, List<int>>();
        for (int i = 0; i < _claims.Count; i++)
        {
            int r = Find(i);
            if (!groups.TryGetValue(r, out var list)) groups[r] = list = new List<int>();
            list.Add(i);
        }
        return groups.OrderBy(g => g.Key).Select(g =>
        {
            var first = _claims[g.Value[0]];
            return new ClaimCluster
            {
                Id = "k" + Keys.Hash(_articles[first.ArticleIndex].Info.Id + "/" + first.Mention.LocalId)[..8],
                Members = g.Value,
            };
        }).ToList();
    }
}
