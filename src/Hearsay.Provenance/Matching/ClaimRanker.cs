using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Hearsay.Provenance.Matching;

/// <summary>A known claim the ranker can return: an id, its wording and an optional title (a fact-check's headline).</summary>
public sealed record KnownClaim(string Id, string Text, string Title = "");

/// <summary>One ranked claim with its score.</summary>
public sealed record RankedClaim(KnownClaim Claim, double Score, int Rank);

/// <summary>
/// Ranks known claims for a piece of text that may state one of them ("which fact-checked claim does this tweet
/// repeat?"). Two stages, both shippable without any pretrained model:
/// <list type="number">
/// <item>BM25 (k1 1.2, b 0.3) over the claims' terms (<see cref="ClaimNormalizer"/>: stems, lexicon concepts,
///   numbers) plus half the BM25 over their titles; the best <see cref="Candidates"/> go on;</item>
/// <item>a linear re-ranker over twelve features (BM25 scores, how much of the query and of the claim the shared
///   terms cover, character 4-gram cosines that catch names run together in hashtags, the rank, whether a year
///   the claim names fits the query's date). Its weights (<see cref="Model"/>) are fitted on labelled queries
///   with <see cref="RankerModel.Fit"/>; none ship, so an unfitted ranker keeps the first-stage order.</item>
/// </list>
/// Words run together ("#fyrefestival", "@georgesoros") can be split into the words the indexed claims use
/// (<see cref="SplitRunTogether"/>) before a query is ranked.
/// </summary>
public sealed class ClaimRanker
{
    public const int Candidates = 30;
    private const double K1 = 1.2, B = 0.3, TitleWeight = 0.5;
    private const int GramLength = 4;

    public static readonly string[] FeatureNames =
    [
        "bm25", "bm25_claim", "bm25_title", "query_recall", "doc_coverage", "claim_coverage",
        "chargram_cos", "reciprocal_rank", "log_bm25", "chargram_cos_claim", "chargram_cos_title", "year_match",
    ];

    private readonly IReadOnlyList<KnownClaim> _claims;
    private readonly ClaimNormalizer _normalizer;
    private readonly string _language;
    private readonly Field _claimField, _titleField, _allField;
    private readonly Dictionary<string, double>[] _gramsAll, _gramsClaim, _gramsTitle;
    private readonly Dictionary<string, int> _gramDf = new(StringComparer.Ordinal);
    private readonly HashSet<int>[] _years;
    private readonly Dictionary<string, int> _vocabulary = new(StringComparer.Ordinal);
    private readonly double _vocabularyLogTotal;

    public ClaimRanker(IReadOnlyList<KnownClaim> claims, string language = "en", RankerModel? model = null)
    {
        _claims = claims;
        _language = language;
        Model = model ?? RankerModel.FirstStage;
        _normalizer = new ClaimNormalizer(new TermTable());
        var claimTerms = claims.Select(c => _normalizer.NormalizeText(c.Text, language).Terms).ToArray();
        var titleTerms = claims.Select(c => _normalizer.NormalizeText(c.Title, language).Terms).ToArray();
        _claimField = new Field(claimTerms);
        _titleField = new Field(titleTerms);
        _allField = new Field(claimTerms.Zip(titleTerms, (a, b) => a.Union(b).OrderBy(t => t).ToArray()).ToArray());
        var rawAll = claims.Select(c => Grams(c.Text + " " + c.Title)).ToArray();
        foreach (var g in rawAll) foreach (var k in g.Keys) _gramDf[k] = _gramDf.GetValueOrDefault(k) + 1;
        _gramsAll = rawAll.Select(Weigh).ToArray();
        _gramsClaim = claims.Select(c => Weigh(Grams(c.Text))).ToArray();
        _gramsTitle = claims.Select(c => Weigh(Grams(c.Title))).ToArray();
        _years = claims.Select(c => YearsIn(c.Text + " " + c.Title)).ToArray();
        foreach (var c in claims) CountWords(c.Text + " " + c.Title);
        _vocabularyLogTotal = Math.Log(Math.Max(1, _vocabulary.Values.Sum()));
    }

    public int Count => _claims.Count;

