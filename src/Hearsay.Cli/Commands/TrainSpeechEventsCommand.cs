using System.CommandLine;
using System.Globalization;
using Hearsay.Attributions;
using Hearsay.Eval;
using Hearsay.Eval.SpkAtt2023;
using Hearsay.Languages;
using Hearsay.Learning;
using Hearsay.SpeechEvents;
using Hearsay.Training;

namespace Hearsay.Cli.Commands;

/// <summary>
/// <c>hearsay train speech-events</c>: trains the German speech-event stage's two taggers (cue and roles,
/// <see cref="SpeechEventModels"/>) on SpkAtt-2023 task 1 train (CC BY-SA 4.0) without its held-out tenth (the
/// eval's dev split), and writes speech-cue-de.bin and speech-roles-de.bin (default folder
/// src/Hearsay.Core/Models, where they ship embedded). Deterministic: fixed seeds and epoch counts, so with
/// <c>--date</c> the same data gives the same bytes (the fingerprints printed tell). Prints token-level figures
/// on the held-out tenth and on the corpus's dev split. Only SpkAtt-2023 may be trained on here.
/// </summary>
public static class TrainSpeechEventsCommand
{
    public const string DefaultOut = "src/Hearsay.Core/Models";

    public sealed record Options
    {
        public string? Data { get; init; }
        public string Out { get; init; } = DefaultOut;
        public SpeechEventTrainingOptions Training { get; init; } = new();
        public string? Date { get; init; }
        /// <summary>Train on at most this many speeches (for tests; 0: all).</summary>
        public int Limit { get; init; }
        /// <summary>Cross-validate with this many folds inside the training speeches instead of writing models (0: train and write).</summary>
        public int Folds { get; init; }
        public IReadOnlyList<float> CvCueBiases { get; init; } = Array.Empty<float>();
        public IReadOnlyList<float> CvRoleBiases { get; init; } = Array.Empty<float>();
    }

    public static Command Create(CliContext context)
    {
        var d = new SpeechEventTrainingOptions();
        var data = new Option<string?>("--data") { HelpName = "DIR", Description = $"Folder holding the corpora (default: ${DataRoot.EnvironmentVariable}, else {DataRoot.DefaultRelative}); reads spkatt2023/train and spkatt2023/dev." };
        var output = new Option<string>("--out") { HelpName = "DIR", Description = "Folder to write the two model files to.", DefaultValueFactory = _ => DefaultOut };
        var cueEpochs = new Option<int>("--cue-epochs") { HelpName = "N", Description = "Passes of the cue tagger over the sentences.", DefaultValueFactory = _ => d.CueEpochs };
        var roleEpochs = new Option<int>("--role-epochs") { HelpName = "N", Description = "Passes of the role tagger over the gold events.", DefaultValueFactory = _ => d.RoleEpochs };
        var seed = new Option<ulong>("--seed") { HelpName = "N", Description = "Seed of the example order (the role tagger uses N + 1000).", DefaultValueFactory = _ => d.Seed };
        var bits = new Option<int>("--bits") { HelpName = "N", Description = "Rows of the cue tagger's weight table: 2^N.", DefaultValueFactory = _ => d.CueBits };
        var roleBits = new Option<int>("--role-bits") { HelpName = "N", Description = "Rows of the role tagger's weight table: 2^N (it is scored for every token of a cue's sentence, so it is kept small).", DefaultValueFactory = _ => d.RoleBits };
        var runs = new Option<int>("--runs") { HelpName = "N", Description = "Training runs over different orders, their weights averaged.", DefaultValueFactory = _ => d.Runs };
        var cueBias = new Option<float>("--cue-bias") { HelpName = "X", Description = "Decoding bias of the cue tagger stored in its header: X is taken off the \"O\" score of each word.", DefaultValueFactory = _ => d.CueOutsideBias };
        var roleBias = new Option<float>("--role-bias") { HelpName = "X", Description = "Decoding bias of the role tagger stored in its header.", DefaultValueFactory = _ => d.RoleOutsideBias };
        var share = new Option<double>("--min-cue-share") { HelpName = "X", Description = "The cue tagger scores a word only when its stem was inside a gold cue at least this share of its occurrences in training.", DefaultValueFactory = _ => d.MinCueShare };
        var prune = new Option<float>("--prune") { HelpName = "X", Description = "Drop the weight rows whose largest absolute weight is at most X.", DefaultValueFactory = _ => d.Prune };
        var date = new Option<string?>("--date") { HelpName = "YYYY-MM-DD", Description = "Date written into the headers (default: today, UTC)." };
        var joinMin = new Option<int>("--join-min") { HelpName = "N", Description = "Two cue pieces of a sentence make one event when their pair was one gold cue at least N times in training and more often than two events (0: never).", DefaultValueFactory = _ => d.CueJoinMin };
        var cv = new Option<int>("--cv") { HelpName = "K", Description = "Cross-validate with K folds inside the training speeches (the held-out tenth and dev are not read) and print the eval's macro figures; writes nothing." };
        var cvCueBias = new Option<float[]>("--cv-cue-bias") { HelpName = "X", Description = "With --cv: cue decoding biases to compare (default: --cue-bias).", AllowMultipleArgumentsPerToken = true };
        var cvRoleBias = new Option<float[]>("--cv-role-bias") { HelpName = "X", Description = "With --cv: role decoding biases to compare (default: --role-bias).", AllowMultipleArgumentsPerToken = true };
        var limit = new Option<int>("--limit") { HelpName = "N", Description = "Train on the first N training speeches only (a quick check; the shipped models use all)." };
        var command = new Command("speech-events", "Train the speech-event stage (cue and role taggers) on SpkAtt-2023 train and write the model files.");
        foreach (var o in new Option[] { data, output, cueEpochs, roleEpochs, seed, bits, roleBits, runs, cueBias, roleBias, share, prune, joinMin, cv, cvCueBias, cvRoleBias, date, limit }) command.Options.Add(o);
        command.SetAction(parse => Execute(new Options
        {
            Data = parse.GetValue(data),
            Out = parse.GetValue(output) ?? DefaultOut,
            Training = d with { CueEpochs = parse.GetValue(cueEpochs), RoleEpochs = parse.GetValue(roleEpochs), Seed = parse.GetValue(seed), CueBits = parse.GetValue(bits), RoleBits = parse.GetValue(roleBits), Runs = parse.GetValue(runs), CueOutsideBias = parse.GetValue(cueBias), RoleOutsideBias = parse.GetValue(roleBias), MinCueShare = parse.GetValue(share), Prune = parse.GetValue(prune), CueJoinMin = parse.GetValue(joinMin) },
            Folds = parse.GetValue(cv),
            CvCueBiases = parse.GetValue(cvCueBias) ?? Array.Empty<float>(),
            CvRoleBiases = parse.GetValue(cvRoleBias) ?? Array.Empty<float>(),
            Date = parse.GetValue(date),
            Limit = parse.GetValue(limit),
        }, context));
        return command;
    }

