using Hearsay.Provenance.Model;

namespace Hearsay.Provenance.Matching;

/// <summary>Settings of <see cref="ClaimLinker"/>. The defaults are tuned on the fixture corpus (tests/…/Provenance/Corpus)
/// and checked against over-merging on real news (docs/provenance.md).</summary>
public sealed record LinkerOptions
{
    /// <summary>Least similarity for a claim to join a cluster.</summary>
    public double Threshold { get; init; } = 0.5;
    /// <summary>A claim that fits two clusters merges them only when some members of the two are this alike on their
    /// own, or when it fits both this well and both state a fitting number (higher than <see cref="Threshold"/>), or
    /// when both state the same number (within a factor 1.2, or a vague one covering it): a sentence that states two
    /// claims does not fuse them, and retellings of one numbered claim that met in another order are one.</summary>
    public double MergeThreshold { get; init; } = 0.6;
    /// <summary>Two claims sharing fewer words or concepts are never one: names and numbers say who and how many, not what.</summary>
    public double MinSharedContent { get; init; } = 2;
    /// <summary>Least evidence that two claims state the same thing: their shared words, plus one for each shared
    /// entity (two at most: countries and parties recur in many claims) and one and a half for a shared or fitting
    /// number (the most specific thing a claim states).</summary>
    public double MinEvidence { get; init; } = 3.5;
    /// <summary>Similarity factor when one claim is negated and the other not, or states the opposite concept.</summary>
    public double ContradictionFactor { get; init; } = 0.4;
    /// <summary>Share of the weighted Dice coefficient in the similarity; the rest is the overlap coefficient.</summary>
    public double DiceShare { get; init; } = 0.7;
    /// <summary>Similarity factor when each claim names an entity the other does not ("Finland" / "Georgia").</summary>
    public double EntitiesDifferFactor { get; init; } = 0.6;
    /// <summary>Least share of the words and concepts (by weight) of the wordier claim that the two claims share.</summary>
    public double MinContentCover { get; init; } = 0.3;
    /// <summary>How many of a claim's terms (the heaviest) look up candidates.</summary>
    public int QueryTerms { get; init; } = 10;
    /// <summary>A term with more postings than this is too common to look up candidates with.</summary>
    public int MaxPostings { get; init; } = 5000;
    /// <summary>Of a term's postings, only the most recent this-many are scanned: news repeats a claim within days
    /// or weeks, and the bound keeps the work per claim constant however large the corpus grows.</summary>
    public int ScanLimit { get; init; } = 128;
    /// <summary>Candidate clusters scored in full per claim.</summary>
    public int Candidates { get; init; } = 12;
    /// <summary>Members per cluster a new claim is compared with: the ones that brought the cluster new terms.</summary>
    public int Representatives { get; init; } = 6;
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

/// <summary>What two claims share and where they part, and the similarity that follows (<see cref="ClaimLinker.Compare"/>).</summary>
public readonly record struct SimilarityParts
{
    /// <summary>Weighted Dice coefficient of all terms.</summary>
    public double Dice { get; init; }
    /// <summary>Weighted overlap coefficient: the shared weight over the lighter claim's weight.</summary>
    public double Cover { get; init; }
    /// <summary>The shared weight of words, concepts and compound parts over that of the wordier claim.</summary>
    public double ContentCover { get; init; }
    public int SharedTerms { get; init; }
    /// <summary>Shared words and concepts (not names or numbers); a compound's part counts half.</summary>
    public double SharedWords { get; init; }
    public bool SharedEntity { get; init; }
    public bool SharedNumber { get; init; }
    /// <summary>Both name entities, none in common.</summary>
    public bool EntitiesApart { get; init; }
    /// <summary>Each names an entity the other does not ("Finland" / "Georgia").</summary>
    public bool EntitiesDiffer { get; init; }
    /// <summary>Both state numbers, none fits the other's.</summary>
    public bool NumbersApart { get; init; }
    /// <summary>One is negated, the other not.</summary>
    public bool NegationApart { get; init; }
    /// <summary>One states a concept, the other its opposite ("increase" / "decrease", Data/opposite-concepts.tsv).</summary>
    public bool OppositeApart { get; init; }
    /// <summary>The similarity, in [0, 1]; 0 when a rule rules the pair out.</summary>
    public double Score { get; init; }
}

/// <summary>Work counters, for the scale benchmark.</summary>
public sealed class LinkStats
{
    public long Claims;
    public long PostingsScanned;
    public long Comparisons;
    public long Links;
    public long Merges;
    /// <summary>Time spent normalizing, finding and scoring candidates, and indexing (Stopwatch ticks).</summary>
    public long NormalizeTicks, LinkTicks, IndexTicks;
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
    private const byte EntityFlag = 1, ContentFlag = 2, NumberFlag = 4, OppositeFlag = 8, WordFlag = 16, NameFlag = 32;
    /// <summary>Weight factor of a concept that only a part of a compound gave (the split may be wrong).</summary>
    private const double CompoundPartFactor = 0.6;

