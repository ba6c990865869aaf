using System.Diagnostics;

namespace Hearsay.Ingest;

/// <summary>Live counters of an ingest run, safe to read from another thread while it runs.</summary>
public sealed class IngestProgress
{
    private readonly Stopwatch _clock = new();
    private long _filesDone, _bytesRead, _records, _added, _replaced, _unchanged, _olderKept, _skipped, _failed, _warnings, _contentBytes;

    public int FilesTotal { get; private set; }
    public long BytesTotal { get; private set; }

    internal void Start(int files, long bytes)
    {
        FilesTotal = files;
        BytesTotal = bytes;
        _clock.Restart();
    }

    internal void Stop() => _clock.Stop();

    internal void FileDone() => Interlocked.Increment(ref _filesDone);
    internal void BytesRead(long n) => Interlocked.Add(ref _bytesRead, n);
    internal void Record() => Interlocked.Increment(ref _records);
    internal void Added(long contentBytes)
    {
        Interlocked.Increment(ref _added);
        Interlocked.Add(ref _contentBytes, contentBytes);
    }
    internal void Replaced(long contentBytes)
    {
        Interlocked.Increment(ref _replaced);
        Interlocked.Add(ref _contentBytes, contentBytes);
    }
    internal void Unchanged() => Interlocked.Increment(ref _unchanged);
    internal void OlderKept() => Interlocked.Increment(ref _olderKept);
    internal void Skipped() => Interlocked.Increment(ref _skipped);
    internal void Failed() => Interlocked.Increment(ref _failed);
    internal void Warning() => Interlocked.Increment(ref _warnings);

    public IngestSnapshot Snapshot() => new(
        FilesTotal, Interlocked.Read(ref _filesDone), BytesTotal, Interlocked.Read(ref _bytesRead), Interlocked.Read(ref _records),
        Interlocked.Read(ref _added), Interlocked.Read(ref _replaced), Interlocked.Read(ref _unchanged), Interlocked.Read(ref _olderKept),
        Interlocked.Read(ref _skipped), Interlocked.Read(ref _failed), Interlocked.Read(ref _warnings), Interlocked.Read(ref _contentBytes),
        _clock.Elapsed);
}

/// <summary>
/// The counters at one moment. Articles are counted when committed to the store.
/// </summary>
/// <param name="Records">Articles and problems the readers found.</param>
/// <param name="Added">New articles stored.</param>
/// <param name="Replaced">Articles of an older pipeline redone (--reanalyze).</param>
/// <param name="Unchanged">Already stored by this pipeline: nothing done.</param>
/// <param name="OlderKept">Stored by an older pipeline and kept (no --reanalyze).</param>
/// <param name="Skipped">WARC records that are not articles (requests, images, redirects, …).</param>
/// <param name="Failed">Inputs or records that could not be stored (each reported).</param>
/// <param name="Warnings">Stored, with a caveat reported (for example a fallback encoding).</param>
/// <param name="ContentBytes">Bytes of article content analysed and stored (text as UTF-8, files and payloads as read).</param>
public readonly record struct IngestSnapshot(int FilesTotal, long FilesDone, long BytesTotal, long BytesRead, long Records,
    long Added, long Replaced, long Unchanged, long OlderKept, long Skipped, long Failed, long Warnings, long ContentBytes, TimeSpan Elapsed)
{
    public long Stored => Added + Replaced;
    public double Seconds => Math.Max(Elapsed.TotalSeconds, 1e-6);
    public double ArticlesPerSecond => Stored / Seconds;
    /// <summary>Input read, MB (10^6 bytes) per second: compressed bytes for compressed files.</summary>
    public double InputMBPerSecond => BytesRead / 1e6 / Seconds;
    /// <summary>Article content analysed, MB per second.</summary>
    public double ContentMBPerSecond => ContentBytes / 1e6 / Seconds;
    /// <summary>Share of the input read, 0 to 1.</summary>
    public double Fraction => BytesTotal <= 0 ? (FilesTotal == 0 ? 1 : (double)FilesDone / FilesTotal) : Math.Min(1, (double)BytesRead / BytesTotal);

    /// <summary>Time left at the rate so far, or null before there is a rate.</summary>
    public TimeSpan? Remaining
    {
        get
        {
            double f = Fraction;
            if (f <= 0.001 || Elapsed.TotalSeconds < 1) return null;
            return TimeSpan.FromSeconds(Elapsed.TotalSeconds * (1 - f) / f);
        }
    }
}
