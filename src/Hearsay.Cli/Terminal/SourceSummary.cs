using Hearsay.Document;

namespace Hearsay.Cli.Terminal;

/// <summary>One row of the sources table: a source and what the article attributes to it.</summary>
public sealed record SourceRow(string Name, string Kind, IReadOnlyList<string> Roles, int Statements,
    IReadOnlyList<string> Media, IReadOnlyList<string> Relays);

/// <summary>
/// Groups the article's attributions by source for display: by resolved entity where there is one,
/// otherwise by the source's words and kind. Presentation only: it reads the model, it does not resolve anything.
/// </summary>
public static class SourceSummary
{
    public static List<SourceRow> Of(Article article)
    {
        var groups = new Dictionary<string, Group>(StringComparer.OrdinalIgnoreCase);
        var order = new List<Group>();
        foreach (var at in article.Attributions)
        {
            var entity = EntityOf(article, at.Source.EntityId);
            string sourceText = at.Source.Span is { } s ? Flat(article.StringOf(s)) : "";
            string key = entity is not null ? "e:" + entity.Id
                       : sourceText.Length > 0 ? "t:" + sourceText + "|" + at.Source.Kind
                       : "none";
            if (!groups.TryGetValue(key, out var g))
            {
                g = new Group(entity?.Canonical ?? (sourceText.Length > 0 ? sourceText : "(no source)"),
                              Hearsay.Output.OutputNames.Of(at.Source.Kind));
                groups[key] = g;
                order.Add(g);
                if (entity is not null) foreach (var r in entity.Roles) g.Roles.Add(r);
            }
            g.Statements++;
            if (at.Source.Role is { } role) g.Roles.Add(Flat(article.StringOf(role)));
            if (at.Medium is { } medium) g.Media.Add(EntityOf(article, at.MediumEntityId)?.Canonical ?? Flat(article.StringOf(medium)));
            foreach (var relay in at.Relays)
            {
                string name = EntityOf(article, relay.EntityId)?.Canonical
                              ?? Flat(article.StringOf(relay.Name ?? relay.Span));
                g.Relays.Add(name);
            }
        }
        return order
            .Select((g, i) => (g, i))
            .OrderByDescending(x => x.g.Statements).ThenBy(x => x.i)
            .Select(x => new SourceRow(x.g.Name, x.g.Kind, x.g.Roles.ToList(), x.g.Statements, x.g.Media.ToList(), x.g.Relays.ToList()))
            .ToList();
    }

    internal static Entity? EntityOf(Article article, int id)
    {
        if (id < 0) return null;
        if (id < article.Entities.Count && article.Entities[id].Id == id) return article.Entities[id];
        return article.Entities.FirstOrDefault(e => e.Id == id);
    }

    internal static string Flat(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private sealed class Group(string name, string kind)
    {
        public string Name { get; } = name;
        public string Kind { get; } = kind;
        public int Statements { get; set; }
        // Insertion-ordered sets: the first spelling seen is the one shown.
        public OrderedSet Roles { get; } = new();
        public OrderedSet Media { get; } = new();
        public OrderedSet Relays { get; } = new();
    }

    private sealed class OrderedSet : List<string>
    {
        private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);
        public new void Add(string s)
        {
            if (s.Length > 0 && _seen.Add(s)) base.Add(s);
        }
    }
}
