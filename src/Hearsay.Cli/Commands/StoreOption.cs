using System.CommandLine;
using Hearsay.Store;
using Hearsay.Store.Sqlite;

namespace Hearsay.Cli.Commands;

/// <summary>The <c>--store PATH</c> option that every store command takes, and opening the store it names.</summary>
internal static class StoreOption
{
    public static Option<string?> Create() => new("--store")
    {
        HelpName = "PATH",
        Description = $"The store file (default: ${StoreLocation.EnvironmentVariable}, else {DefaultForHelp()}).",
    };

    private static string DefaultForHelp() =>
        OperatingSystem.IsWindows() ? @"%LOCALAPPDATA%\hearsay\hearsay.db"
        : OperatingSystem.IsMacOS() ? "~/Library/Application Support/hearsay/hearsay.db"
        : "$XDG_DATA_HOME/hearsay/hearsay.db or ~/.local/share/hearsay/hearsay.db";

    public static string Resolve(CliContext context, string? value) =>
        StoreLocation.Resolve(value, context.GetEnvironmentVariable, context.CurrentDirectory);

    /// <summary>Opens the store, or reports why not and sets the exit code: 2 when it does not exist (for the
    /// query commands), 1 when it cannot be used.</summary>
    public static SqliteArticleStore? Open(CliContext context, string path, bool create, out int exitCode)
    {
        exitCode = ExitCodes.Ok;
        try
        {
            return SqliteArticleStore.Open(path, create);
        }
        catch (StoreException ex)
        {
            context.Err.WriteLine($"hearsay: {Program.OneLine(ex.Message)}");
            exitCode = !create && !File.Exists(path) ? ExitCodes.InputNotFound : ExitCodes.Usage;
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            context.Err.WriteLine($"hearsay: cannot open the store {path}: {Program.OneLine(ex.Message)}");
            exitCode = ExitCodes.Usage;
            return null;
        }
    }

    /// <summary>The output formats of the query commands.</summary>
    public static Option<string> Format()
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "table: for reading (colours on a terminal); json or csv: for programs.",
            DefaultValueFactory = _ => "table",
            HelpName = "table|json|csv",
        };
        format.AcceptOnlyFromAmong("table", "json", "csv");
        return format;
    }

    /// <summary>A console over standard output for the table format: colours only on a terminal without NO_COLOR.</summary>
    public static Spectre.Console.IAnsiConsole Console(CliContext context)
    {
        bool colors = context.OutputIsTerminal && string.IsNullOrEmpty(context.GetEnvironmentVariable("NO_COLOR"));
        var console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Ansi = colors ? Spectre.Console.AnsiSupport.Yes : Spectre.Console.AnsiSupport.No,
            ColorSystem = colors ? Spectre.Console.ColorSystemSupport.Detect : Spectre.Console.ColorSystemSupport.NoColors,
            Interactive = Spectre.Console.InteractionSupport.No,
            Out = new Spectre.Console.AnsiConsoleOutput(context.Out),
        });
        console.Profile.Width = Math.Max(60, context.Width);
        console.Profile.Capabilities.Unicode = true;
        return console;
    }

    /// <summary>A CSV field: quoted when it holds a comma, a quote or a line break (RFC 4180).</summary>
    public static string Csv(string? value)
    {
        if (value is null) return "";
        if (value.IndexOfAny([',', '"', '\n', '\r']) < 0) return value;
        return "\"" + value.Replace("\"", "\"\"") + "\"";
    }

    public static string CsvRow(params object?[] values) =>
        string.Join(',', values.Select(v => Csv(v switch
        {
            null => null,
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => v.ToString(),
        })));
}