    /// <summary>The re-ranker's weights; <see cref="RankerModel.FirstStage"/> (the BM25 order) until a fitted one is set.</summary>
    public RankerModel Model { get; set; }

    /// <summary>The best <paramref name="top"/> claims for the text, best first.</summary>
    /// <param name="year">The year the text was written, when known (a claim naming another year ranks lower).</param>
    public IReadOnlyList<RankedClaim> Rank(string text, int top = 5, int? year = null)
    {
        var (candidates, features) = Features(text, year);
        var scores = features.Select(Model.Score).ToArray();
        return Enumerable.Range(0, candidates.Length)
            .OrderByDescending(i => scores[i]).ThenBy(i => i)
            .Take(top)
            .Select((i, r) => new RankedClaim(_claims[candidates[i]], scores[i], r + 1))
            .ToList();
    }

    /// <summary>The first-stage candidates (claim indexes, BM25 order) and their feature vectors.</summary>
    public (int[] Candidates, double[][] Features) Features(string text, int? year)
    {
        var terms = _normalizer.NormalizeText(text, _language).Terms;
        int n = _claims.Count;
        var accClaim = new double[n];
        var accTitle = new double[n];
        _claimField.Score(terms, accClaim);
        _titleField.Score(terms, accTitle);
        var acc = new double[n];
        for (int d = 0; d < n; d++) acc[d] = accClaim[d] + TitleWeight * accTitle[d];
        var candidates = TopK(acc, Candidates);
        if (candidates.Length == 0) return (candidates, []);
        double top = Math.Max(1e-9, acc[candidates[0]]);
        double topClaim = Math.Max(1e-9, candidates.Max(d => accClaim[d]));
        double topTitle = Math.Max(1e-9, candidates.Max(d => accTitle[d]));
        var query = Weigh(Grams(text));
        double queryWeight = terms.Sum(_allField.Idf);
        var features = new double[candidates.Length][];
        for (int r = 0; r < candidates.Length; r++)
        {
            int d = candidates[r];
            double shared = Shared(terms, _allField.Docs[d], _allField.Idf), docWeight = _allField.Docs[d].Sum(_allField.Idf);
            double sharedClaim = Shared(terms, _claimField.Docs[d], _allField.Idf), claimWeight = _claimField.Docs[d].Sum(_allField.Idf);
            double yearMatch = year is int y && _years[d].Count > 0 ? (_years[d].Contains(y) || _years[d].Contains(y - 1) ? 1 : -1) : 0;
            features[r] =
            [
                acc[d] / top, accClaim[d] / topClaim, accTitle[d] / topTitle,
                queryWeight > 0 ? shared / queryWeight : 0, docWeight > 0 ? shared / docWeight : 0, claimWeight > 0 ? sharedClaim / claimWeight : 0,
                Cosine(query, _gramsAll[d]), 1.0 / (r + 1), Math.Log(1 + acc[d]), Cosine(query, _gramsClaim[d]), Cosine(query, _gramsTitle[d]), yearMatch,
            ];
        }
        return (candidates, features);
    }

    /// <summary>
    /// A word written without spaces ("fyrefestival", "stonemanshooting") as the words of the indexed claims it is
    /// made of ("fyre festival"), or the word itself when it is short, known as it stands, not all letters, or not
    /// made of known words. Of the ways to cut it, the likeliest under the claims' word frequencies wins, each cut
    /// costing as much as a word seen once in e^<see cref="CutCost"/> words, so common words are not strung together
    /// from short rare ones.
    /// </summary>
    public string SplitRunTogether(string word)
    {
        if (word.Length < MinRunTogether || word.Length > 64) return word;
        var w = word.ToLowerInvariant();
        if (_vocabulary.ContainsKey(w)) return word;
        foreach (var ch in w) if (!char.IsLetter(ch)) return word;
        int n = w.Length;
        var best = new double[n + 1];
        var from = new int[n + 1];
        Array.Fill(best, double.NegativeInfinity);
        best[0] = 0;
        var lookup = _vocabulary.GetAlternateLookup<ReadOnlySpan<char>>();
        for (int end = 2; end <= n; end++)
            for (int start = Math.Max(0, end - MaxPiece); start <= end - 2; start++)
            {
                if (double.IsNegativeInfinity(best[start]) || !lookup.TryGetValue(w.AsSpan(start, end - start), out int count)) continue;
                double score = best[start] + Math.Log(count) - _vocabularyLogTotal - CutCost;
                if (score > best[end]) { best[end] = score; from[end] = start; }
            }
        if (double.IsNegativeInfinity(best[n])) return word;
        var parts = new List<string>();
        for (int end = n; end > 0; end = from[end]) parts.Add(w[from[end]..end]);
        parts.Reverse();
        return string.Join(' ', parts);
    }

