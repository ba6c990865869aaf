using System.Text;
using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Pipeline;
using Hearsay.Quantities;

namespace Hearsay.Tests.Quantities;

/// <summary>The quantity stage allocates for what it finds, not for each token it looks at.</summary>
public class AllocationTests
{
    private static Article Prepare(string text, string lang)
    {
        var pipeline = new PipelineBuilder()
            .Use(new Hearsay.Text.LanguageDetectionStage())
            .Use(new Hearsay.Text.TokenizerStage())
            .Use(new Hearsay.Text.SentenceSplitterStage())
            .Build();
        return pipeline.Run(Hearsay.Input.ArticleReader.FromText(text, new ArticleMetadata { Language = lang }));
    }

    [Theory]
    [InlineData("de", "Die Regierung sagte am Montag, dass die Verhandlungen mit den Nachbarn über einen Vertrag weitergehen sollen, wie ein Sprecher in der Hauptstadt betonte. ")]
    [InlineData("en", "The government said on Monday that talks with its neighbours over a treaty would go on, a spokesman in the capital stressed. ")]
    public void Text_without_numbers_allocates_nothing_per_token(string lang, string sentence)
    {
        var article = Prepare(string.Concat(Enumerable.Repeat(sentence, 300)), lang);
        var stage = new QuantityStage();
        var pack = LanguageRegistry.Default.For(lang);
        stage.Process(article, pack); // warm up: compile the lexicon, jit
        // The least of a few runs: a run can pay for the JIT recompiling a method at a higher tier.
        long allocated = long.MaxValue;
        for (int run = 0; run < 5; run++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            stage.Process(article, pack);
            allocated = Math.Min(allocated, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        Assert.Empty(article.Quantities);
        Assert.True(allocated < 1024, $"{allocated} bytes for {article.Tokens.Length} tokens");
    }

    [Theory]
    [InlineData("de", "Mehr als 300 Soldaten und fast 1,3 Millionen Reservisten kosten 4,5 Milliarden Euro im Jahr 2022. ")]
    [InlineData("en", "More than 300 soldiers and nearly 1.3 million reservists cost $4.5 billion in 2022. ")]
    public void Allocation_grows_with_the_quantities_found(string lang, string sentence)
    {
        var article = Prepare(string.Concat(Enumerable.Repeat(sentence, 200)), lang);
        var stage = new QuantityStage();
        var pack = LanguageRegistry.Default.For(lang);
        stage.Process(article, pack);
        long before = GC.GetAllocatedBytesForCurrentThread();
        stage.Process(article, pack);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(800, article.Quantities.Count);
        Assert.True(allocated < article.Quantities.Count * 400L, $"{allocated} bytes for {article.Quantities.Count} quantities");
    }
}