    private static double PartFactor(ClaimVector v, int term) =>
        v.PartOnly.Length > 0 && Array.BinarySearch(v.PartOnly, term) >= 0 ? CompoundPartFactor : 1;

    private readonly LinkerOptions _o;
    private readonly TermTable _table;
    private readonly MatchingData _data;
    private readonly ClaimNormalizer _normalizer;
    private readonly List<ClaimArticle> _articles = new();
    private readonly List<LinkedClaim> _claims = new();
    private int[] _parent = new int[1024];
    private readonly Dictionary<int, List<int>> _reps = new();

    // Per term (struct of arrays, grown by doubling): postings, document frequency, kind, cached weight.
    private int _terms;
    private List<int>?[] _postings = new List<int>?[1024];
    private int[] _df = new int[1024];
    private double[] _factor = new double[1024];
    private byte[] _flags = new byte[1024];
    private double[] _w = new double[1024];
    private int[] _wDf = new int[1024];
    private int[] _wN = new int[1024];
    /// <summary>Per entity term not from a gazetteer ("e:person:albers", "e:place:corvanta"), the keys of its name's
    /// words as the stemmers of both languages give them (<see cref="_nameKeys"/>); per word term, its stem's key
    /// (<see cref="_wordKey"/>, -1 for other terms). An entity one article's
    /// analysis recognized and another's read as a plain word ("Velmar", "Corvanta") meet through these.</summary>
    private int[]?[] _nameKeys = new int[]?[1024];
    private int[] _wordKey = new int[1024];
    private readonly Dictionary<string, int> _nameKeyIds = new(StringComparer.Ordinal);
    /// <summary>Per concept term with opposites ("c:increase" → "c:decrease"), their term ids.</summary>
    private readonly Dictionary<int, int[]> _opposite = new();

    // Per cluster root, reused by every lookup: accumulated weight, the lookup and term that last touched it.
    private double[] _acc = new double[1024];
    private int[] _accQuery = new int[1024];
    private int[] _accTerm = new int[1024];
    private readonly List<int> _touched = new();
    private int _query;

    public ClaimLinker(LinkerOptions? options = null, MatchingData? data = null)
    {
        _o = options ?? new LinkerOptions();
        _table = new TermTable();
        _data = data ?? MatchingData.Default;
        _normalizer = new ClaimNormalizer(_table, _data);
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
            long t0 = System.Diagnostics.Stopwatch.GetTimestamp();
            var vector = _normalizer.Normalize(mention, article.Info.Language);
            long t1 = System.Diagnostics.Stopwatch.GetTimestamp();
            Stats.NormalizeTicks += t1 - t0;
            var claim = new LinkedClaim { Index = _claims.Count, ArticleIndex = ai, Mention = mention, Vector = vector };
            _claims.Add(claim);
            GrowClaims(_claims.Count);
            _parent[claim.Index] = claim.Index;
            local[mention.LocalId] = claim.Index;
            Stats.Claims++;
            EnsureTerms();
            if (vector.Terms.Length == 0) continue;
            Link(claim);
            long t2 = System.Diagnostics.Stopwatch.GetTimestamp();
            Stats.LinkTicks += t2 - t1;
            // A headline the analysis found restating the article's own attributed claims joins them when the
            // words agree at least half as well as the threshold asks.
            foreach (var s in mention.Supports)
                if (local.TryGetValue(s, out int other) && Parts(claim.Vector, _claims[other].Vector).Score >= _o.Threshold / 2)
                    Union(other, claim.Index);
            Index(claim);
            Stats.IndexTicks += System.Diagnostics.Stopwatch.GetTimestamp() - t2;
        }
        JoinHeadlines(_claims.Count - article.Claims.Count);
    }

