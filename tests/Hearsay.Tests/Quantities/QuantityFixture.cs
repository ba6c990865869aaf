using Hearsay.Document;

namespace Hearsay.Tests.Quantities;

/// <summary>Runs the whole pipeline on a fixture text and reads its quantities back as strings.</summary>
internal static class QuantityFixture
{
    private static readonly Analyzer Analyzer = new();

    public static Article Analyze(string text, string language) =>
        Analyzer.AnalyzeText(text, new ArticleMetadata { Language = language });

    public static List<Quantity> All(string text, string language) => Analyze(text, language).Quantities;

    /// <summary>The one quantity whose whole span reads <paramref name="span"/>; fails listing what was found.</summary>
    public static (Article Article, Quantity Quantity) Find(string text, string language, string span)
    {
        var a = Analyze(text, language);
        var hits = a.Quantities.Where(q => a.StringOf(q.Span) == span).ToList();
        Assert.True(hits.Count == 1, $"expected one quantity spanning \"{span}\" in \"{text}\"; found: {Describe(a)}");
        return (a, hits[0]);
    }

    public static string? Text(this Article a, TextSpan? span) => span is { } s ? a.StringOf(s) : null;

    public static string Describe(Article a) =>
        a.Quantities.Count == 0 ? "(none)" : string.Join("; ", a.Quantities.Select(q => $"[{a.StringOf(q.Span)}] {q.Kind} {q.Value}"));
}
