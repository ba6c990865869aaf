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
/// terms, re-ranked by a linear model). The data is for evaluation only, so nothing fitted on it ships: the
/// re-ranker's weights are fitted here, at run time and deterministically, on the labelled splits before the one
/// reported (dev: train; test: train and dev), and the reported split is never fitted on. Splits: test (160 queries),
/// dev (158). Predictions: one TREC run line per ranked claim (query, Q0, claim, rank, score, tag).
/// </summary>
public sealed class CheckThatDataset : IEvalDataset
{
    public const string Id = CheckThatData.Folder;
    public string Name => Id;
    public string SplitName(SplitChoice choice) => choice == SplitChoice.Dev ? "dev" : "test";

    /// <summary>The splits the re-ranker is fitted on before a split is reported.</summary>
    public static IReadOnlyList<string> FitSplits(string reported) => reported == "dev" ? ["train"] : ["train", "dev"];

    /// <summary>A split's tweets (with a gold claim) and their gold claims.</summary>
    private sealed record Split(List<CheckThatQuery> Queries, Dictionary<string, HashSet<string>> Gold);

    private static Split Load(DataRoot data, string split, ClaimRanker ranker)
    {
        var gold = CheckThatData.ReadQrels(data.Require(Id, split, "tweet-vclaim-pairs.qrels"));
        var queries = CheckThatData.ReadQueries(data.Require(Id, split, "tweets.queries.tsv"), ranker.SplitRunTogether);
        return new Split(queries.Where(q => gold.ContainsKey(q.Id)).ToList(), gold);
    }

    /// <summary>Fits the ranker's weights on the splits (listwise, see <see cref="RankerModel.Fit"/>) and sets them.</summary>
    private static RankerModel Fit(ClaimRanker ranker, IReadOnlyList<KnownClaim> claims, IEnumerable<Split> splits)
    {
        var sets = new List<(double[][], bool[])>();
        foreach (var s in splits)
            foreach (var q in s.Queries)
            {
                var (candidates, features) = ranker.Features(q.Text, q.Year);
                sets.Add((features, candidates.Select(c => s.Gold[q.Id].Contains(claims[c].Id)).ToArray()));
            }
        return ranker.Model = RankerModel.Fit(sets);
    }

    public DatasetReport Run(EvalContext context, string split)
    {
        var claims = CheckThatData.ReadClaims(context.Data.Require(Id, "verified_claims.docs.tsv"));
        var ranker = new ClaimRanker(claims);
        var reported = Load(context.Data, split, ranker);
        Fit(ranker, claims, FitSplits(split).Select(s => Load(context.Data, s, ranker)));
        var scorer = new MapScorer();
        var report = new DatasetReport();
        var outDir = context.PredictionsFolder(Id);
        var run = outDir is null ? null : new StringBuilder();
        foreach (var q in context.Limited(reported.Queries))
        {
            var ranked = ranker.Rank(q.Text, top: 10, year: q.Year);
            var ids = ranked.Select(r => r.Claim.Id).ToList();
            var gold = reported.Gold[q.Id];
            scorer.Add(ids, gold);
            if (MapScorer.AveragePrecision(ids, gold, 5) == 0)
            {
                var g = claims.First(c => gold.Contains(c.Id));
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

    /// <summary>Fits the re-ranker on the train split and reports MAP@5 on train (in-sample) and dev (held out) with
    /// the fitted weights, for looking at the model; nothing is written. Test is never read.</summary>
    public static (RankerModel Model, double Train, double Dev) FitRanker(DataRoot data)
    {
        var claims = CheckThatData.ReadClaims(data.Require(Id, "verified_claims.docs.tsv"));
        var ranker = new ClaimRanker(claims);
        var train = Load(data, "train", ranker);
        var dev = Load(data, "dev", ranker);
        var model = Fit(ranker, claims, [train]);
        double Map(Split s)
        {
            var scorer = new MapScorer();
            foreach (var q in s.Queries) scorer.Add(ranker.Rank(q.Text, top: 10, year: q.Year).Select(r => r.Claim.Id).ToList(), s.Gold[q.Id]);
            return scorer.Map(5);
        }
        return (model, Map(train), Map(dev));
    }
}
