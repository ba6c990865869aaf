using Hearsay.Document;
using Hearsay.Output;
using Hearsay.Provenance.Model;

namespace Hearsay.Provenance.Sources;

/// <summary>
/// Turns an analyzed <see cref="Article"/> into the provenance layer's <see cref="ClaimArticle"/>: each claim
/// with its chain hops keyed across articles, the quantities and entities inside it, and the spans of names and
/// numbers that the matcher reads as entities and values rather than as words. Reads the model; never analyzes.
/// </summary>
public static class ArticleClaimsExtractor
{
    /// <param name="outlet">The outlet when the article's metadata has none (e.g. from its file name).</param>
    public static ClaimArticle Extract(Article a, long sequence = 0, string? id = null, string? outlet = null)
    {
        var m = a.Metadata;
        DateTimeOffset? published = m.Published;
        var dateFrom = published is null ? DateSource.None : DateSource.Metadata;
        if (published is null && HeaderDate(a) is { } inText)
        {
            published = inText;
            dateFrom = DateSource.Text;
        }
        outlet = m.Outlet ?? outlet;
        var info = new ArticleInfo
        {
            Id = id ?? ArticleIds.Of(m.Url, a.Text, m.Path),
            Path = m.Path,
            Url = m.Url,
            Title = a.Structure.Title is { } t ? a.StringOf(t) : null,
            Outlet = outlet,
            Published = published,
            PublishedFrom = dateFrom,
            Language = a.Language,
            Sequence = sequence,
            Authors = a.Structure.Authors.Select(a.StringOf).ToList(),
        };
        var result = new ClaimArticle { Info = info };
        var keys = new string[a.Entities.Count];
        foreach (var e in a.Entities)
        {
            var key = Keys.Entity(OutputNames.Of(e.Type), e.Canonical, e.GazetteerId);
            if (e.Id < keys.Length) keys[e.Id] = key;
            result.Entities.Add(new EntityFact(OutputNames.EntityId(e.Id), OutputNames.Of(e.Type), e.Canonical, key, e.StateMedia));
        }
        string KeyOf(int entityId) => entityId >= 0 && entityId < keys.Length ? keys[entityId] : "";
        var outletKey = OutletDirectory.Default.Resolve(outlet, m.Url);

        foreach (var c in a.Claims)
        {
            var att = c.AttributionId >= 0 && c.AttributionId < a.Attributions.Count ? a.Attributions[c.AttributionId] : null;
            var mention = new ClaimMention
            {
                ArticleId = info.Id,
                LocalId = OutputNames.ClaimId(c.Id),
                Text = a.StringOf(c.Content),
                Start = c.Content.Start,
                End = c.Content.End,
                Form = att is null ? "unattributed" : OutputNames.Of(att.Kind),
                Origin = OutputNames.Of(c.Assessment.Origin),
                StateMediaOrigin = c.Assessment.StateMediaOrigin,
                HedgedByAuthor = c.Assessment.HedgedByAuthor,
                Headline = att is null,
            };
            foreach (var link in c.Chain)
            {
                string role = OutputNames.Of(link.Role), kind = OutputNames.Of(link.Kind);
                string key;
                bool state = false, identified = false;
                if (link.EntityId >= 0 && KeyOf(link.EntityId) is { Length: > 0 } k)
                {
                    key = k;
                    state = a.Entities[link.EntityId].StateMedia;
                    identified = true;
                }
                else if (link.Role == ChainRole.Outlet) (key, _, state) = outletKey;
                else if (link.Role == ChainRole.Author) key = "author:" + Keys.Fold(link.Name);
                else if (link.Role is ChainRole.Relay or ChainRole.Medium)
                {
                    var resolved = OutletDirectory.Default.Resolve(link.Name);
                    identified = resolved.Key.StartsWith("g:", StringComparison.Ordinal);
                    key = identified ? resolved.Key : Keys.Phrase(kind, link.Name);
                    state = resolved.StateMedia;
                }
                else key = Keys.Phrase(kind, link.Name);
                if (link.Role == ChainRole.Outlet) identified = key.Length > 0;
                var name = identified ? link.Name : Phrases.Clean(link.Name, a.Language);
                if (!identified && link.Role is not (ChainRole.Author or ChainRole.Outlet)) key = Keys.Phrase(kind, name);
                mention.Chain.Add(new ChainHop(role, name, kind, key, link.Inferred, state, identified));
            }
            foreach (var qi in c.Quantities)
            {
                if ((uint)qi >= (uint)a.Quantities.Count) continue;
                var q = a.Quantities[qi];
                mention.Quantities.Add(new QuantityFact(OutputNames.Of(q.Kind), q.Value, q.UpperValue, q.Unit, OutputNames.Of(q.Bound),
                    q.Approximate, a.StringOf(q.Span), q.Qualifier is { } ql ? a.StringOf(ql) : null, q.ValueText, a.StringOf(q.Number)));
                Cover(mention, c.Content, q.Number);
                if (q.Qualifier is { } qualifier) Cover(mention, c.Content, qualifier); // "at least", "bis zu": the value's bound, not a word
            }
            // Attribution phrases inside the claim ("nach Angaben der Feuerwehr", "a source told Reuters") say who
            // reported it, not what: the chain holds them, the matcher does not read them as the claim's words.
            foreach (var at in a.Attributions)
            {
                Cover(mention, c.Content, at.Cue);
                if (at.CueParticle is { } particle) Cover(mention, c.Content, particle);
                if (at.Source.Span is { } source) Cover(mention, c.Content, source);
                if (at.Medium is { } medium) Cover(mention, c.Content, medium);
                foreach (var r in at.Relays) Cover(mention, c.Content, r.Span);
            }
            foreach (var men in a.Mentions)
            {
                if (men.EntityId < 0 || !c.Content.Contains(men.Span)) continue;
                if (men.Kind is MentionKind.Pronoun or MentionKind.Description) continue;
                var key = KeyOf(men.EntityId);
                if (key.Length > 0 && !mention.EntityKeys.Contains(key)) mention.EntityKeys.Add(key);
                Cover(mention, c.Content, men.Span);
            }
            foreach (var s in c.Supports) mention.Supports.Add(OutputNames.ClaimId(s));
            foreach (var h in c.Hedges)
                if ((uint)h < (uint)a.Hedges.Count) mention.HedgeKinds.Add(OutputNames.Of(a.Hedges[h].Kind));
            result.Claims.Add(mention);
        }
        return result;
    }

    private static void Cover(ClaimMention mention, TextSpan content, TextSpan span)
    {
        int s = Math.Max(span.Start, content.Start) - content.Start, e = Math.Min(span.End, content.End) - content.Start;
        if (e > s) mention.Covered.Add((s, e));
    }

    /// <summary>A full date (year, month, day) in the byline or the dateline: the article's publication date
    /// when no metadata gives one.</summary>
    internal static DateTimeOffset? HeaderDate(Article a)
    {
        var st = a.Structure;
        foreach (var q in a.Quantities)
        {
            if (q.Kind != QuantityKind.Date || q.ValueText is not { Length: 10 } iso) continue;
            bool header = st.Dateline is { } d && d.Overlaps(q.Span);
            if (!header)
            {
                int b = st.BlockIndexAt(q.Span.Start);
                header = b >= 0 && st.Blocks[b].Kind is BlockKind.Byline;
            }
            if (header && DateOnly.TryParseExact(iso, "yyyy-MM-dd", out var date))
                return new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }
        return null;
    }
}
