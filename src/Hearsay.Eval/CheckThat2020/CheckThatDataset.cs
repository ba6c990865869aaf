using System.Globalization;
using System.Text;
using Hearsay.Provenance.Matching;

namespace Hearsay.Eval.CheckThat2020;

/// <summary>MAP@k as the CheckThat! 2020 task 2 scorer computes it: per query, the precision at each rank (up to k)
/// that holds a relevant claim, summed and divided by the number of relevant claims; averaged over the queries.
/// Also the reciprocal rank of the first relevant claim (within the ranked list) and precision at 1.</summary>
public sealed class MapScorer
{
    private readonly int[] _depths = [1, 3, 5, 10];
    private readonly double[] _sums = new double[4];
    private double _rr, _p1;
    public int Queries { get; private set; }

    public void Add(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant)
    {
        Queries++;
        for (int d = 0; d < _depths.Length; d++) _sums[d] += AveragePrecision(ranked, relevant, _depths[d]);
        for (int i = 0; i < ranked.Count; i++)
            if (relevant.Contains(ranked[i])) { _rr += 1.0 / (i + 1); break; }
        if (ranked.Count > 0 && relevant.Contains(ranked[0])) _p1++;
    }

    public static double AveragePrecision(IReadOnlyList<string> ranked, IReadOnlySet<string> relevant, int depth)
    {
        if (relevant.Count == 0) return 0;
        int found = 0;
        double sum = 0;
        for (int i = 0; i < Math.Min(depth, ranked.Count); i++)
            if (relevant.Contains(ranked[i])) { found++; sum += found / (double)(i + 1); }
        return sum / relevant.Count;
    }

    public double Map(int depth) => Queries == 0 ? 0 : _sums[Array.IndexOf(_depths, depth)] / Queries;
    public double Mrr => Queries == 0 ? 0 : _rr / Queries;
    public double PrecisionAt1 => Queries == 0 ? 0 : _p1 / Queries;
}

/// <summary>
/// CLEF-2020 CheckThat! task 2 (English tweets, 10,375 verified Snopes claims): for each tweet, rank the verified
/// claims it repeats; the official metric is MAP@5. Hearsay ranks with <see cref="ClaimRanker"/> (BM25 on its claim
/// terms, re-ranked by a linear model whose weights, Data/claim-ranker.tsv in Hearsay.Provenance, were fitted on the
/// train split with <c>hearsay fit-ranker</c>; dev is for checking, test for reporting). Splits: test (160 queries),
/// dev (158). Predictions: one TREC run line per ranked claim (query, Q0, claim, rank, score, tag).
/// </summary>
public sealed class CheckThatDataset : IEvalDataset
{
    public const string Id = CheckThatData.Folder;
    public string Name => Id;
    public string SplitName(SplitChoice choice) => choice == SplitChoice.Dev ? "dev" : "test";