    /// <summary>A headline (or teaser) states in short what a sentence of its own article states at length: one that
    /// gives the same number as a body claim of the article, and agrees with it at least half as well as the threshold
    /// asks or shares a word and a name with it (and neither negates nor opposes the other), joins it, even where the analysis found no restatement ("Studie meldet Wirksamkeit von rund 80 Prozent"
    /// over "Der Impfstoff verhindert rund 80 Prozent der schweren Erkrankungen, berichtet …").</summary>
    private void JoinHeadlines(int first)
    {
        for (int h = first; h < _claims.Count; h++)
        {
            var head = _claims[h];
            if (!head.Mention.Headline || head.Vector.Values.Length == 0) continue;
            for (int b = first; b < _claims.Count; b++)
            {
                var body = _claims[b];
                if (b == h || body.Mention.Headline || body.Vector.Values.Length == 0 || Find(b) == Find(h)) continue;
                if (!SharesNumberTerm(head.Vector, body.Vector)) continue;
                var p = Parts(head.Vector, body.Vector);
                if (p.Score >= _o.Threshold / 2 || p.SharedWords >= 1 && p.SharedEntity && !p.NegationApart && !p.OppositeApart) Union(b, h);
            }
        }
    }

    /// <summary>The two claims share a number term (one value, whatever its format).</summary>
    private bool SharesNumberTerm(ClaimVector a, ClaimVector b)
    {
        foreach (var t in a.Terms)
            if ((_flags[t] & NumberFlag) != 0 && Array.BinarySearch(b.Terms, t) >= 0) return true;
        return false;
    }

    private void GrowClaims(int count)
    {
        if (count <= _parent.Length) return;
        int size = Math.Max(count, _parent.Length * 2);
        Array.Resize(ref _parent, size);
        Array.Resize(ref _acc, size);
        Array.Resize(ref _accQuery, size);
        Array.Resize(ref _accTerm, size);
    }

