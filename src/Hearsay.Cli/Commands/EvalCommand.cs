using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Hearsay.Eval;

namespace Hearsay.Cli.Commands;

/// <summary>
/// <c>hearsay eval</c>: runs Hearsay over the evaluation corpora and scores it with each corpus's own
/// metric. Prints one table (dataset, task, split, metric, P, R, F1 or rate, documents, seconds), or JSON.
/// With <c>--check-floors FILE</c> it exits 1 when a figure is below its floor. Missing data is an error
/// naming the missing path (exit 2), never a silent pass.
/// </summary>
public static class EvalCommand
{
    public const int ExitOk = 0;
    public const int ExitBelowFloor = 1;
    public const int ExitDataMissing = 2;

    public sealed record Options
    {
        public string? Data { get; init; }
        public IReadOnlyList<string> Datasets { get; init; } = Array.Empty<string>();
        public SplitChoice Split { get; init; } = SplitChoice.Test;
        public bool Json { get; init; }
        public int Errors { get; init; }
        public string? Predictions { get; init; }
        public int? Limit { get; init; }
        public string? CheckFloors { get; init; }
        public string? WriteFloors { get; init; }
        public double Margin { get; init; } = 0.005;
        public bool Quiet { get; init; }
    }

    public static Command Create(TextWriter? stdout = null, TextWriter? stderr = null)
    {
        var data = new Option<string?>("--data") { HelpName = "DIR", Description = $"Folder holding the corpora (default: ${DataRoot.EnvironmentVariable}, else {DataRoot.DefaultRelative})." };
        var dataset = new Option<string[]>("--dataset") { HelpName = "NAME", Description = "Only these datasets (repeatable, or comma-separated). Default: all.", AllowMultipleArgumentsPerToken = true };
        var split = new Option<string>("--split") { Description = "dev or test (datasets without that split use the one they have).", DefaultValueFactory = _ => "test" };
        split.AcceptOnlyFromAmong("dev", "test");
        var json = new Option<bool>("--json") { Description = "Print the table as JSON." };
        var errors = new Option<int>("--errors") { HelpName = "N", Description = "Also print the N most frequent error classes per dataset, with an example each." };
        var predictions = new Option<string?>("--predictions") { HelpName = "DIR", Description = "Write Hearsay's output in each dataset's own format under this folder." };
        var limit = new Option<int?>("--limit") { HelpName = "N", Description = "At most N documents per dataset." };
        var checkFloors = new Option<string?>("--check-floors") { HelpName = "FILE", Description = "Floors file (dataset/split/metric -> least figure); exit 1 when a figure is below its floor." };
        var writeFloors = new Option<string?>("--write-floors") { HelpName = "FILE", Description = "Write a floors file from this run's figures minus --margin." };
        var margin = new Option<double>("--margin") { HelpName = "X", Description = "Margin below the measured figures for --write-floors.", DefaultValueFactory = _ => 0.005 };
        var quiet = new Option<bool>("--quiet") { Description = "No progress messages on stderr." };

        var command = new Command("eval", "Measure Hearsay's accuracy on the evaluation corpora with each corpus's own metric.");
        foreach (var o in new Option[] { data, dataset, split, json, errors, predictions, limit, checkFloors, writeFloors, margin, quiet })
            command.Options.Add(o);
        command.SetAction(parse =>
        {
            var options = new Options
            {
                Data = parse.GetValue(data),
                Datasets = (parse.GetValue(dataset) ?? Array.Empty<string>())
                    .SelectMany(d => d.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList(),
                Split = parse.GetValue(split) == "dev" ? SplitChoice.Dev : SplitChoice.Test,
                Json = parse.GetValue(json),
                Errors = parse.GetValue(errors),
                Predictions = parse.GetValue(predictions),
                Limit = parse.GetValue(limit),
                CheckFloors = parse.GetValue(checkFloors),
                WriteFloors = parse.GetValue(writeFloors),
                Margin = parse.GetValue(margin),
                Quiet = parse.GetValue(quiet),
            };
            return Execute(options, stdout ?? Console.Out, stderr ?? Console.Error);
        });
        return command;
    }

    public static int Execute(Options options, TextWriter stdout, TextWriter stderr, Func<string, string?>? env = null)
    {
        var selected = new List<IEvalDataset>();
        foreach (var name in options.Datasets)
        {
            var d = EvalDatasets.Find(name);
            if (d is null)
            {
                stderr.WriteLine($"hearsay eval: unknown dataset '{name}'. Known: {string.Join(", ", EvalDatasets.All.Select(x => x.Name))}.");
                return ExitDataMissing;
            }
            selected.Add(d);
        }
        if (selected.Count == 0) selected.AddRange(EvalDatasets.All);

        Dictionary<string, double>? floors = null;
        if (options.CheckFloors is not null)
        {
            if (!File.Exists(options.CheckFloors))
            {
                stderr.WriteLine($"hearsay eval: floors file not found: {Path.GetFullPath(options.CheckFloors)}");
                return ExitDataMissing;
            }
            floors = Floors.Load(options.CheckFloors);
        }

        var root = DataRoot.Resolve(options.Data, env);
        if (!Directory.Exists(root.Path))
        {
            stderr.WriteLine($"hearsay eval: evaluation data not found: {root.Path}. Point --data (or {DataRoot.EnvironmentVariable}) at the folder holding the corpora.");
            return ExitDataMissing;
        }
        var context = new EvalContext
        {
            Data = root,
            Limit = options.Limit,
            PredictionsDir = options.Predictions is null ? null : Path.GetFullPath(options.Predictions),
            Log = options.Quiet ? null : msg => stderr.WriteLine(msg),
        };

        EvalRun run;
        try
        {
            run = EvalRunner.Run(context, selected, options.Split);
        }
        catch (EvalDataMissingException ex)
        {
            stderr.WriteLine($"hearsay eval: {ex.Message}");
            return ExitDataMissing;
        }

        var violations = floors is null ? new List<Floors.Violation>()
            : Floors.Check(floors, run.Rows, run.Errors.Select(e => (e.Dataset, e.Split)));

        if (options.Json) WriteJson(stdout, run, options.Errors, floors is null ? null : violations);
        else
        {
            WriteTable(stdout, run.Rows);
            if (options.Errors > 0) WriteErrors(stdout, run, options.Errors);
            if (floors is not null)
            {
                stdout.WriteLine();
                var prefixes = run.Errors.Select(e => $"{e.Dataset}/{e.Split}/").ToList();
                int applicable = floors.Keys.Count(k => prefixes.Any(p => k.StartsWith(p, StringComparison.Ordinal)));
                if (violations.Count == 0) stdout.WriteLine($"All {applicable} floors of the datasets run hold ({options.CheckFloors}).");
                else
                {
                    stdout.WriteLine($"{violations.Count} figure(s) below their floor ({options.CheckFloors}):");
                    foreach (var v in violations) stdout.WriteLine("  " + v);
                }
            }
        }
        if (options.WriteFloors is not null)
        {
            File.WriteAllText(options.WriteFloors, Floors.Write(run.Rows, options.Margin));
            stderr.WriteLine($"hearsay eval: wrote {run.Rows.Count} floors to {options.WriteFloors}");
        }
        if (violations.Count > 0)
        {
            foreach (var v in violations) stderr.WriteLine($"hearsay eval: below floor: {v}");
            return ExitBelowFloor;
        }
        return ExitOk;
    }

    private static string F(double? x) => x is double v ? v.ToString("0.0000", CultureInfo.InvariantCulture) : "";

    public static void WriteTable(TextWriter w, IReadOnlyList<MetricRow> rows)
    {
        var header = new[] { "dataset", "task", "split", "metric", "P", "R", "F1", "rate", "docs", "seconds" };
        var cells = rows.Select(r => new[]
        {
            r.Dataset, r.Task, r.Split, r.Metric, F(r.P), F(r.R), F(r.F1), F(r.Value),
            r.Documents.ToString(CultureInfo.InvariantCulture), r.Seconds.ToString("0.0", CultureInfo.InvariantCulture),
        }).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, cells.Count == 0 ? 0 : cells.Max(c => c[i].Length))).ToArray();
        bool[] right = { false, false, false, false, true, true, true, true, true, true };
        string Line(string[] c) => string.Join("  ", c.Select((x, i) => right[i] ? x.PadLeft(widths[i]) : x.PadRight(widths[i]))).TrimEnd();
        w.WriteLine(Line(header));
        w.WriteLine(Line(widths.Select(n => new string('-', n)).ToArray()));
        foreach (var c in cells) w.WriteLine(Line(c));
    }

    private static void WriteErrors(TextWriter w, EvalRun run, int n)
    {
        foreach (var (dataset, split, errors) in run.Errors)
        {
            var top = errors.Top(n);
            if (top.Count == 0) continue;
            w.WriteLine();
            w.WriteLine($"Most frequent errors: {dataset} ({split}), {errors.Total} in all");
            foreach (var e in top)
            {
                w.WriteLine($"  {e.Count,6}  {e.Name}");
                w.WriteLine($"          e.g. {e.Example}");
            }
        }
    }

    private static void WriteJson(TextWriter w, EvalRun run, int errorCount, List<Floors.Violation>? violations)
    {
        using var ms = new MemoryStream();
        using (var j = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            j.WriteStartObject();
            j.WriteStartArray("rows");
            foreach (var r in run.Rows)
            {
                j.WriteStartObject();
                j.WriteString("dataset", r.Dataset);
                j.WriteString("task", r.Task);
                j.WriteString("split", r.Split);
                j.WriteString("metric", r.Metric);
                void Num(string name, double? v) { if (v is double x) j.WriteNumber(name, Math.Round(x, 6)); else j.WriteNull(name); }
                Num("p", r.P);
                Num("r", r.R);
                Num("f1", r.F1);
                Num("rate", r.Value);
                j.WriteNumber("documents", r.Documents);
                j.WriteNumber("seconds", r.Seconds);
                j.WriteEndObject();
            }
            j.WriteEndArray();
            if (errorCount > 0)
            {
                j.WriteStartArray("errors");
                foreach (var (dataset, split, errors) in run.Errors)
                    foreach (var e in errors.Top(errorCount))
                    {
                        j.WriteStartObject();
                        j.WriteString("dataset", dataset);
                        j.WriteString("split", split);
                        j.WriteString("class", e.Name);
                        j.WriteNumber("count", e.Count);
                        j.WriteString("example", e.Example);
                        j.WriteEndObject();
                    }
                j.WriteEndArray();
            }
            if (violations is not null)
            {
                j.WriteStartArray("belowFloor");
                foreach (var v in violations)
                {
                    j.WriteStartObject();
                    j.WriteString("key", v.Key);
                    j.WriteNumber("floor", v.Floor);
                    if (v.Measured is double m) j.WriteNumber("measured", Math.Round(m, 6)); else j.WriteNull("measured");
                    j.WriteEndObject();
                }
                j.WriteEndArray();
            }
            j.WriteEndObject();
        }
        w.WriteLine(System.Text.Encoding.UTF8.GetString(ms.ToArray()));
    }
}
