using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Hearsay.Ingest;

/// <summary>
/// Where an ingest spends its time, step by step: off unless the environment variable
/// <c>HEARSAY_INGEST_PROFILE</c> is <c>1</c>. Each step is measured with the calling thread's CPU clock (Linux:
/// <c>CLOCK_THREAD_CPUTIME_ID</c>; elsewhere a wall clock) and with the bytes that thread allocated
/// (<see cref="GC.GetAllocatedBytesForCurrentThread"/>). At the end of a run the totals per article are written to
/// stderr, with each pipeline thread's whole CPU time, the process's CPU time (the difference is the runtime's own
/// threads: background GC, JIT, timers) and the garbage collections of the run. Used to find the ingest's cost
/// beyond the analysis (docs/store.md, "Scale: measured"); costs two clock reads per step when on.
/// </summary>
public static class IngestProfile
{
    public const string EnvironmentVariable = "HEARSAY_INGEST_PROFILE";

    public static bool Enabled { get; } = Environment.GetEnvironmentVariable(EnvironmentVariable) is "1" or "true" or "yes";

    public enum Step
    {
        ReadRecord, Key, Lookup, QueueToAnalysis,
        TakeForAnalysis, Load, Analysis, Json, Compress, Facts, QueueToWriter,
        TakeForWriter, Write, Progress,
    }

    private static readonly int StepCount = Enum.GetValues<Step>().Length;
    private static readonly long[] Cpu = new long[StepCount];
    private static readonly long[] Allocated = new long[StepCount];
    private static readonly long[] Calls = new long[StepCount];
    private static readonly List<(string Thread, long CpuNs, long Allocated)> Threads = new();

    /// <summary>A point on the thread's clocks.</summary>
    public readonly record struct Mark(long CpuNs, long Allocated);

    public static Mark Now() => Enabled ? new Mark(ThreadCpuNs(), GC.GetAllocatedBytesForCurrentThread()) : default;

    /// <summary>Charges the time and allocations since <paramref name="since"/> to <paramref name="step"/>; returns
    /// the new mark, so that steps can be chained.</summary>
    public static Mark Add(Step step, Mark since)
    {
        if (!Enabled) return default;
        var now = Now();
        Interlocked.Add(ref Cpu[(int)step], now.CpuNs - since.CpuNs);
        Interlocked.Add(ref Allocated[(int)step], now.Allocated - since.Allocated);
        Interlocked.Increment(ref Calls[(int)step]);
        return now;
    }

    /// <summary>Records the calling thread's total CPU time and allocations, at its end.</summary>
    public static void ThreadDone()
    {
        if (!Enabled) return;
        lock (Threads) Threads.Add((Thread.CurrentThread.Name ?? "?", ThreadCpuNs(), GC.GetAllocatedBytesForCurrentThread()));
    }

    private static int[] _gcAtStart = [];
    private static TimeSpan _pauseAtStart, _processCpuAtStart;
    private static long _allocatedAtStart;

    public static void Begin()
    {
        if (!Enabled) return;
        Array.Clear(Cpu);
        Array.Clear(Allocated);
        Array.Clear(Calls);
        lock (Threads) Threads.Clear();
        _gcAtStart = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        _pauseAtStart = GC.GetTotalPauseDuration();
        _processCpuAtStart = Environment.CpuUsage.TotalTime;
        _allocatedAtStart = GC.GetTotalAllocatedBytes(precise: false);
    }

    /// <summary>Writes the accounts of the run to stderr.</summary>
    public static void End(long articles)
    {
        if (!Enabled) return;
        double n = Math.Max(1, articles);
        var s = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        s.AppendLine(inv, $"ingest profile ({articles} articles stored; per article: thread CPU µs, KB allocated, calls):");
        long sum = 0;
        for (int i = 0; i < StepCount; i++)
        {
            if (Calls[i] == 0) continue;
            sum += Cpu[i];
            s.AppendLine(inv, $"  {((Step)i).ToString(),-16} {Cpu[i] / 1e3 / n,8:0.0} µs {Allocated[i] / 1024.0 / n,8:0.0} KB {Calls[i] / n,6:0.00}");
        }
        s.AppendLine(inv, $"  {"(steps)",-16} {sum / 1e3 / n,8:0.0} µs");
        long threads = 0;
        lock (Threads)
            foreach (var (name, cpu, alloc) in Threads.OrderBy(t => t.Thread, StringComparer.Ordinal))
            {
                threads += cpu;
                s.AppendLine(inv, $"  thread {name,-20} {cpu / 1e3 / n,8:0.0} µs {alloc / 1024.0 / n,8:0.0} KB");
            }
        double process = (Environment.CpuUsage.TotalTime - _processCpuAtStart).TotalMicroseconds;
        s.AppendLine(inv, $"  process CPU      {process / n,8:0.0} µs (pipeline threads {threads / 1e3 / n:0.0} µs; other threads {(process - threads / 1e3) / n:0.0} µs)");
        s.AppendLine(inv, $"  allocated        {(GC.GetTotalAllocatedBytes(false) - _allocatedAtStart) / 1024.0 / n,8:0.0} KB per article");
        s.AppendLine(inv, $"  collections      gen0 {GC.CollectionCount(0) - _gcAtStart[0]}, gen1 {GC.CollectionCount(1) - _gcAtStart[1]}, gen2 {GC.CollectionCount(2) - _gcAtStart[2]}; " +
                          $"pauses {(GC.GetTotalPauseDuration() - _pauseAtStart).TotalMilliseconds:0} ms ({(GC.GetTotalPauseDuration() - _pauseAtStart).TotalMicroseconds / n:0.0} µs per article)");
        Console.Error.Write(s.ToString());
    }

    private const int ClockThreadCpuTime = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>Whether <see cref="ThreadCpuNs"/> reads the thread's CPU time (else the wall clock).</summary>
    public static readonly bool ThreadClock = OperatingSystem.IsLinux();

    /// <summary>CPU time of the calling thread in nanoseconds (Linux: CLOCK_THREAD_CPUTIME_ID); elsewhere the
    /// monotonic wall clock. Only differences between two readings on the same thread mean anything.</summary>
    public static long ThreadCpuNs()
    {
        if (ThreadClock && ClockGetTime(ClockThreadCpuTime, out var t) == 0) return t.Seconds * 1_000_000_000 + t.Nanoseconds;
        return (long)(System.Diagnostics.Stopwatch.GetTimestamp() * (1e9 / System.Diagnostics.Stopwatch.Frequency));
    }
}
