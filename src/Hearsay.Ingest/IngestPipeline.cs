using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Unicode;
using Hearsay.Document;
using Hearsay.Ingest.Sources;
using Hearsay.Input;
using Hearsay.Output;
using Hearsay.Pipeline;
using Hearsay.Store;
using Hearsay.Store.Indexing;

namespace Hearsay.Ingest;

/// <summary>How an ingest run ended.</summary>
public sealed record IngestResult(
    long RunId,
    IngestSnapshot Totals,
    IReadOnlyList<ProblemRecord> Problems,
    long ProblemCount,
    int InternalErrors,
    bool Interrupted,
    Exception? Fatal)
{
    /// <summary>At most this many problems are kept in memory for the summary; the store has them all.</summary>
    public const int MaxProblemsListed = 1000;

    /// <summary>"done", "partial", "interrupted" or "failed", as recorded in the store's runs table.</summary>
    public string Status => Fatal is not null ? "failed" : Interrupted ? "interrupted" : Totals.Failed > 0 ? "partial" : "done";
}

/// <summary>
/// Streams inputs into a store: one reader thread (files → records, keyed and checked against the store, so
/// what is stored already is never analysed again), one analysis worker per core (article reader, the full
/// pipeline, the hearsay.article/1 JSON, the query facts), and one writer thread that commits small batches,
/// each in one transaction. The queues between them are bounded, so memory does not grow with the input.
/// <para>Stopping (cancellation) stops the reading; what is under way is analysed and stored, then the run ends
/// as "interrupted". Killing the process at any moment loses at most the uncommitted batch; running the same
/// ingest again finishes the job.</para>
/// </summary>
public sealed class IngestPipeline
{
    private readonly IArticleStore _store;
    private readonly IngestOptions _options;
    private readonly AnalysisPipeline _pipeline;
    private readonly ReaderOptions _readerOptions;
    private readonly ConcurrentDictionary<ArticleKey, byte> _inFlight = new();
    private readonly List<ProblemRecord> _problems = new();
    private long _problemCount;
    private int _internalErrors;

    public IngestPipeline(IArticleStore store, IngestOptions? options = null, AnalysisPipeline? pipeline = null)
    {
        _store = store;
        _options = options ?? new IngestOptions();
        _pipeline = pipeline ?? AnalysisPipeline.CreateDefault();
        _readerOptions = new ReaderOptions { MaxBytes = _options.MaxRecordBytes, LargeInputBytes = _options.MaxRecordBytes };
    }

    public IngestProgress Progress { get; } = new();

