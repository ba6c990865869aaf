using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Hearsay.Provenance.Graph;
using Hearsay.Provenance.Matching;
using Hearsay.Provenance.Model;
using Hearsay.Provenance.Sources;
using Hearsay.Provenance.Synthetic;
using ClaimCorpus = Hearsay.Provenance.Synthetic.SyntheticCorpus;

namespace Hearsay.Cli.Bench;

/// <summary>
/// <c>hearsay bench provenance</c>: how linking claims across articles scales. The 10kGNAD test split is analyzed
/// once; <see cref="ClaimCorpus"/> replicates it with seeded rewordings to each size (default 10k, 30k and
/// 100k articles), and each size is linked from scratch, one article at a time as an ingest would. Reported per
/// size: claims, seconds, microseconds per claim, postings scanned and comparisons per claim, clusters, the cost of
/// the last tenth of the articles (the marginal cost of an incremental add), and the time to build the graph.
/// Near-linear growth shows as a flat µs/claim column.
/// </summary>
public static class ProvenanceBenchCommand
{
    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var data = new Option<string?>("--data") { HelpName = "DIR", Description = $"Data folder holding {BenchCommand.CorpusPath} (default: ${BenchCommand.DataEnvironmentVariable}, else ../shared/data)." };
        var sizes = new Option<int[]>("--sizes")
        {
            HelpName = "N",
            Description = "Corpus sizes in articles (repeatable or comma-separated). Default: 10000 30000 100000.",
            AllowMultipleArgumentsPerToken = true,
            CustomParser = r => r.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries))
                .Select(s => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out int n) ? n : -1).ToArray(),
        };
        sizes.Validators.Add(r => { if ((r.GetValueOrDefault<int[]>() ?? []).Any(n => n < 1)) r.AddError("--sizes must be positive whole numbers."); });
        var command = new Command("provenance", "Measure how linking claims across articles scales (synthetic corpus from 10kGNAD at 10k, 30k, 100k articles).");
        command.Options.Add(data);
        command.Options.Add(sizes);
        command.SetAction(parse => Run(context, parse.GetValue(data), parse.GetValue(sizes) is { Length: > 0 } s ? s : [10_000, 30_000, 100_000], parse.GetValue(verbose)));
        return command;
    }

    private static int Run(CliContext context, string? data, int[] sizes, bool verbose)
    {
        var output = context.Out;
        var err = context.Err;
        var corpus = new BenchCommand(context).ResolveCorpus(data, out var origin);
        if (!File.Exists(corpus))
        {
            err.WriteLine($"hearsay bench provenance: ERROR: {corpus} not found (from {origin}); point --data DIR or ${BenchCommand.DataEnvironmentVariable} at the folder that holds {BenchCommand.CorpusPath}.");
            return ExitCodes.InputNotFound;
        }
        var texts = BenchCommand.ReadCorpus(corpus);
        var clock = Stopwatch.StartNew();
        var analyzer = new Analyzer();
        var bases = texts.AsParallel().AsOrdered()
            .Select((t, i) => ArticleClaimsExtractor.Extract(analyzer.AnalyzeText(t, new Document.ArticleMetadata { Language = "de" }), i, "b" + i.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        int baseClaims = bases.Sum(b => b.Claims.Count);
        output.WriteLine($"hearsay bench provenance: base {bases.Count:#,0} articles from {corpus}, {baseClaims:#,0} claims, analyzed once in {clock.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine($"synthetic corpus: relays {ClaimCorpus.RelayShare:P0} of the claims of each later copy, the rest reworded into new claims (seeded)");
        output.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores; linking is single-threaded");
        output.WriteLine();
        output.WriteLine("articles    claims   link s   µs/claim  postings/claim  comparisons/claim  clusters(≥2)  last 10% µs/claim  graph s  memory MB  GC pause s");
        var synthetic = new ClaimCorpus(bases);
        foreach (var size in sizes)
        {
            var articles = synthetic.Articles(size).ToList();
            GC.Collect();
            GC.WaitForPendingFinalizers();
            long memBefore = GC.GetTotalMemory(true);
            var linker = new ClaimLinker();
            var pauseBefore = GC.GetTotalPauseDuration();
            int tenth = Math.Max(1, size / 10);
            var sw = Stopwatch.StartNew();
            double lastStart = 0;
            long claimsBeforeLast = 0;
            for (int i = 0; i < articles.Count; i++)
            {
                if (i == size - tenth) { lastStart = sw.Elapsed.TotalSeconds; claimsBeforeLast = linker.Claims.Count; }
                linker.Add(articles[i]);
            }
            double seconds = sw.Elapsed.TotalSeconds;
            double gcSeconds = (GC.GetTotalPauseDuration() - pauseBefore).TotalSeconds;
            double lastMicros = (seconds - lastStart) * 1e6 / Math.Max(1, linker.Claims.Count - claimsBeforeLast);
            long memAfter = GC.GetTotalMemory(false);
            var g = Stopwatch.StartNew();
            var graph = ProvenanceBuilder.Build(linker, new GraphOptions { MinArticles = 2 });
            double graphSeconds = g.Elapsed.TotalSeconds;
            var st = linker.Stats;
            double perClaim = seconds * 1e6 / Math.Max(1, st.Claims);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{size,8:#,0}  {st.Claims,8:#,0}  {seconds,7:0.00}  {perClaim,9:0.0}  {st.PostingsScanned / (double)Math.Max(1, st.Claims),14:0.0}  {st.Comparisons / (double)Math.Max(1, st.Claims),17:0.0}  {graph.Claims.Count,12:#,0}  {lastMicros,17:0.0}  {graphSeconds,7:0.00}  {(memAfter - memBefore) / 1e6,9:0}  {gcSeconds,10:0.00}"));
            output.Flush();
            if (verbose)
                err.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hearsay bench provenance: {size} articles: {st.Links} links, {st.Merges} merges; normalize {st.NormalizeTicks / (double)Stopwatch.Frequency:0.00} s, candidates and scoring {st.LinkTicks / (double)Stopwatch.Frequency:0.00} s, indexing {st.IndexTicks / (double)Stopwatch.Frequency:0.00} s"));
        }
        return ExitCodes.Ok;
    }
}
