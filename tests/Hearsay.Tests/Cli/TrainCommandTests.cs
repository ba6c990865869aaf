using Hearsay.Learning;

namespace Hearsay.Tests.Cli;

/// <summary><c>hearsay train ner</c> on a tiny data folder of the GermEval file shape: it writes a model that
/// loads, byte for byte the same on a second run, and fails clearly on bad arguments or missing data.</summary>
public class TrainCommandTests
{
    private static string GermEvalFile()
    {
        var sb = new System.Text.StringBuilder();
        void Sentence(params (string Word, string Tag)[] tokens)
        {
            sb.Append("#\thttp://example.org/a\t[2024-01-01]\n");
            for (int i = 0; i < tokens.Length; i++) sb.Append($"{i + 1}\t{tokens[i].Word}\t{tokens[i].Tag}\tO\n");
            sb.Append('\n');
        }
        Sentence(("Gestern", "O"), ("besuchte", "O"), ("Korvan", "B-PER"), ("Tesselbrink", "I-PER"), ("Umbrakow", "B-LOC"), (".", "O"));
        Sentence(("Der", "O"), ("Konzern", "O"), ("Velmorix", "B-ORG"), ("wächst", "O"), (".", "O"));
        Sentence(("Die", "O"), ("deutsche", "B-LOCderiv"), ("Regierung", "O"), ("schweigt", "O"), (".", "O"));
        return sb.ToString();
    }

    [Fact]
    public void Trains_a_model_that_loads_and_is_the_same_on_every_run()
    {
        using var h = new CliHarness();
        h.File("data/germeval2014-ner/NER-de-dev.tsv", GermEvalFile());
        var data = Path.Combine(h.Folder, "data");
        var first = Path.Combine(h.Folder, "a.bin");
        var second = Path.Combine(h.Folder, "b.bin");

        var r1 = h.Run("train", "ner", "--language", "de", "--data", data, "--out", first, "--epochs", "3", "--bits", "12");
        Assert.True(r1.ExitCode == 0, r1.ToString());
        Assert.Contains("fingerprint", r1.Out);
        var r2 = h.Run("train", "ner", "--language", "de", "--data", data, "--out", second, "--epochs", "3", "--bits", "12");
        Assert.True(r2.ExitCode == 0, r2.ToString());

        Assert.Equal(File.ReadAllBytes(first), File.ReadAllBytes(second));
        var model = ModelFile.Read(first);
        Assert.Equal(12, model.Bits);
        Assert.Contains("GermEval", model.Header);
    }

    [Fact]
    public void Bad_arguments_and_missing_data_fail_with_a_message()
    {
        using var h = new CliHarness();
        var unknown = h.Run("train", "ner", "--language", "fr", "--out", Path.Combine(h.Folder, "x.bin"));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("unknown language", unknown.Err);

        var missing = h.Run("train", "ner", "--language", "de", "--data", Path.Combine(h.Folder, "nowhere"), "--out", Path.Combine(h.Folder, "x.bin"));
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("not found", missing.Err);
    }
}