    /// <summary>Runs the ingest to its end (or until <paramref name="stop"/> is signalled) and records it in the store.</summary>
    /// <param name="command">The command line, recorded with the run.</param>
    public IngestResult Run(IReadOnlyList<InputFile> files, string command, CancellationToken stop = default)
    {
        Progress.Start(files.Count, files.Sum(f => f.Size));
        IngestProfile.Begin();
        long runId = _store.BeginRun(command);
        int workers = Math.Max(1, _options.Workers);
        using var toAnalyze = new BlockingCollection<Work>(workers * 4);
        // Room for two batches: enough to keep the writer busy, few enough that analysed articles rarely live
        // long enough to be promoted to an older GC generation.
        using var toWrite = new BlockingCollection<Item>(_options.BatchSize * 2);
        using var abort = new CancellationTokenSource();
        using var stopReading = CancellationTokenSource.CreateLinkedTokenSource(stop, abort.Token);
        Exception? fatal = null;
        void Fail(Exception ex)
        {
            Interlocked.CompareExchange(ref fatal, ex, null);
            abort.Cancel();
        }

        var reader = Start("hearsay-reader", () =>
        {
            try { ReadAll(files, toAnalyze, toWrite, stopReading.Token, abort.Token); }
            catch (OperationCanceledException) when (abort.IsCancellationRequested) { }
            catch (Exception ex) { Fail(ex); }
            finally { toAnalyze.CompleteAdding(); IngestProfile.ThreadDone(); }
        });
        int running = workers;
        var analysts = Enumerable.Range(0, workers).Select(i => Start($"hearsay-analysis-{i}", () =>
        {
            try { AnalyzeAll(toAnalyze, toWrite, abort.Token); }
            catch (OperationCanceledException) when (abort.IsCancellationRequested) { }
            catch (Exception ex) { Fail(ex); }
            finally
            {
                if (Interlocked.Decrement(ref running) == 0) toWrite.CompleteAdding();
                IngestProfile.ThreadDone();
            }
        })).ToList();
        var writer = Start("hearsay-writer", () =>
        {
            try { WriteAll(runId, toWrite, abort.Token); }
            catch (OperationCanceledException) when (abort.IsCancellationRequested) { }
            catch (Exception ex) { Fail(ex); }
            finally { IngestProfile.ThreadDone(); }
        });

        reader.Join();
        foreach (var t in analysts) t.Join();
        writer.Join();
        Progress.Stop();

        var totals = Progress.Snapshot();
        IngestProfile.End(totals.Stored);
        var result = new IngestResult(runId, totals, _problems.ToList(), Interlocked.Read(ref _problemCount), _internalErrors,
            stop.IsCancellationRequested && fatal is null, fatal);
        try
        {
            _store.EndRun(runId, result.Status, new RunTotals(totals.Added, totals.Replaced, totals.Unchanged + totals.OlderKept, totals.Failed, totals.Warnings));
            if (fatal is null && totals.Stored > 0) _store.Optimize();
        }
        catch (Exception ex) when (fatal is not null)
        {
            // The store already failed; the first error is the one to report.
            _ = ex;
        }
        return result;
    }

    private static Thread Start(string name, ThreadStart body)
    {
        var thread = new Thread(body) { Name = name, IsBackground = true };
        thread.Start();
        return thread;
    }

    private readonly record struct Work(InputRecord Record, ArticleKey Key, bool Replace);

    /// <summary>What the writer gets: the store write, and for an article the bytes of content it stands for.</summary>
    private readonly record struct Item(StoreWrite Write, long ContentBytes = 0)
    {
        public static implicit operator Item(StoreWrite write) => new(write);
    }

    // ---- reader --------------------------------------------------------------------------------------

