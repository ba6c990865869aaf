using System.Text.Json;
using Hearsay.Document;

namespace Hearsay.Tests.Entities;

/// <summary>The entities of the hand-written gold for the model article (read at run time from the shared
/// data, never copied): every gold entity must be found with its type and one of its names.</summary>
public class SampleArticleTests
{
    private static string? SampleDir()
    {
        var samples = Hearsay.Tests.Structure.SharedFiles.Path("samples");
        return File.Exists(Path.Combine(samples, "nordkorea-freiwillige.de.gold.json")) ? samples : null;
    }

    private const string MissingSample = "The shared sample (samples/nordkorea-freiwillige.de.*) is missing: put ../shared beside the checkout or set HEARSAY_SHARED.";

    [Fact]
    public void Gold_entities_of_the_model_article_are_found()
    {
        var dir = SampleDir();
        Assert.True(dir is not null, MissingSample);
        var text = File.ReadAllText(Path.Combine(dir!, "nordkorea-freiwillige.de.txt"));
        using var gold = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir!, "nordkorea-freiwillige.de.gold.json")));
        var article = new Analyzer().AnalyzeText(text);
        var missing = new List<string>();
        foreach (var g in gold.RootElement.GetProperty("entities").EnumerateArray())
        {
            var canonical = g.GetProperty("canonical").GetString()!;
            var type = g.GetProperty("type").GetString()!;
            var names = new List<string> { canonical };
            if (g.TryGetProperty("names", out var ns)) names.AddRange(ns.EnumerateArray().Select(n => n.GetString()!));
            bool found = article.Entities.Any(e => TypeName(e.Type) == type
                && (names.Contains(e.Canonical, StringComparer.OrdinalIgnoreCase)
                    || e.Mentions.Any(i => names.Any(n => article.StringOf(article.Mentions[i].Span).StartsWith(n, StringComparison.OrdinalIgnoreCase)))));
            if (!found) missing.Add($"{type} {canonical}");
        }
        Assert.True(missing.Count == 0, "missing: " + string.Join(", ", missing));
    }

    [Fact]
    public void Capitals_in_the_model_article_are_read_in_context()
    {
        var dir = SampleDir();
        Assert.True(dir is not null, MissingSample);
        var article = new Analyzer().AnalyzeText(File.ReadAllText(Path.Combine(dir!, "nordkorea-freiwillige.de.txt")));
        var byText = article.Mentions.Select(m => (Text: article.StringOf(m.Span), m.Kind, Entity: article.Entities[m.EntityId].Canonical)).ToList();
        Assert.Contains(("Pjöngjang", MentionKind.Metonym, "North Korea"), byText);   // "Pjöngjang plane, ..."
        Assert.Contains(("Moskaus", MentionKind.Metonym, "Russia"), byText);         // "den Erwartungen Moskaus"
        Assert.Contains(("Kiew", MentionKind.Name, "Kyiv"), byText);                 // "Kiew ... einzunehmen"
        Assert.Contains(("Kreml", MentionKind.Metonym, "Russia"), byText);
    }

    private static string TypeName(EntityType t) => t switch
    {
        EntityType.Person => "person",
        EntityType.Organization => "organization",
        EntityType.Media => "media",
        EntityType.Country => "country",
        EntityType.Place => "place",
        _ => "other",
    };
}
