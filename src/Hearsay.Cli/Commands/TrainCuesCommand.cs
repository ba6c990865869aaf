using System.CommandLine;
using System.Globalization;
using Hearsay.Attributions;
using Hearsay.Eval;
using Hearsay.Eval.SpkAtt2023;
using Hearsay.Languages;
using Hearsay.Learning;

namespace Hearsay.Cli.Commands;

/// <summary>
/// <c>hearsay train cues</c>: trains the German cue detector (<see cref="CueModel"/>) on SpkAtt-2023 task 1
/// train (CC BY-SA 4.0), without its held-out tenth, and writes the model file the attribution stage embeds
/// (src/Hearsay.Core/Models/cue-de.bin). Deterministic: the fixed seed and epoch count give the same weights on
/// every run (only the header's date differs). Prints the per-epoch mistakes and token-level P/R/F1 on the
/// held-out tenth of train and on dev. Only SpkAtt-2023 may be trained on: the other corpora's licences
/// (non-commercial or none) allow evaluation only.
/// </summary>
public static class TrainCuesCommand
{
    public const string DefaultOut = "src/Hearsay.Core/Models/cue-de.bin";
    /// <summary>Thresholds of the attribution-stage seam (margins; see <c>TokenView.Verb</c>), chosen on spkatt2023
    /// dev and the held-out tenth and checked against wikinews-de-quotes dev and polnear dev (docs/eval.md): no
    /// veto (every veto threshold tried lowered wikinews recall and changed nothing on SpkAtt), and words
    /// outside the lexicon become cue candidates above a margin of 2 (1 to 3 give the same figures).</summary>
    public const float DefaultVetoBelow = float.NegativeInfinity;
    public const float DefaultAddAbove = 2f;

    public sealed record Options
    {
        public string? Data { get; init; }
        public string Out { get; init; } = DefaultOut;
        public CueTrainingOptions Training { get; init; } = new();
        public float VetoBelow { get; init; } = DefaultVetoBelow;
        public float AddAbove { get; init; } = DefaultAddAbove;
        public string? Date { get; init; }
    }

    public static Command Create(CliContext context)
    {
        var defaults = new CueTrainingOptions();
        var data = new Option<string?>("--data") { HelpName = "DIR", Description = $"Folder holding the corpora (default: ${DataRoot.EnvironmentVariable}, else {DataRoot.DefaultRelative}); reads spkatt2023/train and spkatt2023/dev." };
        var output = new Option<string>("--out") { HelpName = "PATH", Description = "Model file to write.", DefaultValueFactory = _ => DefaultOut };
        var epochs = new Option<int>("--epochs") { HelpName = "N", Description = "Passes over the training tokens.", DefaultValueFactory = _ => defaults.Epochs };
        var seed = new Option<ulong>("--seed") { HelpName = "N", Description = "Seed of the example order.", DefaultValueFactory = _ => defaults.Seed };
        var bits = new Option<int>("--bits") { HelpName = "N", Description = "Feature buckets: 2^N.", DefaultValueFactory = _ => defaults.Bits };
        var veto = new Option<float>("--veto-below") { HelpName = "X", Description = "Seam threshold stored in the model: a lexicon verb scored below X is no cue (-inf: never).", DefaultValueFactory = _ => DefaultVetoBelow };
        var add = new Option<float>("--add-above") { HelpName = "X", Description = "Seam threshold stored in the model: a lower-case word scored above X is a cue candidate (inf: never).", DefaultValueFactory = _ => DefaultAddAbove };
        var date = new Option<string?>("--date") { HelpName = "YYYY-MM-DD", Description = "Date written into the header (default: today, UTC)." };

        var command = new Command("cues", "Train the German cue detector on SpkAtt-2023 train and write the model file.");
        foreach (var o in new Option[] { data, output, epochs, seed, bits, veto, add, date }) command.Options.Add(o);
        command.SetAction(parse => Execute(new Options
        {
            Data = parse.GetValue(data),
            Out = parse.GetValue(output) ?? DefaultOut,
            Training = new CueTrainingOptions { Epochs = parse.GetValue(epochs), Seed = parse.GetValue(seed), Bits = parse.GetValue(bits) },
            VetoBelow = parse.GetValue(veto),
            AddAbove = parse.GetValue(add),
            Date = parse.GetValue(date),
        }, context));
        return command;
    }