    public DatasetReport Run(EvalContext context, string split)
    {
        var claims = CheckThatData.ReadClaims(context.Data.Require(Id, "verified_claims.docs.tsv"));
        var queries = CheckThatData.ReadQueries(context.Data.Require(Id, split, "tweets.queries.tsv"));
        var gold = CheckThatData.ReadQrels(context.Data.Require(Id, split, "tweet-vclaim-pairs.qrels"));
        var ranker = new ClaimRanker(claims);
        var scorer = new MapScorer();
        var report = new DatasetReport();
        var outDir = context.PredictionsFolder(Id);
        var run = outDir is null ? null : new StringBuilder();
        foreach (var q in context.Limited(queries.Where(q => gold.ContainsKey(q.Id))))
        {
            var ranked = ranker.Rank(q.Text, top: 10, year: q.Year);
            var ids = ranked.Select(r => r.Claim.Id).ToList();
            scorer.Add(ids, gold[q.Id]);
            if (MapScorer.AveragePrecision(ids, gold[q.Id], 5) == 0)
            {
                var g = claims.First(c => gold[q.Id].Contains(c.Id));
                report.Errors.Add(ranked.Count == 0 ? "no candidate" : "relevant claim not in top 5",
                    () => $"{Short(q.Text)} → expected “{Short(g.Text)}”, ranked first “{(ranked.Count > 0 ? Short(ranked[0].Claim.Text) : "-")}”");
            }
            foreach (var r in ranked)
                run?.Append(q.Id).Append("\tQ0\t").Append(r.Claim.Id).Append('\t').Append(r.Rank).Append('\t')
                   .Append(r.Score.ToString("0.######", CultureInfo.InvariantCulture)).Append("\thearsay\n");
        }
        if (run is not null) File.WriteAllText(Path.Combine(outDir!, $"{split}.run"), run.ToString());
        int n = scorer.Queries;
        report.Documents = n;
        report.Rows.Add(MetricRow.Rate(Id, "claim matching", split, "MAP@5", scorer.Map(5), n));
        report.Rows.Add(MetricRow.Rate(Id, "claim matching", split, "MAP@1", scorer.Map(1), n));
        report.Rows.Add(MetricRow.Rate(Id, "claim matching", split, "MAP@3", scorer.Map(3), n));
        report.Rows.Add(MetricRow.Rate(Id, "claim matching", split, "MAP@10", scorer.Map(10), n));
        report.Rows.Add(MetricRow.Rate(Id, "claim matching", split, "MRR@10", scorer.Mrr, n));
        report.Rows.Add(MetricRow.Rate(Id, "claim matching", split, "P@1", scorer.PrecisionAt1, n));
        return report;
    }

    private static string Short(string s)
    {
        s = s.ReplaceLineEndings(" ").Trim();
        return s.Length <= 90 ? s : s[..87] + "...";
    }

    /// <summary>Fits the re-ranker on the train split (listwise, see <see cref="RankerModel.Fit"/>) and reports MAP@5 on
    /// train and dev with the fitted weights. Test is never looked at.</summary>
    public static (RankerModel Model, double Train, double Dev) FitRanker(DataRoot data)
    {
        var claims = CheckThatData.ReadClaims(data.Require(Id, "verified_claims.docs.tsv"));
        var ranker = new ClaimRanker(claims);
        (List<(double[][], bool[])> Sets, List<(int[] Candidates, string Query)> Lists, Dictionary<string, HashSet<string>> Gold, List<CheckThatQuery> Queries) Load(string split)
        {
            var queries = CheckThatData.ReadQueries(data.Require(Id, split, "tweets.queries.tsv"));
            var gold = CheckThatData.ReadQrels(data.Require(Id, split, "tweet-vclaim-pairs.qrels"));
            var sets = new List<(double[][], bool[])>();
            var lists = new List<(int[], string)>();
            foreach (var q in queries.Where(q => gold.ContainsKey(q.Id)))
            {
                var (cands, features) = ranker.Features(q.Text, q.Year);
                sets.Add((features, cands.Select(c => gold[q.Id].Contains(claims[c].Id)).ToArray()));
                lists.Add((cands, q.Id));
            }
            return (sets, lists, gold, queries);
        }
        var train = Load("train");
        var dev = Load("dev");
        var model = RankerModel.Fit(train.Sets);
        double Map((List<(double[][], bool[])> Sets, List<(int[] Candidates, string Query)> Lists, Dictionary<string, HashSet<string>> Gold, List<CheckThatQuery> Queries) s)
        {
            var scorer = new MapScorer();
            for (int i = 0; i < s.Lists.Count; i++)
            {
                var (features, _) = s.Sets[i];
                var cands = s.Lists[i].Candidates;
                var order = Enumerable.Range(0, cands.Length).OrderByDescending(k => model.Score(features[k])).ThenBy(k => k).Select(k => claims[cands[k]].Id).Take(10).ToList();
                scorer.Add(order, s.Gold[s.Lists[i].Query]);
            }
            return scorer.Map(5);
        }
        return (model, Map(train), Map(dev));
    }
}
