using System.CommandLine;
using System.Text;
using Hearsay.Provenance.Exports;

namespace Hearsay.Cli.Commands;

/// <summary>
/// <c>hearsay export --format json|csv|claimreview|prov|graphml [--claim ID]</c>: the provenance graph in a format
/// other tools read: the hearsay.provenance/1 JSON document, CSV (RFC 4180, one row per appearance),
/// schema.org ClaimReview JSON-LD (sourcing only, no rating), W3C PROV-O JSON-LD, or GraphML for Gephi and yEd.
/// With <c>--claim</c>, only that claim's subgraph. Written to standard output or <c>--output FILE</c>.
/// </summary>
public static class ExportCommand
{
    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var input = new ProvenanceInput();
        var format = new Option<string>("--format") { Description = "json, csv, claimreview, prov or graphml.", Required = true };
        format.AcceptOnlyFromAmong(GraphExporters.All.Select(e => e.Format).ToArray());
        var claim = new Option<string?>("--claim") { HelpName = "ID", Description = "Only this claim (an id or unique prefix, a rank, or words of the claim)." };
        var output = new Option<string?>("--output", "-o") { HelpName = "FILE", Description = "Write to this file instead of standard output." };
        var command = new Command("export", "Export the provenance graph as JSON, CSV, schema.org ClaimReview, W3C PROV or GraphML.");
        command.Options.Add(format);
        command.Options.Add(claim);
        command.Options.Add(output);
        input.AddTo(command);
        command.SetAction(parse =>
        {
            var exporter = GraphExporters.Find(parse.GetValue(format)!)!;
            var (loaded, code) = input.Load(parse, context, "export", parse.GetValue(verbose));
            if (loaded is null) return code;
            var graph = loaded.Graph;
            if (parse.GetValue(claim) is { } query)
            {
                var (found, error) = ClaimResolver.Resolve(query, graph, loaded.Linker);
                if (found is null)
                {
                    context.Err.WriteLine($"hearsay export: {error}.");
                    return ExitCodes.Usage;
                }
                graph = graph.Subgraph(found.Id);
            }
            var options = new ExportOptions();
            if (parse.GetValue(output) is { } file)
            {
                var path = Path.GetFullPath(file, context.CurrentDirectory);
                try
                {
                    using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
                    exporter.Write(graph, writer, options);
                }
                catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
                {
                    context.Err.WriteLine($"hearsay export: cannot write {file}: {ex.Message}");
                    return ExitCodes.Usage;
                }
                if (parse.GetValue(verbose)) context.Err.WriteLine($"hearsay export: wrote {exporter.Format} to {file}");
            }
            else exporter.Write(graph, context.Out, options);
            return ProvenanceInput.Finish(loaded);
        });
        return command;
    }
}
