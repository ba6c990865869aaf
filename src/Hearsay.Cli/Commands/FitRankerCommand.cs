using System.CommandLine;
using System.Globalization;
using Hearsay.Eval;
using Hearsay.Eval.CheckThat2020;

namespace Hearsay.Cli.Commands;

/// <summary>
/// <c>hearsay fit-ranker</c>: fits the claim re-ranker's weights (Hearsay.Provenance/Data/claim-ranker.tsv) on the
/// CheckThat! 2020 task 2 train split and prints MAP@5 on train and dev with them; with <c>--output FILE</c> writes
/// the data file. Deterministic: the same data gives the same weights. The test split is never read.
/// </summary>
public static class FitRankerCommand
{
    public static Command Create(CliContext context)
    {
        var data = new Option<string?>("--data") { HelpName = "DIR", Description = $"Folder holding {CheckThatData.Folder}/ (default: ${DataRoot.EnvironmentVariable}, else {DataRoot.DefaultRelative})." };
        var output = new Option<string?>("--output", "-o") { HelpName = "FILE", Description = "Write the fitted weights as a data file (src/Hearsay.Provenance/Data/claim-ranker.tsv)." };
        var command = new Command("fit-ranker", "Fit the claim re-ranker on CheckThat! 2020 task 2 (train split) and report MAP@5 on train and dev.");
        command.Options.Add(data);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var root = DataRoot.Resolve(parse.GetValue(data), context.GetEnvironmentVariable, context.CurrentDirectory);
            try
            {
                var (model, train, dev) = CheckThatDataset.FitRanker(root);
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fit-ranker: MAP@5 train {train:0.0000}, dev {dev:0.0000}"));
                for (int i = 0; i < model.Weight.Length; i++)
                    context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {Hearsay.Provenance.Matching.ClaimRanker.FeatureNames[i],-20} {model.Weight[i],8:0.000}"));
                if (parse.GetValue(output) is { } file)
                {
                    var provenance = string.Create(CultureInfo.InvariantCulture,
                        $"Source: fitted by 'hearsay fit-ranker' on the CLEF-2020 CheckThat! task 2 train split (640 tweets, listwise\nsoftmax loss, L2 0.001, 2000 steps); MAP@5 train {train:0.0000}, dev {dev:0.0000}. The test split was not used.\nNumbers learned from the data, not the data itself.");
                    File.WriteAllText(Path.GetFullPath(file, context.CurrentDirectory), model.ToTsv(provenance));
                    context.Out.WriteLine($"fit-ranker: wrote {file}");
                }
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
