using Hearsay.Document;

namespace Hearsay.Tests;

/// <summary>Shared helpers: analyze a fixture and look up what the spec tests ask about.</summary>
internal static class TestArticles
{
    private static readonly Analyzer Analyzer = new();

    public static Article De(string text) => Analyzer.AnalyzeText(text, new ArticleMetadata { Language = "de" });
    public static Article En(string text) => Analyzer.AnalyzeText(text, new ArticleMetadata { Language = "en" });

    /// <summary>The single attribution whose content contains <paramref name="content"/>; fails with the list otherwise.</summary>
    public static Attribution AttributionWith(this Article a, string content)
    {
        var hits = a.Attributions.Where(x => a.StringOf(x.Content).Contains(content, StringComparison.Ordinal)).ToList();
        Assert.True(hits.Count >= 1, $"no attribution holds «{content}»; found: {Describe(a)}");
        return hits.OrderBy(x => x.Content.Length).First();
    }

    public static string Describe(Article a) => string.Join(" | ", a.Attributions.Select(x =>
        $"{x.Kind} cue=«{a.StringOf(x.Cue)}» src=«{(x.Source.Span is { } s ? a.StringOf(s) : "-")}» content=«{a.StringOf(x.Content)}»"));

    public static string CueText(this Article a, Attribution x) =>
        a.StringOf(x.Cue) + (x.CueParticle is { } p ? " … " + a.StringOf(p) : "");

    public static string SourceText(this Article a, Attribution x) => x.Source.Span is { } s ? a.StringOf(s) : "";

    public static string? SourceEntity(this Article a, Attribution x) => x.Source.EntityId >= 0 ? a.Entities[x.Source.EntityId].Canonical : null;

    public static string? MediumText(this Article a, Attribution x) => x.Medium is { } m ? a.StringOf(m) : null;
}
