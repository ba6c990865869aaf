using Xunit.Abstractions;

namespace Hearsay.Tests.Entities;

/// <summary>
/// Strict span precision on public NER corpora (GermEval 2014, Universal NER), read at run time from the
/// shared data directory ($HEARSAY_DATA or ../shared/data); skipped silently when it is absent. The floors
/// are a ratchet on precision, the property this stage is tuned for: raise them when the figures rise.
/// Run alone with: dotnet test --filter "Category=Evaluation"
/// </summary>
[Trait("Category", "Evaluation")]
public class CorpusEvaluationTests(ITestOutputHelper output)
{
    [Fact]
    public void Precision_on_ner_corpora_stays_above_its_floor()
    {
        var data = NerEvaluation.DataDirectory();
        if (data is null) return;
        var floors = new Dictionary<string, double>
        {
            ["germeval-dev"] = 0.87, ["germeval-test"] = 0.87,
            ["uner-de-pud"] = 0.78, ["uner-en-pud"] = 0.75, ["uner-en-ewt"] = 0.78,
        };
        var below = new List<string>();
        foreach (var c in NerEvaluation.Corpora(data))
        {
            var r = NerEvaluation.Evaluate(c.Name, c.Path, c.Language, c.TokenColumn, c.TagColumns, c.ByDocument);
            output.WriteLine($"{r.Corpus}:");
            foreach (var s in r.Scores) output.WriteLine("  " + s);
            if (floors.TryGetValue(c.Name, out var floor) && r.Overall.Precision < floor)
                below.Add($"{c.Name} precision {r.Overall.Precision:P1} < {floor:P0}");
        }
        Assert.True(below.Count == 0, string.Join("; ", below));
    }
}