    /// <summary>The root of a claim's cluster.</summary>
    public int Find(int i)
    {
        var parent = _parent;
        while (parent[i] != i)
        {
            parent[i] = parent[parent[i]];
            i = parent[i];
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
        if (count <= _terms) return;
        if (count > _df.Length)
        {
            int size = Math.Max(count, _df.Length * 2);
            Array.Resize(ref _postings, size);
            Array.Resize(ref _df, size);
            Array.Resize(ref _factor, size);
            Array.Resize(ref _flags, size);
            Array.Resize(ref _w, size);
            Array.Resize(ref _wDf, size);
            Array.Resize(ref _wN, size);
            Array.Resize(ref _nameKeys, size);
            Array.Resize(ref _wordKey, size);
        }
        for (int t = _terms; t < count; t++)
        {
            var kind = _table.Kind(t);
            bool hasOpposite = kind == TermKind.Concept && _data.OppositesOf(_table.Name(t)[2..]).Count > 0;
            if (hasOpposite) _opposite[t] = _data.OppositesOf(_table.Name(t)[2..]).Select(o => _table.Intern("c:" + o, TermKind.Concept)).ToArray();
            _factor[t] = TermTable.Factor(kind);
            _wordKey[t] = kind == TermKind.Word ? NameKeyId(_table.Name(t)[2..]) : -1;
            _nameKeys[t] = NameKeys(kind, _table.Name(t));
            _flags[t] = (byte)((kind == TermKind.Entity ? EntityFlag : 0) | (kind is TermKind.Word or TermKind.Concept ? ContentFlag : 0) | (kind == TermKind.Number ? NumberFlag : 0) | (hasOpposite ? OppositeFlag : 0)
                | (kind == TermKind.Word ? WordFlag : 0) | (_nameKeys[t] is not null ? NameFlag : 0));
            _wDf[t] = -1;
        }
        _terms = count;
    }

    /// <summary>The name keys of a term (see <see cref="_nameKeys"/>): a word's stem; the words of a name that no
    /// gazetteer knows, stemmed as English and as German ("person:albers" → "alber"; "place:corvanta" → "corvanta").</summary>
    private int[]? NameKeys(TermKind kind, string name)
    {
        if (kind != TermKind.Entity || name.StartsWith("e:g:", StringComparison.Ordinal)) return null;
        int colon = name.IndexOf(':', 2);
        var keys = new List<int>(4);
        foreach (var token in name[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Length < 3) continue;
            foreach (var stem in new[] { LightStemmer.English(token), LightStemmer.German(token) })
            {
                int id = NameKeyId(stem);
                if (!keys.Contains(id)) keys.Add(id);
            }
        }
        return keys.Count > 0 ? keys.ToArray() : null;
    }

    private int NameKeyId(string key)
    {
        if (!_nameKeyIds.TryGetValue(key, out int id)) _nameKeyIds[key] = id = _nameKeyIds.Count;
        return id;
    }

    /// <summary>idf × kind factor. Cached per term and refreshed when the term's document frequency changed or the
    /// corpus grew by more than 2 % since (idf moves slowly; the cache keeps logarithms off the hot path).</summary>
    private double Weight(int term)
    {
        int n = _claims.Count;
        if (_wDf[term] == _df[term] && n <= _wN[term] * 1.02 + 1) return _w[term];
        double w = _factor[term] * Math.Log(1 + (n + IdfPrior) / (_df[term] + 1));
        _w[term] = w;
        _wDf[term] = _df[term];
        _wN[term] = n;
        return w;
    }

    private void Link(LinkedClaim x)
    {
        var terms = x.Vector.Terms;
        // The heaviest terms look up candidate clusters; a cluster gains a term's weight once, however many of
        // its members are posted under it.
        var query = new (int Term, double Weight)[terms.Length];
        for (int i = 0; i < terms.Length; i++) query[i] = (terms[i], Weight(terms[i]));
        Array.Sort(query, (a, b) => b.Weight.CompareTo(a.Weight));
        int qn = Math.Min(_o.QueryTerms, query.Length);
        int serial = ++_query;
        _touched.Clear();
        double total = 0;
        for (int qi = 0; qi < qn; qi++)
        {
            var (t, w) = query[qi];
            total += w;
            if (_postings[t] is not { } list || list.Count > _o.MaxPostings) continue;
            int from = Math.Max(0, list.Count - _o.ScanLimit);
            Stats.PostingsScanned += list.Count - from;
            for (int k = list.Count - 1; k >= from; k--)
            {
                int root = Find(list[k]);
                if (_accQuery[root] != serial)
                {
                    _accQuery[root] = serial;
                    _acc[root] = 0;
                    _accTerm[root] = -1;
                    _touched.Add(root);
                }
                if (_accTerm[root] == t) continue;
                _accTerm[root] = t;
                _acc[root] += w;
            }
        }
        if (_touched.Count == 0) return;
        // The best-covered clusters, at most Candidates of them.
        double least = 0.15 * total;
        var candidates = new List<int>(_o.Candidates + 1);
        foreach (var root in _touched)
        {
            double a = _acc[root];
            if (a < least) continue;
            int pos = candidates.Count;
            while (pos > 0 && (_acc[candidates[pos - 1]] < a || _acc[candidates[pos - 1]] == a && candidates[pos - 1] > root)) pos--;
            if (pos >= _o.Candidates) continue;
            candidates.Insert(pos, root);
            if (candidates.Count > _o.Candidates) candidates.RemoveAt(candidates.Count - 1);
        }
        var ranked = new List<(int Root, double Sim)>();
        foreach (var root in candidates)
        {
            double sim = 0;
            foreach (var y in Representatives(root))
            {
                Stats.Comparisons++;
                sim = Math.Max(sim, Parts(x.Vector, _claims[y].Vector).Score);
            }
            if (sim >= _o.Threshold) ranked.Add((root, sim));
        }
        if (ranked.Count == 0) return;
        ranked.Sort((p, q) => p.Sim != q.Sim ? q.Sim.CompareTo(p.Sim) : p.Root.CompareTo(q.Root));
        Union(ranked[0].Root, x.Index);
        Stats.Links++;
        for (int i = 1; i < ranked.Count; i++)
            if (Find(ranked[i].Root) != Find(x.Index) && (Related(ranked[0].Root, ranked[i].Root)
                || ranked[i].Sim >= _o.MergeThreshold && ranked[0].Sim >= _o.MergeThreshold && SameNumber(ranked[0].Root, ranked[i].Root)
                || SameNumber(ranked[0].Root, ranked[i].Root, FitFactor)))
            {
                Union(ranked[i].Root, x.Index);
                Stats.Merges++;
            }
    }

    /// <summary>Two clusters one claim would bridge are merged only when some members of theirs are at least
    /// <see cref="LinkerOptions.MergeThreshold"/> alike on their own.</summary>
    private bool Related(int rootA, int rootB)
    {
        double least = _o.MergeThreshold;
        foreach (var a in Representatives(Find(rootA)))
            foreach (var b in Representatives(Find(rootB)))
                if (Parts(_claims[a].Vector, _claims[b].Vector).Score >= least) return true;
        return false;
    }

    /// <summary>Both clusters state a number and some two of their numbers fit (within a factor ten): a claim that
    /// fits two clusters well merges them on this evidence too, so an article bridging two drifted retellings of a
    /// numbered claim joins them, while a numbered claim and a claim without a number stay apart.</summary>
    private bool SameNumber(int rootA, int rootB, double factor = ApartFactor)
    {
        foreach (var a in Representatives(Find(rootA)))
        {
            if (_claims[a].Vector.Values.Length == 0) continue;
            foreach (var b in Representatives(Find(rootB)))
                if (_claims[b].Vector.Values.Length > 0 && CompatibleQuantities(_claims[a].Vector, _claims[b].Vector, factor)) return true;
        }
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
    /// How much two claims state the same thing, in [0, 1] (see <see cref="Parts"/> for the parts and the rules).
    /// </summary>
    public double Similarity(ClaimVector a, ClaimVector b) => Compare(a, b).Score;

    /// <summary>The parts of the similarity of two claims and its score (see <see cref="Parts"/>), for vectors made by
    /// <see cref="Normalizer"/> outside <see cref="Add"/> too.</summary>
    public SimilarityParts Compare(ClaimVector a, ClaimVector b)
    {
        EnsureTerms();
        return Parts(a, b);
    }

    /// <summary>
    /// The parts of the similarity of two claims and its score. The base is the mean of the weighted Dice and
    /// overlap coefficients of their terms (the overlap lets a short headline meet the long sentence it
    /// summarizes). Two claims are never one when they share fewer than <see cref="LinkerOptions.MinSharedTerms"/>
    /// terms (more without a shared entity or number) or fewer than <see cref="LinkerOptions.MinSharedContent"/>
    /// words or concepts (names and numbers alone say who and how many, not what), or when the words of either
    /// side are covered less than <see cref="LinkerOptions.MinContentCover"/> (a claim that shares two words with a
    /// long sentence is not that sentence). The score is marked down when one claim is negated and the other not,
    /// when both state numbers and none fits the other's (<see cref="CompatibleQuantities"/>), and when both name
    /// entities but none in common.
    /// </summary>
    private SimilarityParts Parts(ClaimVector a, ClaimVector b)
    {
        double shared = 0, wa = 0, wb = 0, sharedContent = 0, contentA = 0, contentB = 0, sharedWords = 0;
        int sharedCount = 0, sharedEntities = 0;
        bool entitiesA = false, entitiesB = false, sharedEntity = false, sharedNumber = false;
        int unsharedEntitiesA = 0, unsharedEntitiesB = 0;
        // Unshared names on either side: entities no gazetteer knows (at most 4 kept), and plain words (at most 16).
        Span<int> namesA = stackalloc int[4], namesB = stackalloc int[4], wordsA = stackalloc int[16], wordsB = stackalloc int[16];
        int nameCountA = 0, nameCountB = 0, wordCountA = 0, wordCountB = 0;
        double numberA = 0, numberB = 0;
        bool opposableA = false, opposableB = false;
        int i = 0, j = 0;
        var ta = a.Terms;
        var tb = b.Terms;
        while (i < ta.Length || j < tb.Length)
        {
            if (j >= tb.Length || (i < ta.Length && ta[i] < tb[j]))
            {
                double w = Weight(ta[i]) * PartFactor(a, ta[i]);
                byte flags = _flags[ta[i]];
                wa += w;
                if ((flags & ContentFlag) != 0) contentA += w;
                if ((flags & NumberFlag) != 0) numberA = Math.Max(numberA, w);
                if ((flags & EntityFlag) != 0) unsharedEntitiesA++;
                if ((flags & NameFlag) != 0 && nameCountA < namesA.Length) namesA[nameCountA++] = ta[i];
                else if ((flags & WordFlag) != 0 && wordCountA < wordsA.Length) wordsA[wordCountA++] = ta[i];
                opposableA |= (flags & OppositeFlag) != 0;
                i++;
            }
            else if (i >= ta.Length || tb[j] < ta[i])
            {
                double w = Weight(tb[j]) * PartFactor(b, tb[j]);
                byte flags = _flags[tb[j]];
                wb += w;
                if ((flags & ContentFlag) != 0) contentB += w;
                if ((flags & NumberFlag) != 0) numberB = Math.Max(numberB, w);
                if ((flags & EntityFlag) != 0) unsharedEntitiesB++;
                if ((flags & NameFlag) != 0 && nameCountB < namesB.Length) namesB[nameCountB++] = tb[j];
                else if ((flags & WordFlag) != 0 && wordCountB < wordsB.Length) wordsB[wordCountB++] = tb[j];
                opposableB |= (flags & OppositeFlag) != 0;
                j++;
            }
            else
            {
                double w = Weight(ta[i]), fa = PartFactor(a, ta[i]), fb = PartFactor(b, tb[j]);
                byte flags = _flags[ta[i]];
                wa += w * fa;
                wb += w * fb;
                shared += w * Math.Min(fa, fb);
                sharedCount++;
                if ((flags & EntityFlag) != 0) { sharedEntity = true; sharedEntities++; }
                if ((flags & ContentFlag) != 0)
                {
                    contentA += w * fa;
                    contentB += w * fb;
                    sharedContent += w * Math.Min(fa, fb);
                    // A compound's part meeting a word counts half, meeting the same compound's part nothing: "Arbeitsmarkt"
                    // and "Arbeitsmarkt" share one word, not three.
                    sharedWords += fa < 1 && fb < 1 ? 0 : fa < 1 || fb < 1 ? 0.5 : 1;
                }
                if ((flags & NumberFlag) != 0) sharedNumber = true;
                i++;
                j++;
            }
        }
        // A name one side's analysis recognized as an entity and the other read as a word is one shared entity,
        // and the word is no content word then: names say who, not what.
        for (int x = 0; x < nameCountA && wordCountB > 0; x++)
        {
            int y = MatchName(namesA[x], wordsB[..wordCountB]);
            if (y < 0) continue;
            int p = namesA[x], q = wordsB[y];
            double wp = Weight(p) * PartFactor(a, p), wq = Weight(q) * PartFactor(b, q);
            shared += Math.Min(wp, wq);
            sharedCount++;
            sharedEntity = true;
            sharedEntities++;
            unsharedEntitiesA--;
            contentB -= wq;
            wordsB[y] = -1;
        }
        for (int x = 0; x < nameCountB && wordCountA > 0; x++)
        {
            int y = MatchName(namesB[x], wordsA[..wordCountA]);
            if (y < 0) continue;
            int p = namesB[x], q = wordsA[y];
            double wp = Weight(p) * PartFactor(b, p), wq = Weight(q) * PartFactor(a, q);
            shared += Math.Min(wp, wq);
            sharedCount++;
            sharedEntity = true;
            sharedEntities++;
            unsharedEntitiesB--;
            contentA -= wq;
            wordsA[y] = -1;
        }
        bool unsharedEntityA = unsharedEntitiesA > 0, unsharedEntityB = unsharedEntitiesB > 0;
        entitiesA = unsharedEntityA || sharedEntity;
        entitiesB = unsharedEntityB || sharedEntity;
        bool numbersFit = a.Values.Length > 0 && b.Values.Length > 0 && CompatibleQuantities(a, b);
        if (numbersFit && !sharedNumber && numberA > 0 && numberB > 0 && CompatibleQuantities(a, b, FitFactor))
        {
            // "50,000" and "tens of thousands", "1,800" and "nearly 2,000": different terms, one number that drifted.
            shared += 0.5 * Math.Min(numberA, numberB);
            sharedCount++;
            sharedNumber = true;
        }
        var parts = new SimilarityParts
        {
            Dice = wa + wb > 0 ? 2 * shared / (wa + wb) : 0,
            Cover = wa > 0 && wb > 0 ? shared / Math.Min(wa, wb) : 0,
            ContentCover = contentA > 0 && contentB > 0 ? sharedContent / Math.Max(contentA, contentB) : 0,
            SharedTerms = sharedCount,
            SharedWords = sharedWords,
            SharedEntity = sharedEntity,
            SharedNumber = sharedNumber,
            EntitiesApart = entitiesA && entitiesB && !sharedEntity,
            EntitiesDiffer = unsharedEntityA && unsharedEntityB,
            NumbersApart = a.Values.Length > 0 && b.Values.Length > 0 && !numbersFit,
            NegationApart = a.Negated != b.Negated,
            // Only a concept one claim states and the other not can have its opposite in the other.
            OppositeApart = opposableA && Opposed(a, b) || opposableB && Opposed(b, a),
        };
        // When names and a number agree, fewer words need to: a short headline stating who and how many, or a
        // translation whose words the lexicon knows only in part.
        bool anchored = sharedEntity && sharedNumber;
        if (sharedWords < _o.MinSharedContent - (anchored ? 0.5 : 0) || wa <= 0 || wb <= 0) return parts;
        if (parts.ContentCover < (anchored ? _o.MinContentCover / 2 : _o.MinContentCover)) return parts;
        if (sharedWords + Math.Min(2, sharedEntities) + (sharedNumber ? 1.5 : 0) < _o.MinEvidence) return parts;
        double sim = _o.DiceShare * parts.Dice + (1 - _o.DiceShare) * parts.Cover;
        if (parts.NumbersApart) sim *= 0.4;
        if (parts.EntitiesApart || parts.EntitiesDiffer) sim *= _o.EntitiesDifferFactor;
        // A claim and its negation, or its opposite, are two claims even when every word agrees: the factor keeps a
        // perfect match below the threshold.
        if (parts.NegationApart || parts.OppositeApart) sim *= _o.ContradictionFactor;
        return parts with { Score = sim };
    }

    /// <summary>The index of the word term that names the entity term (its stem is a stem of one of the name's
    /// words), or -1. Words already matched are -1.</summary>
    private int MatchName(int entity, ReadOnlySpan<int> words)
    {
        if (_nameKeys[entity] is not { } keys) return -1;
        for (int y = 0; y < words.Length; y++)
            if (words[y] >= 0 && Array.IndexOf(keys, _wordKey[words[y]]) >= 0) return y;
        return -1;
    }

    /// <summary>A states a concept whose opposite B states, and B does not state the concept too.</summary>
    private bool Opposed(ClaimVector a, ClaimVector b)
    {
        if (_opposite.Count == 0) return false;
        foreach (var t in a.Terms)
        {
            if (!_opposite.TryGetValue(t, out var opposites) || Array.BinarySearch(b.Terms, t) >= 0) continue;
            foreach (var o in opposites)
                if (Array.BinarySearch(b.Terms, o) >= 0 && Array.BinarySearch(a.Terms, o) < 0) return true;
        }
        return false;
    }

    /// <summary>Some pair of the two claims' quantities within <paramref name="factor"/> of each other, or a vague one
    /// ("tens of thousands": ten thousand or more) that the other's value falls in (from it up to <see cref="VagueSpan"/> times it).</summary>
    internal static bool CompatibleQuantities(ClaimVector a, ClaimVector b, double factor = ApartFactor)
    {
        for (int i = 0; i < a.Values.Length; i++)
            for (int j = 0; j < b.Values.Length; j++)
            {
                double x = Math.Abs(a.Values[i]), y = Math.Abs(b.Values[j]);
                if (x == 0 || y == 0) { if (x == y) return true; continue; }
                double ratio = x > y ? x / y : y / x;
                if (ratio <= factor + 1e-9) return true;
                if (a.Vague[i] && x <= y && y < VagueSpan * x || b.Vague[j] && y <= x && x < VagueSpan * y) return true;
            }
        return false;
    }

    /// <summary>Numbers further apart than this (and no vague one covering the other) are different numbers: "14" and
    /// "49" dead are two reports, "1,800" and "nearly 2,000" one.</summary>
    private const double ApartFactor = 2.5;
    /// <summary>How far above its base a vague number reaches: "thousands" of jobs are 12,000 as readily as 3,000, and
    /// "Zehntausende" stands for 150,000 as for 40,000; a hundred thousand is no longer "thousands".</summary>
    private const double VagueSpan = 20;
    /// <summary>Numbers this close count as the same number stated differently.</summary>
    private const double FitFactor = 1.2;

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
