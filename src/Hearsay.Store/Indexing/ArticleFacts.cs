using Hearsay.Document;
using Hearsay.Languages;
using Hearsay.Output;

namespace Hearsay.Store.Indexing;

/// <summary>Whether a name cites (a source) or carries (a medium the source spoke in, a relay the author got it from).</summary>
public enum NameRole : byte { Source, Medium, Relay }

/// <summary>A source, medium or relay of one article, with how many of its statements involve it.</summary>
/// <param name="Name">As shown: the resolved entity's canonical name, else the words of the text, white space collapsed.</param>
/// <param name="Kind">For sources the source kind (person, organization, media, document, anonymous, vague, unknown);
/// for media and relays the entity's subtype or type, or "phrase" when no entity was resolved.</param>
/// <param name="Norm">The grouping key across articles: the name case-folded.</param>
public sealed record NameFact(NameRole Role, string Kind, string Name, string Norm, bool StateMedia)
{
    public int Statements { get; set; }
}

/// <summary>A source cited through a medium or relay, with the number of statements.</summary>
public sealed record LinkFact(int Source, int Channel)
{
    public int Statements { get; set; }
}

/// <summary>One attribution, by index into <see cref="ArticleFacts.Names"/> (-1 when absent).</summary>
public sealed record AttributionFact(int Ordinal, string Kind, int Source, int Medium, string Cue);

/// <summary>One claim and its sourcing assessment; the chain as one line ("A (origin) → B (relay) → author").</summary>
public sealed record ClaimFact(int Ordinal, int Attribution, string Origin, bool FirstHand, int IndependentSources,
    bool HedgedByAuthor, bool StateMediaOrigin, string Chain);

/// <summary>A passage for full-text search: a claim's words or a quotation's, with the source it is attributed to.</summary>
public sealed record PassageFact(string Kind, string Text, string? Source, string Ref);

/// <summary>
/// What the store's query tables hold about one analysed article: its sources, media and relays with
/// statement counts, which source was cited through which channel, the attributions and claims, and the
/// passages for full-text search. Read from the model, as the terminal view's source summary reads it:
/// nothing is analysed here.
/// </summary>
public sealed class ArticleFacts
{
    /// <summary>Passages beyond this many per article are not indexed (the store numbers them in 12 bits).</summary>
    public const int MaxPassages = 4096;
    /// <summary>Quotations shorter than this many characters (scare quotes, titles) are not indexed as passages.</summary>
    public const int MinQuoteChars = 20;

    public List<NameFact> Names { get; } = new();
    public List<LinkFact> Links { get; } = new();
    public List<AttributionFact> Attributions { get; } = new();
    public List<ClaimFact> Claims { get; } = new();
    public List<PassageFact> Passages { get; } = new();

    private readonly Dictionary<(NameRole, string, string), int> _index = new();
    private readonly Dictionary<(int, int), LinkFact> _links = new();

    public static ArticleFacts Of(Article article)
    {
        var facts = new ArticleFacts();
        facts.Read(article);
        return facts;
    }

    private void Read(Article a)
    {
        foreach (var at in a.Attributions)
        {
            int source = SourceOf(a, at);
            int medium = -1;
            if (at.Medium is { } m)
            {
                var me = EntityAt(a, at.MediumEntityId);
                medium = Count(NameRole.Medium, me is null ? "phrase" : ChannelKind(me), me?.Canonical ?? Flat(a.Text.AsSpan(m.Start, m.Length)), me?.StateMedia ?? false);
                Link(source, medium);
            }
            var seenRelays = new HashSet<int>();
            foreach (var relay in at.Relays)
            {
                var re = EntityAt(a, relay.EntityId);
                var span = relay.Name ?? relay.Span;
                int r = Count(NameRole.Relay, re is null ? "phrase" : ChannelKind(re), re?.Canonical ?? Flat(a.Text.AsSpan(span.Start, span.Length)), re?.StateMedia ?? false);
                if (r >= 0 && seenRelays.Add(r)) Link(source, r);
            }
            Attributions.Add(new AttributionFact(at.Id, OutputNames.Of(at.Kind), source, medium,
                Flat(a.Text.AsSpan(at.Cue.Start, at.Cue.Length))));
        }

        var quoted = new HashSet<(int, int)>();
        foreach (var c in a.Claims)
        {
            var s = c.Assessment;
            string chain = string.Join(" → ", c.Chain.Select(l => $"{l.Name} ({OutputNames.Of(l.Role)})"));
            Claims.Add(new ClaimFact(c.Id, c.AttributionId, OutputNames.Of(s.Origin), s.FirstHand, s.IndependentSources,
                s.HedgedByAuthor, s.StateMediaOrigin, chain));
            string? origin = c.Chain.Count > 0 && c.Chain[0].Role == ChainRole.Origin ? c.Chain[0].Name : null;
            AddPassage("claim", a.Text.AsSpan(c.Content.Start, c.Content.Length), origin, OutputNames.ClaimId(c.Id));
            quoted.Add((c.Content.Start, c.Content.End));
        }
        // Quotations that are not already a claim's content: what someone is quoted as saying, however attributed.
        foreach (var q in a.Quotations)
        {
            var inner = q.Inner;
            if (inner.Length < MinQuoteChars || quoted.Contains((inner.Start, inner.End)) || quoted.Contains((q.Outer.Start, q.Outer.End))) continue;
            string? source = null;
            foreach (var at in a.Attributions)
                if (at.Content.Overlaps(inner))
                {
                    source = NameOfSource(a, at);
                    break;
                }
            AddPassage("quote", a.Text.AsSpan(inner.Start, inner.Length), source, "");
        }
    }

