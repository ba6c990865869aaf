using Hearsay.Document;
using Hearsay.Output;
using Hearsay.Pipeline;
using Hearsay.Tests.Provenance;

namespace Hearsay.Tests.Pipeline;

/// <summary>One analyzer is shared by many threads (the eval, the ingest workers): its stages keep no state
/// between articles, so articles analyzed at the same time come out exactly as they do one after another.</summary>
public class ConcurrencyTests
{
    [Fact]
    public void Articles_analyzed_in_parallel_by_one_analyzer_equal_the_sequential_analysis()
    {
        var texts = Directory.GetDirectories(ProvenanceCorpus.FolderOf(""), "Corpus*")
            .SelectMany(d => Directory.GetFiles(d, "*.txt"))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToArray();
        Assert.True(texts.Length >= 30, $"only {texts.Length} fixture articles found");
        var writer = new JsonArticleWriter(new JsonOutputOptions { Indented = false });
        var analyzer = new Analyzer(AnalysisPipeline.CreateDefault(speechEvents: true));
        string Json(string text) => writer.ToJson(analyzer.AnalyzeText(text, new ArticleMetadata()));

        var sequential = texts.Select(Json).ToArray();
        // Each article several times over, in an order that puts different articles side by side on each round.
        var jobs = Enumerable.Range(0, 4).SelectMany(round => texts.Select((_, i) => (round * 7 + i * 3) % texts.Length)).ToArray();
        var parallel = new string[jobs.Length];
        Parallel.For(0, jobs.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, k => parallel[k] = Json(texts[jobs[k]]));
        for (int k = 0; k < jobs.Length; k++)
            Assert.True(sequential[jobs[k]] == parallel[k], $"article {jobs[k]} differs when analyzed alongside others");
    }
}