    public static int Execute(Options options, CliContext context)
    {
        TextWriter stdout = context.Out, stderr = context.Err;
        var root = DataRoot.Resolve(options.Data is null ? null : Path.GetFullPath(options.Data, context.CurrentDirectory),
            context.GetEnvironmentVariable, context.CurrentDirectory);
        var outPath = Path.GetFullPath(options.Out, context.CurrentDirectory);
        List<LabeledArticle> train, heldOut, dev;
        try
        {
            train = Load(root, "train");
            heldOut = Load(root, SpkAttDataset.HeldOutSplit);
            dev = Load(root, "dev");
        }
        catch (EvalDataMissingException ex)
        {
            stderr.WriteLine($"hearsay train cues: {ex.Message}");
            return ExitCodes.InputNotFound;
        }
        var lexicon = AttributionLexicon.For(LanguageRegistry.Default.For("de"));
        var t = options.Training;
        string Inv(float x) => x.ToString("R", CultureInfo.InvariantCulture);
        var command = $"hearsay train cues --epochs {t.Epochs} --seed {t.Seed} --bits {t.Bits} --veto-below {Inv(options.VetoBelow)} --add-above {Inv(options.AddAbove)}";
        stdout.WriteLine($"training on {train.Count} speeches ({train.Sum(x => x.Cue.Count(c => c))} cue tokens); held out {heldOut.Count}; dev {dev.Count}");

        var (trained, mistakes) = CueTrainer.Train(train, lexicon, t, header: "");
        stdout.WriteLine("mistakes per epoch: " + string.Join(" ", mistakes));
        var model = Quantized(trained); // measure what ships: the weights as the file stores them
        string Prf(IReadOnlyList<LabeledArticle> set)
        {
            var (tp, fp, fn) = CueTrainer.Measure(model, set, lexicon);
            double p = tp + fp == 0 ? 0 : (double)tp / (tp + fp), r = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
            double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
            return string.Create(CultureInfo.InvariantCulture, $"P {p:0.0000} R {r:0.0000} F1 {f:0.0000} (tp {tp}, fp {fp}, fn {fn})");
        }
        var heldOutPrf = Prf(heldOut);
        var devPrf = Prf(dev);
        stdout.WriteLine($"cue tokens, held-out tenth of train: {heldOutPrf}");
        stdout.WriteLine($"cue tokens, dev:                     {devPrf}");

        var header = string.Join('\n',
            "model: Hearsay cue detector (averaged perceptron over hashed token features)",
            "language: de",
            $"training data: SpkAtt-2023 task 1 train (github.com/umanlp/SpkAtt-2023, CC BY-SA 4.0), {train.Count} speeches; every 10th speech in file-name order held out",
            $"command: {command}",
            $"date: {options.Date ?? DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
            $"features: v{CueFeatures.Version}; buckets: 2^{t.Bits}; epochs: {t.Epochs}; seed: {t.Seed}",
            $"held-out cue tokens: {heldOutPrf}",
            $"dev cue tokens: {devPrf}",
            $"veto-below: {Inv(options.VetoBelow)}",
            $"add-above: {Inv(options.AddAbove)}");
        model = model.WithHeader(header);
        var dir = Path.GetDirectoryName(outPath);
        if (dir is not null) Directory.CreateDirectory(dir);
        using (var file = File.Create(outPath)) model.Write(file);
        stdout.WriteLine($"wrote {options.Out} ({new FileInfo(outPath).Length / 1024} KiB, {model.NonZeroWeights} non-zero weights)");
        return ExitCodes.Ok;
    }

    private static CueModel Quantized(CueModel model)
    {
        using var ms = new MemoryStream();
        model.Write(ms);
        ms.Position = 0;
        return CueModel.Read(ms);
    }

    private static List<LabeledArticle> Load(DataRoot root, string split) =>
        SpkAttCueData.Labeled(SpkAttReader.Read(SpkAttCueData.Files(root, split))).ToList();
}