    public static int Execute(Options options, CliContext context)
    {
        TextWriter stdout = context.Out, stderr = context.Err;
        var t = options.Training;
        if (t.CueEpochs < 1 || t.RoleEpochs < 1 || t.Runs < 1 || options.Limit < 0 || options.Folds is < 0 or 1 || t.CueJoinMin < 0 || t.CueBits is < 10 or > 22 || t.RoleBits is < 10 or > 22)
        {
            stderr.WriteLine("hearsay train speech-events: --cue-epochs and --role-epochs and --runs must be at least 1, --bits between 10 and 22, --limit not negative.");
            return ExitCodes.Usage;
        }
        var root = DataRoot.Resolve(options.Data is null ? null : Path.GetFullPath(options.Data, context.CurrentDirectory),
            context.GetEnvironmentVariable, context.CurrentDirectory);
        var outDir = Path.GetFullPath(options.Out, context.CurrentDirectory);
        List<SpeechEventArticle> train, heldOut, dev;
        try
        {
            var trainFiles = SpkAttCueData.Files(root, "train");
            if (options.Limit > 0) trainFiles = trainFiles.Take(options.Limit).ToArray();
            train = Load(trainFiles);
            heldOut = options.Limit > 0 || options.Folds > 0 ? new() : Load(SpkAttCueData.Files(root, SpkAttDataset.HeldOutSplit));
            dev = options.Limit > 0 || options.Folds > 0 ? new() : Load(SpkAttCueData.Files(root, "dev"));
        }
        catch (EvalDataMissingException ex)
        {
            stderr.WriteLine($"hearsay train speech-events: {ex.Message}");
            return ExitCodes.InputNotFound;
        }
        var lexicon = AttributionLexicon.For(LanguageRegistry.Default.For("de"));
        static string Inv(float x) => x.ToString("R", CultureInfo.InvariantCulture);
        if (options.Folds > 0)
        {
            var cb = options.CvCueBiases.Count > 0 ? options.CvCueBiases : new[] { t.CueOutsideBias };
            var rb = options.CvRoleBiases.Count > 0 ? options.CvRoleBiases : new[] { t.RoleOutsideBias };
            stdout.WriteLine($"{options.Folds}-fold cross-validation on {train.Count} training speeches");
            foreach (var (c, r, cue, roles) in SpeechEventTraining.CrossValidate(train, lexicon, t, options.Folds, cb, rb, m => stderr.WriteLine("  " + m)))
            {
                var joint = roles;
                joint.Add(cue);
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"cue-bias {c} role-bias {r}: Cue P {cue.Precision:0.0000} R {cue.Recall:0.0000} F1 {cue.F1:0.0000}  Roles P {roles.Precision:0.0000} R {roles.Recall:0.0000} F1 {roles.F1:0.0000}  Joint F1 {joint.F1:0.0000}"));
            }
            return ExitCodes.Ok;
        }
        var command = $"hearsay train speech-events --cue-epochs {t.CueEpochs} --role-epochs {t.RoleEpochs} --seed {t.Seed} --bits {t.CueBits} --role-bits {t.RoleBits} --runs {t.Runs} --cue-bias {Inv(t.CueOutsideBias)} --role-bias {Inv(t.RoleOutsideBias)} --min-cue-share {t.MinCueShare.ToString("R", CultureInfo.InvariantCulture)} --prune {Inv(t.Prune)} --join-min {t.CueJoinMin}"
                      + (options.Limit > 0 ? $" --limit {options.Limit}" : "");
        stdout.WriteLine($"training on {train.Count} speeches ({train.Sum(x => x.Events.Count)} gold events); held out {heldOut.Count}; dev {dev.Count}");

        string Common(string what, int epochs, int bits) => string.Join('\n',
            $"model: Hearsay speech-event {what} (averaged structured perceptron over hashed token features, Viterbi over BIO labels)",
            "language: de",
            $"training data: SpkAtt-2023 task 1 train (github.com/umanlp/SpkAtt-2023, CC BY-SA 4.0), {train.Count} speeches; every 10th speech in file-name order held out",
            $"command: {command}",
            $"date: {options.Date ?? DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
            $"features: speech-event v{SpeechEventFeatures.Version} (cue features v{CueFeatures.Version}); rows: 2^{bits}; epochs: {epochs}; seed: {t.Seed}");
        var models = SpeechEventTraining.Train(train, lexicon, t, "", "", m => stderr.WriteLine("  " + m));

        string Figures(IReadOnlyList<SpeechEventArticle> set, bool cue)
        {
            if (set.Count == 0) return "-";
            var (c, r) = SpeechEventTraining.Measure(models, set, lexicon);
            var x = cue ? c : r;
            return string.Create(CultureInfo.InvariantCulture, $"P {x.Precision:0.0000} R {x.Recall:0.0000} F1 {x.F1:0.0000}");
        }
        string hoCue = Figures(heldOut, true), devCue = Figures(dev, true), hoRoles = Figures(heldOut, false), devRoles = Figures(dev, false);
        stdout.WriteLine($"cue tokens (whole stage), held-out tenth: {hoCue}");
        stdout.WriteLine($"cue tokens (whole stage), dev:            {devCue}");
        stdout.WriteLine($"role tokens (gold cues), held-out tenth:  {hoRoles}");
        stdout.WriteLine($"role tokens (gold cues), dev:             {devRoles}");

        var cueModel = models.Cue.WithHeader(SpeechEventTraining.CueHeader(Common("cue tagger", t.CueEpochs, t.CueBits) + $"\nheld-out cue tokens: {hoCue}\ndev cue tokens: {devCue}", train, t));
        var roleModel = models.Roles.WithHeader(SpeechEventTraining.WithBias(Common("role tagger", t.RoleEpochs, t.RoleBits) + $"\nheld-out role tokens (gold cues): {hoRoles}\ndev role tokens (gold cues): {devRoles}", t.RoleOutsideBias));
        Directory.CreateDirectory(outDir);
        foreach (var (model, file) in new[] { (cueModel, SpeechEventModels.CueFile("de")), (roleModel, SpeechEventModels.RolesFile("de")) })
        {
            var path = Path.Combine(outDir, file);
            ModelFile.Write(model, path);
            stdout.WriteLine($"wrote {Path.Combine(options.Out, file)} ({new FileInfo(path).Length / 1024} KiB, {model.StoredRows} non-zero rows, fingerprint {ModelFile.Fingerprint(model):x8})");
        }
        return ExitCodes.Ok;
    }

    private static List<SpeechEventArticle> Load(IEnumerable<string> files) =>
        SpkAttSpeechEventData.Load(SpkAttReader.Read(files)).ToList();
}
