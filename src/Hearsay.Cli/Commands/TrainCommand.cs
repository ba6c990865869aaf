using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Hearsay.Eval;
using Hearsay.Learning;
using Hearsay.Training;

namespace Hearsay.Cli.Commands;

/// <summary>
/// <c>hearsay train ner</c>: rebuilds the name tagger's models from the licensed corpora in the data folder
/// (German: GermEval 2014 dev; English: GUM train documents) and writes them as
/// <c>ner-&lt;lang&gt;.bin</c> (default folder src/Hearsay.Core/Models, where they ship as embedded resources).
/// Deterministic: a fixed seed and a fixed number of epochs, so the same data gives byte-identical files
/// (the fingerprint printed for each model tells). With <c>--cv K</c> it writes nothing and reports K-fold
/// cross-validated scores of the tagger alone and of the whole entity stage, with and without the tagger.
/// </summary>
public static class TrainCommand
{
    public const string DefaultOut = "src/Hearsay.Core/Models";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var ner = new Command("ner", "Train the name tagger (named-entity recognition) of the entity stage.");
        var data = new Option<string?>("--data") { HelpName = "DIR", Description = $"Folder holding the corpora (default: ${DataRoot.EnvironmentVariable}, else {DataRoot.DefaultRelative})." };
        var output = new Option<string?>("--out") { HelpName = "PATH", Description = $"Folder for ner-<lang>.bin (default: {DefaultOut}), or a .bin file when one language is trained." };
        var language = new Option<string[]>("--language") { HelpName = "LANG", Description = "de and/or en (repeatable). Default: both.", AllowMultipleArgumentsPerToken = true };
        var epochs = new Option<int>("--epochs") { HelpName = "N", Description = "Passes over the data.", DefaultValueFactory = _ => new NerTrainingOptions().Epochs };
        var bits = new Option<int>("--bits") { HelpName = "N", Description = "The weight table has 2^N rows.", DefaultValueFactory = _ => new NerTrainingOptions().Bits };
        var runs = new Option<int>("--runs") { HelpName = "N", Description = "Training runs over different sentence orders, their weights averaged.", DefaultValueFactory = _ => new NerTrainingOptions().Runs };
        var cv = new Option<int>("--cv") { HelpName = "K", Description = "Cross-validate with K folds instead of writing models." };
        var errors = new Option<string?>("--errors") { HelpName = "FILE", Description = "With --cv: write the tagger's mistakes on the held-out folds to FILE." };
        var gold = new Option<string?>("--gold") { HelpName = "FILE", Description = "Write the training names (one per line: text id, type, words) to FILE and stop; for reviewing the corpus conversion." };
        foreach (var o in new Option[] { data, output, language, epochs, bits, runs, cv, errors, gold }) ner.Options.Add(o);
        ner.SetAction(parse =>
        {
            var langs = (parse.GetValue(language) ?? Array.Empty<string>())
                .SelectMany(l => l.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
            if (langs.Count == 0) langs = new() { "de", "en" };
            var options = new NerTrainingOptions { Epochs = parse.GetValue(epochs), Bits = parse.GetValue(bits), Runs = parse.GetValue(runs) };
            return Execute(langs, parse.GetValue(data), parse.GetValue(output), options, parse.GetValue(cv), stdout, stderr, parse.GetValue(errors), parse.GetValue(gold));
        });
        var train = new Command("train", "Rebuild the learned models from the corpora in the data folder.");
        train.Subcommands.Add(ner);
        train.Subcommands.Add(Coref(stdout, stderr));
        return train;
    }

