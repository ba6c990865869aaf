namespace Hearsay.Eval;

/// <summary>One figure of an evaluation: which dataset, task and split it measures, and the numbers.
/// Precision/recall/F1 for span and token metrics; <see cref="Value"/> for a pass rate or an accuracy.</summary>
public sealed record MetricRow(string Dataset, string Task, string Split, string Metric)
{
    public double? P { get; init; }
    public double? R { get; init; }
    public double? F1 { get; init; }
    /// <summary>A pass rate or accuracy (share in [0, 1]), for metrics that are not P/R/F1.</summary>
    public double? Value { get; init; }
    /// <summary>Documents (articles, speeches, sentences, examples or cases) the figure was measured on.</summary>
    public int Documents { get; init; }
    public double Seconds { get; init; }

    /// <summary>The figure a floor is checked against: F1, else the value.</summary>
    public double Headline => F1 ?? Value ?? 0;

    /// <summary>Key of the row in a floors file: "dataset/split/metric".</summary>
    public string Key => $"{Dataset}/{Split}/{Metric}";

    public static MetricRow Prf(string dataset, string task, string split, string metric, Prf counts, int documents) =>
        new(dataset, task, split, metric) { P = counts.Precision, R = counts.Recall, F1 = counts.F1, Documents = documents };

    public static MetricRow Rate(string dataset, string task, string split, string metric, double value, int documents) =>
        new(dataset, task, split, metric) { Value = value, Documents = documents };
}
