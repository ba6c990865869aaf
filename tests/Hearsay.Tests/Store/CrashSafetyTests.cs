using System.Diagnostics;
using System.Text;
using Hearsay.Cli;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Hearsay.Tests.Store;

/// <summary>
/// kill -9 in the middle of an ingest: the built <c>hearsay</c> runs as a child process and is killed (the whole
/// process tree, no chance to clean up) once some batches are committed; the same command is run again, killed
/// again, then run to its end. The store must then hold every article exactly once, pass SQLite's integrity
/// check, and have no article stored in part.
/// </summary>
public class CrashSafetyTests(ITestOutputHelper output) : IDisposable
{
    private const int Articles = 2400; // enough that a fast machine is still mid-ingest when the kill lands
    private readonly string _dir = Directory.CreateTempSubdirectory("hearsay-crash-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public void An_ingest_killed_twice_and_rerun_stores_every_article_once()
    {
        string input = Path.Combine(_dir, "feed.jsonl");
        File.WriteAllText(input, StoreTestData.JsonLines(Articles));
        string db = Path.Combine(_dir, "store.db");
        string[] args = ["ingest", input, "--store", db, "--progress", "none", "--format", "json"];

        long atFirstKill = RunAndKill(args, db, atLeast: 1);
        long atSecondKill = RunAndKill(args, db, atLeast: atFirstKill + 1);
        output.WriteLine($"killed with {atFirstKill}, then {atSecondKill} articles committed");
        Assert.InRange(atFirstKill, 1, Articles - 1);
        Assert.InRange(atSecondKill, atFirstKill, Articles - 1);

        var (code, stdout, stderr) = Run(args, kill: null);
        Assert.True(code == ExitCodes.Ok, $"exit {code}\n{stdout}\n{stderr}");
        // The last run skipped what the killed runs had committed and added the rest.
        using (var summary = System.Text.Json.JsonDocument.Parse(stdout))
        {
            Assert.Equal(atSecondKill, summary.RootElement.GetProperty("already_stored").GetInt64());
            Assert.Equal(Articles - atSecondKill, summary.RootElement.GetProperty("added").GetInt64());
        }
        Assert.Equal(Articles, Count(db));
        Assert.Equal(Articles, StoreChecks.Scalar(db, "SELECT count(DISTINCT url) FROM articles"));
        StoreChecks.AssertConsistent(db);
        // The two killed runs are marked as interrupted, the last as done.
        Assert.Equal(["interrupted", "interrupted", "done"], StoreChecks.Strings(db, "SELECT status FROM runs ORDER BY id"));
    }

    /// <summary>Starts the ingest and kills it as soon as at least <paramref name="atLeast"/> articles are committed.</summary>
    private long RunAndKill(string[] args, string db, long atLeast)
    {
        long seen = 0;
        // After the count is reached, a little more time, so the kill lands anywhere: inside a transaction,
        // between two, during the analysis.
        long? due = null;
        var (code, stdout, stderr) = Run(args, kill: () =>
        {
            if (due is null && (seen = Count(db)) >= atLeast) due = Environment.TickCount64 + Random.Shared.Next(0, 60);
            return due is { } d && Environment.TickCount64 >= d;
        });
        Assert.True(code != ExitCodes.Ok || seen < Articles, $"the ingest finished before it could be killed (exit {code}):\n{stdout}\n{stderr}");
        return Count(db);
    }

    /// <summary>Runs hearsay; when <paramref name="kill"/> turns true while it runs, kills its process tree.</summary>
    private static (int Code, string Out, string Err) Run(string[] args, Func<bool>? kill)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(HearsayDll());
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var deadline = Stopwatch.StartNew();
        while (!process.HasExited && deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (kill is not null && kill())
            {
                process.Kill(entireProcessTree: true);
                break;
            }
            Thread.Sleep(5);
        }
        if (!process.WaitForExit(120_000)) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The built command, next to the tests (the CLI project is referenced, so it is copied here).</summary>
    private static string HearsayDll()
    {
        string path = typeof(Program).Assembly.Location;
        Assert.True(File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")), $"{path} has no runtimeconfig next to it");
        return path;
    }

    /// <summary>Committed articles, read as another process would; 0 while the store does not exist yet.</summary>
    private static long Count(string db)
    {
        if (!File.Exists(db)) return 0;
        try
        {
            using var c = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false, Mode = SqliteOpenMode.ReadOnly }.ToString());
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT count(*) FROM articles";
            return Convert.ToInt64(cmd.ExecuteScalar());
        }
        catch (SqliteException)
        {
            return 0;   // the schema is being created
        }
    }
}
