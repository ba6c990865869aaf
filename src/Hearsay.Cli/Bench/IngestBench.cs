using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hearsay.Cli.Analyze;
using Hearsay.Cli.Commands;
using Hearsay.Ingest;
using Hearsay.Ingest.Sources;
using Hearsay.Pipeline;
using Hearsay.Store;
using Hearsay.Store.Sqlite;

namespace Hearsay.Cli.Bench;

/// <summary>
/// <c>hearsay bench ingest</c>: the store at scale. On the 10kGNAD test split it times the analysis alone on all
/// cores, then an ingest of the same file into a fresh store (the ratio is the cost of reading, JSON, compression
/// and SQLite). Then it writes a synthetic corpus (<see cref="SyntheticCorpus"/>, 100,000 articles by default)
/// and ingests it, reporting throughput, peak memory and store size per article, and times
/// <c>sources</c> and <c>search</c> on the full store. Wall-clock time and CPU time are both given: on a busy
/// machine the CPU time is the steadier figure.
/// </summary>
public sealed class IngestBench
{
    public sealed record Settings(string? Data, int Articles, string? Work, bool Keep, bool CorpusOnly, int Runs, int Seed, bool Verbose);

    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var data = new Option<string?>("--data")
        {
            Description = $"Data folder holding {BenchCommand.CorpusPath} (default: ${BenchCommand.DataEnvironmentVariable}, else ../shared/data), or a CSV file in that format.",
            HelpName = "DIR",
        };
        var articles = new Option<int>("--articles") { Description = "Articles in the synthetic corpus.", DefaultValueFactory = _ => 100_000, HelpName = "N" };
        articles.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 0) r.AddError("--articles must not be negative."); });
        var work = new Option<string?>("--work") { Description = "Folder for the corpus and the stores (default: a new temporary folder).", HelpName = "DIR" };
        var keep = new Option<bool>("--keep") { Description = "Keep the corpus and the stores (the temporary folder is deleted otherwise)." };
        var corpusOnly = new Option<bool>("--corpus-only") { Description = "Only write the synthetic corpus (synthetic-N.jsonl in --work) and stop." };
        var runs = new Option<int>("--runs") { Description = "Timed runs of each query.", DefaultValueFactory = _ => 20, HelpName = "N" };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic corpus.", DefaultValueFactory = _ => SyntheticCorpus.DefaultSeed };
        var command = new Command("ingest", "Measure ingest throughput against analysis, store size, and query latency on a synthetic corpus made from 10kGNAD.");
        foreach (var o in new Option[] { data, articles, work, keep, corpusOnly, runs, seed }) command.Options.Add(o);
        command.SetAction(r => new IngestBench(context).Run(new Settings(r.GetValue(data), r.GetValue(articles), r.GetValue(work), r.GetValue(keep),
            r.GetValue(corpusOnly), Math.Max(1, r.GetValue(runs)), r.GetValue(seed), r.GetValue(verbose))));
        return command;
    }

    /// <summary>Rounds of analysis and ingest of 10kGNAD, in turn; the best of each is reported.</summary>
    private const int Rounds = 3;

    private readonly CliContext _context;

    public IngestBench(CliContext context) => _context = context;

    public int Run(Settings settings)
    {
        var o = _context.Out;
        var err = _context.Err;
        string corpus = new BenchCommand(_context).ResolveCorpus(settings.Data, out string origin);
        if (!File.Exists(corpus))
        {
            err.WriteLine($"hearsay bench ingest: ERROR: no corpus at {corpus} (from {origin}); point --data DIR or ${BenchCommand.DataEnvironmentVariable} at the folder that holds {BenchCommand.CorpusPath}.");
            return ExitCodes.InputNotFound;
        }
        var texts = BenchCommand.ReadCorpus(corpus);
        bool temporary = settings.Work is null;
        string work = settings.Work is null
            ? Directory.CreateTempSubdirectory("hearsay-bench-").FullName
            : Path.GetFullPath(settings.Work, _context.CurrentDirectory);
        Directory.CreateDirectory(work);
        try
        {
            string synthetic = Path.Combine(work, $"synthetic-{settings.Articles.ToString(CultureInfo.InvariantCulture)}.jsonl");
            if (settings.CorpusOnly)
            {
                var c = Stopwatch.StartNew();
                long bytes = SyntheticCorpus.Write(texts, settings.Articles, synthetic, settings.Seed);
                o.WriteLine($"synthetic corpus: {N(settings.Articles)} articles, {bytes / 1e6:0.0} MB, seed {settings.Seed}, written to {synthetic} in {c.Elapsed.TotalSeconds:0.0} s");
                return ExitCodes.Ok;
            }
            long textBytes = texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
            int cores = Environment.ProcessorCount;
            o.WriteLine($"hearsay bench ingest: {N(texts.Count)} articles, {textBytes / 1e6:0.00} MB from {corpus}; {cores} cores, .NET {Environment.Version}, pipeline {AnalysisPipeline.Version}");
            o.Flush();

            // Warm-up: two analysis passes and two ingests of the whole file, so that no timing pays for JIT
            // compilation (.NET optimizes hot code in the background over the first few seconds).
            var pipeline = AnalysisPipeline.CreateDefault();
            var analyzer = new Analyzer(pipeline);
            for (int pass = 0; pass < 2; pass++)
                Parallel.ForEach(texts, new ParallelOptions { MaxDegreeOfParallelism = cores }, t => analyzer.AnalyzeText(t));
            Ingest(pipeline, Path.Combine(work, "warmup.db"), corpus);
            Ingest(pipeline, Path.Combine(work, "warmup.db"), corpus);
            // The same articles as files, for the analyze command, which reads files (one text file per article).
            string articleFolder = Path.Combine(work, "articles");
            Directory.CreateDirectory(articleFolder);
            for (int i = 0; i < texts.Count; i++)
                File.WriteAllText(Path.Combine(articleFolder, i.ToString("D5", CultureInfo.InvariantCulture) + ".txt"), texts[i], new UTF8Encoding(false));
            string analyzeOutput = Path.Combine(work, "analyze.jsonl");
            RunAnalyzeCommand(articleFolder, analyzeOutput);

            // 1. Analysis alone (all cores, the articles in memory) and 2. an ingest of the same file into a fresh
            // store, in turn, three times: the best time and the least CPU of each, so that a burst of load elsewhere
            // on a shared machine does not decide the ratio.
            string smallStore = Path.Combine(work, "10kgnad.db");
            double analysisSeconds = double.MaxValue, analysisCpu = double.MaxValue, ingestSeconds = double.MaxValue, ingestCpu = double.MaxValue;
            double commandSeconds = double.MaxValue, commandCpu = double.MaxValue;
            IngestResult small = null!;
            Memory analysisMemory = default, ingestMemory = default;
            for (int round = 0; round < Rounds; round++)
            {
                var (s1, c1) = Measure(() => Parallel.ForEach(texts, new ParallelOptions { MaxDegreeOfParallelism = cores }, t => analyzer.AnalyzeText(t)), out analysisMemory);
                (analysisSeconds, analysisCpu) = (Math.Min(analysisSeconds, s1), Math.Min(analysisCpu, c1));
                var (s2, c2) = Measure(() => small = Ingest(pipeline, smallStore, corpus), out ingestMemory);
                (ingestSeconds, ingestCpu) = (Math.Min(ingestSeconds, s2), Math.Min(ingestCpu, c2));
                var (s3, c3) = Measure(() => RunAnalyzeCommand(articleFolder, analyzeOutput));
                (commandSeconds, commandCpu) = (Math.Min(commandSeconds, s3), Math.Min(commandCpu, c3));
            }
            double analysisMBs = textBytes / 1e6 / analysisSeconds;
            o.WriteLine($"analysis, {cores} workers:  {analysisMBs:0.00} MB/s, {texts.Count / analysisSeconds:0} articles/s, " +
                        $"{analysisSeconds:0.00} s, CPU {analysisCpu:0.00} s (best of {Rounds})");
            double ingestMBs = small.Totals.ContentBytes / 1e6 / ingestSeconds;
            o.WriteLine($"ingest 10kGNAD csv:   {ingestMBs:0.00} MB/s, {small.Totals.Stored / ingestSeconds:0} articles/s, {ingestSeconds:0.00} s, " +
                        $"CPU {ingestCpu:0.00} s (best of {Rounds}); {N(small.Totals.Stored)} articles stored");
            o.WriteLine($"  ingest / analysis:  {100 * ingestMBs / analysisMBs:0}% of the throughput, {100 * analysisCpu / ingestCpu:0}% by CPU time (target: at least 80%)");
            double commandMBs = textBytes / 1e6 / commandSeconds;
            o.WriteLine($"analyze command:      {commandMBs:0.00} MB/s, {texts.Count / commandSeconds:0} articles/s, {commandSeconds:0.00} s, CPU {commandCpu:0.00} s " +
                        $"(best of {Rounds}; 'hearsay analyze FOLDER -f jsonl -o FILE' on the same articles as text files: reading, analysis and " +
                        "JSON Lines output, one article at a time, as the command does)");
            o.WriteLine($"  ingest / analyze command: {100 * ingestMBs / commandMBs:0}% of the throughput, {100 * commandCpu / ingestCpu:0}% by CPU time");
            o.WriteLine($"  memory, last round: analysis {analysisMemory.Describe(texts.Count)}");
            o.WriteLine($"                      ingest   {ingestMemory.Describe(texts.Count)}");
            o.WriteLine($"  store:              {StoreBytes(smallStore) / 1e6:0.0} MB, {StoreBytes(smallStore) / 1024.0 / Math.Max(1, small.Totals.Stored):0.0} KiB per article");
            o.Flush();
            if (settings.Articles == 0) return ExitCodes.Ok;

            // 3. The synthetic corpus.
            var clock = Stopwatch.StartNew();
            long corpusBytes = SyntheticCorpus.Write(texts, settings.Articles, synthetic, settings.Seed);
            o.WriteLine($"synthetic corpus:     {N(settings.Articles)} articles, {corpusBytes / 1e6:0.0} MB JSON Lines (seed {settings.Seed}), written in {clock.Elapsed.TotalSeconds:0.0} s");
            o.Flush();
            string bigStore = Path.Combine(work, "synthetic.db");
            long rssBefore = IngestCommand.PeakRss();
            IngestResult big = null!;
            var (bigSeconds, bigCpu) = Measure(() => big = Ingest(pipeline, bigStore, synthetic));
            var t = big.Totals;
            o.WriteLine($"ingest synthetic:     {N(t.Stored)} articles in {bigSeconds:0.0} s: {t.Stored / bigSeconds:0} articles/s, {t.ContentBytes / 1e6 / bigSeconds:0.00} MB/s, " +
                        $"CPU {bigCpu:0.0} s; {N(t.Failed)} errors; peak RSS {Math.Max(rssBefore, IngestCommand.PeakRss()) / 1e6:0} MB");
            // The same comparison at scale: the analysis alone over a sample of the synthetic articles (the text
            // ingest analysed: title, blank line, text), steady state, against the whole ingest.
            var sample = SyntheticTexts(synthetic, Math.Min(settings.Articles, 20_000));
            long sampleBytes = sample.Sum(x => (long)Encoding.UTF8.GetByteCount(x));
            Parallel.ForEach(sample, new ParallelOptions { MaxDegreeOfParallelism = cores }, x => analyzer.AnalyzeText(x));
            var (sampleSeconds, sampleCpu) = Measure(() => Parallel.ForEach(sample, new ParallelOptions { MaxDegreeOfParallelism = cores }, x => analyzer.AnalyzeText(x)));
            double sampleMBs = sampleBytes / 1e6 / sampleSeconds, bigMBs = t.ContentBytes / 1e6 / bigSeconds;
            o.WriteLine($"  analysis alone:     {sampleMBs:0.00} MB/s on {N(sample.Count)} of these articles (CPU {sampleCpu / sampleBytes * 1e6:0.000} s per MB; ingest {bigCpu / t.ContentBytes * 1e6:0.000} s per MB)");
            o.WriteLine($"  ingest / analysis:  {100 * bigMBs / sampleMBs:0}% of the throughput, {100 * (sampleCpu / sampleBytes) / (bigCpu / t.ContentBytes):0}% by CPU time (target: at least 80%)");
            long size = StoreBytes(bigStore);
            o.WriteLine($"  store:              {size / 1e6:0.0} MB, {size / 1024.0 / Math.Max(1, t.Stored):0.0} KiB per article ({size / (double)Math.Max(1, t.ContentBytes):0.00} bytes per byte of text)");
            o.Flush();

            // 4. Queries on the full store, through the store API the commands use: first (cold) and then warm.
            Queries(bigStore, texts, settings.Runs);
            if (!temporary || settings.Keep) o.WriteLine($"kept: {work}");
            return ExitCodes.Ok;
        }
        finally
        {
            if (temporary && !settings.Keep)
            {
                try { Directory.Delete(work, recursive: true); } catch (IOException) { }
            }
            else if (settings.Keep && temporary) err.WriteLine($"hearsay bench ingest: kept {work}");
        }
    }

    /// <summary>The first <paramref name="count"/> articles of a synthetic corpus as ingest analyses them.</summary>
    private static List<string> SyntheticTexts(string path, int count)
    {
        var list = new List<string>(count);
        foreach (var line in File.ReadLines(path))
        {
            if (list.Count >= count) break;
            using var doc = System.Text.Json.JsonDocument.Parse(line);
            list.Add(doc.RootElement.GetProperty("title").GetString() + "\n\n" + doc.RootElement.GetProperty("text").GetString());
        }
        return list;
    }

    /// <summary>Runs <c>hearsay analyze FOLDER -f jsonl -o OUTPUT</c> through the command itself.</summary>
    private void RunAnalyzeCommand(string folder, string output)
    {
        var context = new CliContext { Out = TextWriter.Null, Err = TextWriter.Null, CurrentDirectory = _context.CurrentDirectory };
        int code = new AnalyzeCommand(context).Run(new AnalyzeCommand.Settings([folder], OutputFormat.Jsonl, null, IncludeText: true, output, Verbose: false));
        if (code != ExitCodes.Ok) throw new InvalidOperationException($"hearsay analyze {folder} exited with {code}.");
    }

    private IngestResult Ingest(AnalysisPipeline pipeline, string storePath, string input)
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(storePath + suffix);
        using var store = SqliteArticleStore.Open(storePath);
        var files = InputFiles.Expand([input], _context.CurrentDirectory).Files;
        return new IngestPipeline(store, new IngestOptions(), pipeline).Run(files, "bench ingest " + Path.GetFileName(input));
    }

    private void Queries(string storePath, List<string> texts, int runs)
    {
        var o = _context.Out;
        var words = QueryWords(texts);
        o.WriteLine($"queries ({runs} runs each; cold = first run after opening; times inside the process):");
        var all = new List<double>();
        using (var store = SqliteArticleStore.Open(storePath, create: false))
        {
            var (cold, warm) = Time(runs, () => store.Sources(new SourceQuery()));
            all.AddRange(warm);
            o.WriteLine($"  sources                    cold {cold:0.0} ms, median {Median(warm):0.0} ms, max {warm.Max():0.0} ms");
            foreach (var w in words)
            {
                int hits = 0;
                var (c, ws) = Time(runs, () => hits = store.Search(new SearchQuery { Text = w }).Count);
                all.AddRange(ws);
                o.WriteLine($"  search {("\"" + w + "\"").PadRight(20)}cold {c:0.0} ms, median {Median(ws):0.0} ms, max {ws.Max():0.0} ms ({hits} hits shown)");
            }
        }
        all.Sort();
        o.WriteLine($"  all queries: median {Median(all):0.0} ms, 95th percentile {all[(int)(all.Count * 0.95)]:0.0} ms, max {all[^1]:0.0} ms (target: under 200 ms)");
        o.WriteLine($"  (a whole 'hearsay sources' or 'hearsay search' command adds the .NET start-up, about 0.1 to 0.3 s)");
    }

    /// <summary>Query words chosen from the corpus itself, so they exist: the words of at least five letters at
    /// frequency ranks 1, 10, 100 and 1,000 (from very common to rare), plus a two-word query.</summary>
    private static List<string> QueryWords(List<string> texts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in texts)
            foreach (var w in t.Split([' ', '\n', ',', '.', ';', ':', '"', '„', '“', '(', ')', '?', '!'], StringSplitOptions.RemoveEmptyEntries))
                if (w.Length >= 5 && w.All(char.IsLetter)) counts[w] = counts.GetValueOrDefault(w) + 1;
        var ranked = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => kv.Key).ToList();
        var words = new[] { 0, 9, 99, 999 }.Where(i => i < ranked.Count).Select(i => ranked[i]).ToList();
        if (ranked.Count > 30) words.Add(ranked[4] + " " + ranked[29]);
        return words;
    }

    private static (double Cold, List<double> Warm) Time(int runs, Action query)
    {
        var clock = Stopwatch.StartNew();
        query();
        double cold = clock.Elapsed.TotalMilliseconds;
        var warm = new List<double>(runs);
        for (int i = 0; i < runs; i++)
        {
            clock.Restart();
            query();
            warm.Add(clock.Elapsed.TotalMilliseconds);
        }
        return (cold, warm);
    }

    private static (double Seconds, double CpuSeconds) Measure(Action action) => Measure(action, out _);

    /// <summary>Times <paramref name="action"/>, and counts what it allocated and the collections it caused.</summary>
    private static (double Seconds, double CpuSeconds) Measure(Action action, out Memory memory)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var before = Memory.Now();
        var clock = Stopwatch.StartNew();
        action();
        double seconds = clock.Elapsed.TotalSeconds;
        process.Refresh();
        memory = Memory.Now() - before;
        return (seconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }

    /// <summary>Bytes allocated, collections by generation, and the time the collections paused the process.</summary>
    private readonly record struct Memory(long Allocated, int Gen0, int Gen1, int Gen2, TimeSpan Pauses)
    {
        public static Memory Now() => new(GC.GetTotalAllocatedBytes(precise: true), GC.CollectionCount(0), GC.CollectionCount(1),
            GC.CollectionCount(2), GC.GetTotalPauseDuration());

        public static Memory operator -(Memory a, Memory b) =>
            new(a.Allocated - b.Allocated, a.Gen0 - b.Gen0, a.Gen1 - b.Gen1, a.Gen2 - b.Gen2, a.Pauses - b.Pauses);

        public string Describe(int articles) =>
            $"{Allocated / 1024.0 / Math.Max(1, articles):0} KB allocated per article; collections: gen0 {Gen0}, gen1 {Gen1}, gen2 {Gen2}, " +
            $"paused {Pauses.TotalMilliseconds:0} ms";
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    private static long StoreBytes(string path) =>
        new[] { "", "-wal" }.Select(s => path + s).Where(File.Exists).Sum(p => new FileInfo(p).Length);

    private static string N(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
