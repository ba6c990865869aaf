using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Hearsay.Cli.Terminal;
using Hearsay.Ingest;
using Hearsay.Ingest.Sources;
using Hearsay.Store;

namespace Hearsay.Cli.Commands;

/// <summary>
/// <c>hearsay ingest PATH...</c>: streams folders, text and HTML files, JSON Lines, CSV and WARC (each also
/// gzip-compressed) into the store, analysing on all cores. Idempotent (articles are keyed by content and URL),
/// resumable and crash-safe (each batch is one transaction). Progress on stderr, a summary on stdout.
/// </summary>
public sealed class IngestCommand
{
    /// <summary>The run was stopped (Ctrl+C) before the end; what was stored stays, rerunning finishes the job.</summary>
    public const int ExitInterrupted = 130;

    public sealed record Settings
    {
        public required IReadOnlyList<string> Paths { get; init; }
        public string? Store { get; init; }
        public bool Reanalyze { get; init; }
        public string? Language { get; init; }
        public IReadOnlyList<string> Fields { get; init; } = [];
        public string? CsvSeparator { get; init; }
        public string? CsvQuote { get; init; }
        public string? CsvHeader { get; init; }
        public int? Workers { get; init; }
        public double? MaxSizeMB { get; init; }
        public string Format { get; init; } = "text";
        public string Progress { get; init; } = "auto";
        public bool Verbose { get; init; }
    }

    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Files or folders (searched recursively): .txt .md .html .htm, .jsonl .ndjson .json, .csv .tsv, .warc, each also as .gz.",
            Arity = ArgumentArity.OneOrMore,
        };
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (token.Value.Length > 1 && token.Value[0] == '-')
                    result.AddError($"Unrecognized option '{token.Value}'. (For a file whose name starts with '-', write ./{token.Value}.)");
        });
        var store = StoreOption.Create();
        var reanalyze = new Option<bool>("--reanalyze") { Description = "Redo the articles an older pipeline version stored (others are left alone)." };
        var lang = new Option<string?>("--lang") { Description = "Language of every article; skips detection.", HelpName = "de|en" };
        lang.AcceptOnlyFromAmong("de", "en");
        var field = new Option<string[]>("--field")
        {
            Description = "JSON Lines / CSV field names: text, title, url, outlet, published, language (e.g. text=body, title=meta.headline, text=2 for a CSV column). Repeatable.",
            HelpName = "FIELD=NAME",
            AllowMultipleArgumentsPerToken = false,
        };
        var csvSeparator = new Option<string?>("--csv-separator") { Description = "CSV separator (default: detected; 'tab' for a tab).", HelpName = "C" };
        var csvQuote = new Option<string?>("--csv-quote") { Description = "CSV quote character (default: detected, ' or \").", HelpName = "C" };
        var csvHeader = new Option<string?>("--csv-header") { Description = "Whether CSV files start with a header row (default: detected).", HelpName = "yes|no" };
        csvHeader.AcceptOnlyFromAmong("yes", "no");
        var workers = new Option<int?>("--workers", "-j") { Description = "Analysis workers (default: one per core).", HelpName = "N" };
        workers.Validators.Add(r => { if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--workers must be at least 1."); });
        var maxSize = new Option<double?>("--max-size") { Description = $"Largest article in MB (default {IngestOptions.DefaultMaxRecordBytes / 1_000_000}); larger ones are reported.", HelpName = "MB" };
        maxSize.Validators.Add(r => { if (r.GetValueOrDefault<double?>() is <= 0 or > 1000) r.AddError("--max-size must be more than 0 and at most 1000 MB."); });
        var format = new Option<string>("--format", "-f") { Description = "The summary: text or json.", DefaultValueFactory = _ => "text", HelpName = "text|json" };
        format.AcceptOnlyFromAmong("text", "json");
        var progress = new Option<string>("--progress")
        {
            Description = "auto: a live bar when stderr is a terminal, otherwise a line every 5 seconds.",
            DefaultValueFactory = _ => "auto",
            HelpName = "auto|bar|lines|none",
        };
        progress.AcceptOnlyFromAmong("auto", "bar", "lines", "none");

        var command = new Command("ingest", "Analyse many articles into the store: folders, text, HTML, JSON Lines, CSV and WARC, on all cores, resumable.");
        command.Arguments.Add(paths);
        foreach (var o in new Option[] { store, reanalyze, lang, field, csvSeparator, csvQuote, csvHeader, workers, maxSize, format, progress })
            command.Options.Add(o);
        command.SetAction(r => new IngestCommand(context).Run(new Settings
        {
            Paths = r.GetValue(paths) ?? [],
            Store = r.GetValue(store),
            Reanalyze = r.GetValue(reanalyze),
            Language = r.GetValue(lang),
            Fields = r.GetValue(field) ?? [],
            CsvSeparator = r.GetValue(csvSeparator),
            CsvQuote = r.GetValue(csvQuote),
            CsvHeader = r.GetValue(csvHeader),
            Workers = r.GetValue(workers),
            MaxSizeMB = r.GetValue(maxSize),
            Format = r.GetValue(format) ?? "text",
            Progress = r.GetValue(progress) ?? "auto",
            Verbose = r.GetValue(verbose),
        }));
        return command;
    }

    private readonly CliContext _context;

    public IngestCommand(CliContext context) => _context = context;

    public int Run(Settings settings)
    {
        var err = _context.Err;
        IngestOptions options;
        try
        {
            options = new IngestOptions
            {
                Reanalyze = settings.Reanalyze,
                Language = settings.Language,
                Fields = FieldMap.Parse(settings.Fields),
                CsvSeparator = Char(settings.CsvSeparator, "--csv-separator"),
                CsvQuote = Char(settings.CsvQuote, "--csv-quote"),
                CsvHeader = settings.CsvHeader is null ? null : settings.CsvHeader == "yes",
                Workers = settings.Workers ?? Environment.ProcessorCount,
                MaxRecordBytes = settings.MaxSizeMB is { } mb ? (int)(mb * 1_000_000) : IngestOptions.DefaultMaxRecordBytes,
            };
        }
        catch (ArgumentException ex)
        {
            err.WriteLine($"hearsay ingest: {ex.Message}");
            return ExitCodes.Usage;
        }

        string storePath = StoreOption.Resolve(_context, settings.Store);
        var inputs = InputFiles.Expand(settings.Paths, _context.CurrentDirectory, [storePath, storePath + "-wal", storePath + "-shm", storePath + "-journal"]);
        if (inputs.Errors.Count > 0)
        {
            foreach (var e in inputs.Errors) err.WriteLine($"hearsay: {e}");
            return ExitCodes.InputNotFound;
        }
        foreach (var note in inputs.Notes) err.WriteLine($"hearsay ingest: {note}: a corpus note (README, LICENSE, …), not read as an article");
        using var store = StoreOption.Open(_context, storePath, create: true, out int openCode);
        if (store is null) return openCode;

        var pipeline = new IngestPipeline(store, options);
        IngestResult? result = null;
        Exception? crash = null;
        var worker = new Thread(() =>
        {
            try { result = pipeline.Run(inputs.Files, "hearsay ingest " + string.Join(' ', settings.Paths), _context.Interrupt); }
            catch (Exception ex) { crash = ex; }
        }) { Name = "hearsay-ingest", IsBackground = true };
        worker.Start();
        var mode = settings.Progress switch
        {
            "bar" => IngestProgressView.Mode.Bar,
            "lines" => IngestProgressView.Mode.Lines,
            "none" => IngestProgressView.Mode.None,
            _ => IngestProgressView.Mode.Auto,
        };
        bool colors = _context.ErrorIsTerminal && string.IsNullOrEmpty(_context.GetEnvironmentVariable("NO_COLOR"));
        new IngestProgressView(err, _context.ErrorIsTerminal, colors, _context.Width).Follow(pipeline.Progress, () => !worker.IsAlive, mode);
        worker.Join();
        if (crash is not null)
        {
            Program.ReportInternalError(err, crash, settings.Verbose, "ingesting");
            return ExitCodes.InternalError;
        }
        var r = result!;
        if (r.Fatal is not null)
        {
            err.WriteLine(r.Fatal is StoreException or Microsoft.Data.Sqlite.SqliteException or IOException
                ? $"hearsay ingest: the store failed, the run stopped: {Program.OneLine(r.Fatal.Message)}"
                : $"hearsay ingest: internal error: {r.Fatal.GetType().Name}: {Program.OneLine(r.Fatal.Message)}");
            if (settings.Verbose) err.WriteLine(r.Fatal);
        }

        var summary = store.Summary();
        if (settings.Format == "json") WriteJson(r, summary, storePath);
        else WriteText(r, summary, storePath, settings.Verbose);
        _context.Out.Flush();

        var t = r.Totals;
        if (r.Fatal is not null) return r.Fatal is StoreException or Microsoft.Data.Sqlite.SqliteException or IOException ? ExitCodes.Usage : ExitCodes.InternalError;
        if (r.Interrupted) return ExitInterrupted;
        if (r.InternalErrors > 0) return ExitCodes.InternalError;
        if (t.Failed > 0) return t.Stored + t.Unchanged + t.OlderKept > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.AllInputsFailed;
        return ExitCodes.Ok;
    }

    private static char? Char(string? value, string option)
    {
        if (value is null) return null;
        if (value is "tab" or "\\t") return '\t';
        if (value.Length != 1) throw new ArgumentException($"{option} takes one character, not '{value}'");
        return value[0];
    }

    private void WriteText(IngestResult r, StoreSummary summary, string storePath, bool verbose)
    {
        var o = _context.Out;
        var t = r.Totals;
        string verb = r.Interrupted ? "interrupted" : r.Fatal is not null ? "stopped" : "done";
        o.WriteLine($"hearsay ingest: {verb}: {N(t.Added)} added, {N(t.Replaced)} reanalysed, {N(t.Unchanged)} already stored" +
                    (t.OlderKept > 0 ? $", {N(t.OlderKept)} from an older pipeline kept (--reanalyze redoes them)" : "") +
                    (t.Skipped > 0 ? $", {N(t.Skipped)} WARC records not articles" : "") +
                    $", {N(t.Failed)} {(t.Failed == 1 ? "error" : "errors")}, {N(t.Warnings)} {(t.Warnings == 1 ? "warning" : "warnings")}");
        o.WriteLine($"  {N(t.FilesDone)} of {N(t.FilesTotal)} files, {t.BytesRead / 1e6:0.0} MB read in {IngestProgressView.Duration(t.Elapsed)}: " +
                    $"{t.ArticlesPerSecond:0} articles/s, {t.ContentMBPerSecond:0.00} MB/s of article text");
        o.WriteLine($"  store {storePath}: {N(summary.Articles)} articles, {N(summary.Attributions)} attributions, {N(summary.Claims)} claims, " +
                    $"{summary.FileBytes / 1e6:0.0} MB" + (summary.Articles > 0 ? $" ({summary.FileBytes / 1024.0 / summary.Articles:0.0} KiB per article)" : ""));
        if (verbose)
            o.WriteLine($"  peak memory {Environment.WorkingSet / 1e6:0} MB now, {PeakRss() / 1e6:0} MB peak; run {r.RunId}, pipeline {Pipeline.AnalysisPipeline.Version}");
        if (r.ProblemCount == 0) return;
        o.WriteLine($"problems ({N(r.ProblemCount)}):");
        int shown = 0;
        foreach (var p in r.Problems.OrderBy(p => p.Severity).ThenBy(p => p.Input, StringComparer.Ordinal))
        {
            if (shown++ == 100 && !verbose) break;
            o.WriteLine($"  {(p.Severity == ProblemSeverity.Error ? "error  " : "warning")} {p.Where}: {p.Kind}: {p.Message}");
        }
        if (r.ProblemCount > shown)
            o.WriteLine($"  … and {N(r.ProblemCount - shown)} more, all in the store's problems table (run {r.RunId}); see docs/store.md.");
    }

    private void WriteJson(IngestResult r, StoreSummary summary, string storePath)
    {
        var t = r.Totals;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("status", r.Status);
            w.WriteNumber("run", r.RunId);
            w.WriteString("store", storePath);
            w.WriteNumber("files", t.FilesTotal);
            w.WriteNumber("bytes_read", t.BytesRead);
            w.WriteNumber("seconds", Math.Round(t.Elapsed.TotalSeconds, 3));
            w.WriteNumber("added", t.Added);
            w.WriteNumber("reanalysed", t.Replaced);
            w.WriteNumber("already_stored", t.Unchanged);
            w.WriteNumber("older_kept", t.OlderKept);
            w.WriteNumber("not_articles", t.Skipped);
            w.WriteNumber("errors", t.Failed);
            w.WriteNumber("warnings", t.Warnings);
            w.WriteNumber("articles_per_second", Math.Round(t.ArticlesPerSecond, 1));
            w.WriteNumber("text_mb_per_second", Math.Round(t.ContentMBPerSecond, 3));
            w.WriteStartObject("store_totals");
            w.WriteNumber("articles", summary.Articles);
            w.WriteNumber("attributions", summary.Attributions);
            w.WriteNumber("claims", summary.Claims);
            w.WriteNumber("bytes", summary.FileBytes);
            w.WriteEndObject();
            w.WriteNumber("problem_count", r.ProblemCount);
            w.WriteStartArray("problems");
            foreach (var p in r.Problems)
            {
                w.WriteStartObject();
                w.WriteString("severity", p.Severity == ProblemSeverity.Error ? "error" : "warning");
                w.WriteString("input", p.Input);
                w.WriteString("locator", p.Locator);
                w.WriteString("kind", p.Kind);
                w.WriteString("message", p.Message);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        _context.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>Peak resident memory (VmHWM on Linux), or the current working set elsewhere.</summary>
    internal static long PeakRss()
    {
        try
        {
            if (OperatingSystem.IsLinux())
                foreach (var line in File.ReadLines("/proc/self/status"))
                    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                        return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException) { }
        return System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64;
    }

    private static string N(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
