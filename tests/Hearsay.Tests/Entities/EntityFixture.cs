using Hearsay.Document;

namespace Hearsay.Tests.Entities;

/// <summary>Runs the pipeline on a small text and answers questions about its entities and mentions.</summary>
public sealed class EntityFixture
{
    private static readonly Analyzer Analyzer = new();

    public Article Article { get; }

    private EntityFixture(Article article) => Article = article;

    public static EntityFixture German(string text) => new(Analyzer.AnalyzeText(text, new ArticleMetadata { Language = "de" }));
    public static EntityFixture English(string text) => new(Analyzer.AnalyzeText(text, new ArticleMetadata { Language = "en" }));

    public string TextOf(Mention m) => Article.StringOf(m.Span);

    /// <summary>All mentions whose text is exactly <paramref name="surface"/>.</summary>
    public IReadOnlyList<Mention> MentionsOf(string surface) => Article.Mentions.Where(m => TextOf(m) == surface).ToList();

    /// <summary>The one mention with exactly this text (fails when there is none or several).</summary>
    public Mention Mention(string surface)
    {
        var found = MentionsOf(surface);
        Assert.True(found.Count == 1, $"expected one mention «{surface}», found {found.Count}; mentions: {Describe()}");
        return found[0];
    }

    public Entity EntityOf(Mention m) => Article.Entities[m.EntityId];

    public Entity EntityOf(string surface) => EntityOf(Mention(surface));

    public Entity? Entity(string canonical) => Article.Entities.FirstOrDefault(e => e.Canonical == canonical);

    public IReadOnlyList<string> MentionTexts(Entity e) => e.Mentions.Select(i => TextOf(Article.Mentions[i])).ToList();

    public bool HasMentionOver(string surface) => Article.Mentions.Any(m => TextOf(m).Contains(surface, StringComparison.Ordinal));

    public string Describe() => string.Join("; ", Article.Mentions.Select(m => $"«{TextOf(m)}» {m.Kind} → {Article.Entities[m.EntityId].Canonical} ({Article.Entities[m.EntityId].Type})"));
}
