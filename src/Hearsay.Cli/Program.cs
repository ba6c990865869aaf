using System.CommandLine;
using System.CommandLine.Invocation;
using System.Text;
using Hearsay.Cli.Analyze;
using Hearsay.Cli.Bench;
using Hearsay.Cli.Commands;

namespace Hearsay.Cli;

/// <summary>
/// The <c>hearsay</c> command. <see cref="Run(string[], CliContext)"/> is the whole program behind a seam:
/// it takes the arguments and the console it should use and returns the exit code (see <see cref="ExitCodes"/>).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        return Run(args, CliContext.FromConsole());
    }

    /// <summary>Runs the command line with the given output and error writers (no stdin, not a terminal).</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr) =>
        Run(args, new CliContext { Out = stdout, Err = stderr });

    public static int Run(string[] args, CliContext context)
    {
        bool verbose = args.Contains("--verbose") || args.Contains("-v");
        try
        {
            var root = BuildCommand(context);
            var parsed = root.Parse(args);
            // A usage error gets its message and a pointer to the help, not the whole help text.
            if (parsed.Action is ParseErrorAction onError) onError.ShowHelp = false;
            int code = parsed.Invoke(new InvocationConfiguration
            {
                Output = context.Out,
                Error = context.Err,
                EnableDefaultExceptionHandler = false,
            });
            if (parsed.Errors.Count > 0)
                context.Err.WriteLine($"Run '{HelpCommandOf(parsed)} --help' for usage.");
            context.Out.Flush();
            return code;
        }
        catch (IOException ex)
        {
            // Writing failed: a full disk, or a closed pipe ("hearsay analyze dir | head").
            context.Err.WriteLine($"hearsay: cannot write the output: {OneLine(ex.Message)}");
            return ExitCodes.Usage;
        }
        catch (Exception ex)
        {
            ReportInternalError(context.Err, ex, verbose, what: null);
            return ExitCodes.InternalError;
        }
    }

    /// <summary>One line naming the bug, or the whole exception with --verbose. Never a stack trace by default.</summary>
    internal static void ReportInternalError(TextWriter err, Exception ex, bool verbose, string? what)
    {
        string where = what is null ? "" : $" while {what}";
        if (verbose) err.WriteLine($"hearsay: internal error{where}: {ex}");
        else err.WriteLine($"hearsay: internal error{where}: {ex.GetType().Name}: {OneLine(ex.Message)} (run with --verbose for details)");
    }

    private static string HelpCommandOf(ParseResult parsed)
    {
        var names = new List<string>();
        for (var r = parsed.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            names.Add(r.Command is RootCommand ? "hearsay" : r.Command.Name);
        names.Reverse();
        return string.Join(' ', names);
    }

    internal static string OneLine(string s) => s.ReplaceLineEndings(" ");

    internal static RootCommand BuildCommand(CliContext context)
    {
        var verbose = new Option<bool>("--verbose", "-v")
        {
            Description = "Report progress and timings on stderr; show the stack trace of an internal error.",
            Recursive = true,
        };
        var root = new RootCommand("Hearsay: who says what in a news article, and through whom.\n" +
                                   "Finds attributions, sources, relays, hedges and quantities, and the sourcing chain of each claim.");
        root.Options.Add(verbose);
        root.Subcommands.Add(AnalyzeCommand.Create(context, verbose));
        var bench = BenchCommand.Create(context, verbose);
        bench.Subcommands.Add(ProvenanceBenchCommand.Create(context, verbose));
        root.Subcommands.Add(bench);
        root.Subcommands.Add(EvalCommand.Create(context.Out, context.Err));
        var train = new Command("train", "Train Hearsay's learned components on the licence-compatible corpora.");
        train.Subcommands.Add(TrainCuesCommand.Create(context));
        train.Subcommands.Add(TrainSpeechEventsCommand.Create(context));
        foreach (var sub in TrainCommand.Create(context.Out, context.Err).Subcommands) train.Subcommands.Add(sub);
        root.Subcommands.Add(train);
        root.Subcommands.Add(ClaimsCommand.Create(context, verbose));
        root.Subcommands.Add(TraceCommand.Create(context, verbose));
        root.Subcommands.Add(ExportCommand.Create(context, verbose));
        root.Subcommands.Add(FitRankerCommand.Create(context));
        root.Subcommands.Add(IngestCommand.Create(context, verbose));
        root.Subcommands.Add(SourcesCommand.Create(context, verbose));
        root.Subcommands.Add(SearchCommand.Create(context, verbose));
        root.Subcommands.Add(ShowCommand.Create(context));
        return root;
    }
}