    private const int MinRunTogether = 6, MaxPiece = 20;
    private const double CutCost = 5;

    private void CountWords(string text)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            int j = i;
            while (j < text.Length && char.IsLetter(text[j])) j++;
            var word = text[i..j].ToLowerInvariant();
            _vocabulary[word] = _vocabulary.GetValueOrDefault(word) + 1;
            i = j;
        }
    }

    private static int[] TopK(double[] scores, int k)
    {
        var idx = new List<int>();
        for (int i = 0; i < scores.Length; i++) if (scores[i] > 0) idx.Add(i);
        idx.Sort((a, b) => scores[b] != scores[a] ? scores[b].CompareTo(scores[a]) : a.CompareTo(b));
        return idx.Take(k).ToArray();
    }

    private static double Shared(int[] query, int[] doc, Func<int, double> idf)
    {
        double s = 0;
        int i = 0, j = 0;
        while (i < query.Length && j < doc.Length)
        {
            if (query[i] == doc[j]) { s += idf(query[i]); i++; j++; }
            else if (query[i] < doc[j]) i++;
            else j++;
        }
        return s;
    }

    /// <summary>A text field indexed for BM25: terms per document (sorted sets), postings, idf, lengths.</summary>
    private sealed class Field
    {
        public readonly int[][] Docs;
        private readonly Dictionary<int, List<int>> _postings = new();
        private readonly Dictionary<int, double> _idf = new();
        private readonly double _avg;

        public Field(int[][] docs)
        {
            Docs = docs;
            for (int d = 0; d < docs.Length; d++)
                foreach (var t in docs[d])
                {
                    if (!_postings.TryGetValue(t, out var l)) _postings[t] = l = new List<int>();
                    l.Add(d);
                }
            foreach (var (t, l) in _postings) _idf[t] = Math.Log(1 + (docs.Length - l.Count + 0.5) / (l.Count + 0.5));
            _avg = docs.Length == 0 ? 1 : Math.Max(1, docs.Average(d => d.Length));
        }

        public double Idf(int term) => _idf.GetValueOrDefault(term);

        public void Score(int[] query, double[] acc)
        {
            foreach (var t in query)
            {
                if (!_postings.TryGetValue(t, out var list)) continue;
                double idf = _idf[t];
                foreach (var d in list) acc[d] += idf * (K1 + 1) / (1 + K1 * (1 - B + B * Docs[d].Length / _avg));
            }
        }
    }

    // ---- character n-grams ----------------------------------------------------------------------------

    private static Dictionary<string, int> Grams(string text)
    {
        var sb = new StringBuilder(text.Length + 2).Append(' ');
        bool space = true;
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch)) { sb.Append(char.ToLowerInvariant(ch)); space = false; }
            else if (!space) { sb.Append(' '); space = true; }
        }
        if (!space) sb.Append(' ');
        var s = sb.ToString();
        var grams = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i + GramLength <= s.Length; i++)
        {
            var g = s.Substring(i, GramLength);
            grams[g] = grams.GetValueOrDefault(g) + 1;
        }
        return grams;
    }

    private Dictionary<string, double> Weigh(Dictionary<string, int> grams)
    {
        var v = new Dictionary<string, double>(grams.Count, StringComparer.Ordinal);
        double norm = 0;
        foreach (var (g, tf) in grams)
        {
            double w = (1 + Math.Log(tf)) * Math.Log((_claims.Count + 1.0) / (_gramDf.GetValueOrDefault(g) + 1));
            v[g] = w;
            norm += w * w;
        }
        norm = Math.Sqrt(norm);
        if (norm > 0) foreach (var k in v.Keys.ToList()) v[k] /= norm;
        return v;
    }

    private static double Cosine(Dictionary<string, double> a, Dictionary<string, double> b)
    {
        if (a.Count > b.Count) (a, b) = (b, a);
        double s = 0;
        foreach (var (k, v) in a) if (b.TryGetValue(k, out var w)) s += v * w;
        return s;
    }

    private static readonly Regex YearPattern = new(@"\b(19[5-9]\d|20[0-4]\d)\b", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static HashSet<int> YearsIn(string text) =>
        YearPattern.Matches(text).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToHashSet();
}

