using Hearsay.Learning;

namespace Hearsay.Tests.Cli;

/// <summary><c>hearsay train cues</c> on a small hand-made SpkAtt-style folder.</summary>
public class TrainCuesCommandTests
{
    private static string Speech(int n) => $$"""
    {"Sentences":[{"SentenceId":0,"Tokens":["Frau","Präsidentin","!"]},
                  {"SentenceId":1,"Tokens":["Die","Ministerin","betonte","{{n}}",",","dass","die","Schulen","offen","bleiben","."]},
                  {"SentenceId":2,"Tokens":["Die","Schulen","bleiben","im","Sommer","offen","."]}],
     "Annotations":[{"Cue":["1:2"],"Source":["1:0","1:1"],"Message":["1:5","1:6","1:7","1:8","1:9"]}]}
    """;

    private static void Corpus(CliHarness cli)
    {
        for (int i = 0; i < 12; i++) cli.File($"data/spkatt2023/train/s{i:00}.json", Speech(i));
        for (int i = 0; i < 2; i++) cli.File($"data/spkatt2023/dev/d{i}.json", Speech(100 + i));
    }

    [Fact]
    public void Two_runs_write_the_same_model_file_with_a_header_naming_data_command_and_date()
    {
        using var cli = new CliHarness();
        Corpus(cli);
        string[] args = { "train", "cues", "--data", "data", "--epochs", "3", "--bits", "12", "--date", "2026-01-02" };
        var first = cli.Run(args.Concat(new[] { "--out", "a.bin" }).ToArray());
        Assert.True(first.ExitCode == 0, first.ToString());
        var second = cli.Run(args.Concat(new[] { "--out", "b.bin" }).ToArray());
        Assert.Equal(0, second.ExitCode);
        var a = File.ReadAllBytes(Path.Combine(cli.Folder, "a.bin"));
        Assert.Equal(a, File.ReadAllBytes(Path.Combine(cli.Folder, "b.bin")));
        Assert.Contains("training on 11 speeches", first.Out);
        Assert.Contains("held out 1", first.Out);

        using var stream = new MemoryStream(a);
        var model = CueModel.Read(stream);
        Assert.Equal("2026-01-02", model.HeaderValue("date"));
        Assert.Contains("hearsay train cues --epochs 3", model.HeaderValue("command"));
        Assert.Contains("SpkAtt-2023", model.HeaderValue("training data"));
        Assert.Equal(12, model.Bits);
    }

    [Fact]
    public void Missing_data_is_an_error_naming_the_path()
    {
        using var cli = new CliHarness();
        var r = cli.Run("train", "cues", "--data", "nowhere", "--out", "m.bin");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("nowhere", r.Err);
        Assert.False(File.Exists(Path.Combine(cli.Folder, "m.bin")));
    }
}
