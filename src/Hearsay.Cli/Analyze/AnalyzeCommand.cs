using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Hearsay.Input;

namespace Hearsay.Cli.Analyze;

/// <summary><c>hearsay analyze PATH...</c>: analyse articles and write them as a terminal view, JSON or JSON Lines.</summary>
public sealed class AnalyzeCommand
{
    public sealed record Settings(
        IReadOnlyList<string> Paths,
        OutputFormat Format,
        string? Language,
        bool IncludeText,
        string? OutputFile,
        bool Verbose);

    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Article files (.txt, .html, .htm, .md), folders (searched recursively) or '-' for standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        // An unknown option would otherwise be taken for a path; a file named "-x" can be given as "./-x".
        paths.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
                if (token.Value.Length > 1 && token.Value[0] == '-')
                    result.AddError($"Unrecognized option '{token.Value}'. (For a file whose name starts with '-', write ./{token.Value}.)");
        });
        var format = new Option<string>("--format", "-f")
        {
            Description = "auto: the terminal view on a terminal, otherwise json for one input and jsonl for several.",
            DefaultValueFactory = _ => "auto",
            HelpName = "auto|terminal|json|jsonl",
        };
        format.AcceptOnlyFromAmong("auto", "terminal", "json", "jsonl");
        var lang = new Option<string?>("--lang")
        {
            Description = "Language of the articles; skips detection.",
            HelpName = "de|en",
        };
        lang.AcceptOnlyFromAmong("de", "en");
        var noText = new Option<bool>("--no-text") { Description = "Leave the full article text out of JSON output (every span keeps its own text)." };
        var output = new Option<string?>("--output", "-o") { Description = "Write to FILE instead of standard output.", HelpName = "FILE" };

        var command = new Command("analyze", "Analyse news articles: structure, entities, attributions, hedges, quantities, claims and their sourcing chains.");
        command.Arguments.Add(paths);
        command.Options.Add(format);
        command.Options.Add(lang);
        command.Options.Add(noText);
        command.Options.Add(output);
        command.SetAction(result => new AnalyzeCommand(context).Run(new Settings(
            result.GetValue(paths) ?? [],
            ParseFormat(result.GetValue(format)),
            result.GetValue(lang),
            !result.GetValue(noText),
            result.GetValue(output),
            result.GetValue(verbose))));
        return command;
    }

    private static OutputFormat ParseFormat(string? value) => value switch
    {
        "terminal" => OutputFormat.Terminal,
        "json" => OutputFormat.Json,
        "jsonl" => OutputFormat.Jsonl,
        _ => OutputFormat.Auto,
    };

    private readonly CliContext _context;

    public AnalyzeCommand(CliContext context) => _context = context;

    public int Run(Settings settings)
    {
        var err = _context.Err;
        var inputs = InputCollector.Collect(settings.Paths, _context.CurrentDirectory);
        if (inputs.Errors.Count > 0)
        {
            foreach (var e in inputs.Errors) err.WriteLine($"hearsay: {e}");
            return ExitCodes.InputNotFound;
        }

        bool toFile = settings.OutputFile is not null;
        var format = settings.Format;
        if (format == OutputFormat.Auto)
            format = _context.OutputIsTerminal && !toFile ? OutputFormat.Terminal
                   : inputs.SingleDocument ? OutputFormat.Json : OutputFormat.Jsonl;

        TextWriter writer;
        if (toFile)
        {
            try
            {
                string path = Path.GetFullPath(settings.OutputFile!, _context.CurrentDirectory);
                writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                err.WriteLine($"hearsay: cannot write {settings.OutputFile}: {Program.OneLine(ex.Message)}");
                return ExitCodes.Usage;
            }
        }
        else writer = _context.Out;

        // Colours only on a terminal, and never when NO_COLOR is set (no-color.org).
        bool colors = format == OutputFormat.Terminal && _context.OutputIsTerminal && !toFile
                      && string.IsNullOrEmpty(_context.GetEnvironmentVariable("NO_COLOR"));
        var output = ArticleOutput.Create(format, writer, inputs.SingleDocument, settings.IncludeText, colors, toFile ? 120 : _context.Width);
        try
        {
            return AnalyzeAll(inputs.Sources, settings, output);
        }
        finally
        {
            output.Complete();
            if (toFile) writer.Dispose();
        }
    }

    private int AnalyzeAll(List<InputSource> sources, Settings settings, ArticleOutput output)
    {
        var err = _context.Err;
        var analyzer = new Analyzer();
        int ok = 0, unreadable = 0, crashed = 0;
        foreach (var source in sources)
        {
            Document.Article article;
            try
            {
                article = source.Load(_context, settings.Language);
            }
            catch (InputException ex)
            {
                unreadable++;
                err.WriteLine($"hearsay: {source.Name}: {Program.OneLine(ex.Message)}");
                continue;
            }
            var clock = Stopwatch.StartNew();
            try
            {
                analyzer.Analyze(article);
                output.Write(article, source.Name);
                ok++;
            }
            catch (Exception ex) when (ex is not IOException)
            {
                crashed++;
                Program.ReportInternalError(err, ex, settings.Verbose, $"analysing {source.Name}");
                continue;
            }
            if (settings.Verbose)
                err.WriteLine($"hearsay: {source.Name}: {article.Text.Length} characters, language {article.Language}, " +
                              $"{article.Attributions.Count} attributions, {article.Claims.Count} claims in {clock.Elapsed.TotalMilliseconds:0} ms");
        }
        if (crashed > 0) return ExitCodes.InternalError;
        if (ok == 0) return ExitCodes.AllInputsFailed;
        return unreadable > 0 ? ExitCodes.SomeInputsFailed : ExitCodes.Ok;
    }
}
