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
///   the claim names fits the query's date). Its weights are data (Data/claim-ranker.tsv), fitted on the
///   CheckThat! 2020 task 2 training queries with <c>hearsay fit-ranker</c>.</item>
/// </list>
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
    private readonly RankerModel _model;

    public ClaimRanker(IReadOnlyList<KnownClaim> claims, string language = "en", RankerModel? model = null)
    {
        _claims = claims;
        _language = language;
        _model = model ?? RankerModel.Default;
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
    }

    public int Count => _claims.Count;

    /// <summary>The best <paramref name="top"/> claims for the text, best first.</summary>
    /// <param name="year">The year the text was written, when known (a claim naming another year ranks lower).</param>
    public IReadOnlyList<RankedClaim> Rank(string text, int top = 5, int? year = null)
    {
        var (candidates, features) = Features(text, year);
        var scores = features.Select(_model.Score).ToArray();
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
/// Read from Data/claim-ranker.tsv; written by <c>hearsay fit-ranker</c>.</summary>
public sealed class RankerModel
{
    public required double[] Mean { get; init; }
    public required double[] Sd { get; init; }
    public required double[] Weight { get; init; }

    private static readonly Lazy<RankerModel> Embedded = new(() => Parse(MatchingData.Rows("claim-ranker")));
    public static RankerModel Default => Embedded.Value;

    public double Score(double[] features)
    {
        double s = 0;
        for (int i = 0; i < Weight.Length; i++) s += Weight[i] * (features[i] - Mean[i]) / Sd[i];
        return s;
    }

    /// <summary>Rows: feature name, mean, standard deviation, weight, in <see cref="ClaimRanker.FeatureNames"/> order.</summary>
    public static RankerModel Parse(IReadOnlyList<string[]> rows)
    {
        var names = ClaimRanker.FeatureNames;
        var mean = new double[names.Length];
        var sd = new double[names.Length];
        var weight = new double[names.Length];
        var seen = new bool[names.Length];
        foreach (var r in rows)
        {
            int i = Array.IndexOf(names, r[0]);
            if (i < 0 || r.Length < 4) throw new FormatException($"claim-ranker: unknown feature or short row '{string.Join('\t', r)}'");
            mean[i] = double.Parse(r[1], CultureInfo.InvariantCulture);
            sd[i] = double.Parse(r[2], CultureInfo.InvariantCulture);
            weight[i] = double.Parse(r[3], CultureInfo.InvariantCulture);
            seen[i] = true;
        }
        if (seen.Any(s => !s)) throw new FormatException("claim-ranker: a feature has no row: " + string.Join(", ", names.Where((_, i) => !seen[i])));
        return new RankerModel { Mean = mean, Sd = sd, Weight = weight };
    }

    /// <summary>The model as a data file, with a header saying how it was made.</summary>
    public string ToTsv(string provenance)
    {
        var sb = new StringBuilder();
        sb.Append("# data: claim-ranker\n");
        sb.Append("# What: weights of the claim re-ranker (Matching/ClaimRanker.cs): per feature its mean and standard deviation\n");
        sb.Append("#   over the training candidates (features are standardized with them) and its weight in the linear score.\n");
        foreach (var line in provenance.Split('\n')) sb.Append("# ").Append(line).Append('\n');
        sb.Append("# Columns: feature, mean, sd, weight\n");
        for (int i = 0; i < Weight.Length; i++)
            sb.Append(ClaimRanker.FeatureNames[i]).Append('\t')
              .Append(Mean[i].ToString("R", CultureInfo.InvariantCulture)).Append('\t')
              .Append(Sd[i].ToString("R", CultureInfo.InvariantCulture)).Append('\t')
              .Append(Weight[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        return sb.ToString();
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
        for (int it = 0; it < iterations; it++)
        {
            var grad = new double[f];
            for (int qi = 0; qi < queries.Count; qi++)
            {
                var xs = z[qi];
                var rel = queries[qi].Relevant;
                if (xs.Length == 0 || !rel.Any(r => r)) continue;
                var s = xs.Select(x => x.Zip(w, (a, b) => a * b).Sum()).ToArray();
                double max = s.Max();
                var e = s.Select(v => Math.Exp(v - max)).ToArray();
                double sum = e.Sum(), relSum = 0;
                for (int i = 0; i < e.Length; i++) if (rel[i]) relSum += e[i];
                for (int i = 0; i < e.Length; i++)
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
