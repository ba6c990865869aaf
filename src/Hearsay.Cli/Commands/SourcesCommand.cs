using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hearsay.Store;
using Hearsay.Store.Indexing;
using Spectre.Console;
using TextCell = Spectre.Console.Text;

namespace Hearsay.Cli.Commands;

/// <summary>
/// <c>hearsay sources</c>: who is cited across the store, how often (statements and articles), as what kind of
/// source, and through which media and relays; then the top media and relays. Read from running counts the
/// store keeps, so it answers at once whatever the store's size.
/// </summary>
public static class SourcesCommand
{
    public static readonly string[] Kinds = ["person", "organization", "media", "document", "anonymous", "vague", "unknown"];

    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var store = StoreOption.Create();
        var format = StoreOption.Format();
        var limit = new Option<int>("--limit", "-n") { Description = "How many sources, media and relays to list.", DefaultValueFactory = _ => 25, HelpName = "N" };
        limit.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--limit must be at least 1."); });
        var kind = new Option<string?>("--kind") { Description = "Only sources of this kind.", HelpName = string.Join('|', Kinds) };
        kind.AcceptOnlyFromAmong(Kinds);
        var command = new Command("sources", "Who is cited across the stored articles, how often, as what kind of source, and through which media and relays.");
        foreach (var o in new Option[] { store, format, limit, kind }) command.Options.Add(o);
        command.SetAction(r => Run(context, StoreOption.Resolve(context, r.GetValue(store)), r.GetValue(format) ?? "table",
            new SourceQuery { Limit = r.GetValue(limit), Kind = r.GetValue(kind) }, r.GetValue(verbose)));
        return command;
    }

    public static int Run(CliContext context, string storePath, string format, SourceQuery query, bool verbose)
    {
        using var store = StoreOption.Open(context, storePath, create: false, out int code);
        if (store is null) return code;
        var clock = Stopwatch.StartNew();
        var report = store.Sources(query);
        if (verbose) context.Err.WriteLine($"hearsay sources: query {clock.Elapsed.TotalMilliseconds:0.0} ms");
        switch (format)
        {
            case "json": Json(context.Out, report, storePath); break;
            case "csv": Csv(context.Out, report); break;
            default: Table(context, report, storePath); break;
        }
        context.Out.Flush();
        return ExitCodes.Ok;
    }

    private static void Table(CliContext context, SourceReport report, string storePath)
    {
        var console = StoreOption.Console(context);
        console.MarkupLine($"[bold]Sources[/] in {Markup.Escape(storePath)}: {N(report.Articles)} articles, {N(report.Attributions)} attributions");
        if (report.Sources.Count == 0)
        {
            console.WriteLine(report.Articles == 0 ? "The store holds no articles yet: run 'hearsay ingest PATH...'." : "No sources cited.");
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Expand()
            .AddColumn("Source").AddColumn("Kind").AddColumn(new TableColumn("Statements").RightAligned())
            .AddColumn(new TableColumn("Articles").RightAligned()).AddColumn("Cited through (statements)");
        foreach (var s in report.Sources)
            table.AddRow(
                new Markup($"[bold cyan]{Markup.Escape(s.Name)}[/]"),
                new TextCell(s.Kind),
                new TextCell(N(s.Statements)),
                new TextCell(N(s.Articles)),
                new TextCell(string.Join(", ", s.Channels.Select(c => $"{c.Name} ({Role(c.Role)}, {N(c.Statements)})"))));
        console.Write(table);
        if (report.UnresolvedPronouns is { } p)
            console.MarkupLine($"[grey]Not listed: {N(p.Statements)} statements in {N(p.Articles)} articles attributed to a pronoun whose antecedent was not found.[/]");
        Channels(console, "Top media", "the channel a source spoke through: \"told CNN\", \"im Staatsfernsehen\"", report.Media);
        Channels(console, "Top relays", "the outlet the author got it from: \"as Reuters reported\"", report.Relays);
    }

    private static void Channels(IAnsiConsole console, string title, string legend, IReadOnlyList<NameStat> rows)
    {
        if (rows.Count == 0) return;
        console.WriteLine();
        console.MarkupLine($"[bold underline]{title}[/]  [grey]{Markup.Escape(legend)}[/]");
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("Name").AddColumn("Kind").AddColumn(new TableColumn("Statements").RightAligned()).AddColumn(new TableColumn("Articles").RightAligned());
        foreach (var m in rows)
            table.AddRow(new TextCell(m.Name), new TextCell(m.Kind + (m.StateMedia ? ", state media" : "")), new TextCell(N(m.Statements)), new TextCell(N(m.Articles)));
        console.Write(table);
    }

    private static void Json(TextWriter output, SourceReport report, string storePath)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("store", storePath);
            w.WriteNumber("articles", report.Articles);
            w.WriteNumber("attributions", report.Attributions);
            w.WriteStartArray("sources");
            foreach (var s in report.Sources)
            {
                w.WriteStartObject();
                Fields(w, s);
                w.WriteStartArray("cited_through");
                foreach (var c in s.Channels)
                {
                    w.WriteStartObject();
                    w.WriteString("name", c.Name);
                    w.WriteString("role", Role(c.Role));
                    w.WriteNumber("statements", c.Statements);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteStartObject("unresolved_pronouns");
            w.WriteNumber("statements", report.UnresolvedPronouns?.Statements ?? 0);
            w.WriteNumber("articles", report.UnresolvedPronouns?.Articles ?? 0);
            w.WriteEndObject();
            foreach (var (name, rows) in new[] { ("media", report.Media), ("relays", report.Relays) })
            {
                w.WriteStartArray(name);
                foreach (var m in rows)
                {
                    w.WriteStartObject();
                    Fields(w, m);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void Fields(Utf8JsonWriter w, NameStat s)
    {
        w.WriteString("name", s.Name);
        w.WriteString("kind", s.Kind);
        w.WriteNumber("statements", s.Statements);
        w.WriteNumber("articles", s.Articles);
        w.WriteBoolean("state_media", s.StateMedia);
    }

    /// <summary>One row per source, medium and relay; "list" says which.</summary>
    private static void Csv(TextWriter output, SourceReport report)
    {
        output.WriteLine("list,name,kind,statements,articles,state_media,cited_through");
        foreach (var s in report.Sources)
            output.WriteLine(StoreOption.CsvRow("source", s.Name, s.Kind, s.Statements, s.Articles, s.StateMedia,
                string.Join("; ", s.Channels.Select(c => $"{c.Name} ({Role(c.Role)}, {c.Statements.ToString(CultureInfo.InvariantCulture)})"))));
        if (report.UnresolvedPronouns is { } p)
            output.WriteLine(StoreOption.CsvRow("unresolved", p.Name, p.Kind, p.Statements, p.Articles, false, ""));
        foreach (var m in report.Media) output.WriteLine(StoreOption.CsvRow("medium", m.Name, m.Kind, m.Statements, m.Articles, m.StateMedia, ""));
        foreach (var m in report.Relays) output.WriteLine(StoreOption.CsvRow("relay", m.Name, m.Kind, m.Statements, m.Articles, m.StateMedia, ""));
    }

    private static string Role(NameRole role) => role switch { NameRole.Medium => "medium", NameRole.Relay => "relay", _ => "source" };

    private static string N(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