    private void ReadAll(IReadOnlyList<InputFile> files, BlockingCollection<Work> toAnalyze, BlockingCollection<Item> toWrite,
        CancellationToken stop, CancellationToken abort)
    {
        foreach (var file in files)
        {
            if (stop.IsCancellationRequested) return;
            try
            {
                using var raw = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
                using var counted = new CountingStream(raw, Progress.BytesRead);
                var mark = IngestProfile.Now();
                foreach (var record in Records(file, counted))
                {
                    mark = IngestProfile.Add(IngestProfile.Step.ReadRecord, mark);
                    if (stop.IsCancellationRequested) return;
                    Progress.Record();
                    if (record.Problem is { } problem)
                    {
                        toWrite.Add(StoreWrite.Of(problem), abort);
                        continue;
                    }
                    if (record.Bytes is null && record.Text is null)
                    {
                        Progress.Skipped();
                        continue;
                    }
                    var key = record.Key();
                    mark = IngestProfile.Add(IngestProfile.Step.Key, mark);
                    var state = _store.StateOf(key);
                    mark = IngestProfile.Add(IngestProfile.Step.Lookup, mark);
                    if (state == ArticleState.Current || (state == ArticleState.Older && !_options.Reanalyze))
                    {
                        if (state == ArticleState.Current) Progress.Unchanged();
                        else Progress.OlderKept();
                        continue;
                    }
                    // The same content twice in one run: analysed once.
                    if (!_inFlight.TryAdd(key, 0))
                    {
                        Progress.Unchanged();
                        continue;
                    }
                    toAnalyze.Add(new Work(record, key, state == ArticleState.Older), abort);
                    mark = IngestProfile.Add(IngestProfile.Step.QueueToAnalysis, mark);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException && ex is not GzipDataException)
            {
                toWrite.Add(StoreWrite.Of(new ProblemRecord(file.Name, "", ProblemSeverity.Error, "unreadable",
                    $"cannot be read: {ex.Message}")), abort);
            }
            catch (GzipDataException ex)
            {
                toWrite.Add(StoreWrite.Of(new ProblemRecord(file.Name, "", ProblemSeverity.Error, ex.Truncated ? "truncated" : "damaged", ex.Message)), abort);
            }
            finally
            {
                Progress.FileDone();
            }
        }
    }

    /// <summary>A null-content record without a problem stands for a record passed over (a WARC request).</summary>
    private IEnumerable<InputRecord> Records(InputFile file, Stream stream)
    {
        switch (file.Format)
        {
            case InputFormat.JsonLines:
                return Gunzipped(file, stream, s => JsonLinesReader.Read(file, s, _options));
            case InputFormat.Csv:
                return Gunzipped(file, stream, s => CsvRecordReader.Read(file, s, _options));
            case InputFormat.Warc:
                return WarcReader.Read(file, stream, _options);
            default:
                return WholeFileReader.Read(file, stream, _options);
        }
    }

    private static IEnumerable<InputRecord> Gunzipped(InputFile file, Stream stream, Func<Stream, IEnumerable<InputRecord>> read)
    {
        if (!file.Gzip) return read(stream);
        return Iterate();

        IEnumerable<InputRecord> Iterate()
        {
            using var gz = new GzipMemberReader(stream, leaveOpen: true);
            foreach (var r in read(gz)) yield return r;
        }
    }

    // ---- analysis ------------------------------------------------------------------------------------

    private void AnalyzeAll(BlockingCollection<Work> toAnalyze, BlockingCollection<Item> toWrite, CancellationToken abort)
    {
        var json = new JsonArticleWriter(new JsonOutputOptions { IncludeText = true, Indented = false });
        var buffer = new ArrayBufferWriter<byte>(64 * 1024);
        var mark = IngestProfile.Now();
        foreach (var work in toAnalyze.GetConsumingEnumerable(abort))
        {
            mark = IngestProfile.Add(IngestProfile.Step.TakeForAnalysis, mark);
            var record = work.Record;
            Article article;
            string? title;
            try
            {
                (article, title) = Load(record);
                mark = IngestProfile.Add(IngestProfile.Step.Load, mark);
            }
            catch (InputException ex)
            {
                Drop(work.Key);
                toWrite.Add(StoreWrite.Of(new ProblemRecord(record.Input, record.Locator, ProblemSeverity.Error, KindOf(ex.Kind), Reason(ex))), abort);
                continue;
            }
            ArticleRecord stored;
            try
            {
                _pipeline.Run(article);
                mark = IngestProfile.Add(IngestProfile.Step.Analysis, mark);
                buffer.ResetWrittenCount();
                json.WriteDocument(buffer, article);
                mark = IngestProfile.Add(IngestProfile.Step.Json, mark);
                var analysis = AnalysisCodec.Encode(buffer.WrittenSpan);
                mark = IngestProfile.Add(IngestProfile.Step.Compress, mark);
                var facts = ArticleFacts.Of(article);
                stored = new ArticleRecord
                {
                    Key = work.Key,
                    Url = article.Metadata.Url,
                    Title = title ?? TitleOf(article),
                    Outlet = article.Metadata.Outlet,
                    Published = article.Metadata.Published,
                    Language = article.Language,
                    Origin = record.Origin,
                    Characters = article.Text.Length,
                    PipelineVersion = AnalysisPipeline.Version,
                    Analysis = analysis,
                    Facts = facts,
                    AttributionCount = article.Attributions.Count,
                    ClaimCount = article.Claims.Count,
                    ReplaceOlder = work.Replace,
                };
                mark = IngestProfile.Add(IngestProfile.Step.Facts, mark);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Interlocked.Increment(ref _internalErrors);
                Drop(work.Key);
                toWrite.Add(StoreWrite.Of(new ProblemRecord(record.Input, record.Locator, ProblemSeverity.Error, "internal-error",
                    $"a bug in Hearsay while analysing this article: {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}")), abort);
                continue;
            }
            toWrite.Add(new Item(StoreWrite.Of(stored), record.Text is not null ? Encoding.UTF8.GetByteCount(record.Text) : record.Bytes!.Length), abort);
            foreach (var d in article.Diagnostics)
                if (d.Code == TextDecoder.DiagnosticCode && d.Severity == Severity.Warning)
                    toWrite.Add(StoreWrite.Of(new ProblemRecord(record.Input, record.Locator, ProblemSeverity.Warning, "encoding",
                        "stored, but " + char.ToLowerInvariant(d.Message[0]) + d.Message[1..].TrimEnd('.'))), abort);
            mark = IngestProfile.Add(IngestProfile.Step.QueueToWriter, mark);
        }
    }

    /// <summary>The article, and its title when the input gave one.</summary>
    private (Article Article, string? Title) Load(InputRecord record)
    {
        if (record.Text is not null) return (ArticleReader.FromText(record.Text, record.Metadata), record.Title);
        var bytes = record.Bytes!;
        if (Undecodable(bytes, record.Metadata) is { } reason)
            throw new InputException(InputErrorKind.Binary, record.Input, reason);
        var article = ArticleReader.FromBytes(bytes, record.Metadata, _readerOptions);
        // A plain-text file may open with front matter (FrontMatter); its key stays that of the file's bytes.
        if (FrontMatter.ApplyTo(article, record.Input, _options.Language) is { } read) return (read.Article, read.Title ?? record.Title);
        return (article, record.Title);
    }

    /// <summary>
    /// Bulk input is held to a stricter standard than a single file: bytes that are not UTF-8, declare no
    /// charset, and are more than a quarter outside ASCII are not text in any encoding Hearsay would guess
    /// (German or English in Windows-1252 has a few percent), so they are refused rather than stored as garbage.
    /// </summary>
    internal static string? Undecodable(ReadOnlySpan<byte> bytes, ArticleMetadata metadata)
    {
        if (metadata.Encoding is not null || bytes.Length < 16 || Utf8.IsValid(bytes)) return null;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0])) return null;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return NotUtf16(bytes[2..], bigEndian: bytes[0] == 0xFE);
        var head = bytes[..Math.Min(bytes.Length, 4096)];
        if (head.IndexOf("charset"u8) >= 0 || head.IndexOf("CHARSET"u8) >= 0 || head.IndexOf("\0"u8) >= 0) return null;
        int high = 0;
        foreach (byte b in bytes) if (b >= 0x80) high++;
        if (high * 4 <= bytes.Length) return null;
        return $"not valid UTF-8, and {100.0 * high / bytes.Length:0}% of the bytes are outside ASCII: not text in an encoding Hearsay can tell";
    }

    /// <summary>
    /// Bytes after a UTF-16 byte-order mark that are not UTF-16 text: more than one code unit in twenty is an
    /// unpaired surrogate, a private-use or non-character, or a control character other than tab and line breaks.
    /// Real UTF-16 text has next to none of these; bytes that merely begin with FF FE (as invalid UTF-8 may) have
    /// about one in seven.
    /// </summary>
    internal static string? NotUtf16(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        int units = Math.Min(bytes.Length, 1 << 16) / 2, odd = 0;
        for (int i = 0; i < units; i++)
        {
            int u = bigEndian ? bytes[2 * i] << 8 | bytes[2 * i + 1] : bytes[2 * i + 1] << 8 | bytes[2 * i];
            int next = i + 1 < units ? (bigEndian ? bytes[2 * i + 2] << 8 | bytes[2 * i + 3] : bytes[2 * i + 3] << 8 | bytes[2 * i + 2]) : -1;
            if (u is >= 0xD800 and <= 0xDBFF && next is >= 0xDC00 and <= 0xDFFF) i++;
            else if (u is >= 0xD800 and <= 0xDFFF or >= 0xE000 and <= 0xF8FF or 0xFFFE or 0xFFFF || (u < 0x20 && u is not ('\t' or '\n' or '\r'))) odd++;
        }
        if (units == 0 || odd * 20 <= units) return null;
        return $"it starts with a UTF-16 byte-order mark, but {100.0 * odd / units:0}% of it is not characters: not text in any encoding Hearsay can tell";
    }

    private static string? TitleOf(Article a)
    {
        var span = a.Structure.Title ?? a.Structure.Blocks.FirstOrDefault(b => b.Kind == BlockKind.Title)?.Span;
        if (span is not { } s) return null;
        var title = ArticleFacts.Flat(a.Text.AsSpan(s.Start, s.Length));
        return title.Length > 300 ? title[..300] : title;
    }

    private static string KindOf(InputErrorKind kind) => kind switch
    {
        InputErrorKind.Empty => "empty",
        InputErrorKind.Binary => "binary",
        InputErrorKind.TooLarge => "too-large",
        InputErrorKind.NotFound => "not-found",
        _ => "unreadable",
    };

    /// <summary>The reader's message without the source name it starts with (the summary names the input).</summary>
    private static string Reason(InputException ex)
    {
        var m = ex.Message;
        if (m.StartsWith(ex.Source + ": ", StringComparison.Ordinal)) m = m[(ex.Source.Length + 2)..];
        return m.TrimEnd('.');
    }

    private void Drop(ArticleKey key) => _inFlight.TryRemove(key, out _);

    // ---- writer --------------------------------------------------------------------------------------

    private void WriteAll(long runId, BlockingCollection<Item> toWrite, CancellationToken abort)
    {
        var batch = new List<Item>(_options.BatchSize);
        int delay = (int)_options.BatchDelay.TotalMilliseconds;
        var mark = IngestProfile.Now();
        while (true)
        {
            Item first;
            try
            {
                if (!toWrite.TryTake(out first, Timeout.Infinite, abort)) return;
            }
            catch (InvalidOperationException)
            {
                return; // completed
            }
            batch.Add(first);
            var deadline = Environment.TickCount64 + delay;
            while (batch.Count < _options.BatchSize)
            {
                int wait = (int)Math.Max(0, deadline - Environment.TickCount64);
                if (!toWrite.TryTake(out var next, wait, abort)) break;
                batch.Add(next);
            }
            mark = IngestProfile.Add(IngestProfile.Step.TakeForWriter, mark);
            Commit(runId, batch, ref mark);
            batch.Clear();
        }
    }

    private void Commit(long runId, List<Item> batch, ref IngestProfile.Mark mark)
    {
        var outcomes = _store.Write(runId, batch.Select(b => b.Write).ToList());
        mark = IngestProfile.Add(IngestProfile.Step.Write, mark);
        for (int i = 0; i < batch.Count; i++)
        {
            var item = batch[i].Write;
            if (item.Article is { } a)
            {
                Drop(a.Key);
                long bytes = batch[i].ContentBytes;
                switch (outcomes[i])
                {
                    case WriteOutcome.Added: Progress.Added(bytes); break;
                    case WriteOutcome.Replaced: Progress.Replaced(bytes); break;
                    default: Progress.Unchanged(); break;
                }
            }
            else if (item.Problem is { } p)
            {
                if (p.Severity == ProblemSeverity.Error) Progress.Failed();
                else Progress.Warning();
                if (Interlocked.Increment(ref _problemCount) <= IngestResult.MaxProblemsListed)
                    lock (_problems) _problems.Add(p);
            }
        }
        mark = IngestProfile.Add(IngestProfile.Step.Progress, mark);
    }
}
