using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Pipeline;

namespace Hearsay.Tests.Pipeline;

public class PipelineTests
{
    private sealed class NeedsClaims : IStage
    {
        public string Name => "needs-claims";
        public Layers Needs => Layers.Claims;
        public Layers Adds => Layers.None;
        public void Process(Article article, LanguagePack language) { }
    }

    [Fact]
    public void A_stage_whose_needs_are_not_met_is_refused_by_name()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => new PipelineBuilder().Use(new NeedsClaims()).Build());
        Assert.Contains("needs-claims", ex.Message);
        Assert.Contains("Claims", ex.Message);
    }

    [Fact]
    public void The_default_pipeline_adds_every_layer()
    {
        // The speech-event layer is opt-in (no output shows it yet); with it, every layer is there.
        var a = AnalysisPipeline.CreateDefault(speechEvents: true).Run(Hearsay.Input.ArticleReader.FromText("Der Minister sagte, es sei ruhig."));
        foreach (Layers layer in Enum.GetValues<Layers>())
            if (layer != Layers.None) Assert.True(a.Done.HasFlag(layer), $"{layer} missing");
        var plain = AnalysisPipeline.CreateDefault().Run(Hearsay.Input.ArticleReader.FromText("Der Minister sagte, es sei ruhig."));
        foreach (Layers layer in Enum.GetValues<Layers>())
            if (layer is not (Layers.None or Layers.SpeechEvents)) Assert.True(plain.Done.HasFlag(layer), $"{layer} missing");
    }

    [Fact]
    public void Every_lexicon_file_has_a_header_naming_its_source()
    {
        var asm = typeof(LexiconFile).Assembly;
        foreach (var name in LexiconFile.All())
        {
            using var stream = asm.GetManifestResourceStream($"lexicons/{name}.tsv")!;
            using var reader = new StreamReader(stream);
            var head = new List<string>();
            string? line;
            while ((line = reader.ReadLine()) is not null && line.StartsWith('#')) head.Add(line);
            Assert.True(head.Count >= 2, $"{name}: no header");
            Assert.Contains(head, h => h.Contains("Source", StringComparison.OrdinalIgnoreCase) || h.Contains("source:", StringComparison.OrdinalIgnoreCase));
        }
    }
}
