using System.CommandLine;
using Hearsay.Cli.Terminal;

namespace Hearsay.Cli.Commands;

/// <summary>
/// <c>hearsay trace CLAIM</c>: one claim's story in the terminal: its first appearance (and whether that rests on
/// publication dates or ingest order), its origins, the single-origin flag, the number as each article states it,
/// the timeline of appearances, the relay tree from the origin through the outlets that passed it on, and the
/// relays in order. CLAIM is a cluster id (or a unique prefix), a rank from <c>hearsay claims</c>, or words of the claim.
/// </summary>
public static class TraceCommand
{
    public static Command Create(CliContext context, Option<bool> verbose)
    {
        var input = new ProvenanceInput();
        var claim = new Argument<string>("CLAIM") { Description = "A claim id from 'hearsay claims' (or a unique prefix), its rank (1, #2), or words of the claim." };
        var command = new Command("trace", "Show one claim's timeline, origins, number drift and relay tree.");
        command.Arguments.Add(claim);
        input.AddTo(command);
        command.SetAction(parse =>
        {
            var (loaded, code) = input.Load(parse, context, "trace", parse.GetValue(verbose));
            if (loaded is null) return code;
            var (found, error) = ClaimResolver.Resolve(parse.GetValue(claim)!, loaded.Graph, loaded.Linker);
            if (found is null)
            {
                context.Err.WriteLine($"hearsay trace: {error}.");
                return ExitCodes.Usage;
            }
            ProvenanceView.Trace(context.Out, found, context.OutputIsTerminal ? context.Width : int.MaxValue);
            return ProvenanceInput.Finish(loaded);
        });
        return command;
    }
}
