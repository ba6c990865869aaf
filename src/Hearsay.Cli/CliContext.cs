namespace Hearsay.Cli;

/// <summary>
/// What the CLI reads from and writes to. <see cref="Program.Main"/> wires the real console; tests pass
/// string writers, a memory stream for stdin and a fixed environment, and run the same code.
/// </summary>
public sealed class CliContext
{
    public required TextWriter Out { get; init; }
    public required TextWriter Err { get; init; }
    /// <summary>Opens standard input as bytes (read to its end, never left waiting half-read).</summary>
    public Func<Stream> OpenStdin { get; init; } = static () => Stream.Null;
    /// <summary>True when <see cref="Out"/> is an interactive terminal: "--format auto" then shows the terminal view.</summary>
    public bool OutputIsTerminal { get; init; }
    /// <summary>True when <see cref="Err"/> is an interactive terminal: progress is then a live bar, otherwise plain lines.</summary>
    public bool ErrorIsTerminal { get; init; }
    /// <summary>Signalled when the user asks a long command to stop (Ctrl+C); the command finishes what it has started.</summary>
    public CancellationToken Interrupt { get; init; }
    /// <summary>Columns for the terminal view.</summary>
    public int Width { get; init; } = 120;
    /// <summary>Relative input paths and the default data folder resolve against this.</summary>
    public string CurrentDirectory { get; init; } = Environment.CurrentDirectory;
    public Func<string, string?> GetEnvironmentVariable { get; init; } = static _ => null;

    /// <summary>The context of the running process.</summary>
    public static CliContext FromConsole()
    {
        bool terminal = !Console.IsOutputRedirected;
        int width = 120;
        if (terminal || !Console.IsErrorRedirected)
        {
            try { width = Math.Max(40, Console.WindowWidth); } catch (IOException) { } catch (PlatformNotSupportedException) { }
        }
        var interrupt = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl+C asks for a clean stop; a second one ends the process at once.
            if (interrupt.IsCancellationRequested) return;
            e.Cancel = true;
            interrupt.Cancel();
        };
        return new CliContext
        {
            Out = Console.Out,
            Err = Console.Error,
            ErrorIsTerminal = !Console.IsErrorRedirected,
            Interrupt = interrupt.Token,
            OpenStdin = Console.OpenStandardInput,
            OutputIsTerminal = terminal,
            Width = width,
            CurrentDirectory = Environment.CurrentDirectory,
            GetEnvironmentVariable = Environment.GetEnvironmentVariable,
        };
    }
}
