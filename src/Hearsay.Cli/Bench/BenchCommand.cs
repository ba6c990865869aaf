using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hearsay.Ingest;
using Hearsay.Ingest.Sources;
using Hearsay.Pipeline;

namespace Hearsay.Cli.Bench;

/// <summary>
/// <c>hearsay bench</c>: throughput of the full default pipeline over real news text (the 10kGNAD test split,
/// read from the data folder, never from the repository). One warm-up pass, then timed single-threaded
/// passes (MB/s per core, articles/s, bytes allocated per article), and with --parallel a run over all cores.
/// </summary>
public sealed class BenchCommand
{
    /// <summary>The corpus file, relative to the data folder.</summary>
    public const string CorpusPath = "10kgnad/test.csv";
    public const string DataEnvironmentVariable = "HEARSAY_DATA";

    public sealed record Settings(string? Data, int Repeat, bool Parallel, bool Verbose);

    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var data = new Option<string?>("--data")
        {
            Description = $"Data folder holding {CorpusPath} (default: ${DataEnvironmentVariable}, else ../shared/data), or a CSV file in that format.",
            HelpName = "DIR",
        };
        var repeat = new Option<int>("--repeat", "-n")
        {
            Description = "Timed passes over the corpus after the warm-up pass.",
            DefaultValueFactory = _ => 3,
        };
        repeat.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 1) r.AddError("--repeat must be at least 1.");
        });
        var parallel = new Option<bool>("--parallel") { Description = "Also time one pass with one worker per core." };
        var command = new Command("bench", "Measure analysis throughput on the 10kGNAD news corpus.");
        command.Options.Add(data);
        command.Options.Add(repeat);
        command.Options.Add(parallel);
        command.Subcommands.Add(IngestBench.Create(context, verbose));
        command.SetAction(result => new BenchCommand(context).Run(new Settings(
            result.GetValue(data), result.GetValue(repeat), result.GetValue(parallel), result.GetValue(verbose))));
        return command;
    }

    private readonly CliContext _context;

    public BenchCommand(CliContext context) => _context = context;

    /// <summary>The corpus file: --data, else $HEARSAY_DATA, else ../shared/data; a folder gets <see cref="CorpusPath"/> appended.</summary>
    public string ResolveCorpus(string? data, out string origin)
    {
        string? env = _context.GetEnvironmentVariable(DataEnvironmentVariable);
        string root;
        if (!string.IsNullOrEmpty(data)) { root = data; origin = "--data"; }
        else if (!string.IsNullOrEmpty(env)) { root = env; origin = DataEnvironmentVariable; }
        else { root = Path.Combine("..", "shared", "data"); origin = "default"; }
        string full = Path.GetFullPath(root, _context.CurrentDirectory);
        return File.Exists(full) ? full : Path.Combine(full, CorpusPath);
    }

    public int Run(Settings settings)
    {
        var output = _context.Out;
        var err = _context.Err;
        string corpus = ResolveCorpus(settings.Data, out string origin);
        if (!File.Exists(corpus))
        {
            string folder = Path.GetDirectoryName(Path.GetDirectoryName(corpus)) ?? corpus;
            err.WriteLine(Directory.Exists(folder)
                ? $"hearsay bench: ERROR: the data folder {folder} (from {origin}) has no {CorpusPath}."
                : $"hearsay bench: ERROR: data folder not found: {folder} (from {origin}).");
            err.WriteLine($"hearsay bench: point --data DIR or ${DataEnvironmentVariable} at the folder that holds {CorpusPath}.");
            return ExitCodes.InputNotFound;
        }

        List<string> texts;
        try
        {
            texts = ReadCorpus(corpus);
        }
        catch (FormatException ex)
        {
            err.WriteLine($"hearsay bench: ERROR: {corpus}: {ex.Message}");
            return ExitCodes.AllInputsFailed;
        }
        if (texts.Count == 0)
        {
            err.WriteLine($"hearsay bench: ERROR: {corpus} holds no articles.");
            return ExitCodes.AllInputsFailed;
        }
        long bytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        double mb = bytes / 1e6;

        var pipeline = AnalysisPipeline.CreateDefault();
        var analyzer = new Analyzer(pipeline);
        output.WriteLine($"hearsay bench: {N(texts.Count)} articles, {mb:0.00} MB of UTF-8 text from {corpus}");
        output.WriteLine($"pipeline {AnalysisPipeline.Version}, {pipeline.Stages.Count} stages ({string.Join(", ", pipeline.Stages.Select(s => s.Name))})");
        output.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores, server GC {(System.Runtime.GCSettings.IsServerGC ? "on" : "off")}");
        output.Flush();

        var warm = Stopwatch.StartNew();
        foreach (var t in texts) analyzer.AnalyzeText(t);
        output.WriteLine($"warm-up:  1 pass in {warm.Elapsed.TotalSeconds:0.00} s");

        // Single thread: the figure per core. Allocations are counted on this thread only.
        // The thread's CPU time is also taken: on a loaded machine it is the steadier figure (no waiting for a core).
        var passes = new List<double>(settings.Repeat);
        var cpuPasses = new List<double>(settings.Repeat);
        long allocated = 0;
        for (int r = 0; r < settings.Repeat; r++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            long cpu = IngestProfile.ThreadCpuNs();
            var clock = Stopwatch.StartNew();
            foreach (var t in texts) analyzer.AnalyzeText(t);
            passes.Add(clock.Elapsed.TotalSeconds);
            cpuPasses.Add((IngestProfile.ThreadCpuNs() - cpu) / 1e9);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            if (settings.Verbose) err.WriteLine($"hearsay bench: pass {r + 1}: {passes[^1]:0.000} s (thread CPU {cpuPasses[^1]:0.000} s)");
        }
        double total = passes.Sum();
        double best = passes.Min();
        output.WriteLine($"single thread, {settings.Repeat} timed pass{(settings.Repeat == 1 ? "" : "es")}:");
        output.WriteLine($"  throughput   {mb * settings.Repeat / total:0.00} MB/s per core (best pass {mb / best:0.00} MB/s)");
        output.WriteLine($"  articles     {texts.Count * settings.Repeat / total:0} articles/s");
        output.WriteLine($"  allocated    {allocated / (double)(texts.Count * settings.Repeat) / 1024:0.0} KiB per article");
        output.WriteLine($"  time/pass    {total / settings.Repeat:0.000} s (best {best:0.000} s)");
        if (IngestProfile.ThreadClock)
            output.WriteLine($"  thread CPU   {mb * settings.Repeat / cpuPasses.Sum():0.00} MB/s per CPU second (best pass {mb / cpuPasses.Min():0.00} MB/s, {cpuPasses.Min():0.000} s)");

        if (settings.Verbose)
        {
            // Where a pass's time goes: one more pass, each stage timed on its own (reading the text included).
            // Timed by the thread's CPU clock where there is one (Linux), so other processes do not inflate it.
            var perStage = new double[pipeline.Stages.Count];
            double reading = 0;
            foreach (var t in texts)
            {
                long mark = IngestProfile.ThreadCpuNs();
                var article = Hearsay.Input.ArticleReader.FromText(t);
                long now = IngestProfile.ThreadCpuNs();
                reading += (now - mark) / 1e9;
                for (int i = 0; i < perStage.Length; i++)
                {
                    var stage = pipeline.Stages[i];
                    mark = now;
                    stage.Process(article, pipeline.Languages.For(article.Language));
                    now = IngestProfile.ThreadCpuNs();
                    perStage[i] += (now - mark) / 1e9;
                }
            }
            double all = reading + perStage.Sum();
            err.WriteLine($"hearsay bench: {(IngestProfile.ThreadClock ? "thread CPU" : "time")} per stage in one pass ({all:0.000} s): reading and structure {reading:0.000} s ({100 * reading / all:0}%)");
            for (int i = 0; i < perStage.Length; i++)
                err.WriteLine($"hearsay bench:   {pipeline.Stages[i].Name,-20} {perStage[i]:0.000} s ({100 * perStage[i] / all:0}%)");
        }

        if (settings.Parallel)
        {
            int cores = Environment.ProcessorCount;
            var clock = Stopwatch.StartNew();
            Parallel.ForEach(texts, new ParallelOptions { MaxDegreeOfParallelism = cores }, t => analyzer.AnalyzeText(t));
            double s = clock.Elapsed.TotalSeconds;
            output.WriteLine($"parallel, {cores} workers, 1 pass:");
            output.WriteLine($"  throughput   {mb / s:0.00} MB/s total, {mb / s / cores:0.00} MB/s per core");
            output.WriteLine($"  articles     {texts.Count / s:0} articles/s");
        }
        output.Flush();
        return ExitCodes.Ok;
    }

    /// <summary>The article texts of the corpus file (second field of each record; a record with one field is taken whole).</summary>
    public static List<string> ReadCorpus(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        var csv = new QuotedCsvReader(reader);
        var texts = new List<string>();
        foreach (var record in csv.Records())
        {
            string text = record.Length >= 2 ? string.Join(';', record.Skip(1)) : record[0];
            if (!string.IsNullOrWhiteSpace(text)) texts.Add(text);
        }
        return texts;
    }

    private static string N(int n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
