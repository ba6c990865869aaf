using Hearsay.Document;

namespace Hearsay.Eval;

/// <summary>Everything one evaluation run shares: where the data is, the analyzer, limits, and where
/// predictions go.</summary>
public sealed class EvalContext
{
    public required DataRoot Data { get; init; }
    /// <summary>The default pipeline with the speech-event layer on (SpkAtt-2023 and REDEWIEDERGABE read it).</summary>
    public Analyzer Analyzer { get; init; } = new(Hearsay.Pipeline.AnalysisPipeline.CreateDefault(speechEvents: true));
    /// <summary>At most this many documents per dataset (null: all).</summary>
    public int? Limit { get; init; }
    /// <summary>Folder for predictions in each dataset's own format, or null.</summary>
    public string? PredictionsDir { get; init; }
    /// <summary>Degree of parallelism for analysis (scoring is sequential and deterministic).</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
    /// <summary>Progress messages (stderr), or null.</summary>
    public Action<string>? Log { get; init; }

    public IEnumerable<T> Limited<T>(IEnumerable<T> items) => Limit is int n ? items.Take(n) : items;

    /// <summary>Analyzes each item's text in parallel and yields (item, article) in input order.</summary>
    public IEnumerable<(T Item, Article Article)> AnalyzeAll<T>(IEnumerable<T> items, Func<T, string> text, string language) =>
        items.AsParallel().AsOrdered().WithDegreeOfParallelism(Math.Max(1, Parallelism))
            .Select(item => (item, Analyzer.AnalyzeText(text(item), new ArticleMetadata { Language = language })));

    /// <summary>The predictions folder for a dataset (created), or null when predictions are off.</summary>
    public string? PredictionsFolder(string dataset, string? split = null)
    {
        if (PredictionsDir is null) return null;
        var dir = split is null ? Path.Combine(PredictionsDir, dataset) : Path.Combine(PredictionsDir, dataset, split);
        Directory.CreateDirectory(dir);
        return dir;
    }
}

/// <summary>Which split to evaluate. Each dataset maps it to its own split names: a dataset without a test
/// split reports the one it has (spkatt2023: dev; the quantity specs: all); redewiedergabe has Hearsay's own
/// dev/test split (RedewiedergabeSplit).</summary>
public enum SplitChoice { Test, Dev }

/// <summary>One corpus: reads it, runs Hearsay over it and scores the output with the corpus's own metric.</summary>
public interface IEvalDataset
{
    string Name { get; }
    /// <summary>The dataset's own name of the split for the choice ("validation" for GAP's dev).</summary>
    string SplitName(SplitChoice choice);
    DatasetReport Run(EvalContext context, string split);
}

/// <summary>The figures of one dataset run and its error classes.</summary>
public sealed class DatasetReport
{
    public List<MetricRow> Rows { get; } = new();
    public ErrorLog Errors { get; } = new();
    public int Documents { get; set; }
}
