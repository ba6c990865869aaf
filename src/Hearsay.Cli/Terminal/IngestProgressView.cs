using System.Globalization;
using Hearsay.Ingest;
using Spectre.Console;

namespace Hearsay.Cli.Terminal;

/// <summary>
/// Follows a running ingest on standard error: a live progress bar on a terminal (share of the input read,
/// articles/s, MB/s, errors, time left), plain lines every few seconds otherwise, nothing with "none".
/// </summary>
public sealed class IngestProgressView(TextWriter err, bool terminal, bool colors, int width)
{
    public enum Mode { Auto, Bar, Lines, None }

    /// <summary>Seconds between plain progress lines.</summary>
    public double LineInterval { get; init; } = 5;

    /// <summary>Shows progress until <paramref name="finished"/> says the run is over.</summary>
    public void Follow(IngestProgress progress, Func<bool> finished, Mode mode)
    {
        if (mode == Mode.Auto) mode = terminal ? Mode.Bar : Mode.Lines;
        switch (mode)
        {
            case Mode.Bar: Bar(progress, finished); break;
            case Mode.Lines: Lines(progress, finished); break;
            default:
                while (!finished()) Thread.Sleep(100);
                break;
        }
    }

    private void Bar(IngestProgress progress, Func<bool> finished)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = colors ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(err),
        });
        console.Profile.Width = Math.Max(40, width);
        console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new ProgressBarColumn { Width = Math.Clamp(width - 80, 10, 40) }, new PercentageColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
            .Start(ctx =>
            {
                var task = ctx.AddTask("starting", maxValue: 1000);
                while (true)
                {
                    bool done = finished();
                    var s = progress.Snapshot();
                    task.Value = done ? 1000 : Math.Floor(s.Fraction * 1000);
                    task.Description = Markup.Escape(Describe(s, done));
                    ctx.Refresh();
                    if (done) break;
                    Thread.Sleep(200);
                }
            });
    }

    private void Lines(IngestProgress progress, Func<bool> finished)
    {
        var next = DateTime.UtcNow.AddSeconds(LineInterval);
        while (!finished())
        {
            Thread.Sleep(100);
            if (DateTime.UtcNow < next) continue;
            next = DateTime.UtcNow.AddSeconds(LineInterval);
            var s = progress.Snapshot();
            err.WriteLine($"hearsay ingest: {s.Fraction * 100:0}% · {Describe(s, done: false)}");
            err.Flush();
        }
    }

    /// <summary>"1,234 stored · 85 articles/s · 0.25 MB/s · 2 errors · 0:42 left".</summary>
    public static string Describe(IngestSnapshot s, bool done)
    {
        var parts = new List<string>
        {
            $"{N(s.Stored)} stored",
            $"{s.ArticlesPerSecond:0} articles/s",
            $"{s.InputMBPerSecond:0.00} MB/s",
        };
        if (s.Unchanged + s.OlderKept > 0) parts.Add($"{N(s.Unchanged + s.OlderKept)} already stored");
        parts.Add(s.Failed == 1 ? "1 error" : $"{N(s.Failed)} errors");
        if (!done && s.Remaining is { } left) parts.Add($"{Duration(left)} left");
        if (done) parts.Add($"{Duration(s.Elapsed)} in all");
        return string.Join(" · ", parts);
    }

    public static string Duration(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}" : $"{t.Minutes}:{t.Seconds:00}";

    private static string N(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
