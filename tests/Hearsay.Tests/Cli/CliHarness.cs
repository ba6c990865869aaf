using System.Text;
using Hearsay.Cli;

namespace Hearsay.Tests.Cli;

/// <summary>Runs the <c>hearsay</c> command in-process, through <see cref="Program.Run(string[], CliContext)"/>,
/// in a temporary folder of its own, with captured output and an optional standard input.</summary>
public sealed class CliHarness : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("hearsay-cli-").FullName;

    public const string German =
        "Stadt plant neue Brücke\n\n" +
        "Die Stadt will bis 2027 eine neue Brücke über den Fluss bauen. „Wir beginnen im Frühjahr“, sagte der Baudezernent am Montag.\n";

    public const string English =
        "City plans new bridge\n\n" +
        "The city wants to build a new bridge across the river by 2027. \"We start in spring,\" the head of planning said on Monday.\n";

    public string File(string relativePath, string content) => File(relativePath, Encoding.UTF8.GetBytes(content));

    public string File(string relativePath, byte[] content)
    {
        string path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    public Result Run(params string[] args) => Run(args, stdin: null);

    public Result Run(string[] args, string? stdin, bool terminal = false, Dictionary<string, string>? env = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var context = new CliContext
        {
            Out = stdout,
            Err = stderr,
            OpenStdin = () => new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? "")),
            OutputIsTerminal = terminal,
            Width = 100,
            CurrentDirectory = Folder,
            GetEnvironmentVariable = name => env is not null && env.TryGetValue(name, out var v) ? v : null,
        };
        int code = Program.Run(args, context);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    public sealed record Result(int ExitCode, string Out, string Err)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}\n--- stderr\n{Err}";
    }

    public void Dispose()
    {
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