/// <summary>The re-ranker's weights: per feature a mean and a standard deviation (to standardize it) and a weight.
/// Fitted with <see cref="Fit"/> on labelled queries; no fitted weights ship with Hearsay (the only labelled claim
/// matching data at hand, CheckThat! 2020, is for evaluation only), so <c>hearsay eval</c> fits them at run time.</summary>
public sealed class RankerModel
{
    public required double[] Mean { get; init; }
    public required double[] Sd { get; init; }
    public required double[] Weight { get; init; }

    /// <summary>Keeps the first stage's order: the combined BM25 score alone.</summary>
    public static RankerModel FirstStage { get; } = new()
    {
        Mean = new double[ClaimRanker.FeatureNames.Length],
        Sd = Enumerable.Repeat(1.0, ClaimRanker.FeatureNames.Length).ToArray(),
        Weight = ClaimRanker.FeatureNames.Select(f => f == "bm25" ? 1.0 : 0.0).ToArray(),
    };

    public double Score(double[] features)
    {
        double s = 0;
        for (int i = 0; i < Weight.Length; i++) s += Weight[i] * (features[i] - Mean[i]) / Sd[i];
        return s;
    }

    /// <summary>
    /// Fits the weights listwise: for each training query, a softmax over its candidates' scores, and the loss is
    /// the negative log of the probability the relevant candidates get (queries whose relevant claim is not among
    /// the candidates are skipped). Full-batch gradient descent, step 0.5, L2 <paramref name="l2"/>; deterministic.
    /// </summary>
    public static RankerModel Fit(IReadOnlyList<(double[][] Features, bool[] Relevant)> queries, double l2 = 0.001, int iterations = 2000)
    {
        int f = ClaimRanker.FeatureNames.Length;
        var all = queries.SelectMany(q => q.Features).ToList();
        var mean = new double[f];
        var sd = new double[f];
        for (int j = 0; j < f; j++)
        {
            mean[j] = all.Count == 0 ? 0 : all.Average(x => x[j]);
            sd[j] = (all.Count == 0 ? 0 : Math.Sqrt(all.Average(x => (x[j] - mean[j]) * (x[j] - mean[j])))) + 1e-9;
        }
        var z = queries.Select(q => q.Features.Select(x => x.Select((v, j) => (v - mean[j]) / sd[j]).ToArray()).ToArray()).ToArray();
        var w = new double[f];
        var grad = new double[f];
        var e = new double[queries.Count == 0 ? 0 : queries.Max(q => q.Features.Length)];
        for (int it = 0; it < iterations; it++)
        {
            Array.Clear(grad);
            for (int qi = 0; qi < queries.Count; qi++)
            {
                var xs = z[qi];
                var rel = queries[qi].Relevant;
                if (xs.Length == 0 || Array.IndexOf(rel, true) < 0) continue;
                double max = double.NegativeInfinity;
                for (int i = 0; i < xs.Length; i++)
                {
                    double v = 0;
                    for (int j = 0; j < f; j++) v += w[j] * xs[i][j];
                    e[i] = v;
                    max = Math.Max(max, v);
                }
                double sum = 0, relSum = 0;
                for (int i = 0; i < xs.Length; i++)
                {
                    e[i] = Math.Exp(e[i] - max);
                    sum += e[i];
                    if (rel[i]) relSum += e[i];
                }
                for (int i = 0; i < xs.Length; i++)
                {
                    double g = e[i] / sum - (rel[i] ? e[i] / relSum : 0);
                    for (int j = 0; j < f; j++) grad[j] += g * xs[i][j];
                }
            }
            for (int j = 0; j < f; j++) w[j] -= 0.5 * (grad[j] / Math.Max(1, queries.Count) + l2 * w[j]);
        }
        return new RankerModel { Mean = mean, Sd = sd, Weight = w };
    }
}
