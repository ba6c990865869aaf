using System.Diagnostics;

namespace Hearsay.Eval;

/// <summary>The datasets Hearsay is evaluated on, in report order.</summary>
public static class EvalDatasets
{
    public static IReadOnlyList<IEvalDataset> All { get; } = new IEvalDataset[]
    {
        new WikinewsQuotes.WikinewsQuotesDataset(),
        new SpkAtt2023.SpkAttDataset(),
        new PolNeAR.PolnearDataset(),
        new Redewiedergabe.RedewiedergabeDataset(),
        new Ner.GermEvalNerDataset(),
        new Ner.UnerDataset(),
        new RecognizersSpecs.RecognizersSpecsDataset(),
        new Gap.GapDataset(),
        new Gum.GumDataset(),
        new CheckThat2020.CheckThatDataset(),
    };

    public static IEvalDataset? Find(string name) =>
        All.FirstOrDefault(d => d.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>The result of one run over one or more datasets.</summary>
public sealed class EvalRun
{
    public List<MetricRow> Rows { get; } = new();
    public List<(string Dataset, string Split, ErrorLog Errors)> Errors { get; } = new();
}

/// <summary>Runs datasets and stamps their rows with the elapsed time.</summary>
public static class EvalRunner
{
    public static EvalRun Run(EvalContext context, IEnumerable<IEvalDataset> datasets, SplitChoice choice)
    {
        var run = new EvalRun();
        foreach (var dataset in datasets)
        {
            var split = dataset.SplitName(choice);
            context.Log?.Invoke($"eval: {dataset.Name} ({split}) …");
            var sw = Stopwatch.StartNew();
            var report = dataset.Run(context, split);
            double seconds = Math.Round(sw.Elapsed.TotalSeconds, 1);
            foreach (var row in report.Rows) run.Rows.Add(row with { Seconds = seconds });
            run.Errors.Add((dataset.Name, split, report.Errors));
            context.Log?.Invoke($"eval: {dataset.Name} ({split}) done in {seconds:0.0} s, {report.Documents} documents");
        }
        return run;
    }
}
