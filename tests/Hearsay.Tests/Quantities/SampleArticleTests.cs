using System.Text.Json;
using Hearsay.Document;

namespace Hearsay.Tests.Quantities;

/// <summary>
/// Checks the quantities of the hand-annotated sample article in the shared folder (read at run time,
/// never copied into the repository). The folder is HEARSAY_SHARED or ../shared next to the checkout; a missing folder fails the test;
/// when it is missing there is nothing to check.
/// </summary>
public class SampleArticleTests
{
    private static string? SharedDir()
    {
        var env = Environment.GetEnvironmentVariable("HEARSAY_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "..", "shared");
            if (File.Exists(Path.Combine(dir.FullName, "Hearsay.slnx")) && Directory.Exists(candidate)) return candidate;
        }
        return null;
    }

    [Fact]
    public void Gold_quantities_of_the_sample_article_are_found()
    {
        var shared = SharedDir();
        var textPath = shared is null ? null : Path.Combine(shared, "samples", "nordkorea-freiwillige.de.txt");
        var goldPath = shared is null ? null : Path.Combine(shared, "samples", "nordkorea-freiwillige.de.gold.json");
        Assert.True(textPath is not null && File.Exists(textPath) && File.Exists(goldPath),
            "The shared sample (samples/nordkorea-freiwillige.de.*) is missing: put ../shared beside the checkout or set HEARSAY_SHARED.");

        var article = new Analyzer().AnalyzeText(File.ReadAllText(textPath));
        using var gold = JsonDocument.Parse(File.ReadAllText(goldPath!));
        var problems = new List<string>();
        foreach (var g in gold.RootElement.GetProperty("quantities").EnumerateArray())
        {
            var anchor = g.GetProperty("anchor").GetString()!;
            var match = article.Quantities.FirstOrDefault(q =>
                article.StringOf(q.Span).Contains(anchor, StringComparison.OrdinalIgnoreCase)
                || anchor.Contains(article.StringOf(q.Number), StringComparison.OrdinalIgnoreCase) && anchor.Contains(article.StringOf(q.Span), StringComparison.OrdinalIgnoreCase));
            if (match is null) { problems.Add($"not found: {anchor}"); continue; }
            var value = g.GetProperty("value");
            if (value.ValueKind == JsonValueKind.Number && Math.Abs(value.GetDouble() - match.Value) > 1e-6) problems.Add($"{anchor}: value {match.Value}");
            if (value.ValueKind == JsonValueKind.String && value.GetString() != match.ValueText) problems.Add($"{anchor}: value {match.ValueText}");
            // The counted phrase ends in the gold's noun ("aktive Soldat:innen" for "Soldat:innen"); "Monaten" for "Monate".
            if (g.TryGetProperty("counted", out var counted) && !HeadMatches(article.Text(match.Counted) ?? "", counted.GetString()!))
                problems.Add($"{anchor}: counted {article.Text(match.Counted)}");
            if (g.TryGetProperty("approximate", out var approx) && approx.GetBoolean() != match.Approximate) problems.Add($"{anchor}: approximate {match.Approximate}");
            if (g.TryGetProperty("bound", out var bound) && !string.Equals(bound.GetString(), match.Bound.ToString(), StringComparison.OrdinalIgnoreCase))
                problems.Add($"{anchor}: bound {match.Bound}");
            if (g.TryGetProperty("kind", out var kind) && !string.Equals(kind.GetString(), match.Kind.ToString(), StringComparison.OrdinalIgnoreCase))
                problems.Add($"{anchor}: kind {match.Kind}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static bool HeadMatches(string phrase, string noun)
    {
        var head = phrase.Split(' ').Last();
        return head.StartsWith(noun, StringComparison.OrdinalIgnoreCase) || noun.StartsWith(head, StringComparison.OrdinalIgnoreCase);
    }
}
