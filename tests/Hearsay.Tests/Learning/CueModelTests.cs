using Hearsay.Attributions;
using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Learning;
using static Hearsay.Tests.TestArticles;

namespace Hearsay.Tests.Learning;

/// <summary>The cue model file and the model that ships.</summary>
public class CueModelTests
{
    private static CueModel RoundTrip(CueModel m)
    {
        using var ms = new MemoryStream();
        m.Write(ms);
        ms.Position = 0;
        return CueModel.Read(ms);
    }

    private static int TokenOf(Article a, string word) =>
        Array.FindIndex(a.Tokens, t => a.Slice(t).SequenceEqual(word));

    [Fact]
    public void Write_then_read_keeps_header_and_weights()
    {
        var w = new float[1 << 8];
        w[3] = 1.5f;
        w[200] = -0.25f;
        w[255] = 12f;
        var m = new CueModel(w, "model: test\nveto-below: -4.5\nadd-above: 3");
        var back = RoundTrip(m);
        Assert.Equal(m.Header, back.Header);
        Assert.Equal(8, back.Bits);
        Assert.Equal(3, back.NonZeroWeights);
        for (int i = 0; i < w.Length; i++) Assert.Equal(w[i], back.Weight(i), 0.001f);
        Assert.Equal(-4.5f, back.VetoBelow);
        Assert.Equal(3f, back.AddAbove);
    }

    [Fact]
    public void Without_thresholds_in_the_header_the_seam_is_closed()
    {
        var m = new CueModel(new float[16], "model: test");
        Assert.Equal(float.NegativeInfinity, m.VetoBelow);
        Assert.Equal(float.PositiveInfinity, m.AddAbove);
    }

    [Fact]
    public void Refuses_a_file_that_is_not_a_cue_model()
    {
        using var ms = new MemoryStream("HSAY and more bytes"u8.ToArray());
        Assert.Throws<InvalidDataException>(() => CueModel.Read(ms));
    }

    [Fact]
    public void Refuses_a_model_trained_with_other_features()
    {
        var m = new CueModel(new float[16], "model: test", featureVersion: CueFeatures.Version + 1);
        using var ms = new MemoryStream();
        m.Write(ms);
        ms.Position = 0;
        var ex = Assert.Throws<InvalidDataException>(() => CueModel.Read(ms));
        Assert.Contains("hearsay train cues", ex.Message);
    }

    [Fact]
    public void The_shipped_German_model_loads_and_says_where_it_comes_from()
    {
        var m = CueModel.Load("de");
        Assert.NotNull(m);
        Assert.Equal(CueFeatures.Version, m!.FeatureVersion);
        Assert.Contains("SpkAtt-2023", m.HeaderValue("training data"));
        Assert.Contains("CC BY-SA 4.0", m.HeaderValue("training data"));
        Assert.StartsWith("hearsay train cues", m.HeaderValue("command"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", m.HeaderValue("date"));
        // Small: under 256 KiB of weights as shipped.
        using var stream = typeof(CueModel).Assembly.GetManifestResourceStream("models/cue-de.bin")!;
        Assert.True(stream.Length < 256 * 1024, $"model is {stream.Length} bytes");
    }

    [Fact]
    public void No_English_model_ships_so_English_attribution_runs_on_rules_alone()
    {
        Assert.Null(CueModel.Load("en"));
        Assert.Null(AttributionLexicon.For(LanguageRegistry.Default.For("en")).CueModel);
    }

    [Fact]
    public void The_shipped_model_tells_a_reporting_verb_from_a_noun_and_a_function_word()
    {
        var m = CueModel.Load("de")!;
        var a = De("Der Minister sagte am Montag, dass die Brücke im Sommer saniert werde.");
        Assert.True(m.Score(a, TokenOf(a, "sagte")) > 0);
        Assert.True(m.Score(a, TokenOf(a, "Brücke")) < 0);
        Assert.True(m.Score(a, TokenOf(a, "im")) < 0);
    }

    [Fact]
    public void The_shipped_model_finds_parliamentary_cues_outside_the_lexicon()
    {
        var m = CueModel.Load("de")!;
        var a = De("Wir begrüßen ausdrücklich, dass die Regeln für die Notbetreuung erweitert wurden.");
        Assert.False(AttributionLexicon.For(LanguageRegistry.Default.For("de")).Verbs.TryGet("begrüßen", out _));
        Assert.True(m.Score(a, TokenOf(a, "begrüßen")) > 0);
        Assert.True(m.Score(a, TokenOf(a, "Notbetreuung")) < 0);
    }

    [Fact]
    public void A_light_stem_joins_the_forms_of_a_verb()
    {
        Assert.Equal("sag", CueFeatures.Stem("sagte").ToString());
        Assert.Equal("sag", CueFeatures.Stem("sagen").ToString());
        Assert.Equal("sag", CueFeatures.Stem("gesagt").ToString());
        Assert.Equal("forder", CueFeatures.Stem("gefordert").ToString());
        Assert.Equal("forder", CueFeatures.Stem("fordern").ToString());
        Assert.Equal("sag", CueFeatures.Stem("sagten").ToString());
        Assert.Equal("ruf", CueFeatures.Stem("ruf").ToString()); // three letters stay
    }
}
