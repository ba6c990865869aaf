using System.CommandLine;
using System.Text.Json;
using Hearsay.Cli.Terminal;
using Hearsay.Output;
using Hearsay.Store;

namespace Hearsay.Cli.Commands;

/// <summary>
/// <c>hearsay show ARTICLE-ID</c>: one stored article, as <c>hearsay analyze</c> shows it: the terminal view, or the
/// stored hearsay.article/1 JSON, or its claims as CSV. The id is the one ingest, sources and search print (any
/// unique prefix of at least 4 hex digits), or the article's URL. Nothing is analysed again: the view is rendered
/// from the stored analysis.
/// </summary>
public static class ShowCommand
{
    public static Command Create(CliContext context)
    {
        var id = new Argument<string>("ARTICLE-ID") { Description = "The article's id (a unique prefix of at least 4 hex digits) or its URL." };
        var store = StoreOption.Create();
        var format = StoreOption.Format();
        format.Description = "table: the article view of 'analyze'; json: the stored hearsay.article/1 document; csv: one row per claim.";
        var command = new Command("show", "Show one stored article, as 'analyze' shows it.");
        command.Arguments.Add(id);
        command.Options.Add(store);
        command.Options.Add(format);
        command.SetAction(r => Run(context, StoreOption.Resolve(context, r.GetValue(store)), r.GetValue(id) ?? "", r.GetValue(format) ?? "table"));
        return command;
    }

    public static int Run(CliContext context, string storePath, string id, string format)
    {
        using var store = StoreOption.Open(context, storePath, create: false, out int code);
        if (store is null) return code;
        StoredArticle? stored;
        try
        {
            stored = store.Find(id);
        }
        catch (AmbiguousIdException ex)
        {
            context.Err.WriteLine($"hearsay show: {ex.Message}");
            return ExitCodes.Usage;
        }
        if (stored is null)
        {
            context.Err.WriteLine($"hearsay show: no article '{id}' in {storePath} (ids are hex digits, as 'hearsay search' and 'hearsay ingest' print them, or a URL).");
            return ExitCodes.InputNotFound;
        }
        switch (format)
        {
            case "json":
                // The stored document as it was written, indented for reading.
                using (var doc = JsonDocument.Parse(stored.Json))
                using (var stream = new MemoryStream())
                {
                    using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
                        doc.WriteTo(w);
                    context.Out.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
                }
                break;
            case "csv":
                Csv(context.Out, stored);
                break;
            default:
                var article = JsonArticleReader.Read(stored.Json);
                bool colors = context.OutputIsTerminal && string.IsNullOrEmpty(context.GetEnvironmentVariable("NO_COLOR"));
                new TerminalView(context.Out, colors, context.Width).Render(article, $"{stored.Id} · {stored.Origin}");
                break;
        }
        context.Out.Flush();
        return ExitCodes.Ok;
    }

    /// <summary>One row per claim: its text, the attribution's kind and source, the chain and the assessment.</summary>
    private static void Csv(TextWriter output, StoredArticle stored)
    {
        var a = JsonArticleReader.Read(stored.Json);
        output.WriteLine("article,claim,text,attribution,kind,source,source_kind,chain,origin,first_hand,independent_sources,hedged_by_author,state_media_origin");
        foreach (var c in a.Claims)
        {
            var at = c.AttributionId >= 0 ? a.Attributions.FirstOrDefault(x => x.Id == c.AttributionId) : null;
            var entity = at is null ? null : SourceSummary.EntityOf(a, at.Source.EntityId);
            string? source = entity?.Canonical ?? (at?.Source.Span is { } s ? SourceSummary.Flat(a.StringOf(s)) : null);
            output.WriteLine(StoreOption.CsvRow(stored.Id, OutputNames.ClaimId(c.Id), SourceSummary.Flat(a.StringOf(c.Content)),
                at is null ? null : OutputNames.AttributionId(at.Id), at is null ? null : OutputNames.Of(at.Kind), source,
                at is null ? null : OutputNames.Of(at.Source.Kind),
                string.Join(" → ", c.Chain.Select(l => $"{l.Name} ({OutputNames.Of(l.Role)})")),
                OutputNames.Of(c.Assessment.Origin), c.Assessment.FirstHand, c.Assessment.IndependentSources,
                c.Assessment.HedgedByAuthor, c.Assessment.StateMediaOrigin));
        }
    }
}
