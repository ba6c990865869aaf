using Hearsay.Attributions;
using Hearsay.Document;
using Hearsay.Eval.SpkAtt2023;
using Hearsay.Languages;
using Hearsay.Learning;
using Hearsay.SpeechEvents;
using Hearsay.Tests.Cli;
using Hearsay.Training;
using static Hearsay.Tests.TestArticles;

namespace Hearsay.Tests.SpeechEvents;

/// <summary>The speech-event layer: its taggers learn, the shipped models load and find verbal and nominal
/// cues with their roles, and training is deterministic.</summary>
public class SpeechEventTests
{
    private static readonly Analyzer WithSpeechEvents = new(Hearsay.Pipeline.AnalysisPipeline.CreateDefault(speechEvents: true));

    private static readonly AttributionLexicon German = AttributionLexicon.For(LanguageRegistry.Default.For("de"));

    /// <summary>The token indices of the first occurrence of the words of <paramref name="phrase"/>.</summary>
    private static int[] Find(Article a, string? phrase)
    {
        if (string.IsNullOrEmpty(phrase)) return Array.Empty<int>();
        var words = phrase.Split(' ');
        for (int i = 0; i + words.Length <= a.Tokens.Length; i++)
            if (words.Select((w, k) => a.Slice(a.Tokens[i + k]).SequenceEqual(w)).All(x => x))
                return Enumerable.Range(i, words.Length).ToArray();
        throw new ArgumentException($"'{phrase}' not in the text");
    }

    private static SpeechEventArticle Toy(string text, string? cue = null, string? source = null, string? message = null)
    {
        var a = De(text);
        var events = new List<GoldSpeechEvent>();
        if (cue is not null)
        {
            var roles = Enum.GetValues<SpeechRole>().Select(_ => Array.Empty<int>()).ToArray();
            roles[(int)SpeechRole.Source] = Find(a, source);
            roles[(int)SpeechRole.Message] = Find(a, message);
            events.Add(new GoldSpeechEvent(Find(a, cue), roles));
        }
        return new SpeechEventArticle(text, a, events);
    }

    private static readonly SpeechEventArticle[] ToyCorpus =
    {
        Toy("Die Ministerin betonte , dass die Schulen offen bleiben .", "betonte", "Die Ministerin", "dass die Schulen offen bleiben"),
        Toy("Der Verband betonte , dass die Mittel nicht reichen .", "betonte", "Der Verband", "dass die Mittel nicht reichen"),
        Toy("Die Opposition betonte , dass der Plan zu spät komme .", "betonte", "Die Opposition", "dass der Plan zu spät komme"),
        Toy("Der Minister betonte , dass die Region warte .", "betonte", "Der Minister", "dass die Region warte"),
        Toy("Die Schulen bleiben im Sommer offen ."),
        Toy("Der Plan kommt zu spät für die Region ."),
        Toy("Die Mittel reichen nicht für alle Schulen ."),
    };

    private static readonly SpeechEventTrainingOptions Small = new() { CueEpochs = 8, RoleEpochs = 8, CueBits = 12, RoleBits = 12, Seed = 7, Prune = 0, CueOutsideBias = 5 };

    [Fact]
    public void The_taggers_learn_a_toy_corpus()
    {
        var models = SpeechEventTraining.Train(ToyCorpus, German, Small, "cue", "roles");
        var (cue, roles) = SpeechEventTraining.Measure(models, ToyCorpus, German);
        Assert.Equal(4, cue.Tp);
        Assert.Equal(0, cue.Fp);
        Assert.True(roles.F1 > 0.9, roles.ToString());

        // A new sentence of the same make: the stage finds the cue and splits source from message.
        var a = De("Die Regierung betonte , dass die Mittel reichen .");
        a.SpeechEvents.Clear();
        SpeechEventStage.Find(a, models, German);
        var ev = Assert.Single(a.SpeechEvents);
        Assert.Equal("betonte", a.StringOf(ev.Cue[0]));
        Assert.Equal("Die Regierung", a.StringOf(Assert.Single(ev.SpansOf(SpeechRole.Source))));
        Assert.StartsWith("dass die Mittel reichen", a.StringOf(Assert.Single(ev.SpansOf(SpeechRole.Message))));
    }

    [Fact]
    public void Training_twice_gives_the_same_bytes()
    {
        byte[] Bytes(SequenceModel m)
        {
            using var ms = new MemoryStream();
            ModelFile.Write(m, ms);
            return ms.ToArray();
        }
        var a = SpeechEventTraining.Train(ToyCorpus, German, Small, "cue", "roles");
        var b = SpeechEventTraining.Train(ToyCorpus, German, Small, "cue", "roles");
        Assert.Equal(Bytes(a.Cue), Bytes(b.Cue));
        Assert.Equal(Bytes(a.Roles), Bytes(b.Roles));
        var c = SpeechEventTraining.Train(ToyCorpus, German, Small with { Seed = 8 }, "cue", "roles");
        Assert.NotEqual(Bytes(a.Roles), Bytes(c.Roles));   // the seed is what fixes the order
    }

