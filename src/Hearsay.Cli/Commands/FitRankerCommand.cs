using System.CommandLine;
using System.Globalization;
using Hearsay.Eval;
using Hearsay.Eval.CheckThat2020;

namespace Hearsay.Cli.Commands;

/// <summary>
/// <c>hearsay fit-ranker</c>: fits the claim re-ranker's weights on the CheckThat! 2020 task 2 train split and prints
/// them with MAP@5 on train and dev. Nothing is written: the data is for evaluation only, so no weights fitted on it
/// ship (<c>hearsay eval</c> fits its own at run time). Deterministic; the test split is never read.
/// </summary>
public static class FitRankerCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Option<string?>("--data") { HelpName = "DIR", Description = $"Folder holding {CheckThatData.Folder}/ (default: ${DataRoot.EnvironmentVariable}, else {DataRoot.DefaultRelative})." };
        var command = new Command("fit-ranker", "Fit the claim re-ranker on CheckThat! 2020 task 2 (train split) and show its weights and MAP@5 on train and dev.");
        command.Options.Add(data);
        command.SetAction(parse =>
        {
            var root = DataRoot.Resolve(parse.GetValue(data), context.GetEnvironmentVariable, context.CurrentDirectory);
            try
            {
                var (model, train, dev) = CheckThatDataset.FitRanker(root);
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fit-ranker: MAP@5 train {train:0.0000}, dev {dev:0.0000}"));
                for (int i = 0; i < model.Weight.Length; i++)
                    context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Hearsay.Provenance.Matching.ClaimRanker.FeatureNames[i],-20} {model.Weight[i],8:0.000}"));
                return ExitCodes.Ok;
            }
            catch (EvalDataMissingException ex)
            {
                context.Err.WriteLine($"hearsay fit-ranker: {ex.Message}");
                return ExitCodes.InputNotFound;
            }
        });
        return command;
    }
}
