using System.CommandLine;
using Hearsay.Cli.Terminal;
using Hearsay.Provenance.Exports;

namespace Hearsay.Cli.Commands;

/// <summary>
/// <c>hearsay claims</c>: the claims stated in several articles, linked across articles and languages, ranked by
/// spread (articles, outlets, languages), each with its origin count, single-origin flag and number drift.
/// <c>--format json</c> writes the whole hearsay.provenance/1 document instead (as <c>hearsay export --format json</c>;
/// <c>--top</c> applies to the text view only).
/// </summary>
public static class ClaimsCommand
{
    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var input = new ProvenanceInput();
        var top = new Option<int>("--top") { HelpName = "N", Description = "Show at most N claims.", DefaultValueFactory = _ => 20 };
        top.Validators.Add(r => { if (r.GetValueOrDefault<int>() < 1) r.AddError("--top must be at least 1."); });
        var format = new Option<string>("--format") { Description = "text (default) or json.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("claims", "List the claims repeated across articles and languages, ranked by spread, with their origins and number drift.");
        input.AddTo(command);
        command.Options.Add(top);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            var (loaded, code) = input.Load(parse, context, "claims", parse.GetValue(verbose));
            if (loaded is null) return code;
            if (parse.GetValue(format) == "json")
                new JsonGraphExporter().Write(loaded.Graph, context.Out, new ExportOptions());
            else
                ProvenanceView.Claims(context.Out, loaded.Graph, loaded.Linker.Articles.Count, loaded.Linker.Claims.Count,
                    parse.GetValue(top), parse.GetValue(input.MinArticles), context.OutputIsTerminal ? context.Width : int.MaxValue);
            return ProvenanceInput.Finish(loaded);
        });
        return command;
    }
}