    [Fact]
    public void The_shipped_models_load_with_their_labels_and_header()
    {
        var models = SpeechEventModels.Load("de");
        Assert.NotNull(models);
        Assert.Equal(SpeechEventModels.CueLabels, models.Cue.Labels);
        Assert.Equal(SpeechEventModels.RoleLabels, models.Roles.Labels);
        Assert.Contains("command: hearsay train speech-events", models.Cue.Header);
        Assert.Contains("SpkAtt-2023", models.Roles.Header);
        Assert.Null(SpeechEventModels.Load("en"));
    }

    [Fact]
    public void The_stage_marks_a_nominal_and_a_verbal_cue()
    {
        var a = WithSpeechEvents.AnalyzeText("Wir lehnen Ihren Antrag ab. Ich glaube, dass die Regierung versagt hat.", new ArticleMetadata { Language = "de" });
        string Text(TextSpan s) => a.StringOf(s);
        Assert.True(a.Done.HasFlag(Layers.SpeechEvents));
        var cues = a.SpeechEvents.Select(e => Text(e.Cue[0])).ToList();
        Assert.Contains("Antrag", cues);
        Assert.Contains("glaube", cues);
        var glaube = a.SpeechEvents.Single(e => Text(e.Cue[0]) == "glaube");
        Assert.Equal("Ich", Text(Assert.Single(glaube.SpansOf(SpeechRole.Source))));
        Assert.Contains("die Regierung versagt hat", Text(Assert.Single(glaube.SpansOf(SpeechRole.Message))));
        foreach (var e in a.SpeechEvents)
            foreach (var r in e.Roles) Assert.False(r.Span.Overlaps(e.Cue[0]), "a role never covers its own cue");
    }

    [Fact]
    public void Pruning_drops_only_the_rows_whose_weights_are_all_small()
    {
        string[] labels = { "O", "B-Cue", "I-Cue" };
        var w = new float[16 * 3];
        w[2 * 3 + 1] = 0.5f; w[2 * 3 + 2] = -0.25f;     // row 2: all small
        w[5 * 3 + 0] = -3f; w[5 * 3 + 1] = 0.5f;        // row 5: one large weight
        var model = new SequenceModel("m", labels, 4, w, new float[4 * 3]);
        var pruned = SpeechEventTraining.Pruned(model, 1f);
        Assert.True(pruned.Row(2).IsEmpty);
        Assert.Equal(new[] { -3f, 0.5f, 0f }, pruned.Row(5).ToArray());
        Assert.Equal(1, pruned.StoredRows);
        Assert.Same(model, SpeechEventTraining.Pruned(model, 0));
    }

    [Fact]
    public void A_language_without_models_gets_no_events()
    {
        var a = WithSpeechEvents.AnalyzeText("The minister said the schools would stay open.", new ArticleMetadata { Language = "en" });
        Assert.True(a.Done.HasFlag(Layers.SpeechEvents));
        Assert.Empty(a.SpeechEvents);
    }

    [Fact]
    public void The_default_pipeline_leaves_the_layer_off()
    {
        var a = De("Ich glaube, dass die Regierung versagt hat.");
        Assert.False(a.Done.HasFlag(Layers.SpeechEvents));
        Assert.Empty(a.SpeechEvents);
    }

    private static string Speech(int n) => $$"""
    {"Sentences":[{"SentenceId":0,"Tokens":["Frau","Präsidentin","!"]},
                  {"SentenceId":1,"Tokens":["Die","Ministerin","betonte","{{n}}",",","dass","die","Schulen","offen","bleiben","."]},
                  {"SentenceId":2,"Tokens":["Wir","lehnen","den","Antrag","ab","."]}],
     "Annotations":[{"Cue":["1:2"],"Source":["1:0","1:1"],"Message":["1:5","1:6","1:7","1:8","1:9"]},
                    {"Cue":["2:1"],"Source":["2:0"],"PTC":["2:4"],"Message":["2:2","2:3"]},
                    {"Cue":["2:3"]}]}
    """;

