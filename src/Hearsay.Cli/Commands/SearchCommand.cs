using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Hearsay.Store;
using Spectre.Console;

namespace Hearsay.Cli.Commands;

/// <summary>
/// <c>hearsay search TEXT</c>: full-text search (SQLite FTS5, ranked by BM25) over the claims and quotations of
/// the stored articles, with the matching words highlighted. Every word must occur (case and accents ignored);
/// a word ending in '*' matches as a prefix; <c>--match</c> takes an FTS5 query (AND, OR, NOT, "a phrase", NEAR).
/// </summary>
public static class SearchCommand
{
    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var text = new Argument<string[]>("TEXT") { Description = "The words to find.", Arity = ArgumentArity.OneOrMore };
        var store = StoreOption.Create();
        var format = StoreOption.Format();
        var limit = new Option<int>("--limit", "-n") { Description = "Most hits to show.", DefaultValueFactory = _ => 20, HelpName = "N" };
        limit.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--limit must be at least 1."); });
        var kind = new Option<string?>("--kind") { Description = "Only claims or only quotations.", HelpName = "claim|quote" };
        kind.AcceptOnlyFromAmong("claim", "quote");
        var match = new Option<bool>("--match") { Description = "TEXT is an FTS5 query expression (AND, OR, NOT, \"phrase\", prefix*, NEAR(...))." };
        var command = new Command("search", "Full-text search over the claims and quotations of the stored articles.");
        command.Arguments.Add(text);
        foreach (var o in new Option[] { store, format, limit, kind, match }) command.Options.Add(o);
        command.SetAction(r => Run(context, StoreOption.Resolve(context, r.GetValue(store)), r.GetValue(format) ?? "table",
            new SearchQuery { Text = string.Join(' ', r.GetValue(text) ?? []), Limit = r.GetValue(limit), Kind = r.GetValue(kind), Raw = r.GetValue(match) },
            r.GetValue(verbose)));
        return command;
    }

    public static int Run(CliContext context, string storePath, string format, SearchQuery query, bool verbose)
    {
        using var store = StoreOption.Open(context, storePath, create: false, out int code);
        if (store is null) return code;
        var clock = Stopwatch.StartNew();
        IReadOnlyList<SearchHit> hits;
        try
        {
            hits = store.Search(query);
        }
        catch (ArgumentException ex)
        {
            context.Err.WriteLine($"hearsay search: {Program.OneLine(ex.Message)}");
            return ExitCodes.Usage;
        }
        double ms = clock.Elapsed.TotalMilliseconds;
        if (verbose) context.Err.WriteLine($"hearsay search: query {ms:0.0} ms");
        switch (format)
        {
            case "json": Json(context.Out, query, hits); break;
            case "csv": Csv(context.Out, hits); break;
            default: Table(context, query, hits, ms); break;
        }
        context.Out.Flush();
        return ExitCodes.Ok;
    }

    private static void Table(CliContext context, SearchQuery query, IReadOnlyList<SearchHit> hits, double ms)
    {
        var console = StoreOption.Console(context);
        bool plain = !context.OutputIsTerminal || !string.IsNullOrEmpty(context.GetEnvironmentVariable("NO_COLOR"));
        console.MarkupLine($"[bold]{N(hits.Count)}{(hits.Count == query.Limit ? "+" : "")} {(hits.Count == 1 ? "hit" : "hits")}[/] for {Markup.Escape(query.Text)} [grey]({ms:0} ms)[/]");
        foreach (var h in hits)
        {
            console.WriteLine();
            string title = h.Title ?? h.Url ?? "(untitled)";
            console.MarkupLine($"[bold]{Markup.Escape(h.ArticleId)}[/]  {Markup.Escape(Shorten(title, 100))}");
            string about = h.Kind + (h.Ref.Length > 0 ? " " + h.Ref : "") + (h.Source is null ? "" : " · source: " + h.Source);
            console.MarkupLine($"  [grey]{Markup.Escape(about)}[/]");
            console.MarkupLine("  " + Highlight(Window(h.Marked, 320), plain));
        }
        if (hits.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[grey]hearsay show ID shows an article.[/]");
        }
    }

    /// <summary>Spectre markup: the text escaped, the matches bold yellow (or between ** without colours).</summary>
    private static string Highlight(string marked, bool plain)
    {
        var sb = new StringBuilder();
        foreach (var (part, match) in Parts(marked))
        {
            string escaped = Markup.Escape(part);
            if (!match) sb.Append(escaped);
            else if (plain) sb.Append("**").Append(escaped).Append("**");
            else sb.Append("[bold yellow]").Append(escaped).Append("[/]");
        }
        return sb.ToString();
    }

    /// <summary>The stretches of the marked text, and whether each is a match.</summary>
    internal static IEnumerable<(string Text, bool Match)> Parts(string marked)
    {
        int i = 0;
        while (i < marked.Length)
        {
            int open = marked.IndexOf(SearchHit.MatchStart, i);
            if (open < 0)
            {
                yield return (marked[i..], false);
                yield break;
            }
            if (open > i) yield return (marked[i..open], false);
            int close = marked.IndexOf(SearchHit.MatchEnd, open + 1);
            if (close < 0) close = marked.Length;
            yield return (marked[(open + 1)..close], true);
            i = close + 1;
        }
    }

    /// <summary>At most about <paramref name="max"/> characters around the first match.</summary>
    private static string Window(string marked, int max)
    {
        if (marked.Length <= max) return marked;
        int first = Math.Max(0, marked.IndexOf(SearchHit.MatchStart));
        int start = Math.Max(0, first - max / 3);
        int end = Math.Min(marked.Length, start + max);
        // Never cut inside a match.
        int openBefore = marked.LastIndexOf(SearchHit.MatchStart, Math.Max(0, end - 1));
        int closeBefore = marked.LastIndexOf(SearchHit.MatchEnd, Math.Max(0, end - 1));
        if (openBefore > closeBefore) end = Math.Min(marked.Length, marked.IndexOf(SearchHit.MatchEnd, openBefore) + 1);
        return (start > 0 ? "… " : "") + marked[start..end] + (end < marked.Length ? " …" : "");
    }

    private static void Json(TextWriter output, SearchQuery query, IReadOnlyList<SearchHit> hits)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("query", query.Text);
            w.WriteStartArray("hits");
            foreach (var h in hits)
            {
                w.WriteStartObject();
                w.WriteString("article", h.ArticleId);
                if (h.Title is null) w.WriteNull("title"); else w.WriteString("title", h.Title);
                if (h.Url is null) w.WriteNull("url"); else w.WriteString("url", h.Url);
                w.WriteString("kind", h.Kind);
                if (h.Ref.Length == 0) w.WriteNull("ref"); else w.WriteString("ref", h.Ref);
                if (h.Source is null) w.WriteNull("source"); else w.WriteString("source", h.Source);
                w.WriteString("text", h.Text);
                // The matches as offsets into "text", and the text with them between « and ».
                w.WriteStartArray("matches");
                int offset = 0;
                var highlighted = new StringBuilder();
                foreach (var (part, match) in Parts(h.Marked))
                {
                    if (match)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("start", offset);
                        w.WriteNumber("end", offset + part.Length);
                        w.WriteEndObject();
                        highlighted.Append('«').Append(part).Append('»');
                    }
                    else highlighted.Append(part);
                    offset += part.Length;
                }
                w.WriteEndArray();
                w.WriteString("highlighted", highlighted.ToString());
                w.WriteNumber("score", Math.Round(h.Score, 4));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void Csv(TextWriter output, IReadOnlyList<SearchHit> hits)
    {
        output.WriteLine("article,title,url,kind,ref,source,score,text");
        foreach (var h in hits)
            output.WriteLine(StoreOption.CsvRow(h.ArticleId, h.Title, h.Url, h.Kind, h.Ref, h.Source, Math.Round(h.Score, 4), h.Text));
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    private static string N(long n) => n.ToString("#,0", CultureInfo.InvariantCulture);
}