    private void AddPassage(string kind, ReadOnlySpan<char> text, string? source, string reference)
    {
        if (Passages.Count >= MaxPassages) return;
        var flat = Flat(text);
        if (flat.Length > 0) Passages.Add(new PassageFact(kind, flat, source, reference));
    }

    /// <summary>The name an unresolved pronoun source ("er", "she") is counted under: across articles "er" names no one.</summary>
    public const string UnresolvedPronoun = "(unresolved pronoun)";

    /// <summary>The name a source is counted under when it is its own cue, a sentence adverb pointing back at an
    /// earlier report ("Demnach …"): it names no one either.</summary>
    public const string UnresolvedReference = "(earlier report, unresolved)";

    private int SourceOf(Article a, Attribution at)
    {
        string? name = NameOfSource(a, at);
        if (name is not null && at.Source.EntityId < 0 && IsPronoun(a, name)) name = UnresolvedPronoun;
        else if (name is not null && at.Source.EntityId < 0 && at.Source.Span == at.Cue) name = UnresolvedReference;
        return name is null ? -1 : Count(NameRole.Source, OutputNames.Of(at.Source.Kind), name, EntityAt(a, at.Source.EntityId)?.StateMedia ?? false);
    }

    private static string? NameOfSource(Article a, Attribution at)
    {
        var entity = EntityAt(a, at.Source.EntityId);
        if (entity is not null) return entity.Canonical;
        if (at.Source.Span is { } s)
        {
            var flat = Flat(a.Text.AsSpan(s.Start, s.Length));
            if (flat.Length > 0) return flat;
        }
        return null;
    }

    private static bool IsPronoun(Article a, string name) =>
        name.IndexOf(' ') < 0 && LanguageRegistry.Default.For(a.Language) is { IsSupported: true } pack && pack.Words("pronouns").Contains(name);

    /// <summary>Counts one statement for the name; returns its index.</summary>
    private int Count(NameRole role, string kind, string name, bool stateMedia)
    {
        if (name.Length == 0) return -1;
        string norm = name.ToLowerInvariant();
        if (!_index.TryGetValue((role, kind, norm), out int i))
        {
            i = Names.Count;
            Names.Add(new NameFact(role, kind, name, norm, stateMedia));
            _index[(role, kind, norm)] = i;
        }
        Names[i].Statements++;
        return i;
    }

    private void Link(int source, int channel)
    {
        if (source < 0 || channel < 0) return;
        if (!_links.TryGetValue((source, channel), out var link))
        {
            link = new LinkFact(source, channel);
            _links[(source, channel)] = link;
            Links.Add(link);
        }
        link.Statements++;
    }

    private static string ChannelKind(Entity e) => e.Subtype ?? OutputNames.Of(e.Type);

    private static Entity? EntityAt(Article a, int id)
    {
        if (id < 0) return null;
        if (id < a.Entities.Count && a.Entities[id].Id == id) return a.Entities[id];
        foreach (var e in a.Entities) if (e.Id == id) return e;
        return null;
    }

    /// <summary>The text with every run of white space (line breaks included) collapsed to one space, trimmed.</summary>
    public static string Flat(ReadOnlySpan<char> s)
    {
        s = s.Trim();
        if (s.IsEmpty) return "";
        var buffer = s.Length <= 1024 ? stackalloc char[s.Length] : new char[s.Length];
        int n = 0;
        bool space = false;
        foreach (char c in s)
        {
            if (char.IsWhiteSpace(c)) { space = true; continue; }
            if (space && n > 0) buffer[n++] = ' ';
            space = false;
            buffer[n++] = c;
        }
        return new string(buffer[..n]);
    }
}