    /// <summary><c>hearsay train coref</c>: the mention detector of the coreference layer (English), trained on the
    /// GUM train documents and written as mention-en.bin. Deterministic like <c>train ner</c>.</summary>
    private static Command Coref(TextWriter stdout, TextWriter stderr)
    {
        var coref = new Command("coref", "Train the mention detector of the coreference layer (English, GUM train documents).");
        var data = new Option<string?>("--data") { HelpName = "DIR", Description = $"Folder holding the corpora (default: ${DataRoot.EnvironmentVariable}, else {DataRoot.DefaultRelative})." };
        var output = new Option<string?>("--out") { HelpName = "PATH", Description = $"Model file to write (default: {DefaultOut}/mention-en.bin)." };
        var epochs = new Option<int>("--epochs") { HelpName = "N", Description = "Passes over the data.", DefaultValueFactory = _ => 10 };
        var runs = new Option<int>("--runs") { HelpName = "N", Description = "Training runs over different sentence orders, their weights averaged.", DefaultValueFactory = _ => 2 };
        foreach (var o in new Option[] { data, output, epochs, runs }) coref.Options.Add(o);
        coref.SetAction(parse =>
        {
            var options = new NerTrainingOptions { Epochs = parse.GetValue(epochs), Runs = parse.GetValue(runs), Bits = 18 };
            if (options.Epochs < 1 || options.Runs < 1) { stderr.WriteLine("hearsay train coref: --epochs and --runs must be at least 1."); return ExitCodes.Usage; }
            var root = DataRoot.Resolve(parse.GetValue(data));
            var path = parse.GetValue(output) ?? Path.Combine(DefaultOut, "mention-en.bin");
            var dir = Path.GetDirectoryName(Path.GetFullPath(path));
            if (dir is null || !Directory.Exists(dir)) { stderr.WriteLine($"hearsay train coref: output folder not found: {dir} (run from the repository root, or give --out)."); return ExitCodes.Usage; }
            List<Hearsay.Eval.Gum.GumDocument> docs;
            try { docs = MentionTraining.Documents(root.Require("gum-news"), "train"); }
            catch (EvalDataMissingException ex) { stderr.WriteLine($"hearsay train coref: {ex.Message}"); return ExitCodes.InputNotFound; }
            var sw = Stopwatch.StartNew();
            var model = MentionTraining.Train(docs, options, m => stderr.WriteLine($"  {m}"));
            ModelFile.Write(model, path);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"en: wrote {path} ({new FileInfo(path).Length / 1024.0:F0} KiB, fingerprint {ModelFile.Fingerprint(model):x8}) in {sw.Elapsed.TotalSeconds:F1} s"));
            return ExitCodes.Ok;
        });
        return coref;
    }

    public static int Execute(IReadOnlyList<string> languages, string? dataPath, string? outPath, NerTrainingOptions options, int folds,
        TextWriter stdout, TextWriter stderr, string? errorsPath = null, string? goldPath = null)
    {
        foreach (var l in languages)
            if (l is not ("de" or "en")) { stderr.WriteLine($"hearsay train ner: unknown language '{l}' (de, en)."); return ExitCodes.Usage; }
        if (options.Epochs < 1 || options.Runs < 1 || options.Bits is < 10 or > 24) { stderr.WriteLine("hearsay train ner: --epochs and --runs must be at least 1, --bits between 10 and 24."); return ExitCodes.Usage; }
        var root = DataRoot.Resolve(dataPath);
        string? outDir = null, outFile = null;
        if (folds == 0)
        {
            var target = outPath ?? DefaultOut;
            if (target.EndsWith(".bin", StringComparison.OrdinalIgnoreCase))
            {
                if (languages.Count != 1) { stderr.WriteLine("hearsay train ner: a .bin --out needs exactly one --language."); return ExitCodes.Usage; }
                outFile = target;
            }
            else if (!Directory.Exists(target))
            {
                stderr.WriteLine($"hearsay train ner: output folder not found: {Path.GetFullPath(target)} (run from the repository root, or give --out).");
                return ExitCodes.Usage;
            }
            else outDir = target;
        }
        foreach (var lang in languages)
        {
            List<NamedText> texts;
            try { texts = NerCorpora.For(lang, root); }
            catch (EvalDataMissingException ex) { stderr.WriteLine($"hearsay train ner: {ex.Message}"); return ExitCodes.InputNotFound; }
            var sw = Stopwatch.StartNew();
            if (goldPath is not null)
            {
                using var w = new StreamWriter(languages.Count == 1 ? goldPath : $"{goldPath}.{lang}");
                foreach (var t in texts)
                    foreach (var n in t.Names) w.WriteLine($"{t.Id}\t{n.Type}\t{t.Text[n.Start..n.End].ReplaceLineEndings(" ")}");
                stdout.WriteLine($"{lang}: {texts.Sum(t => t.Names.Count)} names of {texts.Count} texts written to {goldPath}");
                continue;
            }
            if (folds > 0)
            {
                using var errorLog = errorsPath is null ? null : new StreamWriter(languages.Count == 1 ? errorsPath : $"{errorsPath}.{lang}");
                var result = NerTraining.CrossValidate(lang, texts, options, folds, m => stderr.WriteLine($"  {m}"), errorLog);
                stdout.WriteLine($"{lang}: {folds}-fold cross-validation over {texts.Count} texts ({sw.Elapsed.TotalSeconds:F1} s)");
                stdout.WriteLine($"  tagger alone        {NerTraining.Format(result.Tagger.All)}");
                foreach (var t in NerTraining.LabelsFor(lang).Where(l => l.StartsWith("B-")).Select(l => l[2..]))
                    stdout.WriteLine($"      {t}  {NerTraining.Format(result.Tagger.Of(t))}");
                stdout.WriteLine($"  stage, rules only   {NerTraining.Format(result.RulesOnly.All)}");
                foreach (var (name, s) in result.Stage)
                {
                    stdout.WriteLine($"  stage, {name,-28} {NerTraining.Format(s.All)}");
                    foreach (var t in new[] { "PER", "LOC", "ORG" })
                        stdout.WriteLine($"      {t}  {NerTraining.Format(s.Of(t))}");
                    if (lang != "de") continue;
                    stdout.WriteLine($"      OTH  {NerTraining.Format(s.Of("OTH"))}");
                    stdout.WriteLine($"      *deriv  {NerTraining.Format(s.Where(x => x.EndsWith("deriv", StringComparison.Ordinal)))}");
                    stdout.WriteLine($"      *part  {NerTraining.Format(s.Where(x => x.EndsWith("part", StringComparison.Ordinal)))}");
                }
                continue;
            }
            var model = NerTraining.Train(lang, texts, options, m => stderr.WriteLine($"  {m}"));
            var path = outFile ?? Path.Combine(outDir!, $"ner-{lang}.bin");
            ModelFile.Write(model, path);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{lang}: wrote {path} ({new FileInfo(path).Length / 1024.0:F0} KiB, fingerprint {ModelFile.Fingerprint(model):x8}) in {sw.Elapsed.TotalSeconds:F1} s"));
        }
        return ExitCodes.Ok;
    }
}