    [Fact]
    public void The_command_writes_the_same_two_files_twice()
    {
        using var cli = new CliHarness();
        for (int i = 0; i < 12; i++) cli.File($"data/spkatt2023/train/s{i:00}.json", Speech(i));
        for (int i = 0; i < 2; i++) cli.File($"data/spkatt2023/dev/d{i}.json", Speech(100 + i));
        string[] args = { "train", "speech-events", "--data", "data", "--cue-epochs", "3", "--role-epochs", "3", "--bits", "12", "--date", "2026-01-02" };
        var first = cli.Run(args.Concat(new[] { "--out", "a" }).ToArray());
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("training on 11 speeches (33 gold events)", first.Out);
        var second = cli.Run(args.Concat(new[] { "--out", "b" }).ToArray());
        Assert.Equal(0, second.ExitCode);
        foreach (var file in new[] { SpeechEventModels.CueFile("de"), SpeechEventModels.RolesFile("de") })
            Assert.Equal(File.ReadAllBytes(Path.Combine(cli.Folder, "a", file)), File.ReadAllBytes(Path.Combine(cli.Folder, "b", file)));
        var cue = ModelFile.Read(Path.Combine(cli.Folder, "a", SpeechEventModels.CueFile("de")));
        Assert.Contains("date: 2026-01-02", cue.Header);
        Assert.Contains("--cue-epochs 3", cue.Header);
    }

    /// <summary>A toy speech whose one event has a cue in two pieces (the words of <paramref name="pieces"/>, each found alone).</summary>
    private static SpeechEventArticle SplitCue(string text, string[] pieces, string source)
    {
        var a = De(text);
        var roles = Enum.GetValues<SpeechRole>().Select(_ => Array.Empty<int>()).ToArray();
        roles[(int)SpeechRole.Source] = Find(a, source);
        var cue = pieces.SelectMany(p => Find(a, p)).Order().ToArray();
        return new SpeechEventArticle(text, a, new[] { new GoldSpeechEvent(cue, roles) });
    }

    [Fact]
    public void Cue_pieces_that_were_one_cue_in_training_make_one_event()
    {
        var corpus = new[]
        {
            SplitCue("Die Opposition stellt heute die Frage nach dem Geld .", new[] { "stellt", "Frage" }, "Die Opposition"),
            SplitCue("Der Verband stellt erneut die Frage nach den Schulen .", new[] { "stellt", "Frage" }, "Der Verband"),
            SplitCue("Die Ministerin stellt jetzt die Frage nach dem Plan .", new[] { "stellt", "Frage" }, "Die Ministerin"),
            Toy("Die Schulen bleiben im Sommer offen ."),
            Toy("Der Plan kommt zu spät für die Region ."),
        };
        uint Key(string w) => CueFeatures.StemKey(w);
        var pair = SpeechEventModels.PairKey(Key("stellt"), Key("Frage"));
        Assert.Contains(pair, SpeechEventTraining.CuePairs(corpus, 2));
        Assert.DoesNotContain(pair, SpeechEventTraining.CuePairs(corpus, 4));   // seen three times only
        Assert.Equal(pair, SpeechEventModels.PairKey(Key("Frage"), Key("stellt")));   // order does not matter

        var joined = SpeechEventTraining.Train(corpus, German, Small, "cue", "roles");
        Assert.True(joined.JoinsCue(Key("stellt"), Key("Frage")));
        var a = De("Die Regierung stellt erneut die Frage nach dem Geld .");
        a.SpeechEvents.Clear();
        SpeechEventStage.Find(a, joined, German);
        var ev = Assert.Single(a.SpeechEvents);
        Assert.Equal(new[] { "stellt", "Frage" }, ev.Cue.Select(a.StringOf).ToArray());
        foreach (var r in ev.Roles) Assert.All(ev.Cue, c => Assert.False(r.Span.Overlaps(c), "a role never covers a piece of its cue"));

        // without the pairs, each piece is an event of its own
        var apart = SpeechEventTraining.Train(corpus, German, Small with { CueJoinMin = 0 }, "cue", "roles");
        Assert.False(apart.JoinsCue(Key("stellt"), Key("Frage")));
        a.SpeechEvents.Clear();
        SpeechEventStage.Find(a, apart, German);
        Assert.Equal(2, a.SpeechEvents.Count);
    }

    [Fact]
    public void Cross_validation_scores_every_bias_pair_on_every_fold()
    {
        var rows = SpeechEventTraining.CrossValidate(ToyCorpus, German, Small, 2, new[] { 0f, 5f }, new[] { 5f });
        Assert.Equal(new[] { (0f, 5f), (5f, 5f) }, rows.Select(r => (r.CueBias, r.RoleBias)).ToArray());
        foreach (var r in rows)
        {
            Assert.Equal(4, r.Cue.RecallCells);   // the four gold events of the toy corpus, each scored once
            Assert.InRange(r.Roles.F1, 0, 1);
        }
    }
}
